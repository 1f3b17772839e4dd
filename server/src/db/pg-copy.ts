/**
 * Copies a whole SQLite dataset into a migrated, empty PostgreSQL database: every table of the model (reference
 * data, versions, the temporal registry, proposals, every rollup, users, tokens and the audit log), in one
 * transaction, with `COPY ... FROM STDIN` (pg-copy-streams), so that a dataset generated on SQLite can be served from
 * PostgreSQL (`dtsen copy-to-postgres`, the PostgreSQL twin of the API tests).
 *
 * - Both databases must be at the same migration (the same names in `_atlas_migrations`; each engine keeps its own
 *   checksums, so the bookkeeping table itself is not copied: the target's is already right).
 * - As pg_restore does, the secondary indexes and the foreign keys are dropped for the load and created again after it
 *   (from their catalog definitions, `pg_get_indexdef` / `pg_get_constraintdef`): one index build and one validating
 *   join per key instead of an index update and a lookup per row (2–6 times faster per table). Creating them again checks
 *   the source's uniqueness and integrity. Tables still load parents first (the foreign keys, topologically sorted).
 * - Values are converted to the target column's type: SQLite booleans 0/1 → `t`/`f`; DateTime values (ISO-8601
 *   text as Prisma and the generator write them, `YYYY-MM-DD HH:MM:SS` from SQLite's CURRENT_TIMESTAMP, or epoch
 *   milliseconds) → the UTC wall-clock `timestamp(3)` Prisma reads on PostgreSQL.
 * - The immutability triggers (migrations 0002, 0004, 0008, 0012, 0013) and the audit log's append-only trigger
 *   (0015) would refuse rows of a published version, or cost a lookup per row: they are switched off for the load
 *   with `ALTER TABLE ... DISABLE TRIGGER USER` and on again before the commit, inside the same transaction. That
 *   needs only table ownership (the user that migrated the database), not a superuser as
 *   `session_replication_role = replica` would, and no other session ever sees the triggers off (or the keys and
 *   indexes missing): ALTER TABLE holds its lock until the commit. The alternative (versions inserted as drafts and
 *   published last) would run every trigger once per row for nothing.
 * - Serial sequences are moved past the copied ids, and the tables are ANALYZEd for the planner.
 */
import { existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { applyMigrations } from './migrate.js';
import { GENERATION_CHANNEL } from './pg-generation.js';
import { openSqlite } from './sqlite.js';

/** The bookkeeping table of `db/migrate.ts`: per engine, never copied. */
const MIGRATIONS_TABLE = '_atlas_migrations';

export interface CopyOptions {
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** ANALYZE the copied tables (default true). */
  analyze?: boolean;
}

export interface CopyReport {
  /** Rows copied per table, in load order. */
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
}

/** The source or the target is not what a copy needs (different migrations, a non-empty target ...). */
export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError';
}

interface TargetColumn {
  name: string;
  /** `information_schema.columns.data_type`, e.g. `integer`, `boolean`, `timestamp without time zone`, `USER-DEFINED`. */
  type: string;
}

