/**
 * Scans led by a rare character. A regex run over a whole law tries its
 * pattern at every position (0.4–0.8 ms per pass over 741 KB, whatever it
 * finds), while the native single-character search jumps from one "[" or "/"
 * to the next (≈ 0.01 ms for the same text). A pattern whose every match must
 * hold such a character at a place known from the match start is run as a
 * sticky regex only at the starts those characters allow: the same matches,
 * in the same order, as the global scan.
 */

/**
 * Where any of `chars` (single UTF-16 units) stands in `text`, ascending. Not for
 * U+2000–U+20FF (the dashes "‐–—"): V8 searches for such a unit by its high byte,
 * 0x20, which is every space, and takes 0.75 ms over a law — use `positionsMatching`.
 */
export function positionsOf(text: string, chars: readonly string[]): number[] {
  let out: number[] = [];
  for (const c of chars) {
    const at: number[] = [];
    for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) at.push(i);
    out = out.length === 0 ? at : mergeAscending(out, at);
  }
  return out;
}

/** Two ascending lists as one (a merge: each character's places come out of the search in order). */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Where the global `re` (one character class) matches, ascending. */
export function positionsMatching(text: string, re: RegExp): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m.index);
  return out;
}

/** Whether the sticky `re` matches at any of `starts` (in range). */
export function matchesAtAny(re: RegExp, text: string, starts: Iterable<number>): boolean {
  for (const s of starts) {
    if (s < 0 || s > text.length) continue;
    re.lastIndex = s;
    if (re.test(text)) return true;
  }
  return false;
}

/** Start of the run of blanks (space, tab) that ends at `at`: `at` itself when none precedes it. */
export function blanksBefore(text: string, at: number): number {
  let s = at;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c !== 0x20 && c !== 0x09) break;
    s--;
  }
  return s;
}

/** Start of the run of ASCII digits that ends at `at`. */
export function digitsBefore(text: string, at: number): number {
  let s = at;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c < 0x30 || c > 0x39) break;
    s--;
  }
  return s;
}
