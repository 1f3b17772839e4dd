/**
 * Reference data the generator and the seeder read: real Kemendagri regions (npm idn-area-data v4), the
 * project's BPS file (population 2024, poverty March 2024/2025) and provincial minimum wages 2025.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { repoRoot } from '../config.js';

export interface RegionRow {
  code: string;
  name: string;
  level: 'NATION' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'VILLAGE';
  parentCode: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
}

export interface RegencyFacts {
  code: string;
  name: string;
  isCity: boolean;
  population: number;
  poor2024Thousands: number;
  p0_2024: number;
  povertyLine2024: number;
  p1_2024: number;
  p2_2024: number;
  poor2025Thousands: number;
  p0_2025: number;
}

export interface ReferenceData {
  regions: RegionRow[];
  regencies: RegencyFacts[];
  /** Village codes per regency code, in code order. */
  villagesByRegency: Map<string, string[]>;
  minimumWage: Map<string, number>;
}

export function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const cells = split(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

function idnAreaDataDir(): string {
  const require = createRequire(resolve(repoRoot, 'server', 'package.json'));
  return resolve(dirname(require.resolve('idn-area-data/package.json')), 'data');
}

let cached: ReferenceData | null = null;

export function loadReferenceData(): ReferenceData {
  if (cached) return cached;
  const dir = idnAreaDataDir();
  const read = (f: string) => parseCsv(readFileSync(resolve(dir, f), 'utf8'));
  const regions: RegionRow[] = [
    { code: 'ID', name: 'Indonesia', level: 'NATION', parentCode: null, provinceCode: null, regencyCode: null },
  ];
  for (const p of read('provinces.csv')) {
    regions.push({ code: p.code!, name: p.name!, level: 'PROVINCE', parentCode: 'ID', provinceCode: p.code!, regencyCode: null });
  }
  for (const r of read('regencies.csv')) {
    regions.push({ code: r.code!, name: r.name!, level: 'REGENCY', parentCode: r.province_code!, provinceCode: r.province_code!, regencyCode: r.code! });
  }
  const districtRegency = new Map<string, string>();
  for (const d of read('districts.csv')) {
    districtRegency.set(d.code!, d.regency_code!);
    regions.push({ code: d.code!, name: d.name!, level: 'DISTRICT', parentCode: d.regency_code!, provinceCode: d.regency_code!.slice(0, 2), regencyCode: d.regency_code! });
  }
  const villagesByRegency = new Map<string, string[]>();
  for (const v of read('villages.csv')) {
    const regency = districtRegency.get(v.district_code!);
    if (!regency) throw new Error(`village ${v.code} has unknown district ${v.district_code}`);
    regions.push({ code: v.code!, name: v.name!, level: 'VILLAGE', parentCode: v.district_code!, provinceCode: regency.slice(0, 2), regencyCode: regency });
    const list = villagesByRegency.get(regency) ?? [];
    list.push(v.code!);
    villagesByRegency.set(regency, list);
  }
  const bps = parseCsv(readFileSync(resolve(repoRoot, 'server', 'data', 'bps-kabkota.csv'), 'utf8'));
  const regencies: RegencyFacts[] = bps.map((r) => ({
    code: r.code!,
    name: r.name!,
    isCity: r.kind === 'Kota',
    population: Number(r.population),
    poor2024Thousands: Number(r.poor_2024),
    p0_2024: Number(r.p0_2024),
    povertyLine2024: Number(r.gk_2024),
    p1_2024: Number(r.p1_2024),
    p2_2024: Number(r.p2_2024),
    poor2025Thousands: Number(r.poor_2025),
    p0_2025: Number(r.p0_2025),
  }));
  for (const r of regencies) {
    if (!villagesByRegency.has(r.code)) throw new Error(`BPS regency ${r.code} has no villages in idn-area-data`);
  }
  const ump = parseCsv(readFileSync(resolve(repoRoot, 'server', 'data', 'ump-2025.csv'), 'utf8'));
  const minimumWage = new Map(ump.map((u) => [u.province_code!, Number(u.amount)]));
  cached = { regions, regencies, villagesByRegency, minimumWage };
  return cached;
}
