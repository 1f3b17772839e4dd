#!/usr/bin/env node
// `npm start`: from a fresh clone (Node 20 + npm only) to a running DTSEN Atlas at http://localhost:$PORT.
//   1. finds pnpm (or runs it through npm exec), 2. installs the workspace (frozen lockfile),
//   3. builds server and dashboard, 4. generates the default synthetic dataset if the database has none,
//   5. starts the server, which serves the GraphQL API and the dashboard.
// Options by environment: PORT, DATABASE_URL, DTSEN_SCALE (default 0.001), DTSEN_SEED (1), DTSEN_VERSIONS (5).
import { env, pnpm, run } from './workspace.mjs';

const step = (title) => console.log(`\n▶ ${title}`);

step('Installing dependencies (pnpm install --frozen-lockfile)');
run(pnpm('install', '--frozen-lockfile'));
step('Building server and dashboard');
run(pnpm('run', 'build'));
step('Ensuring a dataset exists');
run(['node', [
  'server/dist/cli.js', 'ensure-dataset',
  '--scale', env.DTSEN_SCALE ?? '0.001', '--seed', env.DTSEN_SEED ?? '1', '--versions', env.DTSEN_VERSIONS ?? '5',
]]);
step('Starting DTSEN Atlas');
run(['node', ['server/dist/main.js']]);
