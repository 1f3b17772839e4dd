/**
 * The synthetic national DTSEN: `generateDataset({ scale, versions, seed, file })` into SQLite, or
 * `generateDataset({ ..., database: 'postgresql://...' })` into PostgreSQL.
 *
 * Pass 1 simulates every family's welfare history (cheap: no strings, no rows) and keeps only its PMT score and
 * size per version, so that the nation can be ranked into desil per version (8 bytes per family and version).
 * Pass 2 re-simulates each family from the same random stream, adds people, flags, memberships, ground checks and
 * proposals, and streams rows into the target's sink: prepared statements on SQLite (`sqlite-sink.ts`: built in a
 * temporary file that replaces the target only when complete, so a re-run is idempotent and a killed run leaves the
 * old file intact), COPY on PostgreSQL (`pg-sink.ts`: into a migrated, empty database, in one transaction). Then
 * indexes, then every version is published. The same seed gives the same rows on both engines.
 */
import { parseDatabaseUrl, resolveDataKey } from '../config.js';
import { deriveIdentifierKeys, protectIdentifier, type IdentifierKeys } from '../domain/identifiers.js';
import { EXCLUSION_CRITERIA } from '../domain/exclusion-criteria.js';
import { PROGRAMS, programByCode } from '../domain/programs.js';
import { allocateQuota } from '../domain/quota.js';
import { rankDesil } from '../domain/ranking.js';
import {
  type FamilyCore, MEAN_SIZE_NON_POOR, MEAN_SIZE_POOR, type RegencyModel, type SimulationParams, W_SPREAD,
  simulateCore, versionDate, versionQuarter, versionYear,
} from './family-model.js';
import { SerialCounter, describePeople, familyKk } from './people.js';
import { Progress } from './progress.js';
import { loadReferenceData } from './reference.js';
import { normalQuantile, Rng } from './rng.js';
import { checkPostgresTarget, openPostgresTarget } from './pg-sink.js';
import { type Cell, type DatasetTarget, type RowSink, type TableName, openSqliteTarget } from './sqlite-sink.js';
import {
  MAX_CHANCE, PROGRAM_CALIBRATION, type QuotaCoefficients, type TargetingContext, aboveWeight, inRangeWeight, simulateTargeting,
} from './targeting-model.js';

/** Scale 1 = the national registry: about 95 million families (about 289 million individuals). */
export const FAMILIES_AT_SCALE_1 = 95_000_000;
/** BPS national headcount poverty, March 2024 (%). */
const NATIONAL_P0_2024 = 9.03;

export interface GenerateOptions {
  scale: number;
  versions: number;
  seed: number;
  /** Target SQLite file (or give `database`). */
  file?: string;
  /**
   * Target database as a DATABASE_URL: `postgresql://...` (the database must exist, be migrated and hold no dataset;
   * `dtsen generate --database` creates and migrates it) or `file:<path>` (same as `file`).
   */
  database?: string;
  /** Progress output (stderr by default); pass null for silence. */
  progress?: NodeJS.WritableStream | null;
  /** Publish every version (compute rollups) after loading; default true. */
  publish?: boolean;
  /**
   * 32-byte data key NIK and KK are hashed and sealed with (`domain/identifiers.ts`); default ATLAS_DATA_KEY or the
   * key file next to `file` (`config.ts` resolveDataKey), the key the server will use on that file. PostgreSQL has
   * no key file: there ATLAS_DATA_KEY (or this option) is required.
   */
  dataKey?: Buffer;
}

/** How one version was published while generating. */
export interface PublishedVersionReport {
  versionId: number;
  method: 'full' | 'incremental';
  seconds: number;
  rollupRows: number;
}

