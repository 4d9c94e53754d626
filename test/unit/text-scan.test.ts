/**
 * The text rules' one pass (rules/text-scan.ts) against plain oracles: the
 * doubled-word lines are those holding 2k letter runs, blanks only between,
 * whose halves are equal up to the case of ASCII and Vietnamese letters
 * (k = 1…4); marks (those text/spacing can flag), runs of spaces and
 * placeholders are what a global regex finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDoubles, foldsCase, scanText, textScan } from '../../language-server/src/core/rules/text-scan.ts';
import { caseForms, VIETNAMESE_LOWER } from '../../language-server/src/core/text/letters.ts';
import { normalizeText } from '../../language-server/src/core/text/normalize.ts';

/** The scan's letters (ASCII letters, U+00C0 up but ×, ÷, U+2000–2BFF, U+3000–303F, U+FEFF) as one class. */
const LETTERISH = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2c00-\\u2fff\\u3040-\\ufefe\\uff00-\\uffff';
const PIECE = new RegExp(`[${LETTERISH}]+|[ \\t]+|[^]`, 'g');
/** A word up to case: the letters with two case forms (caseForms), "k", "s" (and "ſ") in lower case. */
const folded = (w: string) => [...w].map((ch) => (ch === 'ſ' ? 's' : caseForms(ch) || /^[ks]$/iu.test(ch) ? ch.toLowerCase() : ch)).join('');

function doubledLines(text: string, upToCase = true): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    // Chains of words joined by blanks only.
    const chains: string[][] = [[]];
    for (const [p] of line.matchAll(PIECE)) {
      if (new RegExp(`^[${LETTERISH}]`).test(p)) chains[chains.length - 1].push(upToCase ? folded(p) : p);
      else if (!/^[ \t]/.test(p)) chains.push([]);
    }
    const has = chains.some((w) => {
      for (let k = 1; k <= 4; k++) for (let j = 0; j + 2 * k <= w.length; j++) if (w.slice(j, j + k).join(' ') === w.slice(j + k, j + 2 * k).join(' ')) return true;
      return false;
    });
    if (has) out.push(start);
    start += line.length + 1;
  }
  return out;
}

const positions = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m.index);

const PIECES = ['<!--', '<', '/', '!', '-', 'hành', 'Hành', 'HÀNH', 'hÀnh', 'vi', 'Vi', 'phạm', 'sự', 'Sự', 'ſự', 'kế', 'Kế', '\u212aế', 'Ǆ', 'ǆ', 'µ', 'μ', 'Ÿ', 'ÿ', 'a', 'b', 'ab', ' ', '  ', '   ', '\t', '\n', ',', '.', '....', ';', ':', '!', '?', '…', '□', '☐', '×', '–', '1', '𝐀', '\u3001', '\u00a0'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }).map((ps) => ps.join(''));

describe('the text rules\' one pass', () => {
  it('finds the lines with doubled words, the marks, the runs of spaces and the placeholders', () => {
    const s = scanText('Phát hành hành chính.\nA B A B  C\nkhông có\nx y z x y z; …');
    expect(s.doubles.map((l) => l.text)).toEqual(['Phát hành hành chính.', 'A B A B  C', 'x y z x y z; …']);
    // Marks with a space after and a letter before are not listed.
    expect(s.marks).toEqual([]);
    expect(scanText('a ,b.C d;e f, g.\t?x....').marks).toEqual([2, 4, 8, 17, 19, 20, 21]);
    expect(s.spaceRuns).toEqual([29]);
    expect(s.placeholders).toEqual([55]);
    // Words of 32 K letters and more (keyed by their length alone): doubled, or of lengths 65,536 apart.
    const long = 'ạ'.repeat(40_000);
    expect(scanText(`x ${long} ${long}.`).doubles.map((l) => l.start)).toEqual([0]);
    expect(scanText(`x ${long} ${long}b`).doubles).toEqual([]);
    expect(scanText(`aaa ${'a'.repeat(65_539)}\naaa ${'a'.repeat(3 + 65_536 * 2)}`).doubles).toEqual([]);
    fc.assert(
      fc.property(text, (t) => {
        const scan = scanText(t);
        expect(scan.doubles.map((l) => l.start)).toEqual(doubledLines(t));
        // The lines doubled case and all (the language service's), read again from those.
        expect(exactDoubles(t).map((l) => l.start)).toEqual(doubledLines(t, false));
        for (const l of scan.doubles) expect(t.slice(l.start, l.end)).toBe(l.text);
        expect(scan.marks).toEqual(positions(t, /(?<=[ \t])[,.;:!?]|[,.;:!?](?=[.A-\uffff])/g));
        expect(scan.spaceRuns).toEqual(positions(t, /(?<! ) {2}/g));
        expect(scan.placeholders).toEqual(positions(t, /[…□☐]/g));
        expect(scan.directiveMarkers).toBe(/<!--|\/\//.test(t));
        expect(scan.kelvin).toBe(t.includes('\u212a'));
      }),
      { numRuns: 3000 },
    );
  });

  it('lists a word twice in a row in another case, for every match of a case-insensitive pattern of the letters it folds', () => {
    expect(scanText('vi phạm Phạm tội\nĐỊNH định\nsự ſự\nkế \u212aế').doubles.map((l) => l.text)).toEqual(['vi phạm Phạm tội', 'ĐỊNH định', 'sự ſự']);
    expect(scanText('kế \u212aế').kelvin).toBe(true);
    expect(exactDoubles('vi phạm Phạm tội\nĐỊNH định ĐỊNH ĐỊNH\nsự ſự').map((l) => l.text)).toEqual(['ĐỊNH định ĐỊNH ĐỊNH']);
    let units = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units += String.fromCharCode(c);
    let checked = 0;
    for (const lower of [...'abcdefghijklmnopqrstuvwxyz', ...VIETNAMESE_LOWER]) {
      expect(foldsCase(lower), lower).toBe(true);
      for (const [form] of units.matchAll(new RegExp(lower, 'giu'))) {
        checked++;
        // The Kelvin sign (for "k") is no letter to the scan, which notes it instead.
        if (form === '\u212a') expect(scanText(`x${form}`).kelvin).toBe(true);
        else expect(scanText(`${lower}a ${form}a`).doubles, `${lower} ${form}`).toHaveLength(1);
      }
    }
    expect(checked).toBeGreaterThan(2 * (26 + VIETNAMESE_LOWER.length));
    // Letters it does not fold: a phrase count of such a word searches the whole text.
    for (const w of ['µ', 'ÿ', 'ǆ', 'x𝐀y', 'i\u0307', 'Hành']) expect(foldsCase(w), w).toBe(false);
  });

  it("gives a parse's scan once per source, and keeps no text scanned (no module memo of the last one)", () => {
    const source = normalizeText('Điều 1. Phát hành hành chính;  xong\nkhông có');
    const scan = textScan(source);
    expect(textScan(source)).toBe(scan);
    // The language service's question after a check reads the parse's scan (no second pass).
    expect(exactDoubles(source.text, scan).map((l) => l.text)).toEqual(['Điều 1. Phát hành hành chính;  xong']);
    // scanText of the same text is a pass of its own: equal, not kept from the parse.
    expect(scanText(source.text)).not.toBe(scan);
    expect(scanText(source.text)).toEqual(scan);
    // A parse of an equal text is read by its own check (the benchmark checks one text again and again).
    const second = textScan(normalizeText('Điều 1. Phát hành hành chính;  xong\nkhông có'));
    expect(second).not.toBe(scan);
    expect(second).toEqual(scan);
  });
});
