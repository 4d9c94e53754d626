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
import { PRESIZE_MAX, type Line } from './lines.ts';
import { isAllUpper, LOWER_CASE, vietnameseCase } from './letters.ts';

export interface Paragraph {
  /** Offsets into the normalised text: start of the first line, end of the last. */
  start: number;
  end: number;
  /** Its first physical line. */
  first: Line;
}

export interface ParagraphOptions {
  /**
   * True when the trimmed line opens a structural unit (Điều, khoản, "- ", "Căn cứ"…); `prev` is the line before, if any.
   * A function of the two lines alone: `paragraphs` asks it once per line (the profile and the joiner share the answer).
   */
  startsUnit(line: Line, prev?: Line): boolean;
  /** True for lines that end any paragraph and belong to none (blank, separators, noise). */
  isBreak(line: Line): boolean;
  /** True for lines that always stand alone (a lone "|" cell separator): nothing joins them. */
  standalone?(text: string): boolean;
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
const UPPER_WORD_END = /(?:^|\s)\p{Lu}[\p{Ll}]*$/u;
const LAST_WORD = /(?<!\S)(\S+)$/u; // starts at a word start: linear on a long line

/** Words that cannot end a sentence or a heading: a line ending in one goes on. */
const FUNCTION_WORDS = new Set(
  (
    'của và các về với cho để tại trong là được những đến từ theo có bị do thì mà như hoặc hay nhằm bởi trên ' +
    'dưới giữa sau trước khi nếu vào số ngày tháng năm thuộc một mọi đã sẽ đang không chưa cần phải đối ' +
    'kèm tới qua gồm'
  ).split(' '),
);

export function wrapProfile(lines: readonly Line[], opts: ParagraphOptions): WrapProfile {
  return profileOf(lines, opts, unitStarts(lines, opts));
}

/**
 * `startsUnit(lines[k], lines[k - 1])`, asked once per line: the profile and the joiner both ask it of the same
 * pairs (the joiner's previous line is always the one before: a break ends the paragraph).
 */
function unitStarts(lines: readonly Line[], opts: ParagraphOptions): (k: number) => boolean {
  const known = new Uint8Array(lines.length); // 0 not asked yet, 1 no, 2 yes
  return (k) => {
    let v = known[k];
    if (v === 0) known[k] = v = opts.startsUnit(lines[k], k > 0 ? lines[k - 1] : undefined) ? 2 : 1;
    return v === 2;
  };
}

function profileOf(lines: readonly Line[], opts: ParagraphOptions, startsUnit: (k: number) => boolean): WrapProfile {
  const cont: number[] = [];
  const first: number[] = [];
  let content = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.text === '' || opts.isBreak(l)) continue;
    content++;
    if (i === 0) continue;
    const p = lines[i - 1];
    if (p.text === '' || opts.isBreak(p)) continue;
    if (!lowerStart(l.text) || startsUnit(i)) continue;
    const pp = i >= 2 ? lines[i - 2] : undefined;
    const pIsFirst = !pp || pp.text === '' || opts.isBreak(pp) || TERMINAL.test(pp.text) || startsUnit(i - 1);
    (pIsFirst ? first : cont).push(p.text.length);
  }
  const wrapped = cont.length >= 5 && cont.length + first.length >= content * 0.15;
  const width = median(cont);
  return { wrapped, width, firstWidth: first.length >= 3 ? median(first) : width };
}

/** A line's text starts in lower case, with a digit or with punctuation that goes on a sentence (LOWER_START). */
function lowerStart(t: string): boolean {
  const c = t.charCodeAt(0);
  // ASCII decided by code (a-z 0-9 , . ; : ) %): the pattern runs only for the rest.
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x29 || c === 0x25;
  // Then a Vietnamese letter by its code ("Đ" of Điều, "đ", "ư"…).
  const k = vietnameseCase(c);
  return k < 0 ? LOWER_START.test(t) : k === LOWER_CASE;
}

/**
 * The paragraphs of `lines`, in order. `open` makes a paragraph's object from its first line (the parser makes
 * its own, with no copy in between); joining a line moves its `end`. The paragraph's last line and line count,
 * which the joiner reads, are kept here, not on the object.
 */
export function paragraphs<P extends { end: number } = Paragraph>(
  lines: readonly Line[],
  opts: ParagraphOptions,
  profile?: WrapProfile,
  open: (first: Line) => P = (first) => ({ start: first.start, end: first.end, first }) as unknown as P,
): P[] {
  const startsUnit = unitStarts(lines, opts);
  profile ??= profileOf(lines, opts, startsUnit);
  // Sized once (a paragraph per line at most), cut to its length at the end: grown by push, its backing store was
  // copied a dozen times on a long text (three times its final size in garbage).
  const out: P[] = new Array(Math.min(lines.length, PRESIZE_MAX));
  let n = 0;
  let cur: P | undefined;
  let first = lines[0];
  let last = first;
  let count = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (line.text === '' || opts.isBreak(line)) {
      cur = undefined;
      continue;
    }
    if (cur && !opts.standalone?.(first.text) && !startsUnit(k) && continues(last, count === 1, line, profile)) {
      last = line;
      count++;
      cur.end = line.end;
      continue;
    }
    cur = open(line);
    first = last = line;
    count = 1;
    out[n++] = cur;
  }
  out.length = n;
  return out;
}

/** `line`, which does not start a unit, goes on the paragraph whose last line is `prevLine` (`isFirst`: that line is its first). */
function continues(prevLine: Line, isFirst: boolean, line: Line, profile: WrapProfile): boolean {
  const l = line.text;
  const prev = prevLine.text;
  if (lowerStart(l)) return true;
  if (TERMINAL.test(prev)) return false;
  const prevCaps = isAllUpper(prev);
  const lineCaps = isAllUpper(l);
  if (prevCaps !== lineCaps) return false;
  if (prevCaps && lineCaps) return true;
  if (JOINING_END.test(prev)) return true;
  const last = LAST_WORD.exec(prev)?.[1] ?? '';
  if (FUNCTION_WORDS.has(last)) return true;
  if (UPPER_WORD_END.test(prev) && last.length > 1) return true;
  if (!profile.wrapped) return false;
  const width = isFirst ? profile.firstWidth : profile.width;
  return prev.length >= width * 0.85;
}

function median(xs: number[]): number {
  if (xs.length === 0) return Infinity;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}
