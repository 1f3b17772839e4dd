/**
 * Why a whole import is refused (nothing is written). Row problems are not errors: they are reported per row
 * (`RejectReason`, domain/import-rules.ts) and the other rows go in.
 */
export type ImportErrorCode =
  /** The file cannot be read. */
  | 'FILE_UNREADABLE'
  /** The file has no header row. */
  | 'EMPTY_FILE'
  /** The header lacks required columns, names unknown ones or repeats one (`missing`, `unknown`, `duplicated`). */
  | 'BAD_HEADER'
  /** The same kind was given twice in one run. */
  | 'DUPLICATE_KIND'
  /** The database has no regions or programs: it was never generated or seeded. */
  | 'NO_REFERENCE_DATA'
  /** The data key does not open the identifiers already stored: importing would duplicate every family and person. */
  | 'DATA_KEY_MISMATCH'
  /** `--version` names a version that does not exist (and is not the next one). */
  | 'VERSION_NOT_FOUND'
  /** `--version` names a published version: published versions are immutable. */
  | 'VERSION_PUBLISHED'
  /**
   * The target is not the open draft (the last version, every earlier one published): `--version` names another draft,
   * a draft precedes the last version, or the versions changed (a publication) while the files were read.
   */
  | 'VERSION_NOT_OPEN'
  /** Another process held the write lock past the busy timeout (an import or a publication); nothing was written. */
  | 'DATABASE_BUSY'
  /** The database is PostgreSQL: the import writes with SQLite statements for now. */
  | 'NOT_SUPPORTED';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The header of a file is refused: names the missing, unknown and duplicated columns. */
export function badHeader(kind: string, file: string, problem: { missing: string[]; unknown: string[]; duplicated: string[] }): ImportError {
  const parts = [
    problem.missing.length ? `missing required column(s) ${problem.missing.join(', ')}` : '',
    problem.unknown.length ? `unknown column(s) ${problem.unknown.map((c) => JSON.stringify(c)).join(', ')}` : '',
    problem.duplicated.length ? `repeated column(s) ${problem.duplicated.join(', ')}` : '',
  ].filter(Boolean);
  return new ImportError('BAD_HEADER', `${kind} file ${file}: ${parts.join('; ')}; nothing was imported`, { kind, file, ...problem });
}
