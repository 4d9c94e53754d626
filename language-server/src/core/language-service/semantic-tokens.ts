/**
 * Semantic tokens: structural labels ("Điều 5", "Chương II", "2.", "a)"),
 * unit headings, internal references (resolved, broken, or pointing into
 * another document) and citations of other documents. Tokens never overlap:
 * a reference inside a heading cuts the heading token around it.
 */
import type { Document, NodeKind, Range } from '../syntax/tree.ts';
import type { Resolution } from '../references/index.ts';
import { walk } from './tree.ts';

export type TokenType = 'label' | 'heading' | 'reference' | 'citation';
export type TokenModifier = 'broken' | 'external';

export const TOKEN_TYPES: readonly TokenType[] = ['label', 'heading', 'reference', 'citation'];
export const TOKEN_MODIFIERS: readonly TokenModifier[] = ['broken', 'external'];

export interface SemanticToken {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

const LABELLED = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'khoan', 'diem', 'section', 'phu-luc']);
const HEADED = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'section', 'phu-luc', 'attachment']);
/** When tokens overlap, the higher rank keeps its text. */
const RANK: Record<TokenType, number> = { heading: 0, label: 1, citation: 2, reference: 3 };

export function semanticTokens(tree: Document, references: readonly Resolution[], citations: readonly Range[] = []): SemanticToken[] {
  const raw: SemanticToken[] = [];
  walk(tree, (n) => {
    if (n.kind === 'row' || n.kind === 'cell' || n.kind === 'header') return false;
    if (LABELLED.has(n.kind) && n.labelRange) raw.push({ ...n.labelRange, type: 'label', modifiers: [] });
    if (HEADED.has(n.kind) && n.titleRange) raw.push({ ...n.titleRange, type: 'heading', modifiers: [] });
  });
  for (const r of references) {
    const modifiers: TokenModifier[] = r.status === 'unresolved' ? ['broken'] : r.status === 'external' ? ['external'] : [];
    if (r.status === 'amended') continue;
    raw.push({ ...r.reference.range, type: 'reference', modifiers });
  }
  for (const c of citations) raw.push({ ...c, type: 'citation', modifiers: [] });
  return flatten(raw);
}

/**
 * Cuts lower-ranked tokens around higher-ranked ones so that none overlap;
 * sorted by start. A sweep over the token ends: between two consecutive ends
 * the highest-ranked token covering the stretch owns it (few tokens are ever
 * active at once: a reference inside a heading, at most).
 */
export function flatten(tokens: readonly SemanticToken[]): SemanticToken[] {
  const live = tokens.filter((t) => t.end > t.start);
  const points = [...new Set(live.flatMap((t) => [t.start, t.end]))].sort((a, b) => a - b);
  const byStart = [...live].sort((a, b) => a.start - b.start);
  const out: SemanticToken[] = [];
  let active: SemanticToken[] = [];
  let next = 0;
  let owner: SemanticToken | undefined;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    active = active.filter((t) => t.end > from);
    while (next < byStart.length && byStart[next].start <= from) active.push(byStart[next++]);
    let top: SemanticToken | undefined;
    for (const t of active) if (!top || RANK[t.type] > RANK[top.type]) top = t;
    if (!top) {
      owner = undefined;
      continue;
    }
    const last = out[out.length - 1];
    if (top === owner && last && last.end === from) last.end = to;
    else out.push({ start: from, end: to, type: top.type, modifiers: top.modifiers });
    owner = top;
  }
  return out;
}
