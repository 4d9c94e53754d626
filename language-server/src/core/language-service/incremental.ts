/**
 * Diagnostics after a small edit without a full check (issue 9: a frame per
 * keystroke in a 1 MB document, where a full check takes ≈ 60–100 ms).
 *
 * The previous version's complete result is kept as an `EditBase`: its text,
 * its diagnostics, and the "quiet" stretches of its text — the middle of body
 * lines (khoản, điểm, "-" items; not headings, tables, quotes, the header,
 * căn cứ, Nơi nhận or the signature) away from every reference, citation and
 * diagnostic of a document-wide rule. An edit is answered from the base when
 * it is confined to such a stretch and changes nothing that document-wide
 * analysis reads from the line:
 *  - no line break removed or inserted, only letters (and a space or ",.;"
 *    removed) inside ordinary words: no digits, no two capitals in a row, no
 *    word any pattern of the parser or the rules looks for (KEYWORDS), no word
 *    of a short name the document defines;
 *  - the line's references and citations, read again before and after, are
 *    the same (offsets after the edit moved by its length);
 *  - no doubled word on the line (text/repeated-word counts phrases over the
 *    whole document only for lines with one) and none anywhere in the base.
 * Then every diagnostic of the base stays, moved by the edit's length, except
 * those of the line-local rules (`Rule.local`) on that line: those rules run
 * again on the line alone. That they are local is checked on the spot too: run
 * on the line before the edit, they must give exactly the base's findings there.
 * Anything else falls back to the full check. The result equals a full check
 * (test/unit/incremental.test.ts compares them over random edit sequences).
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { findCitations, findCitationsInText, numberKey, type Citation } from '../citations/index.ts';
import { findReferencesInText } from '../references/find.ts';
import { referencesOf } from '../references/index.ts';
import { hasQuote } from '../references/resolve.ts';
import { walk } from '../rules/doc-kind.ts';
import { isHardWrapped } from '../rules/citation.ts';
import { RULES } from '../rules/registry.ts';
import { titleIsContent } from '../rules/structure.ts';
import { DEFINITION as ABBREVIATION_DEFINITION, linesWithDoubles } from '../rules/text.ts';
import { textScan } from '../rules/text-scan.ts';
import { fold } from '../syntax/header.ts';
import { runRules, type CheckOptions } from '../service.ts';
import { normalizeText } from '../text/normalize.ts';
import { createLineIndex } from '../text/positions.ts';
import { changedSpan } from './text-change.ts';
import { isAllUpper, startsUpper } from '../text/letters.ts';
import { classifyLineStart } from '../syntax/patterns.ts';
import type { Document, Node, ParseResult, Range } from '../syntax/tree.ts';
import type { DiagnosticsResult } from './analysis.ts';
import { CITATION_CODES, citationEdit, citationExtent, citationReach } from './incremental-citations.ts';
import { PER_REFERENCE_CODES, type EditRecord } from './incremental-references.ts';
import { tableSpaceEdit } from './incremental-table.ts';
import { lazy } from '../lazy.ts';

const LOCAL_RULES = RULES.filter((r) => r.local === 'line');
const LOCAL_CODES = new Set(LOCAL_RULES.map((r) => r.code));

/** Units whose text after the label is running prose. */
const BODY_KINDS = new Set(['dieu', 'khoan', 'diem', 'item', 'section']);
/** Containers walked through (their own headings are not quiet). */
const PASS_KINDS = new Set(['document', 'body', 'phan', 'chuong', 'muc', 'tieu-muc']);

/**
 * Words a document-wide reading looks for without a capital, a digit or a
 * mark beside them, that the line's references and citations, read again,
 * would not show: "mẫu" (forms named in the text: reference/phu-luc-unreferenced).
 * A word too many only costs a full check.
 */
