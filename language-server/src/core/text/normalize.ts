/**
 * Text layer: turns the user's text into the canonical form the parser reads
 * (NFC, LF line ends, plain spaces, no zero-width characters, `Đ` for `Ð`)
 * while keeping an offset map back to the original. Every range the core
 * reports is computed on the normalised text and mapped back with
 * `toOriginal`, so it points into the text exactly as the user has it.
 */

export type NormalizationKind = 'nfd' | 'nbsp' | 'eth' | 'zero-width' | 'cr' | 'bom';

/** A place where the original differs from the normalised text (original offsets). */
export interface NormalizationEvent {
  kind: NormalizationKind;
  start: number;
  end: number;
  /** What the normalised text has there. */
  replacement: string;
}

export interface SourceText {
  readonly original: string;
  /** The normalised text the parser reads. */
  readonly text: string;
  readonly events: readonly NormalizationEvent[];
  /** True when every offset of `text` is the same offset in `original` (only 1:1 replacements). */
  readonly sameOffsets: boolean;
  /**
   * False when the text holds none of the dashes U+2010–U+2015, which the normaliser's scan of the U+20xx
   * block sees anyway: the citations' numbers then look for "/" and "-" by a native search instead of a class
   * pass (V8 cannot search those dashes natively). Undefined when not known.
   */
  readonly unicodeDashes?: boolean;
  /** Maps an offset in `text` to the offset in `original` (UTF-16 units). */
  toOriginal(offset: number): number;
  /** Maps an offset in `original` to the offset in `text`. */
  toNormalized(offset: number): number;
}

// Anything that may need rewriting. When none occurs (the common case for a
// file typed in an editor) the map is the identity and we skip all work.
// Searched for by kind, not by one class of them all: V8 finds a single character of
// the text with a native search (≈ 0.01 ms for a 0.5 MB law, the U+200B–U+200D
// run aside) and a one-range class fast, while the union class takes ≈ 0.9 ms.
const SPECIAL_CHARS = ['\r', '\u00a0', '\u00d0', '\u2060', '\ufeff'];
// The combining marks and the zero-width characters U+200B–U+200D in one class scan, read as the run of
// characters outside the class, sticky from where the scan stands: one tight loop (0.20 ms over real/18), where
// the class searched for took 0.27 ms (irregexp tries it at every position). Two ranges at most: with a third
// the class costs 0.9 ms. Until the scan has met a dash U+2010–U+2015 (SourceText.unicodeDashes) it stops at
// U+200B–U+2015, then at U+200B–U+200D alone: the quotes “” and "…" of a portal copy (7,260 in bulk-tvpl/0087)
// never stop it (that file's scan 0.34 → 0.18 ms; a stop costs ≈ 20 ns).
// The run is read two units a step: irregexp's loop then runs half as often (normalizeText of real/18: 7.84 → 7.29 M
// instructions; one unit a step, 4 or 8 cost more). It stops before the first pair that holds a stop, which is then
// that pair's first unit or else its second (`stops`: no second pattern, whose call cost ≈ 300 instructions a stop).
const PLAIN_PAIRS = /(?:[^\u0300-\u036f\u200b-\u2015]{2})*/y;
const PLAIN_PAIRS_AFTER_DASH = /(?:[^\u0300-\u036f\u200b-\u200d]{2})*/y;
/** Whether the scan stops at `c`: PLAIN_PAIRS's class, or PLAIN_PAIRS_AFTER_DASH's once a dash was passed. */
const stops = (c: number, dashes: boolean) => (c >= 0x0300 && c <= 0x036f) || (c >= 0x200b && c <= (dashes ? 0x200d : 0x2015));
const COMBINING = (c: number) => c >= 0x0300 && c <= 0x036f;
const ZERO_WIDTH = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;

/** What the scan has passed; complete once it has answered `text.length`. */
interface Seen {
  dashes: boolean;
}

/** Position of the first character of search `k` at or after `from` (`text.length` when none). */
function nextOf(text: string, k: number, from: number, seen: Seen): number {
  if (k === SPECIAL_CHARS.length) return nextMarkOrZeroWidth(text, from, seen);
  const at = text.indexOf(SPECIAL_CHARS[k], from);
  return at < 0 ? text.length : at;
}

/** The first combining mark or U+200B–U+200D at or after `from` (`text.length` when none), noting the dashes passed. */
function nextMarkOrZeroWidth(text: string, from: number, seen: Seen): number {
  const n = text.length;
  for (let at = from; at < n; at++) {
    const pairs = seen.dashes ? PLAIN_PAIRS_AFTER_DASH : PLAIN_PAIRS;
    pairs.lastIndex = at;
    pairs.test(text); // matches, maybe empty, since lastIndex <= n
    at = pairs.lastIndex;
    if (at >= n) break;
    let c = text.charCodeAt(at);
    if (!stops(c, seen.dashes)) {
      // The stop is the pair's second unit, or the text ends after its first.
      if (++at >= n) break;
      c = text.charCodeAt(at);
    }
    if (c <= 0x200d) return at; // a mark or U+200B–U+200D
    if (c >= 0x2010) seen.dashes = true; // else U+200E or U+200F, passed
  }
  return n;
}

