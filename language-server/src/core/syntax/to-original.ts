/**
 * The parser works on the normalised text; users see the original. This one
 * pass maps every range in the tree back, so nothing downstream ever sees a
 * normalised offset.
 */
import type { SourceText } from '../text/normalize.ts';
import type { Document, Node, Range } from './tree.ts';
import { UnitNode } from './unit-node.ts';

export function mapTreeToOriginal(doc: Document, src: SourceText): void {
  if (src.sameOffsets) return;
  const map = (r: Range) => {
    r.start = src.toOriginal(r.start);
    r.end = src.toOriginal(r.end);
  };
  const seen = new Set<object>();
  // Ranges may be shared between a node and its header/signature fields; map each object once.
  const visitValue = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visitValue(x);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      map(o as unknown as Range);
      return;
    }
    for (const key of Object.keys(o)) visitValue(o[key]);
  };
  for (const r of doc.noise) visitValue(r);
  seen.add(doc.noise);
  visitNode(doc, visitValue, (o) => src.toOriginal(o));
}

function visitNode(n: Node, visit: (v: unknown) => void, map: (offset: number) => number): void {
  for (const key of Object.keys(n) as (keyof Node)[]) {
    if (key === 'children') continue;
    visit(n[key]);
  }
  // A unit's label, number and title spans are not own keys (numbers until read: unit-node.ts).
  if (n instanceof UnitNode) n.mapOffsets(map, visit);
  for (const c of n.children) visitNode(c, visit, map);
}
