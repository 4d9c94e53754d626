/**
 * Finding citations in a text: tokens (type words, số ký hiệu) are grouped
 * into citations, each read forward for its date ("ngày 12/9/2022", "ngày 12
 * tháng 9 năm 2022"), issuer ("của Chính phủ", "của Bộ trưởng Bộ Nội vụ") and
 * trích yếu ("quy định …", "về …"); laws are also cited by name ("Luật Tổ
 * chức Chính phủ ngày 19 tháng 6 năm 2015", "Bộ luật Hình sự"). Then the
 * text-level links: short names "(sau đây gọi tắt là …)" and their later
 * uses, amendment chains ("được sửa đổi, bổ sung bởi …") and the relation
 * phrase before a citation ("thay thế", "bãi bỏ").
 *
 * Pure; never throws; every quantifier is bounded. Offsets are into the text
 * given (the caller maps them to the original).
 */
import type { Range } from '../syntax/tree.ts';
import { GENERIC_TYPES, ISSUER_NAMES, issuerOf, TYPE_WORDS } from './codes.ts';
import { LAW_TYPES } from '../registry/laws.ts';
import { readDateAt } from './date.ts';
import { foldSpace, foldVi } from './text.ts';
import { findNumbers, GAP, LETTER_OR_DIGIT, TypeWordReader, type NumberToken, type TypeToken } from './tokenize.ts';
import type { Citation, CitationIssuer, Span } from './types.ts';
import { classOf } from '../text/unicode-classes.ts';
import { lazy } from '../lazy.ts';

// Class bodies of the patterns built here: explicit ranges, cheaper for V8 to make than \p{…} (text/unicode-classes.ts).
const LN = classOf('L', 'N');
const LETTER = classOf('L');
const LU = classOf('Lu');
const LL = classOf('Ll');

export interface FindOptions {
  /** Vetoes numbers at these places (the document's own "Số:" line, noise lines). */
  skip?: (start: number, end: number) => boolean;
  /** False when the text has no dash U+2010–U+2015 (SourceText.unicodeDashes): the numbers are found faster. */
  unicodeDashes?: boolean;
}

/**
 * Every pattern built here from GAP and the word lists, sticky: the test of
 * test/robust/citations-patterns.test.ts asks recheck about each final source
 * (allBuiltPatterns; the regex audit can only see `new RegExp(gapped…)`).
 */
const BUILT_PATTERNS: RegExp[] = [];
const re = (gapped: string, flags = 'uy') => {
  const r = new RegExp(gapped, flags);
  BUILT_PATTERNS.push(r);
  return r;
};
const SO = re(`${GAP}(?:số|Số|SỐ)(?:[ \\t]*:)?${GAP}`);
const SO_BARE = re(`${GAP}`);
// Not "do …": "do Chủ tịch … thực hiện" names who acts, not who issued.
// A comma with its blanks is one optional piece: `GAP? ,? GAP?` could split a blank run two ways.
const CUA = re(`${GAP}?(?:,${GAP}?)?của${GAP}`);
const NGAY = re(`${GAP}?(?:,${GAP}?)?(?=ngày|Ngày)`);
const NAM = re(`${GAP}(?:năm${GAP})?((?:19|20)\\d{2})(?![${LN}/])`);
const DRAFT = re(`${GAP}?\\((?:sửa đổi|sửa đổi, bổ sung)\\)`);

/** Words that end a name or never start a trích yếu. */
const STOP = new Set([
  'và', 'hoặc', 'hay', 'với', 'thì', 'đã', 'được', 'có', 'để', 'theo', 'tại', 'là', 'trong', 'đối', 'khi', 'nếu', 'mà', 'như',
  'do', 'cho', 'của', 'từ', 'đến', 'nay', 'này', 'đó', 'thay', 'hết', 'sẽ', 'cũng', 'vẫn', 'đang', 'phải', 'nhằm', 'bao',
  'gồm', 'trước', 'sau', 'kể', 'tính', 'còn', 'không', 'chưa', 'bị', 'các', 'những', 'một', 'ngày', 'năm', 'số', 'về', 'trên',
  'dưới', 'nêu', 'vào', 'ra', 'qua', 'lại', 'đây', 'ấy', 'gì', 'nào', 'thời', 'hiện', 'kèm', 'sửa', 'bổ', 'ban', 'quy', 'hướng',
  'thi', 'áp', 'nhưng', 'tháng', 'giai', 'đồng', 'nhất', 'cùng',
]);
/** Two-word phrases that end a law name ("Luật Đất đai quy định …"). */
const STOP_PAIRS = new Set(['quy định', 'hướng dẫn', 'sửa đổi', 'bổ sung', 'thi hành', 'hiện hành', 'ban hành', 'có hiệu', 'áp dụng']);
/** Inside a name these lower-case words are fine ("Luật Ban hành văn bản quy phạm pháp luật"). */
const NAME_OK_AFTER_FIRST = new Set(['ban', 'quy', 'hướng', 'thi', 'áp', 'sửa', 'bổ', 'có']);

const WORD = re(`${GAP}?([${LN}]+(?:-[${LN}]+)*)`);
const COMMA_WORD = re(`[ \\t]*,[ \\t]*(?:\\n[ \\t]*)?([${LL}][${LETTER}]*)`);
const DASH_WORD = re(`[ \\t]+[-–][ \\t]+([${LU}][${LETTER}]*)`);

const isUpper = (w: string) => w[0] !== w[0].toLowerCase();
/** A type word in title case right here ("Luật", "Nghị định"), after optional space. */
const TYPE_AT = re(`${GAP}?(?:${[...TYPE_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /gu, GAP)).join('|')})(?![${LN}])`);

interface Cursor {
  text: string;
  pos: number;
}

// At module level, where the build writes a g/y literal's \p{…} classes out (scripts/explicit-classes.mjs).
const FIRST_TITLE_WORD = /([\p{L}\p{N}]+)/uy;

function take(c: Cursor, r: RegExp): RegExpExecArray | null {
  r.lastIndex = c.pos;
  const m = r.exec(c.text);
  if (m) c.pos = r.lastIndex;
  return m;
}

/** `take` when only whether the pattern matches is read: `test` builds no match array. */
function skipOver(c: Cursor, r: RegExp): boolean {
  r.lastIndex = c.pos;
  if (!r.test(c.text)) return false;
  c.pos = r.lastIndex;
  return true;
}

