/**
 * Content fingerprints of a SQLite database for the import specs: per table, the row count and a SHA-256 over every
 * row (sorted), so that "nothing changed" and "the same result as a clean run" are checked on the data itself.
 */
import { createHash } from 'node:crypto';
import { openSqlite } from '../../../db/sqlite.js';

/** The tables an import writes, plus the version table and SQLite's AUTOINCREMENT counters. */
export const IMPORT_TABLES = ['dtsen_version', 'family', 'family_state', 'individual', 'enrollment', 'poverty', 'sqlite_sequence'] as const;

/**
 * Count and hash of each table. `exclude` names columns left out of the hash: the sealed identifiers (AES-GCM under
 * a fresh random IV, so two imports of the same file seal differently) and timestamps of the run.
 */
export function fingerprint(file: string, tables: readonly string[] = IMPORT_TABLES, exclude: readonly string[] = []): Record<string, { rows: number; sha256: string }> {
  const db = openSqlite(file, { readonly: true });
  try {
    const out: Record<string, { rows: number; sha256: string }> = {};
    for (const table of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => !exclude.includes(c));
      const lines = (db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r));
      lines.sort();
      const hash = createHash('sha256');
      for (const line of lines) hash.update(line).update('\n');
      out[table] = { rows: lines.length, sha256: hash.digest('hex') };
    }
    return out;
  } finally {
    db.close();
  }
}

/** Columns whose value differs between two runs that import the same data. */
export const RUN_SPECIFIC_COLUMNS = ['kk_sealed', 'nik_sealed', 'created_at'] as const;
