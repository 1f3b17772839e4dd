import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { createApp } from '../../app.js';
import { parseDatabaseUrl, type AppConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrate.js';
import { PrismaClient } from '../../generated/prisma/sqlite/client.js';
import type { ErrorLogger } from '../../graphql/format-error.js';
import { seedFixture } from './fixture.js';

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

export interface TestApi {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** The client the app uses, with a SQL statement counter. */
  prisma: PrismaClient<'query'>;
  /** POSTs a GraphQL operation to `/graphql`. */
  query<TData>(query: string, variables?: Record<string, unknown>): Promise<HttpResult<TData>>;
  /** SQL statements run since the last {@link TestApi.resetStatementCount}. */
  statementCount(): number;
  resetStatementCount(): void;
  /** Unexpected errors the app logged. */
  loggedErrors: unknown[];
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  /** Folder of a built dashboard; defaults to a folder that does not exist. */
  dashboardDist?: string;
  /** Publish the fixture's published versions (default true); false leaves every version a draft. */
  publish?: boolean;
}

/**
 * A real app on a temporary SQLite file: migrations applied, fixture inserted through Prisma, listening on an
 * ephemeral port. Every SQL statement Prisma sends is counted (`$on('query')`).
 */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-api-'));
  const database = parseDatabaseUrl(`file:${join(dir, 'atlas.db')}`);
  if (database.provider !== 'sqlite') throw new Error('unreachable: the test database is SQLite');
  await applyMigrations({ provider: 'sqlite', file: database.file });

  const prisma = new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: database.file }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let statements = 0;
  prisma.$on('query', () => {
    statements += 1;
  });
  await seedFixture(prisma, { publish: options.publish ?? true });

  const loggedErrors: unknown[] = [];
  const logger: ErrorLogger = { error: (_message, error) => loggedErrors.push(error) };
  const config: AppConfig = { port: 0, database, dashboardDist: options.dashboardDist ?? join(dir, 'no-dashboard') };
  const atlas = await createApp(config, { prisma, logger, production: false });
  const server: Server = await new Promise((resolve) => {
    const listening = atlas.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    prisma,
    loggedErrors,
    async query<TData>(query: string, variables?: Record<string, unknown>): Promise<HttpResult<TData>> {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse<TData> };
    },
    statementCount: () => statements,
    resetStatementCount: () => {
      statements = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await atlas.close();
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