// The spans are object literals with every field, not `{ ...span(…), more }`: a spread copies the span into a
// new object and then grows it, per part of each citation (a consolidated law has a thousand citations).
function span(text: string, start: number, end: number): Span {
  return { text: foldSpace(text.slice(start, end)), range: { start, end } };
}

/** The span of a type word as written, with its canonical form. */
function typeSpan(text: string, type: TypeToken): Span & { canonical: string } {
  return { text: foldSpace(text.slice(type.start, type.end)), range: { start: type.start, end: type.end }, canonical: type.word };
}

// ---------------------------------------------------------------------------
// Issuer
// ---------------------------------------------------------------------------

type IssuerName = (typeof ISSUER_NAMES)[number];

/**
 * Issuer names by their first word (folded), longest first, each first word's names in one sticky pattern: a
 * capture group per name (a name's pattern has none of its own), the alternatives in that order, then the one
 * lookahead. Backtracking tries each alternative followed by the lookahead before the next, so the first group
 * that matched is the name a pattern per name, tried in turn, found. Why one pattern: V8 builds and compiles the
 * Unicode class `[\p{L}\p{N}]` (under `iu`: case closure, astral ranges) once per pattern that holds it, ≈ 0.5–0.8
 * ms each, and the first check of a document with a ministry's citation compiled the ≈ 45 names starting "Bộ"
 * one by one (issue 9, the server's cold start: 51 issuer patterns in seed 004's first check).
 */
const ISSUER_BY_FIRST = new Map<string, { names: IssuerName[]; re?: RegExp }>();
for (const n of ISSUER_NAMES) {
  const first = foldVi(n.vi.split(' ')[0]);
  const group = ISSUER_BY_FIRST.get(first);
  if (group) group.names.push(n);
  else ISSUER_BY_FIRST.set(first, { names: [n] });
}

/**
 * A first word's pattern, built at its first use: V8 parses a pattern when it is made (the Unicode class
 * again), and most of the 22 first words never come up in a document (issue 9: seed 004 uses 5).
 */
function issuerPattern(group: { names: IssuerName[]; re?: RegExp }): RegExp {
  return (group.re ??= re(`(?:${group.names.map((n) => `(${n.pattern})`).join('|')})(?![${LN}])`, 'iuy'));
}

/** BUILT_PATTERNS with the patterns built at their first use made too (for the regex tests). */
export function allBuiltPatterns(): RegExp[] {
  for (const group of ISSUER_BY_FIRST.values()) issuerPattern(group);
  return BUILT_PATTERNS;
}
const FIRST_WORD = /[\p{L}]+/uy;
const MINISTRY_ABBR = /Bộ[ \t]+([A-ZĐ][A-ZĐ&]{1,9})(?![\p{L}\p{N}])/uy;
const KHOA = re(`${GAP}(?:khóa|khoá|Khóa|Khoá)${GAP}[IVXLC\\d]+(?![${LN}])`);
const LOCAL = re(
  `(?:(Chủ tịch)${GAP})?((?:Ủy|Uỷ) ban nhân dân|UBND|Hội đồng nhân dân|HĐND)(?:${GAP}(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)(?:${GAP}((?:[${LU}][${LN}]*|\\d+)(?:${GAP}(?:[${LU}][${LN}]*|\\d+)){0,5}))?)?(?![${LN}])`,
);

/** The body named at `pos` (after "của"), or undefined. */
function readIssuer(c: Cursor): CitationIssuer | undefined {
  const start = c.pos;
  const ch = c.text[start];
  if (!ch || ch === ch.toLowerCase()) return undefined;
  const local = take(c, LOCAL);
  if (local) {
    const code = /Hội đồng|HĐND/u.test(local[2]) ? 'HĐND' : 'UBND';
    const body = code === 'HĐND' ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân';
    const name = foldSpace(`${local[1] ? 'Chủ tịch ' : ''}${body}${local[3] ? ` ${local[3]}${local[4] ? ` ${local[4]}` : ''}` : ''}`);
    return { ...span(c.text, start, c.pos), name, codes: local[1] ? ['UBND', 'CTUBND'] : [code] };
  }
  FIRST_WORD.lastIndex = start;
  const first = FIRST_WORD.exec(c.text)?.[0] ?? '';
  const issuers = ISSUER_BY_FIRST.get(foldVi(first));
  if (issuers) {
    const r = issuerPattern(issuers);
    r.lastIndex = start;
    const m = r.exec(c.text);
    if (m) {
      const n = issuers.names[m.findIndex((g, i) => i > 0 && g !== undefined) - 1];
      c.pos = r.lastIndex;
      skipOver(c, KHOA); // "Ban Chấp hành Trung ương Đảng khóa XII"
      return { ...span(c.text, start, c.pos), name: n.vi, codes: [...n.codes] };
    }
  }
  // "Bộ LĐTBXH", "Bộ KH&CN": a ministry by its abbreviation.
  const abbr = take(c, MINISTRY_ABBR);
  if (abbr) {
    const info = issuerOf('B' + abbr[1].replace('&', ''));
    if (info) return { ...span(c.text, start, c.pos), name: info.vi, codes: [info.code] };
    c.pos = start;
  }
  // An unknown body: capitalised words ("Tổng cục trưởng Tổng cục Thuế"), up to a trích yếu or a stop.
  let end = start;
  let words = 0;
  const cur: Cursor = { text: c.text, pos: start };
  for (let i = 0; i < 10; i++) {
    const save = cur.pos;
    const w = i === 0 ? (take(cur, FIRST_TITLE_WORD) ?? null) : take(cur, WORD);
    if (!w) break;
    const word = w[1];
    if (!isUpper(word) && (STOP.has(word) || TITLE_VERB.test(word + ' '))) {
      cur.pos = save;
      break;
    }
    TYPE_AT.lastIndex = save;
    if (i > 0 && isUpper(word) && TYPE_AT.test(c.text)) {
      cur.pos = save;
      break;
    }
    words++;
    end = cur.pos;
  }
  if (words === 0) return undefined;
  c.pos = end;
  return { ...span(c.text, start, end), name: foldSpace(c.text.slice(start, end)), codes: [] };
}

const JOINT = re(`[ \\t]*(?:,|-|–)[ \\t]*(?:\\n[ \\t]*)?|${GAP}và${GAP}`);

