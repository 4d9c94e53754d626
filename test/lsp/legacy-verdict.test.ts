// The server keeps a document's legacy-encoding verdict over edits (server/diagnostics.ts legacyVerdict)
// instead of detecting again on every keystroke: it must always be detectLegacyText's answer for the new text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLegacyText, LEGACY_SAMPLE_CHARS } from '../../language-server/src/io/encoding.ts';
import { legacyVerdict, type LegacyKnown } from '../../language-server/src/server/diagnostics.ts';
import { ROOT } from './client.ts';

const TCVN3 = readFileSync(path.join(ROOT, 'test/fixtures/encoding/tcvn3-as-utf8.txt'), 'utf8');

// Letters on both sides of detectLegacyText's first tests: Latin-1 ones ("é", "à"), Vietnamese-only ones ("ư", "đ"),
// mojibake, and plain ASCII.
const piece = fc.constantFrom('é', 'à', 'ô', 'ư', 'đ', 'ệ', 'a', ' ', '\n', 'Céng hoµ x· héi', 'Cộng hòa xã hội', 'thực hiện');
const text = fc.array(piece, { minLength: 0, maxLength: 60 }).map((xs) => xs.join(''));
const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 12 }), inserted: fc.array(piece, { maxLength: 3 }).map((xs) => xs.join('')) });

function applied(old: string, e: { at: number; removed: number; inserted: string }): string {
  const at = e.at % (old.length + 1);
  return old.slice(0, at) + e.inserted + old.slice(Math.min(old.length, at + e.removed));
}

function follow(start: string, edits: { at: number; removed: number; inserted: string }[]): { kept: number } {
  let known: LegacyKnown | undefined;
  let t = start;
  let kept = 0;
  for (const e of [undefined, ...edits]) {
    if (e) t = applied(t, e);
    const before = known;
    known = legacyVerdict(known, t);
    if (before && known.slack > 0) kept++;
    expect(known.verdict).toEqual(detectLegacyText(t));
  }
  return { kept };
}

describe('legacyVerdict', () => {
  it('answers what detectLegacyText answers after every edit, near its thresholds too', () => {
    let kept = 0;
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 12 }), (start, edits) => {
        kept += follow(start, edits).kept;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: many answers were kept from the counts rather than detected again.
    expect(kept).toBeGreaterThan(100);
  });

  it('answers again when edits take a legacy text across the line between mojibake and Vietnamese', () => {
    // The TCVN3 fixture has ≈ 100 Latin-1 letters and no Vietnamese-only one: about 10 "ư" make it read as it is.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), at: fc.nat(), inserted: fc.constantFrom('ư', 'ưư', 'ưưư', 'é', 'éé') }),
      fc.record({ kind: fc.constant('delete' as const), nth: fc.nat(), n: fc.integer({ min: 1, max: 3 }) }),
    );
    let flagged = 0;
    let clean = 0;
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 16 }), fc.array(op, { minLength: 1, maxLength: 15 }), (n, ops) => {
        let t = TCVN3;
        for (let i = 0; i < n; i++) t = t.slice(0, (i * 97) % t.length) + 'ư' + t.slice((i * 97) % t.length);
        const edits = ops.map((o) => {
          if (o.kind === 'type') return { at: o.at, removed: 0, inserted: o.inserted };
          // Delete a run of "ư" (or whatever follows the last one).
          const all = [...t.matchAll(/ư/gu)].map((m) => m.index);
          const at = all.length > 0 ? all[o.nth % all.length] : 0;
          return { at, removed: o.n, inserted: '' };
        });
        let known: LegacyKnown | undefined;
        for (const e of [undefined, ...edits]) {
          if (e) t = applied(t, e);
          known = legacyVerdict(known, t);
          const truth = detectLegacyText(t);
          expect(known.verdict).toEqual(truth);
          if (truth) flagged++;
          else clean++;
        }
      }),
      { numRuns: 200 },
    );
    // Both sides of the line were reached.
    expect(flagged).toBeGreaterThan(100);
    expect(clean).toBeGreaterThan(100);
  });

  it('keeps a long Unicode text clean and a long legacy text flagged, across edits inside and past its sample', () => {
    const unicode = 'Cộng hòa xã hội chủ nghĩa Việt Nam, Độc lập - Tự do - Hạnh phúc. Điều 1. Thực hiện theo quy định.\n';
    let legacy = TCVN3;
    while (legacy.length < LEGACY_SAMPLE_CHARS + 20_000) legacy += '\n' + TCVN3;
    const edits = (n: number) => [0, 10, 5_000, LEGACY_SAMPLE_CHARS - 1, LEGACY_SAMPLE_CHARS, LEGACY_SAMPLE_CHARS + 7].map((at, i) => ({ at, removed: i % 2, inserted: i % 3 === 0 ? 'é' : 'ư'.repeat(n) }));
    const long = unicode.repeat(Math.ceil((LEGACY_SAMPLE_CHARS + 20_000) / unicode.length));
    expect(follow(long, edits(1)).kept).toBe(6);
    follow(legacy, edits(2));
    expect(legacyVerdict(undefined, legacy).verdict?.kind).toBe('tcvn3');
  });
});
