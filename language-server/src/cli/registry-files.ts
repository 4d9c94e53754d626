/**
 * The registry a CLI run uses: the embedded one, then the files given with
 * `--registry` (and the `"registry"` list of a `.vanbanrc.json`), then the
 * documents of the run themselves (each one's header is an entry). A bad
 * registry file is reported on stderr — file and field — and the rest loads.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  createRegistry, embeddedLayer, MAX_REGISTRY_BYTES, parseRegistryBytes, problemText, workspaceLayer, type Layer, type Registry,
} from '../core/registry/index.ts';
import type { ParseResult } from '../core/syntax/tree.ts';
import type { Options } from './args.ts';
import type { Io } from './check.ts';
import { t } from './format.ts';

const cache = new Map<string, Promise<Layer>>();

/** One registry file as a layer (problems inside it; a file that cannot be read is one problem). */
export function registryFileLayer(file: string): Promise<Layer> {
  let p = cache.get(file);
  if (!p) {
    p = (async (): Promise<Layer> => {
      try {
        const st = await stat(file);
        if (st.size > MAX_REGISTRY_BYTES) {
          return { origin: 'file', name: file, file: { file, entries: [], sources: [], problems: [{ file, path: '', vi: `tệp lớn hơn ${MAX_REGISTRY_BYTES} byte`, en: `file larger than ${MAX_REGISTRY_BYTES} bytes` }] } };
        }
        // Bytes, not text: the core reads each entry from them when first used (core/registry/load-bytes.ts).
        return { origin: 'file', name: file, file: parseRegistryBytes(await readFile(file), file) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        return { origin: 'file', name: file, file: { file, entries: [], sources: [], problems: [{ file, path: '', vi: `không đọc được tệp (${code})`, en: `cannot read the file (${code})` }] } };
      }
    })();
    cache.set(file, p);
  }
  return p;
}

/** Registry files named by a config file, relative to its folder. */
export function configRegistryFiles(configFile: string | undefined, files: readonly string[] | undefined): string[] {
  if (!configFile || !files) return [];
  return files.map((f) => path.resolve(path.dirname(configFile), f));
}

/**
 * The registry for this run: embedded < `extraFiles` and `--registry` files <
 * the run's own documents (two or more: one alone adds nothing but itself).
 */
export async function registryForRun(o: Options, io: Io, documents: readonly { name: string; parse: ParseResult }[], extraFiles: readonly string[] = []): Promise<Registry> {
  const files = [...new Set([...extraFiles, ...o.registry])];
  const layers: Layer[] = [embeddedLayer()];
  for (const f of files) layers.push(await registryFileLayer(f));
  if (documents.length > 1) layers.push(workspaceLayer(documents));
  const registry = createRegistry(layers);
  reportProblems(registry, o, io);
  return registry;
}

/** Lines already said in a run (its Io): a file shared by several configs is reported once, each run says it again. */
const reportedByRun = new WeakMap<Io, Set<string>>();

function reportProblems(registry: Registry, o: Options, io: Io): void {
  let reported = reportedByRun.get(io);
  if (!reported) reportedByRun.set(io, (reported = new Set()));
  for (const p of registry.problems) {
    const line = problemText(p, o.lang);
    if (reported.has(line)) continue;
    reported.add(line);
    io.err(`vanban: ${line}\n`);
  }
  if (registry.problems.length > 0 && !reported.has('#summary')) {
    reported.add('#summary');
    io.err(t(o.lang, 'vanban: các mục hợp lệ khác của cơ sở dữ liệu vẫn được dùng.\n', 'vanban: the other, valid registry entries are still used.\n'));
  }
}
