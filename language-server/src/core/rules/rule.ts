/**
 * The rule machinery. A rule is data: a code from ../shared/spec/rules.md, a
 * default severity, message builders in Vietnamese and English, and a check
 * that reports findings (range + message arguments + optional edits). The
 * service turns findings into Diagnostics in the requested language.
 *
 * To add a rule: write it with `defineRule` in its area's file (text.ts,
 * numbering.ts, …) and add it to that file's exported list; the registry
 * picks up every area's list.
 */
import type { Lang, RelatedInformation, Severity, TextEdit } from '../diagnostics/diagnostic.ts';
import type { Document, ParseResult, Range } from '../syntax/tree.ts';
import type { SourceText } from '../text/normalize.ts';
import type { LayoutModel } from '../layout/model.ts';
import type { Registry } from '../registry/registry.ts';

/** A message in both languages, built from the finding's arguments. */
export interface Messages<A> {
  vi: (args: A) => string;
  en: (args: A) => string;
}

export interface RuleContext {
  /** The user's text, exactly as given. All ranges point into it. */
  readonly original: string;
  /** The normalised text with its offset map (`source.events` lists what normalisation changed). */
  readonly source: SourceText;
  readonly tree: Document;
  readonly parse: ParseResult;
  /** Page setup and formatting, when the text came from a word-processor file (.docx); the layout rules need it. */
  readonly layout?: LayoutModel;
  /** The registry of legal documents the citation checks look numbers up in (CheckOptions.registry, else the embedded one). */
  readonly registry?: Registry;
  /** "As of" date (YYYY-MM-DD) for in-force checks; the document's own date when absent. */
  readonly asOf?: string;
}

export interface Finding<A> {
  /** Original-text offsets. */
  range: Range;
  args: A;
  /** Edits that fix it (original-text offsets, non-overlapping); present only for fixable rules. */
  edits?: TextEdit[];
  related?: { range: Range; message: Messages<A> | { vi: string; en: string } }[];
}

export interface Rule<A = unknown> {
  /** `area/name`, never renamed once published. */
  code: string;
  severity: Severity;
  /** One line for rule lists, help and hover. */
  description: { vi: string; en: string };
  message: Messages<A>;
  /** Title of the quick fix; a rule with `fixTitle` must give `edits` with its findings. */
  fixTitle?: Messages<A>;
  /** `false`: the rule runs only when the configuration names it (citation/unknown). */
  enabledByDefault?: boolean;
  /**
   * 'line': every finding lies within one line and depends only on that line's
   * text, for a line of body prose (outside the header, tables, Nơi nhận, the
   * signature and noise lines). After an edit inside such a line the language
   * service runs the rule again on that line alone instead of on the whole
   * document (language-service/incremental.ts); test/unit/incremental.test.ts
   * checks the claim. Rules without it are treated as reading the whole document.
   */
  local?: 'line';
  check(ctx: RuleContext, report: (finding: Finding<A>) => void): void;
}

/** Identity helper that lets TypeScript infer the argument type `A` of a rule. */
export function defineRule<A>(rule: Rule<A>): Rule<A> {
  return rule;
}

/** The rule type the registry holds (argument types erased). */
export type AnyRule = Rule<any>;

export function localize<A>(m: Messages<A> | { vi: string; en: string }, args: A, lang: Lang): string {
  const v = m[lang];
  return typeof v === 'function' ? v(args) : v;
}

export type { RelatedInformation };
