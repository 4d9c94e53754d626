import { describe, expect, it } from 'vitest';
import { classOf, isGenerated, readRanges, type Category } from '../../language-server/src/core/text/unicode-classes.ts';

// The explicit classes stand in for \p{…} in patterns (text/unicode-classes.ts). Every code point of each class
// the core uses is compared with the runtime's own \p{…}: when Node's Unicode version moves, this fails (run
// `node scripts/unicode-classes.mjs` to write the ranges again) instead of the patterns drifting silently.
const USED: Category[][] = [['L'], ['N'], ['M'], ['Lu'], ['Ll'], ['L', 'N'], ['L', 'M'], ['L', 'M', 'N'], ['N', 'Lu'], ['Lu', 'Ll'], ['L', 'Lu']];

describe('unicode classes', () => {
  it.each(USED.map((names) => [names.join(' ∪ '), names] as const))('%s matches the runtime’s \\p{…} on every code point', (_, names) => {
    const explicit = new RegExp(`^[${classOf(...names)}]$`, 'u');
    const property = new RegExp(`^[${names.map((n) => `\\p{${n}}`).join('')}]$`, 'u');
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const s = String.fromCodePoint(cp);
      if (explicit.test(s) !== property.test(s) && differ.push(cp.toString(16)) >= 20) break;
    }
    expect(differ).toEqual([]);
  });

  it.each(USED.map((names) => [names.join(' ∪ '), names] as const))('%s is one sorted list of disjoint, non-adjacent ranges', (_, names) => {
    let last = -2;
    for (const [from, to] of readRanges(classOf(...names))) {
      expect(from).toBeGreaterThan(last + 1);
      expect(to).toBeGreaterThanOrEqual(from);
      last = to;
    }
  });

  it('gives the same body for the same categories, in any order (a union not generated is merged once)', () => {
    expect(classOf('N', 'L')).toBe(classOf('L', 'N'));
    expect(isGenerated('L', 'N')).toBe(true);
    expect(isGenerated('M', 'Ll')).toBe(false);
    expect(classOf('Ll', 'M')).toBe(classOf('M', 'Ll'));
  });

  it.each([
    ['a', 'iu', true],
    ['Ư', 'iu', true],
    ['ữ', 'u', true],
    ['7', 'u', true],
    ['-', 'u', false],
    ['\u0301', 'u', false],
  ] as const)('a pattern with the L ∪ N class reads %s like \\p{L}\\p{N} (flags %s)', (s, flags, word) => {
    expect(new RegExp(`^[${classOf('L', 'N')}]$`, flags).test(s)).toBe(word);
    expect(new RegExp('^[\\p{L}\\p{N}]$', flags).test(s)).toBe(word);
  });
});
