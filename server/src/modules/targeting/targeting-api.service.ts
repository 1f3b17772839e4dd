/**
 * The targeting analyses of the API: targeting errors of a region, the quota status of the 514 kabupaten/kota, the
 * reallocation plan of one kabupaten and policy scenarios. The only code of these queries that reaches the database.
 *
 * Where the numbers come from:
 * - Targeting summaries: the nation, provinces and kabupaten/kota read the targeting cube (`targeting_rollup`) and
 *   classify its cells with the pure `summarize`; kecamatan and desa read `targeting_class_rollup` (class and cause
 *   applied at publication by SQL generated from the same rules). Both through Prisma (portable).
 * - Quota status: quotas are `regionalQuotas` over the BPS poor counts (reallocation.service.ts `regencyQuotas`), and
 *   recipients are counted per kabupaten that carries the membership in its quota (`enrollment.regency_code`),
 *   exactly as `reallocationPlan` counts them: read from `quota_recipient_rollup` for a published version, else
 *   counted in one grouped statement (`recipientsByRegency`). The targeting cube cannot give that number: it counts a
 *   recipient in the village of its family's state at the version, which differs for a family that moved to another
 *   kabupaten while its membership stayed in the old one's quota. Raw SQL on either engine (db/sql-runner.ts).
 * - Scenarios: the same cube cells under overridden rules (`applyOverrides`, `compareScenario`).
 */
import { classRows, cubeFactSums, cubeRows } from '../../db/rollup-reads.js';
import type { SqlRunner } from '../../db/sql-runner.js';
import { eligibility, summarize } from '../../domain/classification.js';
import type { ExclusionCriterionCode } from '../../domain/exclusion-criteria.js';
import { PROGRAMS, programByCode, type ProgramCode, type ProgramRule } from '../../domain/programs.js';
import type { QuotaStatusCode } from '../../domain/quota-status.js';
import { ScenarioRuleError, applyOverrides, compareScenario, type ScenarioOverride } from '../../domain/scenario.js';
import { BadUserInputError, NotFoundError, assertUnreachable } from '../../graphql/errors.js';
import { NATION_CODE } from '../region/region.logic.js';
import type { RegionService } from '../region/region.service.js';
import type { RegionView } from '../region/region.type.js';
import type { VersionService } from '../version/version.service.js';
import type { VersionView } from '../version/version.type.js';
import {
  DEFAULT_POVERTY_PERIOD, DEFAULT_UNIT_LIMIT, ReallocationError, planReallocation, recipientsByRegency, regencyQuotas,
  type RegencyQuotas,
} from './reallocation.service.js';
import {
  FILL_PRIORITY_NAME, causeCounts, causeRows, desilRows, fillPriorityCounts, figuresDifference, figuresOf, filterQuotaRows, groupByRegion, isPovertyPeriod, page,
  quotaRows, quotaTotals, sortQuotaRows, sortSubRegions, summaryOfClassRows, toCells,
  type ClassRow, type CubeRow, type QuotaSortField, type SortDirection, type SubRegionSortField, type TargetingFigures,
} from './targeting.logic.js';
import type {
  ProgramScenarioView, QuotaStatusCountsView, QuotaStatusView, ReallocationPlanView, ScenarioView, TargetingErrorsView,
} from './targeting.type.js';

/** Levels read from the targeting cube (the class rollup covers kecamatan and desa). */
const CUBE_LEVELS: ReadonlySet<RegionView['level']> = new Set(['NATION', 'PROVINCE', 'REGENCY']);
const CUBE_LEVELS_TEXT = 'the nation, a province or a kabupaten/kota (levels NATION, PROVINCE, REGENCY)';
/** The kabupaten/kota of the quota table. */
export const QUOTA_MAX_LIMIT = 514;
export const QUOTA_DEFAULT_LIMIT = 50;
/** Most units a reallocation plan lists. */
export const PLAN_MAX_LIMIT = 1000;

export type TargetingGroupBy = 'CAUSE' | 'SUB_REGION' | 'DESIL';

export interface TargetingErrorsInput {
  versionId?: number | null;
  regionCode?: string | null;
  programCode: ProgramCode;
  groupBy?: TargetingGroupBy | null;
  sort?: { field: SubRegionSortField; direction: SortDirection } | null;
  /** Sub-region rows per page; null = all. */
  limit?: number | null;
  offset?: number | null;
}