/** Joint issuers: "của Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội" (a Thông tư liên tịch). */
function readIssuers(c: Cursor): CitationIssuer | undefined {
  const first = readIssuer(c);
  if (!first || first.codes.length === 0) return first;
  const names = [first.name];
  const codes = [...first.codes];
  let end = c.pos;
  for (let i = 0; i < 6; i++) {
    const save = c.pos;
    if (!skipOver(c, JOINT)) break;
    const next = readIssuer(c);
    if (!next || next.codes.length === 0) {
      c.pos = save;
      break;
    }
    names.push(next.name);
    codes.push(...next.codes);
    end = c.pos;
  }
  c.pos = end;
  if (names.length === 1) return first;
  return { ...span(c.text, first.range.start, end), name: names.join(', '), codes };
}

// ---------------------------------------------------------------------------
// Trích yếu
// ---------------------------------------------------------------------------

/** How a trích yếu may start right after a number (without date or issuer). */
const TITLE_AFTER_NUMBER = re(`${GAP}(?=(?:về|quy định|ban hành|hướng dẫn|sửa đổi|phê duyệt|bãi bỏ|thành lập)(?![${LN}]))`);
const TITLE_VERB = /^(?:về|quy|ban|hướng|sửa|bổ|phê|thành|kiện|công|giao|thực|triển|tiếp|đẩy|điều|bãi|áp|tăng|phân|quản|xử|hợp|chấn|nâng|tổ|khắc|chỉ|phát|thúc|đổi)\s/u;
const TITLE_START = re(`(?:${GAP}?,)?${GAP}(?=[${LL}])`);
/**
 * Where a trích yếu ends: the first match of any of these (the caller trims
 * blanks and commas off the end). An ending after a blank run is matched
 * where the run ends, behind a lookbehind (`(?<=\s)được …`), not from each
 * blank of the run (`\s+được …` tried at every blank is quadratic in the run).
 * Four patterns rather than one alternation: recheck proves each linear.
 */