const KEYWORDS = new Set(['mẫu']);
/** "Lưu:" closes the Nơi nhận (syntax/parse.ts, rules/noi-nhan.ts): a line with it, before or after the edit, is not edited. */
export const LUU_LINE = /lưu\s*:/iu;
/**
 * In a document with quotes, a reference after an amending verb ("Nay sửa đổi khoản 2 Điều 3", up to 600
 * characters before it in its unit) or before a passive one ("Điều 4 đã được bãi bỏ") speaks of the amended
 * document (references/resolve.ts amendingAt): a word that is or may become part of such a verb is not
 * edited there. The verbs match without a word start ("bỏ", "thay" end any word), hence the endings.
 */
const AMEND_WORD = /(?:sửa|bổ|bỏ|thay)$|^(?:đổi|sung|bãi|đã|được)$/u;

const LETTER = /[\p{L}\p{M}]/u;
const WORD = /[\p{L}\p{M}]+/gu;
const PLAIN_WORD = lazy(() => /^\p{Ll}[\p{Ll}\p{Lu}]*$|^\p{Lu}\p{Ll}*$/u);
/** Characters that may be deleted besides letters. */
const DELETABLE = lazy(() => /^[\p{L} ,.;]$/u);
/** What may stand just outside the edited words. */
const BOUNDARY = /^[ ,.;]$/u;
/** Lines holding these after their first word are never quiet: notes "[…]", directives "<!-- -->", table cells, quotes, parentheses (abbreviations). */
const TERMINAL_MARK = /^[.;]$/u;
/** A word a table's row number may be (rules/table.ts numberSpans reads "I", "V", "X", "L", "C" at a cell's start). */
const ROMAN_WORD = lazy(() => /(?<!\p{L})[IVXLC](?!\p{L})/u);
const TABLE_ROW = /^[ \t]*\|/u;
const LOUD_LINE = /[[\]<>|“”"()]/u;

export interface EditBase {
  readonly text: string;
  /** optionsKey of the diagnostics. */
  readonly key: string;
  readonly result: DiagnosticsResult;
  /** Sorted disjoint [start, end) pairs, flat. Moved in place by each edit answered (see `stretches`). */
  readonly quiet: number[];
  /** Lower-case words of the short names the document defines ("sau đây gọi là …"). */
  readonly aliasWords: ReadonlySet<string>;
  /** The document has quotes: amending verbs decide what references speak of (AMEND_WORD). */
  readonly amending: boolean;
  /**
   * Where an edit may change citations (incremental-citations.ts): like `quiet`, flat sorted [start, end) pairs,
   * but over citations and references too, and over lines only the citation rules' diagnostics block.
   */
  readonly rescan: number[];
  /**
   * The document's citations (findCitations), in text order; undefined when the document had none to vouch for.
   * Each is in the offsets of the text after the first `citationsAt[i]` of `edits`: only the citation path reads
   * them (incremental-citations.ts citationNow), and it moves none but those it reads, instead of copying ≈ 500
   * of them per keystroke.
   */
  readonly citations?: readonly Citation[];
  readonly citationsAt: readonly number[];
  /** How far any part of a citation lies from its start (an upper bound over `citations`: the citation path's search). */
  readonly citationReach: number;
  /** The header and căn cứ of the tree, all the citation rules read from it besides the citations (they lie before `bodyStart`). */
  readonly headTree: Document;
  /** Edits at or before this offset (the header, căn cứ) never take the citation path. */
  readonly bodyStart: number;
  /** The key of the document's own number ("Số: 12/2025/QĐ-UBND"): a citation with it is the document itself. */
  readonly ownKey?: string;
  /** rules/citation.ts isHardWrapped of the text. */
  readonly hardWrapped: boolean;
  /** Abbreviations the document defines "(CCHC)": text/abbreviation looks for their uses anywhere. */
  readonly abbreviations: readonly string[];
  /** The tree of the last full check, its text, and the edits made since (none changed a line's shape): references resolve against it. */
  readonly tree?: Document;
  readonly treeText?: string;
  readonly edits: readonly EditRecord[];
  /** Units a numbering fix renumbers: its reference edits (fixes/reference-edits.ts) follow the references naming them. */
  readonly renumbered: ReadonlySet<string>;
  /** The titles of the Điều whose heading line has a quiet stretch, flat sorted [start, end) pairs (titleRange). */
  readonly titles: number[];
  /**
   * `quiet`, `rescan` and `titles` (≈ 19,000 numbers on 1 MB) are shared by the bases a full check's base leads to
   * and moved in place by each edit answered: copying them was half of what a quiet answer allocated, and every
   * allocation brings the next garbage collection, which lands in some keystroke. Only the latest of those bases
   * may answer: its `generation` is the stretches' (an older one falls back to the full check).
   */
  readonly stretches: { generation: number };
  readonly generation: number;
}

/** A change between two texts: [start, oldEnd) of the old text became [start, start + inserted.length) of the new. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  delta: number;
  removed: string;
  inserted: string;
}

/** The base for a complete, clean result of `parse`; undefined when none can be made (a rule failed, directives…). */
export function editBase(parse: ParseResult, key: string, result: DiagnosticsResult): EditBase | undefined {
  const text = parse.source.original;
  if (result.failures.length > 0 || text.includes('vanban-') || linesWithDoubles(parse.source.text, textScan(parse.source)).length > 0) return undefined;
  // Diagnostics of document-wide rules block their whole lines (a message may quote the line); references,
  // citations, normalised characters and noise block themselves and the character on either side.
  const index = createLineIndex(text);
  const lineStarts = index.lineStarts;
  const lineOf = (offset: number) => index.positionAt(offset).line;
  // `blockedLines` keep the quiet path away; `citeBlocked` (the same but the citation rules' lines) the citation path.
  const blockedLines = new Set<number>();
  const citeBlocked = new Set<number>();
  const blockIn = (set: Set<number>) => (r: Range) => {
    for (let l = lineOf(r.start), last = lineOf(Math.max(r.start, r.end)); l <= last; l++) set.add(l);
  };
  const blockLines = (r: Range) => {
    blockIn(blockedLines)(r);
    blockIn(citeBlocked)(r);
  };
  // The table rules read only what their ranges cover (row numbers, a row's cells, a deadline): they block
  // those ranges, not lines (a renumbering fix touches every row of its table).
  const spans: Range[] = [];
  for (const d of result.diagnostics) {
    if (LOCAL_CODES.has(d.code)) continue;
    // The citation path judges citations and the line's references again: their rules' lines stay open to it.
    const rejudged = CITATION_CODES.has(d.code) || PER_REFERENCE_CODES.has(d.code);
    const block = d.code.startsWith('table/') ? (r: Range) => spans.push(r) : rejudged ? blockIn(blockedLines) : blockLines;
    block(d.range);
    for (const r of d.related ?? []) block(r.range);
    for (const e of d.fix?.edits ?? []) block(e.range);
  }
  // structure/title reads the line after a Điều without a title (is it the title, set on its own line?).
  for (const n of walk(parse.tree)) {
    if (n.kind !== 'dieu' || n.title) continue;
    const next = text.indexOf('\n', n.range.start);
    if (next >= 0) blockLines({ start: n.range.start, end: next + 1 });
  }
  for (const r of parse.tree.noise) blockLines(r);
  for (const r of parse.tree.footnotes ?? []) blockLines(r);
  for (const r of referencesOf(parse)) spans.push(r.reference.range);
  const aliasWords = new Set<string>();
  const citations = findCitations(parse);
  const noEvents = parse.source.events.length === 0;
  for (const c of citations) {
    spans.push(c.range);
    // citation/not-in-force reads the words around a citation on its line: its lines are the citation path's.
    if (noEvents) blockIn(blockedLines)(citationExtent(c));
    for (const w of c.defines?.text.toLowerCase().match(WORD) ?? []) aliasWords.add(w);
  }
  for (const e of parse.source.events) spans.push({ start: e.start, end: e.end });
  spans.sort((a, b) => a.start - b.start);
  // Paragraphs over more than one line: the joiner decides them from line lengths and ends.
  for (const p of parse.paragraphs ?? []) {
    const first = lineOf(p.start);
    const last = lineOf(Math.max(p.start, p.end - 1));
    if (last > first) for (let l = first; l <= last; l++) blockedLines.add(l), citeBlocked.add(l);
  }
  // Citations read in "(Ban hành kèm theo Quyết định số …)" are of another place (issued-with): their lines are not rescanned.
  for (const n of walk(parse.tree)) if (n.issuedWith) blockIn(citeBlocked)(n.issuedWith.range);
  // Candidate stretches, then in text order (tables may sit between Điều or after them) minus the spans.
  const candidates: Range[] = [];
  const rescanned: Range[] = [];
  // A Điều's title on its heading line is quiet too (the quiet path checks what structure/empty reads of it),
  // but not rescanned: the citation path does not read titles. From the space before it (the boundary of an
  // edit of its first word) to before its last word, as on a body line.
  const titles: number[] = [];
  const titled: (Range & { title?: boolean })[] = [];
  for (const n of walk(parse.tree)) {
    const t = n.titleRange;
    if (n.kind !== 'dieu' || !n.title || !t || text[t.start - 1] !== ' ' || text.slice(t.start, t.end).includes('\n')) continue;
    titles.push(t.start, t.end);
    titled.push({ start: t.start - 1, end: t.end, title: true });
  }
  const segments: (Range & { title?: boolean })[] = proseSegments(parse.tree);
  for (const seg of titled.length ? [...segments, ...titled].sort((a, b) => a.start - b.start) : segments) {
    for (let l = lineOf(seg.start); l < lineStarts.length && lineStarts[l] < seg.end; l++) {
      if (citeBlocked.has(l)) continue;
      const ls = lineStarts[l];
      const le = lineEnd(text, lineStarts, l);
      const line = text.slice(ls, le);
      // Not the first word (how the line starts: labels, "Căn cứ", quotes) nor the last (how it ends: joins, "như sau:").
      // The space after the first word is quiet: it is the boundary of an edit of the second word (whose case is kept).
      const firstEnd = ls + wordEnd(line, 0);
      if (LOUD_LINE.test(text.slice(firstEnd, le))) continue;
      // A line ending in "." or ";" is ended whatever its last word; the mark itself is never edited (BOUNDARY).
      const lastStart = TERMINAL_MARK.test(text[le - 1]) ? le : ls + lastWordStart(line) - 1;
      const start = Math.max(seg.start, ls, firstEnd);
      const end = Math.min(seg.end, le, lastStart);
      if (end > start && !blockedLines.has(l)) candidates.push({ start, end });
      if (end > start && !seg.title) rescanned.push({ start, end });
    }
  }
  for (const cell of tableCells(parse.tree, text, lineOf)) {
    if (!blockedLines.has(cell.line)) candidates.push(cell);
  }
  candidates.sort((a, b) => a.start - b.start);
  const rescan: number[] = [];
  for (const r of rescanned.sort((a, b) => a.start - b.start)) pushInterval(rescan, r.start, r.end);
  const quiet: number[] = [];
  const cursor = { at: 0 };
  for (const c of candidates) quietParts(quiet, c.start, c.end, spans, cursor);
  const head = parse.tree.children.filter((c) => c.kind === 'header' || c.kind === 'preamble');
  const so = head.find((c) => c.kind === 'header')?.header?.so?.value.range;
  return {
    text, key, result, quiet, aliasWords, amending: hasQuote(parse.tree), rescan,
    citations: noEvents ? citations : undefined,
    citationsAt: citations.map(() => 0),
    citationReach: citationReach(citations),
    headTree: { ...parse.tree, children: head },
    bodyStart: Math.max(0, ...head.map((c) => c.range.end)),
    ownKey: so ? numberKey(text.slice(so.start, so.end)) : undefined,
    hardWrapped: isHardWrapped(parse.source.text),
    tree: parse.source.events.length === 0 ? parse.tree : undefined,
    treeText: text,
    edits: [],
    renumbered: renumberedUnits(parse.tree, result.diagnostics),
    titles,
    stretches: { generation: 0 },
    generation: 0,
    abbreviations: [...new Set([...parse.source.text.matchAll(ABBREVIATION_DEFINITION)].map((m) => m[1]))],
  };
}

/** Ids of the units whose number a numbering fix rewrites. */
function renumberedUnits(tree: Document, diagnostics: readonly Diagnostic[]): Set<string> {
  const edits = diagnostics.flatMap((d) => (d.code.startsWith('numbering/') && d.fix ? d.fix.edits.map((e) => e.range) : []));
  const out = new Set<string>();
  if (edits.length === 0) return out;
  for (const n of walk(tree)) {
    const r = n.numberRange ?? n.labelRange;
    if (r && edits.some((e) => e.start < Math.max(r.end, r.start + 1) && Math.max(e.end, e.start + 1) > r.start)) out.add(n.id);
  }
  return out;
}

function lineEnd(text: string, lineStarts: readonly number[], l: number): number {
  let le = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : text.length;
  if (le > lineStarts[l] && text[le - 1] === '\r') le--;
  return le;
}

/**
 * The editable words of the text cells of Markdown tables ("| 3 | lập kế hoạch | Sở Nội vụ | 30/6/2025 |"):
 * not the heading row (its column names are read: deadline column…), not a cell with a digit (deadlines,
 * quantities). From the space before the cell's text to the space after it (the "|" around it is never
 * edited: BOUNDARY). The table rules read cell counts, row numbers and deadlines, none of them changed so;
 * a row number read from a cell's start ("II", "2.1") has a digit or is a lone capital, which the quiet path
 * refuses on a table line (ROMAN_WORD).
 */
function tableCells(tree: Document, text: string, lineOf: (o: number) => number): (Range & { line: number })[] {
  const out: (Range & { line: number })[] = [];
  const visit = (n: Node) => {
    if (n.kind !== 'table') return n.children.forEach(visit);
    n.children.forEach((row, i) => {
      if (i === 0 || row.kind !== 'row') return;
      const ls = text.lastIndexOf('\n', row.range.start - 1) + 1;
      if (!TABLE_ROW.test(text.slice(ls, row.range.start + 1))) return; // a portal table: cells over several lines
      for (const cell of row.children) {
        const cellText = text.slice(cell.range.start, cell.range.end);
        if (/[\d\n]/u.test(cellText) || LOUD_LINE.test(cellText.replaceAll('|', '')) || text[cell.range.end] !== ' ') continue;
        if (text[cell.range.start - 1] !== ' ') continue;
        out.push({ start: cell.range.start - 1, end: cell.range.end + 1, line: lineOf(cell.range.start) });
      }
    });
  };
  visit(tree);
  return out;
}

/** Body text of the tree: each prose unit's range after its heading, minus its children. */
function proseSegments(tree: Document): Range[] {
  const out: Range[] = [];
  const visit = (n: Node) => {
    if (PASS_KINDS.has(n.kind)) {
      n.children.forEach(visit);
      return;
    }
    if (!BODY_KINDS.has(n.kind)) return;
    let from = Math.max(n.range.start, n.labelRange?.end ?? n.range.start, n.numberRange?.end ?? n.range.start);
    if (n.kind === 'dieu' || n.kind === 'section') from = Math.max(from, n.titleRange?.end ?? from);
    for (const c of n.children) {
      if (c.range.start > from) out.push({ start: from, end: c.range.start });
      from = Math.max(from, c.range.end);
      visit(c);
    }
    if (n.range.end > from) out.push({ start: from, end: n.range.end });
  };
  visit(tree);
  return out;
}

/**
 * [start, end) minus the spans (sorted by start), each widened by one
 * character, appended to `quiet`. Calls come in text order: `cursor.at` skips
 * the spans that end before every later call's start.
 */
function quietParts(quiet: number[], start: number, end: number, spans: readonly Range[], cursor: { at: number }): void {
  while (cursor.at < spans.length && spans[cursor.at].end + 1 <= start) cursor.at++;
  let from = start;
  for (let k = cursor.at; k < spans.length && spans[k].start - 1 < end; k++) {
    const s = spans[k].start - 1;
    const e = spans[k].end + 1;
    if (e <= from) continue;
    if (s > from) pushInterval(quiet, from, s);
    from = Math.max(from, e);
  }
  if (end > from) pushInterval(quiet, from, end);
}

function pushInterval(quiet: number[], start: number, end: number): void {
  const n = quiet.length;
  if (n > 0 && quiet[n - 1] >= start) quiet[n - 1] = Math.max(quiet[n - 1], end);
  else quiet.push(start, end);
}

function wordEnd(line: string, from: number): number {
  let i = from;
  while (i < line.length && /\s/u.test(line[i])) i++;
  while (i < line.length && !/\s/u.test(line[i])) i++;
  return i;
}

function lastWordStart(line: string): number {
  let i = line.length;
  while (i > 0 && /\s/u.test(line[i - 1])) i--;
  while (i > 0 && !/\s/u.test(line[i - 1])) i--;
  return i;
}

/** The quiet interval holding [start, end], as an index into `quiet`, or -1. */
export function quietAt(quiet: readonly number[], start: number, end: number): number {
  let lo = 0;
  let hi = quiet.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (quiet[2 * mid + 1] < start) lo = mid + 1;
    else if (quiet[2 * mid] > start) hi = mid - 1;
    else return end <= quiet[2 * mid + 1] ? mid : -1;
  }
  return -1;
}

