import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

export interface OpenSqliteOptions {
  readonly?: boolean;
  /** Bulk-load mode: no fsync, memory temp store, big cache. Only for a file that is rebuilt on failure. */
  bulk?: boolean;
}

/** Opens a SQLite file with the pragmas the platform relies on (WAL, foreign keys off for bulk paths). */
export function openSqlite(file: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (options.bulk) {
    // The bulk target is a scratch file renamed into place when complete: no journal needed.
    db.pragma('journal_mode = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
  } else if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -262144'); // 256 MiB
  db.pragma('temp_store = MEMORY');
  if (options.bulk) {
    db.pragma('synchronous = OFF');
    // Rows are written in batches per table, so a child may be written before its parent; integrity is
    // verified after the load (PRAGMA foreign_key_check in the generator spec).
    db.pragma('foreign_keys = OFF');
  } else if (!options.readonly) {
    db.pragma('synchronous = NORMAL');
  }
  return db;
}
