/**
 * fast-check generators of hostile documents: lines shaped like the parts of
 * a Vietnamese administrative document (header, căn cứ, Phần/Chương/Mục/Điều/
 * khoản/điểm, tables, Nơi nhận, signature, references, citations) with wrong
 * numbers, broken punctuation and pathological characters mixed in — so the
 * parser's and the rules' real paths are exercised, not only their first
 * `if` — plus raw random text.
 */
import fc from 'fast-check';

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** Characters that break naive code: controls, NBSP, zero-width, combining marks, BOM, line separators, surrogates, emoji, bidi. */
const NASTY = [
  '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u0300', '\u0301', '\u0323', '\u0309', '\u0303',
  '\u2028', '\u2029', '\u202e', '\u0000', '\u0007', '\u000b', '\u000c', '\r', '\t', '\ud800', '\udfff', '😀', '👨‍👩‍👧',
  '\u00d0', '“', '”', '"', '…', '|', '-', '–', '—', '/', '(', ')', '[', ']', '<!--', '-->', '//', '　', '１',
] as const;

const WORDS = [
  'quy', 'định', 'việc', 'thực', 'hiện', 'các', 'cơ', 'quan', 'đơn', 'vị', 'ban', 'hành', 'hành', 'Quyết', 'Nghị',
  'Thông', 'tư', 'này', 'của', 'và', 'hoặc', 'được', 'trách', 'nhiệm', 'thi', 'Ủy', 'nhân', 'dân', 'tỉnh', 'Bộ',
  'Nội', 'vụ', 'khoản', 'điểm', 'Điều', 'Chương', 'Mục', 'Phụ', 'lục', 'CCHC', 'ISO', '9001:2015', 'năm', 'ngày',
  'tháng', 'quý', 'IV/2025', 'V/v', 'Kế', 'hoạch', 'Lưu', 'VT', 'Như', 'trên',
] as const;

const num = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '00', '01', '999', '99999999999999999999', '-1', '1a', '5a', '2.1', '1.1.1.1.1') },
);
const roman = fc.constantFrom('I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XL', 'IIII', 'VX', 'MMMMMMMMMM', 'C');
const letter = fc.constantFrom('a', 'b', 'c', 'd', 'đ', 'e', 'f', 'g', 'h', 'z', 'a1', 'aa');

const words = fc.array(pick(WORDS), { minLength: 0, maxLength: 12 }).map((w) => w.join(' '));
const nasty = fc.array(pick(NASTY), { minLength: 1, maxLength: 4 }).map((x) => x.join(''));
const phrase = fc
  .array(fc.oneof({ weight: 8, arbitrary: words }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 4 })
  .map((xs) => xs.join(' '));
const end = fc.constantFrom('', '.', ';', ':', ',', './.', ' ;', '  ', '。');

