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
import { applyEdits } from '../diagnostics/edits.ts';
import { referencesOf } from '../references/index.ts';
import { parseDocument } from '../syntax/parse.ts';
import type { Node, ParseResult, Range } from '../syntax/tree.ts';
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
  /**
   * References that name no unit now but would name one after the edits — a
   * deleted unit's number taken over by the next one ("khoản 3" after khoản 3
   * was deleted). The drafter should look at them: the renumbering cannot know
   * what they meant.
   */
  captured: Range[];
  /** Said when `captured` is not empty. */
  warning?: { vi: string; en: string };
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
    const captured = re.edits.length ? capturedBy(parse, re.edits) : [];
    const out: ScopeRenumbering = {
      scope: { kind: node.kind, ids: spec.nodes.map((u) => u.id) },
      edits: re.edits,
      changes,
      conflicts: re.conflicts,
      title: changes.length
        ? { vi: `Đánh số lại ${what.vi} (${shown})`, en: `Renumber ${what.en} (${shown})` }
        : { vi: `${what.vi} đã được đánh số đúng thứ tự`, en: `The ${what.en} are already numbered in order` },
      captured,
    };
    if (captured.length) {
      out.warning = {
        vi: `${captured.length} dẫn chiếu hiện không chỉ tới đơn vị nào sẽ chỉ tới một đơn vị khác sau khi đánh số lại; hãy kiểm tra`,
        en: `${captured.length} reference(s) naming no unit now would name another unit after renumbering; check them`,
      };
    }
    return out;
  }
  return undefined;
}

/** The broken chains that the edits would make resolve (see `ScopeRenumbering.captured`). */
function capturedBy(parse: ParseResult, edits: readonly TextEdit[]): Range[] {
  const before = referencesOf(parse);
  if (!before.some((r) => r.status === 'unresolved')) return [];
  const after = referencesOf(parseDocument(applyEdits(parse.source.original, edits)));
  // Only numbers change: the references are the same, in the same order.
  if (after.length !== before.length) return [];
  const out: Range[] = [];
  before.forEach((r, i) => {
    r.chains.forEach((c, j) => {
      const now = after[i].chains[j];
      if (c.missing && now && !now.missing && now.targets.length > 0) out.push(c.chain.location);
    });
  });
  return out;
}