/**
 * The special characters of `text` in order: `next(from)` is the first at or after `from`.
 * Each search keeps its last answer and runs again only once passed, so every kind is scanned
 * once over the text however many characters are rewritten (a CRLF file has thousands).
 */
function specialScanner(text: string, seen: Seen): (from: number) => number {
  const at: number[] = [];
  for (let k = 0; k <= SPECIAL_CHARS.length; k++) at.push(nextOf(text, k, 0, seen));
  return (from) => {
    let min = text.length;
    for (let k = 0; k < at.length; k++) {
      if (at[k] < from) at[k] = nextOf(text, k, from, seen);
      if (at[k] < min) min = at[k];
    }
    return min;
  };
}

export function normalizeText(original: string): SourceText {
  const n = original.length;
  const seen: Seen = { dashes: false };
  const next = specialScanner(original, seen);
  const first = next(0);
  if (first >= n) return { ...identity(original), unicodeDashes: seen.dashes };

  const out: string[] = [];
  const events: NormalizationEvent[] = [];
  // Anchors: parallel arrays of (normalised offset, original offset) where the
  // shift between the two changes. Between anchors the texts run in step.
  const normAt: number[] = [0];
  const origAt: number[] = [0];
  let norm = 0;
  let runStart = 0; // start (original) of the unchanged run not yet copied

  const flush = (upTo: number) => {
    if (upTo > runStart) {
      out.push(original.slice(runStart, upTo));
      norm += upTo - runStart;
    }
  };
  const replace = (start: number, end: number, repl: string, kind: NormalizationKind) => {
    flush(start);
    out.push(repl);
    norm += repl.length;
    runStart = end;
    events.push({ kind, start, end, replacement: repl });
    if (repl.length !== end - start) {
      normAt.push(norm);
      origAt.push(end);
    }
  };

  // Jump from one special character to the next.
  for (let i = first; i < n; i++) {
    i = next(i);
    if (i >= n) break;
    const c = original.charCodeAt(i);
    if (c === 0x0d) {
      if (original.charCodeAt(i + 1) === 0x0a) replace(i, i + 2, '\n', 'cr'), i++;
      else replace(i, i + 1, '\n', 'cr');
    } else if (c === 0x00a0) {
      replace(i, i + 1, ' ', 'nbsp');
    } else if (c === 0x00d0) {
      replace(i, i + 1, 'Đ', 'eth');
    } else if (ZERO_WIDTH(c)) {
      replace(i, i + 1, '', i === 0 && c === 0xfeff ? 'bom' : 'zero-width');
    } else if (COMBINING(c)) {
      // Compose the cluster: the base letter before the marks plus the marks.
      // The base may already have been copied as part of the unchanged run.
      let start = i - 1;
      if (start < runStart || start < 0) start = i; // base was itself rewritten; compose marks alone
      let end = i + 1;
      while (end < n && COMBINING(original.charCodeAt(end))) end++;
      const cluster = original.slice(start, end);
      const composed = cluster.normalize('NFC');
      if (composed !== cluster) replace(start, end, composed, 'nfd');
      i = end - 1;
    }
  }
  flush(n);
  // Joined, never concatenated: a rope (one "Ð" in a law) is flattened by its first search at the same cost
  // as join's copy, but stays a rope around the flat copy, and every charCodeAt of the parser and the rules
  // then goes through it (full check of real/18: CPU p10 −6 %, two interleaved runs of 60–80).
  const text = out.join('');
  return makeSource(original, text, events, normAt, origAt, seen.dashes);
}

/** The source of a text with nothing to normalise (the language service checks that first: incremental-citations.ts). */
export function identity(original: string): SourceText {
  return {
    original,
    text: original,
    events: [],
    sameOffsets: true,
    toOriginal: (o) => clamp(o, original.length),
    toNormalized: (o) => clamp(o, original.length),
  };
}

function makeSource(
  original: string,
  text: string,
  events: NormalizationEvent[],
  normAt: number[],
  origAt: number[],
  unicodeDashes: boolean,
): SourceText {
  const toOriginal = (offset: number): number => {
    const o = clamp(offset, text.length);
    const k = lastAtOrBefore(normAt, o);
    const mapped = origAt[k] + (o - normAt[k]);
    // Inside a shrunk replacement (e.g. the middle of a composed letter) the
    // straight-line estimate may run past the next anchor; clamp to it.
    return k + 1 < origAt.length ? Math.min(mapped, origAt[k + 1]) : Math.min(mapped, original.length);
  };
  const toNormalized = (offset: number): number => {
    const o = clamp(offset, original.length);
    const k = lastAtOrBefore(origAt, o);
    const mapped = normAt[k] + (o - origAt[k]);
    return k + 1 < normAt.length ? Math.min(mapped, normAt[k + 1]) : Math.min(mapped, text.length);
  };
  return { original, text, events, sameOffsets: normAt.length === 1, unicodeDashes, toOriginal, toNormalized };
}

function lastAtOrBefore(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function clamp(x: number, max: number): number {
  return x < 0 ? 0 : x > max ? max : x;
}
