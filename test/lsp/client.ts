/**
 * A small LSP client for the round-trip tests: spawns the real server
 * (dist/server.js, or `vanban lsp`) over stdio and speaks to it with
 * vscode-languageserver-protocol, as an editor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

/** What a modern editor says it can do (VS Code-like, push diagnostics unless asked). */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    semanticTokens: { refreshSupport: true },
    symbol: {},
  },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: false } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'refactor'] } } },
    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
    inlayHint: {},
    foldingRange: {},
    selectionRange: {},
  },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Answers workspace/configuration: the `vanban` section for a scope uri. */
  settings?: (scopeUri: string | undefined) => unknown;
  locale?: string;
  /** The workspace folder (none by default). */
  rootUri?: string | null;
  /** Run `node bin/vanban.js lsp --stdio` instead of dist/server.js. */
  viaCli?: boolean;
}

/** The process (or worker) the server runs in. */
export interface ServerProcess {
  alive(): boolean;
  /** Waits for it to end after `exit`, then forces it. */
  ended(ms: number): Promise<void>;
  kill(): void;
  /** Writes raw bytes to the server (stdio only). */
  writeRaw?(bytes: string | Buffer): void;
  /** The process id (stdio only). */
  pid?: number;
}

export function childProcess(proc: ChildProcess): ServerProcess {
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    alive: () => proc.exitCode === null && proc.signalCode === null,
    ended: (ms) => Promise.race([exited, new Promise<void>((r) => setTimeout(r, ms))]),
    kill: () => void proc.kill(),
    writeRaw: (b) => void proc.stdin!.write(b),
    pid: proc.pid,
  };
}

export class LspClient {
  readonly logs: { type: number; message: string }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  readonly registrations: unknown[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';
  initializeResult!: InitializeResult;
  settings: (scopeUri: string | undefined) => unknown;

  constructor(
    readonly proc: ServerProcess,
    readonly connection: ProtocolConnection,
    settings: (scopeUri: string | undefined) => unknown,
  ) {
    this.settings = settings;
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'vanban' ? this.settings(i.scopeUri) : null)));
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
  }

  /** The next publishDiagnostics for `uri` (at `version` when given), or one already received. */
  diagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const have = [...this.published].reverse().find(test);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; logs: ${JSON.stringify(this.logs)} stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version = 1, languageId = 'vanban'): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** True while the server process runs. */
  get alive(): boolean {
    return this.proc.alive();
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone
    }
    await this.proc.ended(3000);
    if (this.alive) this.proc.kill();
    this.connection.dispose();
  }
}

export async function startClient(options: StartOptions = {}): Promise<LspClient> {
  const args = options.viaCli ? [path.join(ROOT, 'bin/vanban.js'), 'lsp', '--stdio'] : [SERVER, '--stdio'];
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new LspClient(childProcess(proc), connection, options.settings ?? (() => ({})));
  proc.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
  return initialize(client, options);
}

/** Runs the LSP handshake on a connected client. */
export async function initialize(client: LspClient, options: StartOptions = {}): Promise<LspClient> {
  const connection = client.connection;
  connection.listen();
  client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    // No workspace folder unless a test asks for one (a folder is scanned for documents and registry entries).
    rootUri: options.rootUri ?? null,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions,
    locale: options.locale,
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return client;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
