/**
 * The "renumber this scope" command: the units numbered together with the one
 * at the cursor (the khoản of one Điều, the Điều of the document, the điểm of
 * one khoản, the Phụ lục…) get 1, 2, 3… / a, b, c… / I, II, III… in order, and
 * every reference to a unit whose number changes follows it. The scopes and
 * the edits are exactly those of the numbering rules' quick fixes.
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import type { ReferenceConflict } from '../fixes/reference-edits.ts';
import { numberingScopeSpecs, phuLucNodes, renumberPhuLuc, renumberWithReferences, type ScopeSpec } from '../rules/numbering.ts';
import type { Node, ParseResult } from '../syntax/tree.ts';
import { kindLabel, pathAt } from '../language-service/tree.ts';
import { nodeById } from './focus.ts';

export interface ScopeRenumbering {
  /** The units of the scope (node ids, in order) and their kind. */
  scope: { kind: Node['kind']; ids: string[] };
  /** Label edits and reference edits, non-overlapping, in text order; empty when the scope is already in order. */
  edits: TextEdit[];
  /** Every unit whose label changes. */
  changes: { id: string; from: string; to: string }[];
  /** Written numbers naming units that do not move alike (left as they are). */
  conflicts: ReferenceConflict[];
  /** For a menu or a confirmation: "Đánh số lại 4 khoản (3 → 4, 4 → 5)". */
  title: { vi: string; en: string };
}

/** The numbering scope `node` belongs to (Phụ lục: all of them), if it is numbered in one. */
export function scopeOf(parse: ParseResult, node: Node): ScopeSpec | undefined {
  if (node.kind === 'phu-luc') return { unit: 'phu-luc', nodes: phuLucNodes(parse.tree), style: 'roman', allowInserted: false };
  return numberingScopeSpecs(parse.tree, parse.source.original).find((s) => s.nodes.includes(node));
}

/**
 * Renumbers the scope of the unit with id `at`, or of the innermost numbered
 * unit holding offset `at`. Undefined when there is no numbered unit there.
 */
export function renumberScopeAt(parse: ParseResult, at: number | string): ScopeRenumbering | undefined {
  const candidates = typeof at === 'string' ? [nodeById(parse, at)].filter((n): n is Node => !!n) : pathAt(parse.tree, at).reverse();
  for (const node of candidates) {
    const spec = scopeOf(parse, node);
    if (!spec) continue;
    // A single Phụ lục goes unnumbered: only two or more are numbered I, II, …
    const re = spec.unit !== 'phu-luc' ? renumberWithReferences(spec, parse)
      : spec.nodes.length > 1 ? renumberPhuLuc(spec.nodes, parse) : { edits: [], mapping: new Map<string, { from: string; to: string }>(), conflicts: [] };
    const changes = [...re.mapping].map(([id, c]) => ({ id, from: c.from, to: c.to }));
    const shown = changes.slice(0, 3).map((c) => `${c.from} → ${c.to}`).join(', ') + (changes.length > 3 ? ', …' : '');
    const n = spec.nodes.length;
    const what = { vi: `${n} ${kindLabel(node.kind, 'vi').toLowerCase()}`, en: `${n} ${kindLabel(node.kind, 'en').toLowerCase()}${n > 1 ? 's' : ''}` };
    return {
      scope: { kind: node.kind, ids: spec.nodes.map((u) => u.id) },
      edits: re.edits,
      changes,
      conflicts: re.conflicts,
      title: changes.length
        ? { vi: `Đánh số lại ${what.vi} (${shown})`, en: `Renumber ${what.en} (${shown})` }
        : { vi: `${what.vi} đã được đánh số đúng thứ tự`, en: `The ${what.en} are already numbered in order` },
    };
  }
  return undefined;
}
