/**
 * lineTable (text/lines.ts): the parser's lines as offsets are the text's lines, trimmed, and splitLines (the
 * object form) reads the same table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTable, lineText, LineSpans, splitLines } from '../../language-server/src/core/text/lines.ts';

/** The lines as the contract says: split at "\n", trimmed of the blanks isSpace knows (not of "\r" or NBSP). */
function naive(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.replace(/^[ \t\v\f\u3000\u2000-\u200a\u202f\u205f]+/u, '').length;
    const body = raw.slice(lead).replace(/[ \t\v\f\u3000\u2000-\u200a\u202f\u205f]+$/u, '');
    out.push({ start: at + lead, end: at + lead + body.length });
    at += raw.length + 1;
  }
  return out;
}

describe('lines as offsets', () => {
  const piece = fc.constantFrom('a', 'Điều 1.', ' ', '\t', '\n', '\n\n', '\u3000', '\u00a0', '\r', 'x'.repeat(70));
  it('are the text split at line feeds and trimmed (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((xs) => xs.join('')), (text) => {
        const t = lineTable(text);
        const got = Array.from({ length: t.count }, (_, k) => ({ start: t.starts[k], end: t.ends[k] }));
        expect(got).toEqual(naive(text));
        expect(splitLines(text).map((l) => [l.index, l.start, l.end, l.text])).toEqual(got.map((g, k) => [k, g.start, g.end, lineText(t, k)]));
      }),
      { numRuns: 1000 },
    );
  });

  it('grow past the first guess of their number', () => {
    const text = 'a\n'.repeat(5000);
    const t = lineTable(text);
    expect(t.count).toBe(5001);
    expect(lineText(t, 4999)).toBe('a');
    expect(lineText(t, 5000)).toBe('');
  });

  it('spans keep the physical line they belong to, past their first capacity', () => {
    const spans = new LineSpans('abc\ndef', 0);
    for (let k = 0; k < 40; k++) spans.add(k % 2, k % 2 ? 4 : 0, k % 2 ? 7 : 3);
    expect(spans.count).toBe(40);
    expect([lineText(spans, 38), spans.lines[38], lineText(spans, 39), spans.lines[39]]).toEqual(['abc', 0, 'def', 1]);
  });
});
