/**
 * Read scaling on PostgreSQL (README "Read replicas"): with `DATABASE_REPLICA_URL` set, every GraphQL **query**
 * operation reads from a streaming replica, and everything else runs on the primary (`DATABASE_URL`).
 *
 * Routing is per operation, decided once the operation is known (an Apollo plugin, `didResolveOperation`): a query's
 * context gets the services of one replica (Prisma reads and the raw SQL of `sql-runner.ts` alike, as they share its
 * client), a mutation keeps the primary's. Hence:
 * - a mutation reads its own writes: its checks and its answer come from the primary, in the same session;
 * - the writes a query request causes go to the primary: the audit log (`AuditService`, written by the audit plugin
 *   after execution) is the primary's in every context, and so is `AuthService` (token lookups run before the
 *   operation is known and must see a revocation at once) and `PublishingService`;
 * - migrations, the CLI (`dtsen user`, `copy-to-postgres` ...) and publishing use DATABASE_URL only: the primary.
 *
 * Not `@prisma/extension-read-replicas`: it routes per Prisma call, so `$queryRaw` (every statement of `sql-runner.ts`)
 * would stay on the primary, and the reads of a mutation (its checks, its answer) would go to a replica that may not
 * have its writes yet, unless every service chose `$primary()` itself.
 *
 * Several replicas take the queries in turn. A replica that cannot be reached (connection refused or closed, no
 * answer within {@link REPLICA_CONNECT_TIMEOUT_MS}, shutting down) turns the query into a typed `SERVICE_UNAVAILABLE`
 * error (reason `READ_REPLICA_UNREACHABLE`), is logged once, and is skipped for {@link REPLICA_RETRY_MS} while another
 * replica is up. Queries never fall back to the primary: the replicas exist to keep that load off it, and a silent
 * fallback would hide the outage.
 *
 * The response cache (`graphql/response-cache.ts`) learns of commits from the primary (`db/pg-generation.ts`), a
 * moment before a replica has replayed them: an answer read from the replica in between would be stored under the new
 * generation and served until the next commit. {@link ReadRouting.gateGeneration} holds a new generation back (the
 * cache is bypassed) until every replica has replayed the primary's WAL position taken after it was announced.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { createLoaders, createServices, type AtlasContext, type AtlasServices, type ServiceOptions } from '../graphql/context.js';
import { ServiceUnavailableError } from '../graphql/errors.js';
import type { ErrorLogger } from '../graphql/format-error.js';
import type { ReplicasHealthView } from '../modules/health/health.type.js';
import { createPrismaClient, type AtlasPrisma } from './prisma.js';
import { withTimeout } from './with-timeout.js';

/** How long a replica found unreachable is skipped (while another one is up). */
export const REPLICA_RETRY_MS = 5_000;
/** How long a new connection to a replica may take before the query fails. */
export const REPLICA_CONNECT_TIMEOUT_MS = 5_000;

/** How long the health check waits for a replica's answer before counting it out. */
export const REPLICA_HEALTH_TIMEOUT_MS = 2_000;

/** The primary's current WAL position (`pg_current_wal_lsn()`), as text. */
async function primaryWalPosition(primary: AtlasPrisma): Promise<string> {
  return (await primary.$queryRawUnsafe<{ position: string }[]>('SELECT pg_current_wal_lsn()::text AS position'))[0]!.position;
}

/** Where a replica stands: `downUntil` epoch ms (0 = up). */
export interface ReplicaState {
  downUntil: number;
}

/**
 * The replica the next query goes to: the first one that is up, starting at `cursor` (round robin); when every replica
 * is down, the one at `cursor` (its query fails with SERVICE_UNAVAILABLE, or succeeds if it is back).
 */
export function pickReplica(states: readonly ReplicaState[], cursor: number, now: number): number {
  if (states.length === 0) throw new Error('no read replica configured');
  for (let step = 0; step < states.length; step += 1) {
    const index = (cursor + step) % states.length;
    if (states[index]!.downUntil <= now) return index;
  }
  return cursor % states.length;
}

/** Driver errors that mean the server cannot be reached or went away, as opposed to an error of the statement. */
const UNREACHABLE_KINDS: ReadonlySet<string> = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TlsConnectionError']);
/** Prisma's codes for the same: cannot reach, timed out, the server closed the connection. */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['P1001', 'P1002', 'P1017']);

/**
 * Whether an error of a Prisma call says the database is unreachable: the driver adapter's kinds, SQLSTATE class 08
 * (connection exception) and 57P01–57P03 (the server shutting down, or not accepting connections yet), or
 * node-postgres' own "Connection terminated ..." (a connection timeout, a socket closed mid-statement).
 */
