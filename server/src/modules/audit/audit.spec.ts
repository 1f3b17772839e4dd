// The audit log over real HTTP: what each kind of request writes to audit_event (before the answer is sent), that the
// log is append-only, that the usage report counts what the log holds, and that an answer is withheld when its events
// cannot be written.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite.js';
import { startTestApi, type TestApi } from '../__tests__/api-harness.js';
import { AuditLogBusyError, AuditService } from '../auth/audit.service.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

interface EventRow {
  id: number;
  at: Date;
  userId: number | null;
  kind: string;
  field: string;
  operation: string | null;
  arguments: string;
  rowCount: number;
  clear: boolean;
}

/** Runs `action` and returns the audit events it wrote. */
async function eventsOf(action: () => Promise<unknown>): Promise<EventRow[]> {
  const last = (await api.prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  await action();
  return api.prisma.auditEvent.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' } });
}

/** POSTs with an operation name (the audit log records it). */
async function named(token: string | null, operationName: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? api.authHeaders(token) : {}) },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: Record<string, unknown> }[] };
}

describe('person-level reads', () => {
  it('write exactly one PERSON_READ with the user, the operation, the filters and the rows returned', async () => {
    const token = await api.tokenFor('NATIONAL_ANALYST');
    const query = 'query Registry($r: ID) { families(filter: { regionCode: $r, desilMax: 4 }, first: 10) { edges { node { id kkMasked members { nikMasked } } } } }';
    let body: Awaited<ReturnType<typeof named>> = {};
    const events = await eventsOf(async () => {
      body = await named(token, 'Registry', query, { r: '32.01' });
    });
    const rows = (body.data?.['families'] as { edges: unknown[] }).edges.length;
    expect(rows).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: await api.userIdFor('NATIONAL_ANALYST'), kind: 'PERSON_READ', field: 'families', operation: 'Registry', rowCount: rows, clear: false,
    });
    expect(JSON.parse(events[0]!.arguments)).toEqual({ filter: { regionCode: '32.01', desilMax: 4 }, first: 10 });
  });

  it('log a clear read when identifiers go out in clear (ADMIN)', async () => {
    const events = await eventsOf(() => api.query('{ family(id: 1) { kk members { nik name } } }'));
    expect(events).toMatchObject([{ kind: 'PERSON_READ', field: 'family', rowCount: 1, clear: true }]);
    expect(JSON.parse(events[0]!.arguments)).toEqual({ id: 1 });
  });

  it('count a proposal\'s family as a person row, and leave proposals without it unlogged', async () => {
    await api.query('mutation { submitProposal(input: { kind: USULAN, path: PARTICIPATORY, familyId: 1 }) { id } }');
    const token = await api.tokenFor('REGIONAL_HEAD');
    const withFamily = await eventsOf(() => api.queryAs(token, '{ proposals(filter: { regionCode: "32.01" }) { edges { node { id family { id } } } } }'));
    expect(withFamily).toMatchObject([{ kind: 'PERSON_READ', field: 'proposals', rowCount: 1 }]);
    expect(await eventsOf(() => api.queryAs(token, '{ proposals(filter: { regionCode: "32.01" }) { totalCount edges { node { id status } } } }'))).toEqual([]);
  });

  it('are never answered from the response cache: every repetition is logged', async () => {
    const token = await api.tokenFor('NATIONAL_ANALYST');
    const events = await eventsOf(async () => {
      for (let i = 0; i < 3; i += 1) await api.queryAs(token, '{ family(id: 1) { id } }');
    });
    expect(events.map((e) => e.kind)).toEqual(['PERSON_READ', 'PERSON_READ', 'PERSON_READ']);
  });
});

