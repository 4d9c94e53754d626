/**
 * A space typed or deleted beside a cell border of a Markdown table row ("| ĐIỀU KHOẢN THI HÀNH |" →
 * "| ĐIỀU KHOẢN THI HÀNH|"), answered from the previous version (issue 9: such an edit took the full check, ≈ 100 ms
 * on 1 MB, because the row's words are capitals and digits the quiet path never edits).
 *
 * The parser reads a row as the trimmed texts between its "|" (syntax/tables.ts buildMarkdownTable): a run of
 * spaces that touches a "|" before and after the edit is the padding of a cell, so every cell keeps its text
 * and only its offsets move. The table rules read cell texts, counts and ranges; the line keeps its start, its
 * end and whether it is shorter than 20 (rules/citation.ts isHardWrapped); its length enters the parser's wrap
 * profile only when a lower-case line follows it (text/paragraphs.ts), which is refused. The line's references
 * and citations are read again before and after and must be the same, and none of the base's citations may lie
 * on it (they move lazily by the edits: incremental-citations.ts). The line-local rules run on the line again
 * (incremental.ts lineLocal); every other diagnostic is the base's, moved — none but the table rules' may touch
 * the line.
 */
import { findCitationsInText } from '../citations/index.ts';
import { findReferencesInText } from '../references/find.ts';
import { walk } from '../rules/doc-kind.ts';
import { linesWithDoubles } from '../rules/text.ts';
import type { CheckOptions } from '../service.ts';
import type { Range } from '../syntax/tree.ts';
import { startsUpper } from '../text/letters.ts';
import { citationsMeet } from './incremental-citations.ts';
import { toTree } from './incremental-references.ts';
import { dropLine, LUU_LINE, lineLocal, localAnswer, sameFindings, shiftIntervals, type EditBase, type IncrementalResult, type TextEdit } from './incremental.ts';

const SPACES = /^ +$/u;
const ROW_LINE = /^[ \t]*\|.*\|[ \t]*$/u;

/** The run of spaces around [start, end) of `text` touches a "|" on one side. */
function padsCell(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && text[a - 1] === ' ') a--;
  let b = end;
  while (b < text.length && text[b] === ' ') b++;
  return text[a - 1] === '|' || text[b] === '|';
}

/** The diagnostics after `edit`, when it is spaces typed or deleted in a cell's padding of a Markdown row; undefined otherwise. */
export function tableSpaceEdit(base: EditBase, text: string, edit: TextEdit, options: CheckOptions): IncrementalResult | undefined {
  const { start: s, oldEnd, delta, removed, inserted } = edit;
  if (!base.tree || !SPACES.test(removed + inserted)) return undefined;
  const old = base.text;
  const ls = old.lastIndexOf('\n', s - 1) + 1;
  let le = old.indexOf('\n', s);
  if (le < 0) le = old.length;
  const oldLine = old.slice(ls, le);
  const newLine = text.slice(ls, le + delta);
  if (!ROW_LINE.test(oldLine) || !ROW_LINE.test(newLine) || oldLine.includes('\r')) return undefined;
  // Strictly between the row's first and last "|", in a cell's padding before and after.
  if (s <= ls + oldLine.indexOf('|') || oldEnd > ls + oldLine.lastIndexOf('|')) return undefined;
  if (!padsCell(old, s, oldEnd) || !padsCell(text, s, s + inserted.length)) return undefined;
  if ((oldLine.trim().length < 20) !== (newLine.trim().length < 20)) return undefined;
  if (LUU_LINE.test(oldLine) || LUU_LINE.test(newLine) || linesWithDoubles(newLine).length > 0) return undefined;
  const nextEnd = old.indexOf('\n', le + 1);
  const next = old.slice(le + 1, nextEnd < 0 ? old.length : nextEnd).trimStart();
  if (next !== '' && next[0] !== '|' && !startsUpper(next)) return undefined;
  // A row of a table of the tree (not a portal table's cell, not the "|---|" line).
  const treeStart = toTree(base.edits, ls);
  const treeEnd = toTree(base.edits, le);
  if (treeStart === undefined || treeEnd === undefined) return undefined;
  if (!walk(base.tree).some((n) => n.kind === 'row' && n.range.start >= treeStart && n.range.end <= treeEnd)) return undefined;
  if (citationsMeet(base, ls, le)) return undefined;
  const movedFrom = (o: number) => (o >= s - ls + inserted.length ? o - delta : o);
  if (!sameFindings(findReferencesInText(oldLine), findReferencesInText(newLine), movedFrom)) return undefined;
  if (!sameFindings(findCitationsInText(oldLine), findCitationsInText(newLine), movedFrom)) return undefined;
  const local = lineLocal(base, ls, le, oldLine, newLine, options);
  if (!local) return undefined;
  // Besides the line-local ones (run again), only the table rules' diagnostics (cell texts, counts, ranges) may touch the line.
  const meets = (r: Range) => r.end >= ls && r.start <= le;
  for (const d of base.result.diagnostics) {
    if (d.code.startsWith('table/') || local.replaces(d)) continue;
    if (meets(d.range) || d.related?.some((r) => meets(r.range)) || d.fix?.edits.some((e) => meets(e.range))) return undefined;
  }
  // The line's quiet stretches go (a cell's stretch ends at the space the edit may have removed); in place.
  for (const stretches of [base.quiet, base.rescan]) {
    dropLine(stretches, ls, le);
    shiftIntervals(stretches, oldEnd, delta);
  }
  shiftIntervals(base.titles, oldEnd, delta);
  return localAnswer(base, text, edit, local, (o) => (o >= oldEnd ? o + delta : o));
}
