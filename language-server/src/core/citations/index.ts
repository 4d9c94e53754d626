/**
 * Citations of other documents (tokenize → find → resolve, in the spirit of
 * eyecite): `findCitations(parse)` reads them from a parsed document with
 * their place (căn cứ, header, table, …) and pinpoints handed over by the
 * references layer; ranges are ORIGINAL-text offsets. `groupCitations`
 * gathers the citations that mean the same document.
 */
import { AttachedMemo } from '../attached-memo.ts';
import { findReferences } from '../references/index.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import type { Document, NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { findCitationsInText } from './find.ts';
import { numberKey } from './number.ts';
import type { Citation, CitationContext, Span } from './types.ts';
import { editorialNotes, foldSpace, inEditorialNote } from './text.ts';

export type { Citation, CitationContext, CitationKind, CitationDate, CitationIssuer, CitationNumber, Span } from './types.ts';
export { findCitationsInText, lawKey } from './find.ts';
export { parseNumber, numberKey, canonicalNumber, cleanNumberText } from './number.ts';
export type { ParsedNumber, NumberParts, FormatProblem } from './number.ts';
export { groupCitations, type CitationGroup } from './resolve.ts';

const CACHE = new AttachedMemo<ParseResult, Citation[]>('citations');
/** Above this many citations, the editorial notes are found by one search of the text (a law's few citations read their own line). */
const NOTES_SEARCHED_FROM = 64;

/** textCitations' list per findCitations list: a dozen rules ask for it per check. Read-only, like that list. */
const OWN_TEXT = new AttachedMemo<readonly Citation[], Citation[]>('textCitations');

/** The citations of the document's own text: not those inside a publisher's editorial notes "[…]" (what the checks judge). */
export function textCitations(parse: ParseResult): Citation[] {
  const all = findCitations(parse);
  let own = OWN_TEXT.get(all);
  if (!own) OWN_TEXT.set(all, (own = all.filter((c) => c.context !== 'note')));
  return own;
}

/** Every citation of the parsed document (memoised per parse: rules share one reading). */
export function findCitations(parse: ParseResult): Citation[] {
  const hit = CACHE.get(parse);
  if (hit) return hit;
  let out: Citation[];
  try {
    out = compute(parse);
  } catch {
    out = []; // parsing never throws: a bug here costs the citations, not the check
  }
  CACHE.set(parse, out);
  return out;
}

/**
 * Hands a parse the citations another reading already found (the language service, after an edit it can
 * answer from the previous version's citations: language-service/incremental-citations.ts).
 */
export function rememberCitations(parse: ParseResult, cits: Citation[]): void {
  CACHE.set(parse, cits);
}

function compute(parse: ParseResult): Citation[] {
  const { source, tree } = parse;
  const header = tree.children.find((c) => c.kind === 'header')?.header;
  // The document's own "Số:" is not a citation; noise lines (page headers) hold none, footnotes do.
  const own = header?.so?.value.range;
  const footnote = new Set((tree.footnotes ?? []).map((r) => r.start));
  const vetoes: Range[] = tree.noise.filter((r) => !footnote.has(r.start));
  if (own) vetoes.push(own);
  const skip = overlapTest(vetoes.map((r) => ({ start: source.toNormalized(r.start), end: source.toNormalized(r.end) })));
  const cits = findCitationsInText(source.text, { skip, unicodeDashes: source.unicodeDashes });
  if (!source.sameOffsets) for (const c of cits) mapCitation(c, (o) => source.toOriginal(o));
  const zones = contextZones(tree);
  const ownKey = own ? numberKey(parse.source.original.slice(own.start, own.end)) : undefined;
  const original = parse.source.original;
  // Few citations look back for their note's "[" each; many share one search of the text for "[".
  const inNotes = cits.length > NOTES_SEARCHED_FROM ? overlapTest(editorialNotes(original)) : undefined;
  for (const c of cits) {
    const at = c.range.start;
    const inNote = inNotes ? inNotes(at, at + 1) : inEditorialNote(original, at);
    c.context = inNote ? 'note' : contextAt(zones, at);
    if (ownKey && c.kind !== 'law' && c.key === ownKey) c.self = true;
  }
  attachPinpoints(parse, cits);
  return cits;
}

/**
 * `(s, e) => ranges.some((r) => s < r.end && e > r.start)`, answered by a binary search: the ranges whose
 * start is below `e` are a prefix of them sorted by start, and one of those reaches past `s` exactly when
 * the greatest end of that prefix does. A consolidated law has hundreds of noise lines and editorial notes,
 * and asked of each of its hundreds of numbers and citations, `some` was a product of the two.
 */
