/**
 * The one place where core data (offsets into the document's text) becomes
 * LSP data (lines and UTF-16 characters, LSP kinds and shapes). The way back,
 * an LSP position to an offset, is context.ts's `offsetOf`, which also checks
 * it against the document. Every other server file speaks in core terms or
 * hands LSP objects through untouched.
 */
import {
  CompletionItemKind,
  DiagnosticSeverity,
  DocumentHighlightKind,
  FoldingRangeKind,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  SemanticTokensBuilder,
  type CodeAction,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentHighlight,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type LocationLink,
  type Position as LspPosition,
  type Range as LspRange,
  type SelectionRange,
  type SemanticTokens,
  type SemanticTokensLegend,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type WorkspaceSymbol,
} from 'vscode-languageserver';
import type { Diagnostic, Severity, TextEdit } from '../core/diagnostics/diagnostic.ts';
import type {
  CodeActionData,
  CompletionEntry,
  FoldingRegion,
  HoverData,
  InlayHintData,
  LocationData,
  OutlineSymbol,
  SemanticToken,
  TokenModifier,
  TokenType,
  WorkspaceSymbolData,
} from '../core/language-service.ts';
import type { NodeKind, Range } from '../core/syntax/tree.ts';
import type { LineIndex } from '../core/text/positions.ts';

/** What every conversion of one document version needs: its uri and line index. */
export interface DocContext {
  uri: string;
  version: number;
  lines: LineIndex;
}

export const SOURCE = 'vanban';

export function toRange(lines: LineIndex, r: Range): LspRange {
  return { start: lines.positionAt(r.start), end: lines.positionAt(r.end) };
}



// ---------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(ctx: DocContext, d: Diagnostic, docUrl?: (code: string) => string | undefined): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toRange(ctx.lines, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: SOURCE,
    message: d.message,
  };
  const href = docUrl?.(d.code);
  if (href) out.codeDescription = { href };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: ctx.uri, range: toRange(ctx.lines, r.range) }, message: r.message }));
  }
  if (d.fix) out.data = { fixable: true };
  return out;
}

/** A diagnostic that belongs to the file as a whole (config/invalid, io/too-large): at its start. */
export function fileDiagnostic(d: Pick<Diagnostic, 'code' | 'severity' | 'message'>, href?: string): LspDiagnostic {
  const zero = { line: 0, character: 0 };
  const out: LspDiagnostic = { range: { start: zero, end: zero }, severity: SEVERITY[d.severity], code: d.code, source: SOURCE, message: d.message };
  if (href) out.codeDescription = { href };
  return out;
}

// ---------------------------------------------------------------------------
// Edits
// ---------------------------------------------------------------------------

export function toTextEdit(lines: LineIndex, e: TextEdit): LspTextEdit {
  return { range: toRange(lines, e.range), newText: e.newText };
}

/** A workspace edit of one document; versioned when the client can check versions. */
export function toWorkspaceEdit(ctx: DocContext, edits: readonly TextEdit[], versioned: boolean): WorkspaceEdit {
  const lsp = edits.map((e) => toTextEdit(ctx.lines, e));
  if (versioned) return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits: lsp }] };
  return { changes: { [ctx.uri]: lsp } };
}

export const FIX_ALL_KIND: CodeActionData['kind'] = 'source.fixAll.vanban';
export const RENUMBER_KIND: CodeActionData['kind'] = 'refactor.rewrite.vanban.renumber';

export function toCodeAction(ctx: DocContext, a: CodeActionData, versioned: boolean, docUrl?: (code: string) => string | undefined): CodeAction {
  const action: CodeAction = { title: a.title, kind: a.kind, edit: toWorkspaceEdit(ctx, a.edits, versioned) };
  if (a.diagnostics && a.kind === 'quickfix') action.diagnostics = a.diagnostics.map((d) => toDiagnostic(ctx, d, docUrl));
  if (a.isPreferred) action.isPreferred = true;
  return action;
}

// ---------------------------------------------------------------------------
// Symbols, folding, selection
// ---------------------------------------------------------------------------

const SYMBOL_KIND: Partial<Record<NodeKind, SymbolKind>> = {
  header: SymbolKind.Namespace,
  preamble: SymbolKind.Namespace,
  'can-cu': SymbolKind.Key,
  phan: SymbolKind.Module,
  chuong: SymbolKind.Module,
  muc: SymbolKind.Package,
  'tieu-muc': SymbolKind.Package,
  section: SymbolKind.Package,
  dieu: SymbolKind.Struct,
  khoan: SymbolKind.Field,
  diem: SymbolKind.EnumMember,
  attachment: SymbolKind.File,
  'phu-luc': SymbolKind.File,
  table: SymbolKind.Array,
  'noi-nhan': SymbolKind.Namespace,
  'chu-ky': SymbolKind.Namespace,
  quote: SymbolKind.String,
};

export function symbolKind(kind: NodeKind): SymbolKind {
  return SYMBOL_KIND[kind] ?? SymbolKind.Object;
}

export function toDocumentSymbol(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name,
    kind: symbolKind(s.kind),
    range: toRange(lines, s.range),
    selectionRange: toRange(lines, s.selectionRange),
    children: s.children.map((c) => toDocumentSymbol(lines, c)),
  };
  if (s.detail) out.detail = s.detail;
  return out;
}

/** Old clients without hierarchical symbols: a flat list naming each symbol's container. */
export function toSymbolInformation(uri: string, symbols: readonly DocumentSymbol[]): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const visit = (list: readonly DocumentSymbol[], container?: string) => {
    for (const s of list) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
      if (container) info.containerName = container;
      out.push(info);
      visit(s.children ?? [], s.name);
    }
  };
  visit(symbols);
  return out;
}

