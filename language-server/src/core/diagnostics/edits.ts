import type { Diagnostic, TextEdit } from './diagnostic.ts';

/**
 * Applies plain text edits to `text`. Edits are in offsets of `text` and must
 * not overlap (two insertions at the same offset are applied in the order
 * given). Applied right to left so earlier offsets stay valid.
 * Throws a RangeError on an out-of-range or overlapping edit.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.range.start - b.e.range.start || a.e.range.end - b.e.range.end || a.i - b.i)
    .map((x) => x.e);
  for (let k = 0; k < sorted.length; k++) {
    const { start, end } = sorted[k].range;
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end < start || end > text.length) {
      throw new RangeError(`edit range [${start}, ${end}) is outside the text (length ${text.length})`);
    }
    if (k > 0 && start < sorted[k - 1].range.end) {
      throw new RangeError(`edits overlap at offset ${start}`);
    }
  }
  let out = text;
  for (let k = sorted.length - 1; k >= 0; k--) {
    const { range, newText } = sorted[k];
    out = out.slice(0, range.start) + newText + out.slice(range.end);
  }
  return out;
}

/**
 * The edits of every fix in `diagnostics` that can be applied together:
 * a fix whose edits overlap an already chosen fix is left out (running the
 * fixes again on the result picks it up). Returned in text order.
 */
function overlapsItself(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1].range;
    const cur = sorted[k].range;
    if (cur.start < prev.end || (cur.start === prev.start && (cur.start === cur.end || prev.start === prev.end))) return true;
  }
  return false;
}

export function collectFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  // Chosen edits kept sorted by start; they never overlap one another.
  const chosen: TextEdit[] = [];
  const firstAtOrAfter = (x: number) => {
    let lo = 0;
    let hi = chosen.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (chosen[mid].range.start < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (e: TextEdit) => {
    const k = firstAtOrAfter(e.range.start);
    const prev = chosen[k - 1];
    const next = chosen[k];
    if (prev && prev.range.end > e.range.start) return true;
    if (next && next.range.start < e.range.end) return true;
    // Two edits at the same offset where one is an insertion: order would be ambiguous.
    if (next && next.range.start === e.range.start && (e.range.start === e.range.end || next.range.start === next.range.end)) return true;
    if (prev && prev.range.end === e.range.start && e.range.start === e.range.end && prev.range.start === prev.range.end) return true;
    return false;
  };
  for (const d of diagnostics) {
    const edits = d.fix?.edits;
    // A fix whose own edits overlap cannot be applied (applyEdits would throw): skipped, never a crash.
    if (!edits || edits.length === 0 || overlapsItself(edits) || edits.some(clashes)) continue;
    for (const e of edits) chosen.splice(firstAtOrAfter(e.range.start), 0, e);
  }
  return chosen;
}
