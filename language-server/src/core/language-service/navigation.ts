/**
 * Navigation inside one document from the resolved internal references:
 * the reference (or the chain of it) under the cursor → the units it names;
 * a unit → every reference naming it; the links of a document.
 */
import type { Resolution } from '../references/index.ts';
import type { Document, Node, Range } from '../syntax/tree.ts';
import { oneLine, pathAt, unitName } from './tree.ts';

export interface UnitTarget {
  id: string;
  /** The whole unit. */
  range: Range;
  /** Its label ("Điều 5", "2.", "a)") or first characters. */
  selectionRange: Range;
}

/** The resolution whose phrase holds `offset`, if any. */
export function referenceAt(references: readonly Resolution[], offset: number): Resolution | undefined {
  let lo = 0;
  let hi = references.length - 1;
  // References come in text order: binary search on their start.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = references[mid].reference.range;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return references[mid];
  }
  return undefined;
}

/** The node ids a reference names at `offset`: the chain under the cursor, else all of the reference. */
export function targetIdsAt(r: Resolution, offset: number): string[] {
  const chain = r.chains.find((c) => c.chain.location.start <= offset && offset <= c.chain.location.end);
  return chain ? chain.targets : r.targets;
}

export function toTarget(n: Node): UnitTarget {
  return { id: n.id, range: n.range, selectionRange: n.labelRange ?? { start: n.range.start, end: n.range.start } };
}

/**
 * The unit a "find references" at `offset` asks about: the target of the
 * reference under the cursor, else the innermost numbered unit whose label
 * holds the cursor.
 */
export function unitAt(tree: Document, references: readonly Resolution[], offset: number): string[] {
  const r = referenceAt(references, offset);
  if (r) return targetIdsAt(r, offset);
  const path = pathAt(tree, offset);
  for (let i = path.length - 1; i > 0; i--) {
    const label = path[i].labelRange;
    if (label && label.start <= offset && offset <= label.end) return [path[i].id];
  }
  return [];
}

/** Every reference phrase (the chain that names it, when there are several) naming one of `ids`. */
export function referencesTo(references: readonly Resolution[], ids: readonly string[]): Range[] {
  const want = new Set(ids);
  const out: Range[] = [];
  for (const r of references) {
    if (r.status !== 'resolved' && r.status !== 'ambiguous') continue;
    for (const c of r.chains) if (c.targets.some((t) => want.has(t))) out.push(c.chain.location);
  }
  return out;
}

export interface LinkData {
  /** The chain of the reference ("khoản 2 Điều 3"). */
  range: Range;
  /** Where it leads: the start of the unit's label. */
  targetOffset: number;
  targetId: string;
  /** "Điều 3. Tổ chức thực hiện". */
  tooltip: string;
}

/** One link per chain of a resolved reference that names exactly one unit. */
export function documentLinks(references: readonly Resolution[], node: (id: string) => Node | undefined): LinkData[] {
  const out: LinkData[] = [];
  for (const r of references) {
    if (r.status !== 'resolved') continue;
    for (const c of r.chains) {
      if (c.targets.length !== 1) continue;
      const n = node(c.targets[0]);
      if (!n) continue;
      const name = unitName(n, 'vi');
      out.push({ range: c.chain.location, targetOffset: (n.labelRange ?? n.range).start, targetId: n.id, tooltip: n.title ? `${name}. ${oneLine(n.title, 80)}` : name });
    }
  }
  return out;
}
