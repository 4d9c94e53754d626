/**
 * Selection ranges ("expand selection"): the word, the reference or citation
 * phrase around it, the line, then every enclosing unit up to the document,
 * each range holding the one before it.
 */
import type { Document, Range } from '../syntax/tree.ts';
import { pathAt } from './tree.ts';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** From the innermost range out; `phrases` are references/citations that may hold the offset. */
export function selectionChain(tree: Document, text: string, offset: number, phrases: readonly Range[] = []): Range[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const candidates: Range[] = [];
  const word = wordAt(text, at);
  if (word.end > word.start) candidates.push(word);
  for (const p of phrases) if (p.start <= at && at <= p.end) candidates.push(p);
  candidates.push(lineAt(text, at));
  const path = pathAt(tree, at);
  for (let i = path.length - 1; i >= 0; i--) candidates.push(path[i].range);
  candidates.push({ start: 0, end: text.length });

  // Innermost first: keep each range that strictly grows the previous one.
  candidates.sort((a, b) => a.end - a.start - (b.end - b.start));
  const chain: Range[] = [];
  for (const r of candidates) {
    if (r.start > at || r.end < at) continue;
    const prev = chain[chain.length - 1];
    if (prev && !(r.start <= prev.start && r.end >= prev.end && (r.start < prev.start || r.end > prev.end))) continue;
    chain.push(r);
  }
  return chain;
}

function wordAt(text: string, at: number): Range {
  let s = at;
  let e = at;
  while (s > 0 && WORD_CHAR.test(text[s - 1])) s--;
  while (e < text.length && WORD_CHAR.test(text[e])) e++;
  return { start: s, end: e };
}

function lineAt(text: string, at: number): Range {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  let e = text.indexOf('\n', at);
  if (e < 0) e = text.length;
  if (e > s && text[e - 1] === '\r') e--;
  return { start: s, end: e };
}