export interface IncrementalResult {
  result: DiagnosticsResult;
  base: EditBase;
}

/**
 * The diagnostics of `text` from `base` when the change between them is an
 * edit the base can answer exactly (see the file comment); undefined otherwise.
 */
export function diagnosticsAfterEdit(base: EditBase, text: string, options: CheckOptions): IncrementalResult | undefined {
  if (base.text === text) return { result: base.result, base };
  if (base.generation !== base.stretches.generation) return undefined;
  const edit = editBetween(base.text, text);
  if (!edit) return undefined;
  return quietEdit(base, text, edit, options) ?? citationEdit(base, text, edit, options) ?? tableSpaceEdit(base, text, edit, options);
}

/** What lies between the common prefix and the common suffix of the two texts, when it is small (≤ 8 characters) and not empty. */
function editBetween(old: string, text: string): TextEdit | undefined {
  const { start: s, oldEnd, newEnd } = changedSpan(old, text);
  const removed = old.slice(s, oldEnd);
  const inserted = text.slice(s, newEnd);
  if (removed.length + inserted.length === 0 || removed.length + inserted.length > 8) return undefined;
  return { start: s, oldEnd, delta: text.length - old.length, removed, inserted };
}

/** An edit of plain words in a quiet stretch of a line without citations (the file comment). */
function quietEdit(base: EditBase, text: string, edit: TextEdit, options: CheckOptions): IncrementalResult | undefined {
  const old = base.text;
  const { start: s, oldEnd, delta, removed, inserted } = edit;
  const deletable = DELETABLE();
  for (const ch of removed) if (!deletable.test(ch)) return undefined;
  for (const ch of inserted) if (!LETTER.test(ch)) return undefined;
  if (inserted !== inserted.normalize('NFC')) return undefined;
  // The words the edit touches, before and after it.
  let ws = s;
  while (ws > 0 && LETTER.test(old[ws - 1])) ws--;
  let we = oldEnd;
  while (we < old.length && LETTER.test(old[we])) we++;
  if (ws === 0 || we >= old.length || !BOUNDARY.test(old[ws - 1]) || !BOUNDARY.test(old[we])) return undefined;
  const slot = quietAt(base.quiet, ws - 1, we + 1);
  if (slot < 0) return undefined;
  const before = old.slice(ws, we);
  const after = text.slice(ws, we + delta);
  if (!plainWords(before, base) || !plainWords(after, base)) return undefined;
  // A table cell's first word may be its row number: a lone capital ("V") reads as a Roman one (rules/table.ts).
  const rowStart = old.lastIndexOf('\n', ws) + 1;
  if (TABLE_ROW.test(old.slice(rowStart, ws)) && (ROMAN_WORD().test(before) || ROMAN_WORD().test(after))) return undefined;
  // A Điều title: structure/empty asks whether it is really the Điều's content (titleIsContent).
  const title = quietAt(base.titles, ws, we);
  if (title >= 0) {
    const [ts, te] = [base.titles[2 * title], base.titles[2 * title + 1]];
    if (titleIsContent(fold(old.slice(ts, te))) !== titleIsContent(fold(text.slice(ts, te + delta)))) return undefined;
  }

  // The line, before and after; and with the lines around it for the finders (a reference or citation may cross a line break).
  const ls = old.lastIndexOf('\n', ws) + 1;
  let le = old.indexOf('\n', we);
  if (le < 0) le = old.length;
  // The second word of a line (the first after a unit's label): the parser reads its case ("a) Xyz", headings).
  if (!/\s/u.test(old.slice(ls, ws - 1).trimStart()) && startsUpper(before) !== startsUpper(after)) return undefined;
  const oldLine = old.slice(ls, le);
  const newLine = text.slice(ls, le + delta);
  const cs = ls > 0 ? old.lastIndexOf('\n', ls - 2) + 1 : 0;
  let ce = le < old.length ? old.indexOf('\n', le + 1) : old.length;
  if (ce < 0) ce = old.length;
  const oldAround = old.slice(cs, ce);
  const newAround = text.slice(cs, ce + delta);
  const movedFrom = (origin: number) => (o: number) => (o >= we - origin + delta ? o - delta : o); // new offset → old one, outside the words
  if (!sameFindings(findReferencesInText(oldAround), findReferencesInText(newAround), movedFrom(cs))) return undefined;
  if (!sameFindings(findCitationsInText(oldAround), findCitationsInText(newAround), movedFrom(cs))) return undefined;
  if (!sameFindings(lineFeatures(oldLine), lineFeatures(newLine), movedFrom(ls))) return undefined;
  if (linesWithDoubles(newLine).length > 0 || LUU_LINE.test(oldLine) || LUU_LINE.test(newLine)) return undefined;
  const local = lineLocal(base, ls, le, oldLine, newLine, options);
  if (!local) return undefined;

  // The stretches, in place (EditBase.stretches): the edit lies inside quiet stretch `slot`, which grows.
  const quiet = base.quiet;
  quiet[2 * slot + 1] += delta;
  for (let k = 2 * slot + 2; k < quiet.length; k++) quiet[k] += delta;
  shiftIntervals(base.rescan, oldEnd, delta);
  shiftIntervals(base.titles, we, delta);
  return localAnswer(base, text, edit, local, (o) => (o >= we ? o + delta : o));
}

