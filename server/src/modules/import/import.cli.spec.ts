import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../generator/generate.js';
import { TEST_DATA_KEY } from '../__tests__/fixture.js';
import { fingerprint } from './__tests__/fingerprint.js';
import { parseCsv } from './csv.js';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '..', '..', '..');
const examples = join(here, 'examples');

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dtsen-import-cli-'));
  db = join(dir, 'dtsen.db');
  await generateDataset({ scale: 0.0002, versions: 1, seed: 6, file: db, progress: null, dataKey: TEST_DATA_KEY });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `dtsen import ...` from the sources, as `pnpm dtsen` runs it, with the test data key. */
function dtsen(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli.ts', 'import', ...args], {
    cwd: serverDir,
    env: { ...process.env, ATLAS_DATA_KEY: TEST_DATA_KEY.toString('hex'), INIT_CWD: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('dtsen import (command line)', () => {
  it('imports a file, prints the summary and the first rejects, and writes the rejects beside the input', async () => {
    const people = readFileSync(join(examples, 'individuals.csv'), 'utf8').trimEnd().split('\n');
    // The example individuals (their families come in the same run) and one more row with a broken KK.
    writeFileSync(join(dir, 'people.csv'), `${people.join('\n')}\n3201011405829901,1,x,HEAD,MALE,1982-05-14,NONE,WORKING,TRADE,false,false,false\n`);
    const run = await dtsen(['--families', join(examples, 'families.csv'), '--individuals', 'people.csv', '--database', 'dtsen.db']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/DTSEN import into version 2 \(2025-Q3, DRAFT, created by this import\)/u);
    expect(run.stdout).toMatch(/families\s+4\s+4\s+0\s+0\s+0/u);
    expect(run.stdout).toMatch(/individuals\s+7\s+6\s+0\s+0\s+1/u);
    expect(run.stdout).toMatch(/line 8: KK_INVALID \(kk\)/u);
    expect(run.stdout).toMatch(/rows\/s/u);
    const rejects = parseCsv(readFileSync(join(dir, 'people.rejects.csv'), 'utf8'));
    expect(rejects.map((r) => r.fields.slice(0, 5))).toEqual([
      ['line', 'column', 'code', 'message', 'nik'],
      ['8', 'kk', 'KK_INVALID', '"1" is not 16 digits', '3201011405829901'],
    ]);
  }, 120_000);

  it('refuses a bad header or a PostgreSQL database with exit code 1 and writes nothing', async () => {
    const before = fingerprint(db);
    writeFileSync(join(dir, 'bad.csv'), 'regency_code,periode,poor_thousands,p0\n32.01,2026-03,1,1\n');
    const bad = await dtsen(['poverty', '--file', 'bad.csv', '--database', 'dtsen.db']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/import refused \(BAD_HEADER\): poverty file .*bad\.csv: missing required column\(s\) period; unknown column\(s\) "periode"; nothing was imported/u);
    expect(existsSync(join(dir, 'bad.rejects.csv'))).toBe(false);
    const pg = await dtsen(['poverty', '--file', 'bad.csv', '--database', 'postgresql://postgres@127.0.0.1:5432/postgres']);
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(/import refused \(NOT_SUPPORTED\)/u);
    const usage = await dtsen(['villages', '--file', 'bad.csv']);
    expect(usage.code).toBe(2);
    expect(fingerprint(db)).toEqual(before);
  }, 120_000);
});