export function toWorkspaceSymbol(s: WorkspaceSymbolData): WorkspaceSymbol {
  const out: WorkspaceSymbol = { name: s.name, kind: symbolKind(s.kind), location: { uri: s.uri, range: { start: s.start, end: s.end } } };
  if (s.container) out.containerName = s.container;
  return out;
}

/** Line-based folding; a region that starts and ends on one line folds nothing and is dropped. */
export function toFoldingRanges(lines: LineIndex, regions: readonly FoldingRegion[]): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  for (const r of regions) {
    const startLine = lines.positionAt(r.range.start).line;
    const endLine = lines.positionAt(r.range.end).line;
    const key = `${startLine}:${endLine}`;
    if (endLine <= startLine || seen.has(key)) continue;
    seen.add(key);
    const f: FoldingRange = { startLine, endLine };
    if (r.kind === 'comment') f.kind = FoldingRangeKind.Comment;
    else if (r.kind === 'region') f.kind = FoldingRangeKind.Region;
    out.push(f);
  }
  return out;
}

/** Innermost first in, a linked SelectionRange out. */
export function toSelectionRange(lines: LineIndex, chain: readonly Range[], at: LspPosition): SelectionRange {
  let parent: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) parent = { range: toRange(lines, chain[i]), parent };
  return parent ?? { range: { start: at, end: at } };
}

// ---------------------------------------------------------------------------
// Semantic tokens
// ---------------------------------------------------------------------------

/** Standard token types, so every theme colours them without configuration. */
const TOKEN_TYPE_NAMES: Record<TokenType, string> = { label: 'keyword', heading: 'class', citation: 'string', reference: 'variable' };
const TOKEN_MODIFIER_NAMES: Record<TokenModifier, string> = { broken: 'deprecated', external: 'defaultLibrary' };
const TYPE_ORDER: readonly TokenType[] = ['label', 'heading', 'citation', 'reference'];
const MODIFIER_ORDER: readonly TokenModifier[] = ['broken', 'external'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: TYPE_ORDER.map((t) => TOKEN_TYPE_NAMES[t]),
  tokenModifiers: MODIFIER_ORDER.map((m) => TOKEN_MODIFIER_NAMES[m]),
};

/** Relative encoding; a token over several lines becomes one token per line (no multiline tokens). */
export function toSemanticTokens(text: string, lines: LineIndex, tokens: readonly SemanticToken[], range?: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const t of tokens) {
    if (range && (t.end <= range.start || t.start >= range.end)) continue;
    const type = TYPE_ORDER.indexOf(t.type);
    let mods = 0;
    for (const m of t.modifiers) mods |= 1 << MODIFIER_ORDER.indexOf(m);
    let from = t.start;
    while (from < t.end) {
      const nl = text.indexOf('\n', from);
      let to = nl < 0 || nl >= t.end ? t.end : nl;
      if (to > from && text.charCodeAt(to - 1) === 0x0d) to--;
      if (to > from) {
        const p = lines.positionAt(from);
        builder.push(p.line, p.character, to - from, type, mods);
      }
      if (nl < 0 || nl >= t.end) break;
      from = nl + 1;
    }
  }
  return builder.build();
}

// ---------------------------------------------------------------------------
// Completion, hover, hints, navigation
// ---------------------------------------------------------------------------

export function toCompletionItem(lines: LineIndex, e: CompletionEntry): CompletionItem {
  const item: CompletionItem = {
    label: e.label,
    kind: e.kind === 'label' ? CompletionItemKind.Keyword : e.kind === 'citation' ? CompletionItemKind.Reference : CompletionItemKind.Reference,
    textEdit: { range: toRange(lines, e.replace), newText: e.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: e.sortText,
  };
  if (e.filterText) item.filterText = e.filterText;
  if (e.detail) item.detail = e.detail;
  if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  return item;
}

export function toHover(lines: LineIndex, h: HoverData): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(lines, h.range) };
}

export function toInlayHint(lines: LineIndex, h: InlayHintData): InlayHint {
  return { position: lines.positionAt(h.offset), label: h.label, kind: InlayHintKind.Type, paddingLeft: true };
}

export function toLocationLink(linesOf: (uri: string) => LineIndex | undefined, origin: LspRange | undefined, l: LocationData): LocationLink | undefined {
  const lines = linesOf(l.uri);
  if (!lines) return undefined;
  const targetRange = toRange(lines, l.range);
  const link: LocationLink = { targetUri: l.uri, targetRange, targetSelectionRange: l.selectionRange ? toRange(lines, l.selectionRange) : targetRange };
  if (origin) link.originSelectionRange = origin;
  return link;
}

export function toHighlight(lines: LineIndex, h: { range: Range; kind: 'text' | 'read' | 'write' }): DocumentHighlight {
  const kind = h.kind === 'write' ? DocumentHighlightKind.Write : h.kind === 'read' ? DocumentHighlightKind.Read : DocumentHighlightKind.Text;
  return { range: toRange(lines, h.range), kind };
}

/** A link to a place in the same document: the `#L<line>,<character>` fragment editors understand (1-based). */
export function toDocumentLink(ctx: DocContext, link: { range: Range; targetOffset: number }, tooltip?: string): DocumentLink {
  const p = ctx.lines.positionAt(link.targetOffset);
  const out: DocumentLink = { range: toRange(ctx.lines, link.range), target: `${ctx.uri.split('#')[0]}#L${p.line + 1},${p.character + 1}` };
  if (tooltip) out.tooltip = tooltip;
  return out;
}
