/**
 * Diagnostics after an edit inside or beside a citation of another document
 * ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 …"), without a full
 * check (issue 9: ≈ 7 % of random keystrokes in a 1 MB document land in one).
 *
 * The line keeps its shape (the same reading of its start, no line break,
 * parenthesis, quote or table mark), so the parse is the previous one moved by
 * the edit's length. What the edit can change is the citations near it: they
 * are read again on a window of lines around the edit, and the citations of
 * the rest of the document are the previous ones, moved. The window's reading
 * is checked against the document's on the spot: before the edit it must give
 * exactly the citations the full check found there, and the edit must change
 * nothing the window finds outside the edited line's neighbours. Then the
 * citation rules judge again only what the edit may concern: the window's
 * citations (the rules that judge one citation at a time) and the citations of
 * their numbers (the rules that compare the citations of a number), before and
 * after, the line-local rules run on the line, and every other diagnostic is
 * the previous one, moved.
 * Anything the window cannot vouch for (short names the document defines,
 * amending chains, pinpoints "khoản 2 Điều 5 của …", amending verbs that decide
 * what references speak of) sends the edit to the full check.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { findCitationsInText, rememberCitations, type Citation } from '../citations/index.ts';
import { findReferencesInText } from '../references/find.ts';
import { canCuCitationRules } from '../rules/can-cu-citation.ts';
import { citationRules, format, inconsistent, perCitationRules, rememberHardWrapped } from '../rules/citation.ts';
import { canCuRegistryRules, citationRegistryRules, notInForce } from '../rules/citation-registry.ts';
import { runRules, type CheckOptions } from '../service.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { identity, normalizeText } from '../text/normalize.ts';
import { startsUpper } from '../text/letters.ts';
import type { DiagnosticsResult } from './analysis.ts';
import { referenceChange } from './incremental-references.ts';
import { dropLine, LUU_LINE, lineFeatures, lineLocal, quietAt, sameFindings, shiftDiagnostic, shiftIntervals, type EditBase, type IncrementalResult, type TextEdit } from './incremental.ts';
import { linesWithDoubles } from '../rules/text.ts';
import { lazy } from '../lazy.ts';

/** Every rule that reads the document's citations (core/citations). */
const CITATION_RULES = [...citationRules, ...citationRegistryRules, ...canCuCitationRules, ...canCuRegistryRules];
export const CITATION_CODES: ReadonlySet<string> = new Set(CITATION_RULES.map((r) => r.code));
/**
 * The citation rules whose findings split by number (key): each judges the citations of one key together
 * (citation/inconsistent's groups, registry-mismatch's split groups, not-in-force's and unknown's first citation of
 * a key, a year-less repeat borrowing the date of its key's first dated citation), besides the document's header,
 * the registry and the text around a citation within its line. Run over the citations of some keys only, they find
 * exactly what they find for those keys over the whole list. The per-citation rules (perCitationRules) split finer,
 * by citation. The căn cứ rules are in neither: they read only the căn cứ, which an edit in the body (the only one
 * this path takes) never changes.
 */
const KEYED_RULES = [inconsistent, ...citationRegistryRules];
const REJUDGED_CODES: ReadonlySet<string> = new Set([...perCitationRules, ...KEYED_RULES].map((r) => r.code));
/**
 * Of those, the rules that read the text around or inside a citation besides what the reading of it states:
 * citation/format (the number as written) and citation/not-in-force (the words beside it: "đã", "thay thế" …).
 * When the edit leaves every reading as it was, the others find what they found (citation/inconsistent also names
 * a line, which an edit without a line break keeps).
 */
const TEXT_READING = { perCitation: [format], keyed: [notInForce] };
const ALL_READING = { perCitation: perCitationRules, keyed: KEYED_RULES };

