/**
 * Kill safety: the real `dtsen import` CLI and the real publishing worker, each SIGKILLed in the middle of its single
 * transaction, leave the database exactly as it was (no imported row, the draft unchanged; no rollup, the version
 * still a DRAFT), and a re-run gives the same result as a run that was never interrupted.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../db/sqlite.js';
import { stateInForce } from '../../db/temporal-sql.js';
import { generateDataset } from '../../generator/generate.js';
import { ROLLUP_TABLES, publishVersionSqlite } from '../publish/publish.service.js';
import { TEST_DATA_KEY } from '../__tests__/fixture.js';
import { IMPORT_TABLES, RUN_SPECIFIC_COLUMNS, fingerprint } from './__tests__/fingerprint.js';
import { headerOf, syntheticFamilies, syntheticPeople, villagesByDistrict, writeCsv } from './__tests__/files.js';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FAMILIES = 70_000;
const PEOPLE_PER_FAMILY = 3; // 210,000 individuals

let dir: string;
let base: string;
let familiesCsv: string;
let individualsCsv: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dtsen-import-kill-'));
  base = join(dir, 'base.db');
  await generateDataset({ scale: 0.0002, versions: 2, seed: 5, file: base, progress: null, dataKey: TEST_DATA_KEY });
  const db = openSqlite(base, { readonly: true });
  const villages = villagesByDistrict(db);
  db.close();
  const families = syntheticFamilies(villages, FAMILIES, 11);
  familiesCsv = join(dir, 'families.csv');
  individualsCsv = join(dir, 'individuals.csv');
  writeCsv(familiesCsv, headerOf('families'), families.map((f) => f.row));
  writeCsv(individualsCsv, headerOf('individuals'), syntheticPeople(families, PEOPLE_PER_FAMILY, 12));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copyOfBase(name: string): string {
  const file = join(dir, `${name}.db`);
  copyFileSync(base, file);
  return file;
}

/** The real CLI, from the sources (as `pnpm dtsen` runs it), on `file` with the test data key. */
function importCli(file: string): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'src/cli.ts', 'import', '--database', file, '--families', familiesCsv, '--individuals', individualsCsv],
    { cwd: serverDir, env: { ...process.env, ATLAS_DATA_KEY: TEST_DATA_KEY.toString('hex'), INIT_CWD: serverDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Waits for the child to end; `killWhen` sees every stderr line and SIGKILLs the child when it returns true. */
function finished(child: ChildProcess, killWhen?: (line: string) => boolean): Promise<Exit> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => {
    const text = d.toString();
    stderr += text;
    if (killWhen && text.split('\n').some(killWhen)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** True while another connection holds the database's write lock (a transaction is being written). */
function writeLocked(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    probe.close();
  }
}

function integrity(file: string): string {
  const db = openSqlite(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('kill safety', () => {
  it('an import killed while writing leaves nothing; the re-run equals a clean import; a publish killed half-way leaves the draft, and re-runs', async () => {
    // A clean, uninterrupted import for reference.
    const clean = copyOfBase('clean');
    const cleanRun = await finished(importCli(clean));
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    expect(cleanRun.stdout).toMatch(/families\s+70,000\s+70,000\s+0\s+0\s+0/u);
    expect(cleanRun.stdout).toMatch(/individuals\s+210,000\s+210,000\s+0\s+0\s+0/u);
    const cleanContent = fingerprint(clean, IMPORT_TABLES, RUN_SPECIFIC_COLUMNS);

    // The same import, SIGKILLed on its first progress line from inside the write transaction.
    const victim = copyOfBase('victim');
    const before = fingerprint(victim);
    const killed = await finished(importCli(victim), (line) => /write\s+[\d,]+\/[\d,]+ rows/u.test(line));
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.stderr).toMatch(/write\s+25,000\/280,000 rows/u);
    expect(killed.stderr).not.toMatch(/commit/u);
    expect(integrity(victim)).toBe('ok');
    expect(fingerprint(victim)).toEqual(before); // no row of the file, no draft version

    const rerun = await finished(importCli(victim));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(fingerprint(victim, IMPORT_TABLES, RUN_SPECIFIC_COLUMNS)).toEqual(cleanContent);

    // Publishing the draft (version 3) in the real worker process, SIGKILLed while its transaction is open.
    const beforePublish = fingerprint(victim, [...IMPORT_TABLES, ...ROLLUP_TABLES]);
    const worker = fork(join(serverDir, 'src', 'modules', 'publish', 'publish.worker.ts'), [JSON.stringify({ file: victim, versionId: 3, mode: 'full' })], {
      cwd: serverDir,
      execArgv: ['--import', '@swc-node/register/esm-register'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let answered = false;
    worker.on('message', () => (answered = true));
    const exit = finished(worker);
    const deadline = Date.now() + 120_000;
    while (!writeLocked(victim)) {
      if (Date.now() > deadline) throw new Error('the publishing worker never took the write lock');
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 300)); // well inside the transaction (seconds long)
    worker.kill('SIGKILL');
    const publishExit = await exit;
    expect(publishExit.signal).toBe('SIGKILL');
    expect(answered).toBe(false);
    expect(integrity(victim)).toBe('ok');
    expect(fingerprint(victim, [...IMPORT_TABLES, ...ROLLUP_TABLES])).toEqual(beforePublish);
    const db = openSqlite(victim);
    try {
      expect(db.prepare('SELECT status FROM dtsen_version WHERE id = 3').pluck().get()).toBe('DRAFT');
      for (const table of ROLLUP_TABLES) expect(db.prepare(`SELECT COUNT(*) FROM ${table} WHERE version_id = 3`).pluck().get(), table).toBe(0);
      // Re-run: it publishes, with the rollups of the imported registry.
      const result = publishVersionSqlite(db, 3, { mode: 'full' });
      expect(result.alreadyPublished).toBe(false);
      expect(db.prepare('SELECT status FROM dtsen_version WHERE id = 3').pluck().get()).toBe('PUBLISHED');
      const inForce = db.prepare(`SELECT COUNT(*) FROM family_state s WHERE ${stateInForce('s')}`).pluck().get({ v: 3 });
      expect(db.prepare("SELECT SUM(families) FROM desil_rollup WHERE version_id = 3 AND region_code = 'ID'").pluck().get()).toBe(inForce);
    } finally {
      db.close();
    }
    // The same rollups as publishing the clean import.
    const cleanDb = openSqlite(clean);
    try {
      publishVersionSqlite(cleanDb, 3, { mode: 'full' });
    } finally {
      cleanDb.close();
    }
    const rollups = (file: string) => fingerprint(file, ROLLUP_TABLES);
    expect(rollups(victim)).toEqual(rollups(clean));
  }, 900_000);
});