const TITLE_ENDS = [
  /[;()|“”":]|\.(?=\s|$|\/)|\n[ \t]*\n|\n[ \t]*(?=[|]|[a-zđ]\)|\d{1,3}(?:\.\d{1,3})*\.\s|Điều\s|Chương\s|Mục\s|Căn cứ|Theo đề nghị|[IVXLC]+\.\s|QUYẾT|Nơi nhận|\d{1,2}\/\d{1,2}\/\d{4}[ \t]*(?:\n|$)|\d{1,3}[ \t]*(?:\n|$)|(?:Được|Bị|Đã được) (?:thay thế|bãi bỏ|sửa đổi|hết hiệu lực)|Hết hiệu lực)|(?<=[.;:!?])[ \t]*\n[ \t]*(?=[-+•])/gu,
  /(?<=\s)(?:(?:đã\s+)?được\s+sửa\s+đổi|(?=(?:đã\s+)?hết\s+hiệu\s+lực|có\s+hiệu\s+lực|được\s+thay\s+thế)|(?:và|hoặc)\s+(?=các\s))/gu,
  /(?<=[ \t])(?=-{3,}|\p{Lu}{2,}[ \t]+\p{Lu}{2,}(?![\p{L}]))/gu,
  // ", Luật số …", "và Nghị định số …": the next citation of a list.
  /(?:,|(?<=\s)và(?=\s))(?=\s*(?:và\s+)?(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kết luận|Công văn|Văn bản|Kế hoạch|Hướng dẫn)\s+(?:số\s+)?\d)/gu,
];
const MAX_TITLE = 400;

function readTitle(c: Cursor, afterNumberOnly: boolean): Span | undefined {
  const save = c.pos;
  if (!skipOver(c, afterNumberOnly ? TITLE_AFTER_NUMBER : TITLE_START)) return undefined;
  const start = c.pos;
  FIRST_WORD.lastIndex = start;
  const w = FIRST_WORD.exec(c.text)?.[0] ?? '';
  if (!w || STOP.has(w) && !TITLE_VERB.test(w + ' ')) {
    c.pos = save;
    return undefined;
  }
  const ahead = c.text.slice(start, start + MAX_TITLE);
  let cut = ahead.length;
  for (const r of TITLE_ENDS) {
    r.lastIndex = 0;
    const m = r.exec(ahead);
    if (m && m.index < cut) cut = m.index;
  }
  let end = start + cut;
  while (end > start && /[\s,]/u.test(c.text[end - 1])) end--;
  if (end - start < 3) {
    c.pos = save;
    return undefined;
  }
  return span(c.text, start, end);
}

// ---------------------------------------------------------------------------
// Laws by name
// ---------------------------------------------------------------------------

const AMENDING = re(`${GAP}sửa${GAP}đổi(?:,?${GAP}bổ${GAP}sung)?(?:${GAP}một${GAP}số${GAP}điều)?(?:${GAP}của)?(?![${LETTER}])`);
const AMENDED_LAW = re(`${GAP}(Bộ luật|Luật|Pháp lệnh|các Luật)(?![${LETTER}])`);
const MORE_LAW = re(`(?:[ \\t]*,|${GAP}và)${GAP}(Bộ luật|Luật|Pháp lệnh)(?![${LETTER}])`);

interface LawName {
  name: Span;
  draft: boolean;
  /** An amending law's name that lists laws with their numbers: those numbers are the amended laws', read as citations of their own. */
  innerNumbersFrom?: number;
}

const SO_NUMBER = re(`${GAP}(?:số|Số|SỐ)${GAP}(?=\\d)`);
const COMMA_TAIL = re(`[ \\t]*,[ \\t]*(?:\\n[ \\t]*)?((?:[${LL}]+)(?:${GAP}[${LL}]+){0,3})(?=${GAP}(?:số${GAP}\\d|ngày|năm${GAP}\\d)|[ \\t]*[;.,)])`);

/** "Tổ chức Chính phủ", "Cán bộ, công chức", "sửa đổi, bổ sung một số điều của Luật Đất đai" after "Luật". */
function readLawName(c: Cursor, type: string): LawName | undefined {
  const start = c.pos;
  const cur: Cursor = { text: c.text, pos: start };
  if (type !== 'Hiến pháp' && skipOver(cur, AMENDING)) return readAmendingName(c, cur, start);
  const words: string[] = [];
  let end = start;
  let nameStart = -1;
  for (let i = 0; i < 14; i++) {
    const save = cur.pos;
    let w = take(cur, WORD);
    let word = w?.[1];
    if (!w && words.length > 0 && words.length <= 3) {
      // "Cán bộ, công chức", "Phòng, chống tham nhũng".
      w = take(cur, COMMA_WORD);
      word = w?.[1];
      if (word && STOP.has(word)) {
        cur.pos = save;
        break;
      }
    }
    if (!w && words.length > 0) {
      w = take(cur, DASH_WORD); // "Luật … Lao động - Thương binh …" (rare)
      word = w?.[1];
    }
    if (!w || !word) break;
    if (/^\d/u.test(word)) {
      cur.pos = save;
      break;
    }
    const lower = !isUpper(word);
    if (words.length === 0) {
      if (nameStart < 0) nameStart = w.index + w[0].length - word.length;
      if (lower && (STOP.has(word) && !NAME_OK_AFTER_FIRST.has(word))) {
        cur.pos = save;
        break;
      }
    } else {
      const prev = words[words.length - 1];
      const pair = `${word} ${peekWord(cur) ?? ''}`;
      // "… hành chính ⏎ Được bãi bỏ bởi Thông tư số …": a capitalised stop word or type word ends the name.
      TYPE_AT.lastIndex = save;
      if (!lower && ((STOP.has(word.toLowerCase()) && word !== 'Nhà') || TYPE_AT.test(c.text))) {
        cur.pos = save;
        break;
      }
      if (lower && STOP_PAIRS.has(pair)) {
        cur.pos = save;
        break;
      }
      if (lower && STOP.has(word) && !NAME_OK_AFTER_FIRST.has(word)) {
        if (word === 'và') {
          // "Khoa học và Công nghệ" goes on; "… và Luật Viên chức", "… và các …" stop.
          const next = peekWord(cur);
          TYPE_AT.lastIndex = cur.pos;
          if (next && isUpper(next) && !TYPE_AT.test(c.text)) {
            words.push(word);
            continue;
          }
        }
        cur.pos = save;
        break;
      }
      TYPE_AT.lastIndex = save;
      if (!lower && (prev === 'và' || /,\s*$/u.test(c.text.slice(Math.max(0, w.index - 4), w.index + 1))) && TYPE_AT.test(c.text)) {
        cur.pos = save;
        break;
      }
    }
    words.push(word);
    end = cur.pos;
  }
  if (words[words.length - 1] === 'và') {
    // A dangling "và" belongs to the sentence.
    words.pop();
    end = c.text.lastIndexOf('và', end - 1);
    while (end > start && /\s/u.test(c.text[end - 1])) end--;
  }
  if (words.length === 0 || nameStart < 0) return type === 'Hiến pháp' ? { name: span(c.text, start, start), draft: false } : undefined;
  // "Chất lượng sản phẩm, hàng hóa số 05/2007/QH12": a comma part counts when a number, date or year pins the name.
  cur.pos = end;
  if (skipOver(cur, COMMA_TAIL) && !cur.text.slice(end, cur.pos).split(/[\s,]+/u).some((x) => STOP.has(x))) end = cur.pos;
  c.pos = end;
  const draft = skipOver(c, DRAFT);
  if (!draft) c.pos = end;
  else end = c.pos;
  return { name: span(c.text, nameStart, Math.max(nameStart, lastWordEnd(c.text, nameStart, end))), draft };
}

/**
 * "sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở và Luật Các tổ
 * chức tín dụng": the amending law is named through the laws it amends. When
 * those are listed with their numbers ("Luật Đất đai số 31/2024/QH15, Luật Nhà
 * ở số 27/2023/QH15 …") the numbers are theirs; one number at the end is the
 * amending law's own ("… của Luật Chất lượng sản phẩm, hàng hóa số 78/2025/QH15").
 */
function readAmendingName(c: Cursor, cur: Cursor, start: number): LawName {
  const nameStart = start + (/\S/u.exec(c.text.slice(start, start + 20))?.index ?? 0);
  let end = cur.pos;
  let innerNumbersFrom: number | undefined;
  let lastNumberAt: number | undefined;
  let laws = 0;
  for (let k = 0; k < 8 && skipOver(cur, k === 0 ? AMENDED_LAW : MORE_LAW); k++) {
    const rest = readLawName(cur, 'Luật');
    if (!rest) break;
    laws++;
    end = rest.name.range.end;
    cur.pos = end;
    const save = cur.pos;
    if (skipOver(cur, SO_NUMBER)) {
      const n = readNumberAtSafe(c.text, cur.pos);
      if (n) {
        lastNumberAt = save;
        innerNumbersFrom ??= cur.pos;
        end = n.end;
        cur.pos = n.end;
        continue;
      }
    }
    cur.pos = save;
  }
  // A single number after the last amended law: the amending law's own.
  if (innerNumbersFrom !== undefined && laws === 1 && lastNumberAt !== undefined) {
    end = lastNumberAt;
    innerNumbersFrom = undefined;
  }
  c.pos = end;
  const out: LawName = { name: span(c.text, nameStart, end), draft: false };
  if (innerNumbersFrom !== undefined) out.innerNumbersFrom = innerNumbersFrom;
  return out;
}

function readNumberAtSafe(text: string, pos: number): NumberToken | undefined {
  const n = findNumbers(text.slice(pos, pos + 60))[0];
  return n && n.start === 0 ? { ...n, start: pos, end: pos + n.end } : undefined;
}

function lastWordEnd(text: string, start: number, end: number): number {
  const m = /\((?:sửa đổi|sửa đổi, bổ sung)\)$/u.exec(text.slice(start, end));
  if (!m) return end;
  let i = start + m.index;
  while (i > start && /\s/u.test(text[i - 1])) i--;
  return i;
}

function peekWord(c: Cursor): string | undefined {
  WORD.lastIndex = c.pos;
  return WORD.exec(c.text)?.[1];
}

// ---------------------------------------------------------------------------
// One citation
// ---------------------------------------------------------------------------

interface Tail {
  date?: Citation['date'];
  issuer?: CitationIssuer;
  year?: Citation['year'];
  end: number;
}

/** Date, issuer (either order) and a bare "năm 2022" after the number or name. */
function readTail(c: Cursor, withYear: boolean): Tail {
  const tail: Tail = { end: c.pos };
  for (let i = 0; i < 3; i++) {
    const save = c.pos;
    if (!tail.date && skipOver(c, NGAY)) {
      const d = readDateAt(c.text, c.pos);
      if (d) {
        tail.date = { text: foldSpace(c.text.slice(d.start, d.end)), range: { start: d.start, end: d.end }, iso: d.iso, valid: d.valid, form: d.form };
        c.pos = d.end;
        tail.end = c.pos;
        continue;
      }
      c.pos = save;
    }
    if (!tail.issuer && skipOver(c, CUA)) {
      const issuer = readIssuers(c);
      if (issuer) {
        tail.issuer = issuer;
        tail.end = c.pos;
        continue;
      }
      c.pos = save;
    }
    if (withYear && !tail.year && !tail.date) {
      const y = take(c, NAM);
      if (y) {
        const ys = c.pos - y[1].length;
        tail.year = { text: foldSpace(c.text.slice(ys, c.pos)), range: { start: ys, end: c.pos }, value: Number(y[1]) };
        tail.end = c.pos;
        continue;
      }
    }
    c.pos = save;
    break;
  }
  c.pos = tail.end;
  return tail;
}

export function lawKey(type: string, name: string, year: number | undefined): string {
  return `${foldVi(`${type} ${name}`)}${year ? `|${year}` : ''}`;
}

/** lawKey without the year of a law's type and name as read (not the country after "Hiến pháp", nor a number). */
function namedLawKey(type: string, name: string, keys: Map<string, string> | undefined): string {
  const asked = keys ? `${type}|${name}` : '';
  let key = keys?.get(asked);
  if (key === undefined) {
    key = lawKey(type, name.replace(/^nước .*/u, '').replace(/ số [\d/A-ZĐa-z-]+/gu, ''), undefined);
    keys?.set(asked, key);
  }
  return key;
}

function fromNumber(text: string, num: NumberToken, type: TypeToken | undefined, start: number, name?: LawName): Citation {
  const c: Cursor = { text, pos: num.end };
  const tail = readTail(c, false);
  // A law named before its number ("Bộ luật Tố tụng dân sự số 92/2015/QH13") has its name for a title.
  const title = name ? undefined : readTitle(c, !tail.date && !tail.issuer);
  const p = num.parsed;
  const cit: Citation = {
    index: 0,
    kind: p.parts.kind === 'party' ? 'party' : 'document',
    range: { start, end: tail.end },
    number: {
      text: foldSpace(text.slice(num.start, num.end)),
      range: { start: num.start, end: num.end },
      canonical: p.canonical,
      key: p.key,
      parts: p.parts,
      problems: p.problems,
    },
    key: p.key,
    context: 'text',
  };
  if (type) cit.type = typeSpan(text, type);
  else if (p.parts.type) cit.type = { text: p.parts.type, range: { start: num.start, end: num.start }, canonical: p.parts.type, inferred: true };
  if (name) {
    cit.name = name.name;
    if (name.draft) cit.draft = true;
  }
  if (tail.date) cit.date = tail.date;
  if (tail.issuer) cit.issuer = tail.issuer;
  if (title) cit.title = title;
  return cit;
}

/**
 * A law cited by name; `resume` is where the scan goes on (the amended laws' numbers inside an amending law's name).
 * `keys` holds the folded key of each type and name read so far in this text (a consolidated law names the same
 * few laws a thousand times; folding a name is a normalize, a lower-casing and five replaces).
 */
export function fromLaw(text: string, type: TypeToken, keys?: Map<string, string>): { cit: Citation; resume: number } | undefined {
  const c: Cursor = { text, pos: type.end };
  const law = readLawName(c, type.word);
  if (!law) return undefined;
  const afterName = c.pos;
  // "Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13": the number makes it a document citation.
  if (law.innerNumbersFrom === undefined && skipOver(c, SO)) {
    const n = findNumbers(text.slice(c.pos, c.pos + 40))[0];
    // Not "Pháp lệnh … số 29/2022/TT-BLĐTBXH": a number of another type is another document.
    const fits = !n?.parsed.parts.type || n.parsed.parts.type === type.word;
    if (n && n.start === 0 && fits) {
      const num: NumberToken = { ...n, start: n.start + c.pos, end: n.end + c.pos };
      const cit = fromNumber(text, num, type, type.start, law);
      return { cit, resume: cit.range.end };
    }
  }
  c.pos = afterName;
  const tail = readTail(c, true);
  const year = tail.date?.iso ? Number(tail.date.iso.slice(0, 4)) : tail.year?.value;
  // A lower-case name is a citation only when a date or year pins it ("Luật ban hành văn bản … ngày 22/6/2015").
  const first = law.name.text[0] ?? '';
  if (type.word !== 'Hiến pháp' && first === first.toLowerCase() && !law.name.text.startsWith('sửa đổi') && !year) return undefined;
  const cit: Citation = {
    index: 0,
    kind: 'law',
    range: { start: type.start, end: Math.max(tail.end, law.name.range.end) },
    type: typeSpan(text, type),
    key: namedLawKey(type.word, law.name.text, keys) + (year ? `|${year}` : ''),
    context: 'text',
  };
  if (law.name.text) cit.name = law.name;
  if (law.draft) cit.draft = true;
  if (tail.date) cit.date = tail.date;
  if (tail.year) cit.year = tail.year;
  if (tail.issuer) cit.issuer = tail.issuer;
  // A law's trích yếu is kept only after its issuer ("Luật … của Quốc hội về …"): not read without one.
  if (tail.issuer) {
    const title = readTitle(c, false);
    if (title) cit.title = title;
  }
  return { cit, resume: law.innerNumbersFrom ?? cit.range.end };
}

const LAW_WORD_G = /(?<![\p{L}])(?:Bộ luật|Luật|Pháp lệnh|BỘ LUẬT|LUẬT|PHÁP LỆNH)(?![\p{L}])/gu;
const NAME_THEN_SO = lazy(() => /^[ \t]+((?:[\p{L}]+(?:[ \t]*,)?[ \t]+){0,11}?[\p{L}]+)[ \t]+(?:số|SỐ)[ \t]+$/u);

/** "Luật Đất đai số 31/2024/QH15" inside an amending law's name, "LUẬT NHÀ Ở SỐ 27/2023/QH15" in a heading. */
function lawNameBefore(text: string, numStart: number, from: number): { type: TypeToken; name: LawName } | undefined {
  const lo = Math.max(from, numStart - 120);
  const before = text.slice(lo, numStart);
  let last: RegExpExecArray | undefined;
  LAW_WORD_G.lastIndex = 0;
  for (let m = LAW_WORD_G.exec(before); m; m = LAW_WORD_G.exec(before)) last = m;
  if (!last) return undefined;
  const rest = NAME_THEN_SO().exec(before.slice(last.index + last[0].length));
  if (!rest) return undefined;
  const start = lo + last.index;
  const word = last[0][0] + last[0].slice(1).toLowerCase();
  const type: TypeToken = { kind: 'type', start, end: start + last[0].length, word, capital: true };
  const nameStart = start + last[0].length + rest[0].indexOf(rest[1]);
  return { type, name: { name: span(text, nameStart, nameStart + rest[1].length), draft: false } };
}

/** The type word that ends right before `numStart` ("Nghị định số ", "Quyết định "), if any. */
function typeBefore(text: string, types: TypeWordReader, numStart: number): TypeToken | undefined {
  const t = types.typeEndingBy(numStart);
  if (!t) return undefined;
  const between = text.slice(t.end, numStart);
  if (/^(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:số|Số|SỐ)(?:[ \t]*:)?(?:[ \t]+|[ \t]*\n[ \t]*))?$/u.test(between) || between === '') return t;
  return undefined;
}

