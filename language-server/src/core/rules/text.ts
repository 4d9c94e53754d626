/**
 * Rule area "text": what is wrong with the characters themselves, before any
 * structure. Add a rule: write it below with `defineRule` and list it in
 * `textRules`.
 */
import { AttachedMemo } from '../attached-memo.ts';
import { findCitations } from '../citations/index.ts';
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import type { Document, NodeKind } from '../syntax/tree.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import type { NormalizationEvent, NormalizationKind } from '../text/normalize.ts';
import { blanksBefore, digitsBefore, positionsOf } from '../text/anchors.ts';
import { caseForms } from '../text/letters.ts';
import { exactDoubles, foldsCase, sameChars, scanText, textScan, type LineSpan, type TextScan } from './text-scan.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { BoundedMemo } from '../bounded-memo.ts';
import { classOf } from '../text/unicode-classes.ts';
import { lazy } from '../lazy.ts';

// Class bodies of the patterns built here (text/unicode-classes.ts).
const LMN = classOf('L', 'M', 'N');
const LN = classOf('L', 'N');

// ---------------------------------------------------------------------------
// text/unicode
// ---------------------------------------------------------------------------

type UnicodeKind = 'nfd' | 'eth' | 'nbsp' | 'zero-width';

export interface UnicodeArgs {
  kind: UnicodeKind;
  /** Number of characters (NBSP, zero-width) or decomposed letters (NFD) in the run. */
  count: number;
  /** The run, widened to whole words, as it reads after the fix (NFC), for the message. */
  fixed: string;
  /** Code points of the offending characters, "U+200B" style (zero-width). */
  codePoints: string[];
}

const REPORTED: ReadonlySet<NormalizationKind> = new Set<NormalizationKind>(['nfd', 'eth', 'nbsp', 'zero-width']);

/**
 * Two events of the same kind belong to one run when they touch; decomposed
 * letters also when only letters, digits, marks, spaces or tabs lie between
 * them on the same line ("việc thực hiện" typed in NFD is one finding, not
 * three). Punctuation and line breaks end a run. Each "Ð" is its own finding.
 */
const NFD_GAP = lazy(() => /^[\p{L}\p{N}\p{M} \t]*$/u);

function sameRun(original: string, prev: NormalizationEvent, next: NormalizationEvent): boolean {
  if (prev.kind !== next.kind || prev.kind === 'eth') return false;
  if (prev.end === next.start) return true;
  return prev.kind === 'nfd' && next.start - prev.end <= 200 && NFD_GAP().test(original.slice(prev.end, next.start));
}