/** Characters an edit near a citation may insert, and delete (no line break, mark of a note, quote or parenthesis). */
const INSERTABLE = lazy(() => /^[\p{L}\p{N}]$/u);
const DELETABLE = lazy(() => /^[\p{L}\p{N} ,.;/-]$/u);
const SPACE = /\s/u;
/** How far the window reaches beyond the lines around the edit: the finder looks ≤ 120 characters back (relation phrases). */
const MARGIN = 240;
/** What a document-wide reading looks for in any line: forms "Mẫu số 04" (reference/phu-luc-unreferenced). */
const FORM_WORD = /mẫu/iu;
/** A gap between two references that might read as a list ("Điều 3, Điều 5 của …": references/resolve.ts LIST_GAP). */
const LIST_LIKE = /^[^\n\d/]{0,40}$/u;

/** What the window finder states about a citation, without what the document-level reading adds (place, index, pinpoint). */
function project(c: Citation): unknown {
  const { index: _i, context: _c, self: _s, pinpoint: _p, ...rest } = c;
  return rest;
}

/** From the first character of any of its spans to the last (without an array or object per part: asked of every citation). */
export function citationExtent(c: Citation): Range {
  return { start: extentStart(c), end: extentEnd(c) };
}

/** The parts of a citation that carry a range of their own. */
type SpanKey = Exclude<{ [K in keyof Citation]-?: NonNullable<Citation[K]> extends { range: Range } ? K : never }[keyof Citation], 'range'>;
/**
 * Each part, named: the functions below read the parts one property at a time, as written, because a loop over the
 * names (`c[k]`) made every read a keyed lookup, 4× slower, on every citation of the document at every edit here.
 * A part added to Citation fails to compile here until it is listed (and then handled below: the test moves all).
 */
export const SPAN_KEYS: Record<SpanKey, true> = { type: true, number: true, date: true, year: true, issuer: true, title: true, name: true, defines: true, pinpoint: true };

function extentStart(c: Citation): number {
  let s = c.range.start;
  if (c.type && c.type.range.start < s) s = c.type.range.start;
  if (c.number && c.number.range.start < s) s = c.number.range.start;
  if (c.date && c.date.range.start < s) s = c.date.range.start;
  if (c.year && c.year.range.start < s) s = c.year.range.start;
  if (c.issuer && c.issuer.range.start < s) s = c.issuer.range.start;
  if (c.title && c.title.range.start < s) s = c.title.range.start;
  if (c.name && c.name.range.start < s) s = c.name.range.start;
  if (c.defines && c.defines.range.start < s) s = c.defines.range.start;
  if (c.pinpoint && c.pinpoint.range.start < s) s = c.pinpoint.range.start;
  return s;
}

function extentEnd(c: Citation): number {
  let e = c.range.end;
  if (c.type && c.type.range.end > e) e = c.type.range.end;
  if (c.number && c.number.range.end > e) e = c.number.range.end;
  if (c.date && c.date.range.end > e) e = c.date.range.end;
  if (c.year && c.year.range.end > e) e = c.year.range.end;
  if (c.issuer && c.issuer.range.end > e) e = c.issuer.range.end;
  if (c.title && c.title.range.end > e) e = c.title.range.end;
  if (c.name && c.name.range.end > e) e = c.name.range.end;
  if (c.defines && c.defines.range.end > e) e = c.defines.range.end;
  if (c.pinpoint && c.pinpoint.range.end > e) e = c.pinpoint.range.end;
  return e;
}

/** A copy with every range moved by `f` (the base's citations are shared with its parse: never changed in place). */
export function shiftCitation(c: Citation, f: (o: number) => number, index = c.index): Citation {
  const r = (x: Range): Range => ({ start: f(x.start), end: f(x.end) });
  const out: Citation = { ...c, index, range: r(c.range) };
  if (c.type) out.type = { ...c.type, range: r(c.type.range) };
  if (c.number) out.number = { ...c.number, range: r(c.number.range) };
  if (c.date) out.date = { ...c.date, range: r(c.date.range) };
  if (c.year) out.year = { ...c.year, range: r(c.year.range) };
  if (c.issuer) out.issuer = { ...c.issuer, range: r(c.issuer.range) };
  if (c.title) out.title = { ...c.title, range: r(c.title.range) };
  if (c.name) out.name = { ...c.name, range: r(c.name.range) };
  if (c.defines) out.defines = { ...c.defines, range: r(c.defines.range) };
  if (c.pinpoint) out.pinpoint = { ...c.pinpoint, range: r(c.pinpoint.range) };
  return out;
}