/**
 * The answer to an edit that changed only the line-local findings of its line: the base's diagnostics moved by
 * `shift`, those `local` replaces swapped for its own, and the base after the edit (whose stretches the caller
 * has moved in place: EditBase.stretches).
 */
export function localAnswer(base: EditBase, text: string, edit: TextEdit, local: LineLocal, shift: (o: number) => number): IncrementalResult {
  const diagnostics = base.result.diagnostics.filter((d) => !local.replaces(d)).map((d) => shiftDiagnostic(d, shift));
  diagnostics.push(...local.diagnostics);
  diagnostics.sort(compareDiagnostics);
  const result: DiagnosticsResult = { diagnostics, failures: [] };
  const edits = [...base.edits, { start: edit.start, oldEnd: edit.oldEnd, delta: edit.delta }];
  return { result, base: { ...base, text, result, edits, generation: ++base.stretches.generation } };
}

/** The line-local rules' findings on an edited line (lineLocal). */
export interface LineLocal {
  diagnostics: Diagnostic[];
  replaces: (d: Diagnostic) => boolean;
}

/**
 * The line-local rules on the edited line: on the line alone they must reproduce the base's findings there,
 * then they give the new ones (offsets into the new text); `replaces` tells the base's diagnostics they replace.
 */
export function lineLocal(base: EditBase, ls: number, le: number, oldLine: string, newLine: string, options: CheckOptions): LineLocal | undefined {
  const localOld = lineDiagnostics(oldLine, options);
  const localNew = lineDiagnostics(newLine, options);
  if (!localOld || !localNew) return undefined;
  const replaces = (d: Diagnostic) => LOCAL_CODES.has(d.code) && d.range.start >= ls && d.range.end <= le;
  const baseLocal = base.result.diagnostics.filter(replaces);
  if (!sameDiagnostics(baseLocal, localOld.map((d) => shiftDiagnostic(d, (o) => o + ls)))) return undefined;
  return { diagnostics: localNew.map((d) => shiftDiagnostic(d, (o) => o + ls)), replaces };
}