interface TargetTable {
  name: string;
  columns: TargetColumn[];
  /** Tables it references (other than itself). */
  parents: string[];
  /** Columns whose default is a sequence. */
  serials: string[];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Copies the SQLite file into the (migrated, empty) PostgreSQL database at `pgUrl`, in one transaction. */
export async function copySqliteToPostgres(sqliteFile: string, pgUrl: string, options: CopyOptions = {}): Promise<CopyReport> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const source = openSqlite(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const tables = loadOrder(await targetTables(client));
    await checkCompatible(source, client, tables);
    const rows: Record<string, number> = {};
    await client.query('BEGIN');
    try {
      const deferred = await dropIndexesAndForeignKeys(client);
      for (const table of tables) {
        const columns = sourceColumns(source, table);
        await client.query(`ALTER TABLE ${quote(table.name)} DISABLE TRIGGER USER`);
        const copied = await copyTable(source, client, table, columns);
        await client.query(`ALTER TABLE ${quote(table.name)} ENABLE TRIGGER USER`);
        rows[table.name] = copied;
        log(`  ${table.name.padEnd(26)} ${copied.toLocaleString('en-US').padStart(12)} rows`);
        for (const column of table.serials) {
          await client.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(column)}) FROM ${quote(table.name)}), 0) + 1, false)`,
            [quote(table.name), column],
          );
        }
      }
      for (const statement of deferred) await client.query(statement);
      // The triggers were off, including the response cache's (migration 0018): tell listening servers at commit.
      await client.query('SELECT pg_notify($1, pg_current_xact_id()::text)', [GENERATION_CHANNEL]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    if (options.analyze ?? true) {
      for (const table of tables) await client.query(`ANALYZE ${quote(table.name)}`);
    }
    const totalRows = Object.values(rows).reduce((a, n) => a + n, 0);
    return { rows, totalRows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
    source.close();
  }
}

/** The tables of the target's public schema (the bookkeeping table excepted), their columns, parents and serials. */
async function targetTables(client: pg.Client): Promise<TargetTable[]> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; serial: boolean }>(
    `SELECT c.table_name, c.column_name, c.data_type, COALESCE(c.column_default LIKE 'nextval(%', false) AS serial
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
     ORDER BY c.table_name, c.ordinal_position`,
    [MIGRATIONS_TABLE],
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
  const byName = new Map<string, TargetTable>();
  for (const row of columns.rows) {
    let table = byName.get(row.table_name);
    if (!table) {
      table = { name: row.table_name, columns: [], parents: [], serials: [] };
      byName.set(row.table_name, table);
    }
    table.columns.push({ name: row.column_name, type: row.data_type });
    if (row.serial) table.serials.push(row.column_name);
  }
  for (const { child, parent } of references.rows) {
    const table = byName.get(unquote(child));
    if (table && unquote(parent) !== table.name) table.parents.push(unquote(parent));
  }
  return [...byName.values()];
}

/**
 * Drops the foreign keys and the secondary indexes (those not behind a primary key) of the public schema; returns the
 * statements that create them again, indexes first.
 */
async function dropIndexesAndForeignKeys(client: pg.Client): Promise<string[]> {
  const keys = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public' ORDER BY 1, 2`,
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname <> $1 AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [MIGRATIONS_TABLE],
  );
  for (const key of keys.rows) await client.query(`ALTER TABLE ${key.tbl} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes.rows) await client.query(`DROP INDEX ${index.name}`);
  return [
    ...indexes.rows.map((index) => index.def),
    ...keys.rows.map((key) => `ALTER TABLE ${key.tbl} ADD CONSTRAINT ${key.name} ${key.def}`),
  ];
}

/** Parents before children (depth-first over the foreign keys; names break ties, so the order is stable). */
export function loadOrder<T extends { name: string; parents: readonly string[] }>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: T[] = [];
  const visit = (table: T) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`foreign-key cycle through ${table.name}`);
    visiting.add(table.name);
    for (const parent of [...table.parents].sort()) {
      const p = byName.get(parent);
      if (p) visit(p);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(table);
  return order;
}

/** Same migrations on both sides, every target table present in the source, and an empty target. */
async function checkCompatible(source: ReturnType<typeof openSqlite>, client: pg.Client, tables: readonly TargetTable[]): Promise<void> {
  const sourceTables = new Set(
    (source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name),
  );
  const applied = (names: string[]) => [...names].sort().join(', ');
  const sourceMigrations = sourceTables.has(MIGRATIONS_TABLE)
    ? (source.prepare(`SELECT name FROM ${MIGRATIONS_TABLE}`).all() as Array<{ name: string }>).map((r) => r.name)
    : [];
  const targetMigrations = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`).catch(() => ({ rows: [] }))).rows.map((r) => r.name);
  if (applied(sourceMigrations) !== applied(targetMigrations)) {
    throw new CopyRefusedError(
      `the SQLite and PostgreSQL databases are not at the same migrations (SQLite: ${sourceMigrations.length}, PostgreSQL: ` +
        `${targetMigrations.length}): run \`dtsen migrate\` on both first`,
    );
  }
  const missing = tables.filter((t) => !sourceTables.has(t.name)).map((t) => t.name);
  if (missing.length > 0) throw new CopyRefusedError(`the SQLite database has no table ${missing.join(', ')}`);
  const targetNames = new Set(tables.map((t) => t.name));
  const extra = [...sourceTables].filter((name) => !name.startsWith('sqlite_') && name !== MIGRATIONS_TABLE && !targetNames.has(name));
  if (extra.length > 0) throw new CopyRefusedError(`the PostgreSQL database has no table ${extra.join(', ')}`);
  for (const table of tables) {
    const { rows } = await client.query(`SELECT 1 FROM ${quote(table.name)} LIMIT 1`);
    if (rows.length > 0) throw new CopyRefusedError(`the PostgreSQL database is not empty (table ${table.name} has rows): copy into a fresh database`);
  }
}

/** The target's columns, each checked to exist in the source table. */
function sourceColumns(source: ReturnType<typeof openSqlite>, table: TargetTable): TargetColumn[] {
  const present = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table.name) as Array<{ name: string }>).map((r) => r.name));
  const missing = table.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) throw new CopyRefusedError(`SQLite table ${table.name} has no column ${missing.join(', ')}`);
  return table.columns;
}

/** Rows per chunk written to the COPY stream. */
const CHUNK_ROWS = 2000;

