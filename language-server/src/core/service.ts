/**
 * The façade every surface (CLI, LSP server, browser) calls. Pure: text in,
 * plain data out; ranges are offsets into the text as given.
 */
import { embeddedRegistry } from './registry/index.ts';
import type { Diagnostic, Lang, Severity, TextEdit } from './diagnostics/diagnostic.ts';
import { applyEdits, collectFixEdits } from './diagnostics/edits.ts';
import { RULES } from './rules/registry.ts';
import type { AnyRule } from './rules/rule.ts';
import { runRuleSet, type CheckOptions, type RuleFailure } from './run-rules.ts';
import { parseDocument } from './syntax/parse.ts';
import type { ParseResult } from './syntax/tree.ts';

export interface CheckResult {
  parse: ParseResult;
  /** Sorted by position (then severity, then code). */
  diagnostics: Diagnostic[];
  /** Rules that threw: the others still ran. Empty when all is well. */
  failures: RuleFailure[];
}

export function checkDocument(text: string, options: CheckOptions = {}): CheckResult {
  const parse = parseDocument(text);
  const { diagnostics, failures } = runRules(parse, options);
  return { parse, diagnostics, failures };
}

/** Runs the rules (all of them unless given) on an existing parse (the LSP server reuses parses). */
export function runRules(parse: ParseResult, options: CheckOptions = {}, rules: readonly AnyRule[] = RULES) {
  return runRuleSet(parse, options, rules, embeddedRegistry);
}

/**
 * Applies every automatic fix that can go together and returns the new text
 * (fixes that clash with an earlier one wait for the next round; `rounds`
 * repeats the check until nothing changes, at most that many times).
 */
export function fixAll(text: string, options: CheckOptions = {}, rounds = 3): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let r = 0; r < rounds; r++) {
    const { diagnostics } = checkDocument(current, { ...options, parseProblems: false });
    const edits = collectFixEdits(diagnostics);
    if (edits.length === 0) break;
    current = applyEdits(current, edits);
    applied += edits.length;
  }
  return { text: current, applied };
}

export { applyEdits, collectFixEdits };
export type { CheckOptions, Diagnostic, Lang, RuleFailure, Severity, TextEdit };
export { RULES };
