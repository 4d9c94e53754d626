/**
 * Finding references to units ("điểm a khoản 2 Điều 5", "các điểm a, g khoản 3
 * và đ khoản 4 mục II của Kế hoạch này", "từ Điều 7 đến Điều 12", "Như Điều 3",
 * "Phụ lục kèm theo", "khoản 2 Điều 251 của Luật Đất đai") in a text.
 *
 * One pass: a keyword scan finds where a reference may start, then a small
 * hand-written parser reads tokens from there with sticky regexes (no
 * backtracking across the text) and the scan resumes after what it consumed.
 * Pure: text in, plain data out; offsets are offsets into the text given.
 */
import type { Range } from '../syntax/tree.ts';
import { isAsciiDigit, isLabelLetter } from '../text/letters.ts';
import { classOf } from '../text/unicode-classes.ts';

export type PartKind = 'diem' | 'khoan' | 'dieu' | 'muc' | 'section' | 'chuong' | 'phan' | 'phu-luc';

export interface RefPart {
  kind: PartKind;
  /** Numbers as written, one per list item ("a", "g"); empty for relative forms and "Phụ lục kèm theo". */
  numbers: string[];
  /** "từ khoản 2 đến khoản 5": the inclusive ends, as written. */
  range?: [string, string];
  /**
   * Where each number is written, parallel to `numbers` (for a range: its two
   * ends). Renumbering and rename rewrite exactly these.
   */
  numberRanges: Range[];
  /** "khoản này" → 'this', "các khoản trên" → 'above'. */
  relative?: 'this' | 'above';
  /** "Phụ lục kèm theo"; also `bare` "Phụ lục" alone ("quy định tại Phụ lục về Danh mục …"). */
  attached?: boolean;
  bare?: boolean;
  /** Where the part is written (keyword through its last number). */
  location: Range;
}

/**
 * One pinpoint: parts from the smallest unit up ("điểm a" → "khoản 2" → "Điều 5").
 * A phrase like "các điểm a, g khoản 3 và đ khoản 4 mục II" has two chains that
 * share their tail ("mục II"): the tail is copied into each chain.
 */
export interface RefChain {
  parts: RefPart[];
  location: Range;
}

export type RefScope =
  /**
   * "của Quyết định này", "Luật này": the type word of this document or of an
   * attached one; `bare` when "này" is not written ("mục II của Kế hoạch").
   */
  | { kind: 'this'; word: string; bare?: boolean }
  /** Another document ("của Luật Đất đai", "Nghị định số 63/2022/NĐ-CP"). */
  | { kind: 'external' }
  /** Text inside quoted amendment content: it speaks of the amended document. */
  | { kind: 'amended' };

export interface Reference {
  /** The whole phrase, "các" / "từ" / "Như" and the scope words included. */
  range: Range;
  /** Led by "các" / "những": "các khoản trên" means every khoản above, "khoản trên" the one just above. */
  plural?: boolean;
  chains: RefChain[];
  scope?: RefScope;
  external?: { pinpointText: string; documentText: string };
  /** "Như Điều 3" in Nơi nhận. */
  nhu?: boolean;
}

/** Nesting level of each part kind: a chain goes up strictly. */
export const LEVEL: Record<PartKind, number> = {
  diem: 1, khoan: 2, dieu: 3, muc: 4, section: 4, chuong: 5, phan: 6, 'phu-luc': 7,
};

const L = classOf('L', 'N'); // explicit ranges: cheaper for V8 to make than \p{L}\p{N} (text/unicode-classes.ts)
const WORD_CHAR = new RegExp(`[${L}]`, 'u');
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return WORD_CHAR.test(c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]);
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** Whether the unit at `at`, read alone, is a letter or digit (a surrogate alone is neither). */
function unitIsWordChar(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 0x80 ? isAsciiWordChar(c) : WORD_CHAR.test(text[at]);
}

/** `(?![\p{L}\p{N}])` at `at`: the code point starting there (a surrogate pair read as one) is no letter or digit. */
function wordCharAt(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 0x80) return isAsciiWordChar(c);
  if (c >= 0xd800 && c <= 0xdbff && at + 1 < text.length) {
    const d = text.charCodeAt(at + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(at, at + 2));
  }
  return WORD_CHAR.test(text[at]);
}

/** `(?<![\p{L}\p{N}])` at `at`: the code point ending there (a surrogate pair read as one) is no letter or digit. */
function wordCharBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return isAsciiWordChar(c);
  if (c >= 0xdc00 && c <= 0xdfff && at >= 2) {
    const h = text.charCodeAt(at - 2);
    if (h >= 0xd800 && h <= 0xdbff) return WORD_CHAR.test(text.slice(at - 2, at));
  }
  return WORD_CHAR.test(text[at - 1]);
}

/**
 * Words that make a compound noun with the keyword after them: "thời điểm
 * này", "địa điểm trên", "danh mục này", "Tiểu mục 2", "cổ phần này" are
 * not references.
 */
/** A word of such a compound, for a comparison by hand in either case: its units in lower and in upper case. */
interface CompoundWord {
  lower: string;
  upper: string;
}
function compoundWords(words: string): readonly CompoundWord[] {
  return words.split(' ').map((w) => ({ lower: w, upper: w.toUpperCase() }));
}
const COMPOUNDS: Partial<Record<PartKind, readonly CompoundWord[]>> = {
  diem: compoundWords('thời địa đặc quan ưu nhược trọng thí chấm giao thang tổng cực tiêu khởi xuất'),
  muc: compoundWords('tiểu danh hạng chuyên đề'),
  phan: compoundWords('cổ hợp thành thị cả bộ'),
};
/**
 * The keywords, as the pattern "[Đđ]iểm|ĐIỂM|[Kk]hoản|KHOẢN|…" followed by no letter or digit would read them:
 * the first letter in either case then the rest in lower case, or all in capitals. Each has an anchor, a
 * rare sequence inside it at a fixed place ("ểm" two units after the start of "điểm"): the scan searches the
 * anchors natively (a regex led by "đ", "k", "m", "c", "p" stops at nearly every word of the text).
 */
interface Keyword {
  kind: PartKind;
  /** First letter, lower and upper case (two fields, not an array: read at every anchor hit). */
  first: number;
  firstUpper: number;
  rest: string;
  restUpper: string;
  length: number;
  /** The anchor in lower and in upper case, and where it stands from the keyword's start. */
  anchor: string;
  anchorUpper: string;
  offset: number;
  /** The words before it that make a compound noun with it (COMPOUNDS), or null: asked at every place. */
  compounds: readonly CompoundWord[] | null;
}
function keyword(kind: PartKind, word: string, anchor: string): Keyword {
  const upper = word.toUpperCase();
  return {
    kind, first: word.charCodeAt(0), firstUpper: upper.charCodeAt(0), rest: word.slice(1), restUpper: upper.slice(1), length: word.length,
    anchor, anchorUpper: anchor.toUpperCase(), offset: word.indexOf(anchor), compounds: COMPOUNDS[kind] ?? null,
  };
}
const KEYWORDS: readonly Keyword[] = [
  keyword('diem', 'điểm', 'ểm'), keyword('khoan', 'khoản', 'ản'), keyword('dieu', 'điều', 'ều'), keyword('muc', 'mục', 'ục'),
  keyword('chuong', 'chương', 'ương'), keyword('phan', 'phần', 'ần'), keyword('phu-luc', 'phụ lục', 'ục'),
];

