/**
 * Resolving citations within the document: the citations that mean the same
 * document (same number key, or same law name and year, or a short name the
 * text defined) form one group; its `full` citation is the first that states
 * the most (ND30 Phụ lục I II.6.b: the first citation is the full one, later
 * ones give type and number only).
 */
import type { Citation } from './types.ts';

export interface CitationGroup {
  key: string;
  /** In text order. */
  members: Citation[];
  /** The citation that states the most (date, issuer, title). */
  full: Citation;
}

function richness(c: Citation): number {
  return (c.date ? 4 : 0) + (c.issuer ? 2 : 0) + (c.title ? 1 : 0);
}

export function groupCitations(cits: readonly Citation[]): CitationGroup[] {
  const byKey = new Map<string, CitationGroup>();
  for (const c of cits) {
    let g = byKey.get(c.key);
    if (!g) {
      g = { key: c.key, members: [], full: c };
      byKey.set(c.key, g);
    }
    g.members.push(c);
    if (richness(c) > richness(g.full)) g.full = c;
  }
  return [...byKey.values()];
}
