import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, checkDocument, collectFixEdits, fixAll } from '../../language-server/src/core/service.ts';
import { normalizeText } from '../../language-server/src/core/text/normalize.ts';
import type { Diagnostic } from '../../language-server/src/core/diagnostics/diagnostic.ts';

const nfd = (s: string) => s.normalize('NFD');
const unicodeDiags = (text: string, lang: 'vi' | 'en' = 'vi'): Diagnostic[] =>
  checkDocument(text, { lang }).diagnostics.filter((d) => d.code === 'text/unicode');
const fixUnicode = (text: string) => applyEdits(text, collectFixEdits(unicodeDiags(text)));
/** Kinds that text/unicode reports; CR line ends and a leading BOM are not its business. */
const reportedEvents = (text: string) => normalizeText(text).events.filter((e) => e.kind !== 'cr' && e.kind !== 'bom');

interface FireCase {
  name: string;
  text: string;
  /** [start, end) of each expected diagnostic, in original offsets. */
  ranges: [number, number][];
  /** A fragment each message (vi) must contain, in order. */
  vi: string[];
  en: string[];
  fixed: string;
}

const fire: FireCase[] = [
  {
    name: 'one NFD word',
    text: 'Điều 1. ' + nfd('Quyết') + ' định',
    // 'Điều 1. ' is 8 units; NFD 'Quyết' = Q u y e ◌̂ ◌́ t: the cluster e+marks is [11, 14)
    ranges: [[11, 14]],
    vi: ['Chữ tổ hợp (NFD) ở “Quyết”'],
    en: ['Decomposed letters (NFD) in “Quyết”'],
    fixed: 'Điều 1. Quyết định',
  },
  {
    name: 'an NFD phrase is one run (letters and spaces between)',
    text: nfd('việc thực hiện') + ' xong',
    // v i e ◌̣ ◌̂ c ␠ t h u ◌̛ ◌̣ c ␠ h i e ◌̣ ◌̂ n: first cluster at 2, last ends at 19
    ranges: [[2, 19]],
    vi: ['“việc thực hiện”'],
    en: ['“việc thực hiện”'],
    fixed: 'việc thực hiện xong',
  },
  {
    name: 'punctuation splits NFD runs',
    text: nfd('Hà Nội, ngày'),
    // H a ◌̀ ␠ N o ◌̣ ◌̂ i , ␠ n g a ◌̀ y
    ranges: [[1, 8], [13, 15]],
    vi: ['“Hà Nội”', '“ngày”'],
    en: ['“Hà Nội”', '“ngày”'],
    fixed: 'Hà Nội, ngày',
  },
  {
    name: 'a line break splits NFD runs',
    text: nfd('Điều\nkhoản'),
    // Đ has no decomposition: Đ i e ◌̂ ◌̀ u ⏎ k h o a ◌̉ n
    ranges: [[2, 5], [10, 12]],
    vi: ['“Điều”', '“khoản”'],
    en: ['“Điều”', '“khoản”'],
    fixed: 'Điều\nkhoản',
  },
  {
    name: 'Ð (U+00D0) for Đ, each one separately',
    text: 'NÐ-CP và ÐÐ',
    ranges: [[1, 2], [9, 10], [10, 11]],
    vi: ['Ký tự “Ð” (U+00D0', '“Ð”', '“Ð”'],
    en: ['“Ð” (U+00D0, Eth) used for “Đ”', '“Đ”', '“Đ”'],
    fixed: 'NĐ-CP và ĐĐ',
  },
  {
    name: 'one NBSP',
    text: 'Điều\u00a05',
    ranges: [[4, 5]],
    vi: ['Dấu cách không ngắt (NBSP, U+00A0)'],
    en: ['Non-breaking space (U+00A0)'],
    fixed: 'Điều 5',
  },
  {
    name: 'an NBSP run is one diagnostic; separate NBSPs are two',
    text: 'a\u00a0\u00a0\u00a0b\u00a0c',
    ranges: [[1, 4], [5, 6]],
    vi: ['3 dấu cách không ngắt', 'Dấu cách không ngắt'],
    en: ['3 non-breaking spaces', 'Non-breaking space'],
    fixed: 'a   b c',
  },
  {
    name: 'zero-width characters, a run of two kinds',
    text: 'Số\u200b: 12\u200c\u2060/QĐ',
    ranges: [[2, 3], [7, 9]],
    vi: ['Ký tự vô hình (độ rộng 0, U+200B)', '2 ký tự vô hình (độ rộng 0, U+200C, U+2060)'],
    en: ['Zero-width character (U+200B)', '2 zero-width characters (U+200C, U+2060)'],
    fixed: 'Số: 12/QĐ',
  },
  {
    name: 'BOM inside the text is a zero-width character',
    text: 'a\ufeffb',
    ranges: [[1, 2]],
    vi: ['U+FEFF'],
    en: ['U+FEFF'],
    fixed: 'ab',
  },
  {
    name: 'kinds next to each other stay separate (NBSP between NFD words)',
    text: nfd('số') + '\u00a0' + nfd('Điều'),
    // s o ◌̂ ◌́ ⍽ Đ i e ◌̂ ◌̀ u
    ranges: [[1, 4], [4, 5], [7, 10]],
    vi: ['“số”', 'NBSP', '“Điều”'],
    en: ['“số”', 'Non-breaking', '“Điều”'],
    fixed: 'số Điều',
  },
  {
    name: 'CRLF text: offsets count the CR',
    text: 'dòng 1\r\nNÐ\r\n',
    ranges: [[9, 10]],
    vi: ['“Ð”'],
    en: ['“Ð”'],
    fixed: 'dòng 1\r\nNĐ\r\n',
  },
];

