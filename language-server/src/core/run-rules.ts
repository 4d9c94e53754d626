/**
 * Running a set of rules over a parse, without the rule set or the registry
 * of legal documents attached: the VS Code client renumbers and checks Word
 * layout with a few rules and must not carry every rule and the embedded
 * registry in its bundle. The full check is service.ts.
 */
import type { Registry } from './registry/registry.ts';
import { compareDiagnostics, type Diagnostic, type Lang, type Severity } from './diagnostics/diagnostic.ts';
import { localize, type AnyRule, type Finding, type RuleContext } from './rules/rule.ts';
import type { DocType, ParseResult } from './syntax/tree.ts';
import { applyDirectives } from './config/inline.ts';
import type { LayoutModel } from './layout/model.ts';

export interface CheckOptions {
  /** The registry of legal documents for the citation checks (default: the embedded one). */
  registry?: Registry;
  /** "As of" date (YYYY-MM-DD) for the in-force checks (default: the document's own date, else today). */
  asOf?: string;
  /** Message language (default Vietnamese). */
  lang?: Lang;
  /** Per-code severity overrides, `off` to disable (the shape `.vanbanrc.json` will use). */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  /** Report the parser's own problems as diagnostics too (default true). */
  parseProblems?: boolean;
  /** Treat the document as this type whatever its header says (`.vanbanrc.json` "docType"). */
  docType?: DocType;
  /** Honour `<!-- vanban-disable … -->` comments in the text (default true). */
  inlineControl?: boolean;
  /** The layout of a .docx the text was read from (io/docx): switches the layout/… rules on. */
  layout?: LayoutModel;
}

export interface RuleFailure {
  code: string;
  error: unknown;
}

/**
 * Runs `rules` on an existing parse (the LSP server reuses parses). The
 * registry of legal documents is `options.registry`, else what
 * `defaultRegistry` gives, asked only when a rule reads it.
 */
export function runRuleSet(parse: ParseResult, options: CheckOptions, rules: readonly AnyRule[], defaultRegistry?: () => Registry) {
  const lang: Lang = options.lang ?? 'vi';
  const overrides = options.rules ?? {};
  const tree = options.docType ? { ...parse.tree, docType: options.docType } : parse.tree;
  let registry = options.registry;
  const ctx: RuleContext = {
    original: parse.source.original, source: parse.source, tree, parse, layout: options.layout, asOf: options.asOf,
    get registry() {
      return (registry ??= defaultRegistry?.());
    },
  };
  const diagnostics: Diagnostic[] = [];
  const failures: RuleFailure[] = [];

  if (options.parseProblems !== false) {
    const problems = parse.problems;
    for (let i = 0; i < problems.length; i++) {
      const p = problems[i];
      const severity = overrides[p.code] ?? p.severity;
      if (severity === 'off') continue;
      diagnostics.push({ code: p.code, severity, message: p.message, range: { ...p.range } });
    }
  }

  // One report function for the whole run, reading the rule that runs now: a closure per rule (and the
  // context object that held its rule and severity) was two objects per rule and check. This function runs
  // once per check, in the interpreter, so its loops index instead of iterating (an iterator result per step).
  let rule: AnyRule;
  let severity: Severity;
  const report = (f: Finding<unknown>): void => {
    const d: Diagnostic = {
      code: rule.code,
      severity,
      message: localize(rule.message, f.args, lang),
      range: f.range,
    };
    if (f.edits && f.edits.length > 0) {
      d.fix = { title: rule.fixTitle ? localize(rule.fixTitle, f.args, lang) : d.message, edits: f.edits };
    }
    if (f.related && f.related.length > 0) {
      d.related = f.related.map((r) => ({ range: r.range, message: localize(r.message, f.args, lang) }));
    }
    diagnostics.push(d);
  };
  for (let i = 0; i < rules.length; i++) {
    rule = rules[i];
    // Without overrides (a plain check) no lookup: a missing key of `{}` is a slow keyed load in this unoptimised loop.
    const set = options.rules === undefined ? undefined : overrides[rule.code];
    const chosen = set ?? rule.severity;
    if (chosen === 'off' || (rule.enabledByDefault === false && set === undefined)) continue;
    severity = chosen;
    try {
      rule.check(ctx, report);
    } catch (error) {
      failures.push({ code: rule.code, error });
    }
  }
  const kept = options.inlineControl === false ? diagnostics : applyDirectives(parse.source.original, diagnostics, parse.source);
  kept.sort(compareDiagnostics);
  return { diagnostics: kept, failures };
}
