import { describe, expect, it } from 'vitest';
import { BoundedMemo, memoised, ownCopy } from '../../language-server/src/core/bounded-memo.ts';

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

  it('keeps and computes from a copy of the key, equal to it (a slice of a document would hold the document)', () => {
    const doc = 'Căn cứ Luật số 100/2015/QH13 và Nghị định số 15/2020/NĐ-CP; '.repeat(200);
    const at = doc.indexOf('100/');
    const key = doc.slice(at, at + 13);
    const seen: string[] = [];
    const memo = new BoundedMemo<string>(10);
    expect(memo.get(key, (k) => (seen.push(k), k.slice(4)))).toBe('100/2015/QH13'.slice(4));
    expect(seen).toEqual(['100/2015/QH13']);
    expect(memo.get('100/2015/QH13', (k) => (seen.push(k), ''))).toBe('2015/QH13');
    expect(seen.length).toBe(1);
    for (const s of ['', 'a', key, doc]) expect(ownCopy(s)).toBe(s);
  });
});