describe('text/unicode fires', () => {
  it.each(fire)('$name', (c) => {
    const ds = unicodeDiags(c.text);
    expect(ds.map((d) => [d.range.start, d.range.end])).toEqual(c.ranges);
    ds.forEach((d, k) => {
      expect(d.severity).toBe('warning');
      expect(d.message).toContain(c.vi[k]);
      expect(d.fix?.edits.length).toBeGreaterThan(0);
      // The range points into the original at the offending characters.
      expect(d.fix!.edits[0].range).toEqual(d.range);
      expect(c.text.slice(d.range.start, d.range.end)).toMatch(/[\u0300-\u036f\u00a0\u00d0\u200b-\u200d\u2060\ufeff]/);
    });
    const en = unicodeDiags(c.text, 'en');
    en.forEach((d, k) => expect(d.message).toContain(c.en[k]));
    expect(fixUnicode(c.text)).toBe(c.fixed);
    expect(unicodeDiags(c.fixed)).toEqual([]);
  });
});

describe('text/unicode stays quiet on clean text', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'Dieu 1. Pham vi dieu chinh\n'],
    ['composed Vietnamese', 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;'],
    ['proper Đ and đ', 'ĐẢNG CỘNG SẢN VIỆT NAM đã được'],
    ['CRLF line ends', 'Điều 1.\r\nĐiều 2.\r\n'],
    ['tabs and plain spaces', 'a\tb  c'],
    ['combining mark that NFC cannot compose', 'x\u0301'],
  ])('%s', (_name, text) => {
    expect(unicodeDiags(text)).toEqual([]);
  });
});

describe('text/unicode properties', () => {
  const pieces = [
    'Điều', ' ', '\n', '\r\n', ',', 'a', 'Quyết định', 'NĐ-CP', 'đ',
    nfd('Nghị định'), nfd('việc'), nfd('người'), nfd('Ư'), 'Ð', '\u00a0', '\u200b', '\u200d', '\u2060',
  ];
  const docs = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

  it('diagnostics are in order, inside the text, non-overlapping, and the fix removes every one', () => {
    fc.assert(
      fc.property(docs, (text) => {
        const ds = unicodeDiags(text);
        let prevEnd = 0;
        for (const d of ds) {
          expect(d.range.start).toBeGreaterThanOrEqual(prevEnd);
          expect(d.range.end).toBeGreaterThan(d.range.start);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
          prevEnd = d.range.end;
        }
        // Every normalisation event the rule cares about lies inside some diagnostic.
        for (const e of reportedEvents(text)) {
          expect(ds.some((d) => d.range.start <= e.start && e.end <= d.range.end)).toBe(true);
        }
        const fixed = fixUnicode(text);
        expect(unicodeDiags(fixed)).toEqual([]);
        expect(fixed).toBe(fixed.normalize('NFC'));
        expect(fixed.normalize('NFC')).toBe(
          text.normalize('NFC').replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\u00d0/g, 'Đ'),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('text/unicode on the corpus (../shared/corpus)', () => {
  const file = '../shared/corpus/real/24_TT-25-2026-TT-BKHCN_NFDmix.txt';
  const present = existsSync(file);
  if (!present) console.warn(`skipping corpus test: ${file} not found (the shared corpus lives beside the repo)`);
  it.skipIf(!present)('the mixed NFC/NFD Thông tư gets NFD findings and fixAll makes it clean', () => {
    const text = readFileSync(file, 'utf8');
    const ds = unicodeDiags(text);
    const nfdCount = ds.filter((d) => d.message.startsWith('Chữ tổ hợp (NFD)')).length;
    expect(nfdCount).toBeGreaterThan(10);
    for (const d of ds) expect(text.slice(d.range.start, d.range.end)).toMatch(/[\u0300-\u036f\u00a0\u00d0\u200b-\u200d\u2060\ufeff]/);
    const { text: fixed } = fixAll(text);
    expect(unicodeDiags(fixed)).toEqual([]);
    expect(fixed.replace(/\r\n/g, '\n')).toBe(text.normalize('NFC').replace(/\r\n/g, '\n').replace(/\u00a0/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\u00d0/g, 'Đ'));
  });
});
