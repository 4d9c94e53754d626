import { describe, expect, it } from 'vitest';
import { AttachedMemo } from '../../language-server/src/core/attached-memo.ts';
import { nodeIndex } from '../../language-server/src/core/syntax/node-index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

describe('a memo kept on the object it is about', () => {
  it('answers for the object it was set on, and for no copy of it', () => {
    const memo = new AttachedMemo<object, number>('t');
    const o = { a: 1 };
    expect(memo.get(o)).toBeUndefined();
    memo.set(o, 7);
    expect(memo.get(o)).toBe(7);
    expect(memo.has(o)).toBe(true);
    // A spread or Object.assign is another object: it asks afresh (the answer may be about fields it changed).
    expect(memo.get({ ...o })).toBeUndefined();
    expect(memo.get(Object.assign({}, o))).toBeUndefined();
    memo.set(o, 8);
    expect(memo.get(o)).toBe(8);
  });

  it('is invisible to JSON, Object.keys and deep equality', () => {
    const memo = new AttachedMemo<object, string>('t');
    const o = { a: 1, b: [2] };
    memo.set(o, 'x');
    expect(JSON.stringify(o)).toBe('{"a":1,"b":[2]}');
    expect(Object.keys(o)).toEqual(['a', 'b']);
    expect(o).toEqual({ a: 1, b: [2] });
  });

  it('keeps answers for objects that take no property (frozen, sealed) apart, per object', () => {
    const memo = new AttachedMemo<object, number>('t');
    const frozen = Object.freeze({ a: 1 });
    const sealed = Object.seal({ a: 1 });
    memo.set(frozen, 1);
    memo.set(sealed, 2);
    expect(memo.get(frozen)).toBe(1);
    expect(memo.get(sealed)).toBe(2);
    expect(memo.get(Object.freeze({ a: 1 }))).toBeUndefined();
  });

  it('two memos on one object do not see each other', () => {
    const a = new AttachedMemo<object, number>('same name');
    const b = new AttachedMemo<object, number>('same name');
    const o = {};
    a.set(o, 1);
    expect(b.get(o)).toBeUndefined();
  });

  it('a parse keeps its node index on its tree, and its JSON is unchanged by it', () => {
    const parse = parseDocument('Điều 1. Phạm vi\n1. Khoản một.\n2. Khoản hai.\nĐiều 2. Hiệu lực\n');
    const before = JSON.stringify(parse.tree);
    const index = nodeIndex(parse.tree);
    expect(nodeIndex(parse.tree)).toBe(index);
    expect(JSON.stringify(parse.tree)).toBe(before);
    expect(index.nodes[0]).toBe(parse.tree);
  });
});