/** Whether the keyword is written at `at` (not looking before it). */
function keywordWrittenAt(text: string, at: number, k: Keyword): boolean {
  const c = text.charCodeAt(at);
  if (c === k.first || c === k.firstUpper) {
    if (text.startsWith(k.rest, at + 1)) return !wordCharAt(text, at + k.length);
  }
  return c === k.firstUpper && text.startsWith(k.restUpper, at + 1) && !wordCharAt(text, at + k.length);
}

/** The keyword written at `at`, if any. */
function keywordWordAt(text: string, at: number): Keyword | undefined {
  const j = keywordIndexAt(text, at);
  return j < 0 ? undefined : KEYWORDS[j];
}

/** The index in KEYWORDS of the keyword written at `at`, or -1. */
function keywordIndexAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  for (let j = 0; j < KEYWORDS.length; j++) {
    const k = KEYWORDS[j];
    if ((c === k.first || c === k.firstUpper) && keywordWrittenAt(text, at, k)) return j;
  }
  return -1;
}

/**
 * Each keyword's first letter and the unit two after it, in lower case ("đ" and "ề" for "điều"): the text scan
 * (rules/text-scan.ts) notes the words that begin with such a pair, and `findReferencesInText` reads the keywords
 * from them instead of searching the text.
 */
export const KEYWORD_LETTERS: readonly (readonly [string, string])[] = KEYWORDS.map((k) => [String.fromCharCode(k.first), k.rest[1]]);

/** Each anchor (lower and upper case) with the keywords holding it ("ục": "mục" and "phụ lục"). */
const ANCHORS: readonly (readonly [string, readonly number[]])[] = (() => {
  const byAnchor = new Map<string, number[]>();
  KEYWORDS.forEach((k, i) => {
    for (const a of [k.anchor, k.anchorUpper]) byAnchor.set(a, [...(byAnchor.get(a) ?? []), i]);
  });
  return [...byAnchor];
})();

/** Each anchor's keywords, with their indexes in KEYWORDS (index loops in the scan: it runs per hit). */
const ANCHOR_TEXT: readonly string[] = ANCHORS.map(([a]) => a);
const ANCHOR_KEYWORDS: readonly (readonly Keyword[])[] = ANCHORS.map(([, ks]) => ks.map((ki) => KEYWORDS[ki]));
const ANCHOR_CODES: readonly (readonly number[])[] = ANCHORS.map(([, ks]) => ks);

/**
 * Every place a keyword is written, ascending, as `start * 8 + index in KEYWORDS`: found where its
 * anchor stands. The same places as a global scan for the keywords. An Int32Array when the codes fit
 * (a text under 256 M units): its native sort is ≈ 4× that of a Float64Array (12 vs 49 µs for a law's
 * 1,828 places).
 */
function keywordStarts(text: string): Int32Array | Float64Array {
  let found: Int32Array | Float64Array = text.length < 0x0fffffff ? new Int32Array(256) : new Float64Array(256);
  let n = 0;
  for (let a = 0; a < ANCHOR_TEXT.length; a++) {
    const anchor = ANCHOR_TEXT[a];
    const ks = ANCHOR_KEYWORDS[a];
    for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) {
      for (let j = 0; j < ks.length; j++) {
        const at = i - ks[j].offset;
        if (at < 0 || !keywordWrittenAt(text, at, ks[j])) continue;
        if (n === found.length) {
          const more: Int32Array | Float64Array = found instanceof Int32Array ? new Int32Array(2 * n) : new Float64Array(2 * n);
          more.set(found);
          found = more;
        }
        found[n++] = at * 8 + ANCHOR_CODES[a][j];
      }
    }
  }
  return found.subarray(0, n).sort();
}

/**
 * `keywordStarts` from the text scan's candidates (rules/text-scan.ts TextScan.keywordCandidates: ascending, and
 * every keyword written after anything but a letter or digit is one): the keyword written at each. A keyword
 * with a letter or digit before it, which `keywordStarts` lists, is missing here; `findReferencesInText` passes
 * over such a place without a trace (its `wordBefore`), so the references are the same.
 */
function keywordStartsAt(text: string, candidates: ArrayLike<number>): Int32Array | Float64Array {
  const found: Int32Array | Float64Array = text.length < 0x0fffffff ? new Int32Array(candidates.length) : new Float64Array(candidates.length);
  let n = 0;
  for (let i = 0; i < candidates.length; i++) {
    const j = keywordIndexAt(text, candidates[i]);
    if (j >= 0) found[n++] = candidates[i] * 8 + j;
  }
  return found.subarray(0, n);
}

/** A place from `keywordStarts`: where the keyword starts, and which it is. */
function placeAt(code: number): number {
  return Math.floor(code / 8);
}
function placeWord(code: number, at: number): Keyword {
  return KEYWORDS[code - at * 8];
}

/** The keywords written in `text`, ascending (the scan's places, or those read from `candidates`; for tests). */
export function keywordPlaces(text: string, candidates?: ArrayLike<number>): { at: number; kind: PartKind; length: number }[] {
  return [...(candidates ? keywordStartsAt(text, candidates) : keywordStarts(text))].map((code) => {
    const at = placeAt(code);
    const word = placeWord(code, at);
    return { at, kind: word.kind, length: word.length };
  });
}

/**
 * What may stand between the tokens of a reference ("," "và" "của" "đến" …), read by hand at `at`: where it
 * ends, or -1. `e` is where the blanks (space, tab, line break) from `at` end, which the cursor keeps for
 * all the joiners tried at one place. Each reads exactly what the sticky pattern in its comment reads (the
 * property test "the joiners read by hand" holds them to it): ≈ 3,000 pattern runs in a law's references,
 * each a call into the regex engine for a few units, cost more than the comparisons.
 */
type Joiner = (t: string, at: number, e: number) => number;

/** The end of the blanks from `p` when there is at least one, or -1. */
function someBlanks(t: string, p: number): number {
  const q = blanksEnd(t, p);
  return q > p ? q : -1;
}

/** `(?:và|hoặc)(?![\p{L}\p{N}])` at `p`: where the word ends, or -1. */
function conjunctionEnd(t: string, p: number): number {
  const n = t.startsWith('và', p) ? 2 : t.startsWith('hoặc', p) ? 4 : 0;
  return n > 0 && !wordCharAt(t, p + n) ? p + n : -1;
}

