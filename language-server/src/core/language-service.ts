/**
 * The language service: one façade over the core for every interactive
 * surface (the LSP server in Node and in a Web Worker, the browser editor).
 * In the style of Microsoft's markdown language service: the caller hands in
 * documents as snapshots (uri, version, text) and gets plain data back —
 * offsets into that text, never LSP types (server/convert.ts makes those).
 *
 * Each document version is analysed lazily and at most once (parse, line
 * index, references, diagnostics per option set); a newer version replaces
 * the cached one.
 */
import type { Diagnostic, Lang, TextEdit } from './diagnostics/diagnostic.ts';
import type { CheckOptions } from './service.ts';
import type { Range } from './syntax/tree.ts';
import type { RefPart } from './references/index.ts';
import { AnalysisCache, DocumentAnalysis, type DiagnosticsResult, type DocumentSnapshot } from './language-service/analysis.ts';
import type { Position } from './text/positions.ts';
import { fixAllAction, quickFixes, type CodeActionData, type CodeActionKind } from './language-service/code-actions.ts';
import { findCitations } from './citations/index.ts';
import { hoverCitation } from './citations/hover.ts';
import { citationAt, ownKey, unitForPinpoint } from './language-service/citation-targets.ts';
import { embeddedRegistry, workspaceLayer, type Layer } from './registry/index.ts';
import { completions, type CompletionEntry } from './language-service/completion.ts';
import { foldingRegions, type FoldingRegion } from './language-service/folding.ts';
import { ruleHelp } from './language-service/hover.ts';
import { inlayHints, type InlayHintData } from './language-service/inlay-hints.ts';
import { definition as unitDefinition } from './features/definition.ts';
import { focusAt, unitLocation, type UnitLocation } from './features/focus.ts';
import { referenceHover } from './features/hover.ts';
import { documentLinks as referenceLinks } from './features/links.ts';
import { unitReferences } from './features/references.ts';
import { prepareRename, renameUnit } from './features/rename.ts';
import { renumberScopeAt } from './features/renumber-scope.ts';
import { selectionChain } from './language-service/selection.ts';
import { semanticTokens, type SemanticToken } from './language-service/semantic-tokens.ts';
import { documentSymbols, flatSymbols, symbolMatcher, type FlatSymbol, type OutlineSymbol } from './language-service/symbols.ts';

export type { DocumentSnapshot, DiagnosticsResult, DocumentAnalysis } from './language-service/analysis.ts';
export type { CodeActionData, CodeActionKind } from './language-service/code-actions.ts';
export type { CompletionEntry } from './language-service/completion.ts';
export type { FoldingRegion } from './language-service/folding.ts';
export type { InlayHintData } from './language-service/inlay-hints.ts';

export type { SemanticToken, TokenType, TokenModifier } from './language-service/semantic-tokens.ts';
export { TOKEN_TYPES, TOKEN_MODIFIERS } from './language-service/semantic-tokens.ts';
export type { OutlineSymbol, FlatSymbol } from './language-service/symbols.ts';
export { KIND_LABELS, kindLabel } from './language-service/tree.ts';

export interface LanguageServiceOptions {
  /** A link to a rule's documentation (hover, diagnostics' codeDescription). */
  ruleDocumentationUrl?: (code: string) => string | undefined;
}

export interface HoverData {
  range: Range;
  markdown: string;
}

/** A link from a reference to the unit it names (same document). */
export interface LinkData {
  range: Range;
  /** Where it leads: the start of the unit's label. */
  targetOffset: number;
  tooltip: string;
}

/** Why a unit cannot be renamed there, in both languages. */
export interface RenameRefusal {
  error: { vi: string; en: string };
}

export interface WorkspaceSymbolData extends FlatSymbol {
  uri: string;
  /** `range` as lines and UTF-16 characters (the document may not be open). */
  start: Position;
  end: Position;
}

/** A place in a document of the workspace. */
export interface LocationData {
  uri: string;
  range: Range;
  /** The part to highlight inside `range` (a unit's label). */
  selectionRange?: Range;
}

const MAX_WORKSPACE_SYMBOLS = 1000;

