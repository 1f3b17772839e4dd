/**
 * The CSV import (`dtsen import`): families, individuals, enrollments and BPS poverty files into the open DRAFT
 * version, never into a published one.
 *
 * 1. Read: each file is streamed once; its header is checked (a missing required, unknown or repeated column refuses
 *    the whole run before anything is written); every record is validated by the pure rules of
 *    domain/import-rules.ts; later duplicates of a key are rejected with the line of the first.
 * 2. Write: one better-sqlite3 transaction (BEGIN IMMEDIATE) applies every accepted record with prepared statements
 *    (import.apply.ts), kinds in the order poverty → families → individuals → enrollments so a row may refer to one
 *    of an earlier kind in the same run; the registry may still reject a record (unknown family, a change to a
 *    published person ...). The counts are checked (read = inserted + updated + unchanged + rejected) before COMMIT.
 *
 * So a run killed half-way leaves nothing (SQLite's WAL drops the uncommitted transaction) and can be re-run, and a
 * file imported twice changes nothing the second time (every row `unchanged`).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { SqliteDatabase } from '../../db/sqlite.js';
import { deriveIdentifierKeys } from '../../domain/identifiers.js';
import {
  COLUMNS, IMPORT_KINDS, type ImportKind, type ImportRecords, type ImportReference, type RejectReason, type RowFields, assertImportTotals,
  checkHeader, validateRow,
} from '../../domain/import-rules.js';
import { applierFor } from './import.apply.js';
import { type CsvRecord, csvLine, readCsvFile } from './csv.js';
import { ImportError, badHeader } from './import.errors.js';
import { type DraftPlan, checkDataKey, loadReference, planDraft } from './import.reference.js';

export interface ImportFile {
  kind: ImportKind;
  path: string;
}

export interface ImportOptions {
  /** 32-byte data key NIK and KK are hashed and sealed with (the key of the database). */
  dataKey: Buffer;
  /** `--version`: must be the open draft (default: it, created when the last version is published). */
  versionId?: number;
  /** Progress lines (the CLI prints them on stderr); none by default. */
  progress?: (line: string) => void;
  /** A progress line every this many rows written (default 25,000). */
  progressEvery?: number;
  /** "Today": the latest birth date accepted (default now). */
  now?: Date;
}

/** A rejected record: the physical line it starts on and every reason. */
export interface RejectedRow {
  line: number;
  reasons: RejectReason[];
}

export interface KindReport {
  kind: ImportKind;
  file: string;
  /** Records read after the header (blank lines are not records). */
  read: number;
  accepted: { inserted: number; updated: number; unchanged: number };
  rejected: number;
  /** Every rejected record, in line order. */
  rejects: RejectedRow[];
  seconds: { read: number; write: number };
}

export interface ImportReport {
  version: { id: number; label: string; created: boolean };
  kinds: KindReport[];
  seconds: number;
}

interface Validated<K extends ImportKind> {
  kind: K;
  file: string;
  read: number;
  accepted: Array<{ line: number; record: ImportRecords[K] }>;
  rejects: RejectedRow[];
  seconds: number;
}

