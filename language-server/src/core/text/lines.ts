/**
 * Physical lines of the normalised text, trimmed, with their offsets.
 * Offsets are into the normalised text; map them with SourceText.toOriginal.
 */
export interface Line {
  /** 0-based index among the physical lines. */
  index: number;
  /** Offsets of the trimmed content (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** The trimmed content. */
  text: string;
}

/**
 * The most slots a per-line list is sized to at once (`new Array(n)`, then cut to its length): past it the list
 * grows as pushed. Bounds the up-front block on a huge text.
 */
export const PRESIZE_MAX = 50_000;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let index = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    lines.push({ index: index++, start: s, end: e, text: text.slice(s, e) });
    if (lineEnd === n) break;
    lineStart = lineEnd + 1;
  }
  return lines;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}
