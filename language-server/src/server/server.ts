/**
 * startServer(connection, host): the vanban language server, the same for the
 * Node entry (stdio, node-ipc, socket) and the Web Worker entry. The host
 * says what the place it runs in can do (read files, find .vanbanrc.json).
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { z } from 'zod';
import { createLanguageService } from '../core/language-service.ts';
import { SettingsResolver } from './configuration.ts';
import { unknownDocument, type ClientFeatures, type ServerContext } from './context.ts';
import { FIX_ALL_KIND, RENUMBER_KIND, SEMANTIC_TOKENS_LEGEND } from './convert.ts';
import { DiagnosticsRunner } from './diagnostics.ts';
import { DocumentStore } from './documents.ts';
import { registerFeatures } from './features.ts';
import { guardNotification, guardRequest, positionSchema, textDocumentSchema, uriSchema, type Logger } from './guard.ts';
import type { ServerHost } from './host.ts';
import { langOfLocale } from './settings.ts';
import { DOCUMENT_GLOB, WorkspaceIndex } from './workspace.ts';
import { RegistryResolver } from './registry.ts';

declare const VANBAN_VERSION: string | undefined;
const VERSION = typeof VANBAN_VERSION === 'string' ? VANBAN_VERSION : '0.0.0-dev';

export const CONFIG_FILE_GLOB = '**/.vanbanrc.json';

/** The workspace scan starts this long after initialization, so the first diagnostics do not wait for it. */
const WORKSPACE_SCAN_DELAY_MS = 1000;

/** Text documents up to this size are accepted in didOpen/didChange (bigger ones are kept but not analysed). */
const MAX_TEXT = 256 * 1024 * 1024;

const rangeChange = z.object({
  range: z.object({ start: positionSchema, end: positionSchema }),
  rangeLength: z.number().int().min(0).optional(),
  text: z.string().max(MAX_TEXT),
});
const fullChange = z.object({ text: z.string().max(MAX_TEXT) });

