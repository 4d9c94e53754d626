import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyLineStart, classifyLineStartIn, RE, type LabelCache, type LineStart } from '../../language-server/src/core/syntax/patterns.ts';

/** What classifyLineStart answered when it ran RE.khoan / RE.diem (before they were read by hand). */
function byPattern(line: string): LineStart | undefined {
  const m = (/^[0-9]/u.test(line) ? RE.khoan : RE.diem).exec(line);
  if (!m) return undefined;
  const kind = /^[0-9]/u.test(line) ? 'khoan' : 'diem';
  return { kind, number: m[1], labelEnd: m[0].trimEnd().length, numberStart: 0, numberEnd: m[1].length };
}

describe('khoản and điểm labels read by hand are the patterns', () => {
  const alphabet = fc.constantFrom('1', '2', '0', '9', 'a', 'b', 'đ', 'z', 'A', 'Đ', '.', ')', '[', ']', ' ', '\t', '\u00a0', '\u2028', '\u3000', 'x', '(', '-');
  const line = (first: fc.Arbitrary<string>) =>
    fc.tuple(first, fc.array(alphabet, { maxLength: 12 })).map(([f, rest]) => f + rest.join(''));

  it('a line opening with a digit: khoản (sub-numbering aside)', () => {
    fc.assert(
      fc.property(line(fc.constantFrom('1', '3', '9', '0')), (l) => {
        if (RE.subKhoan.test(l)) return;
        expect(classifyLineStart(l)).toEqual(byPattern(l));
      }),
      { numRuns: 4000 },
    );
  });

  it('a line opening with a lower-case letter: điểm', () => {
    fc.assert(
      fc.property(line(fc.constantFrom('a', 'b', 'đ', 'z', 'g')), (l) => {
        expect(classifyLineStart(l)).toEqual(byPattern(l));
      }),
      { numRuns: 4000 },
    );
  });

  it.each([
    ['1. Phạm vi', { kind: 'khoan', number: '1', labelEnd: 2 }],
    ['12a.[4] Tranh chấp', { kind: 'khoan', number: '12a', labelEnd: 4 }],
    ['3 . Lệ phí', { kind: 'khoan', number: '3', labelEnd: 3 }],
    ['2015. Năm', undefined],
    ['1.5triệu', undefined],
    ['đ) Điểm đ', { kind: 'diem', number: 'đ', labelEnd: 2 }],
    ['g12) chèn', { kind: 'diem', number: 'g12', labelEnd: 4 }],
    ['b)[6] Trúng thưởng', { kind: 'diem', number: 'b', labelEnd: 2 }],
    ['a)9[9] Ban hành', { kind: 'diem', number: 'a', labelEnd: 2 }],
    ['a)b', undefined],
    ['g123) x', undefined],
  ])('%s', (l, want) => {
    const got = classifyLineStart(l);
    expect(got && { kind: got.kind, number: got.number, labelEnd: got.labelEnd }).toEqual(want);
  });
});

describe('a line read in place (classifyLineStartIn) is the line sliced', () => {
  // Text around the line that would change the answer if it were read: a dot, a digit, a blank, a ")" or a
  // footnote mark right after the line's end; anything before its start.
  const piece = fc.constantFrom('1', '12', '1.2', 'a', 'đ', 'g1', '.', ')', ' ', '\t', '\n', '[3]', 'Điều 5', 'Chương II', 'Căn cứ', 'KT. BỘ', '“', '|', '- ', 'IV.', 'x', 'A');
  const text = fc.array(piece, { maxLength: 10 }).map((xs) => xs.join(''));
  it('at every span of a text (property)', () => {
    fc.assert(
      fc.property(text, text, text, (before, line, after) => {
        const t = before + line + after;
        expect(classifyLineStartIn(t, before.length, before.length + line.length)).toEqual(classifyLineStart(line));
      }),
      { numRuns: 4000 },
    );
  });

  it('with a label cache: the same answers, one object per khoản or điểm label (property)', () => {
    const labels: LabelCache = new Map();
    const seen = new Map<string, LineStart>();
    fc.assert(
      fc.property(text, text, (line, after) => {
        const t = line + after;
        const got = classifyLineStartIn(t, 0, line.length, labels);
        expect(got).toEqual(classifyLineStart(line));
        // Only labels at the line's start go through the cache: a label behind a portal's footnote mark
        // ("[3]12. …", numberStart 3) is read by its pattern, a new object each time.
        if ((got?.kind !== 'khoan' && got?.kind !== 'diem') || got.numberStart !== 0) return;
        const key = JSON.stringify(got);
        expect(got).toBe(seen.get(key) ?? got);
        seen.set(key, got);
      }),
      { numRuns: 4000 },
    );
    expect(seen.size).toBe(labels.size);
  });
});

describe('"Điều n." read by hand is RE.dieu', () => {
  /** What classifyLineStart answered when it ran RE.dieu. */
  function byPattern(line: string): LineStart | undefined {
    const m = RE.dieu.exec(line);
    if (!m) return undefined;
    const r: LineStart = { kind: 'dieu', number: m[1], labelEnd: m[0].trimEnd().length, numberStart: line.indexOf(m[1], 4), numberEnd: line.indexOf(m[1], 4) + m[1].length };
    if (!m[2]) r.weak = true;
    return r;
  }
  const piece = fc.constantFrom('1', '2', '9', '0', 'a', 'đ', 'z', 'A', 'Đ', 'Ấ', 'ấ', 'Ω', '𝐀', '.', ':', ' ', '\t', '\n', '\u00a0', '\u3000', 'x', ')', 'Tội');
  it('on lines opening with "Điều" (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), fc.constantFrom('Điều', 'Điều ', 'Điều 12', 'Điều  5a', 'Điều\n74', 'Đ', 'Điề'), (rest, head) => {
        const l = head + rest.join('');
        expect(classifyLineStart(l)).toEqual(byPattern(l));
      }),
      { numRuns: 6000 },
    );
  });
});
