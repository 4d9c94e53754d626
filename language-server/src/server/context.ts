/**
 * The state every part of the server shares, and the checks every request on
 * a document starts with: the document is open, not too large to analyse,
 * and the position is inside it.
 */
import { LSPErrorCodes, ResponseError, type Connection, type Position as LspPosition } from 'vscode-languageserver';
import type { DocumentAnalysis, DocumentSnapshot, LanguageService } from '../core/language-service.ts';
import type { SettingsResolver } from './configuration.ts';
import type { DocContext } from './convert.ts';
import type { DocumentStore } from './documents.ts';
import { invalidParams, type Logger } from './guard.ts';
import type { ServerHost } from './host.ts';
import type { WorkspaceIndex } from './workspace.ts';
import type { RegistryResolver } from './registry.ts';

/** Larger documents are kept in sync but not analysed (a clear note instead of a frozen server). */
export const MAX_ANALYSED_CHARS = 10_000_000;

export interface ClientFeatures {
  /** Pull diagnostics (textDocument/diagnostic) instead of publishing them. */
  pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh may be sent. */
  diagnosticRefresh: boolean;
  /** workspace/configuration may be asked. */
  configuration: boolean;
  /** Workspace edits may use versioned documentChanges. */
  documentChanges: boolean;
  /** Hierarchical document symbols. */
  hierarchicalSymbols: boolean;
  /** LocationLink answers to definition. */
  definitionLinks: boolean;
  /** Watchers of `.vanbanrc.json` and documents may be registered dynamically. */
  watchFiles: boolean;
  semanticTokensRefresh: boolean;
  inlayHintRefresh: boolean;
  /** The client sends didChangeConfiguration registrations (dynamic). */
  configurationRegistration: boolean;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly host: ServerHost;
  readonly service: LanguageService;
  readonly store: DocumentStore;
  readonly log: Logger;
  readonly settings: SettingsResolver;
  client: ClientFeatures;
  workspaceFolders: string[];
  readonly workspace: WorkspaceIndex;
  readonly registries: RegistryResolver;
}

export interface OpenDocument {
  snapshot: DocumentSnapshot;
  analysis: DocumentAnalysis;
  /** uri + version + line index, for convert.ts. */
  ctx: DocContext;
}

/** The open document at its current version, or the LSP error saying why not. */
export function requireDocument(c: ServerContext, uri: string): OpenDocument {
  const snapshot = c.store.snapshot(uri);
  if (!snapshot) throw unknownDocument(uri);
  if (snapshot.text.length > MAX_ANALYSED_CHARS) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, `Document too large to analyse (${snapshot.text.length} characters > ${MAX_ANALYSED_CHARS}): ${uri}`);
  }
  const analysis = c.service.analysis(snapshot);
  return { snapshot, analysis, ctx: { uri, version: snapshot.version, lines: analysis.lines } };
}

export function unknownDocument(uri: string): ResponseError<void> {
  return invalidParams(`Unknown document (not opened with textDocument/didOpen): ${uri}`);
}

/**
 * The offset of an LSP position, or InvalidParams when the line is not in the
 * document. A character past the end of its line means the end of the line
 * (as the protocol says).
 */
export function offsetOf(doc: OpenDocument, p: LspPosition): number {
  const lineCount = doc.analysis.lines.lineStarts.length;
  if (p.line >= lineCount) throw invalidParams(`Position ${p.line}:${p.character} is outside the document (${lineCount} lines)`);
  return doc.analysis.lines.offsetAt(p);
}

/** Throws ContentModified when the document moved on since `version`. */
export function checkCurrent(c: ServerContext, uri: string, version: number): void {
  if (c.store.version(uri) !== version) throw contentModified(uri);
}

export function contentModified(uri: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, `The document changed while the request ran: ${uri}`);
}

/** Offsets of an LSP range; its end may lie past the last line (clients send "to the end"). */
export function offsetRangeOf(doc: OpenDocument, r: { start: LspPosition; end: LspPosition }): { start: number; end: number } {
  const { start, end } = r;
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) {
    throw invalidParams(`Range ${start.line}:${start.character}–${end.line}:${end.character} ends before it starts`);
  }
  const s = offsetOf(doc, start);
  const e = end.line >= doc.analysis.lines.lineStarts.length ? doc.analysis.text.length : doc.analysis.lines.offsetAt(end);
  return { start: s, end: Math.max(s, e) };
}
