/**
 * `dtsen import`: the command line of the CSV import (import.service.ts).
 *
 *   dtsen import <families|individuals|enrollments|poverty> --file X.csv [--version N] [--rejects R.csv] [--database file:...]
 *   dtsen import --families F.csv --individuals I.csv [--enrollments E.csv] [--poverty P.csv] [same options]
 *
 * Several kinds in one run go in one transaction (poverty → families → individuals → enrollments), so individuals may
 * name families of the same run. Prints progress on stderr, then a summary with the rate and the first rejects; the
 * rejected rows go to `--rejects` (default `<file>.rejects.csv` beside each input that has any). Exit code 0 when
 * the import ran (rows may have been rejected), 1 when it was refused (nothing written).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataKeyFile, loadConfig, parseDatabaseUrl, resolveDataKey, type DatabaseConfig } from '../../config.js';
import { applyMigrations } from '../../db/migrate.js';
import { openSqlite } from '../../db/sqlite.js';
import { IMPORT_KINDS, type ImportKind } from '../../domain/import-rules.js';
import { ImportError } from './import.errors.js';
import { type ImportFile, type ImportReport, importFiles, writeRejectsFile } from './import.service.js';

const USAGE =
  'usage: dtsen import <families|individuals|enrollments|poverty> --file X.csv [--version N] [--rejects R.csv] [--database file:path.db] [--json report.json]\n' +
  '       dtsen import --families F.csv [--individuals I.csv] [--enrollments E.csv] [--poverty P.csv] [same options]';

/** Runs `dtsen import ...`; returns the process exit code. */
export async function runImportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      version: { type: 'string' },
      rejects: { type: 'string' },
      database: { type: 'string' },
      json: { type: 'string' },
      families: { type: 'string' },
      individuals: { type: 'string' },
      enrollments: { type: 'string' },
      poverty: { type: 'string' },
    },
    allowPositionals: true,
  });
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const files: ImportFile[] = [];
  if (positionals.length > 0) {
    const kind = positionals[0] as ImportKind;
    if (positionals.length > 1 || !IMPORT_KINDS.includes(kind) || !values.file) {
      console.error(USAGE);
      return 2;
    }
    files.push({ kind, path: resolve(cwd, values.file) });
  }
  for (const kind of IMPORT_KINDS) {
    const path = values[kind];
    if (path) files.push({ kind, path: resolve(cwd, path) });
  }
  if (files.length === 0 || (positionals.length === 0 && values.file)) {
    console.error(USAGE);
    return 2;
  }
  let versionId: number | undefined;
  if (values.version !== undefined) {
    versionId = Number(values.version);
    if (!Number.isSafeInteger(versionId) || versionId < 1) {
      console.error(`--version must be a positive whole number, got "${values.version}"`);
      return 2;
    }
  }

  try {
    const database = databaseOf(values.database, cwd);
    if (database.provider !== 'sqlite') {
      throw new ImportError('NOT_SUPPORTED', 'the import writes with SQLite statements; on PostgreSQL it is not available yet (import into SQLite)');
    }
    if (!existsSync(database.file)) throw new ImportError('NO_REFERENCE_DATA', `no database at ${database.file}: generate a dataset first (dtsen generate)`);
    await applyMigrations({ provider: 'sqlite', file: database.file });
    const db = openSqlite(database.file);
    let report: ImportReport;
    try {
      const dataKey = dataKeyOf(database, db);
      report = await importFiles(db, files, { dataKey, versionId, progress: (line) => process.stderr.write(`import    ${line}\n`) });
    } finally {
      db.close();
    }
    await printReport(report, files.length > 1, values.rejects ? resolve(cwd, values.rejects) : undefined);
    if (values.json) writeFileSync(resolve(cwd, values.json), `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`import refused (${error.code}): ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function databaseOf(option: string | undefined, cwd: string): DatabaseConfig {
  if (option === undefined) return loadConfig().database;
  if (/^postgres(ql)?:\/\//u.test(option)) return parseDatabaseUrl(option);
  return parseDatabaseUrl(`file:${resolve(cwd, option.startsWith('file:') ? option.slice('file:'.length) : option)}`);
}

/**
 * The database's data key (ATLAS_DATA_KEY or the key file beside it). Refuses to make up a new key file for a database
 * that already holds families: their identifiers were stored under a key that must be found, not replaced.
 */
function dataKeyOf(database: DatabaseConfig & { provider: 'sqlite' }, db: ReturnType<typeof openSqlite>): Buffer {
  const fromEnv = process.env.ATLAS_DATA_KEY;
  if ((fromEnv === undefined || fromEnv === '') && !existsSync(dataKeyFile(database.file))) {
    const families = (db.prepare('SELECT COUNT(*) AS n FROM (SELECT 1 FROM family LIMIT 1)').get() as { n: number }).n;
    if (families > 0) {
      throw new ImportError('DATA_KEY_MISMATCH', `the database holds families but its data key is missing: set ATLAS_DATA_KEY or restore ${dataKeyFile(database.file)}`);
    }
  }
  return resolveDataKey(process.env, database);
}

async function printReport(report: ImportReport, several: boolean, rejectsOption: string | undefined): Promise<void> {
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`\nDTSEN import into version ${report.version.id} (${report.version.label}, DRAFT${report.version.created ? ', created by this import' : ''})`);
  console.log(`  ${'kind'.padEnd(12)} ${'read'.padStart(9)} ${'inserted'.padStart(9)} ${'updated'.padStart(9)} ${'unchanged'.padStart(9)} ${'rejected'.padStart(9)}   write rate`);
  let rows = 0;
  let writeSeconds = 0;
  for (const k of report.kinds) {
    const accepted = k.accepted.inserted + k.accepted.updated + k.accepted.unchanged;
    const rate = k.seconds.write > 0 ? `${n(Math.round(accepted / k.seconds.write))} rows/s` : '';
    console.log(
      `  ${k.kind.padEnd(12)} ${n(k.read).padStart(9)} ${n(k.accepted.inserted).padStart(9)} ${n(k.accepted.updated).padStart(9)} ${n(k.accepted.unchanged).padStart(9)} ${n(k.rejected).padStart(9)}   ${rate}`,
    );
    rows += k.read;
    writeSeconds += k.seconds.write;
  }
  console.log(`  total ${n(rows)} rows in ${report.seconds.toFixed(2)} s: ${n(Math.round(rows / Math.max(report.seconds, 1e-3)))} rows/s (write phase ${writeSeconds.toFixed(2)} s)`);
  for (const k of report.kinds) {
    if (k.rejected === 0) continue;
    const target = rejectsOption
      ? several ? rejectsOption.replace(/(\.csv)?$/u, `.${k.kind}$1`) : rejectsOption
      : k.file.replace(/(\.csv)?$/iu, '.rejects.csv');
    await writeRejectsFile(k, target);
    console.log(`\n  ${k.kind}: ${n(k.rejected)} rejected rows -> ${target}; the first:`);
    for (const r of k.rejects.slice(0, 8)) {
      for (const reason of r.reasons.slice(0, 3)) console.log(`    line ${r.line}: ${reason.code} ${reason.column ? `(${reason.column}) ` : ''}${reason.message}`);
    }
  }
}
