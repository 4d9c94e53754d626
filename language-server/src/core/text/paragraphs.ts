/**
 * Logical paragraphs: portal copies and PDF text wrap long lines mid-sentence
 * ("6. Xây dựng và phát triển Chính" ⏎ "phủ điện tử, Chính phủ số"). This view
 * joins such lines back into one paragraph without touching the text: a
 * paragraph is just a span of the normalised text plus its physical lines.
 *
 * A line continues the previous one unless it starts a structural unit, the
 * previous line visibly ends (terminal punctuation, an all-capitals heading
 * before ordinary text, a short line in a hard-wrapped document), or a break
 * (blank line, separator, noise) stands between them.
 */
import { lineText, PRESIZE_MAX, type LineTable } from './lines.ts';
import { isAllUpper, isJsSpace, LOWER_CASE, vietnameseCase } from './letters.ts';

export interface Paragraph {
  /** Offsets into the normalised text: start of the first line, end of the last. */
  start: number;
  end: number;
  /** Its first line (an index into the table joined). */
  first: number;
}

/** Questions about line k of the table joined. */
export interface ParagraphOptions {
  /**
   * True when the line opens a structural unit (Điều, khoản, "- ", "Căn cứ"…) after the line before it, if any.
   * A function of the two lines alone: `paragraphs` asks it once per line (the profile and the joiner share the answer).
   */
  startsUnit(k: number): boolean;
  /** True for lines that end any paragraph and belong to none (blank, separators, noise). */
  isBreak(k: number): boolean;
  /** True for lines that always stand alone (a lone "|" cell separator): nothing joins them. */
  standalone?(k: number): boolean;
}

export interface WrapProfile {
  /** The document is hard-wrapped (a portal or PDF copy), not one paragraph per line. */
  wrapped: boolean;
  /** Typical length of a wrapped line that continues a paragraph. */
  width: number;
  /** Typical length of a paragraph's first line (portals indent it, so it is shorter). */
  firstWidth: number;
}

