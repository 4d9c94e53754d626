/**
 * Renumbering keeps meaning: when units get new numbers (a numbering fix, the
 * "renumber this scope" command, a rename), every reference that named one of
 * them is rewritten — the written number only ("khoản 3 Điều 5" → "khoản 4
 * Điều 5"), in lists and at both ends of ranges — and no other text.
 *
 * The references are those of the parse BEFORE the change (`referencesOf`),
 * so every edit is computed against one consistent reading of the document.
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import { NAMED_KINDS, referencesOf, sameLabel, type NamedNumber, type PartKind, type PartResolution } from '../references/index.ts';
import type { NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { formatNumber, parseNumber, styleOf, type NumberChange } from './renumber.ts';

/** A written number that names units whose new labels disagree ("điểm a khoản 1, 2" when only one khoản's a moves). */
export interface ReferenceConflict {
  range: Range;
  text: string;
}

export interface ReferenceRewrite {
  edits: TextEdit[];
  /** Numbers left as they are because they name several units that do not move alike. */
  conflicts: ReferenceConflict[];
}

/** A written number of a reference that names at least one unit, with the part it belongs to. */
interface NumberSite {
  part: PartResolution;
  number: NamedNumber;
}

/**
 * Every written number of a reference that names a unit, in reference order; only those of parts of
 * `kinds` when given (a part names units of its own kind or a few others: `namedKinds`), so that
 * renumbering the điểm of a law does not look at the numbers of its hundreds of "Điều 12".
 */
function forEachSite(parse: ParseResult, kinds: ReadonlySet<PartKind> | undefined, fn: (part: PartResolution, number: NamedNumber) => void): void {
  // Index loops: run once per check (not optimised), `for…of` made an iterator result per step.
  const resolutions = referencesOf(parse);
  for (let i = 0; i < resolutions.length; i++) {
    const chains = resolutions[i].chains;
    for (let j = 0; j < chains.length; j++) {
      const parts = chains[j].parts;
      for (let k = 0; k < parts.length; k++) {
        const part = parts[k];
        // Relative parts ("Điều này") write no number: passed before their kind is read.
        if (!part || part.numbers.length === 0 || (kinds && !kinds.has(part.part.kind))) continue;
        const numbers = part.numbers;
        for (let m = 0; m < numbers.length; m++) if (numbers[m].ids.length !== 0) fn(part, numbers[m]);
      }
    }
  }
}

/** Per unit kind, the part kinds whose numbers may name it: `NAMED_KINDS` turned round once. */
const PARTS_NAMING = new Map<NodeKind, ReadonlySet<PartKind>>();
for (const [part, named] of Object.entries(NAMED_KINDS) as [PartKind, readonly NodeKind[]][]) {
  for (const u of named) PARTS_NAMING.set(u, new Set([...(PARTS_NAMING.get(u) ?? []), part]));
}
const NO_PARTS: ReadonlySet<PartKind> = new Set();

/** The part kinds whose numbers may name units of these kinds; undefined (any part) when a kind is not given. */
function partKindsNaming(units: readonly (NodeKind | undefined)[] | undefined): ReadonlySet<PartKind> | undefined {
  if (!units) return undefined;
  // Nearly always one kind for all the change sets (a numbering rule's): its set as it is.
  let out = NO_PARTS;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u) return undefined;
    const named = PARTS_NAMING.get(u) ?? NO_PARTS;
    if (named !== out) out = out === NO_PARTS ? named : new Set([...out, ...named]);
  }
  return out;
}

/**
 * The edits that make every reference follow `changes` (node id → old and new
 * label). Numbers that name a changed unit together with an unchanged one, or
 * two units changing differently, are reported as conflicts and left alone.
 */
export function referenceEdits(parse: ParseResult, changes: ReadonlyMap<string, NumberChange>): ReferenceRewrite {
  return referenceEditsOfEach(parse, [changes])[0];
}

/**
 * `referenceEdits` of several change sets (the scopes of a numbering rule with
 * findings) in ONE pass over the references: a pass per scope was quadratic in
 * a law with many findings, and an index of every written number by unit id
 * cost more to build than the few scopes with findings a document has.
 */
export function referenceEditsOfEach(
  parse: ParseResult,
  changeSets: readonly ReadonlyMap<string, NumberChange>[],
  /** The kind of the units each change set moves, when one kind (a numbering scope's): only the parts that can name them are read. */
  units?: readonly (NodeKind | undefined)[],
): ReferenceRewrite[] {
  // Unit id → the change sets that move it.
  const owners = new Map<string, number[]>();
  changeSets.forEach((changes, k) => {
    for (const id of changes.keys()) {
      const list = owners.get(id);
      if (!list) owners.set(id, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    }
  });
  const sites: NumberSite[][] = changeSets.map(() => []);
  if (owners.size) {
    forEachSite(parse, partKindsNaming(units), (part, number) => {
      for (const id of number.ids) {
        for (const k of owners.get(id) ?? []) {
          const list = sites[k];
          if (list.length === 0 || list[list.length - 1].number !== number) list.push({ part, number });
        }
      }
    });
  }
  return changeSets.map((changes, k) => rewrite(parse.source.original, changes, sites[k]));
}

/** The edits of one change set, from the numbers naming a changed unit, in reference order (the first number written at a place decides). */
function rewrite(original: string, changes: ReadonlyMap<string, NumberChange>, sites: readonly NumberSite[]): ReferenceRewrite {
  const edits = new Map<number, TextEdit>();
  const conflicts = new Map<number, ReferenceConflict>();
  for (const { part: p, number: n } of sites) {
    if (edits.has(n.range.start) || conflicts.has(n.range.start)) continue;
    const moved = n.ids.map((id) => changes.get(id));
    const written = original.slice(n.range.start, n.range.end);
    const to = new Set(moved.map((m) => m?.to));
    const first = moved[0];
    if (to.size !== 1 || !first || !sameLabel(p.part.kind, written, first.from)) {
      conflicts.set(n.range.start, { range: n.range, text: written });
      continue;
    }
    const newText = writeLike(written, first.to, p.part.kind);
    if (newText !== written) edits.set(n.range.start, { range: { start: n.range.start, end: n.range.end }, newText });
  }
  const byStart = (a: { range: Range }, b: { range: Range }) => a.range.start - b.range.start;
  return { edits: [...edits.values()].sort(byStart), conflicts: [...conflicts.values()].sort(byStart) };
}

/**
 * The new label written the way the reference wrote the old one: "Phụ lục 2"
 * stays arabic when the heading is "PHỤ LỤC III", "01" keeps its zero,
 * "Phần thứ hai" stays in lower case under "PHẦN THỨ BA".
 */
export function writeLike(written: string, label: string, kind: PartKind): string {
  const have = styleOf(written);
  const want = styleOf(label);
  let out = label;
  if (have && want && have !== want && kind !== 'diem') {
    const value = parseNumber(label, want)?.value;
    const again = value !== undefined ? formatNumber(value, have) : undefined;
    if (again !== undefined) out = again;
  }
  if (have === 'ordinal' || have === 'roman') out = written === written.toLowerCase() ? out.toLowerCase() : written === written.toUpperCase() ? out.toUpperCase() : out;
  if (/^0\d/u.test(written) && /^\d(?!\d)/u.test(out)) out = `0${out}`;
  return out;
}
