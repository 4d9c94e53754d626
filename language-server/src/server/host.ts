/**
 * What the server needs from where it runs. The Node entry reads the disk;
 * the Web Worker entry has no disk (settings come from the page, the
 * documents are the open ones).
 */
export interface WorkspaceFile {
  uri: string;
  /** Changes when the file changes (its modification time). */
  version: number;
}

export interface ServerHost {
  /** A UTF-8 file's text (config, registry files), or undefined when it cannot be read (or is not a file this host can read). */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * A file's bytes (registry files: the core reads their entries from them), a leading UTF-8 BOM left out as
   * readFile leaves it out; undefined when it cannot be read. A host without it has its registry files read as text.
   */
  readBytes?(uri: string): Promise<Uint8Array | undefined>;
  /**
   * A document's text decoded as the CLI decodes it (io/encoding: UTF-8, UTF-16/32, Windows-1258),
   * or undefined when it cannot be read or is not text we can check (TCVN3/VNI, binary, too large).
   */
  readDocument(uri: string): Promise<string | undefined>;
  /** The uri of the nearest `.vanbanrc.json` above a document, or undefined. */
  findConfigFile(documentUri: string): Promise<string | undefined>;
  /** The documents (.txt, .vanban, .md) under the workspace folders, at most `limit`. */
  listWorkspaceFiles(folderUris: readonly string[], limit: number): Promise<WorkspaceFile[]>;
  /** A file path from the settings (absolute, relative to a folder, or a file: URI) as a uri. */
  resolvePath(path: string, folderUri: string | undefined): string | undefined;
  /** The documentation of a rule, when this host can link to it. */
  ruleDocumentationUrl(code: string): string | undefined;
  /** Resolves after the messages already received were handled (lets a cancel or a change in). */
  yieldToEventLoop(): Promise<void>;
  /** A full garbage collection, now (Node); a host that cannot ask for one leaves it out (diagnostics.ts says when). */
  collectGarbage?(): void;
  /**
   * When the client's input last arrived (performance.now()): idle-time work (diagnostics.ts, the rehearsal of
   * typing) waits while messages keep coming. A host that cannot tell leaves it out; that work then only yields
   * between its steps.
   */
  lastInputAt?(): number;
}

/** A host without a file system (Web Worker, tests): only open documents exist. */
export function memoryHost(options: { ruleDocumentationUrl?: (code: string) => string | undefined } = {}): ServerHost {
  return {
    readFile: async () => undefined,
    readDocument: async () => undefined,
    findConfigFile: async () => undefined,
    listWorkspaceFiles: async () => [],
    resolvePath: (path) => (/^[a-z][a-z0-9+.-]*:/iu.test(path) ? path : undefined),
    ruleDocumentationUrl: (code) => options.ruleDocumentationUrl?.(code),
    yieldToEventLoop: macrotask,
  };
}

/** A new macrotask: a MessageChannel round trip (no 4 ms clamping as with nested setTimeout). */
export function macrotask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    // `onmessage` (not `on`) exists on both the browser's and Node's ports; it also starts the port.
    const port = ch.port1 as unknown as { onmessage: (() => void) | null; close(): void };
    port.onmessage = () => {
      port.close();
      resolve();
    };
    ch.port2.postMessage(undefined);
  });
}
