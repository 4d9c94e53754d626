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

const L = '\\p{L}\\p{N}';
const KEYWORDS = `(?:[Đđ]iểm|ĐIỂM|[Kk]hoản|KHOẢN|[Đđ]iều|ĐIỀU|[Mm]ục|MỤC|[Cc]hương|CHƯƠNG|[Pp]hần|PHẦN|[Pp]hụ lục|PHỤ LỤC)(?![${L}])`;
/** A keyword exactly at the cursor (sticky: it never searches ahead). */
const KEYWORD = new RegExp(`(?<![${L}])${KEYWORDS}`, 'uy');
/**
 * The scan for keywords. It must not start inside a word: checked in code
 * (wordBefore), not by a lookbehind, which would run at every position of the
 * text while the keywords' first letters let the engine skip ahead.
 */
const KEYWORD_SCAN = new RegExp(KEYWORDS, 'gu');
const WORD_CHAR = new RegExp(`[${L}]`, 'u');
function wordBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return WORD_CHAR.test(c >= 0xdc00 && c <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]);
}
const KIND_OF: Record<string, PartKind> = {
  điểm: 'diem', khoản: 'khoan', điều: 'dieu', mục: 'muc', chương: 'chuong', phần: 'phan', 'phụ lục': 'phu-luc',
};

const WS = /[ \t\n]*/y;
const SEP = /[ \t\n]*(?:,[ \t\n]*(?:(?:và|hoặc)(?![\p{L}\p{N}]))?|(?:và|hoặc)(?![\p{L}\p{N}]))[ \t\n]*/uy;
const COMMA = /[ \t\n]*,[ \t\n]*/y;
/** "khoản 2 của Điều 5", "từ khoản 2 đến khoản 4 của Điều này": "của" between the parts of one chain. */
const OF = /[ \t\n]+của[ \t\n]+/uy;
const CAC = /(?:các|từ)[ \t\n]+/uy;
const DEN = /[ \t\n]*(?:,[ \t\n]*)?đến[ \t\n]+/uy;
const THIS = /[ \t\n]+này(?![\p{L}\p{N}])/uy;
const ABOVE = /[ \t\n]+(?:nêu[ \t\n]+|ở[ \t\n]+|kể[ \t\n]+)?trên(?![\p{L}\p{N}])/uy;
const ATTACHED = /[ \t\n]+(?:được[ \t\n]+)?(?:ban[ \t\n]+hành[ \t\n]+)?kèm(?:[ \t\n]+theo)?(?![\p{L}\p{N}])/uy;
/** A number; never the start of a dotted label it is part of ("điểm a.8" is not "điểm a"). */
const NUM_AFTER = /[ \t\n]+(?:số[ \t\n]+)?(thứ[ \t\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\d{1,4}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\d?)(?![\p{L}\p{N}]|\.\d)/uy;
const NUM_LIST = /(thứ[ \t\n]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)|\d{1,4}(?:\.\d{1,3})*[a-zđ]?|[IVXLC]{1,7}|[a-zđ]\d?)(?![\p{L}\p{N}]|\.\d)/uy;

const DOC_WORDS = [
  'Bộ luật', 'Luật', 'Hiến pháp', 'Pháp lệnh', 'Nghị định', 'Nghị quyết liên tịch', 'Nghị quyết', 'Thông tư liên tịch', 'Thông tư',
  'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Quy chế', 'Quy định', 'Quy trình', 'Chương trình', 'Đề án', 'Phương án', 'Hướng dẫn',
  'Điều lệ', 'Văn bản hợp nhất', 'Văn bản', 'văn bản', 'Công văn', 'Thông báo', 'Nội quy', 'Hiệp định', 'Công ước', 'Lệnh', 'Danh mục',
];
const DOC_WORD = new RegExp(
  `[ \\t\\n]*(?:,[ \\t\\n]*)?(?:(?:của|tại|thuộc|trong)[ \\t\\n]+)?(${DOC_WORDS.map((w) => w.replace(/ /g, '[ \\t\\n]+')).join('|')})(?![${L}])`,
  'uy',
);
const DOC_NUMBER = /[ \t\n]+(?:số[ \t\n]+)?(\d[\w\u00C0-\u1EF9.-]*\/[\w\u00C0-\u1EF9/.-]*\w)/uy; // no '/' before the first one: linear
const DOC_NAME_WORD = /[ \t\n]+(\p{Lu}[\p{L}\d-]*|(?:năm|về)(?=[ \t\n]+\p{Lu}|[ \t\n]+\d)|\d{4}|[\p{Ll}][\p{L}]*)/uy;
const NAME_STOP = new Set(['và', 'hoặc', 'được', 'thì', 'có', 'đã', 'để', 'theo', 'tại', 'như', 'quy', 'là', 'của', 'do', 'này', 'mà', 'khi', 'đối', 'với', 'phải', 'không', 'ngày', 'sau', 'trước', 'sửa', 'bổ', 'bãi', 'thay', 'trong', 'hướng', 'thực', 'gồm', 'bao']);

