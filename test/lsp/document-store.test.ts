// The document store applies an edit and tells changedSpan its span (text-change.ts spanOfEdit), so that the
// checks after a keystroke need not compare two megabyte texts: that span must be changedSpan's own answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedSpan, forgetChangedSpan, spanOfEdit } from '../../language-server/src/core/language-service/text-change.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { DocumentStore } from '../../language-server/src/server/documents.ts';

// Few distinct characters, runs and every kind of line break: the common prefix and suffix often reach past the edit.
const piece = fc.constantFrom('a', 'aa', 'b', ' ', 'ư', '\n', '\r\n', '\r', 'aaaa');
const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
const edit = fc.record({ at: fc.nat(), removed: fc.nat({ max: 6 }), inserted: fc.array(piece, { maxLength: 3 }).map((xs) => xs.join('')) });

/** changedSpan's answer from a scan of the two texts, not from what it remembers. */
function scanned(old: string, next: string) {
  forgetChangedSpan();
  return { ...changedSpan(old, next) };
}

describe('spanOfEdit', () => {
  it('is the span changedSpan finds by comparing the texts', () => {
    fc.assert(
      fc.property(text, edit, (old, e) => {
        const start = e.at % (old.length + 1);
        const end = Math.min(old.length, start + e.removed);
        const next = old.slice(0, start) + e.inserted + old.slice(end);
        expect(spanOfEdit(old, next, start, end)).toEqual(scanned(old, next));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('DocumentStore.change', () => {
  it('applies edits in LSP positions, and changedSpan then answers its span for the two versions', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const store = new DocumentStore();
        const uri = 'untitled:store';
        store.open(uri, 'vanban', 1, start);
        let version = 1;
        for (const e of edits) {
          const old = store.snapshot(uri)!.text;
          const from = e.at % (old.length + 1);
          const to = Math.min(old.length, from + e.removed);
          const lines = createLineIndex(old);
          const expected = old.slice(0, from) + e.inserted + old.slice(to);
          const outcome = store.change(uri, ++version, [{ range: { start: lines.positionAt(from), end: lines.positionAt(to) }, text: e.inserted }]);
          expect(outcome).toEqual({ ok: true });
          const next = store.snapshot(uri)!.text;
          // An offset inside "\r\n" is that line's end in LSP positions (the edit lands before the "\r"): elsewhere
          // the store's text is the edit applied.
          const insidePair = (o: number) => old[o - 1] === '\r' && old[o] === '\n';
          if (!insidePair(from) && !insidePair(to)) expect(next).toBe(expected);
          const remembered = { ...changedSpan(old, next) };
          expect(remembered).toEqual(scanned(old, next));
        }
      }),
      { numRuns: 500 },
    );
  });
});
