import { describe, expect, it } from 'vitest';
import { objectList, objectSlots } from '../../language-server/src/core/object-lists.ts';

describe('object-lists: lists born of objects behave as [] and new Array(n)', () => {
  it('objectList is an empty list that takes pushes', () => {
    const xs = objectList<{ k: number }>();
    expect(xs).toEqual([]);
    xs.push({ k: 1 }, { k: 2 });
    expect(xs.map((x) => x.k)).toEqual([1, 2]);
  });

  it.each([0, 1, 2, 7, 64])('objectSlots(%i) has that many holes and nothing else', (n) => {
    const xs = objectSlots<object>(n);
    expect(xs.length).toBe(n);
    for (let i = 0; i < n; i++) expect(i in xs).toBe(false);
    expect(Object.keys(xs)).toEqual([]);
  });
});