export function overlapTest(ranges: readonly Range[]): (s: number, e: number) => boolean {
  const n = ranges.length;
  if (n === 0) return () => false;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(n);
  const maxEnd = new Float64Array(n);
  for (let i = 0, m = -Infinity; i < n; i++) {
    starts[i] = sorted[i].start;
    maxEnd[i] = m = Math.max(m, sorted[i].end);
  }
  return (s, e) => {
    // k: how many ranges start below e.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < e) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > s;
  };
}

function mapCitation(c: Citation, to: (o: number) => number): void {
  const seen = new Set<object>();
  const map = (r: Range | undefined) => {
    if (!r || seen.has(r)) return;
    seen.add(r);
    r.start = to(r.start);
    r.end = to(r.end);
  };
  map(c.range);
  for (const s of [c.type, c.number, c.date, c.year, c.issuer, c.title, c.name, c.defines, c.pinpoint] as (Span | undefined)[]) map(s?.range);
}

interface Zone {
  range: Range;
  context: CitationContext;
}

/** The kinds of node that give a citation its context: attachments and Phụ lục by their "(Ban hành kèm theo …)" line. */
const ZONE_KINDS: readonly NodeKind[] = ['header', 'can-cu', 'table', 'noi-nhan', 'attachment', 'phu-luc'];

/**
 * The places that give a citation its context, innermost last: the per-parse node index's nodes of those kinds
 * (its kind lists, which the text and numbering rules read too), merged into document order, the order of a
 * walk of the tree — not a pass over the ≈ 5,000 nodes of a law.
 */
function contextZones(doc: Document): Zone[] {
  const index = nodeIndex(doc);
  const zones: Zone[] = [];
  for (const i of ZONE_KINDS.flatMap((k) => index.ofKind(k)).sort((x, y) => x - y)) {
    const n = index.nodes[i];
    const kind = n.kind;
    if (kind === 'header' || kind === 'can-cu' || kind === 'table' || kind === 'noi-nhan') zones.push({ range: n.range, context: kind });
    // Only attachments and Phụ lục have the "(Ban hành kèm theo …)" line (syntax/tree.ts).
    else if (n.issuedWith) zones.push({ range: n.issuedWith.range, context: 'issued-with' });
  }
  return zones;
}

function contextAt(zones: Zone[], offset: number): CitationContext {
  let found: CitationContext = 'text';
  for (const z of zones) if (offset >= z.range.start && offset < z.range.end) found = z.context;
  return found;
}

/** "khoản 2 Điều 5 của Nghị định số …": the references layer reads the pinpoint; it belongs to the citation after it. */
function attachPinpoints(parse: ParseResult, cits: Citation[]): void {
  if (cits.length === 0) return;
  let refs;
  try {
    refs = findReferences(parse);
  } catch {
    return;
  }
  const text = parse.source.original;
  const ordered = startsAscending(cits);
  // Index loops, no closure: a closure over the loop's variables made a context object per reference (≈ 600 in a law).
  for (let r = 0; r < refs.length; r++) {
    const ref = refs[r];
    if (ref.scope?.kind !== 'external') continue;
    const chains = ref.chains;
    const pinEnd = chains[chains.length - 1].location.end;
    let cit: Citation | undefined;
    if (ordered) {
      // The first citation starting at or after pinEnd: the one the search below finds, if it starts in the reference.
      const i = firstStartingAt(cits, pinEnd);
      if (i < cits.length && cits[i].range.start <= ref.range.end) cit = cits[i];
    } else for (let i = 0; i < cits.length && !cit; i++) if (cits[i].range.start >= pinEnd && cits[i].range.start <= ref.range.end) cit = cits[i];
    if (!cit || cit.pinpoint) continue;
    cit.pinpoint = { text: foldSpace(text.slice(ref.range.start, pinEnd)), range: { start: ref.range.start, end: pinEnd } };
  }
}

/**
 * Whether the citations start in ascending order: nearly always (a law named before its number, read back from
 * the number, may start before the citation ahead of it). Then the citation after a reference is found by a
 * binary search, not by a search from the first of them for each of a consolidated law's hundred external
 * references.
 */
function startsAscending(cits: readonly Citation[]): boolean {
  for (let i = 1; i < cits.length; i++) if (cits[i].range.start < cits[i - 1].range.start) return false;
  return true;
}

/** The index of the first of `cits` (starts ascending) starting at or after `at`; cits.length when none does. */
function firstStartingAt(cits: readonly Citation[], at: number): number {
  let lo = 0;
  let hi = cits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cits[mid].range.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
