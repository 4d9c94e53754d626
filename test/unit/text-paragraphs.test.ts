import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from '../../language-server/src/core/text/lines.ts';
import { paragraphs, wrapProfile } from '../../language-server/src/core/text/paragraphs.ts';

// A minimal notion of "starts a unit" for the text layer's own tests.
const UNIT = /^(?:Điều \d+\.|\d+\.\s|[a-zđ]\)\s|[-+]\s|Căn cứ\b|[IVX]+\.\s)/u;
const opts = {
  startsUnit: (l: { text: string }) => UNIT.test(l.text),
  isBreak: (l: { text: string }) => l.text === '' || /^-{3,}$/u.test(l.text),
};
const joined = (text: string) => {
  const lines = splitLines(text);
  return paragraphs(lines, opts).map((p) => text.slice(p.start, p.end).replace(/\n/gu, ' ⏎ '));
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
    const lines = splitLines(text);
    const ps = paragraphs(lines, opts);
    expect(ps.map((p) => p.first.text)).toEqual(['a) Một hai', '- Năm']);
    for (const p of ps) {
      const inside = lines.filter((l) => l.start >= p.start && l.end <= p.end);
      expect(text.slice(p.start, p.end)).toBe(inside.map((l) => l.text).join('\n'));
    }
  });

  it('asks startsUnit once per line, always with the line before it', () => {
    const text = Array.from({ length: 8 }, (_, i) => `${i + 1}. Khoản thứ ${i + 1} bị ngắt giữa câu khi\nsao chép từ cổng thông tin\nđiện tử.\n\na) Điểm a`).join('\n');
    const lines = splitLines(text);
    const asked: number[] = [];
    const counting = {
      ...opts,
      startsUnit: (l: Line, prev?: Line) => {
        asked.push(l.index);
        expect(prev).toBe(l.index > 0 ? lines[l.index - 1] : undefined);
        return opts.startsUnit(l);
      },
    };
    const got = paragraphs(lines, counting).map((p) => text.slice(p.start, p.end));
    expect(got).toEqual(paragraphs(lines, opts).map((p) => text.slice(p.start, p.end)));
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('tells a hard-wrapped copy from one paragraph per line', () => {
    const wrapped = Array.from({ length: 12 }, (_, i) => `- Dòng thứ ${i} của đoạn văn bị ngắt giữa câu khi\nsao chép từ cổng thông tin điện tử của cơ quan nhà\nnước, tiếp tục ở dòng sau.`).join('\n');
    expect(wrapProfile(splitLines(wrapped), opts).wrapped).toBe(true);
    const typed = Array.from({ length: 12 }, (_, i) => `${i + 1}. Khoản ${i + 1} được gõ trên một dòng.`).join('\n');
    expect(wrapProfile(splitLines(typed), opts).wrapped).toBe(false);
  });
});
