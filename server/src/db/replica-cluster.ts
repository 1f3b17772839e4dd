/**
 * A throw-away PostgreSQL primary and a streaming read replica on loopback (README "Read replicas"), for the read
 * routing tests (`db/read-routing.spec.ts`) and `dtsen replica-demo`:
 *
 * 1. `initdb` a primary in a fresh temporary folder (trust authentication, C collation, `wal_level = replica`,
 *    `max_wal_senders`, `hot_standby = on`) and start it on a free loopback port;
 * 2. `pg_basebackup -R -X stream -C -S atlas_replica` of it (a replication slot, so the primary keeps the WAL the
 *    replica has not received), started on another free port as a hot standby;
 * 3. wait until the primary's `pg_stat_replication` lists the replica as `streaming` and the replica answers
 *    `pg_is_in_recovery()` = true.
 *
 * The servers must not run as root: when this process is root, the folder is given to the `postgres` OS user and
 * every PostgreSQL program runs through `runuser -u postgres --`. Nothing else is touched: both servers listen on
 * 127.0.0.1 only, keep their Unix sockets in their own folder, and `stop()` shuts them down and deletes the folder
 * (so does the exit of the process, should a caller forget). The machine's own PostgreSQL is never used.
 */
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

/** Where Debian's PostgreSQL 15 server programs live; `ATLAS_PG_BIN` overrides it. */
export const DEFAULT_PG_BIN = '/usr/lib/postgresql/15/bin';
const PROGRAMS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'] as const;
/** The replication slot and `cluster_name` of the replica (its `application_name` in `pg_stat_replication`). */
const REPLICA_NAME = 'atlas_replica';
/** `application_name` of this module's own connections, so that statement logs can leave them out. */
export const CLUSTER_TOOL_APPLICATION = 'atlas-replica-cluster';

export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.ATLAS_PG_BIN?.trim();
  return dir ? dir : DEFAULT_PG_BIN;
}

/** Null when the server programs are there; otherwise what is missing (the specs skip with this message). */
export function missingPostgresPrograms(binDir: string = postgresBinDir()): string | null {
  const missing = PROGRAMS.filter((program) => !existsSync(join(binDir, program)));
  return missing.length === 0 ? null : `PostgreSQL server programs not found in ${binDir} (${missing.join(', ')}); set ATLAS_PG_BIN to their folder`;
}

export interface ClusterNode {
  readonly role: 'primary' | 'replica';
  readonly port: number;
  readonly dataDir: string;
  /** The server's own log (its stderr); with `logStatements`, every statement it ran, with the application name. */
  readonly logFile: string;
  /** Connection URL of a database on this server (default: the cluster's). */
  url(database?: string): string;
}

export interface ReplicaClusterOptions {
  /** Folder of initdb, pg_ctl, pg_basebackup (default {@link postgresBinDir}). */
  binDir?: string;
  /** Database created on the primary, hence on the replica (default `atlas`). */
  database?: string;
  /** `log_statement = 'all'`, each line tagged `app=<application_name>`: which server ran which statement. */
  logStatements?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface ReplicaCluster {
  /** The temporary folder holding both data directories, their logs and sockets. */
  readonly dir: string;
  readonly database: string;
  readonly primary: ClusterNode;
  readonly replica: ClusterNode;
  /**
   * Waits until the replica has replayed all the WAL the primary has written when called; resolves with the
   * milliseconds that took (0 when it already had).
   */
  waitForReplay(timeoutMs?: number): Promise<number>;
  /** Shuts the replica down (fast shutdown: its sessions are ended), as an outage would. */
  stopReplica(): Promise<void>;
  /** Shuts both servers down and deletes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** The `postgres` OS user's ids when this process is root (the servers refuse to run as root), else null. */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Clusters still running, stopped synchronously if the process exits without `stop()`. */
const running = new Set<{ stopSync(): void }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const cluster of running) cluster.stopSync();
  });
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: CLUSTER_TOOL_APPLICATION });
  await client.connect();
  return client;
}

