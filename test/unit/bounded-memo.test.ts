import { describe, expect, it } from 'vitest';
import { BoundedMemo, memoised } from '../../language-server/src/core/bounded-memo.ts';

describe('BoundedMemo', () => {
  it('computes an answer once per key, undefined included', () => {
    const memo = new BoundedMemo<number | undefined>(10);
    let calls = 0;
    const f = (k: string) => (calls++, k === 'none' ? undefined : k.length);
    expect([memo.get('abc', f), memo.get('abc', f), memo.get('none', f), memo.get('none', f)]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toBe(2);
  });

  it('is emptied when full, and answers stay right after', () => {
    let calls = 0;
    const twice = memoised((k) => (calls++, k + k), 3);
    for (const k of ['a', 'b', 'c']) twice(k);
    expect(calls).toBe(3);
    expect(twice('d')).toBe('dd'); // the fourth answer empties the memo first
    expect(calls).toBe(4);
    expect(twice('a')).toBe('aa'); // forgotten: computed again
    expect(calls).toBe(5);
    expect(twice('d')).toBe('dd'); // kept
    expect(calls).toBe(5);
  });
});