export interface LanguageService {
  /** The cached analysis of this version (created on first use). */
  analysis(doc: DocumentSnapshot): DocumentAnalysis;
  /** Drops the analysis cached for a closed document (its symbols stay indexed). */
  forget(uri: string): void;
  diagnostics(doc: DocumentSnapshot, options?: CheckOptions): DiagnosticsResult;
  /** The same diagnostics in small steps (see DocumentAnalysis.diagnosticSteps). */
  diagnosticSteps(doc: DocumentSnapshot, options?: CheckOptions): Generator<void, DiagnosticsResult, void>;
  documentSymbols(doc: DocumentSnapshot, lang: Lang): OutlineSymbol[];
  foldingRegions(doc: DocumentSnapshot): FoldingRegion[];
  /** For each offset, the ranges to grow the selection through, innermost first. */
  selectionRanges(doc: DocumentSnapshot, offsets: readonly number[]): Range[][];
  semanticTokens(doc: DocumentSnapshot): SemanticToken[];
  /** Completion at `offset`; citations come from `options.registry` (the embedded registry when none). */
  completions(doc: DocumentSnapshot, offset: number, options: CheckOptions): CompletionEntry[];
  /** Actions for `range`; `only` keeps those of the given kinds (and their sub-kinds). */
  codeActions(doc: DocumentSnapshot, range: Range, options: CheckOptions, only?: readonly string[]): CodeActionData[];
  inlayHints(doc: DocumentSnapshot, range: Range): InlayHintData[];
  /**
   * Hover text at `offset`: the unit an internal reference names, or what the
   * registry (`options.registry`, else the embedded one) knows of a cited
   * document; and the rules of the diagnostics there, once computed for these options.
   */
  hover(doc: DocumentSnapshot, offset: number, options: CheckOptions): HoverData | undefined;
  /** The units the internal reference at `offset` names, and the written piece the cursor is on. */
  definition(doc: DocumentSnapshot, offset: number): { origin?: Range; locations: LocationData[] };
  /** Every place naming the unit at `offset` (on its label or on a reference to it), its label first when asked. */
  references(doc: DocumentSnapshot, offset: number, includeDeclaration: boolean): LocationData[];
  /** The number a rename at `offset` would change, or why there is none. */
  prepareRename(doc: DocumentSnapshot, offset: number): { range: Range; placeholder: string } | RenameRefusal;
  /** The edits giving the unit at `offset` the number `newName`, its references following. */
  rename(doc: DocumentSnapshot, offset: number, newName: string): { edits: TextEdit[] } | RenameRefusal;
  documentHighlights(doc: DocumentSnapshot, offset: number): { range: Range; kind: 'text' | 'read' | 'write' }[];
  /** Links from internal references to the units they name (same document). */
  documentLinks(doc: DocumentSnapshot, lang: Lang): LinkData[];
  /**
   * A citation under `offset` of a document whose number is in the workspace
   * index: where it goes (the cited document, or the unit its pinpoint names)
   * is found by `locateCited` once the caller has that document's text.
   */
  citedDocuments(doc: DocumentSnapshot, offset: number): { uris: string[]; origin: Range; pinpoint?: RefPart[] } | undefined;
  /** The place in a cited document (snapshot) a pinpoint names: the unit, or the document's start. */
  locateCited(doc: DocumentSnapshot, pinpoint: readonly RefPart[] | undefined): LocationData;
  /** Adds (or refreshes) a document's symbols and number in the workspace index; the text is not kept. */
  indexDocument(doc: DocumentSnapshot, lang: Lang): void;
  /** Removes a document from the workspace index (file deleted). */
  unindex(uri: string): void;
  /** The registry entries the indexed documents make (each one's header). */
  workspaceLayers(): Layer[];
  /**
   * Symbols of the indexed documents and of `open` (indexed first at their
   * current version) whose name matches `query` (every word begins a word of
   * the name; case and diacritics ignored); best matches first (symbolMatcher).
   */
  workspaceSymbols(query: string, lang: Lang, open?: readonly DocumentSnapshot[]): WorkspaceSymbolData[];
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const cache = new AnalysisCache();
  // Workspace files are not kept parsed: only their symbol lists, per version.
  const symbolIndex = new Map<string, { version: number; lang: Lang; symbols: Omit<WorkspaceSymbolData, 'uri'>[]; key?: string; layer?: Layer }>();
  const analysis = (doc: DocumentSnapshot) => cache.get(doc);
  const langOf = (o: CheckOptions): Lang => o.lang ?? 'vi';

