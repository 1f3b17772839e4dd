/**
 * How `bench-peers` reads each server's decile answer: our API lists all ten desil (zeros included) with numbers,
 * PostGraphile's aggregates come as strings (bigint) with the group key in `keys`. Each must reduce to the same
 * counts, and any difference must be named.
 */
import { describe, expect, it } from 'vitest';
import type { BenchParameters } from './api.operations.js';
import { diffDesilCounts, peerOperations } from './peers.bench.js';

const parameters: BenchParameters = {
  versionId: 5, previousVersionId: 4, firstVersionId: 1, provinceCode: '32', regencyCode: '32.01', districtCode: '32.01.01', familyId: 1,
};
const expected = [
  { desil: 1, families: 10, individuals: 41 },
  { desil: 3, families: 7, individuals: 20 },
];

describe('peerOperations', () => {
  const operations = peerOperations(parameters);
  const byName = (name: string) => operations.find((op) => op.name === name)!;

  it('asks each server for the nation and the kabupaten', () => {
    expect(operations.map((op) => `${op.server} ${op.name}`)).toEqual([
      'atlas decileDistribution nation', 'postgraphile groupedAggregates nation', 'postgraphile allDesilRollups nation',
      'atlas decileDistribution kabupaten 32.01', 'postgraphile groupedAggregates kabupaten 32.01', 'postgraphile allDesilRollups kabupaten 32.01',
    ]);
    expect(byName('groupedAggregates kabupaten 32.01').variables).toEqual({ v: 5, r: '32.01' });
    expect(byName('groupedAggregates kabupaten 32.01').query).toContain('regencyCode: { equalTo: $r }');
    expect(byName('groupedAggregates nation').query).not.toContain('regencyCode');
  });

  it('reads our API, PostGraphile grouped aggregates and PostGraphile rollup rows to the same counts', () => {
    const ours = {
      decileDistribution: {
        buckets: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((desil) => expected.find((e) => e.desil === desil) ?? { desil, families: 0, individuals: 0 }),
      },
    };
    const grouped = {
      allFamilyStates: {
        groupedAggregates: [
          { keys: ['3'], distinctCount: { familyId: '7' }, sum: { memberCount: '20' } },
          { keys: ['1'], distinctCount: { familyId: '10' }, sum: { memberCount: '41' } },
        ],
      },
    };
    const rollup = { allDesilRollups: { nodes: expected } };
    expect(byName('decileDistribution nation').extract(ours)).toEqual(expected);
    expect(byName('groupedAggregates nation').extract(grouped)).toEqual(expected);
    expect(byName('allDesilRollups nation').extract(rollup)).toEqual(expected);
  });

  it('refuses an answer without the expected fields or with a non-count', () => {
    expect(() => byName('decileDistribution nation').extract({ decileDistribution: null })).toThrow(/no field buckets/);
    expect(() => byName('allDesilRollups nation').extract({ allDesilRollups: { nodes: [{ desil: 1, families: 'x', individuals: 1 }] } })).toThrow(/not a count/);
  });
});

describe('diffDesilCounts', () => {
  it('names the first difference', () => {
    expect(diffDesilCounts(expected, expected)).toBeNull();
    expect(diffDesilCounts(expected, expected.slice(0, 1))).toBe('1 desil rows instead of 2');
    expect(diffDesilCounts(expected, [expected[0]!, { desil: 3, families: 7, individuals: 21 }])).toMatch(/^desil 3:/);
  });
});