export function isUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, meta, message } = error as { code?: unknown; meta?: unknown; message?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  const cause = (meta as { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } | undefined)?.driverAdapterError?.cause;
  if (typeof cause?.kind === 'string' && UNREACHABLE_KINDS.has(cause.kind)) return true;
  if (cause?.kind === 'postgres' && typeof cause.code === 'string' && /^(08...|57P0[123])$/.test(cause.code)) return true;
  return typeof message === 'string' && /^Connection terminated\b/.test(message);
}

/** `host:port/database` of a URL, for logs (never the user or password). */
export function replicaLabel(url: string): string {
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

interface Replica extends ReplicaState {
  label: string;
  prisma: AtlasPrisma;
  services: AtlasServices;
}

export interface ReadRouting {
  /** `host:port/database` of each replica, in configuration order. */
  readonly replicas: readonly string[];
  /** The services of the next query operation: reads on a replica, writes on the primary. */
  servicesForQuery(now?: number): AtlasServices;
  /** The Apollo plugin that gives query operations {@link servicesForQuery} (and loaders over them). */
  readonly plugin: ApolloServerPlugin<AtlasContext>;
  /**
   * The response cache's generation over replicas: `generation()`'s value once every replica has replayed what the
   * primary (`primary`, DATABASE_URL's client) had written when that value was first seen; null (cache bypassed) until
   * then. See {@link replayGate}.
   */
  gateGeneration(generation: () => string | null, primary: AtlasPrisma): () => string | null;
  /**
   * The replicas for a health check: how many answered and the largest replay lag in bytes of WAL behind the primary's
   * current position (`primary`, DATABASE_URL's client). A replica that does not answer within
   * {@link REPLICA_HEALTH_TIMEOUT_MS} is counted out (one that refuses the connection is also, as for a query, set aside
   * for {@link REPLICA_RETRY_MS}).
   */
  health(primary: AtlasPrisma): Promise<ReplicasHealthView>;
  /** Disconnects the replicas' clients. */
  close(): Promise<void>;
}

export interface ReplayGateOptions {
  /** The primary's current WAL position (`pg_current_wal_lsn()`). */
  primaryPosition(): Promise<string>;
  /** Whether every replica has replayed up to `position`. */
  replayed(position: string): Promise<boolean>;
  /** Where a failed check is reported; the gate then stays shut for `retryMs` and checks again on the next call. */
  onError(error: unknown): void;
  /** Default {@link REPLICA_RETRY_MS}. */
  retryMs?: number;
}

/**
 * Gates a generation on replay: a value of `generation()` is passed on only once the replicas have replayed the WAL
 * position the primary had after that value appeared (its commit was announced, so it lies before that position);
 * until then, null. The check starts on the first call that sees the new value and polls the replicas every 2 ms,
 * backing off to 250 ms; a value that changes meanwhile is checked next, against a newer position.
 */
export function replayGate(generation: () => string | null, options: ReplayGateOptions): { generation: () => string | null; close(): void } {
  const retryMs = options.retryMs ?? REPLICA_RETRY_MS;
  let confirmed: string | null = null;
  let target: string | null = null;
  let checking = false;
  let retryAt = 0;
  let closed = false;
  const check = async () => {
    checking = true;
    try {
      while (!closed && target !== null && target !== confirmed) {
        const awaited = target;
        const position = await options.primaryPosition();
        for (let wait = 2; !closed && !(await options.replayed(position)); wait = Math.min(wait * 2, 250)) {
          await new Promise((resolveWait) => setTimeout(resolveWait, wait));
        }
        if (!closed) confirmed = awaited;
      }
    } catch (error) {
      target = null;
      retryAt = Date.now() + retryMs;
      options.onError(error);
    } finally {
      checking = false;
    }
  };
  return {
    generation() {
      const current = generation();
      if (current === null || current === confirmed) return current;
      if (current !== target && Date.now() >= retryAt) {
        target = current;
        if (!checking) void check();
      }
      return null;
    },
    close() {
      closed = true;
    },
  };
}

/**
 * One Prisma client (node-postgres pool, via adapter-pg) per replica URL and the services over it, with the primary's
 * audit log, authentication and publishing. `primary` are the app's services on DATABASE_URL, built with `options`.
 */
export function createReadRouting(primary: AtlasServices, replicaUrls: readonly string[], options: ServiceOptions, logger: ErrorLogger): ReadRouting {
  if (options.provider !== 'postgresql') throw new Error('read replicas need a PostgreSQL DATABASE_URL');
  if (replicaUrls.length === 0) throw new Error('no read replica configured');
  const replicas: Replica[] = replicaUrls.map((url) => {
    const replica = { label: replicaLabel(url), downUntil: 0 } as Replica;
    const base = createPrismaClient({ provider: 'postgresql', url }, { connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS });
    // Every call through the replica's client (model queries and raw SQL): an unreachable replica becomes a typed
    // error and is set aside for a while.
    const routed = base.$extends({
      query: {
        async $allOperations({ args, query }) {
          try {
            return await query(args);
          } catch (error) {
            if (!isUnreachable(error)) throw error;
            const now = Date.now();
            if (replica.downUntil <= now) logger.error(`Read replica ${replica.label} is unreachable; queries skip it for ${REPLICA_RETRY_MS} ms while another replica is up`, error);
            replica.downUntil = now + REPLICA_RETRY_MS;
            throw new ServiceUnavailableError('READ_REPLICA_UNREACHABLE', 'The read replica that answers queries cannot be reached; retry later (mutations are not affected)');
          }
        },
      },
    });
    // Safe: `$extends` with a query hook only wraps the calls; the client keeps every model and method of AtlasPrisma.
    replica.prisma = routed as unknown as AtlasPrisma;
    // No memo of versions and regions on a replica (generation unknown): what the primary's generation says was
    // committed may not have been replayed there yet, and the response cache's replay gate is its own business.
    const services = createServices(replica.prisma, { ...options, sqlite: null, generation: () => null });
    // The health check is the primary's (it reports the replicas itself), whichever server a `health` query goes to.
    replica.services = { ...services, auth: primary.auth, audit: primary.audit, publishing: primary.publishing, health: primary.health };
    return replica;
  });
  const gates: { close(): void }[] = [];
  let cursor = 0;
  const servicesForQuery = (now = Date.now()): AtlasServices => {
    const index = pickReplica(replicas, cursor, now);
    cursor = (index + 1) % replicas.length;
    return replicas[index]!.services;
  };
  return {
    replicas: replicas.map((replica) => replica.label),
    servicesForQuery,
    plugin: {
      requestDidStart() {
        return Promise.resolve({
          didResolveOperation({ operation, contextValue }) {
            if (operation?.operation === 'query') {
              const services = servicesForQuery();
              contextValue.services = services;
              contextValue.loaders = createLoaders(services);
            }
            return Promise.resolve();
          },
        });
      },
    },
    gateGeneration(generation, primaryPrisma) {
      const gate = replayGate(generation, {
        primaryPosition: () => primaryWalPosition(primaryPrisma),
        async replayed(position) {
          // A server not in recovery (a promoted replica) has everything it serves.
          const sql = 'SELECT CASE WHEN pg_is_in_recovery() THEN COALESCE(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) ELSE true END AS done';
          const answers = await Promise.all(replicas.map((replica) => replica.prisma.$queryRawUnsafe<{ done: boolean }[]>(sql, position)));
          return answers.every((rows) => rows[0]?.done === true);
        },
        onError: (error) => logger.error('The response cache is bypassed: the replicas could not be checked for replay', error),
      });
      gates.push(gate);
      return gate.generation;
    },
    async health(primaryPrisma) {
      const position = await primaryWalPosition(primaryPrisma);
      // Behind `position` by what the replica has not replayed; a promoted replica (not in recovery) is behind by nothing.
      const sql = `SELECT CASE WHEN pg_is_in_recovery()
                     THEN GREATEST(0, pg_wal_lsn_diff($1::pg_lsn, COALESCE(pg_last_wal_replay_lsn(), '0/0'::pg_lsn))) ELSE 0 END::float8 AS lag`;
      // A replica that has not answered within REPLICA_HEALTH_TIMEOUT_MS is counted out: a load balancer's health check
      // must not wait out a connection timeout because of a replica.
      const answers = await Promise.allSettled(
        replicas.map((replica) =>
          withTimeout(replica.prisma.$queryRawUnsafe<{ lag: number }[]>(sql, position), REPLICA_HEALTH_TIMEOUT_MS, `no answer within ${REPLICA_HEALTH_TIMEOUT_MS} ms`)),
      );
      const lags = answers.flatMap((answer) => (answer.status === 'fulfilled' && answer.value[0] ? [Number(answer.value[0].lag)] : []));
      return { configured: replicas.length, reachable: lags.length, maxReplayLagBytes: lags.length > 0 ? Math.max(...lags) : null };
    },
    async close() {
      for (const gate of gates) gate.close();
      await Promise.all(replicas.map((replica) => replica.prisma.$disconnect()));
    },
  };
}