/** `[ \t\n]*`: the blanks alone. */
const WS: Joiner = (_t, _at, e) => e;
/** `[ \t\n]*(?:,[ \t\n]*(?:(?:và|hoặc)(?![\p{L}\p{N}]))?|(?:và|hoặc)(?![\p{L}\p{N}]))[ \t\n]*` */
const SEP: Joiner = (t, _at, e) => {
  if (t.charCodeAt(e) === 0x2c) {
    const p = blanksEnd(t, e + 1);
    const q = conjunctionEnd(t, p);
    return q < 0 ? p : blanksEnd(t, q);
  }
  const q = conjunctionEnd(t, e);
  return q < 0 ? -1 : blanksEnd(t, q);
};
/** `[ \t\n]*,[ \t\n]*` */
const COMMA: Joiner = (t, _at, e) => (t.charCodeAt(e) === 0x2c ? blanksEnd(t, e + 1) : -1);
/** `[ \t\n]+của[ \t\n]+`: "khoản 2 của Điều 5", "từ khoản 2 đến khoản 4 của Điều này" (between the parts of one chain). */
const OF: Joiner = (t, at, e) => (e > at && t.startsWith('của', e) ? someBlanks(t, e + 3) : -1);
/** `(?:các|từ)[ \t\n]+` (no blanks before). */
const CAC: Joiner = (t, at) => {
  const n = t.startsWith('các', at) ? 3 : t.startsWith('từ', at) ? 2 : 0;
  return n > 0 ? someBlanks(t, at + n) : -1;
};
/** `[ \t\n]*(?:,[ \t\n]*)?đến[ \t\n]+` */
const DEN: Joiner = (t, _at, e) => {
  const p = t.charCodeAt(e) === 0x2c ? blanksEnd(t, e + 1) : e;
  return t.startsWith('đến', p) ? someBlanks(t, p + 3) : -1;
};
/** `[ \t\n]+này(?![\p{L}\p{N}])` */
const THIS: Joiner = (t, at, e) => (e > at && t.startsWith('này', e) && !wordCharAt(t, e + 3) ? e + 3 : -1);
/** `[ \t\n]+(?:nêu[ \t\n]+|ở[ \t\n]+|kể[ \t\n]+)?trên(?![\p{L}\p{N}])` */
const ABOVE: Joiner = (t, at, e) => {
  if (e === at) return -1;
  let p = e;
  const n = t.startsWith('nêu', p) ? 3 : t.startsWith('ở', p) ? 1 : t.startsWith('kể', p) ? 2 : 0;
  // Without blanks after it the word is not the pattern's, and "trên" cannot stand where it does.
  if (n > 0) p = someBlanks(t, p + n);
  return p >= 0 && t.startsWith('trên', p) && !wordCharAt(t, p + 4) ? p + 4 : -1;
};
/** "kèm theo", "được ban hành kèm theo" after "Phụ lục": rare (a few in a law), read by the pattern. */
const ATTACHED_PATTERN = /[ \t\n]+(?:được[ \t\n]+)?(?:ban[ \t\n]+hành[ \t\n]+)?kèm(?:[ \t\n]+theo)?(?![\p{L}\p{N}])/uy;
const ATTACHED: Joiner = (t, at, e) => {
  const ch = t.charCodeAt(e);
  if (e === at || !(ch === 0x111 || ch === 0x62 || ch === 0x6b)) return -1;
  ATTACHED_PATTERN.lastIndex = at;
  return ATTACHED_PATTERN.test(t) ? ATTACHED_PATTERN.lastIndex : -1;
};

/** Where each joiner read by hand ends at `at` of `text`, or -1 (for tests: each must read what its pattern reads). */
export function joinerEndAt(name: 'SEP' | 'COMMA' | 'OF' | 'CAC' | 'DEN' | 'THIS' | 'ABOVE' | 'ATTACHED', text: string, at: number): number {
  return { SEP, COMMA, OF, CAC, DEN, THIS, ABOVE, ATTACHED }[name](text, at, blanksEnd(text, at));
}

/** A number; never the start of a dotted label it is part of ("điểm a.8" is not "điểm a"). */
const NUM_AFTER = /[ \t\n]+(?:số[ \t\n]+)?(thứ[ \t\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\d{1,4}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\d?)(?![\p{L}\p{N}]|\.\d)/uy;
const NUM_LIST = /(thứ[ \t\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\d{1,4}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\d?)(?![\p{L}\p{N}]|\.\d)/uy;

export const DOC_WORDS = [
  'Bộ luật', 'Luật', 'Hiến pháp', 'Pháp lệnh', 'Nghị định', 'Nghị quyết liên tịch', 'Nghị quyết', 'Thông tư liên tịch', 'Thông tư',
  'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Quy chế', 'Quy định', 'Quy trình', 'Chương trình', 'Đề án', 'Phương án', 'Hướng dẫn',
  'Điều lệ', 'Văn bản hợp nhất', 'Văn bản', 'văn bản', 'Công văn', 'Thông báo', 'Nội quy', 'Hiệp định', 'Công ước', 'Lệnh', 'Danh mục',
];
const DOC_FIRSTS = DOC_WORDS.map((w) => w.charCodeAt(0));
/** The words that may come between a reference and the type word of its document ("khoản 2 Điều 5 của Luật …"). */
const DOC_LEADS = ['của', 'tại', 'thuộc', 'trong'];
const DOC_NUMBER = /[ \t\n]+(?:số[ \t\n]+)?(\d[\w\u00C0-\u1EF9.-]*\/[\w\u00C0-\u1EF9/.-]*\w)/uy; // no '/' before the first one: linear
const DOC_NAME_WORD = /[ \t\n]+(\p{Lu}[\p{L}\d-]*|(?:năm|về)(?=[ \t\n]+\p{Lu}|[ \t\n]+\d)|\d{4}|[\p{Ll}][\p{L}]*)/uy;
const NAME_STOP = new Set(['và', 'hoặc', 'được', 'thì', 'có', 'đã', 'để', 'theo', 'tại', 'như', 'quy', 'là', 'của', 'do', 'này', 'mà', 'khi', 'đối', 'với', 'phải', 'không', 'ngày', 'sau', 'trước', 'sửa', 'bổ', 'bãi', 'thay', 'trong', 'hướng', 'thực', 'gồm', 'bao']);

/**
 * The labels a unit of each kind can have. Module constants: a regex literal in a function is a new
 * RegExp object at every call, and these are asked of every number read.
 */
export const VALID_NUMBER: Record<PartKind, RegExp> = {
  diem: /^[a-zđ]\d?$/u,
  // "2.1" is a sub-khoản; "150.000" (three digits after the dot) is an amount of money.
  khoan: /^\d{1,3}(?:\.\d{1,2}){0,3}[a-zđ]?$/u,
  dieu: /^\d{1,4}[a-zđ]?$/u,
  section: /^[IVXLC]+$/u,
  muc: /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]+)$/u,
  chuong: /^(?:\d{1,3}|[IVXLC]+)$/u,
  phan: /^(?:\d{1,2}|[IVXLC]+|thứ[ \t\n]+\S+)$/u,
  'phu-luc': /^(?:\d{1,3}[a-zđ]?|[IVXLC]+|[A-Z])$/u,
};
const ROMAN = /^[IVXLC]+$/u;
const BLANKS = /[ \t\n]+/g;