async function poll(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(error as Error).message}`);
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts a primary and a streaming replica; see the module comment. */
export async function startReplicaCluster(options: ReplicaClusterOptions = {}): Promise<ReplicaCluster> {
  const binDir = options.binDir ?? postgresBinDir();
  const missing = missingPostgresPrograms(binDir);
  if (missing) throw new Error(missing);
  const database = options.database ?? 'atlas';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`database name must be lower-case letters, digits and underscores, got "${database}"`);
  const log = options.log ?? (() => undefined);
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-replica-'));
  if (user) chownSync(dir, user.uid, user.gid);

  /** Runs a PostgreSQL program (as `postgres` when this process is root); its output is returned, its failure thrown. */
  const run = async (program: string, args: string[], timeoutMs = 120_000): Promise<string> => {
    const file = join(binDir, program);
    const [command, argv] = user ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    try {
      const { stdout, stderr } = await execFileAsync(command, argv, { cwd: dir, timeout: timeoutMs, env: { ...process.env, LC_ALL: 'C' } });
      return `${stdout}${stderr}`;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${program} ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`.trim());
    }
  };
  const runSync = (program: string, args: string[]) => {
    const file = join(binDir, program);
    const [command, argv] = user ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    try {
      execFileSync(command, argv, { cwd: dir, stdio: 'ignore', timeout: 30_000 });
    } catch {
      // already stopped
    }
  };

  const node = (role: ClusterNode['role'], port: number): ClusterNode => {
    const dataDir = join(dir, role);
    return {
      role,
      port,
      dataDir,
      logFile: join(dir, `${role}.log`),
      url: (name = database) => `postgresql://postgres@127.0.0.1:${port}/${name}`,
    };
  };
  const primaryPort = await freePort();
  let replicaPort = await freePort();
  while (replicaPort === primaryPort) replicaPort = await freePort();
  const primary = node('primary', primaryPort);
  const replica = node('replica', replicaPort);
  const started = new Set<ClusterNode>();
  const probes = new Map<ClusterNode, pg.Client>();

  const start = (target: ClusterNode) => run('pg_ctl', ['start', '-D', target.dataDir, '-l', target.logFile, '-w', '-t', '60']);
  /** `fast`: sessions end, a shutdown checkpoint is written; `immediate`: no checkpoint (the data is thrown away). */
  const stopNode = async (target: ClusterNode, mode: 'fast' | 'immediate') => {
    await probes.get(target)?.end().catch(() => undefined);
    probes.delete(target);
    if (!started.delete(target)) return;
    await run('pg_ctl', ['stop', '-D', target.dataDir, '-m', mode, '-w', '-t', '60']);
  };
  const probe = async (target: ClusterNode) => {
    let client = probes.get(target);
    if (!client) {
      client = await connect(target.url('postgres'));
      probes.set(target, client);
    }
    return client;
  };

  let stopped = false;
  const handle = {
    stopSync() {
      // Every data directory, not only the servers known to be up: one may be starting (pg_ctl start under way).
      for (const target of [replica, primary]) if (existsSync(target.dataDir)) runSync('pg_ctl', ['stop', '-D', target.dataDir, '-m', 'immediate', '-w']);
      started.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(handle);
  installExitHook();

  const cluster: ReplicaCluster = {
    dir,
    database,
    primary,
    replica,
    async waitForReplay(timeoutMs = 30_000) {
      const began = performance.now();
      const { rows } = await (await probe(primary)).query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      const lsn = rows[0]!.lsn;
      const replicaClient = await probe(replica);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows: done } = await replicaClient.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
        if (done[0]!.ok) return performance.now() - began;
        if (Date.now() > deadline) throw new Error(`the replica did not replay ${lsn} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 1));
      }
    },
    stopReplica: () => stopNode(replica, 'fast'),
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await stopNode(replica, 'immediate');
        await stopNode(primary, 'immediate');
      } finally {
        running.delete(handle);
        handle.stopSync();
      }
    },
  };

  try {
    log(`initdb ${primary.dataDir}`);
    await run('initdb', ['-D', primary.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
    // Appended last, so these win over the defaults initdb wrote. Trust on loopback (replication included) is
    // initdb's default pg_hba.conf with --auth=trust.
    appendFileSync(
      join(primary.dataDir, 'postgresql.conf'),
      [
        '',
        '# dtsen replica-cluster (server/src/db/replica-cluster.ts)',
        "listen_addresses = '127.0.0.1'",
        `port = ${primary.port}`,
        `unix_socket_directories = '${dir}'`,
        'max_connections = 60',
        'shared_buffers = 64MB',
        'wal_level = replica',
        'max_wal_senders = 4',
        'max_replication_slots = 4',
        'hot_standby = on',
        "log_line_prefix = '%m [%p] app=%a '",
        ...(options.logStatements ? ["log_statement = 'all'"] : []),
        '',
      ].join('\n'),
    );
    log(`start primary on 127.0.0.1:${primary.port}`);
    await start(primary);
    started.add(primary);
    const admin = await probe(primary);
    await admin.query(`CREATE DATABASE ${database}`);

    log(`pg_basebackup -R into ${replica.dataDir}`);
    await run('pg_basebackup', [
      '-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replica.dataDir,
      '-R', '-X', 'stream', '-C', '-S', REPLICA_NAME, '-c', 'fast', '--no-sync',
    ]);
    // The copied postgresql.conf carries the primary's port: the replica's own settings go after it.
    appendFileSync(join(replica.dataDir, 'postgresql.conf'), ['', `port = ${replica.port}`, `cluster_name = '${REPLICA_NAME}'`, ''].join('\n'));
    log(`start replica on 127.0.0.1:${replica.port}`);
    await start(replica);
    started.add(replica);

    await poll('the replica to stream from the primary', 60_000, async () => {
      const { rows } = await admin.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'", [REPLICA_NAME]);
      return rows[0]!.n === 1;
    });
    await poll('the replica to be a hot standby', 60_000, async () => {
      const { rows } = await (await probe(replica)).query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
      return rows[0]!.standby;
    });
    await cluster.waitForReplay(); // the CREATE DATABASE
    log(`replica streaming: primary ${primary.url()}  replica ${replica.url()}`);
    return cluster;
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    throw error;
  }
}

/**
 * `dtsen replica-demo [--from file.db]`: starts a primary and a streaming replica, optionally copies a SQLite dataset
 * into the primary (which streams it to the replica), prints the two URLs and the command that serves the API from
 * them, and keeps both servers running until Ctrl-C, which stops them and deletes their data.
 */
export async function replicaDemo(options: { from?: string; print?: (line: string) => void } = {}): Promise<void> {
  const print = options.print ?? console.log;
  // Ctrl-C while starting or copying exits at once; the exit hook then stops whatever is running and deletes it.
  let release: (() => void) | null = null;
  const onSignal = () => {
    if (release) release();
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const cluster = await startReplicaCluster({ database: 'dtsen', log: (line) => print(`  ${line}`) });
  try {
    let dataKey = '$ATLAS_DATA_KEY';
    if (options.from) {
      const { copyToPostgresCommand } = await import('./pg-copy.js');
      await copyToPostgresCommand(options.from, cluster.primary.url(), (line) => print(`  ${line}`));
      const ms = await cluster.waitForReplay(300_000);
      print(`  the replica had replayed the whole copy ${Math.round(ms)} ms after it finished`);
      const keyFile = `${options.from.replace(/\.db$/, '')}.key`;
      if (existsSync(keyFile)) dataKey = `$(cat ${keyFile})`;
    } else {
      print('  (empty database: give --from data/dtsen.db to copy a SQLite dataset into it)');
    }
    print('');
    print(`primary (read-write)          ${cluster.primary.url()}`);
    print(`replica (hot standby, reads)  ${cluster.replica.url()}`);
    print('');
    print('Serve the API with reads on the replica and writes on the primary:');
    print(`  DATABASE_URL=${cluster.primary.url()} DATABASE_REPLICA_URL=${cluster.replica.url()} ATLAS_DATA_KEY=${dataKey} pnpm --filter @dtsen/server dev`);
    print(`Users and tokens go to the primary: DATABASE_URL=${cluster.primary.url()} ATLAS_DATA_KEY=${dataKey} pnpm dtsen user add ...`);
    print(`Data and logs: ${cluster.dir}. Ctrl-C stops both servers and deletes them.`);
    await new Promise<void>((resolveSignal) => {
      release = resolveSignal;
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    print('stopping the replica and the primary');
    await cluster.stop();
  }
}
