/**
 * Line/character positions as LSP counts them: 0-based lines split at
 * "\r\n", "\r" or "\n", characters in UTF-16 code units. Always computed on
 * the user's original text.
 */
export interface Position {
  line: number;
  character: number;
}

export interface LineIndex {
  readonly lineStarts: readonly number[];
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) {
      starts.push(i + 1);
    }
  }
  return lineIndexOf(text, starts);
}

/** The index of `text` whose line starts are already known (they must be exactly `createLineIndex(text)`'s). */
export function lineIndexOf(text: string, starts: readonly number[]): LineIndex {
  const positionAt = (offset: number): Position => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  };
  const offsetAt = (p: Position): number => {
    if (p.line < 0) return 0;
    if (p.line >= starts.length) return text.length;
    const lineStart = starts[p.line];
    const next = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
    // Never point past the line's own end (its line break excluded).
    let lineEnd = next;
    if (p.line + 1 < starts.length) {
      lineEnd--;
      if (text.charCodeAt(lineEnd) === 0x0a && text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
    }
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, p.character), lineEnd));
  };
  return { lineStarts: starts, positionAt, offsetAt };
}