/** Imports files into the open draft of a SQLite database (see the module comment). */
export async function importFiles(db: SqliteDatabase, files: readonly ImportFile[], options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const kinds = new Set<ImportKind>();
  for (const f of files) {
    if (kinds.has(f.kind)) throw new ImportError('DUPLICATE_KIND', `two ${f.kind} files in one run: give one file per kind`, { kind: f.kind });
    kinds.add(f.kind);
  }
  const ordered = [...files].sort((a, b) => IMPORT_KINDS.indexOf(a.kind) - IMPORT_KINDS.indexOf(b.kind));
  const now = options.now ?? new Date();
  const keys = deriveIdentifierKeys(options.dataKey);
  const progress = options.progress ?? (() => undefined);
  checkDataKey(db, keys);
  const plan = planDraft(db, options.versionId, now);
  const reference = loadReference(db, plan, now);

  const validated: Array<Validated<ImportKind>> = [];
  for (const file of ordered) {
    const v = await validateFile(file, reference);
    progress(`read      ${file.kind}: ${fmt(v.read)} rows, ${fmt(v.accepted.length)} valid, ${fmt(v.rejects.length)} rejected (${v.seconds.toFixed(1)} s)`);
    validated.push(v);
  }

  const reports = writeAll(db, plan, validated, { keys, progress, every: options.progressEvery ?? 25_000, draftYear: reference.draftYear });
  return {
    version: { id: plan.id, label: plan.label, created: plan.create && reports.wrote },
    kinds: reports.kinds,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Streams one file: header check, row validation, duplicates. Throws ImportError for a file that cannot be imported. */
export async function validateFile<K extends ImportKind>(file: ImportFile & { kind: K }, reference: ImportReference): Promise<Validated<K>> {
  const started = performance.now();
  let header: readonly string[] | null = null;
  let headerError: ImportError | null = null;
  let read = 0;
  const accepted: Validated<K>['accepted'] = [];
  const rejects: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  let row = new FieldRow([]);
  const onRecord = (r: CsvRecord) => {
    if (headerError) return;
    if (header === null) {
      const check = checkHeader(file.kind, r.fields);
      if (!check.ok || r.malformed) {
        headerError = check.ok ? new ImportError('BAD_HEADER', `${file.kind} file ${file.path}: the header row is malformed (${r.malformed}); nothing was imported`) : badHeader(file.kind, file.path, check);
        return;
      }
      header = check.columns;
      row = new FieldRow(header);
      return;
    }
    read++;
    const reasons = recordProblems(r, header.length);
    if (reasons) {
      rejects.push({ line: r.line, reasons });
      return;
    }
    row.fields = r.fields;
    const result = validateRow(file.kind, row, reference);
    if (!result.ok) {
      rejects.push({ line: r.line, reasons: result.reasons });
      return;
    }
    const first = firstLine.get(result.key);
    if (first !== undefined) {
      rejects.push({ line: r.line, reasons: [{ column: keyColumn(file.kind), code: 'DUPLICATE_IN_FILE', message: `same ${keyDescription(file.kind)} as line ${first}` }] });
      return;
    }
    firstLine.set(result.key, r.line);
    accepted.push({ line: r.line, record: result.record });
  };
  try {
    await readCsvFile(file.path, onRecord);
  } catch (error) {
    throw new ImportError('FILE_UNREADABLE', `${file.kind} file ${file.path} cannot be read: ${(error as Error).message}`, { kind: file.kind, file: file.path });
  }
  if (headerError) throw headerError;
  if (header === null) throw new ImportError('EMPTY_FILE', `${file.kind} file ${file.path} is empty: a header row is required (${COLUMNS[file.kind].map((c) => c.name).join(',')})`);
  return { kind: file.kind, file: file.path, read, accepted, rejects, seconds: (performance.now() - started) / 1000 };
}

/** The fields of the current record by column name, one object reused for every record of a file. */
class FieldRow implements RowFields {
  fields: readonly string[] = [];
  private readonly index: ReadonlyMap<string, number>;

  constructor(private readonly columns: readonly string[]) {
    this.index = new Map(columns.map((c, i) => [c, i]));
  }

  get(column: string): string | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.fields[i];
  }

  *entries(): Iterable<readonly [string, string]> {
    for (let i = 0; i < this.columns.length; i++) yield [this.columns[i]!, this.fields[i]!];
  }
}

/** Problems of the record as a CSV record (before its values are looked at): malformed quoting, wrong field count. */
function recordProblems(r: CsvRecord, columns: number): RejectReason[] | null {
  if (r.malformed) return [{ column: '', code: 'MALFORMED_CSV', message: r.malformed }];
  if (r.fields.length !== columns) {
    return [{ column: '', code: 'WRONG_FIELD_COUNT', message: `${r.fields.length} fields, the header has ${columns}` }];
  }
  return null;
}

function keyColumn(kind: ImportKind): string {
  return { families: 'kk', individuals: 'nik', enrollments: 'program_code', poverty: 'period' }[kind];
}

function keyDescription(kind: ImportKind): string {
  return { families: 'kk', individuals: 'nik', enrollments: 'program and kk/nik', poverty: 'regency_code and period' }[kind];
}

/** The write phase: one transaction for every kind; a new draft version is created in it when rows went in. */
function writeAll(
  db: SqliteDatabase, plan: DraftPlan, validated: Array<Validated<ImportKind>>,
  opts: { keys: ReturnType<typeof deriveIdentifierKeys>; progress: (line: string) => void; every: number; draftYear: number },
): { kinds: KindReport[]; wrote: boolean } {
  const total = validated.reduce((s, v) => s + v.accepted.length, 0);
  const run = db.transaction(() => {
    // The files were read outside the transaction: the versions must still be as planned (no publication or other
    // import in between), or rows could land in a version published meanwhile.
    const now = planDraft(db, plan.id, new Date());
    if (now.create !== plan.create || now.latestPublishedId !== plan.latestPublishedId) {
      throw new ImportError('VERSION_NOT_OPEN', `the versions changed while the files were read (a publication or another import): run the import again`, { versionId: plan.id });
    }
    opts.progress(`write     ${fmt(total)} valid rows into version ${plan.id} (${plan.label}${plan.create ? ', new draft' : ''}), one transaction`);
    const kinds: KindReport[] = [];
    let written = 0;
    for (const v of validated) {
      const started = performance.now();
      const apply = applierFor(v.kind, { db, keys: opts.keys, draftId: plan.id, draftYear: opts.draftYear });
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const rejects = [...v.rejects];
      for (const { line, record } of v.accepted) {
        const result = apply.apply(record);
        if (result.outcome === 'rejected') rejects.push({ line, reasons: result.reasons });
        else counts[result.outcome]++;
        if (++written % opts.every === 0) opts.progress(`write     ${fmt(written)}/${fmt(total)} rows (${v.kind})`);
      }
      apply.finish();
      rejects.sort((a, b) => a.line - b.line);
      assertImportTotals({ read: v.read, ...counts, rejected: rejects.length });
      const seconds = (performance.now() - started) / 1000;
      kinds.push({ kind: v.kind, file: v.file, read: v.read, accepted: counts, rejected: rejects.length, rejects, seconds: { read: v.seconds, write: seconds } });
    }
    const wrote = kinds.some((k) => k.accepted.inserted + k.accepted.updated > 0);
    // The new draft is written only when rows went into it (same transaction): a run that changes nothing leaves no trace.
    if (plan.create && wrote) {
      db.prepare("INSERT INTO dtsen_version (id, label, published_at, status, created_at) VALUES (?, ?, NULL, 'DRAFT', ?)").run(plan.id, plan.label, new Date().toISOString());
    }
    opts.progress('commit');
    return { kinds, wrote };
  });
  try {
    return run.immediate();
  } catch (error) {
    // Another writer (an import, a publication, the server's mutations) held the database past the busy timeout.
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new ImportError('DATABASE_BUSY', 'the database is being written by another process (an import or a publication); nothing was imported: run the import again when it has finished', { versionId: plan.id });
    }
    throw error;
  }
}

/**
 * Writes the rejects of one kind as CSV: `line,column,code,message`, then the record's own fields under the file's
 * header (one line per reason; records with more fields than the header keep the extra ones after them). Reads the
 * source file a second time: the report keeps only line numbers and reasons, not the rejected records' text.
 */
export async function writeRejectsFile(report: KindReport, target: string): Promise<void> {
  const byLine = new Map(report.rejects.map((r) => [r.line, r.reasons]));
  const out = createWriteStream(target, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const lines: string[] = [];
  let header: string[] | null = null;
  await readCsvFile(report.file, (r) => {
    if (header === null) {
      header = r.fields.map((h) => h.trim().toLowerCase());
      lines.push(csvLine(['line', 'column', 'code', 'message', ...header]));
      return;
    }
    const reasons = byLine.get(r.line);
    if (!reasons) return;
    for (const reason of reasons) lines.push(csvLine([r.line, reason.column, reason.code, reason.message, ...r.fields]));
  });
  for (let i = 0; i < lines.length; i += 1000) await write(`${lines.slice(i, i + 1000).join('\r\n')}\r\n`);
  out.end();
  await once(out, 'finish');
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