function fold(s: string): string {
  return s.toLowerCase().replace(/[ \t\n]+/g, ' ');
}

/** Is this number a plausible label for that kind of unit? */
function validNumber(kind: PartKind, n: string): boolean {
  if (kind === 'diem') return /^[a-zđ]\d?$/u.test(n);
  // "2.1" is a sub-khoản; "150.000" (three digits after the dot) is an amount of money.
  if (kind === 'khoan') return /^\d{1,3}(?:\.\d{1,2}){0,3}[a-zđ]?$/u.test(n);
  if (kind === 'dieu') return /^\d{1,4}[a-zđ]?$/u.test(n);
  if (kind === 'section') return /^[IVXLC]+$/u.test(n);
  if (kind === 'muc') return /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]+)$/u.test(n);
  if (kind === 'chuong') return /^(?:\d{1,3}|[IVXLC]+)$/u.test(n);
  if (kind === 'phan') return /^(?:\d{1,2}|[IVXLC]+|thứ[ \t\n]+\S+)$/u.test(n);
  return /^(?:\d{1,3}[a-zđ]?|[IVXLC]+|[A-Z])$/u.test(n);
}

interface Cursor {
  text: string;
  pos: number;
  /** Unit labels: a number there starts a heading ("… một số điều\n1. Sửa đổi"), it is not a reference's. */
  skip: SkipAt;
}

function take(c: Cursor, re: RegExp): RegExpExecArray | null {
  re.lastIndex = c.pos;
  const m = re.exec(c.text);
  if (m) c.pos = re.lastIndex;
  return m;
}

function peek(c: Cursor, re: RegExp): RegExpExecArray | null {
  re.lastIndex = c.pos;
  return re.exec(c.text);
}

/** The keyword at exactly this position, with its kind. */
function keywordAt(c: Cursor): { kind: PartKind; end: number } | null {
  KEYWORD.lastIndex = c.pos;
  const m = KEYWORD.exec(c.text);
  if (!m || m.index !== c.pos) return null;
  return { kind: KIND_OF[fold(m[0])], end: c.pos + m[0].length };
}

/** Where the number just taken by `m` is: its group ends where the match does. */
function numberRange(c: Cursor, m: RegExpExecArray): Range {
  return { start: c.pos - m[1].length, end: c.pos };
}

/** "khoản 1, 2 và 4", "khoản này", "các khoản trên", "từ khoản 2 đến khoản 5", "Phụ lục kèm theo". */
function readPart(c: Cursor, head = true): RefPart | null {
  const start = c.pos;
  const kw = keywordAt(c);
  if (!kw) return null;
  c.pos = kw.end;
  const afterKw = c.pos;
  if (take(c, THIS)) return { kind: kw.kind, numbers: [], numberRanges: [], relative: 'this', location: { start, end: c.pos } };
  if (take(c, ABOVE)) return { kind: kw.kind, numbers: [], numberRanges: [], relative: 'above', location: { start, end: c.pos } };
  if (kw.kind === 'phu-luc' && peek(c, ATTACHED)) {
    // "Phụ lục kèm theo": the keyword alone is the reference; "kèm theo …" reads as scope.
    return { kind: 'phu-luc', numbers: [], numberRanges: [], attached: true, location: { start, end: afterKw } };
  }
  const first = take(c, NUM_AFTER);
  if (first && c.skip(c.pos - first[1].length)) return null;
  if (!first) {
    // "tại Phụ lục về Danh mục …": a capitalised "Phụ lục" with no number names the attached one(s).
    if (kw.kind === 'phu-luc' && c.text.startsWith('Phụ lục', start)) {
      return { kind: 'phu-luc', numbers: [], numberRanges: [], attached: true, bare: true, location: { start, end: afterKw } };
    }
    return null;
  }
  let kind = kw.kind;
  const n0 = first[1].replace(/[ \t\n]+/g, ' ');
  if (kind === 'muc' && /^[IVXLC]+$/u.test(n0)) kind = 'section';
  if (!validNumber(kind, n0)) return null;
  const numbers = [n0];
  const numberRanges = [numberRange(c, first)];
  let end = c.pos;
  // "đến khoản 5" / "đến 5"
  const save = c.pos;
  if (take(c, DEN)) {
    const kw2 = keywordAt(c);
    if (kw2 && kw2.kind === kw.kind) c.pos = kw2.end;
    const m = kw2 && kw2.kind === kw.kind ? take(c, NUM_AFTER) : take(c, NUM_LIST);
    const to = m?.[1];
    if (m && to && validNumber(kind, to)) {
      return { kind, numbers: [n0], range: [n0, to], numberRanges: [numberRanges[0], numberRange(c, m)], location: { start, end: c.pos } };
    }
    c.pos = save;
  }
  // A list: ", 2 và 4", ", khoản 2 và khoản 4" (same keyword repeated).
  for (;;) {
    const before = c.pos;
    if (!take(c, SEP)) break;
    const kw2 = keywordAt(c);
    if (kw2) {
      // Only a chain's first part repeats its keyword: "khoản 2 Điều 2 và Điều 9" is two references.
      if (kw2.kind !== kw.kind || !head) { c.pos = before; break; }
      c.pos = kw2.end;
      const m = take(c, NUM_AFTER);
      if (!m || !validNumber(kind, m[1])) { c.pos = before; break; }
      // "khoản 1 và khoản 2 Điều 10" is a list; "khoản 1 và khoản 2 của …" too.
      numbers.push(m[1]);
      numberRanges.push(numberRange(c, m));
      end = c.pos;
      continue;
    }
    const m = take(c, NUM_LIST);
    if (!m || !validNumber(kind, m[1])) { c.pos = before; break; }
    numbers.push(m[1]);
    numberRanges.push(numberRange(c, m));
    end = c.pos;
  }
  c.pos = end;
  return { kind, numbers, numberRanges, location: { start, end } };
}

