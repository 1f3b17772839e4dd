import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { DEFAULT_REQUEST_TIMEOUT_MS, resolveDataKey, type AppConfig } from './config.js';
import { deriveIdentifierKeys } from './domain/identifiers.js';
import { createPrismaClient, type AtlasPrisma } from './db/prisma.js';
import type { GenerationSource } from './db/generation-memo.js';
import { listenForGeneration } from './db/pg-generation.js';
import { assertRegionCodeOrder } from './db/postgres-collation.js';
import { createReadRouting } from './db/read-routing.js';
import { openSqlite, type SqliteDatabase } from './db/sqlite.js';
import { createContext, createServices, type AtlasContext, type AtlasServices } from './graphql/context.js';
import { createFormatError, type ErrorLogger } from './graphql/format-error.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin } from './graphql/query-limits.js';
import { createMutationClock } from './graphql/mutation-clock.js';
import { createResponseCache } from './graphql/response-cache.js';
import { buildAtlasSchema } from './graphql/schema.js';
import { requestTimeout } from './http/request-timeout.js';
import { auditPlugin } from './modules/audit/audit.plugin.js';
import { selectsPersonData } from './modules/audit/person-data.js';
import { accessScope, authenticate, principalOf } from './modules/auth/authenticate.js';

/** Optional collaborators of {@link createApp}; tests inject their own Prisma client and logger. */
export interface AppDeps {
  /** Prisma client to use; when given, the caller owns it and `close()` leaves it connected. */
  prisma?: AtlasPrisma;
  /** Where unexpected errors are logged (default `console`). */
  logger?: ErrorLogger;
  /** Production mode (no Sandbox, no introspection); defaults to `NODE_ENV === 'production'`. */
  production?: boolean;
  /**
   * SQLite only: the direct connection to use (the API benchmark passes an instrumented one); when given, the caller
   * owns it. Default: one opened on the configured file.
   */
  sqlite?: SqliteDatabase;
}

export interface AtlasApp {
  app: Express;
  prisma: AtlasPrisma;
  services: AtlasServices;
  /** Stops Apollo and disconnects the Prisma client if `createApp` created it. */
  close(): Promise<void>;
}

/** Paths the API answers itself; the dashboard's SPA fallback never shadows them. */
const API_PATHS = ['/graphql', '/healthz'];

/**
 * Requests for these are files: a missing one is a 404, not the SPA. Not "any extension": client-side routes
 * carry dotted region codes such as `/regions/32.01`.
 */
const ASSET_PATTERN = /\.(?:m?js|css|map|json|txt|html|png|jpe?g|gif|svg|webp|avif|ico|woff2?|ttf|otf|wasm|webmanifest)$/iu;