describe('mutations and refusals', () => {
  it('log every mutation that ran, failed ones included', async () => {
    const token = await api.tokenFor('OPERATOR');
    const submit = 'mutation { submitProposal(input: { kind: DESIL_UPDATE, path: PARTICIPATORY, familyId: 1 }) { id } }';
    const first = await eventsOf(() => api.queryAs(token, submit));
    expect(first).toMatchObject([{ kind: 'MUTATION', field: 'submitProposal', userId: await api.userIdFor('OPERATOR'), rowCount: 0 }]);
    expect(JSON.parse(first[0]!.arguments)).toEqual({ input: { kind: 'DESIL_UPDATE', path: 'PARTICIPATORY', familyId: 1 } });
    let duplicate: unknown;
    const second = await eventsOf(async () => {
      duplicate = (await api.queryAs(token, submit)).body.errors?.[0]?.extensions?.code;
    });
    expect(duplicate).toBe('CONFLICT');
    expect(second).toMatchObject([{ kind: 'MUTATION', field: 'submitProposal' }]);
  });

  it('log a refusal of a signed-in user as DENIED (a refused mutation did not run: DENIED only)', async () => {
    const analyst = await api.tokenFor('POLICY_ANALYST');
    expect(await eventsOf(() => api.queryAs(analyst, '{ families(filter: { regionCode: "32" }) { edges { node { id } } } }'))).toMatchObject([
      { kind: 'DENIED', field: 'families', userId: await api.userIdFor('POLICY_ANALYST') },
    ]);
    expect(await eventsOf(() => api.queryAs(analyst, 'mutation { publishVersion(versionId: 3) { id } }'))).toMatchObject([{ kind: 'DENIED', field: 'publishVersion' }]);
    const bupati = await api.tokenFor('REGIONAL_HEAD');
    const outside = await eventsOf(() => api.queryAs(bupati, '{ decileDistribution(regionCode: "32.73") { totalFamilies } }'));
    expect(outside).toMatchObject([{ kind: 'DENIED', field: 'decileDistribution' }]);
    expect(JSON.parse(outside[0]!.arguments)).toMatchObject({ regionCode: '32.73' });
  });

  it('log nothing for anonymous requests or reads without person data', async () => {
    expect(await eventsOf(() => api.queryAs(null, '{ families { totalCount } }'))).toEqual([]);
    expect(await eventsOf(() => api.query('{ versions { id } decileDistribution { totalFamilies } }'))).toEqual([]);
  });
});