/**
 * The most digits a plain number ("5", "12", "251") may have as each kind's label, as VALID_NUMBER reads it
 * (0: none, a Roman number or a letter only).
 */
const PLAIN_DIGITS: Record<PartKind, number> = { diem: 0, khoan: 3, dieu: 4, section: 0, muc: 3, chuong: 3, phan: 2, 'phu-luc': 3 };

/**
 * Is this number a plausible label for that kind of unit (exported for tests)? A plain number of digits
 * (nearly every number a law's references write) is answered by its length, one lower-case letter ("a",
 * "đ") by the kind, the rest by the pattern.
 */
export function validNumber(kind: PartKind, n: string): boolean {
  const len = n.length;
  if (len >= 1 && len <= 4) {
    let digits = 0;
    while (digits < len && isAsciiDigit(n.charCodeAt(digits))) digits++;
    if (digits === len) return len <= PLAIN_DIGITS[kind];
    if (len === 1 && isLabelLetter(n.charCodeAt(0))) return kind === 'diem';
  }
  return VALID_NUMBER[kind].test(n);
}

interface Cursor {
  text: string;
  pos: number;
  /**
   * The offsets the output is in (the parse's `toOriginal`), or null for the text's own: each range is
   * made once, already mapped, instead of every reference being walked and rewritten afterwards.
   */
  map: ((offset: number) => number) | null;
  /** The last `blanksEnd` asked (from `blanksFrom`): the joiners tried at one place all ask it. */
  blanksFrom: number;
  blanksTo: number;
  /** Unit labels: a number there starts a heading ("… một số điều\n1. Sửa đổi"), it is not a reference's. */
  skip: SkipAt;
}

/** A range of the output, from text offsets. */
function span(c: Cursor, start: number, end: number): Range {
  return c.map ? { start: c.map(start), end: c.map(end) } : { start, end };
}

/** The end of the blanks (space, tab, line break) from `at`. */
function blanksEnd(text: string, at: number): number {
  for (let ch = text.charCodeAt(at); ch === 0x20 || ch === 0x09 || ch === 0x0a; ch = text.charCodeAt(++at));
  return at;
}

/** `blanksEnd` at the cursor. */
function blanksAfter(c: Cursor): number {
  if (c.blanksFrom !== c.pos) {
    c.blanksFrom = c.pos;
    c.blanksTo = blanksEnd(c.text, c.pos);
  }
  return c.blanksTo;
}

/** The joiner matched at the cursor, which moves past it. */
function skipOver(c: Cursor, j: Joiner): boolean {
  const end = j(c.text, c.pos, blanksAfter(c));
  if (end < 0) return false;
  c.pos = end;
  return true;
}

/** Whether the joiner matches at the cursor (which stays). */
function peekOver(c: Cursor, j: Joiner): boolean {
  return j(c.text, c.pos, blanksAfter(c)) >= 0;
}

/** The keyword at exactly this position and not inside a word. */
function keywordAt(c: Cursor): Keyword | undefined {
  const k = keywordWordAt(c.text, c.pos);
  return k && !wordCharBefore(c.text, c.pos) ? k : undefined;
}

/**
 * The number NUM_AFTER or NUM_LIST reads at the cursor, which moves past it (so it ends at the cursor): where
 * it starts, or -1. NUM_AFTER's number follows its blanks and, when written, "số" and blanks; NUM_LIST's is
 * the match. A plain number ("5", "12", "a": nearly all a law's references write) is read by hand
 * (`plainNumberEnd`), the rest by the pattern's `test` (no match array). No range is made here: a number
 * that is a heading's label or no valid label is dropped.
 */
function takeNumber(c: Cursor, re: RegExp): number {
  const from = c.pos;
  let start = from;
  if (re === NUM_AFTER) {
    if (!numberMayFollow(c)) return -1;
    // numberMayFollow saw at least one blank. The number starts after them, unless "số" and blanks come
    // first: then it is not plain ("ố" is no ASCII unit) and the pattern reads it.
    start = blanksAfter(c);
  }
  const plain = plainNumberEnd(c.text, start);
  if (plain >= 0) {
    c.pos = plain;
    return start;
  }
  re.lastIndex = from;
  if (!re.test(c.text)) return -1;
  if (re === NUM_AFTER && c.text.startsWith('số', start)) {
    const b = blanksEnd(c.text, start + 2);
    if (b > start + 2) start = b;
  }
  c.pos = re.lastIndex;
  return start;
}

/**
 * Where the number the patterns read at `p` ends when it is plain: one to four digits, or one letter of
 * [a-zđ], followed by the end of the text or an ASCII unit that is no letter, digit or ".". Then the
 * pattern reads exactly that (its greedy first choice: no dotted part, no letter after the digits, and the
 * look-ahead holds); otherwise -1, and the pattern is asked.
 */
function plainNumberEnd(t: string, p: number): number {
  const c0 = t.charCodeAt(p);
  let q = p + 1;
  if (c0 >= 0x30 && c0 <= 0x39) {
    while (q < p + 4 && isAsciiDigit(t.charCodeAt(q))) q++;
  } else if (!isLabelLetter(c0)) {
    return -1;
  }
  if (q >= t.length) return q;
  const x = t.charCodeAt(q);
  return x < 0x80 && x !== 0x2e && !isAsciiWordChar(x) ? q : -1;
}

/** `takeNumber` at `at` of `text` after a keyword (NUM_AFTER) or in a list (NUM_LIST): [start, end] or null (for tests). */
export function numberAt(text: string, at: number, afterKeyword: boolean): [number, number] | null {
  const c: Cursor = { text, pos: at, map: null, skip: () => false, blanksFrom: -1, blanksTo: -1 };
  const start = takeNumber(c, afterKeyword ? NUM_AFTER : NUM_LIST);
  return start < 0 ? null : [start, c.pos];
}

/** "IVXLC": the letters of a Roman number. */
const ROMAN_LETTERS = [0x49, 0x56, 0x58, 0x4c, 0x43];

/**
 * Whether NUM_AFTER can match at the cursor, from the blanks and the two characters after them: its
 * number starts with a digit, a Roman letter, "s" (of "số") or "t" (of "thứ"), or is one lower-case letter
 * that no letter follows. A keyword followed by a word ("điều kiện", "mục đích", "phần hoặc": ≈ 800 in a
 * law) is not asked of the pattern.
 */
