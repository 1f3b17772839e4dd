/**
 * The generator's PostgreSQL target: rows stream into a migrated, empty database through `COPY ... FROM STDIN`
 * (pg-copy-streams, text format), all in ONE transaction, so a failed or killed load leaves the database as it was.
 *
 * - {@link PgCopySink}: rows are encoded to COPY text as they come and sent per batch of families (the generator's
 *   checkpoints), one `COPY <table> FROM STDIN` per table in foreign-key order. One batch is in flight while the
 *   next is simulated (the generator yields to the event loop every few hundred families through `pace()`), and a
 *   checkpoint waits for the batch before it, so at most two batches are in memory (back-pressure).
 * - Like the SQLite path (indexes and triggers built after the load), {@link openPostgresTarget} drops the secondary
 *   indexes and the foreign keys of the dataset's tables and switches their triggers off (`DISABLE TRIGGER USER`)
 *   before the load, and builds, re-adds (one validating join each) and switches them back on after it, inside the
 *   same transaction: no other session ever sees them missing. The tables are truncated (empty already) in that
 *   transaction so that COPY can write frozen, all-visible rows (`FREEZE`): no hint-bit rewrite or vacuum afterwards,
 *   and index-only scans from the first publication. Sequences are set past the loaded ids, listening servers are
 *   told of the new data (the response cache's notification, whose trigger was off too), then ANALYZE.
 * - Versions are then published one transaction each (`publishVersionPostgres`).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readMigrations } from '../db/migrate.js';
import { GENERATION_CHANNEL } from '../db/pg-generation.js';
import { publishVersionPostgres } from '../modules/publish/publish.postgres.js';
import { type Cell, type DatasetTarget, type RowSink, TABLES, type TableName } from './sqlite-sink.js';

/** COPY order: parents before children (the order of TABLES). */
const COPY_ORDER = Object.keys(TABLES) as TableName[];

/** Characters COPY's text format escapes. */
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const TAB = 9;
const NEWLINE = 10;
const BACKSLASH = 92;
const N = 78;
const MINUS = 45;
const ZERO = 48;

/**
 * COPY data of one table, in COPY's text format, written straight into a growing byte buffer: rows are
 * tab-separated cells ending in a newline, `\N` for NULL, backslash escapes for backslash, newline, carriage return
 * and tab. Integers are written digit by digit, other numbers as JavaScript prints them (PostgreSQL reads `1e-7`); the
 * generator writes booleans as 0/1 and dates as ISO-8601 text, which PostgreSQL's boolean and timestamp inputs read.
 * Bytes outside the JavaScript heap: a batch of families costs no string per row for the garbage collector to move.
 */
export class CopyText {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  /** Appends one row. */
  row(cells: readonly Cell[]): void {
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      if (k > 0) this.byte(TAB);
      if (cell === null) {
        this.byte(BACKSLASH);
        this.byte(N);
      } else if (typeof cell === 'number') this.number(cell);
      else this.text(SPECIAL.test(cell) ? cell.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : cell);
    }
    this.byte(NEWLINE);
  }

  /** The bytes written so far. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  get length(): number {
    return this.used;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + bytes));
    this.buffer.copy(next, 0, 0, this.used);
    this.buffer = next;
  }

  private byte(b: number): void {
    if (this.used === this.buffer.length) this.reserve(1);
    this.buffer[this.used++] = b;
  }

  private number(n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.text(String(n));
      return;
    }
    this.reserve(17);
    if (n < 0) {
      this.buffer[this.used++] = MINUS;
      n = -n;
    }
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    for (let k = this.used + digits - 1; k >= this.used; k--) {
      this.buffer[k] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    }
    this.used += digits;
  }

  private text(s: string): void {
    this.reserve(s.length * 3);
    this.used += this.buffer.write(s, this.used, 'utf8');
  }
}

/** One row as COPY text, with its line end (for tests and single rows). */
export function encodeCopyRow(row: readonly Cell[]): string {
  const text = new CopyText();
  text.row(row);
  return text.bytes().toString('utf8');
}

/** Bytes of COPY data per CopyData message (a table's batch is sent in pieces of this size). */
const CHUNK_BYTES = 1 << 20;

type Batch = Record<TableName, CopyText>;

const emptyBatch = (): Batch => Object.fromEntries(COPY_ORDER.map((t) => [t, new CopyText()])) as unknown as Batch;

/** Rows into PostgreSQL through COPY, per batch (see the module comment). The caller owns the transaction. */
export class PgCopySink implements RowSink {
  readonly counts = Object.fromEntries(COPY_ORDER.map((t) => [t, 0])) as Record<TableName, number>;
  private batch = emptyBatch();
  private inflight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** @param freeze COPY ... WITH (FREEZE): the tables were created or truncated in the current transaction */
  constructor(
    private readonly client: pg.ClientBase,
    private readonly freeze = false,
  ) {}

  insert(table: TableName, row: Cell[]): void {
    const columns = TABLES[table].length;
    if (row.length !== columns) throw new Error(`${table}: expected ${columns} values, got ${row.length}`);
    this.batch[table].row(row);
    this.counts[table]++;
  }

