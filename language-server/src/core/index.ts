/** The public surface of the analysis core (bundled as dist/core.js). */
export { parseDocument } from './syntax/parse.ts';
export { normalizeText } from './text/normalize.ts';
export { createLineIndex } from './text/positions.ts';
export { checkDocument, runRules, fixAll, applyEdits, collectFixEdits, RULES } from './service.ts';
export { getRule } from './rules/registry.ts';
export type { CheckOptions, CheckResult, RuleFailure } from './service.ts';
export type { Diagnostic, Fix, Lang, RelatedInformation, Severity, TextEdit } from './diagnostics/diagnostic.ts';
export type { Rule, AnyRule, Finding, RuleContext, Messages } from './rules/rule.ts';
export type { Document, Node, NodeKind, ParseResult, Range } from './syntax/tree.ts';
export type { SourceText, NormalizationEvent } from './text/normalize.ts';
export type { LineIndex, Position } from './text/positions.ts';