describe('the audit log', () => {
  it('is append-only: updates and deletes are refused by the database', async () => {
    await api.query('{ family(id: 1) { id } }');
    await expect(api.prisma.$executeRawUnsafe('UPDATE audit_event SET row_count = 0')).rejects.toThrow(/append-only/);
    await expect(api.prisma.$executeRawUnsafe('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(api.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it('feeds a usage report whose counts are those of the events, per user and period', async () => {
    const from = new Date(Date.now() - 24 * 3_600_000);
    const to = new Date(Date.now() + 24 * 3_600_000);
    const events = await api.prisma.auditEvent.findMany({ where: { at: { gte: from, lt: to } }, include: { user: true } });
    expect(events.length).toBeGreaterThan(5);
    type Row = { periodStart: string; user: { username: string } | null; personReads: number; personRowsRead: number; clearReads: number; mutations: number; denied: number };
    const report = await api.query<{ usageReport: { period: string; rows: Row[]; totals: Omit<Row, 'periodStart' | 'user'> } }>(
      'query($from: DateTimeISO!, $to: DateTimeISO!) { usageReport(from: $from, to: $to, period: DAY) { period rows { periodStart user { username } personReads personRowsRead clearReads mutations denied } totals { personReads personRowsRead clearReads mutations denied } } }',
      { from: from.toISOString(), to: to.toISOString() },
    );
    expect(report.body.errors).toBeUndefined();
    const expected = new Map<string, Row>();
    for (const event of events) {
      const periodStart = `${event.at.toISOString().slice(0, 10)}T00:00:00.000Z`;
      const key = `${periodStart}|${event.user?.username ?? ''}`;
      const row = expected.get(key) ?? { periodStart, user: event.user ? { username: event.user.username } : null, personReads: 0, personRowsRead: 0, clearReads: 0, mutations: 0, denied: 0 };
      if (event.kind === 'PERSON_READ') {
        row.personReads += 1;
        row.personRowsRead += event.rowCount;
        if (event.clear) row.clearReads += 1;
      }
      if (event.kind === 'MUTATION') row.mutations += 1;
      if (event.kind === 'DENIED') row.denied += 1;
      expected.set(key, row);
    }
    const sort = (rows: Row[]) => [...rows].sort((a, b) => `${a.periodStart}${a.user?.username}`.localeCompare(`${b.periodStart}${b.user?.username}`));
    const { usageReport } = report.body.data!;
    expect(usageReport.period).toBe('DAY');
    expect(sort(usageReport.rows)).toEqual(sort([...expected.values()]));
    expect(usageReport.totals.personReads).toBe(events.filter((e) => e.kind === 'PERSON_READ').length);
    expect(usageReport.totals.mutations).toBe(events.filter((e) => e.kind === 'MUTATION').length);
    expect(usageReport.totals.denied).toBe(events.filter((e) => e.kind === 'DENIED').length);
    // The analyst's reads of this file are in there (the report counts itself out: it is no person-level read).
    expect(usageReport.rows.find((r) => r.user?.username === 'national-analyst')?.personReads).toBeGreaterThanOrEqual(4);
  });

  it('is for ADMIN only, and refuses a reversed range', async () => {
    const query = '{ usageReport(from: "2026-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { totals { denied } } }';
    expect((await api.query(query)).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect((await api.queryAs(await api.tokenFor('NATIONAL_ANALYST'), query)).body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN', reason: 'MISSING_RIGHT', right: 'USAGE_REPORT',
    });
  });

  it('waits for another writer (a publication, an import) without holding up the server, then answers', async () => {
    const [{ file }] = await api.prisma.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE'); // what a publication holds for its whole transaction
    try {
      let answered = false;
      const person = eventsOf(async () => {
        const answer = await api.query<{ family: { id: number } }>('{ family(id: 1) { id kkMasked } }');
        answered = true;
        return answer;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false); // withheld until its event is written
      // Meanwhile the server answers others at once. SQLite's busy timeout (5 s) would have held its event loop.
      const started = performance.now();
      expect((await api.query('{ versions { id } }')).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(2_500);
      expect(answered).toBe(false);
      writer.exec('COMMIT');
      const events = await person;
      expect(answered).toBe(true);
      expect(events).toMatchObject([{ kind: 'PERSON_READ', field: 'family', rowCount: 1 }]);
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('gives up after its wait with AuditLogBusyError (the API answers 503 SERVICE_UNAVAILABLE), writing nothing', async () => {
    const [{ file }] = await api.prisma.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
    const own = openSqlite(file);
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const before = await api.prisma.auditEvent.count();
      const audit = new AuditService(api.prisma, own, 150);
      await expect(audit.record(null, null, { kind: 'PERSON_READ', field: 'family', arguments: {}, rowCount: 1 })).rejects.toBeInstanceOf(AuditLogBusyError);
      writer.exec('COMMIT');
      expect(await api.prisma.auditEvent.count()).toBe(before);
      // The connection's own busy timeout is left as it was.
      expect(own.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      if (writer.inTransaction) writer.exec('ROLLBACK');
      writer.close();
      own.close();
    }
  });

  it('must be written before an answer goes out: when it cannot be, the answer is withheld', async () => {
    await api.prisma.$executeRawUnsafe(
      "CREATE TRIGGER audit_event_test_broken BEFORE INSERT ON audit_event BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    try {
      const { status, body, text } = await api.query('{ family(id: 1) { id kkMasked } }');
      expect(status).toBe(500);
      expect(body.data).toBeUndefined();
      expect(body.errors).toMatchObject([{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(text).not.toContain('3201********0007');
      expect(api.loggedErrors.length).toBeGreaterThan(0);
      // Reads without person data do not need the log.
      expect((await api.query('{ versions { id } }')).status).toBe(200);
    } finally {
      await api.prisma.$executeRawUnsafe('DROP TRIGGER audit_event_test_broken');
      api.loggedErrors.length = 0;
    }
  });
});
