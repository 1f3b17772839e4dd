// Shared by start.mjs and test.mjs: the repository root, the environment for native builds, pnpm (global or
// through `npm exec`), and a runner that stops the script on the first failing command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const env = { ...process.env };
// better-sqlite3 compiles from source: point node-gyp at the system's Node headers when they exist.
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

/** `pnpm` when installed, else pnpm 12 through `npm exec` (a fresh machine has only Node and npm). */
export function pnpm(...args) {
  const probe = spawnSync('pnpm', ['--version'], { env });
  return probe.status === 0 ? ['pnpm', args] : ['npm', ['exec', '--yes', '--package=pnpm@12', '--', 'pnpm', ...args]];
}

export function run([cmd, args]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}
