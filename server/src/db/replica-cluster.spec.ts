// The throw-away primary + streaming replica of `replica-cluster.ts` on real PostgreSQL 15 programs: the replica is a
// hot standby streaming from the primary, refuses writes, receives the primary's commits (the lag is printed), both
// use the byte-order collation the region ranges need, and stop() shuts both down and deletes their folder.
// Skipped, saying so, only when the PostgreSQL server programs are not installed.
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingPostgresPrograms, startReplicaCluster, type ReplicaCluster } from './replica-cluster.js';

const missing = missingPostgresPrograms();
if (missing) console.warn(`replica-cluster.spec skipped: ${missing}`);

describe.skipIf(missing !== null)('a PostgreSQL primary and a streaming replica on loopback', () => {
  let cluster: ReplicaCluster;
  let primary: pg.Client;
  let replica: pg.Client;

  beforeAll(async () => {
    cluster = await startReplicaCluster({ database: 'atlas_cluster_spec' });
    primary = new pg.Client({ connectionString: cluster.primary.url(), application_name: 'atlas-test' });
    replica = new pg.Client({ connectionString: cluster.replica.url(), application_name: 'atlas-test' });
    await Promise.all([primary.connect(), replica.connect()]);
  }, 120_000);

  afterAll(async () => {
    await primary?.end().catch(() => undefined);
    await replica?.end().catch(() => undefined);
    await cluster?.stop();
  }, 60_000);

  it('runs two servers on their own loopback ports, the replica a hot standby streaming from the primary', async () => {
    expect(cluster.primary.port).not.toBe(cluster.replica.port);
    expect([cluster.primary.port, cluster.replica.port]).not.toContain(5432);
    expect((await primary.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(false);
    expect((await replica.query('SELECT pg_is_in_recovery() AS r')).rows[0].r).toBe(true);
    const { rows } = await primary.query<{ state: string; client_addr: string }>("SELECT state, client_addr::text FROM pg_stat_replication WHERE application_name = 'atlas_replica'");
    expect(rows).toEqual([{ state: 'streaming', client_addr: '127.0.0.1/32' }]);
    const settings = await primary.query<{ name: string; setting: string }>("SELECT name, setting FROM pg_settings WHERE name IN ('wal_level', 'hot_standby', 'listen_addresses') ORDER BY name");
    expect(settings.rows).toEqual([
      { name: 'hot_standby', setting: 'on' },
      { name: 'listen_addresses', setting: '127.0.0.1' },
      { name: 'wal_level', setting: 'replica' },
    ]);
    // Region filters compare codes as byte ranges: the database must sort '.' before '/'.
    for (const client of [primary, replica]) {
      expect((await client.query("SELECT datcollate FROM pg_database WHERE datname = 'atlas_cluster_spec'")).rows[0].datcollate).toBe('C');
    }
  });

  it('refuses writes on the replica', async () => {
    await primary.query('CREATE TABLE probe (id int PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp())');
    await cluster.waitForReplay();
    await expect(replica.query('INSERT INTO probe (id) VALUES (1)')).rejects.toMatchObject({ code: '25006' }); // read_only_sql_transaction
    await expect(replica.query('CREATE TABLE other (id int)')).rejects.toMatchObject({ code: '25006' });
  });

  it("replays the primary's commits within milliseconds", async () => {
    const lags: number[] = [];
    for (let id = 1; id <= 20; id += 1) {
      await primary.query('INSERT INTO probe (id) VALUES ($1)', [id]);
      const committed = performance.now();
      for (;;) {
        const { rows } = await replica.query('SELECT 1 FROM probe WHERE id = $1', [id]);
        if (rows.length === 1) break;
        if (performance.now() - committed > 10_000) throw new Error(`row ${id} not on the replica after 10 s`);
      }
      lags.push(performance.now() - committed);
    }
    lags.sort((a, b) => a - b);
    console.log(`replica-cluster: a committed row visible on the replica after p50 ${lags[10]!.toFixed(2)} ms, max ${lags[19]!.toFixed(2)} ms (20 single-row commits)`);
    expect((await replica.query('SELECT COUNT(*)::int AS n FROM probe')).rows[0].n).toBe(20);
    expect(await cluster.waitForReplay()).toBeLessThan(10_000);
  });

  it('stop() shuts both servers down and deletes their folder', async () => {
    await primary.end();
    await replica.end();
    await cluster.stop();
    expect(existsSync(cluster.dir)).toBe(false);
    for (const port of [cluster.primary.port, cluster.replica.port]) {
      const client = new pg.Client({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, connectionTimeoutMillis: 2_000 });
      await expect(client.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    await cluster.stop(); // a second stop is harmless
  });
});