/**
 * Each law type as capitalLawTypes looks for it: its first two letters as written ("Bộ", "Ph"), then the rest
 * of its first word and its second word as code units in either case ("áp" as á/Á, p/P: no other unit
 * matches one of them, test/unit/citations-law-starts.test.ts), with a blank run (TYPE_RE's GAP) between.
 */
const LAW_HEADS = [...LAW_TYPES].map((w) => {
  const [first, second = ''] = w.split(' ');
  const lower = first.slice(2) + second;
  return { type: w, head: first.slice(0, 2), lower, upper: lower.toUpperCase(), restLength: first.length - 2 };
});

/** Index of the first letter of the next word after a type word's blanks (TYPE_RE's GAP) from `at`, or -1. */
function afterGap(text: string, at: number): number {
  let i = at;
  let c = text.charCodeAt(i);
  while (c === 0x20 || c === 0x09) c = text.charCodeAt(++i);
  if (c === 0x0a) {
    c = text.charCodeAt(++i);
    while (c === 0x20 || c === 0x09) c = text.charCodeAt(++i);
  }
  return i > at ? i : -1;
}

/** LETTER_OR_DIGIT at `i`: an ASCII unit by its code (before a law word: a blank, a line break, "(" …), any other by the class. */
function letterOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? asciiLetterOrDigit(c) : LETTER_OR_DIGIT.test(text[i]);
}

