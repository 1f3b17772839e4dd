// Small-cell suppression over real HTTP on the generated national dataset (test/support/global-setup.ts), for every
// analysis family. Each question is asked by ADMIN (the reference: every count), NATIONAL_ANALYST (must get exactly
// the same), and POLICY_ANALYST and the Bupati Bogor (REGIONAL_HEAD, questions inside Kabupaten Bogor), whose answers
// are compared with ADMIN's field by field: a count from 1 to 4 is null and named in its object's `suppressed`, so is
// every rate or share computed from one, everything else is ADMIN's value, 0 and counts from 5 are never withheld.
// The threshold setting is checked on a second server over the same file (ATLAS_SMALL_CELL_THRESHOLD 1 and 3).
import Database from 'better-sqlite3';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type AtlasApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { RoleName } from '../../server/src/domain/access.js';
import type { SmallCellRule } from '../../server/src/domain/suppression.js';
import { buildAtlasSchema } from '../../server/src/graphql/schema.js';
import { isObjectType, type GraphQLSchema } from '../../server/src/graphql/graphql-js.js';
import { COMPLEMENTARY_EXTENSION, smallCellRules, type ComplementaryGroupOptions } from '../../server/src/graphql/small-cells.js';
import { tokenOf } from '../support/auth';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

let rules: Map<string, Map<string, SmallCellRule>>;
/** The complementary groups declared on list fields, by type name then field name. */
let groups: Map<string, Map<string, ComplementaryGroupOptions[]>>;
/** The kecamatan of Kabupaten Bogor with the most families, and its desa with the most. */
let district: string;
let village: string;

beforeAll(async () => {
  const schema: GraphQLSchema = await buildAtlasSchema();
  rules = smallCellRules(schema);
  groups = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const declared = field.extensions[COMPLEMENTARY_EXTENSION] as ComplementaryGroupOptions[] | undefined;
      if (declared) groups.set(type.name, new Map([...(groups.get(type.name) ?? []), [field.name, declared]]));
    }
  }
  const db = new Database(inject('databaseFile'), { readonly: true });
  try {
    const busiest = (column: string, where: string) =>
      (db.prepare(`SELECT ${column} AS code FROM family_state s JOIN region r ON r.code = s.village_code
        WHERE s.valid_to_version_id IS NULL AND ${where} GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 1`).get() as { code: string }).code;
    district = busiest('r.parent_code', "r.regency_code = '32.01'");
    village = busiest('s.village_code', `r.parent_code = '${district}'`);
  } finally {
    db.close();
  }
});

async function ask(baseUrl: string, role: RoleName, query: string): Promise<JsonObject> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(role)}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: JsonObject; errors?: unknown };
  expect(body.errors, `${role}: ${query}`).toBeUndefined();
  return body.data!;
}

const isSmall = (value: Json | undefined, threshold: number): boolean =>
  typeof value === 'number' && Math.abs(value) >= 1 && Math.abs(value) < threshold;

interface Tally {
  /** Fields withheld. */
  withheld: number;
  /** Plain counts in 1..threshold-1 in ADMIN's answer (each must be withheld). */
  smallCounts: number;
  /** Plain counts 0 or from the threshold up (each must be kept, unless withheld as a complement). */
  keptCounts: number;
  /** Counts from the threshold up withheld as complements (each in a declared group, checked by `checkGroups`). */
  complements: number;
  /** Additive groups checked. */
  groups: number;
}

const at = (value: Json | undefined, path: string): Json | undefined =>
  path.split('.').reduce<Json | undefined>((v, key) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined), value);

/**
 * Complementary suppression: in every declared additive group of the restricted answer (cells of a list adding up to a
 * figure of the object carrying it), the withheld figures (null there, numbers in ADMIN's) are never exactly one,
 * unless that one is 0 — else the total minus the visible cells would give it back.
 */
