// The usage report counts the audit log in the database with provider-specific date bucketing: the same events on
// SQLite and PostgreSQL give the same report, equal to a count by hand, per day, ISO week (Monday) and month, with the
// range's ends inclusive/exclusive. The log is append-only on both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../../db/postgres-admin.js';
import { createPrismaClient, type AtlasPrisma } from '../../db/prisma.js';
import { UsageReportService } from './usage-report.service.js';
import { UsagePeriod, type UsageReportRowView } from './usage-report.type.js';

type Kind = 'PERSON_READ' | 'MUTATION' | 'DENIED';
type Event = [at: string, user: 'ani' | 'budi' | null, kind: Kind, rows?: number, clear?: boolean];

// 2026-03-01 is a Sunday, 2026-03-02 a Monday.
const EVENTS: Event[] = [
  ['2026-02-27T10:00:00.000Z', 'ani', 'PERSON_READ', 50],
  ['2026-02-28T23:59:59.999Z', 'ani', 'PERSON_READ', 1, true],
  ['2026-03-01T00:00:00.000Z', 'ani', 'MUTATION'],
  ['2026-03-01T23:59:59.999Z', 'budi', 'DENIED'],
  ['2026-03-02T00:00:00.000Z', 'budi', 'PERSON_READ', 7],
  ['2026-03-02T08:30:00.000Z', 'budi', 'PERSON_READ', 0],
  ['2026-03-02T09:00:00.000Z', 'budi', 'MUTATION'],
  ['2026-03-31T23:59:59.000Z', 'ani', 'DENIED'],
  ['2026-04-01T00:00:00.000Z', 'ani', 'PERSON_READ', 3],
  ['2026-04-01T00:00:00.000Z', null, 'DENIED'],
  // Outside the reported range [2026-02-27, 2026-04-02).
  ['2026-02-26T23:59:59.999Z', 'ani', 'PERSON_READ', 1000],
  ['2026-04-02T00:00:00.000Z', 'budi', 'MUTATION'],
];
const FROM = new Date('2026-02-27T00:00:00.000Z');
const TO = new Date('2026-04-02T00:00:00.000Z');

/** Start of the period of a time, by hand. */
function periodStart(at: Date, period: UsagePeriod): string {
  const day = at.toISOString().slice(0, 10);
  if (period === UsagePeriod.DAY) return day;
  if (period === UsagePeriod.MONTH) return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

function expectedRows(period: UsagePeriod): Array<Omit<UsageReportRowView, 'user'> & { user: string | null }> {
  const rows = new Map<string, Omit<UsageReportRowView, 'user'> & { user: string | null }>();
  for (const [at, user, kind, count = 0, clear = false] of EVENTS) {
    const time = new Date(at);
    if (time < FROM || time >= TO) continue;
    const start = periodStart(time, period);
    const key = `${start}|${user ?? ''}`;
    const row = rows.get(key) ?? { periodStart: new Date(`${start}T00:00:00.000Z`), user, personReads: 0, personRowsRead: 0, clearReads: 0, mutations: 0, denied: 0 };
    if (kind === 'PERSON_READ') {
      row.personReads += 1;
      row.personRowsRead += count;
      if (clear) row.clearReads += 1;
    } else if (kind === 'MUTATION') row.mutations += 1;
    else row.denied += 1;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.periodStart.getTime() - b.periodStart.getTime() || (a.user ?? '').localeCompare(b.user ?? ''));
}

async function seedEvents(prisma: AtlasPrisma): Promise<void> {
  const ani = await prisma.appUser.create({ data: { username: 'ani', displayName: 'Ani', role: 'NATIONAL_ANALYST' } });
  const budi = await prisma.appUser.create({ data: { username: 'budi', displayName: 'Budi', role: 'OPERATOR', regionCode: null } });
  const ids = { ani: ani.id, budi: budi.id };
  await prisma.auditEvent.createMany({
    data: EVENTS.map(([at, user, kind, rowCount = 0, clear = false]) => ({
      at: new Date(at), userId: user === null ? null : ids[user], kind, field: 'families', arguments: '{}', rowCount, clear,
    })),
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dtsen-usage-'));
const pgName = uniqueDatabaseName('usage');
const engines: Record<DatabaseConfig['provider'], AtlasPrisma | null> = { sqlite: null, postgresql: null };

beforeAll(async () => {
  const file = join(dir, 'u.db');
  await applyMigrations({ provider: 'sqlite', file });
  engines.sqlite = createPrismaClient({ provider: 'sqlite', url: `file:${file}`, file });
  const url = await createPostgresDatabase(pgName);
  await applyMigrations({ provider: 'postgresql', url });
  engines.postgresql = createPrismaClient({ provider: 'postgresql', url });
  for (const prisma of Object.values(engines)) await seedEvents(prisma!);
});

afterAll(async () => {
  for (const prisma of Object.values(engines)) await prisma?.$disconnect();
  await dropPostgresDatabase(pgName);
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['sqlite', 'postgresql'] as const)('%s', (provider) => {
  it.each([UsagePeriod.DAY, UsagePeriod.WEEK, UsagePeriod.MONTH])('counts per user and %s', async (period) => {
    const report = await new UsageReportService(engines[provider]!, provider).report(FROM, TO, period);
    expect(report.rows.map((r) => ({ ...r, user: r.user?.username ?? null }))).toEqual(expectedRows(period));
    expect(report.totals).toEqual({ personReads: 5, personRowsRead: 61, clearReads: 1, mutations: 2, denied: 3 });
    expect(report.rows.find((r) => r.user?.username === 'ani')?.user).toEqual({ username: 'ani', displayName: 'Ani', role: 'NATIONAL_ANALYST', regionCode: null });
  });

  it('splits the weeks on Monday (ISO weeks)', async () => {
    const report = await new UsageReportService(engines[provider]!, provider).report(FROM, TO, UsagePeriod.WEEK);
    expect([...new Set(report.rows.map((r) => r.periodStart.toISOString().slice(0, 10)))]).toEqual(['2026-02-23', '2026-03-02', '2026-03-30']);
  });

  it('refuses an empty or reversed range', async () => {
    const service = new UsageReportService(engines[provider]!, provider);
    await expect(service.report(TO, FROM, UsagePeriod.DAY)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service.report(FROM, FROM, UsagePeriod.DAY)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('keeps the log append-only', async () => {
    const prisma = engines[provider]!;
    await expect(prisma.$executeRawUnsafe('UPDATE audit_event SET row_count = 0')).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    // PostgreSQL's TRUNCATE bypasses row triggers: a statement trigger refuses it too (SQLite has no TRUNCATE).
    if (provider === 'postgresql') await expect(prisma.$executeRawUnsafe('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count()).toBe(EVENTS.length);
  });
});