/** Whether `text` has `lower`'s code units from `k` to `to` at `at`, each as written in `lower` or `upper`. */
function unitsAt(text: string, at: number, lower: string, upper: string, k: number, to: number): boolean {
  for (let i = 0; i < to - k; i++) {
    const c = text.charCodeAt(at + i);
    if (c !== lower.charCodeAt(k + i) && c !== upper.charCodeAt(k + i)) return false;
  }
  return true;
}

/**
 * Whether fromLaw reads no law from a type word `type` ending at `end`: readLawName finds no name when no
 * word follows, or a number, or a small stop word that no name starts with ("Bộ luật này", "Luật và"), and
 * fromLaw drops a name in small letters that no number, date or year pins (lowerNameUnpinned) — except after
 * "Hiến pháp", which is a citation without a name.
 */
export function noLawAfter(text: string, type: string, end: number): boolean {
  if (type === 'Hiến pháp') return false;
  const at = afterGap(text, end);
  const first = at < 0 ? -1 : text.charCodeAt(at);
  // WORD's word starts at `at` (a blank run is read one way): a digit is a number, an ASCII capital a name.
  if (first >= 0x30 && first <= 0x39) return true;
  if (first >= 0x41 && first <= 0x5a) return false;
  if (first >= 0x61 && first <= 0x7a) {
    // "Bộ luật này", a hundred times in a code: WORD reads "này" alone when an ASCII unit other than a letter, a digit or "-" follows.
    const next = text.charCodeAt(at + 3);
    if (text.startsWith('này', at) && (Number.isNaN(next) || (next < 0x80 && next !== 0x2d && !asciiLetterOrDigit(next)))) return true;
    if (lowerNameUnpinned(text, at)) return true;
  }
  WORD.lastIndex = end;
  const word = WORD.exec(text)?.[1];
  if (!word) return true;
  return /^\d/u.test(word) || (!isUpper(word) && STOP.has(word) && !NAME_OK_AFTER_FIRST.has(word));
}

/**
 * The ASCII characters a reading after a law's type word crosses: the name's words and blanks (readLawName:
 * WORD, COMMA_WORD, DASH_WORD, COMMA_TAIL, DRAFT), "số:" (SO), the issuers' bodies (readIssuers: "\s" in
 * the names, "," "-" between them, "&" in "Bộ KH&CN", "khóa 12"), the commas before "ngày" and "của". Every
 * other ASCII character ("." ";" "/" "[" …) is crossed only inside a date, between its numbers.
 */
const CROSSED = new Uint8Array(0x80);
for (const ch of ' \t\n\r\v\f,-:()&0123456789') CROSSED[ch.charCodeAt(0)] = 1;
for (let c = 0x41; c <= 0x5a; c++) CROSSED[c] = CROSSED[c + 0x20] = 1;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const asciiLetterOrDigit = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a;
/** How far lowerNameUnpinned reads before it lets fromLaw decide. */
const PIN_REACH = 400;

/**
 * Whether fromLaw reads nothing from a law's name whose first word, at `at`, starts with an ASCII small letter
 * ("Bộ luật hình sự quy định …", "Luật xây dựng;"): such a name is a citation only when a number ("số 12/…"),
 * a date or a year pins it, which the reading reaches before any character it does not cross (CROSSED; a
 * date's "." or "/"). A year, stated or in a date, is four digits in a row; a number follows "số", "Số" or "SỐ".
 * "sửa đổi …" names an amending law, which fromLaw reads without either.
 */
