/**
 * Scans led by a rare character (text/anchors.ts) find exactly what a global
 * regex scan of the whole text finds: the sticky pattern is tried only at the
 * starts a "/", dash or "[" allows, so those starts must include every place
 * the pattern can match. Each oracle below is the plain scan the code had
 * before (the pattern copied here on purpose: it is the reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers, readNumberAt } from '../../language-server/src/core/citations/tokenize.ts';
import { definitions, kyHieuStarts, spacingMarks } from '../../language-server/src/core/rules/text.ts';
import { consolidationMarks } from '../../language-server/src/core/rules/numbering.ts';
import { editorialNotes, foldSpace, inEditorialNote } from '../../language-server/src/core/citations/text.ts';
import { blanksBefore, digitsBefore, positionsMatching, positionsOf } from '../../language-server/src/core/text/anchors.ts';

/** Pieces that make numbers, ký hiệu, notes and footnote marks likely, with blanks, line breaks and an astral letter. */
const PIECES = [
  '1', '12', '2015', '12345', '12345a', '123456', '7a', '/', ' ', '  ', '\t', '\n', '-', '–', '‐', '—', '−', 'a', 'b', 'đ', 'QĐ', 'NĐ', 'CP', 'TTg',
  'QH13', ' 12345a/', '/QĐ-CP', ' 9 - ', 'Luật', '[', ']', '[[', ']]', '[Điều 5 ', 'được ', 'sửa đổi', 'bổ sung', 'Khoản', '.', ',', '𝐀', 'x', ')',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((ps) => ps.join(''));

function globalNumbers(t: string) {
  const start = /\d{1,5}[a-z]?(?=[ \t]*[/\-‐‑‒–—−])/gu;
  const out = [];
  let m: RegExpExecArray | null;
  while ((m = start.exec(t))) {
    if (m.index > 0 && /[\p{L}\p{N}/.,\-–]/u.test(t[m.index - 1])) continue;
    const tok = readNumberAt(t, m.index);
    if (tok) {
      out.push(tok);
      start.lastIndex = tok.end;
    }
  }
  return out;
}

describe('scans led by a rare character', () => {
  it('positions, blanks and digits before a place', () => {
    expect(positionsOf('a/b-c/d', ['/', '-'])).toEqual([1, 3, 5]);
    expect(positionsMatching('x–y—z', /[–—]/gu)).toEqual([1, 3]);
    expect(blanksBefore('12 \t/', 4)).toBe(2);
    expect(blanksBefore('12/', 2)).toBe(2);
    expect(digitsBefore('ab123/', 5)).toBe(2);
  });

  it('findNumbers finds what the global scan finds', () => {
    expect(findNumbers('Nghị định 63/2022/NĐ-CP và 404-CP, 12345678/QĐ-TTg; 12345a/QĐ-CP').map((t) => t.raw)).toEqual(globalNumbers('Nghị định 63/2022/NĐ-CP và 404-CP, 12345678/QĐ-TTg; 12345a/QĐ-CP').map((t) => t.raw));
    fc.assert(fc.property(text, (t) => {
      expect(findNumbers(t)).toEqual(globalNumbers(t));
    }), { numRuns: 3000 });
  });

  it('every start of a spaced ký hiệu is among the starts the slashes allow', () => {
    const re = /(?<!\d)\d+(?:[ \t]*\/[ \t]*\d{4})?[ \t]*\/[ \t]*[\p{Lu}][\p{L}\d&]*(?:[ \t]*-[ \t]*[\p{Lu}][\p{L}\d&]*)+/gu;
    expect(kyHieuStarts('số 76/NQ- CP và 23 / 2015/ CT -TTg')).toEqual([3, 16, 21]); // "76", "23" and "2015"
    fc.assert(
      fc.property(text, (t) => {
        const starts = new Set(kyHieuStarts(t));
        // Every place the pattern matches, not only the global scan's non-overlapping matches.
        for (let i = 0; i < t.length; i++) {
          const sticky = new RegExp(re.source, 'uy');
          sticky.lastIndex = i;
          if (sticky.test(t)) expect(starts.has(i)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('editorial notes: the global scan\'s matches', () => {
    const note = /\[[^\[\]\n]{1,3000}\]/gu;
    const global = (t: string) => [...t.matchAll(note)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    expect(editorialNotes('a [[b] c [d\ne] [f]')).toEqual([{ start: 3, end: 6 }, { start: 15, end: 18 }]);
    fc.assert(
      fc.property(text, (t) => {
        expect(editorialNotes(t)).toEqual(global(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('editorial notes: an offset is inside one by its own look back exactly when inside one of the scan', () => {
    const inside = (t: string, o: number) => editorialNotes(t).some((n) => o >= n.start && o < n.end);
    // A note of 3,000 characters (astral letters: 6,000 units) is looked back over whole; one of 3,001 is none.
    for (const body of ['x'.repeat(3000), '𝐀'.repeat(3000), 'x'.repeat(3001)]) {
      const t = `a [${body}] b`;
      for (const o of [0, 2, 3, t.length - 4, t.length - 3, t.length - 2]) expect(inEditorialNote(t, o), `${body.length} ${o}`).toBe(inside(t, o));
    }
    expect(inside('[x]', 2)).toBe(true);
    fc.assert(
      fc.property(text, (t) => {
        for (let o = 0; o <= t.length; o++) expect(inEditorialNote(t, o), `${JSON.stringify(t)} ${o}`).toBe(inside(t, o));
      }),
      { numRuns: 3000 },
    );
  });

  it('consolidation marks: a note or a footnote mark anywhere, as the two regex tests say', () => {
    const note = /\[(?:Điều|Khoản|Điểm|Mục|Chương|Phần|Tiểu mục|Cụm từ)[^\]\n]{0,80}?(?:bổ sung|sửa đổi|bãi bỏ|thay thế|hết hiệu lực)/u;
    const mark = /(?:\p{L}|\d\.|\))\[\[?\d{1,3}\]\]?/u;
    expect(consolidationMarks('Điều 7a. Quy hoạch tuyến đường sắt[4]')).toBe(true);
    // A portal's mark right after a label: "1.[3] Tranh chấp", "b)[6] Trúng thưởng".
    expect(consolidationMarks('1.[3] Tranh chấp')).toBe(true);
    expect(consolidationMarks('b)[6] Trúng thưởng')).toBe(true);
    expect(consolidationMarks('1. [3] Tranh chấp')).toBe(false);
    expect(consolidationMarks('𝐀[12]')).toBe(true);
    expect(consolidationMarks('1[4] và [Điều này được bổ sung')).toBe(true);
    expect(consolidationMarks('1[4] và [ghi chú]')).toBe(false);
    fc.assert(fc.property(text, (t) => {
      expect(consolidationMarks(t)).toBe(note.test(t) || mark.test(t));
    }), { numRuns: 3000 });
  });
  it('text/spacing: the marks\' matches are the two global scans\' matches', () => {
    const before = /(?<![ \t])[ \t]+(?:([,.;:!?])(?=$|[\s)”"\/|]|[,.;:](?![.]))|([,;])(?=\p{L}))/gu;
    const after = /([,;:])(?=\p{L})|(\.)(?=\p{Lu}\p{Ll})/gu;
    const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);
    const marks = (t: string) => {
      const { before: b, after: a } = spacingMarks(t);
      return { before: plain(b), after: plain(a) };
    };
    const global = (t: string) => ({ before: plain(t.matchAll(before)), after: plain(t.matchAll(after)) });
    expect(marks('a , b ; c.Dd x ? y,z :đ')).toEqual(global('a , b ; c.Dd x ? y,z :đ'));
    expect(marks('a , b ; c.Dd x ? y,z :đ').before).toHaveLength(3); // " :đ" is neither
    const pieces = fc.constantFrom(...PIECES, ' ,', ' .', '\t;', ':', '!', '?', ' ?', '.Đa', ',é', ';Z', '.A', '.Ab', ';\u00a0', '"', '”', '|', '..');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((ps) => ps.join('')), (t) => {
      expect(marks(t)).toEqual(global(t));
    }), { numRuns: 3000 });
  });

  it('text/abbreviation: the definitions tried at each "(" are the global scan\'s', () => {
    const definition = /\((?:(?:sau đây )?(?:gọi|viết) tắt là[ \t:]*“?)?([\p{Lu}][\p{Lu}\d&]{1,11})”?\)/gu;
    const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);
    expect(plain(definitions('cải cách hành chính (CCHC) và ((sau đây gọi tắt là “UBND”)'))).toEqual([[20, '(CCHC)', 'CCHC'], [31, '(sau đây gọi tắt là “UBND”)', 'UBND']]);
    const pieces = fc.constantFrom(...PIECES, '(', ')', '((', 'CCHC', 'A', 'B2', '&', '“', '”', 'sau đây ', 'gọi tắt là', 'viết tắt là ', ':');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 30 }).map((ps) => ps.join('')), (t) => {
      expect(plain(definitions(t))).toEqual(plain(t.matchAll(definition)));
    }), { numRuns: 3000 });
  });
});

describe('foldSpace', () => {
  // Every blank \s knows (and trim removes), a few that it does not, and letters around them.
  const BLANKS = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u200b', '\u3000', '\ufeff', '\u2028', '\u1680', '\u180e', 'a', 'Đ', 'ệ', '.'];
  const spaced = fc.array(fc.constantFrom(...BLANKS), { maxLength: 12 }).map((ps) => ps.join(''));
  const folded = (s: string) => s.replace(/\s+/gu, ' ').trim();
  it('equals the full fold (replace every run of blanks, trim) on any text', () => {
    fc.assert(fc.property(spaced, (s) => foldSpace(s) === folded(s)), { numRuns: 3000 });
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `a ${ch}b`, `a${ch} b`]) expect(foldSpace(s)).toBe(folded(s));
    }
  });
  it('returns an already folded text itself', () => {
    const s = 'Luật Tổ chức Chính phủ';
    expect(foldSpace(s)).toBe(s);
    expect(foldSpace('')).toBe('');
  });
});
