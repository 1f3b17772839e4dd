#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs, type-checks and lints, builds the dashboard (the browser
// tests drive the built dashboard), then runs every vitest project: server unit/integration specs, dashboard
// component tests, and the cross-package API and browser tests in test/. Extra arguments go to vitest
// (e.g. `npm test -- --project server`, which also skips the static checks).
import { pnpm, run } from './workspace.mjs';

run(pnpm('install', '--frozen-lockfile'));
if (!process.argv.includes('--project')) {
  run(pnpm('-r', 'run', 'typecheck'));
  run(pnpm('-r', 'run', 'lint'));
}
run(pnpm('--filter', '@dtsen/dashboard', 'run', 'build'));
run(pnpm('exec', 'vitest', 'run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)));
