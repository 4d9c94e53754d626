/**
 * Find all references: every place that names a unit — lists, ranges,
 * relative forms ("Điều này") and "Như Điều 3" in Nơi nhận included.
 */
import { referencesOf } from '../references/index.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { focusAt, unitLocations } from './focus.ts';

export interface UnitReference {
  range: Range;
  /** 'declaration': the unit's own label; 'reference': a place naming it. */
  kind: 'declaration' | 'reference';
  /** The unit named (node id). */
  id: string;
}

/**
 * The references to the unit at `offset` — on its heading label or on a
 * reference to it — in text order, each once. A reference's smallest unit is
 * marked with the whole chain ("khoản 3 Điều 5" for khoản 3), an upper unit
 * with its own part ("Điều 5"); a range names every unit between its ends.
 * With `includeDeclaration`, the unit's label comes first.
 */
export function unitReferences(parse: ParseResult, offset: number, options: { includeDeclaration?: boolean } = {}): UnitReference[] {
  const f = focusAt(parse, offset);
  if (!f) return [];
  return referencesToUnits(parse, f.ids, options);
}

/** The references to the units `ids` (see `unitReferences`). */
export function referencesToUnits(parse: ParseResult, ids: readonly string[], options: { includeDeclaration?: boolean } = {}): UnitReference[] {
  const want = new Set(ids);
  const out: UnitReference[] = [];
  if (options.includeDeclaration) for (const u of unitLocations(parse, ids)) out.push({ range: u.labelRange, kind: 'declaration', id: u.id });
  const seen = new Set<string>();
  for (const r of referencesOf(parse)) {
    for (const c of r.chains) {
      c.parts.forEach((p, i) => {
        if (!p) return;
        for (const id of p.ids) {
          if (!want.has(id)) continue;
          const range = i === 0 ? c.chain.location : p.part.location;
          const k = `${range.start}:${range.end}:${id}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ range, kind: 'reference', id });
        }
      });
    }
  }
  return out;
}
