// Read scaling, proved on real servers: a throw-away PostgreSQL primary and a streaming replica (replica-cluster.ts,
// both logging every statement with its application name), a tiny generated dataset copied into the migrated primary,
// and the real app over HTTP with DATABASE_URL = primary and DATABASE_REPLICA_URL = replica. The statement logs and
// the table statistics of each server say which one served what: a query's Prisma reads and raw SQL on the replica,
// its audit insert on the primary; a mutation wholly on the primary, its answer included (read-your-writes), and its
// row on the replica a few milliseconds later. The replica refuses writes, so a mutation routed there would fail.
// A replica that goes down turns queries into SERVICE_UNAVAILABLE while mutations keep working. The added latency of
// routing and the replication lag are printed. Skipped, saying so, only without the PostgreSQL server programs.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AtlasApp } from '../app.js';
import { parseDatabaseUrl, parseReplicaUrls } from '../config.js';
import { generateDataset } from '../generator/generate.js';
import { ensureDevUsers } from '../modules/auth/dev-users.js';
import { applyMigrations } from './migrate.js';
import { copySqliteToPostgres } from './pg-copy.js';
import { createPrismaClient } from './prisma.js';
import { isUnreachable, pickReplica, REPLICA_CONNECT_TIMEOUT_MS, REPLICA_HEALTH_TIMEOUT_MS, REPLICA_RETRY_MS, replicaLabel } from './read-routing.js';
import { missingPostgresPrograms, startReplicaCluster, type ClusterNode, type ReplicaCluster } from './replica-cluster.js';

describe('choosing a replica', () => {
  it('takes the replicas in turn, skips one that is down while another is up, and tries the next one when all are down', () => {
    const up = { downUntil: 0 };
    expect([0, 1, 2, 3].map((cursor) => pickReplica([up, up, up], cursor, 1_000))).toEqual([0, 1, 2, 0]);
    const down = { downUntil: 2_000 };
    expect(pickReplica([down, up], 0, 1_000)).toBe(1);
    expect(pickReplica([up, down, up], 1, 1_000)).toBe(2);
    expect(pickReplica([down, down], 1, 1_000)).toBe(1);
    expect(pickReplica([down, up], 0, 2_000)).toBe(0); // back once its time is over
    expect(() => pickReplica([], 0, 0)).toThrow('no read replica');
  });

  it('reads DATABASE_REPLICA_URL as comma-separated PostgreSQL URLs, only beside a PostgreSQL DATABASE_URL', () => {
    const postgres = parseDatabaseUrl('postgresql://u@primary:5432/dtsen');
    expect(parseReplicaUrls(undefined, postgres)).toEqual([]);
    expect(parseReplicaUrls(' ', postgres)).toEqual([]);
    expect(parseReplicaUrls('postgresql://u@r1:5432/dtsen, postgres://u@r2/dtsen,', postgres)).toEqual(['postgresql://u@r1:5432/dtsen', 'postgres://u@r2/dtsen']);
    expect(() => parseReplicaUrls('file:replica.db', postgres)).toThrow('postgresql:// URLs');
    expect(() => parseReplicaUrls('postgresql://u@r1/dtsen', parseDatabaseUrl('file:data/dtsen.db'))).toThrow('needs a PostgreSQL DATABASE_URL');
    expect(replicaLabel('postgresql://user:secret@r1.example:6432/dtsen')).toBe('r1.example:6432/dtsen');
  });

  it('tells an unreachable server from a failing statement', async () => {
    const closed = createPrismaClient({ provider: 'postgresql', url: 'postgresql://postgres@127.0.0.1:1/none' }, { connectionTimeoutMillis: 2_000 });
    try {
      const errors = await Promise.all([closed.dtsenVersion.count().catch((e: unknown) => e), closed.$queryRawUnsafe('SELECT 1').catch((e: unknown) => e)]);
      for (const error of errors) expect(isUnreachable(error)).toBe(true);
    } finally {
      await closed.$disconnect();
    }
    expect(isUnreachable(new Error('Connection terminated due to connection timeout'))).toBe(true);
    expect(isUnreachable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } } })).toBe(true);
    expect(isUnreachable({ code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', code: '42P01' } } } })).toBe(false);
    expect(isUnreachable({ code: 'P2002' })).toBe(false);
    expect(isUnreachable(new Error('syntax error'))).toBe(false);
  });
});

