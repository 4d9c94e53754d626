/**
 * The laws' type words written with a capital ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp") are the only type
 * words a citation is read from without a number. capitalLawTypes (citations/find.ts) asks the type-word
 * reader only where the text can hold one — its words whole, blanks between them, no letter or digit before —
 * and compares letters as code units in either case. That must leave exactly findTypeWords' capital law
 * words; for findCitationsInText it also leaves out those fromLaw reads nothing from ("Bộ luật này"), and must
 * leave out no other. Checked here over texts made to sit on every edge of those conditions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { casedText } from '../helpers/cased-text.ts';
import { capitalLawTypes, fromLaw, noLawAfter } from '../../language-server/src/core/citations/find.ts';
import { findTypeWords, TypeWordReader } from '../../language-server/src/core/citations/tokenize.ts';
import { LAW_TYPES } from '../../language-server/src/core/registry/laws.ts';

const lawWords = (text: string) => findTypeWords(text).filter((t) => t.capital && LAW_TYPES.has(t.word));
const readLaws = (text: string, readable = false) => capitalLawTypes(text, new TypeWordReader(text), [], [], readable);

const PIECES = [
  'Luật', 'Bộ', 'luật', 'Pháp', 'lệnh', 'Hiến', 'pháp', 'nhân', 'trưởng', 'Lu', 'Ph', 'Hi', 'ật', 'áp', 'ến', 'Sắc', 'Nghị', 'định', 'Thông', 'tư',
  'x', '5', '.', ',', '(', '“', 'ſ', '\u212a', 'Đất', 'đai', 'này', 'và', 'sửa', 'đổi', 'ban', 'hành', 'Nhà', 'Các', '2015', 'số', 'ngày',
  // Names in small letters, and what can pin one: a number, a date (its "." and "/" after the day), a year, an issuer.
  'hình', 'sự', 'xây', 'dựng', 'nàyx', 'này-x', 'này5', ';', '1.', '12.9.2022', '12/9/1890', '12/QH', 'năm 1999', 'của', 'Quốc hội',
  'Bộ KH&CN', 'khóa 12', '-', ':', ')', '&', 'tháng', '12', '9', '/', ' . ', '20', '15', 'SỐ', 'số 12/QH',
];
const SEPARATORS = [' ', '', '', '  ', '\n', ' \n ', '\t', '\n\n', ' \n\n', '\u00a0'];
const text = casedText(PIECES, SEPARATORS, 30);

describe('capital law type words', () => {
  it('are findTypeWords’ capital law words', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(readLaws(t)).toEqual(lawWords(t));
      }),
      { numRuns: 4000 },
    );
  });

  it('read by findCitationsInText: all but those fromLaw reads nothing from', () => {
    fc.assert(
      fc.property(text, (t) => {
        const all = lawWords(t);
        const kept = readLaws(t, true);
        expect(kept).toEqual(all.filter((w) => !noLawAfter(t, w.word, w.end)));
        for (const w of all) if (noLawAfter(t, w.word, w.end)) expect(fromLaw(t, w), t).toBeUndefined();
      }),
      { numRuns: 4000 },
    );
    expect(readLaws('theo Bộ luật này, Luật và Luật Đất đai, Luật 2015, Hiến pháp.', true).map((w) => w.word)).toEqual(['Luật', 'Hiến pháp']);
    // A name in small letters is read only when a number, a date or a year can pin it before a "." or ";".
    const unpinned = (t: string) => { const [w] = lawWords(t); return noLawAfter(t, w.word, w.end); };
    const free = ['Bộ luật hình sự quy định.', 'Luật xây dựng; Điều 5 năm 2015', 'Luật xây dựng', 'Bộ luật này-', 'Bộ luật nàyx', 'Luật xây dựng, Điều 5', 'Luật xây dựng 12. Năm 2015'];
    for (const t of free) expect(unpinned(t), t).toBe(true);
    const pinned = ['Luật xây dựng năm 2014', 'Luật xây dựng ngày 12.9.2022', 'Luật xây dựng ngày 12 . \n 9 / 2022', 'Luật xây dựng số 50/2014/QH13', 'Bộ luật nàyx năm 2015', 'Luật xây dựng số 50/QH13', 'Luật xây dựng SỐ 5-CP'];
    for (const t of pinned) {
      expect(unpinned(t), t).toBe(false);
    }
    // Small words a name may start with are asked: fromLaw reads these.
    for (const t of ['Luật sửa đổi, bổ sung một số điều của Luật Đất đai', 'Luật ban hành văn bản quy phạm pháp luật ngày 22/6/2015']) {
      const [first] = readLaws(t, true);
      expect(first?.start, t).toBe(0);
      expect(fromLaw(t, first), t).toBeDefined();
    }
  });

  it('on the edges: blanks, line breaks, case, a letter or digit before', () => {
    const cases = [
      'Bộ luật này', 'Bộ\nluật', 'Bộ \n luật', 'Bộ\n\nluật', 'Bộ  LUẬT', 'BỘ luật', 'xBộ luật', '5Luật', '(Luật Đất đai)', 'LuẬT',
      'Pháp lệnh', 'Pháp nhân', 'PhÁp Lệnh', 'Hiến pháp', 'Hiến\tPháp', 'Hiến phap', 'Bộ trưởng', 'Bộ Luật Hình sự',
    ];
    for (const t of cases) expect(readLaws(t), t).toEqual(lawWords(t));
    expect(readLaws('theo Bộ luật này và Luật Đất đai, Pháp nhân, Hiến\npháp').map((t) => t.word)).toEqual(['Bộ luật', 'Luật', 'Hiến pháp']);
  });

  it('a letter of a law word matches only itself and its capital, as a code unit', () => {
    // capitalLawTypes compares the rest of a first word and the second word with two code units per letter;
    // TYPE_RE reads them case-insensitively (/iu) and typeToken lower-cases them: no third unit may match.
    const letters = new Set<string>();
    for (const w of LAW_TYPES) {
      const [first, second = ''] = w.split(' ');
      for (const ch of first.slice(2) + second) letters.add(ch);
    }
    for (const ch of letters) {
      const re = new RegExp(ch, 'iu');
      const matching: string[] = [];
      for (let u = 0; u < 0x10000; u++) {
        const c = String.fromCharCode(u);
        if (c.toLowerCase() === ch || re.test(c)) matching.push(c);
      }
      expect(matching.sort(), ch).toEqual([ch, ch.toUpperCase()].sort());
    }
  });
});
