#!/usr/bin/env node
// `npm start`: from a fresh clone (Node 20 + npm only) to a running DTSEN Atlas at http://localhost:$PORT.
//   1. finds pnpm (or runs it through npm exec), 2. installs the workspace (frozen lockfile),
//   3. builds server and dashboard, 4. generates the default synthetic dataset if the database has none,
//   5. starts the server, which serves the GraphQL API and the dashboard. The dataset comes with one user per role;
//      their tokens (printed when created) are in <database>.users.txt, e.g. data/dtsen.users.txt: the dashboard
//      asks for one ("Masuk"), and API clients send it as `Authorization: Bearer <token>`.
// Options by environment: PORT, DATABASE_URL, DTSEN_SCALE (default 0.001), DTSEN_SEED (1), DTSEN_VERSIONS (5).
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { env, pnpm, root, run } from './workspace.mjs';

const step = (title) => console.log(`\n▶ ${title}`);

/**
 * The private file of the development users' tokens next to the SQLite database (none for PostgreSQL); a relative
 * DATABASE_URL is relative to the repository root, where the CLI runs.
 */
function tokensFile() {
  const url = env.DATABASE_URL ?? '';
  if (/^postgres(ql)?:\/\//.test(url)) return null;
  const database = url.trim() === '' ? resolve(root, 'data', 'dtsen.db') : resolve(root, url.replace(/^file:/, ''));
  return `${database.replace(/\.db$/, '')}.users.txt`;
}

step('Installing dependencies (pnpm install --frozen-lockfile)');
run(pnpm('install', '--frozen-lockfile'));
step('Building server and dashboard');
run(pnpm('run', 'build'));
step('Ensuring a dataset exists');
run(['node', [
  'server/dist/cli.js', 'ensure-dataset',
  '--scale', env.DTSEN_SCALE ?? '0.001', '--seed', env.DTSEN_SEED ?? '1', '--versions', env.DTSEN_VERSIONS ?? '5',
]]);
const tokens = tokensFile();
step('Signing in');
console.log(
  tokens && existsSync(tokens)
    ? `Open the address below and sign in ("Masuk") with a token from ${relative(process.cwd(), tokens) || tokens}\n` +
        '(one user per role: admin, analis.nasional, analis.kebijakan, bupati.bogor, operator.bogor).'
    : 'Open the address below and sign in ("Masuk") with an API token: pnpm dtsen user add|token ... issues one.',
);
console.log('Manage users and tokens with `pnpm dtsen user ...` (add, token, list, disable, revoke).');
step('Starting DTSEN Atlas');
run(['node', ['server/dist/main.js']]);
