/**
 * caseForms (text/letters.ts) promises that a case-insensitive regex (flags iu)
 * matches a listed letter in exactly its two case forms, so a native search for
 * both finds every place such a regex can match it. Checked against every
 * UTF-16 unit. The phrase counter of text/repeated-word searches by these
 * letters; its counts (up to a limit) must be those of the global scan it replaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseForms, vietnameseCase, VIETNAMESE_LOWER } from '../../language-server/src/core/text/letters.ts';
import { PhraseCounter } from '../../language-server/src/core/rules/text.ts';
import { scanText } from '../../language-server/src/core/rules/text-scan.ts';

describe('letters with two case forms', () => {
  it('a case-insensitive regex matches each listed letter in its two forms only', () => {
    let units = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) units += String.fromCharCode(c);
    const listed = [...'abcdefghijlmnopqrtuvwxyz', ...VIETNAMESE_LOWER];
    for (const ch of listed) {
      const forms = caseForms(ch)!;
      expect(forms).toEqual([ch, ch.toUpperCase()]);
      expect(caseForms(ch.toUpperCase())).toEqual(forms);
      const found = [...units.matchAll(new RegExp(ch, 'giu'))].map((m) => m[0]);
      expect(found.sort(), ch).toEqual([...new Set(forms)].sort());
    }
    // "k" and "s" also match "K" (U+212A) and "ſ" (U+017F): not listed.
    expect(caseForms('k')).toBeUndefined();
    expect(caseForms('S')).toBeUndefined();
    expect(caseForms('1')).toBeUndefined();
  });
});

describe('text/repeated-word phrase counts', () => {
  const oracle = (text: string, words: string[]) => {
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words.map(esc).join('[ \\t]+')}(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
    return [...text.matchAll(re)].length;
  };
  const WORDS = ['x𝐀y', 'X𝐀Y', 'năm', 'Năm', 'NĂM', 'nĂm', 'trong', 'Trong', 'vi', 'VI', 'phạm', 'Phạm', 'tội', 'kế', 'KẾ', 'sổ', 'ſổ', 'đường', 'Đường', 'x'];
  const PIECES = [...WORDS, ' ', '  ', '\t', '\n', '5', ',', 'a', 'ă', 'ạ', '\u0301', '𝐀'];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((ps) => ps.join(''));
  const phrase = fc.array(fc.constantFrom('x𝐀y', 'năm', 'trong', 'vi', 'phạm', 'tội', 'kế', 'sổ', 'đường', 'x', 'a'), { minLength: 1, maxLength: 4 });

  const asks = (most: number) => fc.array(fc.tuple(phrase, fc.constantFrom(1, 2, Infinity)), { maxLength: most });
  /** Limited counts first, then the same phrases in full: a stopped count is resumed, not reused. */
  const countsAsOracle = (t: string, asked: [string[], number][]) => {
    const c = new PhraseCounter(t);
    for (const [words, limit] of asked) expect(c.count(words, limit)).toBe(Math.min(oracle(t, words), limit));
    for (const [words] of asked) expect(c.count(words)).toBe(oracle(t, words));
  };

  it('counts what the global case-insensitive scan counts', () => {
    const t = 'Năm trong năm  trong NĂM\ttrong; 5năm trong, năm trongx';
    const counter = new PhraseCounter(t);
    expect(counter.count(['năm', 'trong'], 2)).toBe(2);
    expect(counter.count(['năm', 'trong'])).toBe(3);
    expect(oracle(t, ['năm', 'trong'])).toBe(3);
    // An astral letter is two UTF-16 units of the word (the search walks back over units).
    const astral = new PhraseCounter('x𝐀y năm, X𝐀Y  NĂM');
    expect(astral.count(['x𝐀y', 'năm'])).toBe(2);
    fc.assert(fc.property(text, asks(5), countsAsOracle), { numRuns: 600 });
  });

  it('counts a phrase with a word twice in a row in the lines the text scan lists, the same as the global scan', () => {
    const doubled = fc.constantFrom('năm', 'trong', 'vi', 'phạm', 'kế', 'sổ', 'x𝐀y', 'a');
    const asked = fc.array(fc.tuple(fc.constantFrom('năm', 'vi', 'tội', 'x'), doubled, fc.constantFrom('trong', 'tội', 'x'), fc.constantFrom(1, 2, Infinity)), { maxLength: 4 });
    const pieces = [...PIECES, 'vi phạm phạm tội', 'Vi Phạm phạm tội', 'năm TRONG trong trong', 'kế Kế', 'kế \u212aế', 'sổ ſổ', 'năm\tnăm'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((ps) => ps.join(''));
    fc.assert(
      fc.property(texts, asked, (t, asks) => {
        const scan = scanText(t);
        const withScan = new PhraseCounter(t, scan);
        const plain = new PhraseCounter(t);
        for (const [p, x, n, limit] of asks) {
          const words = [p, x, x, n];
          expect(withScan.count(words, limit)).toBe(Math.min(oracle(t, words), limit));
          expect(withScan.count([x, x])).toBe(oracle(t, [x, x]));
          expect(plain.count(words, limit)).toBe(Math.min(oracle(t, words), limit));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('counts the same in long texts (the upper-case form is searched in growing windows)', () => {
    // An upper-case place at and around the windows' ends (4,096 units, then 8,192 more, from the search's start).
    for (const at of [4094, 4095, 4096, 4097, 12286, 12287, 12288, 12289, 12290]) {
      for (const lead of ['', 'năm ', 'năm '.repeat(3)]) {
        const filler = 'x'.repeat(Math.max(0, at - lead.length - 1));
        const t = `${lead}${filler} NĂM trong năm`;
        expect(new PhraseCounter(t).count(['năm'], 2), `${at} ${lead}`).toBe(Math.min(oracle(t, ['năm']), 2));
        expect(new PhraseCounter(t).count(['năm'])).toBe(oracle(t, ['năm']));
      }
    }
    // Fillers of thousands of units put the places of one phrase windows apart.
    const long = fc
      .array(fc.constantFrom(...PIECES, ' lorem ipsum '.repeat(400), ' dolor '.repeat(1500)), { maxLength: 40 })
      .map((ps) => ps.join(''));
    fc.assert(fc.property(long, asks(4), countsAsOracle), { numRuns: 300 });
  });
});

describe('vietnameseCase', () => {
  it('agrees with \\p{Ll} and \\p{Lu} on every UTF-16 unit it decides', () => {
    let decided = 0;
    for (let c = 0; c < 0x10000; c++) {
      const k = vietnameseCase(c);
      if (k < 0) continue;
      decided++;
      const ch = String.fromCharCode(c);
      expect([c, k], ch).toEqual([c, /\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : 0]);
    }
    // Latin-1's 64 letters and signs, U+1EA0–U+1EF9 and ă đ ĩ ũ ơ ư in both cases.
    expect(decided).toBe(64 + 90 + 12);
  });
});
