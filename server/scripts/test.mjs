#!/usr/bin/env node
// `npm test`: the whole suite on a fresh clone. Installs, type-checks and lints, builds (the browser tests drive the built
// dashboard), then runs every vitest project: server unit/integration specs, dashboard component tests, and the
// cross-package API and browser tests in test/. Extra arguments go to vitest (e.g. `npm test -- --project server`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const probe = spawnSync('pnpm', ['--version'], { env });
const [pnpm, pre] = probe.status === 0 ? ['pnpm', []] : ['npm', ['exec', '--yes', '--package=pnpm@12', '--', 'pnpm']];
run(pnpm, [...pre, 'install', '--frozen-lockfile']);
if (!process.argv.includes('--project')) {
  // Static checks first: strict TypeScript and ESLint in both packages.
  run(pnpm, [...pre, '-r', 'run', 'typecheck']);
  run(pnpm, [...pre, '-r', 'run', 'lint']);
}
run(pnpm, [...pre, '--filter', '@dtsen/dashboard', 'run', 'build']);
run(pnpm, [...pre, 'exec', 'vitest', 'run', '--config', 'test/vitest.config.ts', ...process.argv.slice(2)]);
