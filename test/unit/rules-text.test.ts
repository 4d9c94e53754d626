import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../language-server/src/core/rules/text.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { QD } from '../helpers/documents.ts';
import { diagsOf, runCase, type RuleCase } from '../helpers/rules.ts';

describe('text/repeated-word', () => {
  const cases: RuleCase[] = [
    {
      name: 'a bound syllable doubled: "hành hành"',
      text: 'Văn bản được phát hành hành trong ngày làm việc.\n',
      vi: ['Lặp từ: “hành hành”'],
      en: ['Repeated word: “hành hành”'],
      fixed: 'Văn bản được phát hành trong ngày làm việc.\n',
    },
    {
      name: 'a repeated phrase: "Kế hoạch Kế hoạch"',
      text: 'Quyết định ban hành Kế hoạch Kế hoạch tuyên truyền năm 2025.\n',
      vi: ['“Kế hoạch Kế hoạch”'],
      fixed: 'Quyết định ban hành Kế hoạch tuyên truyền năm 2025.\n',
    },
    {
      name: 'a repeated phrase: "phát triển phát triển"',
      text: 'Xây dựng và phát triển phát triển Chính phủ điện tử.\n',
      vi: ['“phát triển phát triển”'],
      fixed: 'Xây dựng và phát triển Chính phủ điện tử.\n',
    },
    { name: 'a doubled function word', text: 'Theo quy định của của Luật này.\n', vi: ['“của của”'], fixed: 'Theo quy định của Luật này.\n' },
    {
      name: 'any syllable, when the document says it once elsewhere',
      text: 'Đẩy mạnh cải cách hành chính.\nTăng cường cải cách hành hành chính của Bộ.\n',
      vi: ['“hành hành”'],
      fixed: 'Đẩy mạnh cải cách hành chính.\nTăng cường cải cách hành chính của Bộ.\n',
    },
    { name: 'overlapping words: "hành vi vi phạm"', text: 'Xử lý hành vi vi phạm pháp luật.\n', vi: [] },
    { name: 'overlapping words: "quy định định mức"', text: 'Bộ trưởng quy định định mức kinh tế, kỹ thuật.\n', vi: [] },
    { name: 'reduplication: "song song"', text: 'Hai tuyến chạy song song với nhau.\n', vi: [] },
    { name: 'an agent noun: "người nộp thuế nộp thuế"', text: 'Người nộp thuế nộp thuế theo quy định.\n', vi: [] },
    { name: 'never across a line break (a heading then its text)', text: 'Điều 3. Thời hiệu khiếu nại\nThời hiệu khiếu nại là 90 ngày.\n', vi: [] },
    { name: 'capitals (headings, table heads)', text: 'ĐĂNG KÝ ĐĂNG KÝ QUYỀN SỞ HỮU\n', vi: [] },
    { name: 'different case is not a repeat', text: 'Thành lập phòng Phòng chống thiên tai.\n', vi: [] },
    { name: '"Luật Luật sư" is a name', text: 'Luật sửa đổi Luật Luật sư năm 2012.\n', vi: [] },
    { name: '"từng người từng việc" is not adjacent', text: 'Giao nhiệm vụ cho từng người từng việc.\n', vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('text/repeated-word', c));

  it('tokenises a line as the global scan of words, numbers and single marks does', () => {
    // White space of every kind, letters and marks (NFD, astral, lone surrogates), digits of other scripts.
    const pieces = ['hành', 'Kế', 'a', 'e\u0301', '\u0301', '𝐀', '\ud835', '\udc00', '12', '٣', '²', ' ', '\t', '\u2003', '\u3000', '\u00a0', '\v', '\f', ',', '.', '(', '–', '…', '$', '|'];
    const oracle = (line: string, at: number) =>
      [...line.matchAll(/[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu)].map((m) => [at + m.index, at + m.index + m[0].length, /^[\p{L}\p{M}]+$/u.test(m[0]) ? 1 : 0]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(100), (ps, at) => {
        const text = ps.join('');
        const toks = tokenize({ start: at, end: at + text.length, text });
        const got = Array.from({ length: toks.n }, (_, i) => [toks.start[i], toks.end[i], toks.word[i]]);
        expect(got).toEqual(oracle(text, at));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('text/spacing', () => {
  const cases: RuleCase[] = [
    { name: 'space before a period', text: 'Theo TCVN ISO 9001:2015 .\n', vi: ['Thừa dấu cách trước “.”'], en: ['Extra space before “.”'], fixed: 'Theo TCVN ISO 9001:2015.\n' },
    { name: 'space before a comma and a semicolon', text: 'Nghị quyết số 76/NQ-CP , Nghị định số 61/2018/NĐ-CP ; và khác.\n', vi: ['trước “,”', 'trước “;”'], fixed: 'Nghị quyết số 76/NQ-CP, Nghị định số 61/2018/NĐ-CP; và khác.\n' },
    { name: 'double space', text: 'Quyết định  này có hiệu lực.\n', vi: ['Hai dấu cách liền nhau'], en: ['Double space'], fixed: 'Quyết định này có hiệu lực.\n' },
    { name: 'missing space after a comma', text: 'Các bộ,ngành và địa phương.\n', vi: ['Thiếu dấu cách sau “,”'], fixed: 'Các bộ, ngành và địa phương.\n' },
    { name: 'missing space after a colon', text: 'Kính gửi:Bộ Nội vụ.\n', vi: ['Thiếu dấu cách sau “:”'], fixed: 'Kính gửi: Bộ Nội vụ.\n' },
    // A cited document's number is citation/format's (test/unit/rules-citation.test.ts); text/spacing keeps the rest.
    { name: 'a cited number with spaces is left to citation/format', text: 'Chỉ thị số 23/CT- TTg và Nghị định số 112 /2024/NĐ-CP.\n', vi: [] },
    { name: 'space inside a ký hiệu that is not a citation: "12/ABC- DE"', text: 'Mã hồ sơ 12/ABC- DE đã nhận.\n', vi: ['Ký hiệu văn bản “12/ABC- DE” có dấu cách bên trong: viết “12/ABC-DE”'], en: ['Document number “12/ABC- DE” has spaces inside'], fixed: 'Mã hồ sơ 12/ABC-DE đã nhận.\n' },
    { name: 'numbers, dates, ký hiệu, ISO, decimals, URLs and "./." are fine', text: 'Mức 1.000.000 đồng, hệ số 5,63 từ ngày 12/9/2022 theo Nghị định số 63/2022/NĐ-CP, ISO 9001:2015, lúc 15:29, tại https://chinhphu.vn/a.b và www.moha.gov.vn, email a@b.vn; thi hành./.\n', vi: [] },
    { name: 'a template line with leaders is left alone', text: 'Họ và tên (1) : …………………  Ngày cấp: ……/……/……\n', vi: [] },
    { name: 'a Markdown table row is left alone', text: '| STT |  | Nội dung |\n', vi: [] },
    { name: 'the header "Số:" line belongs to header/so-ky-hieu', text: QD.replace('15/QĐ-BNV', '15/QĐ- BNV'), vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('text/spacing', c));
  it('is info', () => expect(diagsOf('a  b\n', 'text/spacing')[0].severity).toBe('info'));
});

describe('text/abbreviation', () => {
  const cases: RuleCase[] = [
    {
      name: 'used before "(CCHC)"',
      text: 'Đẩy mạnh CCHC năm 2025.\nXây dựng kế hoạch cải cách hành chính (CCHC) của Bộ.\nBáo cáo CCHC định kỳ.\n',
      vi: ['Chữ viết tắt “CCHC” được dùng trước khi được định nghĩa (“cải cách hành chính (CCHC)” ở phía sau)'],
      en: ['Abbreviation “CCHC” is used before it is defined'],
    },
    { name: 'defined first, then used', text: 'Kế hoạch cải cách hành chính (CCHC).\nBáo cáo CCHC định kỳ.\n', vi: [] },
    { name: '"(sau đây gọi tắt là …)" defines it too', text: 'Thực hiện CCHC.\nCải cách hành chính (sau đây gọi tắt là CCHC) là nhiệm vụ.\n', vi: ['“CCHC”'] },
    { name: 'a unit in "Lưu: VT, CCHC." (Nơi nhận) does not count', text: QD.replace('- Lưu: VT, VP.', '- Lưu: VT, CCHC.') + 'Kế hoạch cải cách hành chính (CCHC).\n', vi: [] },
    { name: 'never defined: not reported', text: 'Áp dụng HTQLCL theo TCVN.\n', vi: [] },
    { name: 'roman numerals in parentheses are not abbreviations', text: 'Giai đoạn I.\nNhư giai đoạn (I) trước.\n', vi: [] },
    { name: 'a ký hiệu is not a use ("QĐ-BNV")', text: 'Quyết định số 15/QĐ-BNV.\nQuyết định (QĐ) của Bộ.\n', vi: [] },
  ];
  it.each(cases)('$name', (c) => runCase('text/abbreviation', c));
  it('points at the definition as related information', () => {
    const text = 'Đẩy mạnh CCHC.\nCải cách hành chính (CCHC).\n';
    const [d] = checkDocument(text).diagnostics.filter((x) => x.code === 'text/abbreviation');
    expect(text.slice(d.range.start, d.range.end)).toBe('CCHC');
    expect(text.slice(d.related![0].range.start, d.related![0].range.end)).toBe('(CCHC)');
  });
});