function checkGroups(admin: Json, restricted: Json, path: string, tally: Tally): void {
  if (Array.isArray(admin)) {
    admin.forEach((item, i) => checkGroups(item, (restricted as Json[])[i]!, `${path}[${i}]`, tally));
    return;
  }
  // Not an object there: withheld as a whole (a plan's fill or removal).
  if (admin === null || typeof admin !== 'object' || restricted === null || typeof restricted !== 'object') return;
  const other = restricted as JsonObject;
  const declared = typeof admin['__typename'] === 'string' ? groups.get(admin['__typename']) : undefined;
  for (const [field, options] of declared ?? []) {
    const adminItems = admin[field];
    if (!Array.isArray(adminItems)) continue;
    for (const group of options) {
      const count = group.count === undefined ? undefined : at(admin, group.count);
      if (typeof count === 'number' && adminItems.length < count) continue;
      const figures: Array<[Json | undefined, Json | undefined]> = [
        [at(admin, group.total), at(other, group.total)],
        ...adminItems.map((item, i): [Json | undefined, Json | undefined] => [at(item, group.cells), at((other[field] as Json[])[i], group.cells)]),
      ];
      if (figures.some(([value]) => typeof value !== 'number')) continue;
      const unknown = figures.filter(([, shown]) => shown === null);
      tally.groups += 1;
      if (unknown.length === 1) expect(unknown[0]![0], `${path}.${field}: ${JSON.stringify(group)} leaves one withheld figure`).toBe(0);
    }
  }
  for (const [key, value] of Object.entries(admin)) if (key !== 'suppressed') checkGroups(value, other[key] ?? null, `${path}.${key}`, tally);
}

/**
 * Compares a restricted role's answer with ADMIN's, object by object (every object with small-cell fields selects
 * `__typename` and `suppressed`). Inside a scenario's `difference` a figure may also be withheld for its operands'
 * sake, so only "small ⇒ withheld" is checked there.
 */
function compare(admin: Json, restricted: Json, threshold: number, path: string, tally: Tally, inDifference = false): void {
  if (Array.isArray(admin)) {
    expect(Array.isArray(restricted) && restricted.length, path).toBe(admin.length);
    admin.forEach((item, i) => compare(item, (restricted as Json[])[i]!, threshold, `${path}[${i}]`, tally, inDifference));
    return;
  }
  if (admin === null || typeof admin !== 'object') {
    expect(restricted, path).toEqual(admin);
    return;
  }
  const other = restricted as JsonObject;
  const typeName = admin['__typename'];
  const typeRules = typeof typeName === 'string' ? rules.get(typeName) : undefined;
  if ('suppressed' in admin && !typeRules) throw new Error(`${path}: select __typename with suppressed`);
  if (typeRules && !('suppressed' in admin)) throw new Error(`${path}: select suppressed in ${String(typeName)}`);
  const suppressed = (other['suppressed'] ?? []) as string[];
  if (typeRules) {
    expect(admin['suppressed'], `${path}: ADMIN gets every count`).toEqual([]);
    expect(suppressed.every((name) => typeRules.has(name)), path).toBe(true);
  }
  for (const [key, value] of Object.entries(admin)) {
    if (key === 'suppressed') continue;
    const rule = typeRules?.get(key);
    if (!rule) {
      compare(value, other[key] ?? null, threshold, `${path}.${key}`, tally, inDifference || key === 'difference');
      continue;
    }
    const withheld = suppressed.includes(key);
    const where = `${path}.${key} (ADMIN ${JSON.stringify(value)})`;
    if (withheld) {
      tally.withheld += 1;
      expect(other[key], where).toBeNull();
    } else if (value !== null && typeof value === 'object') {
      // An object withheld as a whole when shown (a plan's fill or removal): its own cells are compared inside.
      compare(value, other[key] ?? null, threshold, `${path}.${key}`, tally, inDifference);
    } else {
      expect(other[key], where).toEqual(value);
    }
    const counts = rule.of.map((p) => admin[p]);
    // A count withheld as a complement (not small itself), or a figure computed from one.
    const complement = rule.of.some((p) => suppressed.includes(p) && !isSmall(admin[p], threshold));
    if (complement && rule.of.length === 1 && rule.of[0] === key) tally.complements += 1;
    // Small ⇒ withheld, for the count itself and every figure computed from it.
    if (counts.some((count) => isSmall(count, threshold))) expect(withheld, `${where} must be withheld`).toBe(true);
    // Nothing small among the counts it depends on (all in the answer), nor a complement ⇒ kept.
    else if (!inDifference && !complement && counts.every((count) => typeof count === 'number')) expect(withheld, `${where} must be kept`).toBe(false);
    if (rule.of.length === 1 && rule.of[0] === key && typeof value === 'number' && !inDifference) {
      if (isSmall(value, threshold)) tally.smallCounts += 1;
      else tally.keptCounts += 1;
    }
  }
}

// ---- the questions, every small-cell field selected ----