const TERMINAL = /[.;:!?…]["”’)]?$/u;
const JOINING_END = /[,\-–(\/&]$/u;
const LOWER_START = /^[\p{Ll}\d,.;:)%…]/u;
/** A capitalised word ("Nam", "Chính"), tested on a line's last word. */
const CAPITALISED = /^\p{Lu}\p{Ll}*$/u;

/** Words that cannot end a sentence or a heading: a line ending in one goes on. */
const FUNCTION_WORDS = new Set(
  (
    'của và các về với cho để tại trong là được những đến từ theo có bị do thì mà như hoặc hay nhằm bởi trên ' +
    'dưới giữa sau trước khi nếu vào số ngày tháng năm thuộc một mọi đã sẽ đang không chưa cần phải đối ' +
    'kèm tới qua gồm'
  ).split(' '),
);

export function wrapProfile(lines: LineTable, opts: ParagraphOptions): WrapProfile {
  return profileOf(lines, unitStarts(lines, opts), lineGaps(lines, opts));
}

/**
 * Per line, 1 when it is empty or a break (`isBreak`), else 0: asked once per line, read by the profile (of the
 * line, the one before and the one before that) and by the joiner. A function that ends with its loop (why:
 * text/lines.ts scanLines).
 */
function lineGaps(lines: LineTable, opts: ParagraphOptions): Uint8Array {
  const { count, starts, ends } = lines;
  const gaps = new Uint8Array(count);
  for (let k = 0; k < count; k++) if (starts[k] === ends[k] || opts.isBreak(k)) gaps[k] = 1;
  return gaps;
}

/**
 * `startsUnit(k)`, asked once per line: the profile and the joiner both ask it of the same lines (the joiner's
 * previous line is always the one before: a break ends the paragraph).
 */
function unitStarts(lines: LineTable, opts: ParagraphOptions): (k: number) => boolean {
  const known = new Uint8Array(lines.count); // 0 not asked yet, 1 no, 2 yes
  return (k) => {
    let v = known[k];
    if (v === 0) known[k] = v = opts.startsUnit(k) ? 2 : 1;
    return v === 2;
  };
}

function profileOf(lines: LineTable, startsUnit: (k: number) => boolean, gaps: Uint8Array): WrapProfile {
  const { text, count, starts, ends } = lines;
  const cont: number[] = [];
  const first: number[] = [];
  let content = 0;
  for (let i = 0; i < count; i++) {
    if (gaps[i] === 1) continue;
    content++;
    if (i === 0) continue;
    if (gaps[i - 1] === 1) continue;
    if (!lowerStart(text, starts[i], ends[i]) || startsUnit(i)) continue;
    const pIsFirst = i < 2 || gaps[i - 2] === 1 || TERMINAL.test(lineText(lines, i - 2)) || startsUnit(i - 1);
    (pIsFirst ? first : cont).push(ends[i - 1] - starts[i - 1]);
  }
  const wrapped = cont.length >= 5 && cont.length + first.length >= content * 0.15;
  const width = median(cont);
  return { wrapped, width, firstWidth: first.length >= 3 ? median(first) : width };
}

/** The line `text[s, e)` (not empty) starts in lower case, with a digit or with punctuation that goes on a sentence (LOWER_START). */
function lowerStart(text: string, s: number, e: number): boolean {
  const c = text.charCodeAt(s);
  // ASCII decided by code (a-z 0-9 , . ; : ) %): the pattern runs only for the rest.
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x29 || c === 0x25;
  // Then a Vietnamese letter by its code ("Đ" of Điều, "đ", "ư"…).
  const k = vietnameseCase(c);
  return k < 0 ? LOWER_START.test(text.slice(s, e)) : k === LOWER_CASE;
}

/**
 * The paragraphs of the table's lines, in order. `open` makes a paragraph's object from its first line (the
 * parser makes its own, with no copy in between); joining a line moves its `end`. The paragraph's last line and
 * line count, which the joiner reads, are kept here, not on the object.
 */
export function paragraphs<P extends { end: number } = Paragraph>(
  lines: LineTable,
  opts: ParagraphOptions,
  profile?: WrapProfile,
  open: (first: number) => P = (first) => ({ start: lines.starts[first], end: lines.ends[first], first }) as unknown as P,
): P[] {
  const startsUnit = unitStarts(lines, opts);
  const gaps = lineGaps(lines, opts);
  profile ??= profileOf(lines, startsUnit, gaps);
  // Sized once (a paragraph per line at most), cut to its length at the end: grown by push, its backing store was
  // copied a dozen times on a long text (three times its final size in garbage).
  const out: P[] = new Array(Math.min(lines.count, PRESIZE_MAX));
  out.length = joinLines(lines, opts, startsUnit, gaps, profile, open, out);
  return out;
}

/**
 * The paragraphs into `out`, from its start; how many. A function of its own that ends with its loop, apart
 * from the cut of `out` in `paragraphs` (why: text/lines.ts scanLines).
 */
function joinLines<P extends { end: number }>(lines: LineTable, opts: ParagraphOptions, startsUnit: (k: number) => boolean, gaps: Uint8Array, profile: WrapProfile, open: (first: number) => P, out: P[]): number {
  const { count, ends } = lines;
  let n = 0;
  let cur: P | undefined;
  let first = 0;
  let last = 0;
  let lineCount = 0;
  for (let k = 0; k < count; k++) {
    if (gaps[k] === 1) {
      cur = undefined;
      continue;
    }
    if (cur && !opts.standalone?.(first) && !startsUnit(k) && continues(lines, last, lineCount === 1, k, profile)) {
      last = k;
      lineCount++;
      cur.end = ends[k];
      continue;
    }
    cur = open(k);
    first = last = k;
    lineCount = 1;
    out[n++] = cur;
  }
  return n;
}

/** Line `k`, which does not start a unit, goes on the paragraph whose last line is `prevLine` (`isFirst`: that line is its first). */
function continues(lines: LineTable, prevLine: number, isFirst: boolean, k: number, profile: WrapProfile): boolean {
  if (lowerStart(lines.text, lines.starts[k], lines.ends[k])) return true;
  const prev = lineText(lines, prevLine);
  if (TERMINAL.test(prev)) return false;
  const l = lineText(lines, k);
  const prevCaps = isAllUpper(prev);
  const lineCaps = isAllUpper(l);
  if (prevCaps !== lineCaps) return false;
  if (prevCaps && lineCaps) return true;
  if (JOINING_END.test(prev)) return true;
  const last = lastWord(prev);
  if (FUNCTION_WORDS.has(last)) return true;
  if (last.length > 1 && CAPITALISED.test(last)) return true;
  if (!profile.wrapped) return false;
  const width = isFirst ? profile.firstWidth : profile.width;
  return prev.length >= width * 0.85;
}

/**
 * The line's last word: what follows its last JS `\s` ('' when it ends with one). A loop from the end: the
 * `$`-anchored pattern it replaces (`(?<!\S)(\S+)$`) was tried at every word start of the line.
 */
export function lastWord(line: string): string {
  let i = line.length;
  while (i > 0 && !isJsSpace(line.charCodeAt(i - 1))) i--;
  return i === line.length ? '' : line.slice(i);
}

function median(xs: number[]): number {
  if (xs.length === 0) return Infinity;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
