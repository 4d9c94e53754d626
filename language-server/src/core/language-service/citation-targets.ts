/**
 * From a citation to the cited document when it is one of the workspace's
 * documents: its own "Số:" has the cited number's key. A pinpoint ("khoản 2
 * Điều 5 của Nghị định số …", read by the references layer) leads to that unit
 * inside it.
 */
import { findCitations, numberKey, type Citation } from '../citations/index.ts';
import { citationAt as citationUnder } from '../citations/hover.ts';
import type { PartKind, RefPart, Resolution } from '../references/index.ts';
import type { Document, Node, ParseResult, Range } from '../syntax/tree.ts';

export interface CitationTarget {
  citation: Citation;
  /** The number key the cited document has in its header. */
  key: string;
  /** The pinpoint's parts, smallest unit first ("khoản 2" → "Điều 5"), when the citation has one. */
  pinpoint?: RefPart[];
  /** What the cursor is on: the pinpoint and the citation. */
  origin: Range;
}

/** The document's own number key ("971/QĐ-BNV" → "971/QĐ-BNV"), from its header. */
export function ownKey(parse: ParseResult): string | undefined {
  const so = parse.tree.children.find((c) => c.kind === 'header')?.header?.so;
  return so ? numberKey(so.value.text) : undefined;
}

/** The citation under `offset` (its pinpoint included) that names a document by number, if any. */
export function citationAt(parse: ParseResult, references: readonly Resolution[], offset: number): CitationTarget | undefined {
  const c = citationUnder(parse, offset);
  if (!c) return undefined;
  // A short name ("Nghị định số 115") stands for the full citation that defined it.
  const full = c.kind === 'short' && c.shortOf !== undefined ? findCitations(parse)[c.shortOf] : c;
  if (!full.number || full.self) return undefined;
  const from = c.pinpoint ? Math.min(c.pinpoint.range.start, c.range.start) : c.range.start;
  const target: CitationTarget = { citation: c, key: full.key, origin: { start: from, end: c.range.end } };
  if (c.pinpoint) {
    const ref = references.find((r) => r.status === 'external' && r.reference.range.start === c.pinpoint!.range.start);
    const chain = ref?.reference.chains[ref.reference.chains.length - 1];
    if (chain) target.pinpoint = chain.parts;
  }
  return target;
}

const SKIPPED = new Set(['attachment', 'phu-luc', 'quote', 'table', 'header', 'noi-nhan', 'chu-ky']);

/** Comparable label: "05" = "5", "II" = "ii". */
const key = (s: string) => s.toLowerCase().replace(/^0+(?=\d)/u, '');

/** The first unit of `kind` numbered `number` below `root` (outside attachments and quotes). */
function findBelow(root: Node, kind: PartKind, number: string): Node | undefined {
  const want = key(number);
  let found: Node | undefined;
  const visit = (n: Node) => {
    for (const c of n.children) {
      if (found) return;
      if (c.kind === kind && c.number !== undefined && key(c.number) === want) {
        found = c;
        return;
      }
      if (!SKIPPED.has(c.kind)) visit(c);
    }
  };
  visit(root);
  return found;
}

/**
 * The unit a pinpoint names in a document (parts smallest first, resolved from
 * the top down); the document itself when there is no pinpoint, or the
 * deepest unit found when a part is missing.
 */
export function unitForPinpoint(tree: Document, parts: readonly RefPart[] | undefined): Node {
  const body = tree.children.find((c) => c.kind === 'body') ?? tree;
  if (!parts || parts.length === 0) return tree;
  let at: Node = body;
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i];
    const number = p.numbers[0] ?? p.range?.[0];
    if (number === undefined) break;
    const next = findBelow(at, p.kind === 'section' ? 'section' : p.kind, number);
    if (!next) break;
    at = next;
  }
  return at === body ? tree : at;
}