const SUMMARY = `{ __typename units eligible recipients correctRecipients inclusionErrors exclusionErrors pendingGroundCheck notEligible
  inclusionRate exclusionRate coverage leakage suppressed inclusionByCause { __typename cause units suppressed } }`;
const BUCKETS = `__typename totalFamilies totalIndividuals subRegionCount suppressed shareDesil1To4 { __typename families individuals suppressed }
  buckets { __typename desil families individuals familyShare individualShare suppressed }`;
const TARGETING = `__typename programCode desilMin desilMax summary ${SUMMARY}
  byCause { __typename cause units shareOfInclusionErrors shareOfRecipients suppressed }
  bySubRegion { totalCount rows { region { code } summary ${SUMMARY} } }
  byDesil { desil summary ${SUMMARY} }`;
const QUOTA = `totalCount totals { __typename count under over match quota recipients shortfall excess suppressed }
  rows { __typename regency { code } exactQuota quota recipients gap gapRatio status suppressed }`;
const PLAN = `__typename quota nationalQuota recipients status gap suppressed
  fill { poolSizes { __typename priority units suppressed } counts { __typename priority units suppressed } }
  removal { candidates { __typename cause units suppressed } byCause { __typename cause units suppressed } }`;
const QUOTA_COUNTS = '{ __typename count under over match quota recipients shortfall excess nationalQuota eligibleBelowQuota suppressed }';
const SCENARIO = `programs { programCode baseline ${SUMMARY} scenario ${SUMMARY}
  difference { __typename units eligible recipients correctRecipients inclusionErrors exclusionErrors pendingGroundCheck notEligible
    inclusionRate exclusionRate coverage leakage suppressed inclusionByCause { __typename cause units suppressed } }
  moves { __typename from to units suppressed } quota { baseline ${QUOTA_COUNTS} scenario ${QUOTA_COUNTS} } }`;
const FLOW = '{ __typename direction reason category units suppressed }';
const CHURN = `__typename recipientsAtFrom recipientsAtTo netChange otherChange totalEntries totalExits suppressed entries ${FLOW} exits ${FLOW}
  steps { __typename fromVersion { id } totalEntries totalExits suppressed entries ${FLOW} exits ${FLOW} }`;
const TRANSITIONS = `__typename total inBoth stayed movedUp movedDown entered left stayedShare movedUpShare movedDownShare suppressed
  cells { __typename fromDesil toDesil families share suppressed } rowTotals { __typename fromDesil families suppressed }`;
const FUNNEL = `__typename totalProposals suppressed
  groups { __typename key proposals share decidedProposals medianDaysToDecision medianIsExact cellMedianDaysMin cellMedianDaysMax suppressed }
  cells { __typename kind path status proposals medianDaysToDecision suppressed }`;

interface Question {
  family: string;
  /** A query inside Kabupaten Bogor, asked by the Bupati too (unless `analystOnly`: the Bupati has no SCENARIOS). */
  inBogor: () => string;
  analystOnly?: boolean;
  /** A national or other-region question asked by the policy analyst only (optional). */
  elsewhere?: string;
}

