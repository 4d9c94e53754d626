/**
 * What changed between two versions of a document, and the line index of the
 * new version carried over from the old one.
 *
 * Both run on every keystroke in the server, on texts of up to megabytes
 * (issue 9: edit_p95_ms). Scanning 1 MB character by character for the common
 * prefix and suffix cost ≈ 1.5 ms, and indexing the lines of every version
 * again ≈ 1.6 ms, together about half of what a fast incremental answer costs.
 */
import { lineIndexOf, type LineIndex } from '../text/positions.ts';

/** `old` and `text` are equal outside old[start, oldEnd) and text[start, newEnd). */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * Whole chunks are compared as strings first: V8 compares two slices of flat
 * strings with a memory comparison, ≈ 10× faster than a loop of charCodeAt.
 */
const CHUNK = 2048;

/**
 * The last pair compared and its span: after a keystroke the server asks of the same two versions three times (the
 * legacy-encoding verdict, the incremental diagnostics, the moved line index), each a scan of megabytes. Strings
 * compare by value, so a hit is right whatever object holds the text; a miss costs no more than the scan.
 */
let last: { old: string; text: string; span: ChangedSpan } | undefined;

/** The smallest span outside which the two texts are equal (empty when they are equal). */
export function changedSpan(old: string, text: string): ChangedSpan {
  if (last && last.old.length === old.length && last.text.length === text.length && last.old === old && last.text === text) return last.span;
  const span = Object.freeze(scanChange(old, text));
  last = { old, text, span };
  return span;
}

/**
 * Tells `changedSpan` the span of a pair it has not scanned, found by whoever made `text` from `old` (the server's
 * document store, which knows where the edit went). It must be changedSpan's own answer: the smallest span.
 */
export function rememberChangedSpan(old: string, text: string, span: ChangedSpan): void {
  last = { old, text, span: Object.freeze({ start: span.start, oldEnd: span.oldEnd, newEnd: span.newEnd }) };
}

/**
 * Lets go of the last pair. Each keystroke makes the document a new string as large as its text; held here until
 * the next pair is asked, the version before the last was still alive when the next keystroke's text was made,
 * so the young generation's collection then moved it to the old generation, to wait for a full collection.
 */
export function forgetChangedSpan(): void {
  last = undefined;
}

/**
 * changedSpan(old, text) when `text` is `old` with old[start, end) replaced (the server's document store knows where
 * an edit went): the texts agree before `start` and after the replacement, so only the characters around it are
 * compared (≈ 0.2 ms saved per keystroke on 1 MB).
 */
export function spanOfEdit(old: string, text: string, start: number, end: number): ChangedSpan {
  return scanChange(old, text, start, old.length - end);
}

/** The span, comparing from `from` on and from the last `sameEnd` units back (both known equal). */
function scanChange(old: string, text: string, from = 0, sameEnd = 0): ChangedSpan {
  const min = Math.min(old.length, text.length);
  let s = from;
  while (s + CHUNK <= min && old.slice(s, s + CHUNK) === text.slice(s, s + CHUNK)) s += CHUNK;
  while (s < min && old.charCodeAt(s) === text.charCodeAt(s)) s++;
  const ol = old.length;
  const tl = text.length;
  let q = Math.min(sameEnd, min - s);
  while (q + CHUNK <= min - s && old.slice(ol - q - CHUNK, ol - q) === text.slice(tl - q - CHUNK, tl - q)) q += CHUNK;
  while (q < min - s && old.charCodeAt(ol - 1 - q) === text.charCodeAt(tl - 1 - q)) q++;
  return { start: s, oldEnd: ol - q, newEnd: tl - q };
}

const hasLineBreak = (s: string) => s.includes('\n') || s.includes('\r');

/**
 * The line index of `text` from the index of `old`, when the change between
 * them neither holds a line break nor follows a "\r" (which a "\n" after the
 * change would join to, or leave); undefined otherwise. The lines before the
 * change keep their starts, the ones after it move by the change's length.
 */
export function movedLineIndex(old: string, oldIndex: LineIndex, text: string, span: ChangedSpan = changedSpan(old, text)): LineIndex | undefined {
  const { start, oldEnd, newEnd } = span;
  if (old.charCodeAt(start - 1) === 0x0d) return undefined;
  if (hasLineBreak(old.slice(start, oldEnd)) || hasLineBreak(text.slice(start, newEnd))) return undefined;
  const before = oldIndex.lineStarts;
  // The first line starting after the change's start (none starts inside it: it holds no line break).
  let lo = 0;
  let hi = before.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before[mid] <= start) lo = mid + 1;
    else hi = mid;
  }
  const delta = newEnd - oldEnd;
  // Copied whole, then moved in place: grown by push, the copy was re-allocated as it grew (≈ 7,500 lines on 1 MB).
  const starts = before.slice();
  if (delta !== 0) for (let i = lo; i < starts.length; i++) starts[i] += delta;
  return lineIndexOf(text, starts);
}