/** Moves every bound at or after `from` of the flat [start, end) pairs by `delta`, in place. */
export function shiftIntervals(intervals: number[], from: number, delta: number): void {
  for (let k = 0; k < intervals.length; k++) if (intervals[k] >= from) intervals[k] += delta;
}

/** Removes the flat [start, end) pairs that meet [start, end], in place. */
export function dropLine(intervals: number[], start: number, end: number): void {
  let n = 0;
  for (let k = 0; k < intervals.length; k += 2) {
    if (intervals[k + 1] < start || intervals[k] > end) {
      intervals[n++] = intervals[k];
      intervals[n++] = intervals[k + 1];
    }
  }
  intervals.length = n;
}

/** Words of an edited stretch: letters with at most a capital first, none a keyword, a defined short name or (with quotes) an amending verb's. */
function plainWords(stretch: string, base: EditBase): boolean {
  const words = stretch.match(WORD);
  if (!words) return false;
  for (const w of words) {
    if (!PLAIN_WORD().test(w)) return false;
    const lower = w.toLowerCase();
    if (KEYWORDS.has(lower) || base.aliasWords.has(lower) || (base.amending && AMEND_WORD.test(lower))) return false;
  }
  return true;
}

/** What the parser reads from a whole line (how it starts, whether it is in capitals). */
export function lineFeatures(line: string): unknown {
  const t = line.trim();
  return [classifyLineStart(t) ?? null, isAllUpper(t), startsUpper(t)];
}

