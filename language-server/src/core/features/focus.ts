/**
 * What the cursor is on, for the reference features (definition, references,
 * rename, hover, renumber): a written reference — down to the number under
 * the cursor — or the label of a unit. Pure; offsets are ORIGINAL-text UTF-16
 * offsets, like every range of the parse.
 */
import { referencesOf, type ChainResolution, type NamedNumber, type PartResolution, type Resolution } from '../references/index.ts';
import type { Node, NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { NUMBERED, pathAt } from '../language-service/tree.ts';
import { nodeById } from '../references/names.ts';
import { referenceAt } from '../language-service/navigation.ts';

/** A unit of the document as the features hand it out. */
export interface UnitLocation {
  /** Node id (`dieu_5/khoan_2`). */
  id: string;
  kind: NodeKind;
  /** The label as written ("5", "đ", "II"); undefined for an unnumbered Phụ lục. */
  number?: string;
  /** The whole unit, its sub-units included. */
  range: Range;
  /** Its label ("Điều 5", "2.", "a)"), or the unit's first character when it has none. */
  labelRange: Range;
}

export type Focus =
  | {
      on: 'reference';
      resolution: Resolution;
      chain?: ChainResolution;
      part?: PartResolution;
      /** The written number under the cursor ("3" of "khoản 1, 3"). */
      number?: NamedNumber;
      /** The units named where the cursor is: the number's, else the part's, else the chain's or the whole reference's. */
      ids: string[];
      /** The narrowest written piece holding the cursor. */
      range: Range;
    }
  | { on: 'unit'; node: Node; ids: string[]; range: Range };

const within = (r: Range, offset: number) => r.start <= offset && offset <= r.end;

/** The resolved reference whose phrase holds `offset`. */
export function resolutionAt(parse: ParseResult, offset: number): Resolution | undefined {
  return referenceAt(referencesOf(parse), offset);
}

/** The innermost numbered unit whose label holds `offset`. */
export function unitLabelAt(parse: ParseResult, offset: number): Node | undefined {
  const path = pathAt(parse.tree, offset);
  for (let i = path.length - 1; i > 0; i--) {
    const n = path[i];
    if (NUMBERED.has(n.kind) && n.labelRange && within(n.labelRange, offset)) return n;
  }
  return undefined;
}

/** What is at `offset`: a reference (preferred) or a unit's label; undefined elsewhere. */
export function focusAt(parse: ParseResult, offset: number): Focus | undefined {
  const r = resolutionAt(parse, offset);
  if (r) {
    const chain = r.chains.find((c) => within(c.chain.location, offset));
    const part = chain?.parts.find((p) => p && within(p.part.location, offset));
    const number = part?.numbers.find((n) => within(n.range, offset));
    const ids = number?.ids.length ? number.ids : part?.ids.length ? part.ids : chain ? chain.targets : r.targets;
    const range = number?.range ?? part?.part.location ?? chain?.chain.location ?? r.reference.range;
    return { on: 'reference', resolution: r, chain, part, number, ids, range };
  }
  const node = unitLabelAt(parse, offset);
  return node ? { on: 'unit', node, ids: [node.id], range: node.labelRange! } : undefined;
}

export { nodeById };

export function unitLocation(n: Node): UnitLocation {
  const out: UnitLocation = { id: n.id, kind: n.kind, range: n.range, labelRange: n.labelRange ?? { start: n.range.start, end: n.range.start } };
  if (n.number !== undefined) out.number = n.number;
  return out;
}

/** The units with these ids, in the order given, unknown ids dropped. */
export function unitLocations(parse: ParseResult, ids: readonly string[]): UnitLocation[] {
  return ids.map((id) => nodeById(parse, id)).filter((n): n is Node => !!n).map(unitLocation);
}