export interface QuotaStatusInput {
  versionId?: number | null;
  programCode: ProgramCode;
  povertyPeriod?: string | null;
  nationalQuota?: number | null;
  status?: readonly QuotaStatusCode[] | null;
  provinceCode?: string | null;
  regencyCode?: string | null;
  search?: string | null;
  sort?: { field: QuotaSortField; direction: SortDirection } | null;
  limit?: number | null;
  offset?: number | null;
}

export interface ReallocationPlanInput {
  versionId?: number | null;
  regencyCode: string;
  programCode: ProgramCode;
  povertyPeriod?: string | null;
  nationalQuota?: number | null;
  limit?: number | null;
}

export interface ScenarioInput {
  versionId?: number | null;
  regionCode?: string | null;
  povertyPeriod?: string | null;
  overrides: ReadonlyArray<{ programCode: ProgramCode; desilMin?: number | null; desilMax?: number | null; nationalQuota?: number | null }>;
}


export class TargetingService {
  constructor(
    private readonly regions: RegionService,
    private readonly versions: VersionService,
    /** Raw SQL: the rollup reads (`db/rollup-reads.ts`) and the computations Prisma cannot express; the direct SQLite connection, or Prisma's PostgreSQL pool. */
    private readonly sql: SqlRunner,
  ) {}

  /** Targeting summary of a region and program, with rows by inclusion cause, sub-region or desil. */
  async targetingErrors(input: TargetingErrorsInput): Promise<TargetingErrorsView> {
    const groupBy = input.groupBy ?? 'CAUSE';
    const offset = input.offset ?? 0;
    const limit = input.limit ?? null;
    if (!Number.isInteger(offset) || offset < 0) throw new BadUserInputError('offset', `offset must be >= 0, got ${offset}`);
    if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new BadUserInputError('limit', `limit must be >= 1, got ${limit}`);
    const [region, version] = await Promise.all([
      this.regions.requireRegion(input.regionCode ?? NATION_CODE, 'regionCode'),
      this.versions.resolveVersion(input.versionId),
    ]);
    const rule = programByCode(input.programCode);
    const cube = CUBE_LEVELS.has(region.level);
    if (groupBy === 'DESIL' && !cube) {
      throw new BadUserInputError(
        'groupBy',
        `DESIL grouping needs ${CUBE_LEVELS_TEXT}: the kecamatan and desa rollup has no desil (${region.code} is a ${region.level})`,
      );
    }
    const base = { version, region, programCode: rule.code, unit: rule.unit, desilMin: rule.desilMin, desilMax: rule.desilMax, groupBy };

    if (groupBy === 'SUB_REGION') {
      const [children] = await this.regions.getChildrenByParentCodes([region.code]);
      const childCodes = (children ?? []).map((c) => c.code);
      const childCube = children?.[0] ? CUBE_LEVELS.has(children[0].level) : false;
      // One read for the region and its children when both live in the same table, else one each.
      const figures = cube === childCube || childCodes.length === 0
        ? await this.figuresOf(version.id, rule, cube, [region.code, ...childCodes])
        : new Map([...(await this.figuresOf(version.id, rule, cube, [region.code])), ...(await this.figuresOf(version.id, rule, childCube, childCodes))]);
      const rows = sortSubRegions(
        (children ?? []).map((child) => ({ region: child, summary: figures.get(child.code)! })),
        input.sort?.field ?? 'CODE', input.sort?.direction ?? 'ASC',
      );
      return { ...base, summary: figures.get(region.code)!, bySubRegion: { totalCount: rows.length, rows: page(rows, offset, limit) } };
    }
    if (groupBy === 'DESIL') {
      const cells = toCells(rule, await this.cubeRows(version.id, [rule.code], [region.code]));
      return { ...base, summary: figuresOf(summarize(rule, cells)), byDesil: desilRows(rule, cells) };
    }
    if (cube) {
      const summary = summarize(rule, toCells(rule, await this.cubeRows(version.id, [rule.code], [region.code])));
      return { ...base, summary: figuresOf(summary), byCause: causeRows(summary) };
    }
    const summary = summaryOfClassRows(await this.classRows(version.id, rule.code, [region.code]));
    return { ...base, summary: figuresOf(summary), byCause: causeRows(summary) };
  }