/** Findings of a finder on the line before and after: equal once the offsets after the edit are moved back. */
export function sameFindings(before: unknown, after: unknown, moved: (o: number) => number): boolean {
  return JSON.stringify(before) === JSON.stringify(mapRanges(after, moved));
}

export function mapRanges(v: unknown, f: (o: number) => number): unknown {
  if (Array.isArray(v)) return v.map((x) => mapRanges(x, f));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const isRange = typeof o.start === 'number' && typeof o.end === 'number';
  for (const [k, x] of Object.entries(o)) out[k] = isRange && (k === 'start' || k === 'end') ? f(x as number) : mapRanges(x, f);
  return out;
}

/** The line-local rules' diagnostics of one line on its own (offsets into the line); undefined when the line cannot stand alone. */
export function lineDiagnostics(line: string, options: CheckOptions): Diagnostic[] | undefined {
  const source = normalizeText(line);
  if (source.events.length > 0) return undefined;
  const tree: Document = {
    kind: 'document', id: '', range: { start: 0, end: line.length }, children: [],
    docType: 'unknown', hasArticles: false, consolidated: false, noise: [], footnotes: [],
  };
  const parse: ParseResult = { tree, source, problems: [] };
  const r = runRules(parse, { ...options, docType: undefined, parseProblems: false, inlineControl: false }, LOCAL_RULES);
  return r.failures.length > 0 ? undefined : r.diagnostics;
}

export function shiftDiagnostic(d: Diagnostic, f: (o: number) => number): Diagnostic {
  const r = (x: Range): Range => ({ start: f(x.start), end: f(x.end) });
  const out: Diagnostic = { ...d, range: r(d.range) };
  if (d.fix) out.fix = { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, range: r(e.range) })) };
  if (d.related) out.related = d.related.map((x) => ({ ...x, range: r(x.range) }));
  return out;
}

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return JSON.stringify(a) === JSON.stringify([...b].sort(compareDiagnostics));
}
