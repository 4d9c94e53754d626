import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineTable, lineText, splitLines, type LineTable } from '../../language-server/src/core/text/lines.ts';
import { lastWord, paragraphs, wrapProfile } from '../../language-server/src/core/text/paragraphs.ts';

// A minimal notion of "starts a unit" for the text layer's own tests.
const UNIT = /^(?:Điều \d+\.|\d+\.\s|[a-zđ]\)\s|[-+]\s|Căn cứ\b|[IVX]+\.\s)/u;
const optsOf = (lines: LineTable) => ({
  startsUnit: (k: number) => UNIT.test(lineText(lines, k)),
  isBreak: (k: number) => lineText(lines, k) === '' || /^-{3,}$/u.test(lineText(lines, k)),
});
const joined = (text: string) => {
  const lines = lineTable(text);
  return paragraphs(lines, optsOf(lines)).map((p) => text.slice(p.start, p.end).replace(/\n/gu, ' ⏎ '));
};

describe('logical paragraphs', () => {
  const cases: { name: string; text: string; want: string[] }[] = [
    { name: 'a line starting in lower case continues', text: 'Theo đề nghị của Vụ trưởng Vụ Cải cách hành\nchính.', want: ['Theo đề nghị của Vụ trưởng Vụ Cải cách hành ⏎ chính.'] },
    { name: 'a unit start breaks', text: 'Nội dung đầu tiên\n1. Khoản một\na) Điểm a', want: ['Nội dung đầu tiên', '1. Khoản một', 'a) Điểm a'] },
    { name: 'terminal punctuation then a capital breaks', text: 'Câu thứ nhất.\nCâu thứ hai.', want: ['Câu thứ nhất.', 'Câu thứ hai.'] },
    { name: 'a heading in capitals before ordinary text breaks', text: 'III. KINH PHÍ\nNguồn kinh phí bảo đảm', want: ['III. KINH PHÍ', 'Nguồn kinh phí bảo đảm'] },
    { name: 'capitals continue capitals', text: 'KẾ HOẠCH\nCẢI\nCÁCH HÀNH CHÍNH', want: ['KẾ HOẠCH ⏎ CẢI ⏎ CÁCH HÀNH CHÍNH'] },
    { name: 'a function word at the end goes on', text: 'Điều 1. Ban hành kèm theo\nQuyết định này Kế hoạch.', want: ['Điều 1. Ban hành kèm theo ⏎ Quyết định này Kế hoạch.'] },
    { name: 'a proper noun cut in two goes on', text: 'các đơn vị thuộc Bộ\nNội vụ.', want: ['các đơn vị thuộc Bộ ⏎ Nội vụ.'] },
    { name: 'a comma at the end goes on', text: 'Chánh Văn phòng Bộ,\nVụ trưởng Vụ Pháp chế.', want: ['Chánh Văn phòng Bộ, ⏎ Vụ trưởng Vụ Pháp chế.'] },
    { name: 'a blank line or a separator ends a paragraph', text: 'Một\n\nhai\n-----\nba', want: ['Một', 'hai', 'ba'] },
    { name: 'a year wrapped to the next line continues', text: 'giai đoạn\n2021 - 2030.', want: ['giai đoạn ⏎ 2021 - 2030.'] },
  ];
  it.each(cases)('$name', ({ text, want }) => {
    expect(joined(text)).toEqual(want);
  });

  it('never changes the text: paragraphs are spans of it', () => {
    const text = 'a) Một hai\nba bốn.\n\n- Năm\nsáu';
    const lines = lineTable(text);
    const ps = paragraphs(lines, optsOf(lines));
    expect(ps.map((p) => lineText(lines, p.first))).toEqual(['a) Một hai', '- Năm']);
    for (const p of ps) {
      const inside = splitLines(text).filter((l) => l.start >= p.start && l.end <= p.end);
      expect(text.slice(p.start, p.end)).toBe(inside.map((l) => l.text).join('\n'));
    }
  });

  it('asks startsUnit once per line', () => {
    const text = Array.from({ length: 8 }, (_, i) => `${i + 1}. Khoản thứ ${i + 1} bị ngắt giữa câu khi\nsao chép từ cổng thông tin\nđiện tử.\n\na) Điểm a`).join('\n');
    const lines = lineTable(text);
    const opts = optsOf(lines);
    const asked: number[] = [];
    const counting = {
      ...opts,
      startsUnit: (k: number) => {
        asked.push(k);
        return opts.startsUnit(k);
      },
    };
    const got = paragraphs(lines, counting).map((p) => text.slice(p.start, p.end));
    expect(got).toEqual(paragraphs(lines, opts).map((p) => text.slice(p.start, p.end)));
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('tells a hard-wrapped copy from one paragraph per line', () => {
    const wrapped = Array.from({ length: 12 }, (_, i) => `- Dòng thứ ${i} của đoạn văn bị ngắt giữa câu khi\nsao chép từ cổng thông tin điện tử của cơ quan nhà\nnước, tiếp tục ở dòng sau.`).join('\n');
    const w = lineTable(wrapped);
    expect(wrapProfile(w, optsOf(w)).wrapped).toBe(true);
    const typed = Array.from({ length: 12 }, (_, i) => `${i + 1}. Khoản ${i + 1} được gõ trên một dòng.`).join('\n');
    const t = lineTable(typed);
    expect(wrapProfile(t, optsOf(t)).wrapped).toBe(false);
  });
});

describe('lastWord', () => {
  // The joiner asked two `$`-anchored patterns of the line before: its last word (`(?<!\S)(\S+)$`) and whether that word
  // is capitalised (`(?:^|\s)\p{Lu}[\p{Ll}]*$`). The loop from the end gives the same word, every JS space included.
  const OLD_LAST_WORD = /(?<!\S)(\S+)$/u;
  const OLD_UPPER_WORD_END = /(?:^|\s)\p{Lu}[\p{Ll}]*$/u;
  const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;
  const units = fc.constantFrom('a', 'Đ', 'ư', 'N', 'x', '1', '.', ',', ' ', '\t', '\n', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff', '\ud835\udc00', '\ud835', '\udc00');
  it('is the old pattern\'s word, and capitalised exactly when the old pattern said so (property)', () => {
    fc.assert(
      fc.property(fc.array(units, { maxLength: 12 }).map((xs) => xs.join('')), (line) => {
        const last = lastWord(line);
        expect(last).toBe(OLD_LAST_WORD.exec(line)?.[1] ?? '');
        expect(last.length > 1 && CAPITALISED.test(last)).toBe(OLD_UPPER_WORD_END.test(line) && last.length > 1);
      }),
      { numRuns: 3000 },
    );
  });
});
