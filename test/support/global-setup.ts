/**
 * Global setup of the `integration` project: builds one real synthetic dataset (SQLite file, scale 0.001, 5
 * versions) with the generator, creates its development users (one per role, `ensureDevUsers`, as `npm start`
 * does: the regional ones in Kabupaten Bogor 32.01), starts the real server on it (GraphQL + built dashboard) on
 * a free port, and hands the tests its URL, the database file and an API token per role through
 * `inject('serverUrl')` / `inject('databaseFile')` / `inject('tokens')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import { createPrismaClient } from '../../server/src/db/prisma.js';
import type { RoleName } from '../../server/src/domain/access.js';
import { generateDataset } from '../../server/src/generator/generate.js';
import { DEV_USERS, ensureDevUsers } from '../../server/src/modules/auth/dev-users.js';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    databaseFile: string;
    /** An API token per role: the development users of the dataset (test/support/auth.ts sends them). */
    tokens: Record<RoleName, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'dtsen-it-'));
  const databaseFile = join(dir, 'dtsen.db');
  const started = performance.now();
  await generateDataset({ scale: 0.001, versions: 5, seed: 1, file: databaseFile, progress: null });
  console.log(`[global-setup] dataset generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${databaseFile}`);
  const config = loadConfig({ ...process.env, DATABASE_URL: `file:${databaseFile}`, PORT: '0' });
  const prisma = createPrismaClient(config.database);
  const byUsername = await ensureDevUsers(prisma, join(dir, 'dtsen.users.txt'));
  await prisma.$disconnect();
  const tokens = Object.fromEntries(
    DEV_USERS.map((user) => {
      const token = byUsername.get(user.username);
      if (!token) throw new Error(`no token for the development user ${user.username}`);
      return [user.role, token];
    }),
  ) as Record<RoleName, string>;
  const atlas = await createApp(config);
  const server: Server = await new Promise((resolve, reject) => {
    const s = atlas.app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  project.provide('serverUrl', `http://127.0.0.1:${port}`);
  project.provide('databaseFile', databaseFile);
  project.provide('tokens', tokens);
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await atlas.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