  /** Quota, recipients, gap and status of the kabupaten/kota, filtered, sorted and paged, with totals of the filtered set. */
  async quotaStatus(input: QuotaStatusInput): Promise<QuotaStatusView> {
    const limit = input.limit ?? QUOTA_DEFAULT_LIMIT;
    const offset = input.offset ?? 0;
    if (!Number.isInteger(limit) || limit < 1 || limit > QUOTA_MAX_LIMIT) {
      throw new BadUserInputError('limit', `limit must be between 1 and ${QUOTA_MAX_LIMIT}, got ${limit}`);
    }
    if (!Number.isInteger(offset) || offset < 0) throw new BadUserInputError('offset', `offset must be >= 0, got ${offset}`);
    const rule = programByCode(input.programCode);
    const povertyPeriod = this.povertyPeriod(input.povertyPeriod);
    const [version, province, regency] = await Promise.all([
      this.versions.resolveVersion(input.versionId),
      input.provinceCode ? this.regions.requireRegion(input.provinceCode, 'provinceCode') : Promise.resolve(null),
      input.regencyCode ? this.regions.requireRegion(input.regencyCode, 'regencyCode') : Promise.resolve(null),
    ]);
    if (province && province.level !== 'PROVINCE') {
      throw new BadUserInputError('provinceCode', `${province.code} is a ${province.level}, not a province`);
    }
    if (regency && regency.level !== 'REGENCY') {
      throw new BadUserInputError('regencyCode', `${regency.code} is a ${regency.level}, not a kabupaten/kota`);
    }
    const quotas = await this.quotas(rule, povertyPeriod, input.nationalQuota);
    const regencies = await this.regencies();
    const rows = quotaRows(quotas.shares, await this.quotaRecipients(version, rule), regencies);
    const filtered = filterQuotaRows(rows, { statuses: input.status, provinceCode: province?.code, regencyCode: regency?.code, search: input.search });
    const sorted = sortQuotaRows(filtered, input.sort?.field ?? 'GAP', input.sort?.direction ?? 'DESC');
    return {
      version, programCode: rule.code, unit: rule.unit, povertyPeriod, nationalQuota: quotas.nationalQuota,
      totalCount: filtered.length, totals: quotaTotals(filtered), rows: page(sorted, offset, limit),
    };
  }

  /** The reallocation plan of one kabupaten/kota (reallocation.service.ts), with typed errors. */
  async reallocationPlan(input: ReallocationPlanInput): Promise<ReallocationPlanView> {
    const limit = input.limit ?? DEFAULT_UNIT_LIMIT;
    if (!Number.isInteger(limit) || limit < 0 || limit > PLAN_MAX_LIMIT) {
      throw new BadUserInputError('limit', `limit must be between 0 and ${PLAN_MAX_LIMIT}, got ${limit}`);
    }
    const povertyPeriod = this.povertyPeriod(input.povertyPeriod);
    const [version, regency] = await Promise.all([
      this.versions.resolveVersion(input.versionId),
      this.regions.requireRegion(input.regencyCode, 'regencyCode'),
    ]);
    if (regency.level !== 'REGENCY') throw new BadUserInputError('regencyCode', `${regency.code} is a ${regency.level}, not a kabupaten/kota`);
    const rule = programByCode(input.programCode);
    const plan = await this.mapReallocationErrors({ versionId: version.id, regencyCode: regency.code, povertyPeriod }, () =>
      planReallocation(this.sql, {
        versionId: version.id, regencyCode: regency.code, programCode: rule.code, povertyPeriod, limit,
        ...(input.nationalQuota === null || input.nationalQuota === undefined ? {} : { nationalQuota: input.nationalQuota }),
      }),
    );
    return {
      version, regency, programCode: rule.code, unit: rule.unit, povertyPeriod: plan.povertyPeriod, nationalQuota: plan.nationalQuota,
      quota: plan.quota, recipients: plan.recipients, status: plan.status, gap: plan.gap,
      fill: plan.fill
        ? {
            poolSizes: fillPriorityCounts(plan.fill.poolSizes),
            counts: fillPriorityCounts(plan.fill.counts),
            units: plan.fill.units.map((u) => ({ ...u, priority: FILL_PRIORITY_NAME[u.priority], versionId: version.id })),
          }
        : null,
      removal: plan.removal
        ? {
            candidates: causeCounts(plan.removal.candidates, false),
            byCause: causeCounts(plan.removal.byCause, false),
            units: plan.removal.units.map((u) => ({ ...u, versionId: version.id })),
          }
        : null,
    };
  }