  const service: LanguageService = {
    analysis,
    forget(uri) {
      cache.forget(uri);
    },
    diagnostics: (doc, o = {}) => analysis(doc).diagnostics(o),
    diagnosticSteps: (doc, o = {}) => analysis(doc).diagnosticSteps(o),

    documentSymbols(doc, lang) {
      const a = analysis(doc);
      return documentSymbols(a.parse.tree, a.text, lang);
    },
    foldingRegions(doc) {
      const a = analysis(doc);
      return foldingRegions(a.parse.tree, a.text);
    },
    selectionRanges(doc, offsets) {
      const a = analysis(doc);
      const phrases = a.references.map((r) => r.reference.range);
      return offsets.map((o) => selectionChain(a.parse.tree, a.text, o, phrases));
    },
    semanticTokens(doc) {
      const a = analysis(doc);
      return semanticTokens(a.parse.tree, a.references, findCitations(a.parse).map((c) => c.range));
    },
    completions(doc, offset, o) {
      const a = analysis(doc);
      return completions(a.parse.tree, a.text, offset, langOf(o), o.registry ?? embeddedRegistry());
    },
    codeActions(doc, range, o, only) {
      const a = analysis(doc);
      const lang = langOf(o);
      const { diagnostics } = a.diagnostics(o);
      const wanted = (kind: CodeActionKind) => !only || only.length === 0 || only.some((k) => kind === k || kind.startsWith(k + '.'));
      let out: CodeActionData[] = [];
      if (wanted('quickfix')) out = quickFixes(a.text, diagnostics, range, lang);
      if (wanted('refactor.rewrite.vanban.renumber')) {
        // "Đánh số lại": the scope of the innermost numbered unit at the start of the range.
        const re = renumberScopeAt(a.parse, range.start);
        if (re && re.edits.length > 0) out.push({ title: re.title[lang], kind: 'refactor.rewrite.vanban.renumber', edits: re.edits });
      }
      if (wanted('source.fixAll.vanban')) {
        const all = fixAllAction(a.text, diagnostics, o, lang);
        if (all) out.push(all);
      }
      return out;
    },
    inlayHints(doc, range) {
      const a = analysis(doc);
      return inlayHints(a.references, (id) => a.node(id), range);
    },
    hover(doc, offset, o) {
      const a = analysis(doc);
      const lang = langOf(o);
      const parts: HoverData[] = [];
      const ref = referenceHover(a.parse, offset, lang);
      if (ref) parts.push(ref);
      const cited = ref ? undefined : hoverCitation(a.parse, offset, { registry: o.registry ?? embeddedRegistry(), lang, lines: a.lines });
      if (cited) parts.push({ range: cited.range, markdown: cited.markdown });
      // Only diagnostics already computed (the server computes them after every change): a hover must stay instant.
      const known = a.cachedDiagnostics(o)?.diagnostics ?? [];
      const here = known.filter((d: Diagnostic) => d.range.start <= offset && offset <= d.range.end);
      const help = ruleHelp(here, lang, options.ruleDocumentationUrl);
      if (help) parts.push({ range: here.reduce((r, d) => ({ start: Math.min(r.start, d.range.start), end: Math.max(r.end, d.range.end) }), here[0].range), markdown: help });
      if (parts.length === 0) return undefined;
      // The narrowest range holding the cursor: the reference's piece when there is one.
      return { range: parts[0].range, markdown: parts.map((p) => p.markdown).join('\n\n---\n\n') };
    },
    definition(doc, offset) {
      const a = analysis(doc);
      const locations = unitDefinition(a.parse, offset).map((u) => located(doc.uri, u));
      const f = locations.length > 0 ? focusAt(a.parse, offset) : undefined;
      return f ? { origin: f.range, locations } : { locations };
    },
    references(doc, offset, includeDeclaration) {
      const a = analysis(doc);
      return unitReferences(a.parse, offset, { includeDeclaration }).map((r) => ({ uri: doc.uri, range: r.range }));
    },
    documentHighlights(doc, offset) {
      const a = analysis(doc);
      return unitReferences(a.parse, offset, { includeDeclaration: true }).map((r) => ({ range: r.range, kind: r.kind === 'declaration' ? ('write' as const) : ('read' as const) }));
    },
    prepareRename(doc, offset) {
      const r = prepareRename(analysis(doc).parse, offset);
      return 'error' in r ? r : { range: r.range, placeholder: r.placeholder };
    },
    rename(doc, offset, newName) {
      const r = renameUnit(analysis(doc).parse, offset, newName);
      return 'error' in r ? r : { edits: r.edits };
    },
    documentLinks(doc, lang) {
      return referenceLinks(analysis(doc).parse, lang).map((l) => ({ range: l.range, targetOffset: l.target.labelRange.start, tooltip: l.tooltip }));
    },
    citedDocuments(doc, offset) {
      const a = analysis(doc);
      const target = citationAt(a.parse, a.references, offset);
      if (!target) return undefined;
      const uris = [...symbolIndex].filter(([uri, e]) => e.key === target.key && uri !== doc.uri).map(([uri]) => uri);
      if (uris.length === 0) return undefined;
      const out: { uris: string[]; origin: Range; pinpoint?: RefPart[] } = { uris, origin: target.origin };
      if (target.pinpoint) out.pinpoint = target.pinpoint;
      return out;
    },
    locateCited(doc, pinpoint) {
      const a = cache.peek(doc.uri)?.version === doc.version ? analysis(doc) : new DocumentAnalysis(doc.uri, doc.version, doc.text);
      const unit = unitForPinpoint(a.parse.tree, pinpoint);
      if (unit.kind === 'document') return { uri: doc.uri, range: { start: 0, end: 0 }, selectionRange: { start: 0, end: 0 } };
      return located(doc.uri, unitLocation(unit));
    },
    indexDocument(doc, lang) {
      const have = symbolIndex.get(doc.uri);
      if (have && have.version === doc.version && have.lang === lang) return;
      // Open documents reuse their analysis; other files are parsed once per version and let go.
      const cached = cache.peek(doc.uri);
      const a = cached && cached.version === doc.version && cached.text === doc.text ? cached : new DocumentAnalysis(doc.uri, doc.version, doc.text);
      const outline = documentSymbols(a.parse.tree, a.text, lang);
      const name = outline.find((s) => s.kind === 'header')?.name;
      const lines = a.lines;
      const symbols = flatSymbols(outline, name).map((s) => ({ ...s, start: lines.positionAt(s.range.start), end: lines.positionAt(s.range.end) }));
      const key = ownKey(a.parse);
      // A document with a number is a registry entry of the workspace (issue 5: embedded < files < workspace).
      const layer = key ? workspaceLayer([{ name: doc.uri, parse: a.parse }]) : undefined;
      symbolIndex.set(doc.uri, { version: doc.version, lang, symbols, key, layer });
    },
    unindex(uri) {
      symbolIndex.delete(uri);
    },
    workspaceLayers() {
      return [...symbolIndex.values()].flatMap((e) => (e.layer ? [e.layer] : []));
    },
    workspaceSymbols(query, lang, open = []) {
      for (const doc of open) service.indexDocument(doc, lang);
      const match = symbolMatcher(query);
      // Best matches first (see symbolMatcher), each group in index order.
      const byScore: WorkspaceSymbolData[][] = [[], [], []];
      for (const [uri, entry] of symbolIndex) {
        for (const s of entry.symbols) {
          const score = match(s.name);
          if (score >= 0) byScore[score].push({ ...s, uri });
        }
        if (byScore[0].length >= MAX_WORKSPACE_SYMBOLS) break;
      }
      return byScore.flat().slice(0, MAX_WORKSPACE_SYMBOLS);
    },
  };
  return service;
}

/** A unit as a location of a document: the whole unit, its label selected. */
function located(uri: string, u: UnitLocation): LocationData {
  return { uri, range: u.range, selectionRange: u.labelRange };
}
