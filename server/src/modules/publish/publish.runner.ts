/**
 * Runs `publishVersionSqlite` in a child process (`publish.worker.ts`) on its own connection, so that publishing a
 * version (seconds at scale 0.01, minutes at national scale) never blocks the server's event loop, and a crash or the
 * big page cache of publishing stays out of the server. (A worker thread would do for the compiled server, but swc's
 * native loader, used when running from sources, does not survive several worker threads in one process.) The
 * typed errors come back as the same classes (VersionNotFoundError, VersionPublishedError, VersionOrderError).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fork } from 'node:child_process';
import {
  VersionNotFoundError, VersionOrderError, VersionPublishedError, type PublishMode, type PublishResult,
} from './publish.service.js';
import type { PublishWorkerData, PublishWorkerMessage } from './publish.worker.js';

export interface PublishInWorkerOptions {
  mode?: PublishMode;
  publishedAt?: Date;
}

const TYPED_ERRORS: Record<string, new (message: string) => Error> = {
  VersionNotFoundError,
  VersionPublishedError,
  VersionOrderError,
};

/** The worker's module next to this one: compiled `.js` in production, TypeScript (through swc) in dev and tests. */
function workerEntry(): { url: URL; execArgv: string[] } {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('.js')) return { url: new URL('./publish.worker.js', import.meta.url), execArgv: [] };
  // Running from sources: the worker loads TypeScript through swc's loader, as `pnpm dev` does. Its `esm-register`
  // entry resolves the loader from the working directory, which need not see the package; register it by path.
  const registerIndex = createRequire(import.meta.url).resolve('@swc-node/register');
  const loader = pathToFileURL(join(dirname(registerIndex), 'esm', 'esm.mjs')).href;
  const registration = `import { register } from 'node:module'; register(${JSON.stringify(loader)});`;
  return {
    url: pathToFileURL(join(dirname(self), 'publish.worker.ts')),
    execArgv: ['--import', `data:text/javascript,${encodeURIComponent(registration)}`],
  };
}

export function publishInWorker(file: string, versionId: number, options: PublishInWorkerOptions = {}): Promise<PublishResult> {
  const { url, execArgv } = workerEntry();
  const data: PublishWorkerData = {
    file,
    versionId,
    ...(options.mode ? { mode: options.mode } : {}),
    ...(options.publishedAt ? { publishedAt: options.publishedAt.toISOString() } : {}),
  };
  return new Promise((resolve, reject) => {
    const worker = fork(fileURLToPath(url), [JSON.stringify(data)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    worker.once('message', (raw) => {
      const message = raw as PublishWorkerMessage;
      settled = true;
      if (message.ok) {
        resolve(message.result);
        return;
      }
      const Typed = TYPED_ERRORS[message.error.name];
      const error = Typed ? new Typed(message.error.message) : new Error(`publishing failed in its worker: ${message.error.message}`);
      if (!Typed && message.error.stack) error.stack = message.error.stack;
      reject(error);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the publishing process exited with code ${String(code)} before answering`));
    });
  });
}
