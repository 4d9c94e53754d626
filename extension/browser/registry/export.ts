/**
 * The local registry as one `vanban-registry` v1 file: the imported files,
 * then the documents learned on vbpl.vn (so, loaded as one layer, the
 * learned facts win as they do in the extension). `vanban check --registry
 * FILE` and the editors' `vanban.registry` setting read it as it is.
 */
import { readLearned } from '../background/learned.ts';
import { joinRegistryFiles, learnedRegistryFile, registryFileText } from './file.ts';
import { readImported } from './imported.ts';

export const EXPORT_FILE_NAME = 'vanban-registry.json';

export async function exportLocalRegistry(): Promise<{ text: string; entries: number }> {
  const [imported, { entries }] = await Promise.all([readImported(), readLearned()]);
  const files = [...imported.map((f) => ({ sources: f.loaded.sources, entries: f.loaded.entries })), learnedRegistryFile(entries)];
  const file = joinRegistryFiles(files, 'vanban browser extension');
  return { text: registryFileText(file), entries: file.entries.length };
}
