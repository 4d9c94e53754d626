/**
 * The documents of the workspace folders that are not open, for workspace
 * symbols (and, with the citation layer, for going from a citation to the
 * cited document). Scanned once on first use, in small steps; kept current by
 * file-watch events and by re-reading a document when its editor closes.
 * Only symbol lists are kept, never the texts.
 */
import { FileChangeType } from 'vscode-languageserver';
import type { ServerContext } from './context.ts';

/** At most this many files are indexed, and none larger than MAX_FILE_CHARS. */
export const MAX_WORKSPACE_FILES = 2000;
const MAX_FILE_CHARS = 4_000_000;
export const DOCUMENT_GLOB = '**/*.{txt,vanban,md}';

/** Index changes are gathered this long before the registry's workspace layer is rebuilt. */
const REBUILD_DELAY_MS = 300;

export class WorkspaceIndex {
  private scan?: Promise<void>;
  private readonly versions = new Map<string, number>();
  private rebuild?: ReturnType<typeof setTimeout>;
  private fingerprint = '[]';

  constructor(
    private readonly c: ServerContext,
    /** The documents' registry entries changed (after the scan, a watched change): the server re-checks. */
    private readonly onEntriesChanged: () => void,
  ) {}

  /** The workspace layer of the registry follows the index, once changes settle. */
  private changed(): void {
    if (this.rebuild !== undefined) clearTimeout(this.rebuild);
    this.rebuild = setTimeout(() => {
      this.rebuild = undefined;
      const layers = this.c.service.workspaceLayers();
      // Only a change of the entries themselves is worth re-checking the open documents.
      const fingerprint = JSON.stringify(layers.map((l) => l.file.entries));
      if (fingerprint === this.fingerprint) return;
      this.fingerprint = fingerprint;
      this.c.registries.setWorkspace(layers);
      this.onEntriesChanged();
    }, REBUILD_DELAY_MS);
  }

  /** Resolves once every workspace file was indexed (the first call scans). */
  ready(): Promise<void> {
    this.scan ??= this.scanAll().catch((e: unknown) => this.c.log.error(`workspace scan failed: ${String(e)}`));
    return this.scan;
  }

  private async scanAll(): Promise<void> {
    const files = await this.c.host.listWorkspaceFiles(this.c.workspaceFolders, MAX_WORKSPACE_FILES);
    if (files.length >= MAX_WORKSPACE_FILES) this.c.log.info(`workspace: indexing the first ${MAX_WORKSPACE_FILES} documents only`);
    for (const f of files) {
      await this.indexFile(f.uri, f.version);
      await this.c.host.yieldToEventLoop();
    }
    if (files.length > 0) this.changed();
  }

  private async indexFile(uri: string, version: number): Promise<void> {
    const text = await this.c.host.readDocument(uri);
    if (text === undefined || text.length > MAX_FILE_CHARS) {
      this.c.service.unindex(uri);
      return;
    }
    this.versions.set(uri, version);
    this.c.service.indexDocument({ uri, version, text }, this.c.settings.defaultLang);
  }

  /** A watched document changed on disk. */
  async fileChanged(uri: string, type: number): Promise<void> {
    if (!this.scan) return;
    if (type === FileChangeType.Deleted) {
      this.versions.delete(uri);
      this.c.service.unindex(uri);
    } else {
      await this.indexFile(uri, (this.versions.get(uri) ?? 0) + 1);
    }
    this.changed();
  }

  /** An editor closed: what is on disk counts again (unsaved edits are gone); documents from elsewhere leave the index. */
  async documentClosed(uri: string): Promise<void> {
    const inWorkspace = this.c.workspaceFolders.some((f) => uri.startsWith(f.endsWith('/') ? f : f + '/')) && /\.(txt|vanban|md)$/iu.test(uri);
    if (this.scan && inWorkspace) await this.indexFile(uri, -Date.now());
    else this.c.service.unindex(uri);
    this.changed();
  }
}
