/**
 * Child process of `publishInWorker`: opens its own connection to the SQLite file, publishes one version
 * (`publishVersionSqlite`, one transaction) and sends the result or the error back over IPC. Publishing takes
 * seconds to minutes; in its own process, the server's event loop keeps answering while it runs (WAL: readers see
 * the previous state until the transaction commits), and its 2 GiB page cache is returned when it exits.
 */
import { openSqlite } from '../../db/sqlite.js';
import { publishVersionSqlite, type PublishMode } from './publish.service.js';

export interface PublishWorkerData {
  file: string;
  versionId: number;
  mode?: PublishMode;
  /** ISO timestamp recorded as published_at (default: now). */
  publishedAt?: string;
}

export type PublishWorkerMessage =
  | { ok: true; result: ReturnType<typeof publishVersionSqlite> }
  | { ok: false; error: { name: string; code?: string; message: string; stack?: string } };

const data = JSON.parse(process.argv[2] ?? '{}') as PublishWorkerData;
const db = openSqlite(data.file);
let message: PublishWorkerMessage;
try {
  const result = publishVersionSqlite(db, data.versionId, {
    ...(data.mode ? { mode: data.mode } : {}),
    ...(data.publishedAt ? { publishedAt: new Date(data.publishedAt) } : {}),
  });
  message = { ok: true, result };
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  message = { ok: false, error: { name: e.name, code: (e as { code?: string }).code, message: e.message, stack: e.stack } };
} finally {
  db.close();
}
process.send?.(message!, () => process.exit(0));
