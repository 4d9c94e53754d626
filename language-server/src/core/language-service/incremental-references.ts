/**
 * An edit that changes the internal references of the edited line ("tại Điều 19|9", "tại kh|oản 4 Điều 147"),
 * answered from the previous version (issue 9): the line's references are read again, resolved against the
 * tree of the last full check (the edits since changed no line's shape, so only offsets moved: `toTree`), and
 * the reference rules that judge one reference at a time run on them. Their diagnostics on the line replace
 * the base's there. The same reading of the line BEFORE the edit must give exactly the base's diagnostics on
 * it, else the edit goes to the full check. Used by the citation path (incremental-citations.ts), which has
 * already checked the line's shape and everything the citations read.
 *
 * What would make one line's references matter to others is refused: a reference into another document (a
 * list of references takes the document of its last one: references/resolve.ts distributeDocumentNames; a
 * citation takes it as its pinpoint), a Phụ lục (reference/phu-luc-unreferenced counts every reference to
 * each), "Như Điều 3" (Nơi nhận), and a reference naming a unit a numbering fix renumbers (the fix rewrites it).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { rememberReferences, resolveReferences, type Reference, type Resolution } from '../references/index.ts';
import { ambiguousRule, selfScopeRule, unresolvedRule } from '../rules/reference.ts';
import { runRules, type CheckOptions } from '../service.ts';
import type { Range } from '../syntax/tree.ts';
import { identity } from '../text/normalize.ts';
import { mapRanges, sameDiagnostics, sameFindings, type EditBase, type TextEdit } from './incremental.ts';

/** The reference rules whose findings each come from one reference, at its place. */
const PER_REFERENCE = [unresolvedRule, ambiguousRule, selfScopeRule];
export const PER_REFERENCE_CODES: ReadonlySet<string> = new Set(PER_REFERENCE.map((r) => r.code));

/** An edit since the tree's full check, in the offsets of the text it was made to. */
export interface EditRecord {
  start: number;
  oldEnd: number;
  delta: number;
}

/** The tree's offset of `o` (an offset of the latest text); undefined inside text an edit inserted. */
export function toTree(edits: readonly EditRecord[], o: number): number | undefined {
  for (let k = edits.length - 1; k >= 0; k--) {
    const e = edits[k];
    const insertedEnd = e.oldEnd + e.delta;
    if (o >= insertedEnd) o -= e.delta;
    else if (o > e.start) return undefined;
  }
  return o;
}

/**
 * The line's references before (window offsets, `cs` the window's start in the old text) and after the edit:
 * the per-reference diagnostics of the new line, and which of the base's they replace; undefined when the
 * change cannot be answered so.
 */
export function referenceChange(
  base: EditBase, text: string, edit: TextEdit, line: Range, cs: number,
  refsOld: readonly Reference[], refsNew: readonly Reference[], options: CheckOptions,
): { diagnostics: Diagnostic[]; replaces: (d: Diagnostic) => boolean } | undefined {
  if (!base.tree) return undefined;
  const { delta } = edit;
  const newEnd = edit.start + edit.inserted.length;
  const toOld = (o: number) => (o >= newEnd ? o - delta : o);
  const meets = (r: Reference, a: number, b: number) => r.range.end > a && r.range.start < b;
  const onOld = refsOld.filter((r) => meets(r, line.start - cs, line.end - cs));
  const onNew = refsNew.filter((r) => meets(r, line.start - cs, line.end + delta - cs));
  // The lines around read the same; the line's references lie on it and speak of this document's units.
  if (!sameFindings(refsOld.filter((r) => !onOld.includes(r)), refsNew.filter((r) => !onNew.includes(r)), (o) => toOld(o + cs) - cs)) return undefined;
  if (onOld.some((r) => r.range.start < line.start - cs || r.range.end > line.end - cs)) return undefined;
  if (onNew.some((r) => r.range.start < line.start - cs || r.range.end > line.end + delta - cs)) return undefined;
  for (const r of [...onOld, ...onNew]) {
    if (r.nhu || r.external || r.scope?.kind === 'external' || r.chains.some((c) => c.parts.some((p) => p.kind === 'phu-luc'))) return undefined;
  }
  const before = resolveOnTree(base, onOld, (o) => o + cs, (o) => o + cs);
  const after = resolveOnTree(base, onNew, (o) => toOld(o + cs), (o) => o + cs);
  if (!before || !after) return undefined;
  // A reference naming a unit a numbering fix renumbers gets an edit in that fix.
  for (const r of [...before, ...after]) for (const c of r.chains) for (const p of c.parts) if (p?.ids.some((id) => base.renumbered.has(id))) return undefined;
  const replaces = (d: Diagnostic) => PER_REFERENCE_CODES.has(d.code) && d.range.start >= line.start && d.range.end <= line.end;
  const judged = (t: string, resolutions: Resolution[]) => {
    const parse = { tree: base.tree!, source: identity(t), problems: [] };
    rememberReferences(parse, resolutions);
    const r = runRules(parse, { ...options, parseProblems: false, inlineControl: false }, PER_REFERENCE);
    return r.failures.length > 0 ? undefined : r.diagnostics;
  };
  const was = judged(base.text, before);
  const now = judged(text, after);
  if (!was || !now || !sameDiagnostics(base.result.diagnostics.filter(replaces), was)) return undefined;
  return { diagnostics: now, replaces };
}

/**
 * The references resolved against the base's tree: each offset taken to the tree's (`toBase` then the edits
 * since), the resolutions' offsets brought back by `toOut`. Undefined when two offsets would meet in one.
 */
function resolveOnTree(base: EditBase, refs: readonly Reference[], toBase: (o: number) => number, toOut: (o: number) => number): Resolution[] | undefined {
  const back = new Map<number, number>();
  let lost = false;
  const onTree = mapRanges(refs, (o) => {
    const t = toTree(base.edits, toBase(o));
    const out = toOut(o);
    if (t === undefined || (back.has(t) && back.get(t) !== out)) lost = true;
    else back.set(t, out);
    return t ?? -1;
  }) as Reference[];
  if (lost) return undefined;
  const resolved = resolveReferences({ tree: base.tree!, source: identity(base.treeText!), problems: [] }, onTree);
  if (resolved.length !== refs.length) return undefined;
  const out = mapRanges(resolved, (t) => {
    const o = back.get(t);
    if (o === undefined) lost = true;
    return o ?? -1;
  }) as Resolution[];
  return lost ? undefined : out;
}
