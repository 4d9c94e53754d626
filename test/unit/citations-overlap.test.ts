/**
 * overlapTest (citations/index.ts): the vetoes of findCitations (noise lines, the document's own "Số:") and the
 * editorial notes of a citation-heavy text are asked by a binary search over ranges sorted by start, with the
 * greatest end so far; it must answer exactly what `ranges.some(r => s < r.end && e > r.start)` answers, for
 * ranges in any order, nested, overlapping, empty or repeated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlapTest } from '../../language-server/src/core/citations/index.ts';

const range = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([start, len]) => ({ start, end: start + len }));

describe('overlapTest', () => {
  it('answers as a search of every range does', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 12 }), (ranges) => {
        const test = overlapTest(ranges);
        for (let s = -1; s <= 82; s++) {
          for (let e = s; e <= s + 3; e++) expect(test(s, e), JSON.stringify({ ranges, s, e })).toBe(ranges.some((r) => s < r.end && e > r.start));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a range nested in a long one and a later short one', () => {
    const test = overlapTest([{ start: 50, end: 52 }, { start: 0, end: 40 }, { start: 5, end: 6 }]);
    expect(test(30, 31)).toBe(true); // inside the long one, after the nested one ended
    expect(test(40, 50)).toBe(false);
    expect(test(51, 51)).toBe(true);
    expect(overlapTest([])(0, 10)).toBe(false);
  });
});
