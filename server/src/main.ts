import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { loadConfig, type AppConfig } from './config.js';
import { CollationError } from './db/postgres-collation.js';

/** How long an idle keep-alive connection stays open (the usual value behind load balancers, which use 60 s). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

const HOW_TO_FILL = 'Run `pnpm dtsen generate` (or `npm start`, which generates a dataset first) to create one.';

/** Refuses to start without a usable database: the message says what to run. */
function assertDatabaseFileExists(config: AppConfig): void {
  if (config.database.provider === 'sqlite' && !existsSync(config.database.file)) {
    throw new StartupError(`No DTSEN database at ${config.database.file}. ${HOW_TO_FILL}`);
  }
}

/** A startup failure whose message is meant for the operator (printed without a stack trace). */
class StartupError extends Error {
  override readonly name = 'StartupError';
}

async function main(): Promise<void> {
  const config = loadConfig();
  assertDatabaseFileExists(config);

  const atlas = await createApp(config);
  const latest = await atlas.services.version.latestPublished().catch(async (error: unknown) => {
    await atlas.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`Cannot read DTSEN versions from the ${config.database.provider} database (${reason}). ${HOW_TO_FILL}`);
  });
  if (!latest) {
    await atlas.close();
    throw new StartupError(`The database has no published DTSEN version. ${HOW_TO_FILL}`);
  }

  const server: Server = atlas.app.listen(config.port);
  // Keep-alive sockets stay open longer than Node's 5 s default: a long synchronous SQLite statement holds the event
  // loop, and when it ends the idle timers fire before the requests clients wrote meanwhile are read, so sockets idle
  // for 5 s by the server's clock were reset under a client's feet (ECONNRESET in `pnpm bench:load` at scale 0.01).
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('listening', resolveListen);
    server.once('error', rejectListen);
  });
  const { port } = server.address() as AddressInfo;
  console.log(`DTSEN Atlas: http://localhost:${port}/ (GraphQL at http://localhost:${port}/graphql, data version ${latest.label})`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    server.closeIdleConnections();
    server.close((closeError) => {
      atlas
        .close()
        .then(() => process.exit(closeError ? 1 : 0))
        .catch((error: unknown) => {
          console.error('Error during shutdown', error);
          process.exit(1);
        });
    });
    // Keep-alive clients that never go idle must not hold the process forever.
    setTimeout(() => server.closeAllConnections(), 5_000).unref();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  if (error instanceof StartupError || error instanceof CollationError) console.error(error.message);
  else console.error('DTSEN Atlas failed to start', error);
  process.exit(1);
});