  /** Baseline and scenario targeting of the overridden programs in a region, and their quota status when it can change. */
  async scenario(input: ScenarioInput): Promise<ScenarioView> {
    if (input.overrides.length === 0) throw new BadUserInputError('overrides', 'give at least one program override');
    const povertyPeriod = this.povertyPeriod(input.povertyPeriod);
    const [region, version] = await Promise.all([
      this.regions.requireRegion(input.regionCode ?? NATION_CODE, 'regionCode'),
      this.versions.resolveVersion(input.versionId),
    ]);
    if (!CUBE_LEVELS.has(region.level)) {
      throw new BadUserInputError('regionCode', `a scenario needs ${CUBE_LEVELS_TEXT}, where the targeting cube is kept (${region.code} is a ${region.level})`);
    }
    const overrides: ScenarioOverride[] = input.overrides.map((o) => ({
      programCode: o.programCode,
      ...(o.desilMin === null || o.desilMin === undefined ? {} : { desilMin: o.desilMin }),
      ...(o.desilMax === null || o.desilMax === undefined ? {} : { desilMax: o.desilMax }),
      ...(o.nationalQuota === null || o.nationalQuota === undefined ? {} : { nationalQuota: o.nationalQuota }),
    }));
    let scenarioRules: ProgramRule[];
    try {
      scenarioRules = applyOverrides(PROGRAMS, overrides);
    } catch (error) {
      if (error instanceof ScenarioRuleError) throw new BadUserInputError('overrides', error.message);
      throw error;
    }
    const codes = PROGRAMS.map((p) => p.code).filter((code) => overrides.some((o) => o.programCode === code));
    const cubeRows = await this.cubeRows(version.id, codes, [region.code]);
    const programs: ProgramScenarioView[] = [];
    for (const code of codes) {
      const baseRule = programByCode(code);
      const scenarioRule = scenarioRules.find((r) => r.code === code)!;
      const override = overrides.find((o) => o.programCode === code)!;
      const cells = toCells(baseRule, cubeRows.filter((r) => r.programCode === code));
      const c = compareScenario(baseRule, scenarioRule, cells);
      const baseline = figuresOf(c.baseline);
      const scenario = figuresOf(c.scenario);
      const quotaChanges = override.nationalQuota !== undefined || override.desilMin !== undefined || override.desilMax !== undefined;
      programs.push({
        programCode: code, unit: baseRule.unit,
        baselineRule: ruleView(baseRule), scenarioRule: ruleView(scenarioRule),
        baseline, scenario, difference: figuresDifference(baseline, scenario, c.difference), moves: c.moves,
        quota: quotaChanges ? await this.scenarioQuota(version, region, povertyPeriod, baseRule, scenarioRule, override) : null,
      });
    }
    return { version, region, povertyPeriod, programs };
  }

  // ---- reading ----

  /** Figures of each region, from the cube (`cube`) or the class rollup, one statement for all `codes`. */
  private async figuresOf(versionId: number, rule: ProgramRule, cube: boolean, codes: string[]): Promise<Map<string, TargetingFigures>> {
    const out = new Map<string, TargetingFigures>();
    if (cube) {
      for (const [code, rows] of groupByRegion(codes, await this.cubeRows(versionId, [rule.code], codes))) {
        out.set(code, figuresOf(summarize(rule, toCells(rule, rows))));
      }
    } else {
      for (const [code, rows] of groupByRegion(codes, await this.classRows(versionId, rule.code, codes))) {
        out.set(code, figuresOf(summaryOfClassRows(rows)));
      }
    }
    return out;
  }

  private async cubeRows(versionId: number, programCodes: ProgramCode[], regionCodes: string[]): Promise<CubeRow[]> {
    return cubeRows(this.sql, { versionIds: [versionId], programCodes, regionCodes });
  }

  private async classRows(versionId: number, programCode: ProgramCode, regionCodes: string[]): Promise<ClassRow[]> {
    return classRows(this.sql, { versionIds: [versionId], programCode, regionCodes });
  }

  /**
   * Recipients per kabupaten/kota carrying them in its quota: the publication's `quota_recipient_rollup` for a
   * published version, else counted from the enrollments in force (the same count).
   */
  private async quotaRecipients(version: VersionView, rule: ProgramRule): Promise<Map<string, number>> {
    if (version.status !== 'PUBLISHED') return recipientsByRegency(this.sql, version.id, rule);
    const rows = await this.sql.all<{ r: string; n: number }>(
      'SELECT regency_code AS r, units AS n FROM quota_recipient_rollup WHERE version_id = ? AND program_code = ?',
      [version.id, rule.code],
    );
    return new Map(rows.map((row) => [row.r, row.n]));
  }

  /** The 514 kabupaten/kota by code. */
  private async regencies(): Promise<Map<string, RegionView>> {
    return new Map((await this.regions.regionsAtLevel('REGENCY')).map((r) => [r.code, r]));
  }

