/**
 * What the checker reports. Plain data: every range is a pair of offsets into
 * the user's ORIGINAL text (UTF-16 code units), as the syntax tree's ranges
 * are. Surfaces (CLI, LSP server, browser) convert offsets to line/character
 * with `createLineIndex` on that same original text.
 */
import type { Range } from '../syntax/tree.ts';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Lang = 'vi' | 'en';

/** Replace `original.slice(range.start, range.end)` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Shown on the quick fix ("Chuyển sang dạng dựng sẵn (NFC)"). */
  title: string;
  /** Non-overlapping edits, in original offsets. */
  edits: TextEdit[];
}

/** A second place the diagnostic talks about ("khoản 1 is here"). */
export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  /** A code of ../shared/spec/rules.md (`text/unicode`), `io/unreadable`, or a parser problem code. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  related?: RelatedInformation[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Order by position, then severity, then code: stable output for every surface. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start - b.range.start ||
    a.range.end - b.range.end ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
