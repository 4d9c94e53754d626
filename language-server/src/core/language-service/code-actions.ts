/**
 * Code actions as plain data: a quick fix per fixable diagnostic, "fix every
 * <code> in the document", a quick way to silence a rule on one line, and
 * fix-all (`source.fixAll.vanban`). The server wraps them into LSP actions;
 * the renumbering refactor comes from the references layer.
 */
import type { Diagnostic, Lang, TextEdit } from '../diagnostics/diagnostic.ts';
import { applyEdits, collectFixEdits } from '../diagnostics/edits.ts';
import { fixAll, type CheckOptions } from '../service.ts';
import type { Range } from '../syntax/tree.ts';

/** LSP code action kinds (hierarchical names: a request for "source.fixAll" or "refactor" matches ours). */
export type CodeActionKind = 'quickfix' | 'source.fixAll.vanban' | 'refactor.rewrite.vanban.renumber';

export interface CodeActionData {
  title: string;
  kind: CodeActionKind;
  /** Edits of the document the action was asked for (original-text offsets). */
  edits: TextEdit[];
  /** The diagnostics the action resolves. */
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
}

const t = (lang: Lang, vi: string, en: string) => (lang === 'en' ? en : vi);

export function intersects(a: Range, b: Range): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Quick fixes are offered for at most this many diagnostics of the range (a whole-document range of a pathological text has 10^5). */
const MAX_DIAGNOSTICS_IN_RANGE = 200;

/** Quick fixes for the diagnostics touching `range`. */
export function quickFixes(text: string, all: readonly Diagnostic[], range: Range, lang: Lang): CodeActionData[] {
  const here = all.filter((d) => intersects(d.range, range)).slice(0, MAX_DIAGNOSTICS_IN_RANGE);
  const out: CodeActionData[] = [];
  for (const d of here) {
    if (d.fix && d.fix.edits.length > 0) out.push({ title: d.fix.title, kind: 'quickfix', edits: d.fix.edits, diagnostics: [d], isPreferred: true });
  }
  const codes = [...new Set(here.filter((d) => d.fix).map((d) => d.code))];
  for (const code of codes) {
    const same = all.filter((d) => d.code === code && d.fix);
    if (same.length < 2) continue;
    out.push({
      title: t(lang, `Sửa mọi lỗi ${code} trong văn bản (${same.length})`, `Fix every ${code} in the document (${same.length})`),
      kind: 'quickfix',
      edits: collectFixEdits(same),
      diagnostics: same,
    });
  }
  for (const code of [...new Set(here.map((d) => d.code))]) {
    const d = here.find((x) => x.code === code)!;
    out.push({
      title: t(lang, `Tắt ${code} cho dòng này`, `Disable ${code} for this line`),
      kind: 'quickfix',
      edits: [disableNextLine(text, d.range.start, code)],
      diagnostics: here.filter((x) => x.code === code),
    });
  }
  return out;
}

/** `<!-- vanban-disable-next-line CODE -->` on a line of its own above the line at `offset`, same indentation. */
function disableNextLine(text: string, offset: number, code: string): TextEdit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/u.exec(text.slice(lineStart, lineStart + 200))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: lineStart, end: lineStart }, newText: `${indent}<!-- vanban-disable-next-line ${code} -->${eol}` };
}

/**
 * Every automatic fix of the document. One round's edits exactly when that
 * round leaves nothing fixable; when fixes had to wait for another round,
 * one edit spanning what changed (from the first to the last changed
 * character) so the client still applies a single consistent change.
 */
export function fixAllAction(text: string, diagnostics: readonly Diagnostic[], options: CheckOptions, lang: Lang): CodeActionData | undefined {
  const first = collectFixEdits(diagnostics);
  if (first.length === 0) return undefined;
  const afterFirst = applyEdits(text, first);
  const rest = fixAll(afterFirst, options);
  const fixable = diagnostics.filter((d) => d.fix);
  const title = t(lang, `Sửa tất cả lỗi sửa tự động được (${fixable.length})`, `Fix all auto-fixable problems (${fixable.length})`);
  if (rest.applied === 0) return { title, kind: 'source.fixAll.vanban', edits: first, diagnostics: fixable };
  return { title, kind: 'source.fixAll.vanban', edits: [spanningEdit(text, rest.text)], diagnostics: fixable };
}

/** One edit turning `before` into `after`: the common prefix and suffix are kept. */
export function spanningEdit(before: string, after: string): TextEdit {
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  // Do not cut a surrogate pair in two.
  if (s > 0 && isHigh(before.charCodeAt(s - 1))) s--;
  if (e > 0 && isLow(before.charCodeAt(before.length - e))) e--;
  return { range: { start: s, end: before.length - e }, newText: after.slice(s, after.length - e) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