function numberMayFollow(c: Cursor): boolean {
  const e = blanksAfter(c);
  if (e === c.pos) return false;
  const ch = c.text.charCodeAt(e);
  if ((ch >= 0x30 && ch <= 0x39) || ch === 0x73 || ch === 0x74 || ROMAN_LETTERS.includes(ch)) return true;
  if (!isLabelLetter(ch)) return false;
  // [a-zđ]\d? then no letter or digit: a letter after it ends the match, a digit does not.
  const next = c.text.charCodeAt(e + 1);
  return (next >= 0x30 && next <= 0x39) || !wordCharAt(c.text, e + 1);
}

/** `numberMayFollow` at `at` of `text` (for tests: it must hold wherever NUM_AFTER matches). */
export function numberMayFollowAt(text: string, at: number): boolean {
  return numberMayFollow({ text, pos: at, map: null, skip: () => false, blanksFrom: -1, blanksTo: -1 });
}

/** "1" … "999", made once: a law's references write a few thousand of these numbers, and each is kept. */
const DIGITS: string[] = Array.from({ length: 1000 }, (_, i) => String(i));

/** The number `takeNumber` has just read from `start` (a plain 1–3 digit number from DIGITS). */
function written(c: Cursor, start: number): string {
  const t = c.text;
  const end = c.pos;
  if (end - start <= 3 && t.charCodeAt(start) !== 0x30 || end - start === 1) {
    let v = 0;
    for (let i = start; i < end; i++) {
      const d = t.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return t.slice(start, end);
      v = v * 10 + d;
    }
    return DIGITS[v];
  }
  return t.slice(start, end);
}

/**
 * The numbers of a part that writes none ("khoản này", "các khoản trên", "Phụ lục kèm theo": ≈ 250 in a
 * law) and their ranges: one empty list for all, frozen (no reader writes one), instead of two each.
 */
const NO_NUMBERS = Object.freeze([]) as readonly string[] as string[];
const NO_RANGES = Object.freeze([]) as readonly Range[] as Range[];

/**
 * The list of one number, for the numbers most parts write ("5", "12", "a", "đ"): one frozen list per
 * number, made on first use (a constant of the language like DIGITS, the same whatever text asks it),
 * instead of a new list for each of ≈ 500 parts in a law. Other numbers ("2.1", "II") get their own.
 */
function oneNumber(n: string): string[] {
  const c0 = n.charCodeAt(0);
  if (n.length === 1 && ((c0 >= 0x61 && c0 <= 0x7a) || c0 === 0x111)) {
    const i = c0 === 0x111 ? 26 : c0 - 0x61;
    return (LETTER_LISTS[i] ??= Object.freeze([n]) as readonly string[] as string[]);
  }
  if (n.length > 3) return [n];
  let v = 0;
  for (let i = 0; i < n.length; i++) {
    const d = n.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return [n];
    v = v * 10 + d;
  }
  // "05" is not DIGITS[5]: it keeps its own list.
  return DIGITS[v] === n ? (DIGIT_LISTS[v] ??= Object.freeze([n]) as readonly string[] as string[]) : [n];
}
const LETTER_LISTS: (string[] | undefined)[] = [];
const DIGIT_LISTS: (string[] | undefined)[] = [];

/**
 * A list's numbers and their ranges while it is read: most parts have one number, and an array that is
 * pushed to grows a store of 17 slots; the lists are copied out at their size (readPart is not re-entered
 * before it copies them).
 */
const LIST_NUMBERS: string[] = [];
const LIST_RANGES: Range[] = [];

/**
 * "khoản 1, 2 và 4", "khoản này", "các khoản trên", "từ khoản 2 đến khoản 5", "Phụ lục kèm theo".
 * `known`: the keyword at the cursor, when the scan has already found it there (not inside a word).
 */
function readPart(c: Cursor, head = true, known?: Keyword): RefPart | null {
  const start = c.pos;
  const kw = known ?? keywordAt(c);
  if (!kw) return null;
  c.pos += kw.length;
  const afterKw = c.pos;
  // Every form but the bare "Phụ lục" has blanks after the keyword ("điều kiện" has them too, "Điều5" not).
  if (kw.kind !== 'phu-luc' && blanksAfter(c) === afterKw) return null;
  if (skipOver(c, THIS)) return { kind: kw.kind, numbers: NO_NUMBERS, numberRanges: NO_RANGES, relative: 'this', location: span(c, start, c.pos) };
  if (skipOver(c, ABOVE)) return { kind: kw.kind, numbers: NO_NUMBERS, numberRanges: NO_RANGES, relative: 'above', location: span(c, start, c.pos) };
  if (kw.kind === 'phu-luc' && peekOver(c, ATTACHED)) {
    // "Phụ lục kèm theo": the keyword alone is the reference; "kèm theo …" reads as scope.
    return { kind: 'phu-luc', numbers: NO_NUMBERS, numberRanges: NO_RANGES, attached: true, location: span(c, start, afterKw) };
  }
  const first = takeNumber(c, NUM_AFTER);
  if (first >= 0 && c.skip(first)) return null;
  if (first < 0) {
    // "tại Phụ lục về Danh mục …": a capitalised "Phụ lục" with no number names the attached one(s).
    if (kw.kind === 'phu-luc' && c.text.startsWith('Phụ lục', start)) {
      return { kind: 'phu-luc', numbers: NO_NUMBERS, numberRanges: NO_RANGES, attached: true, bare: true, location: span(c, start, afterKw) };
    }
    return null;
  }
  let kind = kw.kind;
  // Only "thứ nhất" … holds blanks.
  const raw = written(c, first);
  const n0 = raw.charCodeAt(0) === 0x74 ? raw.replace(BLANKS, ' ') : raw;
  if (kind === 'muc' && ROMAN.test(n0)) kind = 'section';
  if (!validNumber(kind, n0)) return null;
  const firstEnd = c.pos;
  // "đến khoản 5" / "đến 5"
  if (skipOver(c, DEN)) {
    const kw2 = keywordAt(c);
    if (kw2 && kw2.kind === kw.kind) c.pos += kw2.length;
    const m = kw2 && kw2.kind === kw.kind ? takeNumber(c, NUM_AFTER) : takeNumber(c, NUM_LIST);
    const to = m >= 0 ? written(c, m) : '';
    if (to && validNumber(kind, to)) {
      return { kind, numbers: oneNumber(n0), range: [n0, to], numberRanges: [span(c, first, firstEnd), span(c, m, c.pos)], location: span(c, start, c.pos) };
    }
    c.pos = firstEnd;
  }
  // A list: ", 2 và 4", ", khoản 2 và khoản 4" (same keyword repeated).
  let count = 0;
  let end = firstEnd;
  for (;;) {
    const before = c.pos;
    if (!skipOver(c, SEP)) break;
    const kw2 = keywordAt(c);
    let m: number;
    if (kw2) {
      // Only a chain's first part repeats its keyword: "khoản 2 Điều 2 và Điều 9" is two references.
      // "khoản 1 và khoản 2 Điều 10" is a list; "khoản 1 và khoản 2 của …" too.
      if (kw2.kind !== kw.kind || !head) { c.pos = before; break; }
      c.pos += kw2.length;
      m = takeNumber(c, NUM_AFTER);
    } else {
      m = takeNumber(c, NUM_LIST);
    }
    const n = m >= 0 ? written(c, m) : '';
    if (m < 0 || !validNumber(kind, n)) { c.pos = before; break; }
    LIST_NUMBERS[count] = n;
    LIST_RANGES[count++] = span(c, m, c.pos);
    end = c.pos;
  }
  c.pos = end;
  const location = span(c, start, end);
  if (count === 0) return { kind, numbers: oneNumber(n0), numberRanges: [span(c, first, firstEnd)], location };
  const numbers = new Array<string>(count + 1);
  const numberRanges = new Array<Range>(count + 1);
  numbers[0] = n0;
  numberRanges[0] = span(c, first, firstEnd);
  for (let i = 0; i < count; i++) {
    numbers[i + 1] = LIST_NUMBERS[i];
    numberRanges[i + 1] = LIST_RANGES[i];
  }
  return { kind, numbers, numberRanges, location };
}

