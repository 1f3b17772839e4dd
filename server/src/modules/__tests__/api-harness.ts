import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { createApp } from '../../app.js';
import { parseDatabaseUrl, type AppConfig, type DatabaseConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrate.js';
import { createPostgresDatabase, dropPostgresDatabase, uniqueDatabaseName } from '../../db/postgres-admin.js';
import { REGIONAL_ROLES, type RoleName } from '../../domain/access.js';
import { PrismaClient as PostgresPrismaClient } from '../../generated/prisma/postgresql/client.js';
import { PrismaClient } from '../../generated/prisma/sqlite/client.js';
import type { ErrorLogger } from '../../graphql/format-error.js';
import { AuthService } from '../auth/auth.service.js';
import { instrumentSqlite } from '../../bench/sql-capture.js';
import { openSqlite } from '../../db/sqlite.js';
import { seedFixture, TEST_DATA_KEY } from './fixture.js';

/** A GraphQL response as received over HTTP. */
export interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface HttpResult<TData> {
  status: number;
  /** Raw body, to assert that some text never appears in it. */
  text: string;
  body: GraphQLResponse<TData>;
}

/** The database engines the harness runs an app on (PostgreSQL: a throw-away `atlas_api_*` database). */
export type TestEngine = DatabaseConfig['provider'];
export const TEST_ENGINES: readonly TestEngine[] = ['sqlite', 'postgresql'];

export interface TestApi {
  /** The engine under the app. */
  engine: TestEngine;
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The client the app uses, with a SQL statement counter. */
  prisma: PrismaClient<'query'>;
  /** The API token of the fixture's ADMIN user (`admin`), which {@link TestApi.query} signs in with. */
  adminToken: string;
  /** `Authorization: Bearer <token>` (default: the admin's), for tests that send their own requests. */
  authHeaders(token?: string): Record<string, string>;
  /** POSTs a GraphQL operation to `/graphql`, signed in as ADMIN. */
  query<TData>(query: string, variables?: Record<string, unknown>): Promise<HttpResult<TData>>;
  /** POSTs a GraphQL operation signed in with `token`; null sends no token (unauthenticated). */
  queryAs<TData>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<HttpResult<TData>>;
  /**
   * A token of a user with this role (regional roles: in `region`, default the fixture's Kabupaten Bogor `32.01`),
   * created on first use; the same user and token for the same role and region afterwards.
   */
  tokenFor(role: RoleName, region?: string | null): Promise<string>;
  /** The fixture's user behind a {@link TestApi.tokenFor} token (for audit assertions). */
  userIdFor(role: RoleName, region?: string | null): Promise<number>;
  /**
   * SQL statements run since the last {@link TestApi.resetStatementCount}, not counting those of access control
   * (the token lookup, remembered 10 s, and the audit log's one insert per request with person-level data).
   */
  statementCount(): number;
  resetStatementCount(): void;
  /**
   * Forgets the versions and regions the services remember per database generation (`db/generation-memo.ts`), so
   * that the next request reads them as a cold server would.
   */
  forgetReferenceData(): void;
  /** Unexpected errors the app logged. */
  loggedErrors: unknown[];
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  /** Folder of a built dashboard; defaults to a folder that does not exist. */
  dashboardDist?: string;
  /** Publish the fixture's published versions (default true); false leaves every version a draft. */
  publish?: boolean;
  /** The small-cell threshold setting (`ATLAS_SMALL_CELL_THRESHOLD`); default the app's, 5. */
  smallCellThreshold?: number;
  /** The database engine (default SQLite); PostgreSQL runs on a fresh database of ATLAS_PG_URL's server, dropped on close. */
  engine?: TestEngine;
}

/** The region of the regional test users unless told otherwise: the fixture's Kabupaten Bogor. */
export const TEST_REGION = '32.01';

/** PostgreSQL: every serial sequence past the largest id of its column. */
const ADVANCE_SEQUENCES = `DO $$ DECLARE c record; BEGIN
  FOR c IN SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE((SELECT MAX(%I) FROM %I), 0) + 1, false)',
      quote_ident(c.table_name), c.column_name, c.column_name, c.table_name);
  END LOOP;
END $$`;

/** Statements of access control, left out of the statement count (see {@link TestApi.statementCount}). */
const ACCESS_CONTROL_TABLES = /\b(api_token|app_user|audit_event)\b/;

/**
 * A real app on a temporary SQLite file (or a fresh PostgreSQL database): migrations applied, fixture inserted through
 * Prisma, listening on an ephemeral port. Every SQL statement Prisma sends is counted (`$on('query')`). The fixture
 * has an ADMIN user whose token {@link TestApi.query} sends; other roles sign in through {@link TestApi.tokenFor} and
 * {@link TestApi.queryAs}.
 */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const engine = options.engine ?? 'sqlite';
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-api-'));
  const pgDatabase = engine === 'postgresql' ? uniqueDatabaseName('api') : null;
  const database: DatabaseConfig = pgDatabase
    ? { provider: 'postgresql', url: await createPostgresDatabase(pgDatabase) }
    : parseDatabaseUrl(`file:${join(dir, 'atlas.db')}`);
  await applyMigrations(database.provider === 'sqlite' ? { provider: 'sqlite', file: database.file } : database);

  // Both generated clients expose the same models (prisma/postgresql/schema.prisma is generated from the SQLite one).
  const prisma = database.provider === 'sqlite'
    ? new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.file }), log: [{ emit: 'event', level: 'query' }] })
    : (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url }), log: [{ emit: 'event', level: 'query' }] }) as unknown as PrismaClient<'query'>);
  let statements = 0;
  prisma.$on('query', (event) => {
    if (!ACCESS_CONTROL_TABLES.test(event.query)) statements += 1;
  });
  await seedFixture(prisma, { publish: options.publish ?? true });
  // PostgreSQL: the fixture's explicit ids do not move the serial sequences; move them past the ids, as SQLite does.
  if (database.provider === 'postgresql') await prisma.$executeRawUnsafe(ADVANCE_SEQUENCES);
  const auth = new AuthService(prisma);
  const users = new Map<string, Promise<{ id: number; token: string }>>();
  const userFor = (role: RoleName, region?: string | null) => {
    const scope = REGIONAL_ROLES.has(role) ? (region === undefined ? TEST_REGION : region) : null;
    const key = `${role}:${scope ?? 'ID'}`;
    let user = users.get(key);
    if (!user) {
      const username = `${role.toLowerCase().replace(/_/g, '-')}${scope ? `.${scope.replace(/\./g, '-')}` : ''}`;
      user = (async () => {
        const id = await auth.createUser({ username, displayName: `Test ${role}`, role, regionCode: scope });
        return { id, token: (await auth.issueToken(username, 'test')).token };
      })();
      users.set(key, user);
    }
    return user;
  };
  const adminToken = (await userFor('ADMIN')).token;

  const loggedErrors: unknown[] = [];
  const logger: ErrorLogger = { error: (_message, error) => loggedErrors.push(error) };
  const config: AppConfig = {
    port: 0,
    database,
    dashboardDist: options.dashboardDist ?? join(dir, 'no-dashboard'),
    dataKey: TEST_DATA_KEY,
    ...(options.smallCellThreshold === undefined ? {} : { smallCellThreshold: options.smallCellThreshold }),
  };
  // SQLite: the server's direct connection (rollup reads, raw SQL) is counted too, so both engines count the same work;
  // not the generation check (instrumentSqlite leaves it out) nor access control's statements.
  const direct = database.provider === 'sqlite' ? openSqlite(database.file) : null;
  const counted = direct
    ? instrumentSqlite(direct, { record: ({ sql }) => { if (!ACCESS_CONTROL_TABLES.test(sql)) statements += 1; } })
    : null;
  const atlas = await createApp(config, { prisma, logger, production: false, ...(counted ? { sqlite: counted } : {}) });
  const server: Server = await new Promise((resolve) => {
    const listening = atlas.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const queryAs = async <TData>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<HttpResult<TData>> => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse<TData> };
  };

  return {
    engine,
    baseUrl,
    prisma,
    loggedErrors,
    adminToken,
    authHeaders: (token = adminToken) => ({ authorization: `Bearer ${token}` }),
    query: <TData>(query: string, variables?: Record<string, unknown>) => queryAs<TData>(adminToken, query, variables),
    queryAs,
    tokenFor: async (role, region) => (await userFor(role, region)).token,
    userIdFor: async (role, region) => (await userFor(role, region)).id,
    statementCount: () => statements,
    forgetReferenceData: () => {
      atlas.services.version.forget();
      atlas.services.region.forget();
    },
    resetStatementCount: () => {
      statements = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await atlas.close();
      direct?.close();
      await prisma.$disconnect();
      if (pgDatabase) await dropPostgresDatabase(pgDatabase);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