const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: pick(['BỘ NỘI VỤ', 'ỦY BAN NHÂN DÂN', 'TỈNH HÀ NAM', 'CHÍNH PHỦ', 'QUỐC HỘI', '-------', '---------------']) },
  { weight: 2, arbitrary: pick(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CÔNG HÒA XA HỘI CHU NGHIA VIÊT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Độc lập -\tTự do  -  Hạnh phúc', 'Đôc lâp - Tư do - Hanh phuc']) },
  { weight: 2, arbitrary: fc.tuple(num, pick(['QĐ-BNV', 'NĐ-CP', 'TT-BNV', 'KH-UBND', 'BNV-VP', 'QĐ- BNV', 'qđ-bnv', '2024/NĐ-CP'])).map(([n, k]) => `Số: ${n}/${k}`) },
  { weight: 2, arbitrary: fc.tuple(num, num, num).map(([d, m, y]) => `Hà Nội, ngày ${d} tháng ${m} năm ${y.padStart(4, '2')}`) },
  { weight: 1, arbitrary: pick(['QUYẾT ĐỊNH', 'NGHỊ ĐỊNH', 'THÔNG TƯ', 'KẾ HOẠCH', 'QUYẾT ĐỊNH:', 'QUYẾT NGHỊ:', 'Về việc ban hành Quy chế']) },
  { weight: 3, arbitrary: fc.tuple(phrase, end).map(([p, e]) => `Căn cứ ${p}${e}`) },
  { weight: 6, arbitrary: fc.tuple(num, phrase, end).map(([n, p, e]) => `Điều ${n}. ${p}${e}`) },
  { weight: 6, arbitrary: fc.tuple(num, phrase, end).map(([n, p, e]) => `${n}. ${p}${e}`) },
  { weight: 5, arbitrary: fc.tuple(letter, phrase, end).map(([l, p, e]) => `${l}) ${p}${e}`) },
  { weight: 2, arbitrary: fc.tuple(pick(['Chương', 'CHƯƠNG', 'PHẦN', 'Phần thứ', 'Mục', 'Tiểu mục', 'PHỤ LỤC', 'Phụ lục']), fc.oneof(roman, num), phrase).map(([k, n, p]) => `${k} ${n}\n${p.toUpperCase()}`) },
  { weight: 2, arbitrary: fc.tuple(roman, phrase).map(([r, p]) => `${r}. ${p.toUpperCase()}`) },
  { weight: 3, arbitrary: fc.tuple(pick(['-', '+', '•', '*']), phrase, end).map(([b, p, e]) => `${b} ${p}${e}`) },
  { weight: 3, arbitrary: fc.array(phrase, { minLength: 1, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`) },
  { weight: 1, arbitrary: fc.constantFrom('|---|---|---|', '| STT | Nội dung | Thời gian |', '|', '| | |') },
  { weight: 3, arbitrary: fc.tuple(pick(['điểm', 'khoản', 'Điều', 'Mục', 'Chương', 'Phụ lục']), fc.oneof(num, letter, roman), pick(['', ' khoản 2', ' Điều 3', ' của Quyết định này', ' Nghị định này', ', khoản 1 và khoản 3 Điều 5', ' đến Điều 9'])).map(([k, n, t]) => `theo ${k} ${n}${t};`) },
  { weight: 2, arbitrary: fc.tuple(pick(['Nghị định', 'Thông tư', 'Luật', 'Quyết định', 'Chỉ thị']), num, pick(['/2020/NĐ-CP', '/QĐ-TTg', '/CT- TTg', '/NQ-CP', '/2015/QH13', '-CP'])).map(([t, n, k]) => `${t} số ${n}${k} ngày 05 tháng 3 năm 2020`) },
  { weight: 2, arbitrary: pick(['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT, VP.', '- Lưu VT', 'KT. BỘ TRƯỞNG', 'K/T BỘ TRƯỞNG', 'TM. ỦY BAN NHÂN DÂN', 'THỨ TRƯỞNG', 'CHỦ TỊCH', '(Đã ký)', 'Nguyễn Văn A']) },
  { weight: 1, arbitrary: pick(['<!-- vanban-disable text/spacing -->', '<!-- vanban-disable -->', '// vanban-disable-next-line', '<!-- vanban-enable', '<!-- vanban-disable-next-line numbering/dieu, x/y -->']) },
  { weight: 1, arbitrary: fc.tuple(pick([' ', '\t', '-', '.', '…', '1', 'a', 'Đ', '/', '|', '\u00a0', '\u0301']), fc.integer({ min: 10, max: 400 })).map(([c, n]) => c.repeat(n)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
  { weight: 2, arbitrary: phrase },
  { weight: 1, arbitrary: fc.constant('') },
);

const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n', '\u2028');

/** A document-shaped hostile text of up to `maxLines` lines. */
export function documentText(maxLines = 40): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(line, { maxLength: maxLines }), fc.array(lineBreak, { minLength: maxLines + 1, maxLength: maxLines + 1 }), fc.boolean())
    .map(([lines, breaks, bom]) => (bom ? '\ufeff' : '') + lines.map((l, i) => l + breaks[i]).join(''));
}

/** Any text: document-shaped most of the time, raw random strings otherwise. */
export function anyText(maxLines = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: documentText(maxLines) },
    { weight: 1, arbitrary: fc.string({ maxLength: 400, unit: 'binary' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 400, unit: 'grapheme' }) },
  );
}

/** Random JSON values whose object keys are often the given names or the forbidden ones (__proto__, constructor, prototype). */
export function hostileJson(names: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(pick([...names, '__proto__', 'constructor', 'prototype']), fc.string({ maxLength: 10 }));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 2 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
      fc.array(tie('value'), { maxLength: 4 }),
    ),
  }));
  return value;
}
