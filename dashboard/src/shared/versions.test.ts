import { describe, expect, it } from 'vitest';
import { resolveVersions } from './versions';

const versions = [
  { id: 3, label: '2025-Q3', status: 'PUBLISHED' },
  { id: 1, label: '2025-Q1', status: 'PUBLISHED' },
  { id: 4, label: '2025-Q4', status: 'DRAFT' },
  { id: 2, label: '2025-Q2', status: 'PUBLISHED' },
];

describe('resolveVersions', () => {
  it('defaults to the latest published version and its predecessor, ignoring drafts', () => {
    const resolved = resolveVersions(versions, null);
    expect(resolved.published.map((v) => v.id)).toEqual([1, 2, 3]);
    expect(resolved.current?.id).toBe(3);
    expect(resolved.previous?.id).toBe(2);
    expect(resolved.latest?.id).toBe(3);
  });

  it('takes a selected published version; the first has no previous', () => {
    expect(resolveVersions(versions, 2).previous?.id).toBe(1);
    const first = resolveVersions(versions, 1);
    expect(first.current?.id).toBe(1);
    expect(first.previous).toBeNull();
  });

  it('falls back to the latest for a draft or unknown id, and to null when nothing is published', () => {
    expect(resolveVersions(versions, 4).current?.id).toBe(3);
    expect(resolveVersions(versions, 99).current?.id).toBe(3);
    expect(resolveVersions([{ id: 1, label: 'x', status: 'DRAFT' }], null)).toEqual({
      published: [],
      current: null,
      previous: null,
      latest: null,
    });
  });
});
