/**
 * The type words a citation reading asks about (citations/tokenize.ts TypeWordReader) are those of
 * TYPE_RE's scan of the whole text (findTypeWords, the reference): the reader takes the scan up only
 * where it is asked, from the last character no type word can span, so a type word that starts inside
 * a word still hides the ones it overlaps ("xThông báo kết luận": no "Kết luận"), and the letter trie of
 * TYPE_RE must give the same matches as an alternation of the type words sorted longest first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casedText } from '../helpers/cased-text.ts';
import { TYPE_WORDS } from '../../language-server/src/core/citations/codes.ts';
import { findTypeWords, GAP, TYPE_RE, TypeWordReader, type TypeToken } from '../../language-server/src/core/citations/tokenize.ts';

/** Type words cut into words and cased at random, with the words around them, blanks, digits and stops. */
const PIECES = [
  'Nghị', 'quyết', 'định', 'Quyết', 'Quy', 'chế', 'Thông', 'tư', 'báo', 'kết', 'luận', 'Bộ', 'luật', 'Luật', 'Hiến', 'pháp', 'Pháp', 'lệnh',
  'Sắc', 'Công', 'văn', 'điện', 'bản', 'hợp', 'nhất', 'Kế', 'hoạch', 'liên', 'tịch', 'Chương', 'trình', 'Tờ', 'Đề', 'án', 'Hướng', 'dẫn', 'Chỉ', 'thị',
  'số', 'Số', ':', ',', '.', '(', 'x', '5', '15/2020/NĐ-CP', 'ſắc', 'K\u212Aế', '𝐀', '“',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', ' \n ', '\t', '', '\n\n'];
const text = casedText(PIECES, SEPARATORS, 40);

/** Outside what a type word or the words before its number can hold (the reader's window starts after it). */
const outOfReach = (c: number) => c < 0x80 && !/[A-Za-z \t\n:]/u.test(String.fromCharCode(c));

function lastEndingBy(types: TypeToken[], at: number): TypeToken | undefined {
  let best: TypeToken | undefined;
  for (const t of types) if (t.end <= at) best = t;
  return best;
}

describe('type words read where a citation asks', () => {
  it('a type word starting inside a word hides those it overlaps, as in the whole scan', () => {
    const t = 'xThông báo kết luận; Kết luận';
    expect(findTypeWords(t).map((w) => w.word)).toEqual(['Kết luận']);
    const r = new TypeWordReader(t);
    expect(r.typeAt(t.indexOf('kết'))).toBeUndefined();
    expect(r.typeAt(t.indexOf('Kết'))?.word).toBe('Kết luận');
  });

  it('the type word before a number is found across "số:" and a line break', () => {
    const t = 'căn cứ Nghị định\nsố: 15/2020/NĐ-CP';
    expect(new TypeWordReader(t).typeEndingBy(t.indexOf('15'))).toMatchObject({ word: 'Nghị định', start: 7 });
  });

  it('answers as findTypeWords over the whole text, asked in text order', () => {
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 30 }), (t, asks) => {
        const all = findTypeWords(t);
        const reader = new TypeWordReader(t);
        for (const [n, ending] of asks.map(([n, e]) => [n % (t.length + 1), e] as const).sort((a, b) => a[0] - b[0])) {
          if (!ending) {
            expect(reader.typeAt(n)).toEqual(all.find((w) => w.start === n));
            continue;
          }
          const want = lastEndingBy(all, n);
          const got = reader.typeEndingBy(n);
          // Before the window (a character out of reach lies between): not found, as no citation reads it.
          if (got === undefined && want) expect([...t.slice(want.end, n)].some((ch) => outOfReach(ch.charCodeAt(0)))).toBe(true);
          else expect(got).toEqual(want);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('the letter trie of TYPE_RE matches as the type words sorted longest first', () => {
    const alternation = [...TYPE_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /gu, GAP)).join('|');
    const reference = new RegExp(`(?:${alternation})(?![\\p{L}\\p{N}])`, 'giu');
    const matches = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m.index, m[0]]);
    fc.assert(
      fc.property(text, (t) => {
        expect(matches(TYPE_RE, t)).toEqual(matches(reference, t));
      }),
      { numRuns: 3000 },
    );
  });
});