const quote = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > 40 ? t.slice(0, 39) + '…' : t}”`;
};

const WORD_CHAR = lazy(() => /[\p{L}\p{N}\p{M}]/u);

/** `middle` with the rest of the words it cuts into on either side, NFC, for display only. */
function wordsAround(original: string, start: number, end: number, middle: string): string {
  const wordChar = WORD_CHAR();
  let s = start;
  while (s > 0 && start - s < 30 && wordChar.test(original[s - 1])) s--;
  let e = end;
  while (e < original.length && e - end < 30 && wordChar.test(original[e])) e++;
  return (original.slice(s, start) + middle + original.slice(end, e)).normalize('NFC');
}

const hex = (c: number) => 'U+' + c.toString(16).toUpperCase().padStart(4, '0');

export const unicode = defineRule<UnicodeArgs>({
  code: 'text/unicode',
  severity: 'warning',
  local: 'line',
  description: {
    vi: 'Chữ tổ hợp (NFD), “Ð” thay cho “Đ”, dấu cách không ngắt, ký tự vô hình',
    en: 'Decomposed (NFD) letters, “Ð” used for “Đ”, non-breaking spaces, zero-width characters',
  },
  message: {
    vi: (a) => {
      switch (a.kind) {
        case 'nfd':
          return `Chữ tổ hợp (NFD) ở ${quote(a.fixed)}: nên chuyển sang dạng dựng sẵn (NFC)`;
        case 'eth':
          return 'Ký tự “Ð” (U+00D0, chữ Eth) dùng thay cho “Đ” (U+0110): nên thay bằng “Đ”';
        case 'nbsp':
          return a.count === 1
            ? 'Dấu cách không ngắt (NBSP, U+00A0): nên thay bằng dấu cách thường'
            : `${a.count} dấu cách không ngắt (NBSP, U+00A0) liền nhau: nên thay bằng dấu cách thường`;
        case 'zero-width':
          return a.count === 1
            ? `Ký tự vô hình (độ rộng 0, ${a.codePoints[0]}): nên xoá`
            : `${a.count} ký tự vô hình (độ rộng 0, ${a.codePoints.join(', ')}) liền nhau: nên xoá`;
      }
    },
    en: (a) => {
      switch (a.kind) {
        case 'nfd':
          return `Decomposed letters (NFD) in ${quote(a.fixed)}: convert to precomposed form (NFC)`;
        case 'eth':
          return '“Ð” (U+00D0, Eth) used for “Đ” (U+0110): replace it with “Đ”';
        case 'nbsp':
          return a.count === 1
            ? 'Non-breaking space (U+00A0): replace it with a normal space'
            : `${a.count} non-breaking spaces (U+00A0) in a row: replace them with normal spaces`;
        case 'zero-width':
          return a.count === 1
            ? `Zero-width character (${a.codePoints[0]}): remove it`
            : `${a.count} zero-width characters (${a.codePoints.join(', ')}) in a row: remove them`;
      }
    },
  },
  fixTitle: {
    vi: (a) =>
      ({
        nfd: 'Chuyển sang dạng dựng sẵn (NFC)',
        eth: 'Thay “Ð” bằng “Đ”',
        nbsp: 'Thay bằng dấu cách thường',
        'zero-width': 'Xoá ký tự vô hình',
      })[a.kind],
    en: (a) =>
      ({
        nfd: 'Convert to precomposed form (NFC)',
        eth: 'Replace “Ð” with “Đ”',
        nbsp: 'Replace with a normal space',
        'zero-width': 'Remove the zero-width character',
      })[a.kind],
  },
  check({ original, source }, report) {
    const events = source.events;
    let i = 0;
    while (i < events.length) {
      const first = events[i];
      if (!REPORTED.has(first.kind)) {
        i++;
        continue;
      }
      // Collect the run.
      let j = i + 1;
      while (j < events.length && sameRun(original, events[j - 1], events[j])) j++;
      const run = events.slice(i, j);
      const last = run[run.length - 1];
      // One edit for the run: each event's replacement, the text between copied as is.
      let newText = '';
      let count = 0;
      const codePoints: string[] = [];
      for (let k = 0; k < run.length; k++) {
        const e = run[k];
        if (k > 0) newText += original.slice(run[k - 1].end, e.start);
        newText += e.replacement;
        count += e.kind === 'nfd' ? 1 : e.end - e.start;
        if (e.kind === 'zero-width') {
          const cp = hex(original.charCodeAt(e.start));
          if (!codePoints.includes(cp)) codePoints.push(cp);
        }
      }
      const range = { start: first.start, end: last.end };
      const edit: TextEdit = { range, newText };
      const fixed = first.kind === 'nfd' ? wordsAround(original, range.start, range.end, newText) : newText;
      report({ range, args: { kind: first.kind as UnicodeKind, count, fixed, codePoints }, edits: [edit] });
      i = j;
    }
  },
});


// ---------------------------------------------------------------------------
// Shared: lines of the normalised text, ranges mapped back, excluded zones
// ---------------------------------------------------------------------------

interface Zone {
  start: number;
  end: number;
}

/** The node kinds whose text some rule leaves alone (zonesOf). */
type ZoneKind = 'header' | 'chu-ky' | 'table' | 'noi-nhan';
const ZONE_KINDS: readonly ZoneKind[] = ['header', 'chu-ky', 'table', 'noi-nhan'];
const zoneBit = (k: NodeKind) => 1 << ZONE_KINDS.indexOf(k as ZoneKind);

interface ZoneNode extends Zone {
  kind: ZoneKind;
  /** The zone kinds among its ancestors, one bit each (ZONE_KINDS order). */
  within: number;
}

const ZONE_NODES = new AttachedMemo<Document, ZoneNode[]>('zoneNodes');
/** The nodes of the zone kinds in document order, from the parse's node index (syntax/node-index.ts), once per parse. */
function zoneNodes(tree: Document): ZoneNode[] {
  let out = ZONE_NODES.get(tree);
  if (out) return out;
  const index = nodeIndex(tree);
  const at = ZONE_KINDS.flatMap((k) => index.ofKind(k)).sort((x, y) => x - y);
  out = at.map((i) => {
    const n = index.nodes[i];
    let within = 0;
    for (let p = index.parent[i]; p >= 0; p = index.parent[p]) if ((ZONE_KINDS as readonly NodeKind[]).includes(index.nodes[p].kind)) within |= zoneBit(index.nodes[p].kind);
    return { start: n.range.start, end: n.range.end, kind: n.kind as ZoneKind, within };
  });
  ZONE_NODES.set(tree, out);
  return out;
}

/**
 * Original-offset zones of the given node kinds (the outermost node of those kinds
 * on each path: nothing inside one is listed again) and the parser's noise lines.
 */
function zonesOf(tree: Document, kinds: ReadonlySet<ZoneKind>, extra: Zone[] = []): Zone[] {
  const out: Zone[] = [...tree.noise.map((r) => ({ start: r.start, end: r.end })), ...extra];
  let mask = 0;
  for (const k of kinds) mask |= zoneBit(k);
  // No kinds: the noise alone, without the tree.
  if (mask !== 0) for (const z of zoneNodes(tree)) if ((mask & zoneBit(z.kind)) !== 0 && (z.within & mask) === 0) out.push({ start: z.start, end: z.end });
  return out.sort((a, b) => a.start - b.start);
}

function inZones(zones: readonly Zone[], start: number, end: number): boolean {
  // Zones are few (tens); a linear scan is fine.
  for (const z of zones) {
    if (z.start > end) break;
    if (start < z.end && end > z.start) return true;
    if (start === end && start >= z.start && start < z.end) return true;
  }
  return false;
}

/** The header's "Số: …" value (so-ky-hieu reports it) as a zone. */
function soZone(tree: Document): Zone[] {
  const h = tree.children.find((c) => c.kind === 'header')?.header;
  return h?.so ? [{ start: h.so.range.start, end: h.so.range.end }] : [];
}

/** The code point ending just before `at` (a surrogate pair as one), as a lookbehind sees it; '' at the start. */
function charBefore(t: string, at: number): string {
  if (at <= 0) return '';
  const c = t.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && at >= 2 ? t.slice(at - 2, at) : t[at - 1];
}

// ---------------------------------------------------------------------------
// text/repeated-word
// ---------------------------------------------------------------------------

export interface RepeatedArgs {
  phrase: string;
}

/**
 * Pairs of words that overlap in ordinary Vietnamese: "hành vi | vi phạm",
 * "xác định | định mức". A single repeated syllable between two of these is
 * not a slip ("hành vi vi phạm").
 */
const COMPOUNDS = new Set([
  'hành vi', 'vi phạm', 'phạm vi', 'xác định', 'định mức', 'định giá', 'giá trị', 'quyết định', 'phiên dịch', 'dịch vụ',
  'trưởng đoàn', 'đoàn thanh', 'trưởng ban', 'ban chỉ', 'nhà nước', 'nước ngoài', 'trở thành', 'thành viên', 'hoàn thành',
  'thành phố', 'phù hợp', 'hợp đồng', 'trực tiếp', 'tiếp xúc', 'tiếp nhận', 'thông tin', 'tin học', 'một phần', 'phần vốn',
  'nhà giáo', 'giáo dục', 'thi công', 'công trình', 'trường hợp', 'hợp tác', 'bảo vệ', 'vệ sinh', 'giao thông', 'thông suốt',
  'truyền thông', 'thông báo', 'hội đồng', 'đồng thời', 'tính chất', 'chất lượng', 'trưởng phòng', 'phòng thi', 'thủy sản', 'sản xuất',
  'giấy chứng', 'chứng nhận', 'tổ chức', 'chức năng', 'kinh doanh', 'doanh nghiệp', 'kế hoạch', 'hoạch định', 'luật sư', 'bản phẩm', 'hợp thửa', 'quản lý', 'quy định', 'định kỳ', 'định hướng', 'chủ quản', 'hiện đại', 'hiện tại', 'tại thời', 'tiếp theo', 'kê khai', 'khai thác',
]);
/** Function words: doubled, they are a slip ("của của", "tại tại"). */
const FUNCTION_WORDS = new Set(['của', 'tại', 'các', 'những', 'và', 'này', 'theo', 'đến', 'được', 'phải', 'với', 'cho', 'trong', 'đã', 'sẽ', 'là', 'về', 'để', 'thì', 'mà', 'hoặc']);
/** Syllables that hardly stand alone: doubled, they are a slip ("cải cách hành hành chính"). */
const BOUND = new Set(['hành', 'triển', 'hoạch', 'chính', 'pháp', 'thực', 'chức', 'doanh', 'thẩm', 'phạm', 'trị', 'chứng', 'định', 'phục', 'quản', 'nghiệp', 'tục', 'thống', 'kiểm', 'dụng', 'nghị', 'quyết', 'hiện', 'cường', 'tổng', 'khai']);
/** Reduplicated words that are words of their own. */
const REDUPLICATED = new Set(['song', 'từ', 'dần', 'đều', 'người', 'nhà', 'ngày', 'năm', 'đời', 'nơi', 'ai', 'tê', 'kền', 'kiền', 'thường', 'xa', 'lâu', 'mãi']);
/** Words before a repeated phrase that make the first copy a noun ("người nộp thuế nộp thuế", "Viện kiểm sát kiểm sát"). */
const AGENT = new Set(['người', 'nhà', 'viện', 'bên', 'hộ', 'tổ', 'sự', 'thẩm', 'cơ', 'quan', 'đơn', 'vị', 'ban', 'hội', 'đoàn', 'tòa', 'chủ']);

/**
 * A line's tokens are the matches of the global scan /[\p{L}\p{M}]+|\p{N}+|[^\s\p{L}\p{M}\p{N}]/gu: every unit
 * but white space is in one, so a token starts where a run of \s ends; it is a word when it starts with a
 * letter or mark. Read with sticky tests (no match objects).
 */
const SPACES = /\s*/uy;
const WORD_AT = /[\p{L}\p{M}]+/uy;
const NUMBER_OR_MARK_AT = /\p{N}+|[^\s\p{L}\p{M}\p{N}]/uy;
const ALL_CAPS = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  word: boolean;
}

/**
 * A line's tokens as bounds (text offsets) in typed arrays: the rule compares them unit by unit and makes
 * strings and Token objects only around a doubled phrase (a token object, its text and its lower-case
 * form for every token of the candidate lines were ≈ 50 KB of garbage per check of a law).
 */
interface Tokens {
  n: number;
  start: Int32Array;
  end: Int32Array;
  word: Uint8Array;
}

export function tokenize(line: LineSpan): Tokens {
  const t = line.text;
  const start = new Int32Array(t.length);
  const end = new Int32Array(t.length);
  const word = new Uint8Array(t.length);
  let n = 0;
  for (let p = 0; ; n++) {
    SPACES.lastIndex = p;
    SPACES.test(t);
    const s = SPACES.lastIndex;
    if (s >= t.length) break;
    WORD_AT.lastIndex = s;
    if (WORD_AT.test(t)) (word[n] = 1), (p = WORD_AT.lastIndex);
    else {
      NUMBER_OR_MARK_AT.lastIndex = s;
      // Always a match (the unit at s is not white space); the guard only keeps the loop finite.
      p = NUMBER_OR_MARK_AT.test(t) ? NUMBER_OR_MARK_AT.lastIndex : s + 1;
    }
    start[n] = line.start + s;
    end[n] = line.start + p;
  }
  return { n, start, end, word };
}

/** Token `i` as an object (undefined outside the line), for the rare places a doubled phrase stands. */
function tokenAt(text: string, toks: Tokens, i: number): Token | undefined {
  if (i < 0 || i >= toks.n) return undefined;
  const t = text.slice(toks.start[i], toks.end[i]);
  return { text: t, lower: t.toLowerCase(), start: toks.start[i], end: toks.end[i], word: toks.word[i] === 1 };
}

/** Whether tokens a and b are the same words (unit for unit). */
function sameWords(text: string, toks: Tokens, a: number, b: number): boolean {
  const len = toks.end[a] - toks.start[a];
  return toks.word[a] === 1 && toks.word[b] === 1 && toks.end[b] - toks.start[b] === len && sameChars(text, toks.start[a], toks.start[b], len);
}

/**
 * How often a phrase of words (one line, only spaces or tabs between) occurs
 * in the document, case-insensitively, as the global regex
 * `(?<![\p{L}\p{M}\p{N}])w1[ \t]+w2…(?![\p{L}\p{M}\p{N}])` (flags giu) would
 * count it — up to a limit: the rule only asks "none?", "more than one?", so a
 * common phrase stops at its first matches. The phrase is tried only where its
 * cheapest letter stands (an "anchor", searched in either case by native searches
 * one place at a time), from the start the words before that letter then give.
 */
export class PhraseCounter {
  /** Per phrase: the matches counted, and whether that is all of them (else the limit stopped the count). */
  private readonly cache = new Map<string, { n: number; all: boolean }>();
  /** `scan`: the text's scan (text-scan.ts), when the counter may read it. */
  constructor(
    private readonly text: string,
    private readonly scan?: TextScan,
  ) {}

  /** The number of matches, or `limit` when there are at least that many. */
  count(words: readonly string[], limit = Infinity): number {
    const key = words.join(' ');
    let c = this.cache.get(key);
    if (!c || (!c.all && c.n < limit)) this.cache.set(key, (c = this.counted(words, limit)));
    return Math.min(c.n, limit);
  }

  private counted(words: readonly string[], limit: number): { n: number; all: boolean } {
    const text = this.text;
    const scan = this.scan;
    if (scan && !scan.kelvin && words.some((w, j) => j > 0 && w === words[j - 1] && foldsCase(w))) return this.countedIn(scan.doubles, words, limit);
    const anchor = anchorOf(words);
    let n = 0;
    if (!anchor) {
      const re = phrasePattern(words, 'giu');
      re.lastIndex = 0;
      while (n < limit && re.exec(text)) n++;
      return { n, all: n < limit };
    }
    const sticky = phrasePattern(words, 'iuy');
    const before = words.slice(0, anchor.word);
    const forms = formCodes(words);
    const [lower, upper] = anchor.forms;
    // The anchor's places in ascending order: the two case forms' searches merged as they go. The
    // upper-case form, rare inside words, is searched only as far as the lower-case places read so far
    // (in windows that double, so that many lower-case places do not mean many searches): a count that
    // stops at its limit does not search the rest of the text for a capital that is seldom there.
    const n0 = text.length;
    let a = text.indexOf(lower);
    // b: the next upper-case place not read yet, or -1 when there is none below `bEnd` (searched up to there).
    let b = -1;
    let bEnd = lower === upper ? n0 : 0;
    let window = 4096;
    // Where a /g regex would resume: after its last match.
    let lastEnd = 0;
    for (;;) {
      if (b < 0 && bEnd < n0 && (a < 0 || bEnd <= a)) {
        const to = a < 0 ? n0 : Math.min(n0, Math.max(a + 1, bEnd + window));
        const r = to === n0 ? text.indexOf(upper, bEnd) : text.slice(bEnd, to).indexOf(upper);
        if (r >= 0) b = to === n0 ? r : bEnd + r;
        bEnd = b >= 0 ? b + 1 : to;
        window *= 2;
      }
      if (a < 0 && b < 0) break;
      let hit: number;
      if (b < 0 || (a >= 0 && a < b)) (hit = a), (a = text.indexOf(lower, a + 1));
      else (hit = b), (b = -1);
      const at = this.startBefore(hit - anchor.offset, before);
      if (at < lastEnd || !spells(text, at, words, forms)) continue;
      sticky.lastIndex = at;
      if (!sticky.test(text)) continue;
      // Counted at its own anchor only: a match's anchors come in the order of the matches, so the first
      // match at or after `lastEnd` is the one the global scan finds (a place found from another letter
      // may be a later, overlapping match).
      if (this.anchorAfter(at, before) + anchor.offset !== hit) continue;
      lastEnd = sticky.lastIndex;
      if (++n >= limit) return { n, all: false };
    }
    return { n, all: true };
  }

  /**
   * The count over the lines the scan lists with a word twice in a row, up to case (text-scan.ts `doubles`):
   * a match of a phrase holding a word twice in a row is on one of them (when the scan folds that word's
   * letters). Instead of the anchor's places all over the text (a law's common words: ≈ 5,000 of them for
   * "vi phạm phạm tội" in a criminal code). No match crosses a line, and what stands around a line (a line
   * break, or nothing) is no letter to the pattern's lookarounds: each line's matches are the global scan's.
   */
  private countedIn(lines: readonly LineSpan[], words: readonly string[], limit: number): { n: number; all: boolean } {
    const re = phrasePattern(words, 'giu');
    let n = 0;
    for (const line of lines) {
      re.lastIndex = 0;
      while (re.exec(line.text)) if (++n >= limit) return { n, all: false };
    }
    return { n, all: true };
  }

  /**
   * Where a phrase must start for its word `before.length` to start at `at`: back over a run of
   * blanks and a word of the given length for each word before; -1 when no run of blanks stands there.
   * (A match's words are the letters the pattern names, one UTF-16 unit each, and the blanks between
   * them a whole run, as a letter ends each word.)
   */
  private startBefore(at: number, before: readonly string[]): number {
    let s = at;
    for (let w = before.length - 1; w >= 0; w--) {
      const b = blanksBefore(this.text, s);
      if (b === s) return -1;
      s = b - before[w].length;
    }
    return s;
  }

  /** The inverse for a match starting at `at`: where its word `before.length` starts. */
  private anchorAfter(at: number, before: readonly string[]): number {
    let p = at;
    for (const w of before) {
      p += w.length;
      while (this.text.charCodeAt(p) === 0x20 || this.text.charCodeAt(p) === 0x09) p++;
    }
    return p;
  }
}

/**
 * Compiled phrase patterns, kept across checks: compiling one (its \p classes) costs tens of
 * microseconds, and the same phrases come back with every check of a document. Bounded: cleared
 * when full. Callers set `lastIndex` before each use.
 */
const PHRASE_PATTERNS = new BoundedMemo<RegExp>(512);
function phrasePattern(words: readonly string[], flags: 'iuy' | 'giu'): RegExp {
  return PHRASE_PATTERNS.get(`${flags} ${words.join(' ')}`, () =>
    new RegExp(`(?<![${LMN}])${words.map(escapeRegExp).join('[ \\t]+')}(?![${LMN}])`, flags),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letters with two case forms, costliest to search first (scripts/anchor-order.mjs prints it from the
 * corpus). Which letter leads a phrase's search changes only the speed. The cost is not only how often
 * a letter stands: V8 searches a one-unit needle with memchr on its higher byte, so a search stops at
 * every unit holding that byte too — "Ằ" (U+1EB0, absent from most texts) at every "ư" (U+01B0), "ũ"
 * (U+0169) at every "i" — and a count that finds few matches searches both case forms through the
 * whole text. Ordered by letter frequency alone, the counts of the 140 corpus files that have any took
 * ≈ 20 % longer.
 */
const ANCHOR_ORDER = 'nhũtciguđaápoỡyvàưmlqbợệrạảdơịằềãủếộậóấửôêờýụốựừíâứùểỳớéổxỵăầeìồĩởòõặẩữọỉúắỹỏẫỗễèỷfẻẹẽwẳjzẵ';

/**
 * Whether the words at `at` (blanks between) may be the given ones: each letter with known case forms
 * is one of them; the other letters and the boundaries are the phrase pattern's to judge. A cheap
 * filter before the pattern runs (most places an anchor letter stands are in other words).
 */
function spells(text: string, at: number, words: readonly string[], forms: Int32Array): boolean {
  let p = at;
  let u = 0;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const b = p;
      while (text.charCodeAt(p) === 0x20 || text.charCodeAt(p) === 0x09) p++;
      if (p === b) return false;
    }
    for (let i = 0; i < words[w].length; i++, u += 2) {
      const c = text.charCodeAt(p++);
      if (forms[u] >= 0 && c !== forms[u] && c !== forms[u + 1]) return false;
    }
  }
  return true;
}

/**
 * caseForms of one UTF-16 unit, kept: a pure function of the unit (at most one entry per unit), asked
 * for every letter of every phrase counted; caseForms itself makes two strings and an array each time.
 */
const FORMS = new Map<string, readonly [string, string] | null>();
function formsOf(ch: string): readonly [string, string] | undefined {
  let f = FORMS.get(ch);
  if (f === undefined) FORMS.set(ch, (f = caseForms(ch) ?? null));
  return f ?? undefined;
}

/** Per unit of the words, in order, its two case forms' codes, or -1 twice (a surrogate half or a unit without forms: any unit passes). */
function formCodes(words: readonly string[]): Int32Array {
  let units = 0;
  for (const w of words) units += w.length;
  const out = new Int32Array(2 * units);
  let u = 0;
  for (const w of words) {
    for (let i = 0; i < w.length; i++, u += 2) {
      const f = formsOf(w[i]);
      out[u] = f ? f[0].charCodeAt(0) : -1;
      out[u + 1] = f ? f[1].charCodeAt(0) : -1;
    }
  }
  return out;
}

interface Anchor {
  /** Which word holds the letter, and where in it. */
  word: number;
  offset: number;
  forms: readonly [string, string];
}

/**
 * The letter of `words` to search for: the cheapest (ANCHOR_ORDER) whose case-insensitive matches are exactly its
 * two case forms (letters.ts caseForms). Undefined when there is none.
 */
function anchorOf(words: readonly string[]): Anchor | undefined {
  let best: Anchor | undefined;
  let bestRank = -2;
  words.forEach((w, word) => {
    for (let offset = 0; offset < w.length; offset++) {
      const forms = formsOf(w[offset]);
      if (!forms) continue;
      const rank = ANCHOR_ORDER.indexOf(forms[0]);
      if (rank > bestRank) [best, bestRank] = [{ word, offset, forms }, rank];
    }
  });
  return best;
}

/**
 * The lines of `text` holding a doubled word or phrase written the same (text-scan.ts exactDoubles; the language
 * service asks it of single lines, and of a checked text: the lines where text/repeated-word can report). `scan`:
 * the text's scan when one is at hand (a parse's: textScan).
 */
export function linesWithDoubles(text: string, scan?: TextScan): LineSpan[] {
  return exactDoubles(text, scan);
}

// At module level, where the build writes a g/y literal's \p{…} classes out (scripts/explicit-classes.mjs).
const LETTER_RUNS = /[\p{L}\p{M}]+/gu;
const NOT_UPPER = /[^\p{Lu}]/gu;

/**
 * A doubled single word "x y" (y = x) between `prev` and `next` that is not a slip
 * whatever the rest of the document says: a reduplicated word, "Luật Luật sư" (the
 * Law on Lawyers), or both neighbouring pairs ordinary words ("hành vi vi phạm").
 */
function skipsSingle(prev: Token, x: Token, y: Token, next: Token): boolean {
  if (REDUPLICATED.has(x.lower)) return true;
  if (x.lower === 'luật' && y.text === 'Luật') return true;
  return COMPOUNDS.has(`${prev.lower} ${x.lower}`) && COMPOUNDS.has(`${x.lower} ${next.lower}`);
}

/**
 * Finds "X X" and "A B A B" (up to four words) on one line. Never across a line
 * break: a heading's title is often repeated at the start of the next line.
 *
 * One syllable repeated is reported only when the document elsewhere says the
 * same thing with a single copy ("cách hành chính" next to "cách hành hành
 * chính") and the doubled form occurs just once, and the two neighbouring
 * pairs are not both ordinary words ("hành vi vi phạm" is right). A repeated
 * phrase of two or more words is reported unless it starts a sentence, is in
 * capitals (headings, table heads), or follows a word that turns the first copy
 * into a noun ("người nộp thuế nộp thuế").
 */
export const repeatedWord = defineRule<RepeatedArgs>({
  code: 'text/repeated-word',
  severity: 'warning',
  description: {
    vi: 'Một từ hoặc cụm từ lặp lại liền nhau (“hành hành”, “Kế hoạch Kế hoạch”)',
    en: 'The same word or phrase twice in a row (“hành hành”, “Kế hoạch Kế hoạch”)',
  },
  message: {
    vi: (a) => `Lặp từ: “${a.phrase} ${a.phrase}”`,
    en: (a) => `Repeated word: “${a.phrase} ${a.phrase}”`,
  },
  fixTitle: { vi: (a) => `Bỏ “${a.phrase}” thừa`, en: (a) => `Remove the extra “${a.phrase}”` },
  check({ source, tree }, report) {
    const text = source.text;
    const scan = textScan(source);
    const candidates = scan.doubles;
    if (!candidates.length) return;
    const zones = zonesOf(tree, new Set<ZoneKind>());
    const grams = new PhraseCounter(text, scan);
    const phraseOf = (toks: Tokens, i: number, k: number) => {
      const words: string[] = [];
      for (let j = i; j < i + k; j++) words.push(text.slice(toks.start[j], toks.end[j]));
      return words.join(' ');
    };
    for (const line of candidates) {
      const toks = tokenize(line);
      let i = 0;
      while (i < toks.n) {
        let found = 0;
        for (let k = 4; k >= 1 && !found; k--) {
          if (i + 2 * k > toks.n) continue;
          let same = true;
          for (let j = 0; j < k && same; j++) same = sameWords(text, toks, i + j, i + k + j);
          if (!same) continue;
          const phrase = phraseOf(toks, i, k);
          if (ALL_CAPS(phrase)) continue;
          // Only spaces between the words.
          const span = text.slice(toks.start[i], toks.end[i + 2 * k - 1]);
          if (span.replace(LETTER_RUNS, '').trim() !== '') continue;
          const prev = tokenAt(text, toks, i - 1);
          const next = tokenAt(text, toks, i + 2 * k);
          if (k === 1) {
            const xt = tokenAt(text, toks, i)!;
            const x = xt.lower;
            if (!prev?.word || !next?.word || skipsSingle(prev, xt, tokenAt(text, toks, i + 1)!, next)) continue;
            // A doubled function word or bound syllable is a slip, unless "P X" is a word the
            // document uses elsewhere ("người nhặt được được hưởng", "quy định định kỳ").
            const shortcut = (FUNCTION_WORDS.has(x) || BOUND.has(x)) && !COMPOUNDS.has(`${prev.lower} ${x}`) && grams.count([prev.lower, x], 2) <= 1;
            if (!shortcut) {
              // Any other syllable: only with evidence from the document itself.
              if (grams.count([prev.lower, x, next.lower], 1) === 0) continue;
              if (grams.count([prev.lower, x, x, next.lower], 2) > 1) continue;
            }
          } else {
            if (!prev?.word || AGENT.has(prev.lower)) continue;
            if (next?.word && COMPOUNDS.has(`${tokenAt(text, toks, i + k - 1)!.lower} ${next.lower}`)) continue; // "xuất bản xuất bản phẩm"
          }
          found = k;
        }
        if (!found) {
          i++;
          continue;
        }
        const start = source.toOriginal(toks.start[i + found]);
        const end = source.toOriginal(toks.end[i + 2 * found - 1]);
        if (!inZones(zones, start, end)) {
          const phrase = phraseOf(toks, i, found);
          report({ range: { start, end }, args: { phrase }, edits: [{ range: { start: source.toOriginal(toks.end[i + found - 1]), end }, newText: '' }] });
        }
        i += 2 * found;
      }
    }
  },
});

// ---------------------------------------------------------------------------
// text/spacing
// ---------------------------------------------------------------------------

export interface SpacingArgs {
  kind: 'before' | 'double' | 'after' | 'ky-hieu';
  /** The punctuation mark, or the ký hiệu as written. */
  mark: string;
  fixed: string;
  /** The words around the place, for the message ("9001:2015 ."). */
  context?: string;
}

/**
 * A ký hiệu with a space around "-" or "/": "76/NQ- CP", "23/CT -TTg", "76/ NQ-CP".
 * It must not start inside a word or number ("A12/…", "1/2/…"): checked in code
 * (NOT_KY_HIEU_LEAD), and a rejected match skips its digits, as the lookbehind
 * `(?<![\p{L}\p{N}\/])` would.
 */
const KY_HIEU_SPACED = /(?<!\d)\d+(?:[ \t]*\/[ \t]*\d{4})?[ \t]*\/[ \t]*[\p{Lu}][\p{L}\d&]*(?:[ \t]*-[ \t]*[\p{Lu}][\p{L}\d&]*)+/uy;
/**
 * Where KY_HIEU_SPACED may start, ascending: its first "/" follows the whole
 * first run of digits (the lookbehind) and blanks, so each "/" allows one
 * start — the digits before it, past the blanks (text/anchors.ts).
 */
export function kyHieuStarts(text: string): number[] {
  const out: number[] = [];
  for (const slash of positionsOf(text, ['/'])) {
    const e = blanksBefore(text, slash);
    const s = digitsBefore(text, e);
    if (s < e && (out.length === 0 || out[out.length - 1] < s)) out.push(s);
  }
  return out;
}
const NOT_KY_HIEU_LEAD = /[\p{L}\p{N}\/]/u;
// The characters before a match are checked in code (AFTER_WORD…), not by a lookbehind:
// a lookbehind is tried at every position of the text, the mark or space only where it is.
// Both run as sticky patterns at the punctuation marks only (spacingMarks), not over the whole text.
const SPACE_BEFORE = /(?<![ \t])[ \t]+(?:([,.;:!?])(?=$|[\s)”"\/|]|[,.;:](?![.]))|([,;])(?=\p{L}))/uy;
const AFTER_WORD = /[\p{L}\p{N}\p{M})\]”"%]/u;
const MISSING_AFTER = /([,;:])(?=\p{L})|(\.)(?=\p{Lu}\p{Ll})/uy;
/**
 * The matches of SPACE_BEFORE and of MISSING_AFTER, each as its global scan of
 * the whole text would give them (ascending), found in ONE pass over the
 * punctuation marks `at` ("," "." ";" ":" "!" "?", ascending; text-scan.ts lists
 * only those with a blank before or a "." or a unit from "A" up after). A
 * SPACE_BEFORE match is a whole run of blanks ending at a mark, so it is tried
 * only where a blank stands just before a mark, from the start of that run; a
 * MISSING_AFTER match is the mark itself ("!" and "?" are never one), tried
 * only where a letter may follow it. The character tests below only skip
 * marks the pattern cannot match at.
 */
export function spacingMarks(text: string, at: readonly number[] = scanText(text).marks): { before: RegExpExecArray[]; after: RegExpExecArray[] } {
  const before: RegExpExecArray[] = [];
  const after: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  for (const i of at) {
    const b = text.charCodeAt(i - 1);
    if (b === 0x20 || b === 0x09) {
      SPACE_BEFORE.lastIndex = blanksBefore(text, i);
      if ((m = SPACE_BEFORE.exec(text))) before.push(m);
    }
    // A letter after: ASCII ones are A–Z and a–z (after "." an upper-case one), the rest is the pattern's to say.
    const mark = text.charCodeAt(i);
    const c = text.charCodeAt(i + 1);
    if (mark === 0x21 || mark === 0x3f || !(c >= 0x41) || (c < 0x80 && !(c <= 0x5a || (mark !== 0x2e && c >= 0x61 && c <= 0x7a)))) continue;
    MISSING_AFTER.lastIndex = i;
    if ((m = MISSING_AFTER.exec(text))) after.push(m);
  }
  return { before, after };
}
const BEFORE_COMMA = lazy(() => /[\p{L}\p{M})”]/u);
const BEFORE_COLON = lazy(() => /[\p{L}\p{M})]/u);
const LOWER_PAIR = lazy(() => /^\p{Ll}\p{Ll}$/u);
/** What MISSING_AFTER needs before the mark at `i` of `t`: a word, or two lower-case letters before a ".". */
function missingAfterContext(t: string, i: number, mark: string): boolean {
  if (mark === '.') return i >= 2 && LOWER_PAIR().test(t.slice(i - 2, i));
  return i >= 1 && (mark === ':' ? BEFORE_COLON() : BEFORE_COMMA()).test(t[i - 1]);
}
/**
 * Two or more spaces between non-spaces; the character before is checked in code (NOT_SPACE). Tried at
 * the starts of runs of spaces only (text-scan.ts): a match is a whole run, so these are the global scan's.
 */
const DOUBLE_SPACE = /(?<! ) {2,}(?=\S)/uy;
const NOT_SPACE = /\S/u;
const URL_LIKE = /(?:https?|ftp|mailto|file|www|@)/iu;
// A placeholder of a form template ("…", "□", "☐", four dots or more) makes its line a template line:
// text-scan.ts lists the placeholders and the dots.

export const spacing = defineRule<SpacingArgs>({
  code: 'text/spacing',
  severity: 'info',
  local: 'line',
  description: {
    vi: 'Dấu cách trước “,” “.” “;” “:”, hai dấu cách liền nhau, thiếu dấu cách sau dấu câu, dấu cách trong ký hiệu văn bản',
    en: 'Space before “,” “.” “;” “:”, double spaces, missing space after punctuation, spaces inside a document number',
  },
  message: {
    vi: (a) =>
      ({
        before: `Thừa dấu cách trước “${a.mark}”` + (a.context ? ` ở “${a.context}”` : ''),
        double: 'Hai dấu cách liền nhau' + (a.context ? ` ở “${a.context}”` : ''),
        after: `Thiếu dấu cách sau “${a.mark}”` + (a.context ? ` ở “${a.context}”` : ''),
        'ky-hieu': `Ký hiệu văn bản “${a.mark}” có dấu cách bên trong: viết “${a.fixed}”`,
      })[a.kind],
    en: (a) =>
      ({
        before: `Extra space before “${a.mark}”` + (a.context ? ` in “${a.context}”` : ''),
        double: 'Double space' + (a.context ? ` in “${a.context}”` : ''),
        after: `Missing space after “${a.mark}”` + (a.context ? ` in “${a.context}”` : ''),
        'ky-hieu': `Document number “${a.mark}” has spaces inside: write “${a.fixed}”`,
      })[a.kind],
  },
  fixTitle: {
    vi: (a) => ({ before: 'Bỏ dấu cách thừa', double: 'Thay bằng một dấu cách', after: 'Thêm dấu cách', 'ky-hieu': `Viết “${a.fixed}”` })[a.kind],
    en: (a) => ({ before: 'Remove the space', double: 'Use a single space', after: 'Add a space', 'ky-hieu': `Write “${a.fixed}”` })[a.kind],
  },
  check({ source, tree, parse }, report) {
    const text = source.text;
    const o = (n: number) => source.toOriginal(n);
    const citedNumbers = findCitations(parse).flatMap((c) => (c.number ? [c.number.range] : []));
    const everywhere = zonesOf(tree, new Set<ZoneKind>(), soZone(tree));
    // Layout blocks where runs of spaces align columns: the header, signatures, tables.
    const layout = zonesOf(tree, new Set<ZoneKind>(['header', 'chu-ky', 'table', 'noi-nhan']), soZone(tree));
    const findings: { start: number; end: number; args: SpacingArgs; newText: string; editStart: number; editEnd: number }[] = [];
    let m: RegExpExecArray | null;
    const add = (ns: number, ne: number, args: SpacingArgs, es: number, ee: number, newText: string, zones: Zone[]) => {
      const start = o(ns);
      const end = o(ne);
      if (inZones(zones, start, end)) return;
      findings.push({ start, end, args, newText, editStart: o(es), editEnd: o(ee) });
    };
    // Each pattern runs ONCE over the text, or only at the characters it needs (none of them can match
    // across a line break); the line of a match is looked up only for the rare matches that need it. Findings of one start keep the
    // order of the kinds below (ky-hieu, before, after, double), as the sort is stable.
    const lineAt = (i: number): LineSpan => {
      const start = text.lastIndexOf('\n', i - 1) + 1;
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      return { start, end, text: text.slice(start, end) };
    };
    /** The word before and the word after a place of the line (normalised offsets), for messages. */
    const around = (line: LineSpan, s: number, e: number) => {
      const t = line.text;
      const before = t.slice(0, s - line.start).split(/\s+/u).pop() ?? '';
      const after = t.slice(e - line.start).split(/\s+/u)[0] ?? '';
      const c = `${before}${text.slice(s, e)}${after}`;
      return c.length > 40 ? c.slice(0, 39) + '…' : c;
    };
    // Form templates ("Nơi cấp: ……  □"): the starts of the lines holding a placeholder.
    const templates = new Set<number>();
    const scan = textScan(source);
    for (const at of scan.placeholders) templates.add(text.lastIndexOf('\n', at - 1) + 1);
    for (const at of scan.marks) if (text.charCodeAt(at + 1) === 0x2e && text.startsWith('....', at)) templates.add(text.lastIndexOf('\n', at - 1) + 1);
    const isTemplate = (i: number) => templates.size > 0 && templates.has(text.lastIndexOf('\n', i - 1) + 1);
    // Document numbers written with spaces: their places are taken for the other kinds.
    const taken: Zone[] = [];
    // The global scan's matches, tried only where one may start; `from` is where that scan would resume.
    let from = 0;
    for (const start of kyHieuStarts(text)) {
      if (start < from) continue;
      KY_HIEU_SPACED.lastIndex = start;
      if (!(m = KY_HIEU_SPACED.exec(text))) continue;
      from = KY_HIEU_SPACED.lastIndex;
      if (NOT_KY_HIEU_LEAD.test(charBefore(text, m.index))) {
        let d = m.index;
        while (d < text.length && text.charCodeAt(d) >= 0x30 && text.charCodeAt(d) <= 0x39) d++;
        from = d;
        continue;
      }
      if (!/[ \t]/u.test(m[0])) continue;
      const fixed = m[0].replace(/[ \t]+/gu, '');
      const s = m.index;
      taken.push({ start: s, end: s + m[0].length });
      // A cited document's number is citation/format's to report.
      if (citedNumbers.some((z) => o(s) < z.end && o(s + m![0].length) > z.start)) continue;
      add(s, s + m[0].length, { kind: 'ky-hieu', mark: m[0], fixed }, s, s + m[0].length, fixed, everywhere);
    }
    const free = (s: number, e: number) => taken.length === 0 || !taken.some((z) => s < z.end && e > z.start);
    const marks = spacingMarks(text, scan.marks);
    for (const m of marks.before) {
      if (m.index === 0 || !AFTER_WORD.test(text[m.index - 1])) continue;
      if (isTemplate(m.index)) continue;
      const s = m.index;
      const e = s + m[0].length - 1;
      const line = lineAt(s);
      // "... ." leaders and "…" placeholders of templates.
      if (/[.…]/u.test(text[m.index - 1] ?? '') || /^\s*(?:…|\.\.)/u.test(text.slice(m.index + m[0].length, line.end))) continue;
      if (free(s, e)) add(s, e, { kind: 'before', mark: m[1] ?? m[2], fixed: '', context: around(line, s, e + 1) }, s, e, '', everywhere);
    }
    for (const m of marks.after) {
      const mark = m[1] ?? m[2];
      if (!missingAfterContext(text, m.index, mark)) continue;
      const at = m.index;
      const line = lineAt(at);
      const t = line.text;
      const i = at - line.start;
      // The word the mark sits in: URLs, e-mail addresses and domain names keep their marks.
      const before = t.slice(0, i).split(/\s/u).pop() ?? '';
      const after = t.slice(i + 1).split(/\s/u)[0] ?? '';
      if (URL_LIKE.test(before + mark + after) || t.includes('|')) continue;
      // "N,N-dimethyl", "b,d", "Tabun:O-Ethyl": formulas and labels, not prose.
      if (!/\p{L}{2}$/u.test(before) || !/^\p{L}{2}/u.test(after) || /^\p{L}+-/u.test(after)) continue;
      if (mark === '.' && /\.\p{L}/u.test(after)) continue; // "a.b.c"
      if (free(at, at + 1)) add(at, at + 1, { kind: 'after', mark, fixed: '', context: around(line, at, at + 1) }, at + 1, at + 1, ' ', everywhere);
    }
    // Form templates and table rows ("|  |  |") align with spaces; skip them.
    for (const run of scan.spaceRuns) {
      DOUBLE_SPACE.lastIndex = run;
      if (!(m = DOUBLE_SPACE.exec(text))) continue;
      if (!NOT_SPACE.test(charBefore(text, m.index))) continue;
      const s = m.index;
      const e = s + m[0].length;
      if (isTemplate(s)) continue;
      const line = lineAt(s);
      if (line.text.includes('|')) continue;
      // Runs with a non-breaking space are text/unicode's; runs beside an editorial note "[…]" are a converter's.
      if (source.original.slice(o(s), o(e)) !== m[0] || /[\[\]]/u.test(text[m.index - 1] + text[m.index + m[0].length])) continue;
      if (free(s, e)) add(s, e, { kind: 'double', mark: '', fixed: '', context: around(line, s, e) }, s, e, ' ', layout);
    }
    findings.sort((a, b) => a.start - b.start);
    for (const f of findings) {
      report({ range: { start: f.start, end: f.end }, args: f.args, edits: [{ range: { start: f.editStart, end: f.editEnd }, newText: f.newText }] });
    }
  },
});

// ---------------------------------------------------------------------------
// text/abbreviation
// ---------------------------------------------------------------------------

export interface AbbreviationArgs {
  abbr: string;
  /** The words before "(ABBR)" at the definition. */
  full: string;
}

/**
 * "(CCHC)" after the words it abbreviates, or "(sau đây gọi tắt là CCHC)". It must
 * follow a letter, with at most one space or tab between: checked in code
 * (afterWord) rather than by a lookbehind tried at every position of the text.
 */
export const DEFINITION = /\((?:(?:sau đây )?(?:gọi|viết) tắt là[ \t:]*“?)?([\p{Lu}][\p{Lu}\d&]{1,11})”?\)/gu;
/** DEFINITION tried at each "(" only (text/anchors.ts); no match holds a second "(", so these are the global scan's matches. */
const DEFINITION_AT = new RegExp(DEFINITION.source, 'uy');
export function definitions(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  for (const at of positionsOf(text, ['('])) {
    DEFINITION_AT.lastIndex = at;
    if ((m = DEFINITION_AT.exec(text))) out.push(m);
  }
  return out;
}
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
function afterWord(text: string, at: number): boolean {
  const c = text.charCodeAt(at - 1);
  return LETTER_OR_MARK.test(charBefore(text, c === 0x20 || c === 0x09 ? at - 1 : at));
}
const ROMAN = /^[IVXLC]+$/u;

/**
 * An abbreviation the document defines ("cải cách hành chính (CCHC)", "(sau
 * đây gọi tắt là CCHC)") but uses earlier, before the definition. Uses in the
 * header, the Nơi nhận list and the signature do not count ("- Lưu: VT, CCHC."
 * names a unit), nor do uses inside a document number ("QĐ-BNV"). An
 * abbreviation that is never defined is not reported: ND30 sets no such rule
 * (../shared/reference/rules.md §1.18). One finding per abbreviation, at its
 * first early use.
 */
export const abbreviation = defineRule<AbbreviationArgs>({
  code: 'text/abbreviation',
  severity: 'info',
  description: {
    vi: 'Chữ viết tắt được dùng trước khi được định nghĩa “(CCHC)” trong văn bản',
    en: 'An abbreviation used before the document defines it “(CCHC)”',
  },
  message: {
    vi: (a) => `Chữ viết tắt “${a.abbr}” được dùng trước khi được định nghĩa (“${a.full} (${a.abbr})” ở phía sau): viết đầy đủ lần đầu, kèm “(${a.abbr})”`,
    en: (a) => `Abbreviation “${a.abbr}” is used before it is defined (“${a.full} (${a.abbr})” comes later): write it in full the first time, with “(${a.abbr})”`,
  },
  check({ source, tree }, report) {
    const text = source.text;
    const o = (n: number) => source.toOriginal(n);
    const zones = zonesOf(tree, new Set<ZoneKind>(['header', 'noi-nhan', 'chu-ky']));
    const defs = new Map<string, { at: number; end: number; full: string }>();
    for (const m of definitions(text)) {
      if (!afterWord(text, m.index!)) continue;
      const abbr = m[1];
      if (ROMAN.test(abbr) || defs.has(abbr)) continue;
      // "- Lưu: VT, BTC (TCHQ)." names a unit; it defines nothing.
      if (inZones(zones, o(m.index!), o(m.index! + m[0].length))) continue;
      const before = text.slice(Math.max(0, m.index! - 80), m.index!).split('\n').pop() ?? '';
      const words = before.trim().split(/\s+/u);
      // The words it abbreviates: as many as it has letters ("cải cách hành chính (CCHC)").
      const letters = abbr.replace(NOT_UPPER, '').length;
      defs.set(abbr, { at: m.index!, end: m.index! + m[0].length, full: words.slice(-Math.min(words.length, Math.max(1, letters))).join(' ') });
    }
    for (const [abbr, def] of defs) {
      // Tried where the abbreviation's text stands (a native search): its matches cannot overlap, as the
      // lookbehind rejects a start inside another copy, so these are the global scan's matches in order.
      const use = new RegExp(`(?<![${LN}\\/&-])${abbr}(?![${LN}\\/&-])`, 'uy');
      for (let at = text.indexOf(abbr); at >= 0 && at < def.at; at = text.indexOf(abbr, at + 1)) {
        use.lastIndex = at;
        if (!use.test(text)) continue;
        const start = o(at);
        const end = o(at + abbr.length);
        if (inZones(zones, start, end)) continue;
        report({
          range: { start, end },
          args: { abbr, full: def.full },
          related: [{ range: { start: o(def.at), end: o(def.end) }, message: { vi: `Định nghĩa “${abbr}” ở đây`, en: `“${abbr}” is defined here` } }],
        });
        break;
      }
    }
  },
});

export const textRules: readonly AnyRule[] = [unicode, repeatedWord, spacing, abbreviation];