const missing = missingPostgresPrograms();
if (missing) console.warn(`read-routing.spec (servers) skipped: ${missing}`);

const DATA_KEY = Buffer.alloc(32, 11);
/** Our own connections carry this application name (the cluster tool's, another); the app's (Prisma's pools) none. */
const TEST_APP = 'atlas-test';

interface Gql<T> {
  status: number;
  /** `x-atlas-cache`: hit, miss, or null when the response cache was bypassed (or is off). */
  cache: string | null;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

interface RunningApp {
  atlas: AtlasApp;
  server: Server;
  url: string;
  logged: { message: string; error: unknown }[];
  close(): Promise<void>;
}

describe.skipIf(missing !== null)('queries on the replica, writes on the primary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-routing-'));
  let cluster: ReplicaCluster;
  let routed: RunningApp;
  let plain: RunningApp;
  let primaryDb: pg.Client;
  let replicaDb: pg.Client;
  let tokens: Map<string, string>;
  let familyInBogor: number;

  async function startApp(replicaUrls: string[], responseCache = false): Promise<RunningApp> {
    const logged: RunningApp['logged'] = [];
    const atlas = await createApp(
      {
        port: 0,
        database: parseDatabaseUrl(cluster.primary.url()),
        readReplicaUrls: replicaUrls,
        dashboardDist: join(dir, 'no-dashboard'),
        responseCache,
        dataKey: DATA_KEY,
      },
      { logger: { error: (message, error) => logged.push({ message, error }) }, production: true },
    );
    const server = atlas.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolveListen) => server.once('listening', resolveListen));
    const { port } = server.address() as AddressInfo;
    return {
      atlas,
      server,
      url: `http://127.0.0.1:${port}/graphql`,
      logged,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        await atlas.close();
      },
    };
  }

  async function gql<T>(app: RunningApp, username: string, query: string, variables: Record<string, unknown> = {}): Promise<Gql<T>> {
    const res = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(username)}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, cache: res.headers.get('x-atlas-cache'), ...((await res.json()) as Omit<Gql<T>, 'status' | 'cache'>) };
  }

  /** Where each server's log ends now. */
  const mark = () => ({ primary: statSync(cluster.primary.logFile).size, replica: statSync(cluster.replica.logFile).size });

  /** The statements the app (not this test, not the cluster tool) sent to a server since `from`, one string each. */
  function appStatements(node: ClusterNode, from: number): string[] {
    const text = readFileSync(node.logFile).subarray(from).toString('utf8');
    const entries = text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
    return entries.filter((entry) => / LOG: {2}(statement|execute [^:]*):/.test(entry) && !/ app=(atlas-test|atlas-replica-cluster) /.test(entry));
  }

  const count = async (client: pg.Client, sql: string, params: unknown[] = []) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n;

  /** Scans of desil_rollup counted by a server's statistics (a fresh snapshot on each call). */
  async function rollupScans(client: pg.Client): Promise<number> {
    await client.query('SELECT pg_stat_clear_snapshot()');
    return count(client, "SELECT (COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0))::int AS n FROM pg_stat_user_tables WHERE relname = 'desil_rollup'");
  }

  beforeAll(async () => {
    const file = join(dir, 'tiny.db');
    const [started] = await Promise.all([
      startReplicaCluster({ database: 'atlas_routing', logStatements: true }),
      generateDataset({ scale: 0.00001, versions: 2, seed: 5, file, progress: null, dataKey: DATA_KEY }),
    ]);
    cluster = started;
    const sqlite = createPrismaClient({ provider: 'sqlite', url: `file:${file}`, file });
    try {
      tokens = await ensureDevUsers(sqlite, join(dir, 'users.txt'));
    } finally {
      await sqlite.$disconnect();
    }
    await applyMigrations({ provider: 'postgresql', url: cluster.primary.url() });
    await copySqliteToPostgres(file, cluster.primary.url());
    await cluster.waitForReplay(60_000);
    primaryDb = new pg.Client({ connectionString: cluster.primary.url(), application_name: TEST_APP });
    replicaDb = new pg.Client({ connectionString: cluster.replica.url(), application_name: TEST_APP });
    await Promise.all([primaryDb.connect(), replicaDb.connect()]);
    familyInBogor = await count(
      primaryDb,
      `SELECT MIN(s.family_id) AS n FROM family_state s
       WHERE s.village_code >= '32.01.' AND s.village_code < '32.01/' AND s.valid_to_version_id IS NULL`,
    );
    expect(familyInBogor).toBeGreaterThan(0);
    [routed, plain] = await Promise.all([startApp([cluster.replica.url()]), startApp([])]);
  }, 240_000);

  afterAll(async () => {
    await routed?.close();
    await plain?.close();
    await primaryDb?.end().catch(() => undefined);
    await replicaDb?.end().catch(() => undefined);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const ANALYSIS = `query Analysis {
    decileDistribution { buckets { desil families } }
    pbiReactivation { removed reactivated }
    families(first: 3) { totalCount edges { node { id } } }
  }`;

  it("answers a query from the replica (Prisma reads and raw SQL), and writes the query's audit event on the primary", async () => {
    const before = mark();
    const answer = await gql<{ families: { edges: unknown[] } }>(routed, 'admin', ANALYSIS);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.families.edges).toHaveLength(3);

    const onReplica = appStatements(cluster.replica, before.replica);
    const onPrimary = appStatements(cluster.primary, before.primary);
    expect(onReplica.some((s) => s.includes('"public"."desil_rollup"'))).toBe(true); // Prisma
    expect(onReplica.some((s) => s.includes('JOIN individual i ON i.id = m.individual_id'))).toBe(true); // sql-runner (pbiReactivation)
    expect(onReplica.some((s) => /INSERT|UPDATE|DELETE/.test(s))).toBe(false);
    // On the primary only access control: the token lookup and the audit log's insert (families is a person read).
    expect(onPrimary.some((s) => s.includes('INSERT INTO "public"."audit_event"'))).toBe(true);
    expect(onPrimary.filter((s) => !/"public"\."(api_token|app_user|audit_event)"| LOG: {2}(statement|execute [^:]*): (BEGIN|COMMIT)$/.test(s))).toEqual([]);
    await cluster.waitForReplay();
    expect(await count(replicaDb, "SELECT COUNT(*)::int AS n FROM audit_event WHERE field = 'families'")).toBe(1);

    // The same answer as an app without replicas.
    const direct = await gql(plain, 'admin', ANALYSIS);
    expect(answer.data).toEqual(direct.data);
  });

  it("counts a query's reads in the replica's table statistics, not the primary's", async () => {
    const app = await startApp([cluster.replica.url()]);
    const [primaryBefore, replicaBefore] = [await rollupScans(primaryDb), await rollupScans(replicaDb)];
    try {
      for (let i = 0; i < 5; i += 1) expect((await gql(app, 'analis.nasional', 'query { decileDistribution { buckets { families } } }')).errors).toBeUndefined();
    } finally {
      await app.close(); // the app's sessions end, and a session's statistics are flushed when it ends
    }
    const deadline = Date.now() + 15_000;
    while ((await rollupScans(replicaDb)) < replicaBefore + 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await rollupScans(replicaDb)) - replicaBefore).toBeGreaterThanOrEqual(5);
    expect((await rollupScans(primaryDb)) - primaryBefore).toBe(0);
  });

  it('runs a mutation wholly on the primary, answers it from the primary, and the replica has the row milliseconds later', async () => {
    const proposals = 'SELECT COUNT(*)::int AS n FROM proposal';
    const [primaryBefore, replicaBefore] = [await count(primaryDb, proposals), await count(replicaDb, proposals)];
    const before = mark();
    const submitted = await gql<{ submitProposal: { id: number; status: string; history: { status: string }[] } }>(
      routed,
      'operator.bogor',
      `mutation Submit($familyId: Int!) { submitProposal(input: { kind: DESIL_UPDATE, path: PARTICIPATORY, familyId: $familyId, note: "replica test" }) { id status history { status } } }`,
      { familyId: familyInBogor },
    );
    const answered = performance.now();
    expect(submitted.errors).toBeUndefined();
    const { id, status, history } = submitted.data!.submitProposal;
    expect({ status, history }).toEqual({ status: 'SUBMITTED', history: [{ status: 'SUBMITTED' }] }); // read back on the primary

    expect(appStatements(cluster.replica, before.replica)).toEqual([]); // not one statement on the replica
    const onPrimary = appStatements(cluster.primary, before.primary);
    expect(onPrimary.some((s) => s.includes('INSERT INTO "public"."proposal"'))).toBe(true);
    expect(onPrimary.some((s) => s.includes('INSERT INTO "public"."audit_event"'))).toBe(true);
    expect(await count(primaryDb, proposals)).toBe(primaryBefore + 1);

    let lagMs = 0;
    for (;;) {
      if ((await count(replicaDb, 'SELECT COUNT(*)::int AS n FROM proposal WHERE id = $1', [id])) === 1) break;
      lagMs = performance.now() - answered;
      if (lagMs > 10_000) throw new Error('the proposal did not reach the replica within 10 s');
    }
    lagMs = performance.now() - answered;
    console.log(`read-routing: the submitted proposal was on the replica ${lagMs.toFixed(2)} ms after the mutation's answer`);
    expect(await count(replicaDb, proposals)).toBe(replicaBefore + 1);

    // A query afterwards reads it from the replica.
    const read = await gql<{ proposal: { status: string } }>(routed, 'operator.bogor', 'query($id: Int!) { proposal(id: $id) { status } }', { id });
    expect(read.data?.proposal.status).toBe('SUBMITTED');
  });

  it('cannot write on the replica: it refuses every write, so a mutation routed there would fail', async () => {
    await expect(replicaDb.query("INSERT INTO audit_event (at, kind, field, arguments, row_count, clear) VALUES (now(), 'MUTATION', 'x', '{}', 0, false)")).rejects.toMatchObject({
      code: '25006',
    });
    await expect(replicaDb.query('DELETE FROM proposal WHERE false')).rejects.toMatchObject({ code: '25006' });
  });

  it('measures what routing adds to a query (nothing expected) and how far the replica lags a commit', async () => {
    // Three apps on the same data: reads on the replica; the routing machinery with the primary as its "replica" (what
    // routing itself costs); no replicas at all. Interleaved, in a rotating order, after a warm-up.
    const selfRouted = await startApp([cluster.primary.url()]);
    const apps = { replica: routed, 'routed to the primary': selfRouted, 'no replicas': plain };
    const names = Object.keys(apps) as (keyof typeof apps)[];
    const query = 'query { decileDistribution(groupBy: SUB_REGION) { buckets { families } subRegions { buckets { families } } } }';
    const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<keyof typeof apps, number[]>;
    try {
      for (let i = 0; i < 85; i += 1) {
        for (let k = 0; k < names.length; k += 1) {
          const name = names[(i + k) % names.length]!;
          const started = performance.now();
          const res = await gql(apps[name], 'analis.nasional', query);
          if (i >= 5) times[name].push(performance.now() - started);
          expect(res.errors).toBeUndefined();
        }
      }
    } finally {
      await selfRouted.close();
    }
    const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;
    const figures = names.map((name) => `${name} p50 ${pct(times[name], 0.5).toFixed(2)} / p95 ${pct(times[name], 0.95).toFixed(2)} ms`);
    console.log(`read-routing: decileDistribution(SUB_REGION) over HTTP, 80 runs per app, interleaved: ${figures.join('; ')}`);

    await primaryDb.query('CREATE TABLE IF NOT EXISTS replication_probe (id int PRIMARY KEY)');
    // The table must exist on the replica before its rows are looked for there (a fresh-clone CI run once asked first).
    await cluster.waitForReplay();
    const lags: number[] = [];
    for (let id = 1; id <= 30; id += 1) {
      await primaryDb.query('INSERT INTO replication_probe (id) VALUES ($1)', [id]);
      const committed = performance.now();
      while ((await replicaDb.query('SELECT 1 FROM replication_probe WHERE id = $1', [id])).rows.length === 0) {
        if (performance.now() - committed > 10_000) throw new Error('no replay within 10 s');
      }
      lags.push(performance.now() - committed);
    }
    console.log(`read-routing: a commit on the primary visible on the replica after p50 ${pct(lags, 0.5).toFixed(2)} ms, max ${Math.max(...lags).toFixed(2)} ms (30 commits)`);
    expect(lags).toHaveLength(30);
    expect(routed.logged).toEqual([]);
  });

  it("never caches an answer the replica read before it replayed the change that emptied the response cache", async () => {
    const app = await startApp([cluster.replica.url()], true);
    const VERSIONS = 'query { versions { label } }';
    const versions = async () => {
      const res = await gql<{ versions: { label: string }[] }>(app, 'analis.nasional', VERSIONS);
      expect(res.errors).toBeUndefined();
      return { cache: res.cache, labels: res.data!.versions.map((v) => v.label) };
    };
    try {
      const before = (await versions()).labels;
      // The first generation is held back too, until the replica is known to have replayed it: then the cache fills.
      const warm = Date.now() + 10_000;
      let cached = await versions();
      while (cached.cache !== 'hit' && Date.now() < warm) cached = await versions();
      expect(cached).toEqual({ cache: 'hit', labels: before });
      await replicaDb.query('SELECT pg_wal_replay_pause()'); // the replica falls behind
      const answers: Awaited<ReturnType<typeof versions>>[] = [];
      try {
        await primaryDb.query("INSERT INTO dtsen_version (id, label, status) VALUES (99, '2099-Q1', 'DRAFT')");
        // The primary announces the commit; until the replica has replayed it, the cache is bypassed.
        const deadline = Date.now() + 10_000;
        do answers.push(await versions());
        while (answers.at(-1)!.cache === 'hit' && Date.now() < deadline);
        for (let i = 0; i < 5; i += 1) answers.push(await versions());
        expect(answers.at(-1)).toEqual({ cache: null, labels: before }); // the replica's (old) answer, not stored
      } finally {
        await replicaDb.query('SELECT pg_wal_replay_resume()');
      }
      const deadline = Date.now() + 10_000;
      do answers.push(await versions());
      while (answers.at(-1)!.cache !== 'hit' && Date.now() < deadline);
      expect(answers.at(-1)).toEqual({ cache: 'hit', labels: [...before, '2099-Q1'] });
      // Once the change was announced, the old answer never came from the cache again.
      const announced = answers.findIndex((answer) => answer.cache !== 'hit');
      expect(answers.slice(announced).filter((answer) => answer.cache === 'hit' && answer.labels.length === before.length)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('reports the replica in /healthz and the health query (counts and replay lag, no address); none without replicas', async () => {
    const healthz = async (app: RunningApp) => (await fetch(app.url.replace(/\/graphql$/u, '/healthz'))).json() as Promise<{ replicas: unknown }>;
    await cluster.waitForReplay(30_000);
    const routedHealth = await healthz(routed);
    expect(routedHealth.replicas).toMatchObject({ configured: 1, reachable: 1 });
    const lag = (routedHealth.replicas as { maxReplayLagBytes: number }).maxReplayLagBytes;
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(16 * 2 ** 20); // within one WAL segment of a primary that is idle but for this test
    expect(JSON.stringify(routedHealth)).not.toContain(String(new URL(cluster.replica.url()).port));
    expect((await healthz(plain)).replicas).toBeNull();
    const viaQuery = await gql<{ health: { replicas: { configured: number; reachable: number } } }>(routed, 'admin', '{ health { replicas { configured reachable } } }');
    expect(viaQuery.data?.health.replicas).toEqual({ configured: 1, reachable: 1 });
  });

  it('counts out a replica that does not answer within REPLICA_HEALTH_TIMEOUT_MS instead of making /healthz wait', async () => {
    // A "replica" that accepts connections and never says a word: the driver would wait for its 5 s connection timeout.
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolveListen) => silent.listen(0, '127.0.0.1', resolveListen));
    const silentUrl = `postgresql://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/atlas_routing`;
    const app = await startApp([cluster.replica.url(), silentUrl]);
    try {
      const started = performance.now();
      const health = (await (await fetch(app.url.replace(/\/graphql$/u, '/healthz'))).json()) as { replicas: unknown };
      const ms = performance.now() - started;
      expect(health.replicas).toMatchObject({ configured: 2, reachable: 1 });
      expect(ms).toBeGreaterThanOrEqual(REPLICA_HEALTH_TIMEOUT_MS - 50);
      expect(ms).toBeLessThan(REPLICA_CONNECT_TIMEOUT_MS);
    } finally {
      await app.close();
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolveClose) => silent.close(() => resolveClose()));
    }
  });

  it('answers queries with SERVICE_UNAVAILABLE while the replica is down, and mutations keep working on the primary', async () => {
    await replicaDb.end();
    await cluster.stopReplica();
    for (let i = 0; i < 2; i += 1) {
      const res = await gql(routed, 'admin', ANALYSIS);
      expect(res.status).toBe(200);
      expect(res.errors?.length).toBeGreaterThan(0);
      for (const error of res.errors!) {
        expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'READ_REPLICA_UNREACHABLE' });
        expect(error.message).toBe('The read replica that answers queries cannot be reached; retry later (mutations are not affected)');
      }
    }
    // Logged once for the outage (the replica is set aside for REPLICA_RETRY_MS), naming the replica, never to clients.
    expect(routed.logged.map((entry) => entry.message)).toEqual([
      `Read replica ${replicaLabel(cluster.replica.url())} is unreachable; queries skip it for ${REPLICA_RETRY_MS} ms while another replica is up`,
    ]);

    const proposals = await count(primaryDb, 'SELECT COUNT(*)::int AS n FROM proposal');
    const family = await count(primaryDb, `SELECT MIN(s.family_id) AS n FROM family_state s WHERE s.village_code >= '32.01.' AND s.village_code < '32.01/' AND s.valid_to_version_id IS NULL AND s.family_id > $1`, [familyInBogor]);
    const submitted = await gql<{ submitProposal: { status: string } }>(
      routed,
      'operator.bogor',
      'mutation($f: Int!) { submitProposal(input: { kind: DESIL_UPDATE, path: PARTICIPATORY, familyId: $f }) { status } }',
      { f: family },
    );
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data?.submitProposal.status).toBe('SUBMITTED');
    expect(await count(primaryDb, 'SELECT COUNT(*)::int AS n FROM proposal')).toBe(proposals + 1);

    // The health check still answers (the primary is up) and counts the replica out.
    const health = (await (await fetch(routed.url.replace(/\/graphql$/u, '/healthz'))).json()) as { status: string; replicas: unknown };
    expect(health).toMatchObject({ status: 'ok', replicas: { configured: 1, reachable: 0, maxReplayLagBytes: null } });
  });
});
