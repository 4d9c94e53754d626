/**
 * The shapes a line can start with. Every pattern is anchored at the start of
 * a (trimmed) line and has no nested quantifiers, so none can backtrack
 * catastrophically; they are tried only after a cheap first-character test.
 */

export type LineStartKind =
  | 'phan'
  | 'chuong'
  | 'muc'
  | 'tieu-muc'
  | 'dieu'
  | 'khoan'
  | 'sub-khoan'
  | 'diem'
  | 'roman'
  | 'item'
  | 'can-cu'
  | 'de-nghi'
  | 'enactment'
  | 'noi-nhan'
  | 'signature'
  | 'phu-luc'
  | 'issued-with'
  | 'so'
  | 'kinh-gui'
  | 'quote'
  | 'cell-separator'
  | 'table-row';

export interface LineStart {
  kind: LineStartKind;
  /** The label as written ("5", "đ", "IV", "2.1", "thứ nhất"). */
  number?: string;
  /** A form that is a unit only after a line that visibly ended ("Điều 8" alone on a line). */
  weak?: boolean;
  /** Offsets within the line of the whole label and of the number. */
  labelEnd: number;
  numberStart?: number;
  numberEnd?: number;
}

export const RE = {
  phan: /^(?:PHẦN|Phần)\s+(THỨ\s+[A-ZÀ-ỸĐ]+|thứ\s+[a-zà-ỹđ]+|[IVXLC]+|\d+)(?![\p{L}\d])\.?/u,
  chuong: /^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)(?:\s*[.:]|\s*$|\s+(?=\p{Lu}))/u,
  muc: /^(?:MỤC|Mục)\s+(\d+)(?![\p{L}\d])\.?/u,
  tieuMuc: /^(?:TIỂU MỤC|Tiểu mục)\s+(\d+)(?![\p{L}\d])\.?/u,
  /** "Điều 5." / "Điều 5:" — and the weak forms "Điều 5" alone or "Điều 5 Tên điều" (old texts), which need context. */
  dieu: /^Điều\s+(\d{1,4}[a-zđ]?)(?:\s*([.:])|\s*$|\s+(?=\p{Lu}))/u,
  /** "1.", and an inserted khoản of a consolidated text: "1a.[4] Tranh chấp …" (after khoản 1, before 2). */
  khoan: /^(\d{1,3}[a-zđ]?)\s?\.(?!\d)\s*(?=\S|$)/u,
  subKhoan: /^(\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s)/u,
  /** "a)", "a1)"; a portal copy's footnote mark may follow the label unspaced: "b)[6] Trúng thưởng", "a)9[9] Ban hành". */
  diem: /^([a-zđ](?:\d{1,2})?)\)(?=\s|$|\d{0,2}\[\d{1,3}\])/u,
  roman: /^([IVXLC]{1,7})\s?[.\/](?=\s)/u,
  item: /^[-–+•*](?=\s)/u,
  canCu: /^Căn cứ(?![\p{L}\d])/u,
  deNghi: /^(?:Theo đề nghị|Xét đề nghị|Xét Tờ trình|Theo Tờ trình|Xét báo cáo|Theo báo cáo)(?![\p{L}\d])/iu,
  enactment: /^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|BAN HÀNH|NGHỊ QUYẾT)\s*:|^(?:Chính phủ|Quốc hội|Ủy ban Thường vụ Quốc hội|Uỷ ban Thường vụ Quốc hội|Bộ trưởng|Thủ tướng Chính phủ|Hội đồng nhân dân|Chủ tịch)(?![\p{L}\d])[^.:;]{0,250}(?<![\p{L}\d])ban hành(?![\p{L}\d])[^.:;]{0,250}\.\s*$/u,
  noiNhan: /^Nơi nhận\s*:?/u,
  // "KT. BỘ TRƯỞNG", and as copies write it: "KT.BỘ TRƯỞNG", "KT . BỘ TRƯỞNG", "KT." alone above the title.
  signature: /^(?:KT|TM|TL|TUQ|Q|K\/T|T\/M|Q\.)(?:[ \t]?\.[ \t]*|[ \t]+)(?=[A-ZÀ-ỸĐ]{2})|^(?:KT|TM|TL|TUQ|K\/T|T\/M)[ \t]?\.$/u,
  phuLuc: /^(?:PHỤ LỤC|Phụ lục|PHỤ\s+LỤC)(?:\s+(?:SỐ\s+|số\s+)?([IVXLC]+|\d+[a-z]?|[A-Z]))?(?=\s|$|[.:])/u,
  issuedWith: /^\((?:Ban hành |Được ban hành )?[Kk]èm theo(?![\p{L}\d])/u,
  so: /^(?:Số|Luật số|Nghị quyết số|Bộ luật số|Pháp lệnh số|Lệnh số)\s*:/u,
  kinhGui: /^Kính gửi\s*:/u,
  quote: /^[“"]/u,
  cellSeparator: /^\|$/u,
  tableRow: /^\|.*\|$/u,
} as const;

/** "150.000 đồng/người" wrapped to a line start: thousands groups then a lower-case word is an amount, not "150.000." */
const AMOUNT = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?\s+\p{Ll}/u;

export { isAllUpper, startsUpper } from '../text/letters.ts';
import { isAsciiDigit, isJsSpace, isLabelLetter, LOWER_CASE, vietnameseCase } from '../text/letters.ts';

/**
 * Classifies how a trimmed line starts. Returns undefined for ordinary text.
 * `inTable` switches on the cell separator and Markdown row forms.
 */
export function classifyLineStart(line: string): LineStart | undefined {
  return classifyLineStartIn(line, 0, line.length);
}

/**
 * The khoản and điểm answers of one parse by their label's characters: every "1." or "a)" line of a law gets
 * the same object (a law has thousands of them and a few dozen labels). Whoever passes one must not change
 * the objects it returns.
 */
export type LabelCache = Map<number, LineStart>;

/**
 * classifyLineStart of `text.slice(start, end)` (a trimmed line), read in place: the khoản and điểm labels,
 * most lines of a law, are read by hand with no copy of the line (and, given `labels`, no new object for a
 * label seen before); the other forms slice it for their pattern. Every read stays before `end`.
 */
export function classifyLineStartIn(text: string, start: number, end: number, labels?: LabelCache): LineStart | undefined {
  if (start >= end) return undefined;
  const c = text.charCodeAt(start);
  let m: RegExpExecArray | null;
  // Digits: khoản "1." or sub-numbering "1.1." — one to three digits, then (for sub-numbering) a dot and a digit.
  if (c >= 0x30 && c <= 0x39) {
    let j = start + 1;
    while (j < end && isAsciiDigit(text.charCodeAt(j))) j++;
    if (j - start > 3) return undefined;
    if (j + 1 < end && text.charCodeAt(j) === 0x2e && isAsciiDigit(text.charCodeAt(j + 1))) {
      const line = text.slice(start, end);
      if ((m = RE.subKhoan.exec(line))) return AMOUNT.test(line) ? undefined : withNumber('sub-khoan', m, 0);
    }
    return khoanAt(text, start, end, j, labels);
  }
  // Lower-case letters: điểm "a)", "đ)", "a1)" (no case below opens with one).
  if (isLabelLetter(c)) return diemAt(text, start, end, labels);
  if (c === 0x110) return dieuAt(text, start, end);
  const line = start === 0 && end === text.length ? text : text.slice(start, end);
  switch (line[0]) {
    case 'C':
      if ((m = RE.chuong.exec(line))) return withNumber('chuong', m, line.indexOf(m[1], 6));
      if (RE.canCu.test(line)) return { kind: 'can-cu', labelEnd: 6 };
      if ((m = RE.enactment.exec(line))) return { kind: 'enactment', labelEnd: m[0].length };
      return undefined;
    case 'P':
      if ((m = RE.phuLuc.exec(line))) return m[1] ? withNumber('phu-luc', m, line.lastIndexOf(m[1], m[0].length)) : { kind: 'phu-luc', labelEnd: m[0].length };
      if ((m = RE.phan.exec(line))) return withNumber('phan', m, line.indexOf(m[1], 4));
      return undefined;
    case 'M':
      if ((m = RE.muc.exec(line))) return withNumber('muc', m, line.indexOf(m[1], 3));
      return undefined;
    case 'T':
      if ((m = RE.tieuMuc.exec(line))) return withNumber('tieu-muc', m, line.indexOf(m[1], 7));
      if ((m = RE.signature.exec(line))) return { kind: 'signature', labelEnd: m[0].trimEnd().length };
      if (RE.deNghi.test(line)) return { kind: 'de-nghi', labelEnd: 0 };
      if ((m = RE.enactment.exec(line))) return { kind: 'enactment', labelEnd: m[0].length };
      return undefined;
    case 'N':
      if ((m = RE.noiNhan.exec(line))) return { kind: 'noi-nhan', labelEnd: m[0].length };
      if ((m = RE.enactment.exec(line))) return { kind: 'enactment', labelEnd: m[0].length };
      return undefined;
    case 'Q':
    case 'B':
    case 'U':
    case 'Ủ':
    case 'Ư':
      if ((m = RE.signature.exec(line))) return { kind: 'signature', labelEnd: m[0].trimEnd().length };
      if ((m = RE.enactment.exec(line))) return { kind: 'enactment', labelEnd: m[0].length };
      return undefined;
    case 'K':
      if ((m = RE.signature.exec(line))) return { kind: 'signature', labelEnd: m[0].trimEnd().length };
      if ((m = RE.kinhGui.exec(line))) return { kind: 'kinh-gui', labelEnd: m[0].length };
      return undefined;
    case 'X':
      if (RE.deNghi.test(line)) return { kind: 'de-nghi', labelEnd: 0 };
      break;
    case 'S':
      if ((m = RE.so.exec(line))) return { kind: 'so', labelEnd: m[0].length };
      return undefined;
    case 'L':
      if ((m = RE.so.exec(line))) return { kind: 'so', labelEnd: m[0].length };
      break;
    case '(':
      if ((m = RE.issuedWith.exec(line))) return { kind: 'issued-with', labelEnd: 1 };
      return undefined;
    case '[':
      // "[2] 1.[3] Tranh chấp …": the footnote mark of the Điều title above, wrapped onto its first khoản.
      if ((m = WRAPPED_MARK.exec(line))) return shifted(classifyLineStartIn(text, start + m[0].length, end), m[0].length);
      return undefined;
    case '“':
    case '"':
      return { kind: 'quote', labelEnd: 1 };
    case '|':
      if (line.length === 1) return { kind: 'cell-separator', labelEnd: 1 };
      if (RE.tableRow.test(line)) return { kind: 'table-row', labelEnd: 1 };
      return undefined;
    case '-':
    case '–':
    case '+':
    case '•':
    case '*':
      if (RE.item.test(line)) return { kind: 'item', labelEnd: 1 };
      return undefined;
  }
  if (c === 0x49 || c === 0x56 || c === 0x58 || c === 0x4c) {
    // I V X L: roman section heading
    if ((m = RE.roman.exec(line))) return withNumber('roman', m, 0);
  }
  return undefined;
}

/**
 * RE.khoan read by hand (it opens a third of a law's lines; a match array per line was a good part of the
 * parser's garbage): ASCII digits (one to three) open the line `text[start, end)` and end at `digitsEnd`. Every
 * part of the pattern has one way to match — a shorter digit run, or skipping the letter or the blank, leaves a
 * character the next part cannot take — so reading it left to right is the pattern (test/unit/syntax-patterns.test.ts
 * compares them).
 */
function khoanAt(text: string, start: number, end: number, digitsEnd: number, labels: LabelCache | undefined): LineStart | undefined {
  let k = digitsEnd;
  const letter = codeBefore(text, k, end);
  const lettered = isLabelLetter(letter);
  if (lettered) k++;
  const numberEnd = k;
  if (isJsSpace(codeBefore(text, k, end))) k++;
  if (codeBefore(text, k, end) !== 0x2e) return undefined;
  k++;
  if (isAsciiDigit(codeBefore(text, k, end))) return undefined;
  // The label's characters as a number: its digits (count and value), its letter, its length; even for khoản.
  const key = labels && ((digitsKey(text, start, digitsEnd) * 0x200 + (lettered ? letter : 0)) * 8 + (k - start)) * 2;
  return sharedLabel(labels, key, 'khoan', text, start, numberEnd, k);
}

/**
 * The parse's one LineStart for a label `key` (made the first time it is met; a new one when there is no cache):
 * the number is `text[start, numberEnd)` and the label ends at `labelEnd`, both given as text offsets.
 */
function sharedLabel(
  labels: LabelCache | undefined,
  key: number | undefined,
  kind: 'khoan' | 'diem',
  text: string,
  start: number,
  numberEnd: number,
  labelEnd: number,
): LineStart {
  let ls = key === undefined ? undefined : labels?.get(key);
  if (ls === undefined) {
    ls = { kind, number: text.slice(start, numberEnd), labelEnd: labelEnd - start, numberStart: 0, numberEnd: numberEnd - start };
    if (key !== undefined) labels?.set(key, ls);
  }
  return ls;
}

/** The ASCII digits `text[from, to)` (none to three) as one number that tells "1" from "01": count × 1000 + value. */
function digitsKey(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + text.charCodeAt(i) - 0x30;
  return (to - from) * 1000 + v;
}

/** RE.diem read by hand, as khoanAt: the line `text[start, end)` opens with a lower-case ASCII letter or "đ". */
function diemAt(text: string, start: number, end: number, labels: LabelCache | undefined): LineStart | undefined {
  let j = start + 1;
  while (j < start + 3 && isAsciiDigit(codeBefore(text, j, end))) j++;
  if (codeBefore(text, j, end) !== 0x29) return undefined;
  const after = j + 1;
  if (after < end && !isJsSpace(text.charCodeAt(after)) && !footnoteMarkAt(text, after, end)) return undefined;
  // As khoanAt's key, odd: the digits after the letter, the letter, the label's length.
  const key = labels && ((digitsKey(text, start + 1, j) * 0x200 + text.charCodeAt(start)) * 8 + (after - start)) * 2 + 1;
  return sharedLabel(labels, key, 'diem', text, start, j, after);
}

/** `\d{0,2}\[\d{1,3}\]` at `at`, before `end`: a portal's footnote mark right after a label ("b)[6]", "a)9[9]"). */
function footnoteMarkAt(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < at + 2 && isAsciiDigit(codeBefore(text, i, end))) i++;
  if (codeBefore(text, i, end) !== 0x5b) return false;
  const digits = ++i;
  while (i < digits + 3 && isAsciiDigit(codeBefore(text, i, end))) i++;
  return i > digits && codeBefore(text, i, end) === 0x5d;
}

