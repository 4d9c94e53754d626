import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../language-server/src/core/service.ts';
import {
  DIEM_LETTERS,
  checkSequence,
  intToLetter,
  intToOrdinal,
  isCanonicalRoman,
  letterToInt,
  ordinalToInt,
  parseNumber,
  renumberScope,
  romanToInt,
  romanToIntLenient,
  toRoman,
  type NumberStyle,
  type NumberedUnit,
} from '../../language-server/src/core/fixes/renumber.ts';

describe('Vietnamese điểm letters', () => {
  it('run a b c d đ e g h i k l m n o p q r s t u v x y', () => {
    expect(DIEM_LETTERS.join('')).toBe('abcdđeghiklmnopqrstuvxy');
  });
  it.each([
    ['a', 1],
    ['d', 4],
    ['đ', 5],
    ['e', 6],
    ['g', 7],
    ['k', 10],
    ['y', 23],
  ])('%s is letter %i', (l, n) => {
    expect(letterToInt(l)).toBe(n);
    expect(intToLetter(n)).toBe(l);
  });
  it.each(['f', 'j', 'w', 'z', 'A', 'ă', ''])('%s is not a điểm letter', (l) => {
    expect(letterToInt(l)).toBeUndefined();
  });
  it('has no letter past y', () => {
    expect(intToLetter(24)).toBeUndefined();
    expect(intToLetter(0)).toBeUndefined();
  });
});

describe('roman numerals', () => {
  it.each([
    [1, 'I'],
    [4, 'IV'],
    [9, 'IX'],
    [10, 'X'],
    [11, 'XI'],
    [12, 'XII'],
    [14, 'XIV'],
    [19, 'XIX'],
    [26, 'XXVI'],
    [40, 'XL'],
    [49, 'XLIX'],
    [90, 'XC'],
  ])('%i ↔ %s', (n, r) => {
    expect(toRoman(n)).toBe(r);
    expect(romanToInt(r)).toBe(n);
    expect(isCanonicalRoman(r)).toBe(true);
  });
  it.each([
    ['IIII', 4],
    ['VX', 5],
    ['XIIII', 14],
    ['IIX', 10],
  ])('%s is malformed (lenient value %i)', (r, n) => {
    expect(romanToInt(r)).toBeUndefined();
    expect(isCanonicalRoman(r)).toBe(false);
    expect(romanToIntLenient(r)).toBe(n);
  });
  it('round-trips 1..3999', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 3999 }), (n) => romanToInt(toRoman(n)) === n));
  });
});

describe('ordinals (Phần thứ …)', () => {
  it.each([
    ['thứ nhất', 1],
    ['thứ hai', 2],
    ['thứ tư', 4],
    ['THỨ BA', 3],
    ['thứ mười', 10],
    ['thứ mười một', 11],
    ['thứ mười lăm', 15],
  ])('%s = %i', (s, n) => {
    expect(ordinalToInt(s)).toBe(n);
  });
  it('writes them back, in capitals on request', () => {
    expect(intToOrdinal(1)).toBe('thứ nhất');
    expect(intToOrdinal(4)).toBe('thứ tư');
    expect(intToOrdinal(2, true)).toBe('THỨ HAI');
  });
});