const QUESTIONS: Question[] = [
  {
    family: 'decileDistribution',
    inBogor: () => `{ a: decileDistribution(regionCode: "${district}", groupBy: SUB_REGION, sort: TOTAL_FAMILIES_DESC) { ${BUCKETS} subRegions { ${BUCKETS} } }
      b: decileDistribution(regionCode: "${village}") { ${BUCKETS} } }`,
  },
  {
    family: 'targetingErrors',
    inBogor: () => `{ a: targetingErrors(programCode: PKH, regionCode: "${district}", groupBy: CAUSE) { ${TARGETING} }
      b: targetingErrors(programCode: PBI_JKN, regionCode: "${district}", groupBy: SUB_REGION) { ${TARGETING} }
      c: targetingErrors(programCode: SEMBAKO, regionCode: "32.01", groupBy: DESIL) { ${TARGETING} }
      d: targetingErrors(programCode: PKH, regionCode: "32.01", groupBy: SUB_REGION, limit: 100) { ${TARGETING} } }`,
  },
  {
    family: 'quotaStatus',
    inBogor: () => `{ a: quotaStatus(programCode: PKH, regencyCode: "32.01") { ${QUOTA} } b: quotaStatus(programCode: ATENSI, regencyCode: "32.01", nationalQuota: 100000) { ${QUOTA} } }`,
    elsewhere: `{ a: quotaStatus(programCode: PKH, limit: 514) { ${QUOTA} } b: quotaStatus(programCode: PKH, search: "Kota", limit: 3) { ${QUOTA} } }`,
  },
  {
    family: 'reallocationPlan',
    inBogor: () => `{ a: reallocationPlan(programCode: PKH, regencyCode: "32.01") { ${PLAN} } b: reallocationPlan(programCode: SEMBAKO, regencyCode: "32.01") { ${PLAN} }
      c: reallocationPlan(programCode: PBI_JKN, regencyCode: "32.01") { ${PLAN} } }`,
    elsewhere: `{ a: reallocationPlan(programCode: PKH, regencyCode: "12.15") { ${PLAN} } b: reallocationPlan(programCode: PKH, regencyCode: "11.72") { ${PLAN} } }`,
  },
  {
    family: 'scenario',
    analystOnly: true,
    inBogor: () => `{ a: scenario(regionCode: "32.01", overrides: [{ programCode: PKH, desilMin: 1, desilMax: 3 }, { programCode: SEMBAKO, desilMax: 6, nationalQuota: 20000 }]) { ${SCENARIO} } }`,
  },
  {
    family: 'coverageTrend',
    inBogor: () => `{ a: coverageTrend(programCode: PKH, regionCode: "${village}") { points { __typename version { id } eligible recipients eligibleRecipients inclusionErrors
      exclusionErrors pendingGroundCheck coverage leakage suppressed inclusionErrorsByCause { __typename cause units suppressed } } }
      b: coverageTrend(programCode: PBI_JKN, regionCode: "${district}") { points { __typename eligible recipients eligibleRecipients inclusionErrors
      exclusionErrors pendingGroundCheck coverage leakage suppressed inclusionErrorsByCause { __typename cause units suppressed } } } }`,
  },
  {
    family: 'churn',
    inBogor: () => `{ a: churn(programCode: PKH, regionCode: "${district}", fromVersionId: 1, toVersionId: 5) { ${CHURN} }
      b: churn(programCode: PBI_JKN, regionCode: "${village}", fromVersionId: 3, toVersionId: 5) { ${CHURN} } }`,
  },
  {
    family: 'desilTransitions',
    inBogor: () => `{ a: desilTransitions(regionCode: "${district}", fromVersionId: 4, toVersionId: 5) { ${TRANSITIONS} }
      b: desilTransitions(regionCode: "32.01", fromVersionId: 1, toVersionId: 5) { ${TRANSITIONS} } }`,
  },
  {
    family: 'programOverlap',
    inBogor: () => `{ a: programOverlap(regionCode: "${district}") { __typename totalFamilies suppressed
      combinations { __typename programMask programs families share suppressed byDesil { __typename desil families suppressed } } } }`,
  },
  {
    family: 'proposalFunnel',
    inBogor: () => `{ a: proposalFunnel(regionCode: "32.01", groupBy: STATUS) { ${FUNNEL} } b: proposalFunnel(regionCode: "32.01", groupBy: KIND) { ${FUNNEL} } }`,
    // Sub-regions are kabupaten/kota of a province (the funnel stops at kabupaten/kota).
    elsewhere: `{ a: proposalFunnel(regionCode: "32", groupBy: SUB_REGION) { ${FUNNEL} } b: proposalFunnel(regionCode: "32", groupBy: PATH) { ${FUNNEL} } }`,
  },
  {
    family: 'pkhDuration',
    inBogor: () => `{ a: pkhDuration(regionCode: "${district}") { __typename year maxYears totalRecipients reachedMaxYears reachedShare suppressed
      byYear { __typename memberSinceYear units yearsOfMembership reachedMaxYears suppressed } } }`,
  },
  {
    family: 'pbiReactivation',
    inBogor: () => `{ a: pbiReactivation(regionCode: "${district}") { __typename removed reactivated eligible overdueDataUpdates suppressed unmet { __typename condition people suppressed } }
      b: pbiReactivation(regionCode: "${village}") { __typename removed reactivated eligible overdueDataUpdates suppressed unmet { __typename condition people suppressed } } }`,
  },
];