/** The citations whose extent meets [start, end), as indices [from, to) of the list; undefined when they are not contiguous. */
function meeting(cits: readonly Citation[], start: number, end: number): [number, number] | undefined {
  let from = -1;
  let to = -1;
  let hits = 0;
  for (let i = 0; i < cits.length; i++) {
    if (extentEnd(cits[i]) > start && extentStart(cits[i]) < end) {
      if (from < 0) from = i;
      to = i + 1;
      hits++;
    }
  }
  if (hits === 0) {
    let at = 0;
    while (at < cits.length && cits[at].range.start < start) at++;
    return [at, at];
  }
  return to - from === hits ? [from, to] : undefined;
}

/** The base's citations with what places them in its text (EditBase.citations). */
type CitationList = Pick<EditBase, 'citations' | 'citationsAt' | 'edits'>;

/**
 * Offset `o` of citation `i` of the list, taken to the text after all its edits: moved by those made since the
 * citation was read. Each lies wholly before or after it (the quiet path never edits a line holding a citation,
 * the citation path reads again every citation around its edit), so it moves by the deltas of those before it.
 */
function now(list: CitationList, i: number, o: number): number {
  const edits = list.edits;
  for (let k = list.citationsAt[i]; k < edits.length; k++) if (o >= edits[k].oldEnd) o += edits[k].delta;
  return o;
}

/** Citation `i` of the list in the offsets of the text after all its edits (itself when none moved it). */
function citationNow(list: CitationList, i: number): Citation {
  const c = list.citations![i];
  if (list.citationsAt[i] === list.edits.length || (now(list, i, extentStart(c)) === extentStart(c) && now(list, i, extentEnd(c)) === extentEnd(c))) return c;
  return shiftCitation(c, (o) => now(list, i, o));
}

/**
 * `meeting` over the base's citations in its text's offsets, without moving them all: the list is in text order, so
 * a binary search finds the first whose start lies within `citationReach` of [start, end), and the scan stops at the
 * first that starts that far after it.
 */
function meetingNow(base: EditBase, start: number, end: number): [number, number] | undefined {
  const cits = base.citations!;
  const reach = base.citationReach;
  const startOf = (i: number) => now(base, i, cits[i].range.start);
  let lo = 0;
  let hi = cits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < start - reach) lo = mid + 1;
    else hi = mid;
  }
  let from = -1;
  let to = -1;
  let hits = 0;
  for (let i = lo; i < cits.length && startOf(i) < end + reach; i++) {
    if (now(base, i, extentEnd(cits[i])) > start && now(base, i, extentStart(cits[i])) < end) {
      if (from < 0) from = i;
      to = i + 1;
      hits++;
    }
  }
  if (hits === 0) {
    let at = lo;
    while (at < cits.length && startOf(at) < start) at++;
    return [at, at];
  }
  return to - from === hits ? [from, to] : undefined;
}

/** Some citation of the base lies on [start, end] of its text (or the list cannot say). */
export function citationsMeet(base: EditBase, start: number, end: number): boolean {
  if (!base.citations) return true;
  const met = meetingNow(base, start, end + 1);
  return !met || met[0] < met[1];
}

/** How far any part of a citation lies from its start, before or after it (EditBase.citationReach). */
export function citationReach(cits: readonly Citation[]): number {
  let reach = 0;
  for (const c of cits) reach = Math.max(reach, c.range.start - extentStart(c), extentEnd(c) - c.range.start);
  return reach;
}

/**
 * Edits a citation of the list may wait for before the list is brought to the text (`settled`): each later reading
 * of it walks them (the citation path reads a few hundred citations at most: its numbers' and the window's).
 */
const SETTLE_AFTER = 32;

/** The list with every citation in the offsets of the text after all its edits, once some wait for too many. */
function settled(list: Required<CitationList>): Required<CitationList> {
  let oldest = list.edits.length;
  for (const at of list.citationsAt) oldest = Math.min(oldest, at);
  if (list.edits.length - oldest <= SETTLE_AFTER) return list;
  return { citations: list.citations.map((_, i) => citationNow(list, i)), citationsAt: list.citationsAt.map(() => list.edits.length), edits: list.edits };
}

