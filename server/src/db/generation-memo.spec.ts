import { describe, expect, it } from 'vitest';
import { GenerationMemo } from './generation-memo.js';

/** A loader that records the keys it was asked for and answers `value:<key>@<tag>`. */
function loader(tag: () => string) {
  const calls: string[][] = [];
  const load = (missing: string[]) => {
    calls.push(missing);
    return Promise.resolve(missing.map((key) => `value:${key}@${tag()}`));
  };
  return { calls, load };
}

describe('GenerationMemo', () => {
  it('reads each key once per generation, only the missing keys, without repeats, in input order', async () => {
    let generation = '1';
    const memo = new GenerationMemo<string, string>(() => generation);
    const { calls, load } = loader(() => generation);
    expect(await memo.getMany(['a', 'b', 'a'], load)).toEqual(['value:a@1', 'value:b@1', 'value:a@1']);
    expect(await memo.getMany(['b', 'c'], load)).toEqual(['value:b@1', 'value:c@1']);
    expect(await memo.getMany(['c', 'a', 'b'], load)).toEqual(['value:c@1', 'value:a@1', 'value:b@1']);
    expect(calls).toEqual([['a', 'b'], ['c']]);

    generation = '2';
    expect(await memo.getMany(['a'], load)).toEqual(['value:a@2']);
    expect(calls.at(-1)).toEqual(['a']);
    expect(memo.get('b')).toBeUndefined();
  });

  it('remembers nothing while the generation is unknown', async () => {
    const memo = new GenerationMemo<string, string>(() => null);
    const { calls, load } = loader(() => 'x');
    await memo.getMany(['a'], load);
    await memo.getMany(['a'], load);
    expect(calls).toEqual([['a'], ['a']]);
    expect(memo.get('a')).toBeUndefined();
  });

  it('keeps nothing read while the generation moved, but answers with what it read', async () => {
    let generation = '1';
    const memo = new GenerationMemo<string, string>(() => generation);
    const { load } = loader(() => generation);
    await memo.getMany(['a'], load);
    const during = await memo.getMany(['a', 'b'], async (missing) => {
      generation = '2'; // a publication commits while the read runs
      return load(missing);
    });
    // 'a' was remembered in generation 1 and is answered from there; 'b' was read during the move.
    expect(during).toEqual(['value:a@1', 'value:b@2']);
    expect(memo.get('a')).toBeUndefined();
    expect(memo.get('b')).toBeUndefined();
    expect(await memo.getOne('b', async () => 'fresh')).toBe('fresh');
    expect(memo.get('b')).toBe('fresh');
  });

  it('remembers null values (an unknown region stays unknown until the generation moves)', async () => {
    const memo = new GenerationMemo<string, string | null>(() => 'g');
    let reads = 0;
    const load = (missing: string[]) => {
      reads += 1;
      return Promise.resolve(missing.map(() => null));
    };
    expect(await memo.getMany(['99'], load)).toEqual([null]);
    expect(await memo.getMany(['99'], load)).toEqual([null]);
    expect(reads).toBe(1);
  });

  it('starts again empty past its size limit', async () => {
    const memo = new GenerationMemo<number, number>(() => 'g', 3);
    const load = (missing: number[]) => Promise.resolve(missing.map((k) => k * 10));
    await memo.getMany([1, 2, 3], load);
    expect(memo.get(1)).toBe(10);
    await memo.getMany([4], load);
    expect(memo.get(1)).toBeUndefined();
    expect(memo.get(4)).toBe(40);
  });
});