/**
 * The type word of a document written at the cursor, as the sticky pattern
 * `[ \t\n]*(?:,[ \t\n]*)?(?:(?:của|tại|thuộc|trong)[ \t\n]+)?(W1|W2|…)(?![\p{L}\p{N}])` (DOC_WORDS in order,
 * each space as `[ \t\n]+`) reads it: its index in DOC_WORDS, the cursor then after it; or -1 (the cursor
 * stays). Read by hand: a match array and a copy of the word with its blanks made single cost ≈ 60 KB of a
 * law's check, and DOC_WORDS[k] is the word with single spaces. Exact: every step is forced — no type word
 * starts with a blank, a comma, "c" or "t", so the pattern cannot succeed by giving back blanks, the comma or
 * the lead word — and the words are tried in the pattern's order, each with its look-ahead.
 */
function docWordAt(c: Cursor): number {
  const t = c.text;
  let p = blanksAfter(c);
  if (t.charCodeAt(p) === 0x2c) p = blanksEnd(t, p + 1);
  // The lead words start with "c" or "t"; most references are followed by neither.
  const ch = t.charCodeAt(p);
  if (ch === 0x63 || ch === 0x74) {
    for (const word of DOC_LEADS) {
      if (!t.startsWith(word, p)) continue;
      const q = blanksEnd(t, p + word.length);
      if (q > p + word.length) p = q;
      break;
    }
  }
  const first = t.charCodeAt(p);
  for (let k = 0; k < DOC_WORDS.length; k++) {
    if (DOC_FIRSTS[k] !== first) continue;
    const end = spacedWordAt(t, p, DOC_WORDS[k]);
    if (end >= 0 && !wordCharAt(t, end)) {
      c.pos = end;
      return k;
    }
  }
  return -1;
}

/** `docWordAt` at `at` of `text`: the type word (single spaces) and where it ends, or null (for tests). */
export function documentWordAt(text: string, at: number): { word: string; end: number } | null {
  const c: Cursor = { text, pos: at, map: null, skip: () => false, blanksFrom: -1, blanksTo: -1 };
  const k = docWordAt(c);
  return k < 0 ? null : { word: DOC_WORDS[k], end: c.pos };
}

/** Where `word` ends when written at `at` with each of its spaces as one or more blanks, or -1. */
function spacedWordAt(t: string, at: number, word: string): number {
  for (let i = 0; i < word.length; i++) {
    const ch = word.charCodeAt(i);
    if (ch === 0x20) {
      const e = blanksEnd(t, at);
      if (e === at) return -1;
      at = e;
    } else if (t.charCodeAt(at++) !== ch) {
      return -1;
    }
  }
  return at;
}

/** The words naming another document, for the report ("Luật Đất đai", "Nghị định số 63/2022/NĐ-CP"). */
function readDocumentName(c: Cursor, word: string): string {
  const parts = [word];
  for (let i = 0; i < 8; i++) {
    // "Luật Nhà ở số 27/2023/QH15": the name ends with its number.
    const n = takeAfterBlanks(c, DOC_NUMBER);
    if (n !== null) {
      parts.push(n.replace(BLANKS, ' '));
      break;
    }
    const save = c.pos;
    const m = takeAfterBlanks(c, DOC_NAME_WORD);
    // "Điều 5 Luật sửa đổi, bổ sung …" names the amending law: its first words are part of the name.
    if (m === null || (NAME_STOP.has(m) && !(i === 0 && (m === 'sửa' || m === 'bổ')))) { c.pos = save; break; }
    parts.push(m);
  }
  return parts.join(' ');
}

/**
 * What the sticky `re` (blanks, then what it reads: DOC_NUMBER, DOC_NAME_WORD) matches at the cursor,
 * without its blanks, the cursor then after it; or null. By `test` and one slice: nothing the pattern
 * reads after its blanks starts with a blank, so that part starts where the blanks end.
 */
function takeAfterBlanks(c: Cursor, re: RegExp): string | null {
  re.lastIndex = c.pos;
  if (!re.test(c.text)) return null;
  const from = blanksEnd(c.text, c.pos);
  c.pos = re.lastIndex;
  return c.text.slice(from, c.pos);
}

/** Joiners between a part and the next, higher one: a space, "của", a comma. */
const JOINERS = [WS, OF, COMMA];

/** The part after `below` that goes up from it, or null (the cursor then stays). */
function higherPart(c: Cursor, below: RefPart): RefPart | null {
  const save = c.pos;
  for (const joiner of JOINERS) {
    c.pos = save;
    if (!skipOver(c, joiner)) continue;
    const part = readPart(c, false);
    if (part && LEVEL[part.kind] > LEVEL[below.kind]) return part;
  }
  c.pos = save;
  return null;
}

/**
 * The parts of the chains being read, one chain after the other (chain i's from CHAIN_STARTS[i]); copied
 * out at their size. The tails the chains share are added before the arrays are made: pushed onto an
 * array of one or two parts, each grew a store of 17 or more slots.
 */
const CHAIN_PARTS: RefPart[] = [];
const CHAIN_STARTS: number[] = [];

/**
 * "các điểm a, g khoản 3 và đ khoản 4 mục II …": chains sharing their tail, or null. `known`: the
 * keyword the scan found at the cursor.
 */
