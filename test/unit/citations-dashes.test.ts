/**
 * The citations' numbers are found from their slashes and dashes. The dashes U+2010–U+2015 cannot be searched
 * natively, so the normaliser, which scans the U+20xx block anyway, says whether a text has any
 * (SourceText.unicodeDashes); without them findNumbers searches "/", "-" and "−" alone. Both halves are
 * checked here: the flag is exactly "the text has such a dash", whatever else the normaliser rewrites around
 * it, and with the flag false findNumbers finds what the class scan finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../language-server/src/core/citations/tokenize.ts';
import { normalizeText } from '../../language-server/src/core/text/normalize.ts';

const HAS_DASH = /[\u2010-\u2015]/u;

/** Characters the normaliser rewrites or passes over, the U+20xx block's neighbours of the dashes, and plain text. */
const CHARS = [
  'a', 'Đ', ' ', '\n', '\r', '\r\n', '\u00a0', '\u00d0', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\ufeff',
  '\u0301', 'e\u0302\u0301', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2016', '\u2212', '\u201c', '\u201d',
  '\u2026', '\u2000', '\u20ac', '\u1ead', '/', '-', '5',
];
const anyText = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((cs) => cs.join(''));

/** Số ký hiệu and their neighbours, with every separator findNumbers knows of but the dashes U+2010–U+2015. */
const PIECES = [
  '15', '2020', '/', '-', '\u2212', 'NĐ', 'CP', 'QĐ', 'TTg', 'BNV', 'NQ', 'TW', 'QH13', 'a', 'số', 'Nghị định', '&', '.', ',', ' ', '  ', '\t', '\n', 'x', 'Đ',
];
const numberText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));

describe('unicode dashes', () => {
  it('the normaliser says whether the text has a dash U+2010–U+2015', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const source = normalizeText(text);
        expect(source.unicodeDashes).toBe(HAS_DASH.test(text));
        // The normalised text has the same dashes: normalisation never writes nor drops one.
        expect(HAS_DASH.test(source.text)).toBe(HAS_DASH.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('is known for a text with nothing to normalise too', () => {
    expect(normalizeText('Nghị định số 15/2020/NĐ-CP').unicodeDashes).toBe(false);
    expect(normalizeText('Nghị định số 15/2020/NĐ\u2013CP').unicodeDashes).toBe(true);
    expect(normalizeText('“Điều 1” – 15/2020/NĐ-CP\r\n').unicodeDashes).toBe(true);
    expect(normalizeText('“Điều 1” \u2212 15/2020/NĐ-CP\r\n').unicodeDashes).toBe(false);
  });

  it('findNumbers without those dashes finds what the class scan finds', () => {
    fc.assert(
      fc.property(numberText, (text) => {
        expect(findNumbers(text, false)).toEqual(findNumbers(text));
      }),
      { numRuns: 3000 },
    );
    const law = 'Nghị định số 15/2020/NĐ-CP, Quyết định 404-CP, Chỉ thị 27-NQ/TW, 45/2016/QĐ-\nTTg và 12\u22122020';
    expect(findNumbers(law, false).map((n) => n.raw)).toEqual(findNumbers(law).map((n) => n.raw));
    expect(findNumbers(law, false).length).toBeGreaterThanOrEqual(3);
  });
});
