import { describe, expect, it } from 'vitest';
import { classify, TARGETING_CLASSES } from '../../domain/classification.js';
import { PROGRAMS } from '../../domain/programs.js';
import { encodeIdCursor } from '../../graphql/relay.js';
import { classPrecondition, desilSelection, desilsOf, pageOf, pageWindow, yearOfLabel } from './family.logic.js';

describe('family logic', () => {
  it('reads page arguments: first by default, last backwards, cursors decoded, sizes 1..500', () => {
    expect(pageWindow({})).toEqual({ direction: 'FORWARD', size: 50, afterId: null, beforeId: null });
    expect(pageWindow({ first: 50, last: 3, before: encodeIdCursor(9) })).toEqual({ direction: 'BACKWARD', size: 3, afterId: null, beforeId: 9 });
    expect(pageWindow({ first: 2, after: encodeIdCursor(123) })).toMatchObject({ afterId: 123 });
    expect(() => pageWindow({ first: 0 })).toThrow(/first/);
    expect(() => pageWindow({ last: 501 })).toThrow(/last/);
    expect(() => pageWindow({ after: 'x' })).toThrow(/cursor/);
    expect(() => pageWindow({ after: Buffer.from('007').toString('base64') })).toThrow(/cursor/);
  });

  it('builds pages and their flags from the walked rows and the probe', () => {
    const row = (id: number, probe = false) => ({ id, probe, item: id });
    expect(pageOf({ direction: 'FORWARD', size: 2, afterId: 1, beforeId: null }, [row(2), row(3), row(4), row(1, true)]))
      .toEqual({ items: [2, 3], hasNextPage: true, hasPreviousPage: true });
    expect(pageOf({ direction: 'FORWARD', size: 2, afterId: null, beforeId: null }, [row(2), row(3)]))
      .toEqual({ items: [2, 3], hasNextPage: false, hasPreviousPage: false });
    expect(pageOf({ direction: 'BACKWARD', size: 2, afterId: null, beforeId: 9 }, [row(8), row(7), row(6), row(9, true)]))
      .toEqual({ items: [7, 8], hasNextPage: true, hasPreviousPage: true });
  });

  it('validates desil selections', () => {
    expect(desilSelection({})).toBeNull();
    expect(desilSelection({ desil: [3, 1, 3] })).toEqual({ kind: 'LIST', values: [1, 3] });
    expect(desilsOf(desilSelection({ desilMin: 8 }))).toEqual([8, 9, 10]);
    expect(() => desilSelection({ desil: [11] })).toThrow();
    expect(() => desilSelection({ desil: [] })).toThrow();
    expect(() => desilSelection({ desilMin: 6, desilMax: 5 })).toThrow();
    expect(yearOfLabel('2026-Q1')).toBe(2026);
  });

  it('derives necessary family-level conditions of every class from classify', () => {
    for (const rule of PROGRAMS) {
      for (const klass of TARGETING_CLASSES) {
        const pre = classPrecondition(rule, klass);
        for (let desil = 1; desil <= 10; desil += 1) {
          for (const groundChecked of [false, true]) {
            for (const recipient of [false, true]) {
              for (const criterion of [null, 'NEGATIVE_LIST_GAMBLING'] as const) {
                for (const inTargetGroup of [false, true]) {
                  if (classify(rule, { desil, groundChecked, recipient, criterion, inTargetGroup }).class !== klass) continue;
                  const allowed = pre.anyCheck.includes(desil) || (groundChecked ? pre.onlyChecked : pre.onlyUnchecked).includes(desil);
                  expect(allowed, `${rule.code} ${klass} desil ${desil}`).toBe(true);
                  if (pre.recipientsOnly) expect(recipient).toBe(true);
                }
              }
            }
          }
        }
      }
    }
    // PKH (desil 1-4): a pending ground check needs an unchecked recipient above the range.
    expect(classPrecondition(PROGRAMS[0]!, 'PENDING_GROUND_CHECK')).toEqual({ anyCheck: [], onlyUnchecked: [5, 6, 7, 8, 9, 10], onlyChecked: [], recipientsOnly: true });
    expect(classPrecondition(PROGRAMS[0]!, 'EXCLUSION_ERROR')).toMatchObject({ anyCheck: [1, 2, 3, 4], recipientsOnly: false });
  });
});
