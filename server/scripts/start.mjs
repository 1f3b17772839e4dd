#!/usr/bin/env node
// `npm start`: from a fresh clone (Node 20 + npm only) to a running DTSEN Atlas at http://localhost:$PORT.
//   1. finds pnpm (or runs it through npm exec), 2. installs the workspace (frozen lockfile),
//   3. builds server and dashboard, 4. generates the default synthetic dataset if the database has none,
//   5. starts the server, which serves the GraphQL API and the dashboard.
// Options by environment: PORT, DATABASE_URL, DTSEN_SCALE (default 0.001), DTSEN_SEED (1), DTSEN_VERSIONS (5).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env };
// better-sqlite3 compiles from source: point node-gyp at the system's Node headers when they exist.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

const step = (title) => console.log(`\n▶ ${title}`);
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, ...opts });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
};

export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8' });
  if (probe.status === 0) return ['pnpm', []];
  return ['npm', ['exec', '--yes', '--package=pnpm@12', '--', 'pnpm']];
}

const [pnpm, pre] = pnpmCommand();
const onlyPrepare = process.argv.includes('--prepare-only');

step('Installing dependencies (pnpm install --frozen-lockfile)');
run(pnpm, [...pre, 'install', '--frozen-lockfile']);
step('Building server and dashboard');
run(pnpm, [...pre, 'run', 'build']);
if (onlyPrepare) process.exit(0);
step('Ensuring a dataset exists');
run('node', [
  'server/dist/cli.js', 'ensure-dataset',
  '--scale', env.DTSEN_SCALE ?? '0.001', '--seed', env.DTSEN_SEED ?? '1', '--versions', env.DTSEN_VERSIONS ?? '5',
]);
step('Starting DTSEN Atlas');
run('node', ['server/dist/main.js']);