export function startServer(connection: Connection, host: ServerHost): void {
  const log: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  const store = new DocumentStore();
  const service = createLanguageService({ ruleDocumentationUrl: (code) => host.ruleDocumentationUrl(code) });
  let runner: DiagnosticsRunner | undefined;
  // Filled in by initialize; nothing else runs before it.
  const c = {
    connection,
    host,
    service,
    store,
    log,
    workspaceFolders: [] as string[],
  } as ServerContext & { settings: SettingsResolver; client: ClientFeatures; workspace: WorkspaceIndex; registries: RegistryResolver };
  c.workspace = new WorkspaceIndex(c, () => {
    // The workspace documents are registry entries: the citation checks may say otherwise now.
    c.settings.invalidate();
    afterSettingsChange();
  });
  c.registries = new RegistryResolver(c);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities ?? {};
    const td = caps.textDocument ?? {};
    const init = (params.initializationOptions ?? {}) as { diagnosticMode?: 'push' | 'pull'; settings?: unknown };
    const pullSupported = !!td.diagnostic;
    c.client = {
      pullDiagnostics: init.diagnosticMode === 'push' ? false : init.diagnosticMode === 'pull' ? true : pullSupported,
      diagnosticRefresh: !!caps.workspace?.diagnostics?.refreshSupport,
      configuration: !!caps.workspace?.configuration,
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      hierarchicalSymbols: !!td.documentSymbol?.hierarchicalDocumentSymbolSupport,
      definitionLinks: !!td.definition?.linkSupport,
      watchFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      semanticTokensRefresh: !!caps.workspace?.semanticTokens?.refreshSupport,
      inlayHintRefresh: !!caps.workspace?.inlayHint?.refreshSupport,
      configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
    };
    c.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (c.workspaceFolders.length === 0 && params.rootUri) c.workspaceFolders = [params.rootUri];
    const localeLang = langOfLocale(params.locale);
    c.settings = new SettingsResolver(connection, host, log, c.client.configuration, localeLang, (project) => runner?.publishProjectConfig(project), c.registries, () => c.workspaceFolders);
    if (init.settings !== undefined) c.settings.setPushed(init.settings);
    runner = new DiagnosticsRunner(c);
    registerFeatures(c, runner);
    registerDiagnostics(c, runner);

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(c.client.pullDiagnostics ? { diagnosticProvider: { identifier: 'vanban', interFileDependencies: false, workspaceDiagnostics: true } } : {}),
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'vanban' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND, RENUMBER_KIND] },
        renameProvider: { prepareProvider: true },
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        inlayHintProvider: true,
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'vanban', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (c.client.watchFiles) {
      const watchers = [{ globPattern: CONFIG_FILE_GLOB }, { globPattern: DOCUMENT_GLOB }];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e: unknown) => log.warn(`cannot watch files: ${String(e)}`));
    }
    if (c.client.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vanban' }).catch(() => undefined);
    }
    // The workspace's documents join the registry and the symbol index; scanned once the first checks are out.
    if (c.workspaceFolders.length > 0) setTimeout(() => void c.workspace.ready(), WORKSPACE_SCAN_DELAY_MS);
  });

  // --- Document sync -------------------------------------------------------

  connection.onDidOpenTextDocument(
    guardNotification(log, 'textDocument/didOpen', z.object({ textDocument: z.object({ uri: uriSchema, languageId: z.string().max(200), version: z.number().int(), text: z.string().max(MAX_TEXT) }) }), (p) => {
      const { uri, languageId, version, text } = p.textDocument;
      store.open(uri, languageId, version, text);
      runner?.schedule(uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    guardNotification(
      log,
      'textDocument/didChange',
      z.object({ textDocument: z.object({ uri: uriSchema, version: z.number().int() }), contentChanges: z.array(z.union([rangeChange, fullChange])).max(100_000) }),
      (p) => {
        const { uri, version } = p.textDocument;
        const outcome = store.change(uri, version, p.contentChanges);
        if (!outcome.ok) {
          log.warn(outcome.reason);
          return;
        }
        runner?.schedule(uri);
      },
    ),
  );

  connection.onDidCloseTextDocument(
    guardNotification(log, 'textDocument/didClose', z.object({ textDocument: textDocumentSchema }), (p) => {
      const uri = p.textDocument.uri;
      if (!store.close(uri)) {
        log.warn(`didClose for a document that is not open: ${uri}`);
        return;
      }
      service.forget(uri);
      c.settings.forget(uri);
      runner?.close(uri);
      return c.workspace.documentClosed(uri);
    }),
  );

  // --- Settings ------------------------------------------------------------

  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', z.object({ settings: z.unknown() }).loose(), (p) => {
      if (p.settings !== undefined && p.settings !== null) c.settings.setPushed(p.settings);
      settingsChanged();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guardNotification(log, 'workspace/didChangeWatchedFiles', z.object({ changes: z.array(z.object({ uri: uriSchema, type: z.number().int() })).max(100_000) }), (p) => {
      let config = false;
      for (const ch of p.changes) {
        if (ch.uri.endsWith('/.vanbanrc.json')) {
          config = true;
          c.settings.invalidateProject(ch.uri);
          if (ch.type === FileChangeType.Deleted) void connection.sendDiagnostics({ uri: ch.uri, diagnostics: [] }).catch(() => undefined);
        } else {
          void c.workspace.fileChanged(ch.uri, ch.type);
        }
      }
      if (config) afterSettingsChange();
    }),
  );

  function settingsChanged(): void {
    c.settings.invalidate();
    c.registries.clearFiles();
    afterSettingsChange();
  }

  /** Re-validate the open documents; ask pull clients to pull again and refresh what depends on settings. */
  function afterSettingsChange(): void {
    runner?.scheduleAll();
    if (c.client.pullDiagnostics && c.client.diagnosticRefresh) void connection.languages.diagnostics.refresh().catch(() => undefined);
    if (c.client.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (c.client.semanticTokensRefresh) void connection.languages.semanticTokens.refresh().catch(() => undefined);
  }

  connection.listen();
}

function registerDiagnostics(c: ServerContext, runner: DiagnosticsRunner): void {
  const { connection, log } = c;
  connection.languages.diagnostics.on(
    guardRequest(log, 'textDocument/diagnostic', z.object({ textDocument: textDocumentSchema, previousResultId: z.string().max(200).optional(), identifier: z.string().optional() }).loose(), (p, token) => {
      if (!c.store.has(p.textDocument.uri)) throw unknownDocument(p.textDocument.uri);
      return runner.pull(p.textDocument.uri, p.previousResultId, token);
    }),
  );
  connection.languages.diagnostics.onWorkspace(
    guardRequest(
      log,
      'workspace/diagnostic',
      z.object({ previousResultIds: z.array(z.object({ uri: uriSchema, value: z.string().max(200) })).max(100_000), identifier: z.string().optional() }).loose(),
      (p, token) => runner.pullWorkspace(p.previousResultIds, token),
    ),
  );
}
