/**
 * The analysis of one version of one document, computed lazily and at most
 * once: the parse, the line index, the internal references, the diagnostics
 * (per set of check options). Everything the language service answers is
 * read from here, so a request after a keystroke re-parses once, not once per
 * feature.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { applyDirectives } from '../config/inline.ts';
import { nodeById } from '../features/focus.ts';
import { referencesOf, type Resolution } from '../references/index.ts';
import { RULES } from '../rules/registry.ts';
import { runRules, type CheckOptions, type RuleFailure } from '../service.ts';
import { parseDocument } from '../syntax/parse.ts';
import type { Node, ParseResult } from '../syntax/tree.ts';
import { createLineIndex, type LineIndex } from '../text/positions.ts';
import { diagnosticsAfterEdit, editBase, type EditBase } from './incremental.ts';
import { movedLineIndex } from './text-change.ts';

/** One version of a document, as the editor has it. */
export interface DocumentSnapshot {
  readonly uri: string;
  /** Increases with every change (LSP `version`); workspace files use their modification time. */
  readonly version: number;
  readonly text: string;
}

export interface DiagnosticsResult {
  diagnostics: Diagnostic[];
  /** Rules that threw (the others still ran). */
  failures: RuleFailure[];
}

/** Rules per step of `diagnosticSteps`: one rule may take a while on a large document. */
const RULES_PER_STEP = 1;

export class DocumentAnalysis implements DocumentSnapshot {
  private parsed?: ParseResult;
  private lineIndex?: LineIndex;
  private readonly results = new Map<string, DiagnosticsResult>();
  /** Per options key: what a later version's diagnostics may be derived from (this version's, else an earlier one's). */
  readonly bases: Map<string, EditBase>;
  /** Options keys whose diagnostics came from the previous version's (the incremental path), not a full check. */
  readonly incremental = new Set<string>();

  /** The text and line index of the version this one replaces, until `lines` is first read (not its parse: that may be large). */
  private replaced?: { text: string; lines: LineIndex };

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly text: string,
    /** The bases of the version this one replaces. */
    inherited?: ReadonlyMap<string, EditBase>,
    replaced?: DocumentAnalysis,
  ) {
    this.bases = new Map(inherited);
    if (replaced?.lineIndex) this.replaced = { text: replaced.text, lines: replaced.lineIndex };
  }

  get parse(): ParseResult {
    return (this.parsed ??= parseDocument(this.text));
  }

  /** Carried over from the replaced version when the edit since allows (text-change.ts), else indexed anew. */
  get lines(): LineIndex {
    if (!this.lineIndex) {
      const r = this.replaced;
      this.replaced = undefined;
      this.lineIndex = (r && movedLineIndex(r.text, r.lines, this.text)) ?? createLineIndex(this.text);
    }
    return this.lineIndex;
  }

  /** Every internal reference with what it resolves to (shared with the rules: computed once per parse). */
  get references(): readonly Resolution[] {
    return referencesOf(this.parse);
  }

  /** The unit with this id (`dieu_5/khoan_2`), if the tree has it. */
  node(id: string): Node | undefined {
    return nodeById(this.parse, id);
  }

  /** The diagnostics for these options when already computed, else undefined. */
  cachedDiagnostics(options: CheckOptions = {}): DiagnosticsResult | undefined {
    return this.results.get(optionsKey(options));
  }

  diagnostics(options: CheckOptions = {}): DiagnosticsResult {
    const steps = this.diagnosticSteps(options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * The diagnostics in small steps (the parse, then a rule or so at a time),
   * so that a caller can yield to its event loop between steps and drop the
   * work when the document changed. The result equals `checkDocument(text,
   * options)` and is cached once complete.
   */
  *diagnosticSteps(options: CheckOptions = {}): Generator<void, DiagnosticsResult, void> {
    const key = optionsKey(options);
    const cached = this.results.get(key);
    if (cached) return cached;
    const derived = options.layout ? undefined : this.derive(key, options);
    if (derived) return derived;
    if (!this.parsed) {
      void this.parse;
      yield;
    }
    const parse = this.parse;
    // Concatenated, not spread into push(): a pathological text yields 10^5 findings of one rule.
    let raw: Diagnostic[] = [];
    const failures: RuleFailure[] = [];
    const quiet: CheckOptions = { ...options, inlineControl: false };
    raw = raw.concat(runRules(parse, quiet, []).diagnostics);
    for (let i = 0; i < RULES.length; i += RULES_PER_STEP) {
      const r = runRules(parse, { ...quiet, parseProblems: false }, RULES.slice(i, i + RULES_PER_STEP));
      raw = raw.concat(r.diagnostics);
      failures.push(...r.failures);
      if (i + RULES_PER_STEP < RULES.length) yield;
    }
    // The parse's source: its text scan (run by the text rules) tells when the text has no directive marker at all.
    const kept = options.inlineControl === false ? raw : applyDirectives(this.text, raw, parse.source);
    kept.sort(compareDiagnostics);
    const result = { diagnostics: kept, failures };
    this.results.set(key, result);
    // The base is made now, while a full check is being paid for anyway: made on the next edit instead, it
    // cost that keystroke ≈ 30 ms on 1 MB (the edit after every full check, ≈ 8 % of random edits: the p95).
    if (!options.layout) {
      const base = editBase(parse, key, result);
      if (base) this.bases.set(key, base);
      else this.bases.delete(key);
    }
    return result;
  }

  /** The diagnostics from an earlier version's, when the edit since allows it exactly (incremental.ts). */
  private derive(key: string, options: CheckOptions): DiagnosticsResult | undefined {
    const base = this.bases.get(key);
    const r = base && diagnosticsAfterEdit(base, this.text, options);
    if (!r) return undefined;
    this.results.set(key, r.result);
    this.bases.set(key, r.base);
    this.incremental.add(key);
    return r.result;
  }
}

const objectIds = new WeakMap<object, number>();
let lastId = 0;
/** A number per registry (or other object) an option names: two registries never share a key. */
function idOf(o: object | undefined): string {
  if (!o) return '';
  let id = objectIds.get(o);
  if (id === undefined) objectIds.set(o, (id = ++lastId));
  return String(id);
}

/** A stable key for the options that change diagnostics. */
export function optionsKey(o: CheckOptions): string {
  const rules = o.rules ? Object.keys(o.rules).sort().map((k) => `${k}=${o.rules![k]}`).join(',') : '';
  return [o.lang ?? 'vi', o.docType ?? '', o.parseProblems === false ? 'np' : '', o.inlineControl === false ? 'ni' : '', o.asOf ?? '', idOf(o.registry), idOf(o.layout), rules].join('|');
}

/**
 * Keeps the latest analysis of each document. Asking for a newer version
 * replaces the old one; the cache never holds two versions of a uri.
 */
export class AnalysisCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();

  get(doc: DocumentSnapshot): DocumentAnalysis {
    const have = this.byUri.get(doc.uri);
    // Same version with other text happens only with a misbehaving client: the text decides.
    if (have && have.version === doc.version && have.text === doc.text) return have;
    const fresh = new DocumentAnalysis(doc.uri, doc.version, doc.text, have?.bases, have);
    this.byUri.set(doc.uri, fresh);
    return fresh;
  }

  /** The analysis held for `uri`, whatever its version. */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.byUri.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