/** The words naming another document, for the report ("Luật Đất đai", "Nghị định số 63/2022/NĐ-CP"). */
function readDocumentName(c: Cursor, word: string): string {
  const parts = [word.replace(/[ \t\n]+/g, ' ')];
  const num = take(c, DOC_NUMBER);
  if (num) {
    parts.push(num[0].trim().replace(/[ \t\n]+/g, ' '));
    return parts.join(' ');
  }
  for (let i = 0; i < 8; i++) {
    // "Luật Nhà ở số 27/2023/QH15": the name ends with its number.
    const n = take(c, DOC_NUMBER);
    if (n) {
      parts.push(n[0].trim().replace(/[ \t\n]+/g, ' '));
      break;
    }
    const save = c.pos;
    const m = take(c, DOC_NAME_WORD);
    // "Điều 5 Luật sửa đổi, bổ sung …" names the amending law: its first words are part of the name.
    if (!m || (NAME_STOP.has(m[1]) && !(i === 0 && (m[1] === 'sửa' || m[1] === 'bổ')))) { c.pos = save; break; }
    parts.push(m[1]);
  }
  return parts.join(' ');
}

/** Joiners between a part and the next, higher one: a space, "của", a comma. */
const JOINERS = [WS, OF, COMMA];

/** The part after `below` that goes up from it, or null (the cursor then stays). */
function higherPart(c: Cursor, below: RefPart): RefPart | null {
  const save = c.pos;
  for (const joiner of JOINERS) {
    c.pos = save;
    if (!take(c, joiner)) continue;
    const part = readPart(c, false);
    if (part && LEVEL[part.kind] > LEVEL[below.kind]) return part;
  }
  c.pos = save;
  return null;
}

/** "các điểm a, g khoản 3 và đ khoản 4 mục II …": chains sharing their tail, or null. */
function readChains(c: Cursor): RefChain[] | null {
  const chains: RefChain[] = [];
  let cur: RefPart[] = [];
  const first = readPart(c);
  if (!first) return null;
  cur.push(first);
  for (;;) {
    const save = c.pos;
    // The next, higher part: "khoản 2 Điều 5", "khoản 2 của Điều 5", "điểm c, khoản 1 Điều 4".
    const up = higherPart(c, cur[cur.length - 1]);
    if (up) {
      cur.push(up);
      continue;
    }
    // "… khoản 3 và đ khoản 4": a bare number of the chain's first kind starts a new chain.
    if (take(c, SEP)) {
      const kind = cur[0].kind;
      take(c, CAC);
      const startNew = c.pos;
      const kw = keywordAt(c);
      let next: RefPart | null = null;
      // The kind of the chain's top again starts a sibling chain that lends it its tail:
      // "khoản 2, 3 và từ khoản 5 đến khoản 7 Điều 5", "điểm a khoản 2, khoản 3 Điều 36".
      const top = cur[cur.length - 1];
      if (kw && (LEVEL[kw.kind] < LEVEL[top.kind] || (kw.kind === top.kind && !top.relative))) {
        next = readPart(c);
      } else if (!kw && cur.length > 1) {
        const m = take(c, NUM_LIST);
        if (m && validNumber(kind, m[1])) next = { kind, numbers: [m[1]], numberRanges: [numberRange(c, m)], location: { start: startNew, end: c.pos } };
      }
      if (next) {
        chains.push({ parts: cur, location: { start: cur[0].location.start, end: cur[cur.length - 1].location.end } });
        cur = [next];
        continue;
      }
    }
    c.pos = save;
    break;
  }
  chains.push({ parts: cur, location: { start: cur[0].location.start, end: cur[cur.length - 1].location.end } });
  // Head first: "Điều 146, các khoản 2 và 3" — a chain that stops below the
  // previous one's first unit hangs from it.
  for (let i = 1; i < chains.length; i++) {
    const prev = chains[i - 1].parts;
    const ch = chains[i].parts;
    const top = LEVEL[ch[ch.length - 1].kind];
    if (LEVEL[prev[0].kind] > top) for (const p of prev) if (LEVEL[p.kind] > top) ch.push(p);
  }
  // Share the tail: earlier chains take the higher parts of the last one.
  const last = chains[chains.length - 1].parts;
  for (const ch of chains.slice(0, -1)) {
    const top = LEVEL[ch.parts[ch.parts.length - 1].kind];
    for (const p of last) if (LEVEL[p.kind] > top) ch.parts.push(p);
  }
  return chains;
}

