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

/**
 * Lines as offsets into one text: line k is `text.slice(starts[k], ends[k])`, trimmed. The parser's form: no
 * object or string per line (a law has thousands), the text sliced only where a line is read as a string.
 * Both arrays may be longer than `count`.
 */
export interface LineTable {
  readonly text: string;
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** The physical lines of `text`, trimmed (the same lines as splitLines). */
export function lineTable(text: string): LineTable {
  // A law's lines average ≈ 110 units: one guess, doubled when short (typed arrays: the store is outside the heap).
  let starts: Int32Array = new Int32Array((text.length >> 6) + 16);
  let ends: Int32Array = new Int32Array(starts.length);
  let count = scanLines(text, starts, ends, 0, 0);
  // Full: grown, and the scan goes on after the last line written (its line break is the first at or after its
  // trimmed end), unless that line was the text's last.
  while (count === starts.length) {
    const lineEnd = text.indexOf('\n', ends[count - 1]);
    if (lineEnd < 0) break;
    starts = grown(starts);
    ends = grown(ends);
    count = scanLines(text, starts, ends, count, lineEnd + 1);
  }
  return { text, count, starts, ends };
}

/**
 * Lines from `lineStart` on, written from slot `count` on until the text or the slots end; the new count. A
 * function of its own that ends with its loop: V8 optimises a loop that runs long while it runs (on-stack
 * replacement), in the first call, before the code after it has ever run; with the table made after the loop,
 * that code had no type feedback, and the optimised loop, kept and entered again at every call, went back to
 * the interpreter at its end each time. A return needs no feedback.
 */
function scanLines(text: string, starts: Int32Array, ends: Int32Array, count: number, lineStart: number): number {
  const n = text.length;
  for (;;) {
    if (count === starts.length) return count;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    starts[count] = s;
    ends[count++] = e;
    if (lineEnd === n) return count;
    lineStart = lineEnd + 1;
  }
}

/** `a` in a store twice as long. */
export function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Line `k` of the table as a string. */
export function lineText(lines: LineTable, k: number): string {
  return lines.text.slice(lines.starts[k], lines.ends[k]);
}

/** The physical lines as objects (tests, tools): the table's lines. */
export function splitLines(text: string): Line[] {
  const t = lineTable(text);
  const lines: Line[] = new Array(t.count);
  for (let k = 0; k < t.count; k++) lines[k] = { index: k, start: t.starts[k], end: t.ends[k], text: lineText(t, k) };
  return lines;
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/**
 * Spans of a text's lines (lines cut in two or joined to the next), each with the physical line it belongs to:
 * a table as lineTable's, filled by `add`.
 */
export class LineSpans implements LineTable {
  count = 0;
  starts: Int32Array;
  ends: Int32Array;
  /** The physical line of each span. */
  lines: Int32Array;

  constructor(
    readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity + 16);
    this.ends = new Int32Array(this.starts.length);
    this.lines = new Int32Array(this.starts.length);
  }

  add(line: number, start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.lines = grown(this.lines);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.lines[this.count++] = line;
  }
}