describe('small-cell suppression per analysis family (threshold 5)', () => {
  const url = () => inject('serverUrl');

  it.each(QUESTIONS.map((q) => [q.family, q] as const))('%s: 1..4 withheld for POLICY_ANALYST and REGIONAL_HEAD, every count for ADMIN and NATIONAL_ANALYST', async (_family, question) => {
    const queries = [{ query: question.inBogor(), roles: (question.analystOnly ? ['POLICY_ANALYST'] : ['POLICY_ANALYST', 'REGIONAL_HEAD']) as RoleName[] }];
    if (question.elsewhere) queries.push({ query: question.elsewhere, roles: ['POLICY_ANALYST'] });
    const tally: Tally = { withheld: 0, smallCounts: 0, keptCounts: 0, complements: 0, groups: 0 };
    for (const { query, roles } of queries) {
      const admin = await ask(url(), 'ADMIN', query);
      expect(await ask(url(), 'NATIONAL_ANALYST', query)).toEqual(admin);
      for (const role of roles) {
        const restricted = await ask(url(), role, query);
        compare(admin, restricted, 5, role, tally);
        checkGroups(admin, restricted, role, tally);
      }
    }
    // The dataset has small cells here, they were withheld, and larger counts were not (but as complements).
    expect(tally.smallCounts, 'small counts in the answers').toBeGreaterThan(0);
    if (question.family === 'decileDistribution' || question.family === 'targetingErrors') {
      expect(tally.groups, 'additive groups checked').toBeGreaterThan(0);
      expect(tally.complements, 'complements withheld').toBeGreaterThan(0);
    }
    expect(tally.withheld).toBeGreaterThanOrEqual(tally.smallCounts);
    expect(tally.keptCounts, 'counts kept').toBeGreaterThan(0);
  });

  it('withholds a scenario difference wherever its baseline or scenario figure is withheld', async () => {
    const query = QUESTIONS.find((q) => q.family === 'scenario')!.inBogor();
    const answer = await ask(url(), 'POLICY_ANALYST', query);
    type Side = JsonObject & { suppressed: string[] };
    const programs = (answer['a'] as { programs: Array<{ baseline: Side; scenario: Side; difference: Side }> }).programs;
    let checked = 0;
    for (const p of programs) {
      for (const name of new Set([...p.baseline.suppressed, ...p.scenario.suppressed])) {
        expect(p.difference.suppressed, name).toContain(name);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('the threshold setting', () => {
  let atlas: AtlasApp | undefined;
  let server: Server | undefined;

  async function start(threshold: string): Promise<string> {
    const config = loadConfig({ ...process.env, DATABASE_URL: `file:${inject('databaseFile')}`, PORT: '0', ATLAS_SMALL_CELL_THRESHOLD: threshold });
    atlas = await createApp(config);
    server = await new Promise<Server>((resolve) => {
      const s = atlas!.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function stop(): Promise<void> {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await atlas?.close();
    server = undefined;
    atlas = undefined;
  }
  afterAll(stop);

  it('at 1 withholds nothing: every role gets ADMIN’s numbers', async () => {
    const baseUrl = await start('1');
    try {
      for (const question of QUESTIONS) {
        const query = question.inBogor();
        const admin = await ask(baseUrl, 'ADMIN', query);
        for (const role of question.analystOnly ? (['POLICY_ANALYST'] as const) : (['POLICY_ANALYST', 'REGIONAL_HEAD'] as const)) {
          expect(await ask(baseUrl, role, query), `${question.family} ${role}`).toEqual(admin);
        }
      }
      expect(await ask(baseUrl, 'POLICY_ANALYST', '{ me { smallCellThreshold } }')).toEqual({ me: { smallCellThreshold: null } });
    } finally {
      await stop();
    }
  });

  it('at 3 withholds 1 and 2 only', async () => {
    const baseUrl = await start('3');
    try {
      const tally: Tally = { withheld: 0, smallCounts: 0, keptCounts: 0, complements: 0, groups: 0 };
      for (const question of QUESTIONS) {
        const query = question.inBogor();
        const admin = await ask(baseUrl, 'ADMIN', query);
        const restricted = await ask(baseUrl, 'POLICY_ANALYST', query);
        compare(admin, restricted, 3, question.family, tally);
        checkGroups(admin, restricted, question.family, tally);
      }
      expect(tally.smallCounts).toBeGreaterThan(0);
      expect(await ask(baseUrl, 'REGIONAL_HEAD', '{ me { smallCellThreshold } }')).toEqual({ me: { smallCellThreshold: 3 } });
    } finally {
      await stop();
    }
  });
});