const NOT_BUILT_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>DTSEN Atlas</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>DTSEN Atlas</h1>
<p>The API is running, but the dashboard has not been built yet. Run <code>pnpm build</code> and reload.</p>
<p>GraphQL API: <a href="/graphql">/graphql</a> &middot; health: <a href="/healthz">/healthz</a></p>
</body>
</html>
`;

/**
 * The HTTP application: Apollo at `/graphql` (GET and POST, CSRF prevention on), `GET /healthz`, and the built
 * dashboard with an SPA fallback to its `index.html`.
 */
export async function createApp(config: AppConfig, deps: AppDeps = {}): Promise<AtlasApp> {
  const logger = deps.logger ?? console;
  const production = deps.production ?? process.env.NODE_ENV === 'production';
  const ownsPrisma = deps.prisma === undefined;
  const prisma = deps.prisma ?? createPrismaClient(config.database);
  if (config.database.provider === 'postgresql') {
    // A database migrated before migrations checked its collation: refuse it here too (db/postgres-collation.ts).
    await assertRegionCodeOrder((sql) => prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(sql)).catch(async (error: unknown) => {
      if (ownsPrisma) await prisma.$disconnect();
      throw error;
    });
  }
  // SQLite: a direct better-sqlite3 connection beside Prisma's, for the set-based statements Prisma cannot express
  // (reallocation, transitions, reactivation, the registry's filtered walks) and the response cache's generation;
  // WAL lets it, Prisma's connection and a publishing process share the file.
  const ownsSqlite = deps.sqlite === undefined;
  const sqlite = config.database.provider === 'sqlite' ? (deps.sqlite ?? openSqlite(config.database.file)) : null;
  const identifierKeys = deriveIdentifierKeys(config.dataKey ?? resolveDataKey(process.env, config.database));
  // The primary's generation, known once the listener below exists: the services remember versions and regions while
  // it holds (db/generation-memo.ts).
  let generationOf: GenerationSource = () => null;
  // Mutations answered by this server are part of the memo's generation too (graphql/mutation-clock.ts).
  const mutationClock = createMutationClock<AtlasContext>();
  const serviceOptions = {
    provider: config.database.provider, startedAt: Date.now(), sqlite, identifierKeys,
    postgresUrl: config.database.provider === 'postgresql' ? config.database.url : null,
    generation: () => generationOf(),
  };
  const services = createServices(prisma, serviceOptions);
  // DATABASE_REPLICA_URL: query operations read from the replicas, everything else stays on `services` (the primary).
  const readRouting = config.readReplicaUrls?.length ? createReadRouting(services, config.readReplicaUrls, serviceOptions, logger) : null;
  if (readRouting) services.health.watchReplicas(() => readRouting.health(prisma));

  const limits = config.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const schema = await buildAtlasSchema();
  const apollo = new ApolloServer<AtlasContext>({
    schema,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: !production,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      queryLimitsPlugin(limits),
      ...(readRouting ? [readRouting.plugin] : []),
      auditPlugin(logger),
      mutationClock.plugin,
      // Apollo's cache-control plugin hooks every field's resolution to compute a Cache-Control header this API
      // does not use (answers are cached by database generation, graphql/response-cache.ts): ~2 % of a request.
      ApolloServerPluginCacheControlDisabled(),
      production
        ? ApolloServerPluginLandingPageProductionDefault({ footer: false })
        : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');

  // The generation: SQLite's data_version, or on PostgreSQL the commits a listening connection hears of (listened to
  // with the response cache off too: the services' memo of versions and regions uses it).
  const useCache = config.responseCache ?? true;
  const listener = config.database.provider === 'postgresql' ? await listenForGeneration(config.database.url, { logger }) : null;
  const dataVersion = sqlite?.prepare('PRAGMA data_version').pluck();
  const primaryGeneration = dataVersion ? () => String(dataVersion.get()) : listener ? () => listener.current() : null;
  // With read replicas, a new generation counts once the replicas have replayed it (db/read-routing.ts).
  const generation = primaryGeneration && readRouting ? readRouting.gateGeneration(primaryGeneration, prisma) : primaryGeneration;
  // The services' memo follows the primary (replica-routed services remember nothing, db/read-routing.ts) and this
  // server's mutations.
  if (primaryGeneration) {
    generationOf = () => {
      const primary = primaryGeneration();
      return primary === null ? null : `${primary}:${mutationClock.count()}`;
    };
  }
  const cache =
    useCache && generation
      ? createResponseCache({
          generation,
          scope: accessScope,
          personData: (document, operation) => selectsPersonData(schema, document, operation),
        })
      : null;
  app.use(
    '/graphql',
    requestTimeout(config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, (method, url) =>
      logger.error(`Request timed out: ${method} ${url}`, null),
    ),
    requireJsonBody,
    express.json({ limit: '1mb' }),
    authenticate(services.auth),
    ...(cache ? [cache.middleware] : []),
    expressMiddleware(apollo, {
      context: ({ req }) => {
        const body = req.body as { operationName?: unknown } | undefined;
        const operationName = typeof body?.operationName === 'string' ? body.operationName : null;
        return Promise.resolve(createContext(services, principalOf(req), operationName, config.smallCellThreshold));
      },
    }),
  );

  app.get('/healthz', (async (_req, res) => {
    try {
      res.json(await services.health.check());
    } catch (error) {
      logger.error('Health check failed', error);
      res.status(503).json({ status: 'error', database: config.database.provider });
    }
  }) satisfies RequestHandler);

  app.use(express.static(config.dashboardDist, { index: 'index.html', fallthrough: true }));
  app.use(spaFallback(config.dashboardDist));
  app.use(errorHandler(logger));

  return {
    app,
    prisma,
    services,
    async close() {
      await apollo.stop();
      await listener?.close();
      if (ownsSqlite) sqlite?.close();
      if (ownsPrisma) await prisma.$disconnect();
      await readRouting?.close();
    },
  };
}

/**
 * GraphQL over HTTP: a POST must carry `application/json` (the only request media type the specification requires);
 * anything else gets 415 with a GraphQL-shaped error instead of Apollo's generic 400.
 */
const requireJsonBody: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) {
    next();
    return;
  }
  res.status(415).json({
    errors: [
      {
        message: `Unsupported media type "${req.get('content-type') ?? '(none)'}": POST a JSON body with Content-Type application/json`,
        extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
      },
    ],
  });
};

/**
 * Client-side routes of the dashboard: a GET or HEAD that is not an API path and does not name an asset gets
 * `index.html`; when the dashboard is not built, a short page saying how to build it.
 */
function spaFallback(dashboardDist: string): RequestHandler {
  const indexHtml = resolve(dashboardDist, 'index.html');
  return (req, res, next) => {
    const isApi = API_PATHS.some((path) => req.path === path || req.path.startsWith(`${path}/`));
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi || ASSET_PATTERN.test(req.path)) {
      next();
      return;
    }
    if (existsSync(indexHtml)) {
      res.sendFile(indexHtml);
      return;
    }
    res.status(200).type('html').send(NOT_BUILT_HTML);
  };
}

/** Last-resort handler: client errors (bad JSON ...) keep their status; anything else is logged and hidden. */
function errorHandler(logger: ErrorLogger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = httpStatusOf(error);
    if (status >= 500) logger.error('Unhandled HTTP error', error);
    res.status(status).json({ error: status >= 500 ? 'Internal server error' : 'Bad request' });
  };
}

function httpStatusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const { status } = error as { status: unknown };
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return 500;
}
