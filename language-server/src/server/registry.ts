/**
 * The registry of legal documents each document is checked against: the
 * embedded registry, then the registry files of the `vanban.registry`
 * setting (read by the host, relative to the workspace folder), then the
 * documents of the workspace folders (each one's header makes an entry) —
 * issue 5's order. One Registry object per distinct list of files, rebuilt
 * when a file or the workspace changes. A bad registry file gets one
 * `registry/invalid` diagnostic per problem on the file; the rest loads.
 */
import {
  createRegistry, embeddedLayer, embeddedRegistry, MAX_REGISTRY_BYTES, parseRegistryBytes, parseRegistryText, problemText, type Layer, type LoadedFile, type Registry,
} from '../core/registry/index.ts';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { fileDiagnostic } from './convert.ts';
import type { ServerContext } from './context.ts';

export class RegistryResolver {
  private readonly files = new Map<string, Promise<Layer | undefined>>();
  private readonly registries = new Map<string, Registry>();
  private workspace: Layer[] = [];

  constructor(private readonly c: Pick<ServerContext, 'connection' | 'host' | 'log'>) {}

  /** The registry for a document whose settings name these registry files (paths as written). */
  async forDocument(documentUri: string, paths: readonly string[], folders: readonly string[], lang: Lang = 'vi'): Promise<Registry> {
    const folder = folders.find((f) => documentUri.startsWith(f.endsWith('/') ? f : f + '/')) ?? folders[0];
    const uris = paths.map((p) => this.c.host.resolvePath(p, folder)).filter((u): u is string => u !== undefined);
    if (uris.length === 0 && this.workspace.length === 0) return embeddedRegistry();
    const key = uris.join('\n');
    let r = this.registries.get(key);
    if (!r) {
      const layers = (await Promise.all(uris.map((u) => this.file(u, lang)))).filter((l): l is Layer => l !== undefined);
      r = createRegistry([embeddedLayer(), ...layers, ...this.workspace]);
      this.registries.set(key, r);
    }
    return r;
  }

  /** The workspace documents' own entries changed (after a scan, a watched change). */
  setWorkspace(layers: readonly Layer[]): void {
    this.workspace = [...layers];
    this.registries.clear();
  }

  /** Settings changed: registry files are read again on next use (they may have been edited meanwhile). */
  clearFiles(): void {
    this.files.clear();
    this.registries.clear();
  }

  /** A registry file as a layer; its problems are said on it in `lang` (a change of language clears the cache). */
  private file(uri: string, lang: Lang): Promise<Layer | undefined> {
    let p = this.files.get(uri);
    if (!p) {
      p = (async () => {
        // Bytes where the host has them: the core reads each entry from them when first used (core/registry/load-bytes.ts).
        const host = this.c.host;
        const read = host.readBytes ? await host.readBytes(uri) : await host.readFile(uri);
        const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
        // Missing, a folder, or over MAX_REGISTRY_BYTES: said on the file the setting names, like a bad one.
        const file: LoadedFile =
          read === undefined
            ? { file: name, entries: [], sources: [], problems: [{ file: name, path: '', vi: `không đọc được tệp (không có, không phải tệp, hoặc lớn hơn ${MAX_REGISTRY_BYTES} byte)`, en: `cannot read the file (missing, not a file, or larger than ${MAX_REGISTRY_BYTES} bytes)` }] }
            : typeof read === 'string'
              ? parseRegistryText(read, name)
              : parseRegistryBytes(read, name);
        const messages = file.problems.map((pr) => problemText(pr, lang));
        for (const m of messages) this.c.log.warn(m);
        const diagnostics = messages.map((message) => fileDiagnostic({ code: 'registry/invalid', severity: 'warning', message }));
        void this.c.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
        return { origin: 'file' as const, name, file };
      })();
      this.files.set(uri, p);
    }
    return p;
  }
}
