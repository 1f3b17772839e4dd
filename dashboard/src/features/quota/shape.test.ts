import { describe, expect, it } from 'vitest';
import { overPlanFixture, underPlanFixture } from './__fixtures__/quota';
import {
  closePlanChange,
  fillSummary,
  formatPeriod,
  formatStatusFilter,
  parseNationalQuota,
  parseQuotaSort,
  parseStatusFilter,
  planUnitRows,
  planUnitTotal,
  quotaScope,
  removalSummary,
  toggleStatus,
  toQuotaSort,
  type ReallocationPlan,
} from './shape';

const under = underPlanFixture.reallocationPlan as ReallocationPlan;
const over = overPlanFixture.reallocationPlan as ReallocationPlan;

describe('status filter', () => {
  it('reads known statuses in a fixed order', () => {
    expect(parseStatusFilter('OVER,UNDER')).toEqual(['UNDER', 'OVER']);
    expect(parseStatusFilter('match,bogus')).toEqual(['MATCH']);
    expect(parseStatusFilter(undefined)).toEqual([]);
  });

  it('toggles a status and writes nothing when all or none are chosen', () => {
    expect(toggleStatus(['OVER'], 'UNDER')).toEqual(['UNDER', 'OVER']);
    expect(toggleStatus(['UNDER', 'OVER'], 'UNDER')).toEqual(['OVER']);
    expect(formatStatusFilter(['OVER', 'UNDER'])).toBe('UNDER,OVER');
    expect(formatStatusFilter([])).toBeNull();
    expect(formatStatusFilter(['UNDER', 'OVER', 'MATCH'])).toBeNull();
  });
});

describe('sort and quota parameters', () => {
  it('sorts by gap, most free places first, by default', () => {
    expect(toQuotaSort(parseQuotaSort(undefined))).toEqual({ field: 'GAP', direction: 'DESC' });
    expect(toQuotaSort(parseQuotaSort('gap_ratio.asc'))).toEqual({ field: 'GAP_RATIO', direction: 'ASC' });
    expect(toQuotaSort(parseQuotaSort('status.asc'))).toEqual({ field: 'GAP', direction: 'DESC' });
  });

  it('accepts only whole positive national quotas', () => {
    expect([parseNationalQuota('5000'), parseNationalQuota('0'), parseNationalQuota('1.5'), parseNationalQuota('x'), parseNationalQuota(undefined)]).toEqual([
      5000,
      null,
      null,
      null,
      null,
    ]);
  });

  it('names the poverty period in either language', () => {
    expect(formatPeriod('2024-03', 'id')).toBe('Maret 2024');
    expect(formatPeriod('2024-03', 'en')).toBe('March 2024');
    expect(formatPeriod('2024', 'id')).toBe('2024');
  });
});

describe('scope of a region', () => {
  it('lists all kabupaten/kota for the nation and a province’s for a province', () => {
    expect(quotaScope('ID', undefined)).toEqual({ provinceCode: null, homeRegency: null, openRegency: null });
    expect(quotaScope('32', '32.12')).toEqual({ provinceCode: '32', homeRegency: null, openRegency: '32.12' });
  });

  it('opens a regional head’s own kabupaten, from the kabupaten or anywhere in it', () => {
    expect(quotaScope('32.01', undefined)).toEqual({ provinceCode: '32', homeRegency: '32.01', openRegency: '32.01' });
    expect(quotaScope('32.01.01.2001', undefined)).toEqual({ provinceCode: '32', homeRegency: '32.01', openRegency: '32.01' });
    expect(quotaScope('32.01', '32.05').openRegency).toBe('32.05');
    expect(quotaScope('ID', 'garbage').openRegency).toBeNull();
    // A kabupaten chosen under another province is not kept.
    expect(quotaScope('33', '32.12').openRegency).toBeNull();
    expect(quotaScope('33.21', '32.12').openRegency).toBe('33.21');
  });

  it('closes back to the list, leaving a kabupaten for its province', () => {
    expect(closePlanChange('ID')).toEqual({ params: { kab: null } });
    expect(closePlanChange('32')).toEqual({ params: { kab: null } });
    expect(closePlanChange('32.01')).toEqual({ regionCode: '32', params: { kab: null } });
    expect(closePlanChange('32.01.01')).toEqual({ regionCode: '32', params: { kab: null } });
  });
});

describe('reallocation plan', () => {
  it('gives each fill priority its count and pool, and the places left free', () => {
    expect(fillSummary(under)).toEqual({
      steps: [
        { priority: 'GROUND_CHECKED', taken: 18, pool: 18 },
        { priority: 'WAITING_LIST', taken: 0, pool: 0 },
        { priority: 'REMAINING', taken: 0, pool: 0 },
      ],
      taken: 18,
      unfilled: 2,
    });
    expect(planUnitTotal(under)).toBe(18);
  });

  it('gives each cause its removals in order, and the excess no inclusion error absorbs', () => {
    const summary = removalSummary(over);
    expect(summary.steps.map((step) => [step.cause, step.removed, step.candidates])).toEqual([
      ['ADDRESS_NOT_FOUND', 2, 2],
      ['ASN_TNI_POLRI', 3, 3],
      ['INCOME_ABOVE_MINIMUM_WAGE', 4, 4],
      ['DESIL_ABOVE_RANGE', 1, 1],
    ]);
    expect(summary.removed).toBe(10);
    expect(summary.unabsorbed).toBe(5);
  });

  it('lists the families in plan order with the head of the family, masked', () => {
    const rows = planUnitRows(over);
    expect(rows).toEqual([
      {
        order: 1,
        reason: 'ADDRESS_NOT_FOUND',
        kkMasked: '3201********0003',
        nameMasked: 'S***** S*********',
        nikMasked: '3201********0004',
        desil: 1,
        rank: 1871,
        village: 'Kuta',
        district: 'Megamendung',
        familyId: 24848,
        individualId: null,
      },
      expect.objectContaining({ order: 2, reason: 'DESIL_ABOVE_RANGE', desil: 7, rank: null, village: 'Leuwisadeng' }),
    ]);
  });

  it('shows the individual of an individual program', () => {
    const first = over.removal?.units?.[0];
    if (!first) throw new Error('fixture has no unit');
    const plan = { ...over, removal: { ...over.removal, byCause: [], candidates: [], units: [{ ...first, individualId: 76273 }] } } as ReallocationPlan;
    expect(planUnitRows(plan)[0]).toMatchObject({ nameMasked: 'R**** S*********', nikMasked: '3201********0005', individualId: 76273 });
  });
});

describe('withheld counts (small cells)', () => {
  it('keeps a withheld fill count withheld instead of reading it as 0, and withholds what is computed from it', () => {
    const plan = underPlanFixture.reallocationPlan;
    const withheld = {
      ...plan,
      fill: { ...plan.fill, counts: plan.fill.counts.map((count) => (count.priority === 'WAITING_LIST' ? { ...count, units: null } : count)) },
    } as unknown as Parameters<typeof fillSummary>[0];
    const summary = fillSummary(withheld);
    expect(summary.steps.map((step) => step.taken)).toEqual([18, null, 0]);
    expect(summary).toMatchObject({ taken: null, unfilled: null });
    expect(planUnitTotal(withheld)).toBeNull();
  });

  it('moves nobody it can count when the status itself is withheld', () => {
    const plan = { ...underPlanFixture.reallocationPlan, status: null, recipients: null, gap: null, fill: null } as unknown as Parameters<typeof fillSummary>[0];
    expect(planUnitTotal(plan)).toBe(0);
  });
});
