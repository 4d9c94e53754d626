/** Output helpers shared by the commands: positions, localized strings, JSON shapes. */
import type { Diagnostic, Lang, Severity } from '../core/diagnostics/diagnostic.ts';
import type { Range } from '../core/syntax/tree.ts';
import type { LineIndex, Position } from '../core/text/positions.ts';
import { describeParagraph, type ParagraphRef } from './docx.ts';

/** Picks the Vietnamese or English string. */
export const t = (lang: Lang, vi: string, en: string): string => (lang === 'en' ? en : vi);

export interface JsonRange {
  start: Position;
  end: Position;
}

/** Offsets of the original text → 0-based line / UTF-16 character (LSP style). */
export function toJsonRange(index: LineIndex, range: Range): JsonRange {
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  range: JsonRange;
  fixable: boolean;
  related?: { message: string; range: JsonRange }[];
  /** .docx only: the Word paragraph the diagnostic starts in (ranges point into the text view). */
  paragraph?: ParagraphRef;
}

export function toJsonDiagnostic(index: LineIndex, d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    range: toJsonRange(index, d.range),
    fixable: !!d.fix && d.fix.edits.length > 0,
  };
  if (d.related && d.related.length > 0) {
    out.related = d.related.map((r) => ({ message: r.message, range: toJsonRange(index, r.range) }));
  }
  return out;
}

/**
 * `path:line:col: severity code: message`, line and column 1-based (as compilers print them);
 * for a .docx, lines of its text view, and the paragraph in brackets.
 */
export function formatDiagnosticLine(path: string, d: JsonDiagnostic, lang: Lang = 'vi'): string {
  const { line, character } = d.range.start;
  const where = d.paragraph ? ` [${describeParagraph(d.paragraph, lang)}]` : '';
  return `${path}:${line + 1}:${character + 1}: ${d.severity} ${d.code}: ${d.message}${where}`;
}

export interface Counts {
  files: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  fixable: number;
}

export function emptyCounts(): Counts {
  return { files: 0, error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
}

export function summaryLine(c: Counts, lang: Lang): string {
  const files = t(lang, `${c.files} tệp`, `${c.files} file${c.files === 1 ? '' : 's'}`);
  const total = c.error + c.warning + c.info + c.hint;
  if (total === 0) return t(lang, `Đã kiểm tra ${files}: không có vấn đề nào.`, `Checked ${files}: no problems.`);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts =
    lang === 'en'
      ? [plural(c.error, 'error'), plural(c.warning, 'warning'), `${c.info} info`, plural(c.hint, 'hint')]
      : [`${c.error} lỗi`, `${c.warning} cảnh báo`, `${c.info} thông tin`, `${c.hint} gợi ý`];
  const fix =
    c.fixable > 0
      ? t(lang, ` (${c.fixable} sửa tự động được bằng --fix)`, ` (${c.fixable} fixable with --fix)`)
      : '';
  return t(lang, `Đã kiểm tra ${files}: `, `Checked ${files}: `) + parts.join(', ') + fix + '.';
}

/** Folds whitespace and shortens a title for one-line display. */

/** Shared with the language service's outline names. */
export { oneLine } from '../core/language-service/tree.ts';