export interface GenerateReport {
  engine: DatasetTarget['engine'];
  scale: number;
  versions: number;
  seed: number;
  families: number;
  rows: Record<TableName, number>;
  totalRows: number;
  /** Seconds per phase: write = pass 2 and the rows into the database; index = indexes (and keys, triggers) after it. */
  seconds: { simulateAndRank: number; write: number; index: number; publish: number; total: number };
  published: PublishedVersionReport[];
  peakRssBytes: number;
  /** Size of the SQLite file, or of the PostgreSQL database. */
  fileBytes: number;
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateReport> {
  const { scale, versions, seed } = options;
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  if (!Number.isInteger(versions) || versions < 1 || versions > 40) throw new Error('--versions must be an integer in 1..40');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if ((options.file === undefined) === (options.database === undefined)) throw new Error('give either file or database');
  const database = parseDatabaseUrl(options.database ?? `file:${options.file}`);
  const started = performance.now();
  const progress = new Progress(options.progress === undefined ? process.stderr : options.progress);
  const identifierKeys = deriveIdentifierKeys(options.dataKey ?? resolveDataKey(process.env, database));
  if (database.provider === 'postgresql') await checkPostgresTarget(database.url);

  const params: SimulationParams = { seed, versions, firstYear: 2025, firstQuarter: 2, nonDtsenRate: 0.03 };
  const ref = loadReferenceData();
  const regencies = buildRegencyModels(ref, params);
  const familiesPerRegency = allocateQuota(
    ref.regencies.map((r) => ({ regionCode: r.code, poor: r.population })),
    Math.max(ref.regencies.length, Math.round(FAMILIES_AT_SCALE_1 * scale)),
  ).map((s) => s.quota);
  const totalFamilies = familiesPerRegency.reduce((a, b) => a + b, 0);
  const regencyOf = new Uint16Array(totalFamilies);
  {
    let i = 0;
    familiesPerRegency.forEach((n, r) => regencyOf.fill(r, i, (i += n)));
  }

  // Pass 1: scores and sizes per version, then the national ranking of each version.
  const scores = Array.from({ length: versions }, () => new Float64Array(totalFamilies));
  const members = Array.from({ length: versions }, () => new Uint8Array(totalFamilies));
  const nonDtsen = new Uint8Array(totalFamilies);
  progress.start('simulate', totalFamilies, 'families');
  for (let i = 0; i < totalFamilies; i++) {
    const core = simulateCore(params, i, regencies[regencyOf[i]!]!);
    nonDtsen[i] = core.nonDtsen ? 1 : 0;
    for (let v = 0; v < versions; v++) {
      const s = core.versions[v];
      if (!s) continue;
      scores[v]![i] = s.score;
      members[v]![i] = core.nonDtsen ? 0 : Math.min(255, s.memberCount);
    }
    if ((i & 0x3fff) === 0) progress.tick(i, 0);
  }
  progress.done(totalFamilies, 0);
  const desil: Uint8Array[] = [];
  const rank: Uint32Array[] = [];
  for (let v = 0; v < versions; v++) {
    const result = rankDesil(scores[v]!, members[v]!);
    desil.push(result.desil);
    rank.push(result.rank);
  }
  const quota = quotaCoefficients(params, ref, regencies, regencyOf, desil[0]!, members[0]!, nonDtsen, scale);
  // Individuals of non-DTSEN families are not in `members` (they are not ranked); they only matter for quotas.
  const simulated = performance.now();

  // Pass 2: rows.
  const target = database.provider === 'sqlite' ? await openSqliteTarget(database.file) : await openPostgresTarget(database.url);
  const sink = target.sink;
  try {
    writeReference(sink, ref, params);
    await sink.checkpoint();
    const ctx: TargetingContext = { params, quota, desil };
    const nikSerials = new SerialCounter();
    const kkSerials = new SerialCounter();
    const ids = { state: 0, individual: 0, flag: 0, enrollment: 0, proposal: 0, change: 0 };
    progress.start('write', totalFamilies, 'families');
    for (let i = 0; i < totalFamilies; i++) {
      const core = simulateCore(params, i, regencies[regencyOf[i]!]!);
      writeFamily(sink, ctx, core, rank, nikSerials, kkSerials, ids, identifierKeys);
      if ((i & 0x1fff) === 0x1fff) {
        await sink.checkpoint();
        progress.tick(i + 1, totalRows(sink.counts));
      } else if ((i & 0xff) === 0xff && sink.pace) {
        await sink.pace();
      }
    }
    await target.endLoad();
    const loaded = performance.now();
    progress.done(totalFamilies, totalRows(sink.counts));
    progress.start('index', target.indexSteps, 'steps');
    await target.buildIndexes((done) => progress.tick(done, 0));
    progress.done(target.indexSteps, 0);
    const written = performance.now();

    const published: PublishedVersionReport[] = [];
    progress.start('publish', versions, 'versions');
    for (let v = 1; v <= (options.publish === false ? 0 : versions); v++) {
      const t = performance.now();
      const result = await target.publish(v, versionDate(params, v));
      published.push({
        versionId: v, method: result.method ?? 'full', seconds: round((performance.now() - t) / 1000),
        rollupRows: Object.values(result.rows ?? {}).reduce((a, b) => a + b, 0),
      });
      progress.tick(v, 0);
    }
    progress.done(versions, 0);
    const finished = performance.now();
    const report: GenerateReport = {
      engine: target.engine, scale, versions, seed, families: totalFamilies, rows: { ...sink.counts }, totalRows: totalRows(sink.counts),
      seconds: {
        simulateAndRank: round((simulated - started) / 1000),
        write: round((loaded - simulated) / 1000),
        index: round((written - loaded) / 1000),
        publish: round((finished - written) / 1000),
        total: round((finished - started) / 1000),
      },
      published,
      // The kernel's high-water mark of this process (includes short peaks such as the ranking sorts).
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      fileBytes: 0,
    };
    report.fileBytes = await target.complete(JSON.stringify({ ...report, generatedAt: new Date().toISOString() }));
    return report;
  } catch (error) {
    await target.abort();
    throw error;
  }
}

function totalRows(counts: Record<TableName, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Latent welfare mean per kabupaten: the share of individuals with per-capita income below the poverty line
 * must equal BPS P0 (March 2024). Poor families are slightly larger, so the family-level poor share q is
 * solved from P0 = q*m_p / (q*m_p + (1-q)*m_n).
 */
export function buildRegencyModels(ref: ReturnType<typeof loadReferenceData>, params: SimulationParams): RegencyModel[] {
  const { seed } = params;
  return ref.regencies.map((r, index) => {
    const p0 = Math.min(0.95, Math.max(0.001, r.p0_2024 / 100));
    const q = (p0 * MEAN_SIZE_NON_POOR) / (p0 * MEAN_SIZE_NON_POOR + (1 - p0) * MEAN_SIZE_POOR);
    const villages = ref.villagesByRegency.get(r.code)!;
    const villageCumulative = new Float64Array(villages.length);
    let acc = 0;
    villages.forEach((_code, k) => {
      // Village sizes vary (no public per-village population in idn-area-data): lognormal weights.
      acc += Math.exp(0.6 * new Rng(seed, 0x7e11a6e, index, k).normal());
      villageCumulative[k] = acc;
    });
    const provinceCode = r.code.slice(0, 2);
    return {
      index, code: r.code, provinceCode, isCity: r.isCity, mu: -W_SPREAD * normalQuantile(q), povertyLine: r.povertyLine2024,
      minimumWage: ref.minimumWage.get(provinceCode) ?? 3_000_000, villages, villageCumulative,
      nonDtsenRate: params.nonDtsenRate * Math.min(2.5, Math.max(0.4, r.p0_2024 / NATIONAL_P0_2024)) ** 0.8,
    };
  });
}

function quotaCoefficients(
  params: SimulationParams, ref: ReturnType<typeof loadReferenceData>, regencies: RegencyModel[], regencyOf: Uint16Array,
  desil1: Uint8Array, members1: Uint8Array, nonDtsen: Uint8Array, scale: number,
): TargetingContext['quota'] {
  const R = regencies.length;
  const families = new Float64Array(R * 11);
  const individuals = new Float64Array(R * 11);
  const outsideFamilies = new Float64Array(R);
  const outsideIndividuals = new Float64Array(R);
  for (let i = 0; i < regencyOf.length; i++) {
    const r = regencyOf[i]!;
    if (nonDtsen[i]) {
      outsideFamilies[r]!++;
      outsideIndividuals[r]! += 3.04;
      continue;
    }
    const d = desil1[i]!;
    if (d === 0) continue;
    families[r * 11 + d]!++;
    individuals[r * 11 + d]! += members1[i]!;
  }
  const out = {} as TargetingContext['quota'];
  for (const code of ['PKH', 'SEMBAKO', 'PBI_JKN'] as const) {
    const rule = programByCode(code);
    const cal = PROGRAM_CALIBRATION[code];
    const units = rule.unit === 'FAMILY' ? families : individuals;
    const outsideUnits = rule.unit === 'FAMILY' ? outsideFamilies : outsideIndividuals;
    const shares = allocateQuota(
      ref.regencies.map((r) => ({ regionCode: r.code, poor: r.poor2024Thousands })),
      Math.round(rule.nationalQuota! * scale),
    );
    const c: QuotaCoefficients = {
      inRange: new Float64Array(R), above: new Float64Array(R), outside: new Float64Array(R), entry: new Float64Array(R),
    };
    for (let r = 0; r < R; r++) {
      // Some kabupaten run over their quota, some under: a lognormal fill factor per region and program.
      const fill = Math.exp(0.12 * new Rng(params.seed, 0xf111, r, rule.sortOrder).normal());
      const target = shares[r]!.quota * fill;
      const inRange: Array<[number, number]> = [];
      let aboveDen = 0;
      let inDen = 0;
      for (let d = 1; d <= 10; d++) {
        const n = units[r * 11 + d]!;
        if (d >= rule.desilMin && d <= rule.desilMax) {
          inRange.push([n, inRangeWeight(d, rule.desilMax)]);
          inDen += n * inRangeWeight(d, rule.desilMax);
        } else if (d > rule.desilMax) aboveDen += n * aboveWeight(d, rule.desilMax);
      }
      c.inRange[r] = fillCoefficient(inRange, target * (1 - cal.outside - cal.above));
      c.above[r] = aboveDen > 0 ? (target * cal.above) / aboveDen : 0;
      c.outside[r] = outsideUnits[r]! > 0 ? Math.min(1, (target * cal.outside) / outsideUnits[r]!) : 0;
      c.entry[r] = inDen > 0 ? (target * cal.entryPerVersion) / inDen : 0;
    }
    out[code] = c;
  }
  return out;
}

/**
 * The multiplier c such that sum(n * min(c * weight, MAX_CHANCE)) reaches the target (water-filling), so that
 * regions where the poorest desil are saturated still reach their quota from the next desil.
 */
export function fillCoefficient(groups: Array<[count: number, weight: number]>, target: number): number {
  const reach = (c: number) => groups.reduce((s, [n, w]) => s + n * Math.min(c * w, MAX_CHANCE), 0);
  if (target <= 0) return 0;
  let hi = 1;
  while (reach(hi) < target && hi < 1e6) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    if (reach(mid) < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

function writeReference(sink: RowSink, ref: ReturnType<typeof loadReferenceData>, params: SimulationParams): void {
  for (const r of ref.regions) sink.insert('region', [r.code, r.name, r.level, r.parentCode, r.provinceCode, r.regencyCode]);
  const now = new Date().toISOString();
  for (let v = 1; v <= params.versions; v++) {
    sink.insert('dtsen_version', [v, `${versionYear(params, v)}-Q${versionQuarter(params, v)}`, null, 'DRAFT', now]);
  }
  for (const p of PROGRAMS) {
    sink.insert('program', [p.code, p.name, p.unit, p.desilMin, p.desilMax, p.nationalQuota, p.maxYears, p.admitsOutsideDtsen ? 1 : 0, p.legalBasis, p.sortOrder]);
  }
  for (const c of EXCLUSION_CRITERIA) {
    sink.insert('exclusion_criterion', [c.code, c.nameId, c.nameEn, c.excludesFamily ? 1 : 0, c.detectedBy, c.sortOrder]);
  }
  for (const r of ref.regencies) {
    sink.insert('poverty', [r.code, '2024-03', r.poor2024Thousands, r.p0_2024, r.povertyLine2024, r.p1_2024, r.p2_2024]);
    sink.insert('poverty', [r.code, '2025-03', r.poor2025Thousands, r.p0_2025, null, null, null]);
    sink.insert('population', [r.code, 2024, r.population]);
  }
  for (const [province, amount] of ref.minimumWage) sink.insert('minimum_wage', [province, 2025, amount]);
}

interface IdCounters { state: number; individual: number; flag: number; enrollment: number; proposal: number; change: number }

function writeFamily(
  sink: RowSink, ctx: TargetingContext, core: FamilyCore, rank: Uint32Array[], nikSerials: SerialCounter,
  kkSerials: SerialCounter, ids: IdCounters, keys: IdentifierKeys,
): void {
  const { params } = ctx;
  const familyId = core.index + 1;
  const regency = core.regency;
  const firstState = core.versions.find((v) => v !== null)!;
  const homeVillage = regency.villages[firstState.villageIndex]!;
  const people = describePeople(params, core, homeVillage, nikSerials);
  const targeting = simulateTargeting(ctx, core, people.map((p) => p.work));
  const kk = protectIdentifier(keys, familyKk(core, homeVillage, params, kkSerials));
  sink.insert('family', [familyId, kk.hash, kk.masked, kk.sealed, homeVillage, regency.code, core.nonDtsen ? 'NON_DTSEN' : sourceOf(core), core.firstVersion]);

  if (!core.nonDtsen) {
    // Temporal state rows: a new row only when village, size, inputs, desil or ground check change.
    let open: { row: Cell[]; key: string } | null = null;
    const close = (v: number | null) => {
      if (!open) return;
      open.row[3] = v;
      sink.insert('family_state', open.row);
      open = null;
    };
    for (let v = 1; v <= params.versions; v++) {
      const s = core.versions[v - 1];
      if (!s) {
        close(v);
        continue;
      }
      const d = ctx.desil[v - 1]![core.index]!;
      const gc = targeting.groundCheck[v - core.firstVersion] ?? 'NOT_CHECKED';
      const key = `${s.villageIndex}|${s.memberCount}|${s.epoch}|${d}|${gc}`;
      if (open && open.key === key) continue;
      close(v);
      const x = s.inputs;
      const village = regency.villages[s.villageIndex]!;
      open = {
        key,
        row: [
          ++ids.state, familyId, v, null, village, regency.code, s.memberCount, x.incomeMonthly, x.wallType, x.floorType,
          x.roofType, x.floorAreaM2, x.electricityVa, x.waterSource, x.sanitation, x.cookingFuel, x.houseOwnership,
          x.landM2, x.motorcycles, x.cars, x.goldGrams, x.savingsRp, x.loansRp, Math.round(s.score * 1e6) / 1e6,
          rank[v - 1]![core.index]!, d, gc,
        ],
      };
    }
    close(null);
  }

  const individualIds = core.members.map(() => ++ids.individual);
  core.members.forEach((m, k) => {
    const p = people[k]!;
    const nik = protectIdentifier(keys, p.nik);
    sink.insert('individual', [
      individualIds[k]!, nik.hash, nik.masked, nik.sealed, familyId, p.name, m.relationship, m.female ? 'FEMALE' : 'MALE', p.birthDate.toISOString(),
      p.education, p.workStatus, p.workSector, m.disability ? 1 : 0, m.chronicIllness ? 1 : 0, m.died ? 1 : 0, m.fromVersion,
      m.toVersion === 0 ? null : m.toVersion,
    ]);
  });
  for (const f of targeting.flags) {
    sink.insert('exclusion_flag', [++ids.flag, individualIds[f.member]!, f.criterion, f.observedVersion, null]);
  }
  for (const e of targeting.enrollments) {
    sink.insert('enrollment', [
      ++ids.enrollment, e.program, familyId, e.member === null ? null : individualIds[e.member]!, regency.code, e.start, e.end,
      e.startReason, e.endReason, e.sinceYear,
    ]);
  }
  for (const p of targeting.proposals) {
    const last = p.history.at(-1)!;
    const decided = last.status === 'APPROVED' || last.status === 'REJECTED' ? last.at.toISOString() : null;
    const proposalId = ++ids.proposal;
    const village = regency.villages[core.versions[p.version - 1]?.villageIndex ?? firstState.villageIndex]!;
    sink.insert('proposal', [
      proposalId, p.kind, p.path, last.status, familyId, p.program, village, regency.code, p.version, p.history[0]!.at.toISOString(), decided,
    ]);
    for (const h of p.history) sink.insert('proposal_status_change', [++ids.change, proposalId, h.status, h.at.toISOString(), null]);
  }
}

function sourceOf(core: FamilyCore): 'REGSOSEK' | 'DTKS' | 'P3KE' | 'PROPOSAL' {
  if (core.firstVersion > 1) return 'PROPOSAL';
  const x = ((core.index * 2654435761) >>> 0) / 4294967296;
  return x < 0.55 ? 'REGSOSEK' : x < 0.9 ? 'DTKS' : 'P3KE';
}