function readChains(c: Cursor, known: Keyword): RefChain[] | null {
  const first = readPart(c, true, known);
  if (!first) return null;
  CHAIN_PARTS[0] = first;
  // The parts read (all chains), where the current chain starts, the chains before it.
  let n = 1;
  let from = 0;
  let before = 0;
  for (;;) {
    const save = c.pos;
    // The next, higher part: "khoản 2 Điều 5", "khoản 2 của Điều 5", "điểm c, khoản 1 Điều 4".
    const up = higherPart(c, CHAIN_PARTS[n - 1]);
    if (up) {
      CHAIN_PARTS[n++] = up;
      continue;
    }
    // "… khoản 3 và đ khoản 4": a bare number of the chain's first kind starts a new chain.
    if (skipOver(c, SEP)) {
      const kind = CHAIN_PARTS[from].kind;
      skipOver(c, CAC);
      const startNew = c.pos;
      const kw = keywordAt(c);
      let next: RefPart | null = null;
      // The kind of the chain's top again starts a sibling chain that lends it its tail:
      // "khoản 2, 3 và từ khoản 5 đến khoản 7 Điều 5", "điểm a khoản 2, khoản 3 Điều 36".
      const top = CHAIN_PARTS[n - 1];
      if (kw && (LEVEL[kw.kind] < LEVEL[top.kind] || (kw.kind === top.kind && !top.relative))) {
        next = readPart(c);
      } else if (!kw && n - from > 1) {
        const m = takeNumber(c, NUM_LIST);
        const num = m >= 0 ? written(c, m) : '';
        if (m >= 0 && validNumber(kind, num)) next = { kind, numbers: oneNumber(num), numberRanges: [span(c, m, c.pos)], location: span(c, startNew, c.pos) };
      }
      if (next) {
        CHAIN_STARTS[before++] = from;
        from = n;
        CHAIN_PARTS[n++] = next;
        continue;
      }
    }
    c.pos = save;
    break;
  }
  // Most references are one chain of one or two parts.
  if (before === 0) return [chainOf(partsOf(n), 0, n)];
  CHAIN_STARTS[before] = from;
  CHAIN_STARTS[before + 1] = n;
  return sharingTails(before + 1);
}

/** Each chain's parts with those it takes from the others (by `sharingTails`), chain after chain. */
const TAILED: RefPart[] = [];
const TAILED_STARTS: number[] = [];
const ROW: RefPart[] = [];
const CHAINS: RefChain[] = [];

/** The `count` chains of CHAIN_PARTS, each with the parts it takes from its neighbours. */
function sharingTails(count: number): RefChain[] {
  // Head first: "Điều 146, các khoản 2 và 3" — a chain that stops below the
  // previous one's first unit hangs from it (from its parts, those it took included).
  let t = 0;
  for (let i = 0; i < count; i++) {
    TAILED_STARTS[i] = t;
    const end = CHAIN_STARTS[i + 1];
    for (let j = CHAIN_STARTS[i]; j < end; j++) TAILED[t++] = CHAIN_PARTS[j];
    if (i === 0) continue;
    const top = LEVEL[CHAIN_PARTS[end - 1].kind];
    const prevEnd = TAILED_STARTS[i];
    if (LEVEL[TAILED[TAILED_STARTS[i - 1]].kind] > top) {
      for (let j = TAILED_STARTS[i - 1]; j < prevEnd; j++) if (LEVEL[TAILED[j].kind] > top) TAILED[t++] = TAILED[j];
    }
  }
  TAILED_STARTS[count] = t;
  // Share the tail: earlier chains take the higher parts of the last one.
  const last = TAILED_STARTS[count - 1];
  for (let i = 0; i < count; i++) {
    const end = TAILED_STARTS[i + 1];
    let n = 0;
    for (let j = TAILED_STARTS[i]; j < end; j++) ROW[n++] = TAILED[j];
    if (i < count - 1) {
      const top = LEVEL[TAILED[end - 1].kind];
      for (let j = last; j < t; j++) if (LEVEL[TAILED[j].kind] > top) ROW[n++] = TAILED[j];
    }
    CHAINS[i] = chainOf(ROW.slice(0, n), CHAIN_STARTS[i], CHAIN_STARTS[i + 1]);
  }
  return CHAINS.slice(0, count);
}

/** The parts of the single chain CHAIN_PARTS[0, n), in an array of that size. */
function partsOf(n: number): RefPart[] {
  return n === 1 ? [CHAIN_PARTS[0]] : n === 2 ? [CHAIN_PARTS[0], CHAIN_PARTS[1]] : CHAIN_PARTS.slice(0, n);
}

/**
 * A chain of `parts` whose own parts (those written in it) are CHAIN_PARTS[from, to): its location is
 * theirs, already in the output's offsets.
 */
function chainOf(parts: RefPart[], from: number, to: number): RefChain {
  // A chain of one part is where its part is: one range object serves both (no reader changes a range).
  if (to - from === 1) return { parts, location: CHAIN_PARTS[from].location };
  return { parts, location: { start: CHAIN_PARTS[from].location.start, end: CHAIN_PARTS[to - 1].location.end } };
}

/**
 * The lead words ("các khoản trên", "từ Điều 7 đến Điều 12", "Như Điều 3"), lower case or capitalised, by
 * their last letter (none shares it): what they say of the reference.
 */
const SAYS = { from: 0, plural: 1, nhu: 2 } as const;
interface Lead {
  first: number;
  firstUpper: number;
  rest: string;
  length: number;
  says: number;
}
function leadWord(word: string, says: number): Lead {
  return { first: word.charCodeAt(0), firstUpper: word.toUpperCase().charCodeAt(0), rest: word.slice(1), length: word.length, says };
}
const LEAD_CAC = leadWord('các', SAYS.plural);
const LEAD_TU = leadWord('từ', SAYS.from);
const LEAD_NHU = leadWord('như', SAYS.nhu);
const LEAD_NHUNG = leadWord('những', SAYS.plural);
function leadEndingWith(ch: number): Lead | undefined {
  return ch === 0x63 ? LEAD_CAC : ch === 0x1eeb ? LEAD_TU : ch === 0x1b0 ? LEAD_NHU : ch === 0x67 ? LEAD_NHUNG : undefined;
}

const KELVIN = 0x212a;

/** Whether `w` is written at `at` in any case: each unit its lower or upper case ("K", the Kelvin sign, folds to "k"). */
function foldedAt(text: string, at: number, w: CompoundWord): boolean {
  for (let i = 0; i < w.lower.length; i++) {
    const c = text.charCodeAt(at + i);
    const lo = w.lower.charCodeAt(i);
    if (c !== lo && c !== w.upper.charCodeAt(i) && !(c === KELVIN && lo === 0x6b)) return false;
  }
  return true;
}

/**
 * As the pattern `(?:^|[^\p{L}\p{N}])(?:(?:thời|…)[ \t]+điểm|(?:tiểu|…)[ \t]+mục|(?:cổ|…)[ \t]+phần)$`, case-insensitive,
 * over the 12 units before the keyword and the keyword reads it, by hand (no slice of the text for each
 * "điểm", "mục", "phần"): the word ends where the spaces and tabs before the keyword start, lies inside
 * those 12 units, and starts them or follows a unit (or a surrogate pair, both halves inside) that is no
 * letter or digit.
 */