const BEFORE_CAC = /(?:^|[^\p{L}\p{N}])(các|từ|Từ|Các|Như|như|những|Những)[ \t\n]+$/u;

/**
 * Words that make a compound noun with the keyword after them: "thời điểm
 * này", "địa điểm trên", "danh mục này", "Tiểu mục 2", "cổ phần này" are
 * not references.
 */
const COMPOUND_BEFORE = /(?:^|[^\p{L}\p{N}])(?:(?:thời|địa|đặc|quan|ưu|nhược|trọng|thí|chấm|giao|thang|tổng|cực|tiêu|khởi|xuất)[ \t]+điểm|(?:tiểu|danh|hạng|chuyên|đề)[ \t]+mục|(?:cổ|hợp|thành|thị|cả|bộ)[ \t]+phần)$/iu;

function inCompound(text: string, at: number, keyword: string): boolean {
  return COMPOUND_BEFORE.test(text.slice(Math.max(0, at - 12), at + keyword.length));
}

/** True when a keyword at `offset` should not start a reference (a heading label, …). */
export type SkipAt = (offset: number) => boolean;

/** Every reference in `text`. `skip` vetoes keyword positions that are unit labels (headings). */
export function findReferencesInText(text: string, skip: SkipAt = () => false): Reference[] {
  const out: Reference[] = [];
  const c: Cursor = { text, pos: 0, skip };
  const scan = new RegExp(KEYWORD_SCAN.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = scan.exec(text))) {
    const at = m.index;
    if (wordBefore(text, at)) {
      scan.lastIndex = at + 1;
      continue;
    }
    if (skip(at) || inCompound(text, at, m[0])) continue;
    c.pos = at;
    const chains = readChains(c);
    if (!chains) continue;
    let start = at;
    const lead = BEFORE_CAC.exec(text.slice(Math.max(0, at - 8), at));
    let nhu = false;
    if (lead) {
      start = at - (lead[0].length - (lead[0].match(/^[^\p{L}\p{N}]?/u)?.[0].length ?? 0));
      nhu = /^như$/iu.test(lead[1]);
    }
    const plural = !!lead && /^(?:các|những)$/iu.test(lead[1]);
    const pinEnd = c.pos;
    const ref: Reference = { range: { start, end: c.pos }, chains };
    if (nhu) ref.nhu = true;
    if (plural) ref.plural = true;
    const lastParts = chains[chains.length - 1].parts;
    if (lastParts[lastParts.length - 1].kind === 'phu-luc') take(c, ATTACHED);
    const doc = take(c, DOC_WORD);
    if (doc) {
      if (take(c, THIS)) {
        ref.scope = { kind: 'this', word: doc[1].replace(/[ \t\n]+/g, ' ') };
      } else {
        const name = readDocumentName(c, doc[1]);
        if (name === doc[1].replace(/[ \t\n]+/g, ' ')) {
          // "mục II của Kế hoạch": a bare type word names this document or its attachment.
          ref.scope = { kind: 'this', word: name, bare: true };
          ref.range.end = c.pos;
          out.push(ref);
          scan.lastIndex = Math.max(c.pos, at + 1);
          continue;
        }
        ref.scope = { kind: 'external' };
        ref.external = { pinpointText: text.slice(start, pinEnd), documentText: name };
      }
    }
    ref.range.end = c.pos;
    out.push(ref);
    scan.lastIndex = Math.max(c.pos, at + 1);
  }
  return out;
}