  /** Eligible units per kabupaten/kota of `regencyCodes` under `rule`: the cube summed over recipient and ground check. */
  private async eligibleByRegency(versionId: number, rule: ProgramRule, regencyCodes: string[]): Promise<Map<string, number>> {
    const groups = await cubeFactSums(this.sql, versionId, rule.code, regencyCodes);
    const out = new Map<string, number>();
    for (const g of groups) {
      const facts = {
        desil: g.desil, recipient: false, groundChecked: false, inTargetGroup: g.inTargetGroup,
        criterion: g.criterionCode === '' ? null : (g.criterionCode as ExclusionCriterionCode),
      };
      if (eligibility(rule, facts).eligible) out.set(g.regionCode, (out.get(g.regionCode) ?? 0) + g.units);
    }
    return out;
  }

  private async scenarioQuota(
    version: VersionView, region: RegionView, povertyPeriod: string, baseRule: ProgramRule, scenarioRule: ProgramRule, override: ScenarioOverride,
  ): Promise<{ baseline: QuotaStatusCountsView | null; scenario: QuotaStatusCountsView | null }> {
    const regencies = await this.regencies();
    const inRegion = [...regencies.values()].filter(
      (r) => region.level === 'NATION' || r.code === region.code || r.parentCode === region.code,
    );
    const regionCodes = new Set(inRegion.map((r) => r.code));
    const recipients = await this.quotaRecipients(version, baseRule);
    const counts = async (rule: ProgramRule, nationalQuota: number | undefined): Promise<QuotaStatusCountsView | null> => {
      let quotas: RegencyQuotas;
      try {
        quotas = await this.quotas(rule, povertyPeriod, nationalQuota);
      } catch (error) {
        // A program without a national quota has no quota status (ATENSI, PIP) unless the scenario gives one.
        if (error instanceof BadUserInputError && nationalQuota === undefined) return null;
        throw error;
      }
      const rows = quotaRows(quotas.shares.filter((s) => regionCodes.has(s.regionCode)), recipients, regencies);
      const eligible = await this.eligibleByRegency(version.id, rule, [...regionCodes]);
      return {
        nationalQuota: quotas.nationalQuota,
        ...quotaTotals(rows),
        eligibleBelowQuota: rows.filter((r) => (eligible.get(r.regency.code) ?? 0) < r.quota).length,
      };
    };
    return { baseline: await counts(baseRule, undefined), scenario: await counts(scenarioRule, override.nationalQuota) };
  }

  private async quotas(rule: ProgramRule, povertyPeriod: string, nationalQuota: number | null | undefined): Promise<RegencyQuotas> {
    if (nationalQuota !== null && nationalQuota !== undefined && (!Number.isInteger(nationalQuota) || nationalQuota < 0)) {
      throw new BadUserInputError('nationalQuota', `nationalQuota must be a non-negative integer, got ${nationalQuota}`);
    }
    const quotas = await this.mapReallocationErrors({ povertyPeriod }, () => regencyQuotas(this.sql, rule, { povertyPeriod, nationalQuota: nationalQuota ?? undefined }));
    if (quotas.shares.length === 0) throw new NotFoundError('PovertyPeriod', povertyPeriod, `no BPS poverty figures for period ${povertyPeriod}`);
    return quotas;
  }

  private povertyPeriod(given: string | null | undefined): string {
    const period = given ?? DEFAULT_POVERTY_PERIOD;
    if (!isPovertyPeriod(period)) throw new BadUserInputError('povertyPeriod', `povertyPeriod must be "YYYY-MM", got "${period}"`);
    return period;
  }


  /** Runs a reallocation computation, turning its `ReallocationError`s into typed API errors about `keys`. */
  private async mapReallocationErrors<T>(keys: { versionId?: number; regencyCode?: string; povertyPeriod: string }, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ReallocationError)) throw error;
      switch (error.code) {
        case 'UNKNOWN_VERSION':
          throw new NotFoundError('DtsenVersion', keys.versionId ?? '', error.message);
        case 'UNKNOWN_REGENCY':
          throw new NotFoundError('Region', keys.regencyCode ?? '', error.message);
        case 'UNKNOWN_POVERTY_PERIOD':
          throw new NotFoundError('PovertyPeriod', keys.povertyPeriod, error.message);
        case 'UNKNOWN_PROGRAM':
          throw new BadUserInputError('programCode', error.message);
        case 'NATIONAL_QUOTA_REQUIRED':
          throw new BadUserInputError('nationalQuota', error.message);
        case 'INVALID_ARGUMENT':
          throw new BadUserInputError('arguments', error.message);
        default:
          return assertUnreachable(error.code);
      }
    }
  }
}

function ruleView(rule: ProgramRule): { desilMin: number; desilMax: number } {
  return { desilMin: rule.desilMin, desilMax: rule.desilMax };
}
