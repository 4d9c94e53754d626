import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '../../language-server/src/core/text/normalize.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';

const NFD = (s: string) => s.normalize('NFD');

describe('normalizeText', () => {
  const cases: { name: string; input: string; text: string; kinds: string[]; origStart?: number }[] = [
    { name: 'clean text is untouched', input: 'Điều 1. Phạm vi', text: 'Điều 1. Phạm vi', kinds: [] },
    { name: 'CRLF becomes LF', input: 'a\r\nb\r\n', text: 'a\nb\n', kinds: ['cr', 'cr'] },
    { name: 'lone CR becomes LF', input: 'a\rb', text: 'a\nb', kinds: ['cr'] },
    { name: 'NBSP becomes a space', input: 'Số:\u00a0971', text: 'Số: 971', kinds: ['nbsp'] },
    { name: 'Ð (U+00D0) becomes Đ', input: '\u00d0iều 1', text: 'Điều 1', kinds: ['eth'] },
    { name: 'zero-width characters disappear', input: 'Điều\u200b 1\u200d', text: 'Điều 1', kinds: ['zero-width', 'zero-width'] },
    // The first character of the text is after the BOM in the original.
    { name: 'a BOM disappears', input: '\ufeffQUYẾT ĐỊNH', text: 'QUYẾT ĐỊNH', kinds: ['bom'], origStart: 1 },
    { name: 'decomposed letters are composed', input: NFD('Nghị định'), text: 'Nghị định', kinds: ['nfd', 'nfd'] },
    { name: 'mixed NFC and NFD', input: 'vụ ' + NFD('chức') + ' việc', text: 'vụ chức việc', kinds: ['nfd'] },
    { name: 'stacked marks (ấ)', input: 'a\u0302\u0301', text: 'ấ', kinds: ['nfd'] },
  ];
  it.each(cases)('$name', ({ input, text, kinds, origStart }) => {
    const src = normalizeText(input);
    expect(src.text).toBe(text);
    expect(src.events.map((e) => e.kind)).toEqual(kinds);
    expect(src.toOriginal(0)).toBe(origStart ?? 0);
    expect(src.toOriginal(src.text.length)).toBe(input.length);
  });

  it('maps each normalised word back to the same word in the original', () => {
    const input = 'Căn\u00a0cứ ' + NFD('Nghị định') + ' số\r\n63/2022/N\u00d0-CP\u200b;';
    const src = normalizeText(input);
    for (const word of ['Căn', 'cứ', 'Nghị', 'định', 'số', '63/2022/NĐ-CP', ';']) {
      const at = src.text.indexOf(word);
      const s = src.toOriginal(at);
      const e = src.toOriginal(at + word.length);
      const back = input.slice(s, e).normalize('NFC').replace('\u00d0', 'Đ').replace(/\u200b/gu, '');
      expect(back).toBe(word);
    }
  });

  it('offsets in the original map to the same place and back', () => {
    const input = NFD('Quyết định') + '\r\nĐiều 1.';
    const src = normalizeText(input);
    const at = src.text.indexOf('Điều');
    expect(src.toNormalized(src.toOriginal(at))).toBe(at);
  });

  // Property: for any mix of letters, combining marks, CR/LF, NBSP and Ð the
  // normalised text is what a straightforward whole-string normalisation
  // gives, and the offset map is monotone and covers the whole original.
  const alphabet = fc.constantFrom('a', 'e', 'o', 'u', 'y', 'Đ', 'ư', ' ', '\n', '\r', '\r\n', '\u00a0', '\u00d0', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0302', '\u0306', '.', '1');
  it('agrees with a whole-string normalisation and maps monotonically (property)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((xs) => xs.join('')), (input) => {
        const src = normalizeText(input);
        const expected = input.replace(/\r\n?/gu, '\n').replace(/\u00a0/gu, ' ').replace(/\u00d0/gu, 'Đ').normalize('NFC');
        expect(src.text).toBe(expected);
        let prev = 0;
        for (let i = 0; i <= src.text.length; i++) {
          const o = src.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(input.length);
          prev = o;
        }
        expect(src.toOriginal(src.text.length)).toBe(input.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeText: the zero-width search', () => {
  // The search for U+200B–U+200D starts at the first character of U+2000–U+203F (a cheaper scan): with any mix of
  // those, their neighbours (U+200A, U+200E, U+2040) and the other removed characters, every one is found.
  const alphabet = fc.constantFrom('a', 'ư', ' ', '\n', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u2000', '\u200a', '\u200e', '\u2013', '\u201c', '\u203f', '\u2040', '\u1ffb');
  it('removes exactly the zero-width characters, wherever the General Punctuation ones stand (property)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join('')), (input) => {
        const src = normalizeText(input);
        expect(src.text).toBe(input.replace(/[\u200b-\u200d\u2060\ufeff]/gu, ''));
        const at = [...input.matchAll(/[\u200b-\u200d\u2060\ufeff]/gu)].map((m) => m.index);
        expect(src.events.map((e) => e.start)).toEqual(at);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeText: the combining-mark and U+20xx scan', () => {
  // The scan reads runs of characters outside U+0300–U+036F and U+2000–U+20FF and stops at each one inside: with marks,
  // the zero-width characters, dashes U+2010–U+2015 and their neighbours, at the start, the end and side by side, the
  // text is the normalisation of the pieces between the zero-width characters and `unicodeDashes` says whether a dash is in the text.
  const alphabet = fc.constantFrom('a', 'ư', ' ', '\n', '\u0300', '\u0301', '\u036f', '\u0370', '\u02ff', '\u200b', '\u200d', '\u200e', '\u2010', '\u2015', '\u2016', '\u200f', '\u201c', '\u20ff', '\u2100', '\u1fff');
  it('finds every mark and zero-width character and tells the dashes (property)', () => {
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((xs) => xs.join('')), (input) => {
        const src = normalizeText(input);
        // A mark right after a removed character composes alone (there is no base left to take).
        expect(src.text).toBe(input.split(/[\u200b-\u200d]/u).map((s) => s.normalize('NFC')).join(''));
        expect(src.unicodeDashes).toBe(/[\u2010-\u2015]/u.test(input));
      }),
      { numRuns: 1000 },
    );
  });

  // The scan reads two units a step and stops before a pair holding a stop: the stop is then the pair's first or
  // its second unit. Each stop after runs of every length up to 9 (even and odd, from the text's start and from
  // the stop before), before and after a dash, and a text ending one unit after the last pair.
  const stopsAfterRuns: [string, string][] = [];
  for (let run = 0; run <= 9; run++) {
    const plain = 'ưa'.repeat(5).slice(0, run);
    for (const stop of ['\u0301', '\u200b', '\u200e', '\u2013']) {
      stopsAfterRuns.push([`${JSON.stringify(stop)} after ${run}`, `${plain}${stop}${plain}\u0300${plain}`]);
      stopsAfterRuns.push([`${JSON.stringify(stop)} after ${run}, a dash before`, `–${plain}${stop}x${plain}\u200d${plain}`]);
    }
  }
  it.each(stopsAfterRuns)('finds the stop %s', (_, input) => {
    const src = normalizeText(input);
    expect(src.text).toBe(input.split(/[\u200b-\u200d]/u).map((s) => s.normalize('NFC')).join(''));
    expect(src.events.map((e) => e.start)).toEqual(
      [...input.matchAll(/[\u200b-\u200d]|.[\u0300-\u036f]/gsu)].filter((m) => m[0].length === 1 || m[0].normalize('NFC') !== m[0]).map((m) => m.index),
    );
    expect(src.unicodeDashes).toBe(/[\u2010-\u2015]/u.test(input));
  });
});

describe('createLineIndex', () => {
  const cases = [
    { text: 'ab\ncd', offset: 4, line: 1, character: 1 },
    { text: 'ab\r\ncd', offset: 5, line: 1, character: 1 },
    { text: 'ab\rcd', offset: 3, line: 1, character: 0 },
    { text: 'Điều 1.\nkhoản', offset: 8, line: 1, character: 0 },
    { text: '𝐀x\ny', offset: 2, line: 0, character: 2 },
  ];
  it.each(cases)('$text @ $offset → $line:$character', ({ text, offset, line, character }) => {
    const idx = createLineIndex(text);
    expect(idx.positionAt(offset)).toEqual({ line, character });
    expect(idx.offsetAt({ line, character })).toBe(offset);
  });
  it('clamps positions past the end of a line to the line end', () => {
    const idx = createLineIndex('ab\r\ncd');
    expect(idx.offsetAt({ line: 0, character: 99 })).toBe(2);
    expect(idx.offsetAt({ line: 9, character: 0 })).toBe(6);
  });
});
