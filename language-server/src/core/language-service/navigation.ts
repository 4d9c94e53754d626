/**
 * The binary search the reference features use to find the reference under
 * the cursor (references come in text order).
 */
import type { Resolution } from '../references/index.ts';

/** The resolution whose phrase holds `offset`, if any. */
export function referenceAt(references: readonly Resolution[], offset: number): Resolution | undefined {
  let lo = 0;
  let hi = references.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = references[mid].reference.range;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return references[mid];
  }
  return undefined;
}