describe('parseNumber', () => {
  it.each([
    ['5', 'arabic', { value: 5 }],
    ['05', 'arabic', { value: 5 }],
    ['5a', 'arabic', { value: 5, insert: 1 }],
    ['5b', 'arabic', { value: 5, insert: 2 }],
    ['đ', 'letter', { value: 5 }],
    ['a1', 'letter', { value: 1, insert: 1 }],
    ['f', 'letter', { value: 0, malformed: true }],
    ['XIV', 'roman', { value: 14 }],
    ['IIII', 'roman', { value: 4, malformed: true }],
  ] as const)('%s (%s)', (label, style, want) => {
    expect(parseNumber(label, style as NumberStyle)).toMatchObject(want);
  });

  // Plain digits and single letters are read without a regex (thousands per check): the result must be
  // exactly what the general patterns give, also for the forms next to them ("0", "05", "12345", "f", "ă", "A").
  const byPattern = (label: string, style: 'arabic' | 'letter') => {
    const m = style === 'arabic' ? /^0*(\d{1,4})([a-zđ])?$/u.exec(label) : /^([a-zđ])(\d{1,2})?$/u.exec(label);
    if (!m) return undefined;
    if (style === 'arabic') {
      const p: Record<string, unknown> = { style, value: Number(m[1]) };
      if (m[2]) {
        const ins = letterToInt(m[2]);
        p.insert = ins ?? 0;
        if (ins === undefined) p.malformed = true;
      }
      return p;
    }
    const v = letterToInt(m[1]);
    const p: Record<string, unknown> = v === undefined ? { style, value: 0, malformed: true } : { style, value: v };
    if (m[2]) p.insert = Number(m[2]);
    return p;
  };
  it('reads plain digits and single letters as the general patterns do', () => {
    const chars = fc.constantFrom('0', '1', '5', '9', 'a', 'f', 'đ', 'z', 'A', 'ă', ' ', '.', '٣');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 6 }).map((cs) => cs.join('')), fc.constantFrom('arabic' as const, 'letter' as const), (label, style) => {
        expect(JSON.stringify(parseNumber(label, style))).toBe(JSON.stringify(byPattern(label, style)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('checkSequence', () => {
  const problems = (labels: string[], style: NumberStyle, allowInserted = false) =>
    checkSequence(labels, { style, allowInserted }).map((f) => [f.index, f.problem, f.missing.join(',')]);
  it.each([
    ['consecutive', ['1', '2', '3'], 'arabic', []],
    ['one gap gives one finding', ['1', '2', '4', '5'], 'arabic', [[2, 'gap', '3']]],
    ['not starting at 1', ['2', '3'], 'arabic', [[0, 'gap', '1']]],
    ['duplicate', ['1', '2', '2', '3'], 'arabic', [[2, 'duplicate', '']]],
    ['backwards', ['1', '2', '3', '2'], 'arabic', [[3, 'order', '']]],
    ['đ between d and e', ['a', 'b', 'c', 'd', 'đ', 'e', 'g'], 'letter', []],
    ['e after d: đ missing', ['a', 'b', 'c', 'd', 'e'], 'letter', [[4, 'gap', 'đ']]],
    ['f is not a letter', ['a', 'b', 'c', 'd', 'đ', 'e', 'f'], 'letter', [[6, 'malformed', '']]],
    ['Latin alphabet', ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'letter', [[4, 'gap', 'đ'], [5, 'malformed', '']]],
    ['j, w, z are not letters', ['a', 'j'], 'letter', [[1, 'malformed', '']]],
    ['roman past X', ['IX', 'X', 'XI', 'XII', 'XIII', 'XIV'], 'roman', [[0, 'gap', 'I,II,III,IV,V,VI,VII,VIII']]],
    ['XIV after XII', ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIV'], 'roman', [[12, 'gap', 'XIII']]],
    ['IIII', ['I', 'II', 'III', 'IIII', 'V'], 'roman', [[3, 'malformed', '']]],
    ['inserted not allowed', ['1', '2', '2a', '3'], 'arabic', [[2, 'inserted', '']]],
  ] as const)('%s', (_n, labels, style, want) => {
    expect(problems([...labels], style as NumberStyle)).toEqual(want);
  });
  it('accepts inserted labels in place where allowed, and rejects misplaced ones', () => {
    expect(problems(['1', '2', '2a', '2b', '3'], 'arabic', true)).toEqual([]);
    expect(problems(['a', 'a1', 'a2', 'b'], 'letter', true)).toEqual([]);
    expect(problems(['1', '2', '2b', '3'], 'arabic', true)).toEqual([[2, 'inserted-order', '']]);
  });
});

describe('renumberScope', () => {
  const units = (labels: string[]): NumberedUnit[] => {
    // Text "L1|L2|…": each label's number range within it.
    let off = 0;
    return labels.map((number, i) => {
      const u = { id: `u_${i}`, number, numberRange: { start: off, end: off + number.length } };
      off += number.length + 1;
      return u;
    });
  };
  const text = (labels: string[]) => labels.join('|');

  it('renumbers the whole scope at once and maps old → new per node id', () => {
    const labels = ['1', '2', '4', '5', '7'];
    const r = renumberScope(units(labels), { style: 'arabic' });
    expect(r.labels).toEqual(['1', '2', '3', '4', '5']);
    expect(applyEdits(text(labels), r.edits)).toBe('1|2|3|4|5');
    expect([...r.mapping]).toEqual([
      ['u_2', { from: '4', to: '3' }],
      ['u_3', { from: '5', to: '4' }],
      ['u_4', { from: '7', to: '5' }],
    ]);
  });
  it('letters: đ after d, no f', () => {
    const labels = ['a', 'b', 'd', 'e', 'f'];
    const r = renumberScope(units(labels), { style: 'letter' });
    expect(applyEdits(text(labels), r.edits)).toBe('a|b|c|d|đ');
  });
  it('keeps inserted labels after the unit they follow when asked', () => {
    const labels = ['1', '3', '3a', '3b', '4'];
    const r = renumberScope(units(labels), { style: 'arabic', keepInserted: true });
    expect(r.labels).toEqual(['1', '2', '2a', '2b', '3']);
    const flat = renumberScope(units(labels), { style: 'arabic' });
    expect(flat.labels).toEqual(['1', '2', '3', '4', '5']);
  });
  it('roman past X, and a custom format (sub-khoản)', () => {
    const r = renumberScope(units(['IX', 'X', 'XII']), { style: 'roman', start: 9 });
    expect(r.labels).toEqual(['IX', 'X', 'XI']);
    const s = renumberScope(units(['2.1', '2.3']), { style: 'arabic', format: (n) => `2.${n}` });
    expect(s.labels).toEqual(['2.1', '2.2']);
  });
  it('gives no edits when a label would run past y', () => {
    const labels = Array.from({ length: 24 }, () => 'a');
    const r = renumberScope(units(labels), { style: 'letter' });
    expect(r.complete).toBe(false);
    expect(r.edits).toEqual([]);
  });

  it('property: the result checks clean and renumbering it again changes nothing', () => {
    const style = fc.constantFrom<NumberStyle>('arabic', 'letter', 'roman');
    const label = (s: NumberStyle) =>
      s === 'arabic'
        ? fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom('a', 'b')).map(([n, l]) => `${n}${l}`))
        : s === 'letter'
          ? fc.constantFrom(...DIEM_LETTERS, 'f', 'j', 'w', 'z', 'a1')
          : fc.constantFrom('I', 'II', 'III', 'IIII', 'IV', 'V', 'VX', 'IX', 'X', 'XI', 'XIV', 'XL');
    fc.assert(
      fc.property(
        style.chain((s) => fc.tuple(fc.constant(s), fc.array(label(s), { minLength: 1, maxLength: 20 }), fc.boolean())),
        ([s, labels, keep]) => {
          const r = renumberScope(units(labels), { style: s, keepInserted: keep });
          expect(r.complete).toBe(true);
          const fixed = applyEdits(text(labels), r.edits).split('|');
          expect(checkSequence(fixed, { style: s, allowInserted: keep })).toEqual([]);
          expect(renumberScope(units(fixed), { style: s, keepInserted: keep }).edits).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
