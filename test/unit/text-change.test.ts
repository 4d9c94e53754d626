import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedSpan, movedLineIndex } from '../../language-server/src/core/language-service/text-change.ts';
import { createLanguageService } from '../../language-server/src/core/language-service.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';

// Texts with every kind of line break, and long enough (several chunks of 2,048) to exercise the chunked comparison.
const piece = fc.constantFrom('a', 'ă', 'Điều 1', ' ', '\n', '\r', '\r\n', 'x'.repeat(3000), 'y'.repeat(2048));
const text = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 3000 }), inserted: fc.array(piece, { maxLength: 3 }).map((xs) => xs.join('')) });

function applied(old: string, e: { at: number; removed: number; inserted: string }): string {
  const at = old.length === 0 ? 0 : e.at % (old.length + 1);
  return old.slice(0, at) + e.inserted + old.slice(Math.min(old.length, at + e.removed));
}

describe('changedSpan', () => {
  it('finds the smallest span outside which two texts are equal', () => {
    fc.assert(
      fc.property(text, edit, (old, e) => {
        const now = applied(old, e);
        const { start, oldEnd, newEnd } = changedSpan(old, now);
        // Outside the span the texts are the same…
        expect(old.slice(0, start) + now.slice(start, newEnd) + old.slice(oldEnd)).toBe(now);
        expect(old.length - oldEnd).toBe(now.length - newEnd);
        // …and the span cannot shrink: its first and last characters differ (unless one side is empty).
        if (start < oldEnd && start < newEnd) expect(old[start]).not.toBe(now[start]);
        if (start < oldEnd && start < newEnd) expect(old[oldEnd - 1]).not.toBe(now[newEnd - 1]);
      }),
      { numRuns: 400 },
    );
  });

  it('asked again, of the same pair or of another of the same lengths, answers for the texts it is given', () => {
    fc.assert(
      fc.property(text, edit, fc.nat(), (old, e, k) => {
        const now = applied(old, e);
        const first = changedSpan(old, now);
        expect(changedSpan(old, now)).toEqual(first);
        // The same lengths, other characters: the last answer must not be reused.
        const at = old.length === 0 ? 0 : k % old.length;
        const other = old.slice(0, at) + (old[at] === 'q' ? 'r' : 'q') + old.slice(at + 1);
        const otherNow = applied(other, e);
        const { start, oldEnd, newEnd } = changedSpan(other, otherNow);
        expect(other.slice(0, start) + otherNow.slice(start, newEnd) + other.slice(oldEnd)).toBe(otherNow);
        if (start < oldEnd && start < newEnd) expect(other[start]).not.toBe(otherNow[start]);
        expect(changedSpan(old.slice(), now.slice())).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('is empty for equal texts and spans everything for unrelated ones', () => {
    const long = 'Điều 1. '.repeat(1000);
    expect(changedSpan(long, long.slice())).toEqual({ start: long.length, oldEnd: long.length, newEnd: long.length });
    expect(changedSpan('abc', 'xyz')).toEqual({ start: 0, oldEnd: 3, newEnd: 3 });
  });
});

describe('movedLineIndex', () => {
  it('equals a new index whenever it answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(text, edit, (old, e) => {
        const now = applied(old, e);
        const moved = movedLineIndex(old, createLineIndex(old), now);
        if (!moved) return;
        answered++;
        const fresh = createLineIndex(now);
        expect(moved.lineStarts).toEqual(fresh.lineStarts);
        for (let o = 0; o <= now.length; o += 997) expect(moved.positionAt(o)).toEqual(fresh.positionAt(o));
      }),
      { numRuns: 400 },
    );
    // Not vacuous: most random edits hold no line break.
    expect(answered).toBeGreaterThan(100);
  });

  it('refuses a change holding a line break or following a "\\r"', () => {
    const old = 'một\r\nhai\nba';
    const index = createLineIndex(old);
    expect(movedLineIndex(old, index, 'một\r\nhai ba')).toBeUndefined();
    expect(movedLineIndex(old, index, 'một\rx\nhai\nba')).toBeUndefined();
    expect(movedLineIndex(old, index, 'mộtx\r\nhai\nba')?.lineStarts).toEqual([0, 6, 10]);
  });
});

describe('the language service carries the line index over edits', () => {
  it('gives the index of each new version, as a new one would', () => {
    const service = createLanguageService();
    let t = 'QUYẾT ĐỊNH\r\nĐiều 1. Phạm vi\nĐiều 2. Hiệu lực\rhết.';
    const edits = [
      (s: string) => s.replace('Phạm', 'Phạmm'),
      (s: string) => s.replace('Hiệu', 'Hiu'),
      (s: string) => s.replace('\r\n', '\n'),
      (s: string) => s.replace('hết', 'hết\nthêm'),
      (s: string) => s.replace('1.', '1.\r'),
    ];
    for (let v = 1; v <= edits.length + 1; v++) {
      const lines = service.analysis({ uri: 'file:///a.txt', version: v, text: t }).lines;
      expect(lines.lineStarts).toEqual(createLineIndex(t).lineStarts);
      if (v <= edits.length) t = edits[v - 1](t);
    }
  });
});