async function copyTable(source: ReturnType<typeof openSqlite>, client: pg.Client, table: TargetTable, columns: readonly TargetColumn[]): Promise<number> {
  const list = columns.map((c) => quote(c.name)).join(', ');
  const encoders = columns.map((c) => encoderFor(c, table.name));
  const select = source.prepare(`SELECT ${list} FROM ${quote(table.name)}`).raw(true);
  let count = 0;
  function* chunks(): Generator<string> {
    let lines: string[] = [];
    for (const row of select.iterate() as IterableIterator<unknown[]>) {
      lines.push(row.map((value, k) => encoders[k]!(value)).join('\t'));
      count += 1;
      if (lines.length === CHUNK_ROWS) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
    if (lines.length > 0) yield `${lines.join('\n')}\n`;
  }
  const stream = client.query(copyFrom(`COPY ${quote(table.name)} (${list}) FROM STDIN`));
  await pipeline(Readable.from(chunks()), stream);
  return count;
}

/** A value in COPY's text format: `\N` for NULL, backslash escapes for the separators. */
function text(value: string): string {
  return value.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
}

type Encoder = (value: unknown) => string;

function encoderFor(column: TargetColumn, table: string): Encoder {
  const where = `${table}.${column.name}`;
  const nullable = (encode: Encoder): Encoder => (value) => (value === null || value === undefined ? '\\N' : encode(value));
  switch (column.type) {
    case 'boolean':
      return nullable((value) => {
        if (value === 1 || value === 1n || value === true || value === 'true') return 't';
        if (value === 0 || value === 0n || value === false || value === 'false') return 'f';
        throw new Error(`${where}: ${String(value)} is not a boolean`);
      });
    case 'timestamp without time zone':
    case 'timestamp with time zone':
      return nullable((value) => pgTimestamp(value, where));
    case 'date':
      return nullable((value) => pgTimestamp(value, where).slice(0, 10));
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'double precision':
    case 'real':
    case 'numeric':
      return nullable((value) => {
        if (typeof value === 'number' || typeof value === 'bigint') return String(value);
        if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value.trim();
        throw new Error(`${where}: ${String(value)} is not a number`);
      });
    default:
      return nullable((value) => {
        if (value instanceof Uint8Array) throw new Error(`${where}: binary values are not supported`);
        return text(String(value));
      });
  }
}

/** SQLite's CURRENT_TIMESTAMP form (UTC, no zone). */
const SQLITE_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/;

/**
 * A DateTime stored on SQLite as PostgreSQL `timestamp(3)` text: the UTC wall clock `YYYY-MM-DD HH:MM:SS.mmm`, as
 * Prisma writes and reads DateTime on PostgreSQL.
 */
export function pgTimestamp(value: unknown, where = 'value'): string {
  let ms: number;
  if (typeof value === 'number' || typeof value === 'bigint') ms = Number(value);
  else if (typeof value === 'string' && SQLITE_TIMESTAMP.test(value)) ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) ms = Date.parse(`${value}T00:00:00Z`);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) ms = Date.parse(`${value}Z`);
  else if (typeof value === 'string') ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`${where}: ${String(value)} is not a date and time`);
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * `dtsen copy-to-postgres --from file.db --to postgresql://...`: creates the target database when it does not exist,
 * applies the pending migrations to both databases, and copies (the target must be empty).
 */
export async function copyToPostgresCommand(sqliteFile: string, pgUrl: string, log: (line: string) => void = console.log): Promise<CopyReport> {
  if (!/^postgres(ql)?:\/\//.test(pgUrl)) throw new CopyRefusedError(`--to must be a postgresql:// URL, got "${pgUrl}"`);
  if (!existsSync(sqliteFile)) throw new CopyRefusedError(`--from: no SQLite file ${sqliteFile}`);
  if (await ensurePostgresDatabase(pgUrl)) log(`created database ${new URL(pgUrl).pathname.slice(1)}`);
  for (const target of [{ provider: 'sqlite' as const, file: sqliteFile }, { provider: 'postgresql' as const, url: pgUrl }]) {
    const { applied } = await applyMigrations(target);
    if (applied.length > 0) log(`${target.provider}: applied ${applied.join(', ')}`);
  }
  log(`copying ${sqliteFile} -> ${redactedUrl(pgUrl)}`);
  const report = await copySqliteToPostgres(sqliteFile, pgUrl, { log });
  log(`copied ${report.totalRows.toLocaleString('en-US')} rows in ${report.seconds.toFixed(1)} s`);
  return report;
}

/** Creates the database of `url` (through the server's `postgres` database) unless it exists; true when created. */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error; // 3D000 = invalid_catalog_name: no such database
  } finally {
    await probe.end().catch(() => undefined);
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quote(name)}`);
  } finally {
    await client.end();
  }
  return true;
}

function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.href;
}
