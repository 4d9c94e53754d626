/**
 * The editor features: each handler checks its params, finds the open
 * document, asks the language service, and converts the answer. The
 * service's answers are computed on one version without yielding, so they
 * can never mix two versions; the few handlers that wait (code actions need
 * the diagnostics) check the version again before answering.
 */
import { z } from 'zod';
import { ErrorCodes, ResponseError, type CancellationToken, type LocationLink } from 'vscode-languageserver';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { checkCurrent, contentModified, MAX_ANALYSED_CHARS, offsetOf, offsetRangeOf, requireDocument, type OpenDocument, type ServerContext } from './context.ts';
import { createLineIndex } from '../core/text/positions.ts';
import {
  toCodeAction,
  toCompletionItem,
  toDocumentLink,
  toDocumentSymbol,
  toFoldingRanges,
  toHighlight,
  toHover,
  toInlayHint,
  toLocationLink,
  toRange,
  toSelectionRange,
  toSemanticTokens,
  toSymbolInformation,
  toWorkspaceEdit,
  toWorkspaceSymbol,
} from './convert.ts';
import { Stale, type DiagnosticsRunner } from './diagnostics.ts';
import { checkCancelled, documentParams, guardRequest, positionParams, positionSchema, rangeParams, textDocumentSchema } from './guard.ts';

const MAX_QUERY = 1000;
const MAX_POSITIONS = 1000;

