// Responses of the trends queries, cut from the generated dataset (Jawa Barat, PKH) and made smaller.
import type { TrendsChurnQuery, TrendsCoverageQuery, TrendsTransitionsQuery } from '../../../generated/graphql';

const v = (id: number) => ({ __typename: 'DtsenVersion' as const, id, label: `DTSEN 2025-Q${id}` });

const point = (id: number, eligible: number, recipients: number, eligibleRecipients: number, inclusionErrors: number, pendingGroundCheck: number) => ({
  version: v(id),
  eligible,
  recipients,
  eligibleRecipients,
  coverage: eligibleRecipients / eligible,
  leakage: (inclusionErrors + pendingGroundCheck) / recipients,
  inclusionErrors,
  exclusionErrors: eligible - eligibleRecipients,
  pendingGroundCheck,
});

export const coverageFixture: TrendsCoverageQuery['coverageTrend'] = {
  programCode: 'PKH',
  source: 'TARGETING_ROLLUP',
  points: [point(1, 5403, 1601, 1366, 171, 64), point(2, 5356, 1542, 1340, 136, 66), point(3, 5318, 1507, 1325, 112, 70)],
};

const flow = (category: TrendsChurnQuery['churn']['steps'][number]['entries'][number]['category'], reason: TrendsChurnQuery['churn']['steps'][number]['entries'][number]['reason'], units: number) => ({
  category,
  reason,
  units,
});

export const churnFixture: TrendsChurnQuery['churn'] = {
  recipientsAtFrom: 1601,
  recipientsAtTo: 1507,
  netChange: -94,
  otherChange: 0,
  totalEntries: 183,
  totalExits: 277,
  fromVersion: v(1),
  toVersion: v(3),
  steps: [
    {
      fromVersion: v(1),
      toVersion: v(2),
      totalEntries: 92,
      totalExits: 151,
      entries: [flow('QUOTA_FILL', 'QUOTA_FILL', 91), flow('NEW_PROPOSAL', 'PROPOSAL', 1)],
      exits: [
        flow('MAX_DURATION', 'MAX_DURATION', 112),
        flow('EXCLUSION_CRITERION', 'EXCLUSION_CRITERION', 16),
        flow('OUTSIDE_DTSEN', 'OUTSIDE_DTSEN', 12),
        flow('RERANKING', 'RERANKED', 6),
        flow('GRADUATION', 'GRADUATED', 4),
        flow('DEATH', 'DECEASED', 1),
      ],
    },
    {
      fromVersion: v(2),
      toVersion: v(3),
      totalEntries: 91,
      totalExits: 126,
      entries: [flow('QUOTA_FILL', 'QUOTA_FILL', 87), flow('NEW_PROPOSAL', 'PROPOSAL', 4)],
      exits: [
        flow('MAX_DURATION', 'MAX_DURATION', 95),
        flow('EXCLUSION_CRITERION', 'EXCLUSION_CRITERION', 22),
        flow('RERANKING', 'RERANKED', 4),
        flow('NEGATIVE_LIST', 'NEGATIVE_LIST', 2),
        flow('OUTSIDE_DTSEN', 'OUTSIDE_DTSEN', 2),
        flow('DEATH', 'DECEASED', 1),
      ],
    },
  ],
};

/** A transition matrix where every family stays, except: desil 1 → 2 (20), 2 → 1 (10), 3 → left (5), entered → 4 (8). */
export function transitionsFixture(fromId: number, toId: number): TrendsTransitionsQuery['desilTransitions'] {
  const counts = new Map<string, number>();
  for (let desil = 1; desil <= 10; desil++) counts.set(`${desil}:${desil}`, 100);
  counts.set('1:1', 80);
  counts.set('1:2', 20);
  counts.set('2:2', 90);
  counts.set('2:1', 10);
  counts.set('3:3', 95);
  counts.set('3:0', 5);
  counts.set('0:4', 8);
  const rowTotals = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((fromDesil) => ({ fromDesil, families: fromDesil === 0 ? 8 : 100 }));
  const cells = [];
  for (let fromDesil = 0; fromDesil <= 10; fromDesil++)
    for (let toDesil = 0; toDesil <= 10; toDesil++) {
      if (fromDesil === 0 && toDesil === 0) continue;
      const families = counts.get(`${fromDesil}:${toDesil}`) ?? 0;
      const total = rowTotals[fromDesil]?.families ?? 0;
      cells.push({ fromDesil, toDesil, families, share: total === 0 ? 0 : families / total });
    }
  return {
    source: toId - fromId === 1 ? 'ROLLUP' : 'BASE_TABLES',
    total: 1008,
    inBoth: 995,
    entered: 8,
    left: 5,
    stayed: 965,
    stayedShare: 965 / 995,
    movedUp: 20,
    movedUpShare: 20 / 995,
    movedDown: 10,
    movedDownShare: 10 / 995,
    rowTotals,
    cells,
  };
}