  /** Waits for the batch in flight (back-pressure), then starts sending the rows written since. */
  async checkpoint(): Promise<void> {
    await this.settle();
    const batch = this.batch;
    this.batch = emptyBatch();
    this.inflight = this.send(batch).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Lets the batch in flight progress (its COPY round trips and socket writes need the event loop). */
  pace(): Promise<void> {
    if (this.failure) return this.settle();
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Sends what is left and waits until PostgreSQL has it all. */
  async close(): Promise<void> {
    await this.settle();
    const batch = this.batch;
    this.batch = emptyBatch();
    await this.send(batch);
  }

  private async settle(): Promise<void> {
    await this.inflight;
    if (this.failure) throw this.failure.error;
  }

  private async send(batch: Batch): Promise<void> {
    for (const table of COPY_ORDER) {
      const data = batch[table].bytes();
      if (data.length === 0) continue;
      const stream = this.client.query(
        copyFrom(`COPY ${table} (${TABLES[table].join(', ')}) FROM STDIN${this.freeze ? ' WITH (FREEZE)' : ''}`),
      );
      const pieces: Buffer[] = [];
      for (let at = 0; at < data.length; at += CHUNK_BYTES) pieces.push(data.subarray(at, at + CHUNK_BYTES));
      await pipeline(Readable.from(pieces), stream);
    }
  }
}

/** The database cannot take a generated dataset (not migrated, or already holding one). */
export class PostgresTargetError extends Error {
  override readonly name = 'PostgresTargetError';
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Opens the PostgreSQL database at `url` as the generator's target: checks it is migrated and holds no dataset,
 * begins the load transaction and prepares the tables (see the module comment).
 */
export async function openPostgresTarget(url: string): Promise<DatasetTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let inTransaction = false;
  try {
    await checkEmptyAndMigrated(client, url);
    const tables = COPY_ORDER;
    const { rows: foreignKeys } = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
       WHERE c.contype = 'f' AND (c.conrelid = ANY($1::regclass[]) OR c.confrelid = ANY($1::regclass[]))
       ORDER BY c.conrelid::regclass::text, c.conname`,
      [tables],
    );
    // Secondary indexes: those that back no constraint (primary keys stay: ids arrive in order, cheap to maintain).
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
       WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
       ORDER BY 1`,
      [tables],
    );
    const { rows: serials } = await client.query<{ tbl: string; col: string }>(
      `SELECT table_name AS tbl, column_name AS col FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ANY($1::text[]) AND column_default LIKE 'nextval(%'`,
      [tables],
    );
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query('BEGIN');
    inTransaction = true;
    for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} DROP CONSTRAINT ${quote(fk.name)}`);
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
    for (const table of tables) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query(`TRUNCATE ${tables.join(', ')}`);
    const sink = new PgCopySink(client, true);

    return {
      engine: 'postgresql',
      sink,
      endLoad: () => sink.close(),
      indexSteps: indexes.length + 2,
      async buildIndexes(onStep) {
        for (const [k, index] of indexes.entries()) {
          await client.query(index.def);
          onStep(k + 1);
        }
        for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.tbl} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`);
        for (const table of tables) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
        for (const { tbl, col } of serials) {
          await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${quote(col)}) FROM ${quote(tbl)}), 0) + 1, false)`, [
            quote(tbl), col,
          ]);
        }
        onStep(indexes.length + 1);
        // The triggers were off, the response cache's too (migration 0018): tell listening servers at the commit.
        await client.query('SELECT pg_notify($1, pg_current_xact_id()::text)', [GENERATION_CHANNEL]);
        await client.query('COMMIT');
        inTransaction = false;
        for (const table of tables) await client.query(`ANALYZE ${table}`);
        onStep(indexes.length + 2);
      },
      publish: (versionId, publishedAt) => publishVersionPostgres(client, versionId, { publishedAt }),
      async complete(info) {
        await client.query(
          `INSERT INTO dataset_info (key, value) VALUES ('generator', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [info],
        );
        const { rows } = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
        await client.end();
        return Number(rows[0]!.bytes);
      },
      async abort() {
        if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  } catch (error) {
    if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Fails fast (PostgresTargetError) when the database at `url` cannot take a generated dataset: the generator checks
 * before simulating, and {@link openPostgresTarget} again when it starts loading.
 */
export async function checkPostgresTarget(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await checkEmptyAndMigrated(client, url);
  } finally {
    await client.end();
  }
}

/** Every PostgreSQL migration applied, and no dataset in the tables. */
async function checkEmptyAndMigrated(client: pg.ClientBase, url: string): Promise<void> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
  const { rows: present } = await client.query<{ ok: boolean }>("SELECT to_regclass('_atlas_migrations') IS NOT NULL AS ok");
  const applied = present[0]?.ok ? new Set((await client.query<{ name: string }>('SELECT name FROM _atlas_migrations')).rows.map((r) => r.name)) : new Set();
  const pending = readMigrations('postgresql').filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (pending.length > 0) {
    throw new PostgresTargetError(
      `PostgreSQL database ${database} is missing migrations ${pending.join(', ')}: apply them first (DATABASE_URL=<url> dtsen migrate; ` +
        '`dtsen generate --database <url>` creates and migrates the database itself)',
    );
  }
  const { rows } = await client.query<{ busy: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM dtsen_version) OR EXISTS (SELECT 1 FROM region) OR EXISTS (SELECT 1 FROM family) AS busy',
  );
  if (rows[0]?.busy) {
    throw new PostgresTargetError(
      `PostgreSQL database ${database} already holds a dataset: generate into an empty, migrated database (drop and recreate it, or name a new one)`,
    );
  }
}
