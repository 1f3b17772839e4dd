/**
 * The peer of `bench-peers`: PostGraphile 5 over the benchmark's PostgreSQL database, run as a child process
 * (`node dist/bench/postgraphile-server.js`, like our production server in `api.bench.ts`) so that it and the load
 * generator each have a core. Schema `public` with the Amber preset, `@graphile/pg-aggregates` (`aggregates`,
 * `groupedAggregates` on every connection) and `postgraphile-plugin-connection-filter` (`filter:` with ranges and
 * `or`, needed for a version's bounds `valid_from_version_id <= v < valid_to_version_id`).
 *
 * Environment: `PEER_DATABASE_URL` (required), `PORT` (required), `PEER_POOL_SIZE` (default 10, node-postgres's
 * default, as our server's Prisma adapter uses). Answers GraphQL at `/graphql`; no GraphiQL, no watch mode.
 *
 * Configuration choice: PostGraphile 5 by default only lets a column be filtered, ordered or grouped when a
 * (non-partial) index includes it (`PgIndexBehaviorsPlugin`); no index of `family_state` includes `regency_code`, so a
 * kabupaten could not be asked for. The benchmark disables that plugin instead of adding an index the platform does
 * not need.
 */
import { createServer } from 'node:http';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

/**
 * grafserv 1.0 calls `Promise.withResolvers` (ES2024, Node 22) on every request; the project supports Node 20. The
 * function is specified exactly, so this is the standard's behaviour, installed only where Node lacks it.
 */
function ensurePromiseWithResolvers(): void {
  const ctor = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof ctor.withResolvers === 'function') return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

async function main(): Promise<void> {
  ensurePromiseWithResolvers();
  const connectionString = process.env.PEER_DATABASE_URL;
  const port = Number(process.env.PORT);
  if (!connectionString || !Number.isInteger(port) || port <= 0) throw new Error('PEER_DATABASE_URL and PORT must be set');
  const poolSize = Number(process.env.PEER_POOL_SIZE ?? 10);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset, PgAggregatesPreset, PostGraphileConnectionFilterPreset],
    disablePlugins: ['PgIndexBehaviorsPlugin'],
    pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: poolSize } })],
    grafserv: { port, graphqlPath: '/graphql', graphiql: false, watch: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  console.log(`PostGraphile peer: http://127.0.0.1:${port}/graphql`);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => {
      Promise.resolve(pgl.release()).then(() => process.exit(0), () => process.exit(1));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