/**
 * RE.dieu read by hand, as khoanAt (a law has hundreds of "Điều n." lines: a match array each): "Điều", blanks,
 * one to four digits and a letter, then the dot or colon (after blanks), the line's end, or blanks before a
 * capital (the weak forms). A fifth digit, or a letter the end does not follow, matches no shorter reading
 * either: the character left is one no part of the pattern takes.
 */
function dieuAt(text: string, start: number, end: number): LineStart | undefined {
  if (end - start < 4 || !text.startsWith('Điều', start)) return undefined;
  let k = start + 4;
  while (isJsSpace(codeBefore(text, k, end))) k++;
  const numberStart = k;
  if (numberStart === start + 4) return undefined;
  while (k < numberStart + 4 && isAsciiDigit(codeBefore(text, k, end))) k++;
  if (k === numberStart || isAsciiDigit(codeBefore(text, k, end))) return undefined;
  const letter = codeBefore(text, k, end);
  if (isLabelLetter(letter)) k++;
  const numberEnd = k;
  while (isJsSpace(codeBefore(text, k, end))) k++;
  const next = codeBefore(text, k, end);
  const ended = next === 0x2e || next === 0x3a; // "." or ":"
  if (!ended && k < end && (k === numberEnd || !upperAt(text, k, end))) return undefined;
  const r: LineStart = { kind: 'dieu', number: text.slice(numberStart, numberEnd), labelEnd: (ended ? k + 1 : numberEnd) - start, numberStart: numberStart - start, numberEnd: numberEnd - start };
  if (!ended) r.weak = true;
  return r;
}

