/**
 * Renumbering a whole document with the core's numbering fixes (Điều,
 * khoản, điểm, Phần/Chương/Mục, roman sections, Phụ lục), for
 * when the server offers no renumbering refactor. Pure: text in, one edit out
 * (the changed middle of the text), so the cursor and undo stay sensible.
 */
import { applyEdits, collectFixEdits } from '../../language-server/src/core/diagnostics/edits.ts';
import { numberingRules } from '../../language-server/src/core/rules/numbering.ts';
import { runRuleSet } from '../../language-server/src/core/run-rules.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Fixes that clash wait for the next round (a scope renumbered inside a renumbered parent). */
const ROUNDS = 4;

export function renumberedText(text: string): string {
  let current = text;
  for (let round = 0; round < ROUNDS; round++) {
    const { diagnostics } = runRuleSet(parseDocument(current), { parseProblems: false }, numberingRules);
    const edits = collectFixEdits(diagnostics);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
  }
  return current;
}

/** The edit that turns `before` into `after`: their common start and end are kept. */
export function spanEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  // Never split a surrogate pair.
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  if (s > 0 && isHigh(before.charCodeAt(s - 1))) s--;
  if (e > 0 && isLow(before.charCodeAt(before.length - e))) e--;
  return { start: s, end: before.length - e, newText: after.slice(s, after.length - e) };
}

export function renumberEdits(text: string): OffsetEdit[] {
  const edit = spanEdit(text, renumberedText(text));
  return edit ? [edit] : [];
}