function lowerNameUnpinned(text: string, at: number): boolean {
  if (text.charCodeAt(at) === 0x73 && text.charCodeAt(at + 1) === 0x1eed) return false; // "sửa"
  const to = Math.min(text.length, at + PIN_REACH);
  let digits = 0;
  for (let i = at; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (++digits === 4) return false;
      continue;
    }
    digits = 0;
    if ((c === 0x1ed1 || c === 0x1ed0) && (text.charCodeAt(i - 1) | 0x20) === 0x73) return false; // "số", "Số", "SỐ"
    if (c < 0x80 && CROSSED[c] === 0 && !betweenDigits(text, i)) return true;
  }
  return to === text.length;
}

/** Whether a digit stands on either side of `i`, blanks and line breaks apart: where a date's "." or "/" may be (DATE_AT). */
function betweenDigits(text: string, i: number): boolean {
  let b = i - 1;
  while (b >= 0 && isBlank(text.charCodeAt(b))) b--;
  let a = i + 1;
  while (a < text.length && isBlank(text.charCodeAt(a))) a++;
  return isDigit(text.charCodeAt(b)) && isDigit(text.charCodeAt(a));
}

/**
 * The laws' type words written with a capital (the only type words read without a number after them), as
 * findTypeWords has them: looked for by their first two letters (a native search led by a rare capital),
 * then asked of the reader where the rest can be a law's type word — its words whole, blanks between them,
 * no letter or digit before it (the reader has no type word there otherwise: "Pháp nhân", "Bộ trưởng" are
 * not read). With `readable` (findCitationsInText), only those after which fromLaw can read a law
 * (noLawAfter): "Bộ luật này", a hundred times in a code, is not asked of the reader at all.
 */