/** The diagnostics after `edit`, when it lies in a citation line the base can answer for; undefined otherwise. */
export function citationEdit(base: EditBase, text: string, edit: TextEdit, options: CheckOptions): IncrementalResult | undefined {
  const old = base.text;
  const { start: s, oldEnd, delta, removed, inserted } = edit;
  if (!base.citations || base.amending || base.aliasWords.size > 0) return undefined;
  const deletable = DELETABLE();
  const insertable = INSERTABLE();
  for (const ch of removed) if (!deletable.test(ch)) return undefined;
  for (const ch of inserted) if (!insertable.test(ch)) return undefined;
  // Nothing to normalise in the inserted letters, as in the rest of the text (base.citations says so).
  if (inserted !== inserted.normalize('NFC') || normalizeText(inserted).events.length > 0 || s <= base.bodyStart) return undefined;
  // The token (non-blank run) the edit touches, before it.
  let ts = s;
  while (ts > 0 && !SPACE.test(old[ts - 1])) ts--;
  let te = oldEnd;
  while (te < old.length && !SPACE.test(old[te])) te++;
  const slot = quietAt(base.rescan, ts - 1, te);
  if (slot < 0) return undefined;
  const ls = old.lastIndexOf('\n', s - 1) + 1;
  let le = old.indexOf('\n', s);
  if (le < 0) le = old.length;
  const oldLine = old.slice(ls, le);
  const newLine = text.slice(ls, le + delta);
  // A line ended by "." or ";" keeps its mark (the stretch then reaches the line's end).
  if (te === le && (oldEnd >= le || newLine[newLine.length - 1] !== oldLine[oldLine.length - 1])) return undefined;
  const before = old.slice(ts, te);
  const after = text.slice(ts, te + delta);
  if (!/\s/u.test(old.slice(ls, ts - 1).trimStart()) && startsUpper(before) !== startsUpper(after)) return undefined;
  if ([oldLine, newLine].some((l) => FORM_WORD.test(l) || LUU_LINE.test(l))) return undefined;
  for (const a of base.abbreviations) if (before.includes(a) || after.includes(a)) return undefined;
  if (JSON.stringify(lineFeatures(oldLine)) !== JSON.stringify(lineFeatures(newLine))) return undefined;
  // citation/format asks whether the text is hard-wrapped (rules/citation.ts isHardWrapped): a line counts by its
  // first and last characters (kept) and whether it is shorter than 20 (kept here), so the answer is the base's.
  if ((oldLine.trim().length < 20) !== (newLine.trim().length < 20)) return undefined;
  if (linesWithDoubles(newLine).length > 0) return undefined;

  // The lines around the edit (a citation may cross a line break) and the window the finder reads.
  const cs = ls > 0 ? old.lastIndexOf('\n', ls - 2) + 1 : 0;
  let ce = le < old.length ? old.indexOf('\n', le + 1) : old.length;
  if (ce < 0) ce = old.length;
  const ws = cs > MARGIN ? old.lastIndexOf('\n', cs - MARGIN) + 1 : 0;
  let we = old.indexOf('\n', Math.min(old.length, ce + MARGIN));
  if (we < 0) we = old.length;
  const toOld = (o: number) => (o >= s + inserted.length ? o - delta : o); // new offset → old one, outside the edit

  // References around: the same, none pointing into another document (its pinpoint belongs to a citation), no list across the edit.
  const refsOld = findReferencesInText(old.slice(cs, ce));
  const refsNew = findReferencesInText(text.slice(cs, ce + delta));
  if (refsOld.some((r) => r.scope?.kind === 'external') || refsNew.some((r) => r.scope?.kind === 'external')) return undefined;
  // References changed: those of the edited line are read and judged again (incremental-references.ts).
  const refs = sameFindings(refsOld, refsNew, (o) => toOld(o + cs) - cs)
    ? undefined
    : referenceChange(base, text, edit, { start: ls, end: le }, cs, refsOld, refsNew, options) ?? 'refused';
  if (refs === 'refused') return undefined;
  const prevRef = refsOld.filter((r) => r.range.end + cs <= s).pop();
  const nextRef = refsOld.find((r) => r.range.start + cs >= oldEnd);
  if (prevRef && nextRef) {
    const gapOld = old.slice(prevRef.range.end + cs, nextRef.range.start + cs);
    const gapNew = text.slice(prevRef.range.end + cs, nextRef.range.start + cs + delta);
    if (LIST_LIKE.test(gapOld) || LIST_LIKE.test(gapNew)) return undefined;
  }

  // The window read alone, before and after: outside the lines around the edit nothing may change…
  const foundOld = findCitationsInText(old.slice(ws, we));
  const foundNew = findCitationsInText(text.slice(ws, we + delta));
  const inside = (c: Citation, end: number) => {
    const x = citationExtent(c);
    return x.end > cs - ws && x.start < end - ws;
  };
  const outOld = foundOld.filter((c) => !inside(c, ce));
  const outNew = foundNew.filter((c) => !inside(c, ce + delta));
  if (!sameFindings(outOld.map(project), outNew.map(project), (o) => toOld(o + ws) - ws)) return undefined;
  // …and inside them, before the edit, it must read what the whole document's reading found there.
  // The base's citations are read where they are now (citationNow): only those around the edit and of its numbers.
  const cits = base.citations;
  const met = meetingNow(base, cs, ce);
  if (!met) return undefined;
  const [from, to] = met;
  const here: Citation[] = [];
  for (let i = from; i < to; i++) here.push(citationNow(base, i));
  const inOld = foundOld.filter((c) => inside(c, ce));
  const inNew = foundNew.filter((c) => inside(c, ce + delta));
  for (const c of here) {
    const x = citationExtent(c);
    if (x.start < cs || x.end > ce || c.context !== 'text' || c.pinpoint || c.self) return undefined;
  }
  for (const c of [...inOld, ...inNew]) {
    if (c.defines || c.shortOf !== undefined || c.amends !== undefined || c.amendedBy || c.kind === 'short' || c.kind === 'law') return undefined;
  }
  if (!sameFindings(here.map(project), inOld.map(project), (o) => o + ws)) return undefined;
  for (const c of inNew) {
    const x = citationExtent(c);
    if (x.start + ws < cs || x.end + ws > ce + delta || (base.ownKey && c.key === base.ownKey)) return undefined;
  }

  // The new list: the base's, with the citations read around the edit in place of those there before. The others
  // are not copied: they move by the edits since they were read, this one included, when read (citationNow).
  const edits = [...base.edits, { start: s, oldEnd, delta }];
  const windowNew = inNew.map((c, j): Citation => ({ ...shiftCitation(c, (o) => o + ws, from + j), context: 'text' }));
  const next = settled({
    citations: cits.slice(0, from).concat(windowNew, cits.slice(to)),
    citationsAt: base.citationsAt.slice(0, from).concat(windowNew.map(() => edits.length), base.citationsAt.slice(to)),
    edits,
  });

  // text/spacing skips cited numbers: on the line alone it must see the numbers the document's reading sees there.
  const numbersOnLine = (cits: readonly Citation[], lineStart: number, lineEnd: number) =>
    cits.flatMap((c) => (c.number && c.number.range.start < lineEnd && c.number.range.end > lineStart ? [[c.number.range.start - lineStart, c.number.range.end - lineStart]] : []));
  const newLe = le + delta;
  // Only the window's citations meet the line (the others lie outside the lines around it).
  const metLine = meeting(windowNew, ls, newLe);
  if (!metLine) return undefined;
  const [nf, nt] = metLine;
  if (JSON.stringify(numbersOnLine(findCitationsInText(newLine), 0, newLine.length)) !== JSON.stringify(numbersOnLine(windowNew.slice(nf, nt), ls, newLe))) return undefined;

  const local = lineLocal(base, ls, le, oldLine, newLine, options);
  if (!local) return undefined;

  // The citation rules, again, for the numbers (keys) the edit may concern: those of the citations read around
  // it, before and after. Their findings over those keys' citations before the edit (the base's text) leave the
  // base's diagnostics, their findings after it come in; every other key's findings are the base's, moved.
  const keys = new Set<string>();
  for (const c of here) keys.add(c.key);
  for (const c of inNew) keys.add(c.key);
  const keyedBefore: Citation[] = [];
  for (let i = 0; i < cits.length; i++) if (keys.has(cits[i].key)) keyedBefore.push(citationNow(base, i));
  const keyedAfter: Citation[] = [];
  for (let i = 0; i < next.citations.length; i++) if (keys.has(next.citations[i].key)) keyedAfter.push(citationNow(next, i));
  // A law cited by name borrows from citations of other keys (rules/citation-registry.ts resolveInDocument).
  if (keyedBefore.some((c) => c.kind === 'law') || keyedAfter.some((c) => c.kind === 'law')) return undefined;
  const sameReadings = sameFindings(here.map(project), inNew.map(project), (o) => toOld(o + ws));
  const rules = sameReadings ? TEXT_READING : ALL_READING;
  const opts: CheckOptions = { ...options, parseProblems: false, inlineControl: false };
  const findings = (t: string, window: Citation[], keyed: Citation[]) => {
    const parse = (cits: Citation[]) => {
      const p: ParseResult = { tree: base.headTree, source: identity(t), problems: [] };
      rememberCitations(p, cits);
      rememberHardWrapped(p, base.hardWrapped);
      return p;
    };
    const one = runRules(parse(window), opts, rules.perCitation);
    const all = runRules(parse(keyed), opts, rules.keyed);
    return { diagnostics: [...one.diagnostics, ...all.diagnostics], failures: [...one.failures, ...all.failures] };
  };
  const gone = findings(old, here, keyedBefore);
  const come = findings(text, windowNew, keyedAfter);
  if (gone.failures.length > 0 || come.failures.length > 0) return undefined;
  const leaving = new Map<string, number>();
  const leavingAt = new Set<number>();
  for (const d of gone.diagnostics) {
    const k = JSON.stringify(d);
    leaving.set(k, (leaving.get(k) ?? 0) + 1);
    leavingAt.add(d.range.start);
  }
  let left = gone.diagnostics.length;
  const leaves = (d: Diagnostic) => {
    if (!REJUDGED_CODES.has(d.code) || !leavingAt.has(d.range.start)) return false;
    const k = JSON.stringify(d);
    const n = leaving.get(k);
    if (!n) return false;
    leaving.set(k, n - 1);
    left--;
    return true;
  };
  const shift = (o: number) => (o >= oldEnd ? o + delta : o);
  const diagnostics: Diagnostic[] = base.result.diagnostics
    .filter((d) => !leaves(d) && !local.replaces(d) && !refs?.replaces(d))
    .map((d) => shiftDiagnostic(d, shift));
  // Each finding over those keys before the edit must be one of the base's (the split by key holds): else a full check.
  if (left !== 0) return undefined;
  diagnostics.push(...come.diagnostics, ...local.diagnostics, ...(refs?.diagnostics ?? []));
  diagnostics.sort(compareDiagnostics);
  const result: DiagnosticsResult = { diagnostics, failures: [] };
  // The quiet stretches of the line and of any line a citation read here reaches go (the quiet path never edits
  // a line holding a citation: citationNow): their next edits come here again.
  let dropFrom = ls;
  let dropTo = newLe;
  for (const c of windowNew) {
    const x = citationExtent(c);
    dropFrom = Math.min(dropFrom, text.lastIndexOf('\n', x.start - 1) + 1);
    const end = text.indexOf('\n', x.end);
    dropTo = Math.max(dropTo, end < 0 ? text.length : end);
  }
  // The stretches, in place (EditBase.stretches): the edit lies inside rescan stretch `slot`, which grows.
  shiftIntervals(base.quiet, oldEnd, delta);
  dropLine(base.quiet, dropFrom, dropTo);
  const rescan = base.rescan;
  rescan[2 * slot + 1] += delta;
  for (let k = 2 * slot + 2; k < rescan.length; k++) rescan[k] += delta;
  shiftIntervals(base.titles, oldEnd, delta);
  const citationReachNow = Math.max(base.citationReach, citationReach(windowNew));
  return { result, base: { ...base, text, result, ...next, citationReach: citationReachNow, generation: ++base.stretches.generation } };
}