export function registerFeatures(c: ServerContext, diagnostics: DiagnosticsRunner): void {
  const { connection, log, service } = c;
  const langOf = async (uri: string): Promise<Lang> => (await c.settings.forDocument(uri)).check.lang;
  const docUrl = (code: string) => c.host.ruleDocumentationUrl(code);

  connection.onDocumentSymbol(
    guardRequest(log, 'textDocument/documentSymbol', documentParams, async (p) => {
      const lang = await langOf(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      const symbols = service.documentSymbols(doc.snapshot, lang).map((s) => toDocumentSymbol(doc.ctx.lines, s));
      return c.client.hierarchicalSymbols ? symbols : toSymbolInformation(doc.ctx.uri, symbols);
    }),
  );

  connection.onFoldingRanges(
    guardRequest(log, 'textDocument/foldingRange', documentParams, (p) => {
      const doc = requireDocument(c, p.textDocument.uri);
      return toFoldingRanges(doc.ctx.lines, service.foldingRegions(doc.snapshot));
    }),
  );

  connection.onSelectionRanges(
    guardRequest(log, 'textDocument/selectionRange', z.object({ textDocument: textDocumentSchema, positions: z.array(positionSchema).max(MAX_POSITIONS) }), (p) => {
      const doc = requireDocument(c, p.textDocument.uri);
      const offsets = p.positions.map((pos) => offsetOf(doc, pos));
      return service.selectionRanges(doc.snapshot, offsets).map((chain, i) => toSelectionRange(doc.ctx.lines, chain, p.positions[i]));
    }),
  );

  const semanticTokens = (p: { textDocument: { uri: string } }, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const doc = requireDocument(c, p.textDocument.uri);
    const r = range ? offsetRangeOf(doc, range) : undefined;
    return toSemanticTokens(doc.snapshot.text, doc.ctx.lines, service.semanticTokens(doc.snapshot), r);
  };
  connection.languages.semanticTokens.on(guardRequest(log, 'textDocument/semanticTokens/full', documentParams, (p) => semanticTokens(p)));
  connection.languages.semanticTokens.onRange(guardRequest(log, 'textDocument/semanticTokens/range', rangeParams, (p) => semanticTokens(p, p.range)));

  connection.onCompletion(
    guardRequest(log, 'textDocument/completion', positionParams.extend({ context: z.unknown().optional() }), async (p) => {
      const settings = await c.settings.forDocument(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      const offset = offsetOf(doc, p.position);
      const items = service.completions(doc.snapshot, offset, settings.check).map((e) => toCompletionItem(doc.ctx.lines, e));
      return { isIncomplete: false, items };
    }),
  );

  connection.onHover(
    guardRequest(log, 'textDocument/hover', positionParams, async (p) => {
      const settings = await c.settings.forDocument(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      const h = service.hover(doc.snapshot, offsetOf(doc, p.position), settings.check);
      return h ? toHover(doc.ctx.lines, h) : null;
    }),
  );

  connection.onDefinition(
    guardRequest(log, 'textDocument/definition', positionParams, async (p, token) => {
      const doc = requireDocument(c, p.textDocument.uri);
      const offset = offsetOf(doc, p.position);
      let links = internalDefinition(doc, offset);
      if (links.length === 0) links = await citedDefinition(doc, offset, token);
      if (c.client.definitionLinks) return links;
      return links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange }));
    }),
  );

  /** A reference to a unit of this document. */
  function internalDefinition(doc: OpenDocument, offset: number): LocationLink[] {
    const found = service.definition(doc.snapshot, offset);
    const origin = found.origin ? toRange(doc.ctx.lines, found.origin) : undefined;
    const linesOf = (uri: string) => (uri === doc.ctx.uri ? doc.ctx.lines : undefined);
    return found.locations.map((l) => toLocationLink(linesOf, origin, l)).filter((l) => l !== undefined);
  }

  /** A citation of a document of the workspace: that document, or the unit its pinpoint names. */
  async function citedDefinition(doc: OpenDocument, offset: number, token: CancellationToken): Promise<LocationLink[]> {
    await c.workspace.ready();
    checkCancelled(token);
    for (const uri of c.store.uris()) {
      const s = c.store.snapshot(uri);
      if (s && s.text.length <= MAX_ANALYSED_CHARS) service.indexDocument(s, c.settings.defaultLang);
    }
    checkCurrent(c, doc.ctx.uri, doc.snapshot.version);
    const cited = service.citedDocuments(doc.snapshot, offset);
    if (!cited) return [];
    const origin = toRange(doc.ctx.lines, cited.origin);
    const links: LocationLink[] = [];
    for (const uri of cited.uris) {
      const open = c.store.snapshot(uri);
      const text = open?.text ?? (await c.host.readDocument(uri));
      checkCancelled(token);
      if (text === undefined || text.length > MAX_ANALYSED_CHARS) continue;
      const target = open ?? { uri, version: -1, text };
      const lines = open ? service.analysis(open).lines : createLineIndex(text);
      const link = toLocationLink(() => lines, origin, service.locateCited(target, cited.pinpoint));
      if (link) links.push(link);
    }
    checkCurrent(c, doc.ctx.uri, doc.snapshot.version);
    return links;
  }

  connection.onReferences(
    guardRequest(log, 'textDocument/references', positionParams.extend({ context: z.object({ includeDeclaration: z.boolean() }) }), (p) => {
      const doc = requireDocument(c, p.textDocument.uri);
      return service.references(doc.snapshot, offsetOf(doc, p.position), p.context.includeDeclaration).map((l) => ({ uri: l.uri, range: toRange(doc.ctx.lines, l.range) }));
    }),
  );

  connection.onDocumentHighlight(
    guardRequest(log, 'textDocument/documentHighlight', positionParams, (p) => {
      const doc = requireDocument(c, p.textDocument.uri);
      return service.documentHighlights(doc.snapshot, offsetOf(doc, p.position)).map((h) => toHighlight(doc.ctx.lines, h));
    }),
  );

  connection.onDocumentLinks(
    guardRequest(log, 'textDocument/documentLink', documentParams, async (p) => {
      const lang = await langOf(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      return service.documentLinks(doc.snapshot, lang).map((l) => toDocumentLink(doc.ctx, l, l.tooltip));
    }),
  );

  connection.onPrepareRename(
    guardRequest(log, 'textDocument/prepareRename', positionParams, async (p) => {
      const lang = await langOf(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      const r = service.prepareRename(doc.snapshot, offsetOf(doc, p.position));
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error[lang]);
      return { range: toRange(doc.ctx.lines, r.range), placeholder: r.placeholder };
    }),
  );

  connection.onRenameRequest(
    guardRequest(log, 'textDocument/rename', positionParams.extend({ newName: z.string().max(100) }), async (p) => {
      const lang = await langOf(p.textDocument.uri);
      const doc = requireDocument(c, p.textDocument.uri);
      const r = service.rename(doc.snapshot, offsetOf(doc, p.position), p.newName);
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error[lang]);
      return toWorkspaceEdit(doc.ctx, r.edits, c.client.documentChanges);
    }),
  );

  connection.onCodeAction(
    guardRequest(log, 'textDocument/codeAction', rangeParams.extend({ context: z.object({ only: z.array(z.string().max(200)).max(50).optional() }).loose() }), async (p, token: CancellationToken) => {
      const uri = p.textDocument.uri;
      const settings = await c.settings.forDocument(uri);
      const doc = requireDocument(c, uri);
      const range = offsetRangeOf(doc, p.range);
      // The actions read the diagnostics: compute them in steps first (cancellable), then answer for that version.
      await diagnostics.compute(uri, token).catch((e: unknown) => {
        throw e instanceof Stale ? contentModified(uri) : e;
      });
      checkCurrent(c, uri, doc.snapshot.version);
      const actions = service.codeActions(doc.snapshot, range, settings.check, p.context.only);
      return actions.map((a) => toCodeAction(doc.ctx, a, c.client.documentChanges, docUrl));
    }),
  );

  connection.languages.inlayHint.on(
    guardRequest(log, 'textDocument/inlayHint', rangeParams, async (p) => {
      const settings = await c.settings.forDocument(p.textDocument.uri);
      if (!settings.inlayHints) return [];
      const doc = requireDocument(c, p.textDocument.uri);
      return service.inlayHints(doc.snapshot, offsetRangeOf(doc, p.range)).map((h) => toInlayHint(doc.ctx.lines, h));
    }),
  );

  connection.onWorkspaceSymbol(
    guardRequest(log, 'workspace/symbol', z.object({ query: z.string().max(MAX_QUERY) }), async (p, token) => {
      await c.workspace.ready();
      checkCancelled(token);
      const open = c.store.uris().flatMap((uri) => {
        const s = c.store.snapshot(uri);
        return s && s.text.length <= MAX_ANALYSED_CHARS ? [s] : [];
      });
      return service.workspaceSymbols(p.query, c.settings.defaultLang, open).map(toWorkspaceSymbol);
    }),
  );
}
