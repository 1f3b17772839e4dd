// The response cache's generation on PostgreSQL (migration 0018 + db/pg-generation.ts): every committed write of
// another connection to a table an analysis reads is a new generation, one per transaction; rollbacks and access
// control's tables are not; a lost listening connection means "unknown" until a new one listens, which is a new
// generation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyMigrations } from './migrate.js';
import { copySqliteToPostgres } from './pg-copy.js';
import { GENERATION_APPLICATION_NAME, listenForGeneration, type GenerationListener } from './pg-generation.js';
import { createPostgresDatabase, dropPostgresDatabase, postgresDatabaseUrl, uniqueDatabaseName } from './postgres-admin.js';

/** Tables no cached answer reads: no trigger, on purpose (see the migration). */
const UNWATCHED = ['_atlas_migrations', 'api_token', 'app_user', 'audit_event'];

const name = uniqueDatabaseName('generation');
let url: string;
let writer: pg.Client;
let listener: GenerationListener | null = null;
const logged: unknown[] = [];

beforeAll(async () => {
  url = await createPostgresDatabase(name);
  await applyMigrations({ provider: 'postgresql', url });
  writer = new pg.Client({ connectionString: url });
  await writer.connect();
  await writer.query("INSERT INTO region (code, name, level) VALUES ('ID', 'Indonesia', 'NATION')");
});
afterAll(async () => {
  await writer.end();
  await dropPostgresDatabase(name);
});
afterEach(async () => {
  await listener?.close();
  listener = null;
  logged.length = 0;
});

/** Payloads received by the current listener, in order. */
const payloads: string[] = [];

async function listen(): Promise<GenerationListener> {
  payloads.length = 0;
  listener = await listenForGeneration(url, {
    logger: { error: (_message, error) => logged.push(error) },
    retryMs: 50,
    onNotification: (payload) => payloads.push(payload),
  });
  return listener;
}

/**
 * Runs `act`, then a sentinel write in a transaction of its own, and returns how many notifications `act` caused:
 * notifications arrive in commit order, so once the sentinel's (its transaction id) is in, every one of `act` is.
 */
async function notificationsOf(act: () => Promise<unknown>): Promise<number> {
  const before = payloads.length;
  await act();
  await writer.query('BEGIN');
  await writer.query("INSERT INTO dataset_info (key, value) VALUES ($1, 'sentinel')", [`s${before}-${Date.now()}`]);
  const { rows } = await writer.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
  await writer.query('COMMIT');
  await vi.waitFor(() => expect(payloads).toContain(rows[0]!.xid), { timeout: 5_000, interval: 10 });
  return payloads.indexOf(rows[0]!.xid, before) - before;
}

describe('the generation of a PostgreSQL database (response cache)', () => {
  it('every table an analysis may read notifies on commit; only access control and the bookkeeping table do not', async () => {
    const { rows } = await writer.query<{ table_name: string; watched: boolean }>(
      `SELECT t.table_name, EXISTS (
         SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid
         WHERE c.relname = t.table_name AND p.proname = 'atlas_generation_notify' AND NOT g.tgisinternal
           AND g.tgtype & 1 = 0 -- statement level
       ) AS watched
       FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.watched).map((r) => r.table_name)).toEqual(UNWATCHED);
  });

  it('starts listening at once and counts a commit of another connection', async () => {
    const l = await listen();
    expect(l.current()).toBe('1:0');
    await writer.query("UPDATE region SET name = 'INDONESIA' WHERE code = 'ID'");
    await vi.waitFor(() => expect(l.current()).toBe('1:1'), { timeout: 5_000, interval: 10 });
  });

  it('one notification per transaction, whatever its number of statements; none for a rollback', async () => {
    await listen();
    const many = await notificationsOf(async () => {
      await writer.query('BEGIN');
      for (let k = 0; k < 5; k++) await writer.query('INSERT INTO dataset_info (key, value) VALUES ($1, $2)', [`k${k}`, 'v']);
      await writer.query("UPDATE region SET name = 'Indonesia' WHERE code = 'ID'");
      await writer.query("DELETE FROM dataset_info WHERE key LIKE 'k%'");
      await writer.query('COMMIT');
    });
    expect(many).toBe(1);
    const rolledBack = await notificationsOf(async () => {
      await writer.query('BEGIN');
      await writer.query("UPDATE region SET name = 'X' WHERE code = 'ID'");
      await writer.query('ROLLBACK');
    });
    expect(rolledBack).toBe(0);
    const truncated = await notificationsOf(() => writer.query('TRUNCATE dataset_info'));
    expect(truncated).toBe(1);
  });

  it('does not count writes to access control (signing in, the audit log)', async () => {
    await listen();
    const n = await notificationsOf(async () => {
      await writer.query("INSERT INTO app_user (username, display_name, role) VALUES ('u', 'U', 'ADMIN') ON CONFLICT DO NOTHING");
      await writer.query("INSERT INTO audit_event (kind, field, arguments, row_count) VALUES ('PERSON_READ', 'family', '{}', 1)");
    });
    expect(n).toBe(0);
  });

  it('is unknown while the connection is lost, and a new generation once listening again', async () => {
    const l = await listen();
    await writer.query("UPDATE region SET name = 'INDONESIA' WHERE code = 'ID'");
    await vi.waitFor(() => expect(l.current()).toBe('1:1'), { timeout: 5_000, interval: 10 });
    const { rows } = await writer.query<{ killed: boolean }>(
      'SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [GENERATION_APPLICATION_NAME],
    );
    expect(rows).toEqual([{ killed: true }]);
    await vi.waitFor(() => expect(l.current()).toBeNull(), { timeout: 5_000, interval: 5 });
    expect(logged.length).toBeGreaterThan(0);
    await l.ready();
    expect(l.current()).toMatch(/^2:/);
  });

  it('hears of a copy into the database, which loads with the triggers off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-generation-'));
    const target = uniqueDatabaseName('generation_copy');
    const targetUrl = await createPostgresDatabase(target);
    let copyListener: GenerationListener | null = null;
    try {
      const file = join(dir, 'empty.db');
      await applyMigrations({ provider: 'sqlite', file });
      await applyMigrations({ provider: 'postgresql', url: targetUrl });
      const heard: string[] = [];
      copyListener = await listenForGeneration(targetUrl, { logger: { error: (_m, error) => logged.push(error) }, onNotification: (p) => heard.push(p) });
      await copySqliteToPostgres(file, targetUrl, { analyze: false });
      await vi.waitFor(() => expect(heard).toHaveLength(1), { timeout: 5_000, interval: 10 });
      expect(copyListener.current()).toBe('1:1');
    } finally {
      await copyListener?.close();
      await dropPostgresDatabase(target);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps trying when the database cannot be reached, and never throws', async () => {
    const missing = postgresDatabaseUrl(uniqueDatabaseName('absent'));
    listener = await listenForGeneration(missing, { logger: { error: (_m, error) => logged.push(error) }, retryMs: 20 });
    expect(listener.current()).toBeNull();
    await vi.waitFor(() => expect(logged.length).toBeGreaterThanOrEqual(2), { timeout: 5_000, interval: 10 });
    expect(listener.current()).toBeNull();
  });
});
