/**
 * The citation path's helpers read a citation's parts one by one, by name (incremental-citations.ts SPAN_KEYS): each
 * part listed there must be moved by shiftCitation and counted by citationExtent.
 */
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../language-server/src/core/citations/index.ts';
import { citationExtent, shiftCitation, SPAN_KEYS } from '../../language-server/src/core/language-service/incremental-citations.ts';

/** A citation with every part, the k-th part at [100 + 10k, 105 + 10k); the citation's own range inside them. */
function withEveryPart(): Citation {
  const c: Record<string, unknown> = { index: 3, kind: 'document', key: 'K', context: 'text', range: { start: 130, end: 140 } };
  Object.keys(SPAN_KEYS).forEach((k, i) => (c[k] = { text: k, range: { start: 100 + 10 * i, end: 105 + 10 * i } }));
  return c as unknown as Citation;
}

describe('citation parts read by name', () => {
  it('shiftCitation moves every part and leaves the original as it was', () => {
    const c = withEveryPart();
    const moved = shiftCitation(c, (o) => o + 1000, 7);
    expect(moved.index).toBe(7);
    expect(moved.range).toEqual({ start: 1130, end: 1140 });
    for (const k of Object.keys(SPAN_KEYS) as (keyof typeof SPAN_KEYS)[]) {
      expect(moved[k]!.range.start - c[k]!.range.start, k).toBe(1000);
      expect(moved[k]!.range.end - c[k]!.range.end, k).toBe(1000);
      expect(moved[k]!.text, k).toBe(k);
    }
    expect(c.range).toEqual({ start: 130, end: 140 });
  });

  it('citationExtent reaches from the first part to the last, whichever part comes first or last', () => {
    const keys = Object.keys(SPAN_KEYS) as (keyof typeof SPAN_KEYS)[];
    for (const first of keys) {
      for (const last of keys) {
        if (first === last) continue;
        const c = withEveryPart() as unknown as Record<string, { range: { start: number; end: number } }>;
        c[first].range = { start: 5, end: 6 };
        c[last].range = { start: 900, end: 950 };
        expect(citationExtent(c as unknown as Citation), `${first} … ${last}`).toEqual({ start: 5, end: 950 });
      }
    }
  });
});
