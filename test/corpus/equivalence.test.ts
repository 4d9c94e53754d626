/**
 * The same document typed in NFC, decomposed (NFD), with CRLF line ends and
 * with non-breaking spaces gives the same outline and the same diagnostics;
 * every range points into its own original text (the text under it reads the
 * same once normalised). text/unicode is left out of the comparison: finding
 * NFD letters and NBSPs is its job.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { allNodes } from '../helpers/tree.ts';
import { SEED_004, hasCorpus } from '../helpers/corpus.ts';

const canon = (s: string) => s.normalize('NFC').replace(/\r\n?/gu, '\n').replace(/\u00a0/gu, ' ');

const variants: { name: string; make: (t: string) => string }[] = [
  { name: 'NFD', make: (t) => t.normalize('NFD') },
  { name: 'CRLF', make: (t) => t.replace(/\n/gu, '\r\n') },
  { name: 'NBSP', make: (t) => t.replace(/ (?=\S)/gu, (m, off: number) => (off % 5 === 0 ? '\u00a0' : m)) },
  { name: 'NFD + CRLF + NBSP', make: (t) => t.normalize('NFD').replace(/\n/gu, '\r\n').replace(/ (?=\S)/gu, (m, off: number) => (off % 7 === 0 ? '\u00a0' : m)) },
];

function shape(tree: Node, original: string): string[] {
  const idx = createLineIndex(original);
  return allNodes(tree).map((n) => `${n.id}|${n.kind}|${n.number ?? ''}|${n.title ?? ''}|L${idx.positionAt(n.range.start).line}-${idx.positionAt(n.range.end).line}|${canon(original.slice(n.range.start, n.range.end)).length}`);
}

function diagnostics(original: string): string[] {
  const idx = createLineIndex(original);
  return checkDocument(original)
    .diagnostics.filter((d) => d.code !== 'text/unicode')
    .map((d) => `${d.code}|L${idx.positionAt(d.range.start).line}|${canon(original.slice(d.range.start, d.range.end))}`);
}

const SAMPLE = readFileSync(new URL('../../samples/quyet-dinh-mau.txt', import.meta.url), 'utf8');
const documents = [{ name: 'sample decision', text: SAMPLE }, ...(hasCorpus ? [{ name: 'seed 004', text: readFileSync(SEED_004, 'utf8') }] : [])];

describe.each(documents)('$name', ({ text }) => {
  const base = canon(text);
  const baseShape = shape(parseDocument(base).tree, base);
  const baseDiags = diagnostics(base);
  it.each(variants)('$name gives the same outline and diagnostics', ({ make }) => {
    const variant = make(base);
    expect(variant).not.toBe(base);
    const tree = parseDocument(variant).tree;
    expect(shape(tree, variant)).toEqual(baseShape);
    expect(diagnostics(variant)).toEqual(baseDiags);
    // Ranges point into the variant itself: the text under each node reads as in the base.
    const baseTree = parseDocument(base).tree;
    const baseNodes = new Map(allNodes(baseTree).map((n) => [n.id, n]));
    for (const n of allNodes(tree)) {
      const b = baseNodes.get(n.id)!;
      expect(canon(variant.slice(n.range.start, n.range.end))).toBe(base.slice(b.range.start, b.range.end));
    }
  });
});