/** `\p{Lu}` at `i` (a whole code point), the line ending at `end`. */
function upperAt(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const k = vietnameseCase(c);
  return k < 0 ? UPPER_START.test(text.slice(i, Math.min(i + 2, end))) : k !== LOWER_CASE && k !== 0;
}
const UPPER_START = /^\p{Lu}/u;

/**
 * The code at `i` of a line that ends at `end`, -1 past it (no character: every test of it fails). Not NaN, as
 * charCodeAt past a string's end would say: a double among the small integers sent the optimised callers
 * back to the interpreter.
 */
function codeBefore(text: string, i: number, end: number): number {
  return i < end ? text.charCodeAt(i) : -1;
}

/** A footnote mark before a khoản label that carries its own mark (a lone "[3] Khoản này …" is a footnote). */
const WRAPPED_MARK = /^\[\d{1,3}\][ \t]?(?=\d{1,3}[a-zđ]?\.\[\d{1,3}\])/u;

function shifted(ls: LineStart | undefined, by: number): LineStart | undefined {
  if (!ls) return undefined;
  const out: LineStart = { ...ls, labelEnd: ls.labelEnd + by };
  if (ls.numberStart !== undefined) out.numberStart = ls.numberStart + by;
  if (ls.numberEnd !== undefined) out.numberEnd = ls.numberEnd + by;
  return out;
}

function withNumber(kind: LineStartKind, m: RegExpExecArray, numberStart: number): LineStart {
  const num = m[1];
  return { kind, number: num, labelEnd: m[0].trimEnd().length, numberStart, numberEnd: numberStart + num.length };
}