export function capitalLawTypes(
  text: string,
  types: TypeWordReader,
  numbers: readonly NumberToken[],
  typeOf: (TypeToken | undefined)[],
  readable = false,
): TypeToken[] {
  const starts: number[] = [];
  // Plain index loops: a destructuring for-of here made two iterators per "Ph" of the text.
  for (let h = 0; h < LAW_HEADS.length; h++) {
    const { type, head, lower, upper, restLength } = LAW_HEADS[h];
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      if (!unitsAt(text, at + 2, lower, upper, 0, restLength)) continue;
      let end = at + 2 + restLength;
      if (restLength < lower.length) {
        const n = afterGap(text, end);
        if (n < 0 || !unitsAt(text, n, lower, upper, restLength, lower.length)) continue;
        end = n + lower.length - restLength;
      }
      if (at > 0 && letterOrDigitAt(text, at - 1)) continue;
      // The reader's type word here, if any, is this one and ends at `end` (TYPE_RE has no other word after these first words).
      if (readable && noLawAfter(text, type, end)) continue;
      starts.push(at);
    }
  }
  starts.sort((a, b) => a - b);
  // The reader is asked in text order: the law starts and the numbers (whose type word is asked for) merged.
  const out: TypeToken[] = [];
  let k = 0;
  for (let i = 0; i <= numbers.length; i++) {
    const until = i < numbers.length ? numbers[i].start : Infinity;
    for (; k < starts.length && starts[k] < until; k++) {
      const t = types.typeAt(starts[k]);
      if (t && t.capital && LAW_TYPES.has(t.word)) out.push(t);
    }
    if (i < numbers.length) typeOf[i] = typeBefore(text, types, until);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The whole text
// ---------------------------------------------------------------------------

// Each blank run read one way: a comma comes with its blanks, the name starts and ends with a non-blank.
const DEFINE = /[ \t\n]*(?:,[ \t\n]*)?\([ \t\n]*(?:(?:sau|dưới)[ \t\n]+đây[ \t\n]+)?(?:được[ \t\n]+)?(?:gọi|viết)[ \t\n]+(?:tắt[ \t\n]+)?(?:là|:)[ \t\n]*([^()\s][^()\n]{0,78}[^()\s])[ \t]*\)/uy;
const AMEND = /[ \t\n]*(?:[,(][ \t\n]*)?(?:(?:đã|và)[ \t\n]+)?được[ \t\n]+sửa[ \t\n]+đổi(?:,?[ \t\n]+bổ[ \t\n]+sung)?(?:[ \t\n]+một[ \t\n]+số[ \t\n]+điều)?[ \t\n]+(?:bởi|tại|theo)(?:[ \t\n]+các)?[ \t\n]+/uy;
const CHAIN_SEP = /^[ \t\n]*(?:[,;][ \t\n]*)?(?:và[ \t\n]+)?$/u;
// The lookahead names the first letters of the phrases: with the lookbehind first, the engine tried the
// whole pattern at every place of the window (≈ 3 µs a window); it now skips to those letters.
const RELATION_BEFORE =
  /(?=[đbtsqh])(?<![\p{L}])(được thay thế bởi|bị thay thế bởi|thay thế cho|thay thế|bị bãi bỏ bởi|được bãi bỏ bởi|bãi bỏ|sửa đổi, bổ sung một số điều của|sửa đổi, bổ sung một số điều|sửa đổi, bổ sung|sửa đổi|quy định chi tiết(?: một số điều)?(?: và biện pháp thi hành)?(?: của)?|hướng dẫn(?: thi hành)?(?: một số điều)?(?: của)?|hợp nhất|được sửa đổi, bổ sung (?:bởi|tại|theo))[ \t,]*(?:(?:các|một số) )?(?:(?:điểm|khoản|Điều|Chương|Mục|Phần)[^;.]{0,60})?$/u;

/** A word each of RELATION_BEFORE's phrases holds ("thay thế", "bãi bỏ", "sửa đổi", "quy định chi tiết", "hướng dẫn", "hợp nhất"). */
const RELATION_WORDS = ['thế', 'bỏ', 'đổi', 'tiết', 'dẫn', 'nhất'];

/** How far before a citation its relation phrase may start (RELATION_BEFORE is tried on the text from there). */
const RELATION_REACH = 120;

/**
 * Where RELATION_BEFORE's window before a citation at `at` starts: RELATION_REACH back, or after the last ";" or
 * "." in that reach. No match holds either (phrases, blanks, commas, then `[^;.]` up to the end), so a match
 * in the whole window lies after them, and the fold of that part of the window reads it the same (its blanks
 * at the cut are trimmed, where the whole window's fold has a space after ";" or ".": neither starts a phrase
 * nor is a letter for the lookbehind). In a consolidated law the cut leaves ≈ 60 % of the window.
 */
function relationFrom(text: string, at: number): number {
  const from = Math.max(0, at - RELATION_REACH);
  for (let i = at - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3b || c === 0x2e) return i + 1;
  }
  return from;
}

/** Whether the text before a citation can hold a relation phrase: most citations have none of its words before them. */
function mayHoldRelation(before: string): boolean {
  for (let i = 0; i < RELATION_WORDS.length; i++) if (before.includes(RELATION_WORDS[i])) return true;
  return false;
}

/** Every citation in `text`, in text order, ranges in `text` offsets. */
export function findCitationsInText(text: string, options: FindOptions = {}): Citation[] {
  const skip = options.skip ?? (() => false);
  const numbers = findNumbers(text, options.unicodeDashes).filter((n) => !skip(n.start, n.end));
  /** The type word right before each number. */
  const typeOf: (TypeToken | undefined)[] = new Array(numbers.length);
  const laws = capitalLawTypes(text, new TypeWordReader(text), numbers, typeOf, true);
  const lawKeys = new Map<string, string>();
  const out: Citation[] = [];
  let consumed = 0;
  let ti = 0;
  let ni = 0;
  while (ti < laws.length || ni < numbers.length) {
    const t = laws[ti];
    const n = numbers[ni];
    if (n && (!t || n.start < t.start)) {
      const before = typeOf[ni];
      ni++;
      if (n.start < consumed) continue;
      if (before && before.start < consumed) continue;
      const named = before ? undefined : lawNameBefore(text, n.start, 0);
      if (!before && !named && !n.strong) continue;
      const cit = fromNumber(text, n, before ?? named?.type, before ? before.start : (named?.type.start ?? n.start), named?.name);
      out.push(cit);
      consumed = cit.range.end;
      continue;
    }
    ti++;
    if (!t || t.start < consumed) continue;
    // A law's type word followed by its number is read when the number comes; laws by name here.
    if (ni < numbers.length && typeOf[ni]?.start === t.start) continue;
    const read = fromLaw(text, t, lawKeys);
    if (!read) continue;
    const law = read.cit;
    if (law.number && skip(law.number.range.start, law.number.range.end)) continue;
    out.push(law);
    consumed = read.resume;
    while (ni < numbers.length && numbers[ni].start < consumed) ni++;
  }
  out.forEach((c, i) => (c.index = i));
  linkShortNames(text, out);
  linkAmendments(text, out);
  for (const c of out) {
    const before = text.slice(relationFrom(text, c.range.start), c.range.start);
    if (!mayHoldRelation(before)) continue;
    const rel = RELATION_BEFORE.exec(foldSpace(before));
    if (rel) c.relation = rel[1];
  }
  return out;
}

/** The uses of a short name: as written, any spacing (at most one line break between words), not inside a longer number or name. */
export function shortNameUse(alias: string): RegExp {
  const words = alias.split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![${LN}])${words.join('[ \\t]*(?:\\n[ \\t]*)?')}(?![${LN}/])`, 'gu');
}

/** "(sau đây gọi tắt là Nghị định số 115)" after a citation, and the later uses of that short name. */
function linkShortNames(text: string, cits: Citation[]): void {
  const added: Citation[] = [];
  for (const c of cits) {
    const at = c.title?.range.end ?? c.range.end;
    DEFINE.lastIndex = at;
    const m = DEFINE.exec(text);
    if (!m) continue;
    const alias = m[1].trim();
    if (alias.length < 4 || /^(?:các|chung)\b/u.test(alias)) continue;
    const aliasStart = DEFINE.lastIndex - m[0].length + m[0].indexOf(m[1]);
    // "(sau đây gọi tắt là Thông tư số 06/2024/TT-BLĐTBXH)" after a sentence naming several documents
    // names the one with that number, not the last one.
    const full = findNumbers(alias)[0];
    if (full) {
      const owner = [...cits.slice(0, c.index + 1)].reverse().find((x) => x.key === full.parsed.key && !x.defines);
      if (owner) owner.defines = span(text, aliasStart, aliasStart + alias.length);
      continue;
    }
    c.defines = span(text, aliasStart, aliasStart + alias.length);
    // Uses: the alias as written, any spacing, not inside a longer number or name.
    const use = shortNameUse(alias);
    use.lastIndex = DEFINE.lastIndex;
    let u: RegExpExecArray | null;
    while ((u = use.exec(text))) {
      const s = u.index;
      const e = s + u[0].length;
      if (cits.some((x) => s < x.range.end && e > x.range.start) || added.some((x) => s < x.range.end && e > x.range.start)) continue;
      const short: Citation = { index: 0, kind: 'short', range: { start: s, end: e }, key: c.key, shortOf: c.index, context: 'text' };
      if (c.type) short.type = { ...c.type, range: { start: s, end: s }, inferred: true };
      added.push(short);
    }
  }
  if (added.length === 0) return;
  cits.push(...added);
  cits.sort((a, b) => a.range.start - b.range.start);
  const old = cits.map((c) => c.index);
  const map = new Map<number, number>();
  cits.forEach((c, i) => {
    if (c.kind !== 'short') map.set(old[i], i);
  });
  cits.forEach((c, i) => {
    c.index = i;
    if (c.shortOf !== undefined) c.shortOf = map.get(c.shortOf) ?? c.shortOf;
  });
}

/** "X được sửa đổi, bổ sung bởi Y và Z": Y and Z amend X. */
function linkAmendments(text: string, cits: Citation[]): void {
  for (let i = 0; i < cits.length; i++) {
    const c = cits[i];
    if (c.kind === 'short') continue;
    const at = c.title?.range.end ?? c.range.end;
    AMEND.lastIndex = at;
    const m = AMEND.exec(text);
    if (!m) continue;
    let pos = AMEND.lastIndex;
    const by: number[] = [];
    for (let j = i + 1; j < cits.length; j++) {
      const d = cits[j];
      if (!CHAIN_SEP.test(text.slice(pos, d.range.start))) break;
      by.push(j);
      d.amends = i;
      pos = d.title?.range.end ?? d.range.end;
    }
    if (by.length > 0) c.amendedBy = by;
  }
}

export { GENERIC_TYPES };
export type { Range };