function inCompound(text: string, at: number, keyword: Keyword): boolean {
  const words = keyword.compounds;
  if (!words) return false;
  let b = at;
  for (let ch = text.charCodeAt(b - 1); ch === 0x20 || ch === 0x09; ch = text.charCodeAt(--b - 1));
  if (b === at) return false;
  const from = Math.max(0, at - 12);
  for (const w of words) {
    const s = b - w.lower.length;
    if (s < from || !foldedAt(text, s, w)) continue;
    if (s === from || !(s - 1 === from ? unitIsWordChar(text, s - 1) : wordCharBefore(text, s))) return true;
  }
  return false;
}

/** `inCompound` for the keyword written at `at` (for tests: it must read what its pattern reads). */
export function compoundAt(text: string, at: number): boolean {
  const k = keywordWordAt(text, at);
  return !!k && inCompound(text, at, k);
}

/**
 * "các", "từ", "Như" … before the keyword: `start * 4 + what it says` (SAYS), or -1. As the pattern
 * `(?:^|[^\p{L}\p{N}])(các|từ|Từ|Các|Như|như|những|Những)[ \t\n]+$` over the 8 units before the keyword
 * reads it, by hand (no slice, no match array): the word ends where the blanks before the keyword start,
 * lies inside those 8 units, and starts them or follows a unit (or a surrogate pair, both halves inside)
 * that is no letter or digit.
 */
function leadBefore(text: string, at: number): number {
  let b = at;
  for (let ch = text.charCodeAt(b - 1); ch === 0x20 || ch === 0x09 || ch === 0x0a; ch = text.charCodeAt(--b - 1));
  const word = b === at ? undefined : leadEndingWith(text.charCodeAt(b - 1));
  if (!word) return -1;
  const from = Math.max(0, at - 8);
  const w = b - word.length;
  if (w < from) return -1;
  const first = text.charCodeAt(w);
  if ((first !== word.first && first !== word.firstUpper) || !text.startsWith(word.rest, w + 1)) return -1;
  // The unit before the word, when it is the first of the 8, is seen alone (a lone surrogate is no letter).
  if (w > from && (w - 1 === from ? unitIsWordChar(text, w - 1) : wordCharBefore(text, w))) return -1;
  return w * 4 + word.says;
}

/** `leadBefore` as the word's start and the word, or null (for tests: it must read what its pattern reads). */
export function leadWordBefore(text: string, at: number): { start: number; word: string } | null {
  const lead = leadBefore(text, at);
  if (lead < 0) return null;
  const start = Math.floor(lead / 4);
  let end = start;
  while (end < at && !(text.charCodeAt(end) === 0x20 || text.charCodeAt(end) === 0x09 || text.charCodeAt(end) === 0x0a)) end++;
  return { start, word: text.slice(start, end) };
}

/**
 * The range of a reference's phrase, from `start` to the cursor: the range of its chain when that is the
 * same (one chain, no lead word, no scope words: most references), one object for both.
 */
function phraseRange(c: Cursor, start: number, chains: RefChain[]): Range {
  const s = c.map ? c.map(start) : start;
  const e = c.map ? c.map(c.pos) : c.pos;
  const l = chains[0].location;
  return chains.length === 1 && l.start === s && l.end === e ? l : { start: s, end: e };
}

/**
 * A reference as one literal of its final shape: fields added one by one to a literal go to a separate
 * property store (one more object for each of the references with a scope) and give the objects as many
 * shapes as orders. The keys stay in the order the readers have always seen (JSON of the findings).
 */
function reference(range: Range, chains: RefChain[], nhu: boolean, plural: boolean, scope: RefScope | undefined, external: Reference['external']): Reference {
  if (!nhu && !plural) {
    if (!scope) return { range, chains };
    return external ? { range, chains, scope, external } : { range, chains, scope };
  }
  if (!nhu && !scope) return { range, chains, plural };
  if (!nhu) return external ? { range, chains, plural, scope, external } : { range, chains, plural, scope };
  // "Như Điều 3" (Nơi nhận): a handful in a document.
  const ref: Reference = { range, chains, nhu };
  if (plural) ref.plural = true;
  if (scope) ref.scope = scope;
  if (external) ref.external = external;
  return ref;
}

/** True when a keyword at `offset` should not start a reference (a heading label, …). */
export type SkipAt = (offset: number) => boolean;

/**
 * Every reference in `text`. `skip` vetoes keyword positions that are unit labels (headings). `toOutput`
 * maps the text's offsets to those of the ranges returned (the parse's `toOriginal`); without it they are
 * the text's. `candidates`: the text scan's keyword candidates, when the text rules' scan of it ran (else the
 * keywords are searched).
 */
export function findReferencesInText(text: string, skip: SkipAt = () => false, toOutput?: (offset: number) => number, candidates?: ArrayLike<number>): Reference[] {
  let n = 0;
  const c: Cursor = { text, pos: 0, map: toOutput ?? null, skip, blanksFrom: -1, blanksTo: -1 };
  const starts = candidates ? keywordStartsAt(text, candidates) : keywordStarts(text);
  // The keywords in text order; the scan goes on from `from` (after a reference, after a keyword passed over).
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    const at = placeAt(starts[i]);
    const word = placeWord(starts[i], at);
    if (at < from) continue;
    if (wordBefore(text, at)) {
      from = at + 1;
      continue;
    }
    from = at + word.length;
    if (skip(at) || inCompound(text, at, word)) continue;
    c.pos = at;
    const chains = readChains(c, word);
    if (!chains) continue;
    const lead = leadBefore(text, at);
    const start = lead < 0 ? at : Math.floor(lead / 4);
    const says = lead - start * 4;
    const nhu = lead >= 0 && says === SAYS.nhu;
    const plural = lead >= 0 && says === SAYS.plural;
    const pinEnd = c.pos;
    const lastParts = chains[chains.length - 1].parts;
    if (lastParts[lastParts.length - 1].kind === 'phu-luc') skipOver(c, ATTACHED);
    let scope: RefScope | undefined;
    let external: Reference['external'];
    const doc = docWordAt(c);
    if (doc >= 0) {
      const word = DOC_WORDS[doc];
      if (skipOver(c, THIS)) {
        scope = { kind: 'this', word };
      } else {
        const name = readDocumentName(c, word);
        if (name === word) {
          // "mục II của Kế hoạch": a bare type word names this document or its attachment.
          scope = { kind: 'this', word: name, bare: true };
        } else {
          scope = { kind: 'external' };
          external = { pinpointText: text.slice(start, pinEnd), documentText: name };
        }
      }
    }
    FOUND[n++] = reference(phraseRange(c, start, chains), chains, nhu, plural, scope, external);
    from = Math.max(c.pos, at + 1);
  }
  const out = FOUND.slice(0, n) as Reference[];
  // The scratch keeps no reference alive until the next reading (it would be promoted with it).
  FOUND.fill(undefined, 0, n);
  return out;
}

/**
 * The references while they are found, copied out at their number: a list grown by push leaves its
 * smaller stores behind (≈ 11 KB for a law's 578) and ends up to half empty.
 */
const FOUND: (Reference | undefined)[] = [];
