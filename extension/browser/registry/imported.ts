/**
 * Registry files the user imported on the options page (the `vanban-registry`
 * v1 format of the CLI: `vanban index` output, a colleague's export), kept in
 * extension storage. A file is read with the core's `parseRegistryText`: a bad
 * entry is named (file and field) and skipped, the valid rest is kept. What is
 * stored is read back through the same schema, so a tampered or outdated
 * stored value can only lose entries, never reach the registry unchecked.
 */
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import type { Lang } from '../../../language-server/src/core/diagnostics/diagnostic.ts';
import { parseRegistryText, problemText, type Layer, type LoadedFile } from '../../../language-server/src/core/registry/index.ts';
import { REGISTRY_FORMAT, REGISTRY_VERSION, type RegistryFileData } from '../../../language-server/src/core/registry/schema.ts';

/**
 * One file; larger ones are refused unread. Extension storage holds 10 MB in
 * all (settings, the draft, the learned documents too): the embedded registry
 * of some 930 documents is 0.65 MB, so 4 MB is several thousand documents.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** All imported files together. */
export const MAX_IMPORTED_TOTAL_BYTES = 6 * 1024 * 1024;
export const MAX_IMPORTED_FILES = 20;

const StoredFileSchema = z.object({
  /** The file's name as picked ("registry.json"); importing a file of the same name replaces it. */
  name: z.string().min(1).max(255),
  importedAt: z.string().max(40),
  /** The file as the registry format has it (entries checked one by one on reading). */
  file: z.unknown(),
});
type StoredFile = z.infer<typeof StoredFileSchema>;

export const importedItem = storage.defineItem<unknown>('local:registry-files');

export interface ImportedFile {
  name: string;
  importedAt: string;
  loaded: LoadedFile;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

async function readStored(): Promise<StoredFile[]> {
  const raw = await importedItem.getValue();
  if (!Array.isArray(raw)) return [];
  const out: StoredFile[] = [];
  for (const r of raw.slice(0, MAX_IMPORTED_FILES)) {
    const p = StoredFileSchema.safeParse(r);
    if (p.success) out.push(p.data);
  }
  return out;
}

/**
 * The imported files, each read again as the file it was (its problems say
 * what was dropped): as text, so the checks of a file the user picks — the
 * forbidden keys too — apply to what storage hands back.
 */
export async function readImported(): Promise<ImportedFile[]> {
  return (await readStored()).map((s) => ({ name: s.name, importedAt: s.importedAt, loaded: parseRegistryText(JSON.stringify(s.file) ?? '', s.name) }));
}

/** The imported files as registry layers, in import order. */
export function importedLayers(files: readonly ImportedFile[]): Layer[] {
  return files.map((f) => ({ origin: 'file', name: f.name, file: f.loaded }));
}

export interface ImportResult {
  /** Entries now stored from this file (0: nothing was stored). */
  entries: number;
  /** One line per problem, naming the file and the field. */
  problems: string[];
}

/**
 * Reads a registry file the user picked and stores its valid entries. The
 * file's problems come back as lines ("Cơ sở dữ liệu văn bản không hợp lệ
 * reg.json: entries[3].dateIssued: ngày dạng YYYY-MM-DD (mục bị bỏ qua)").
 */
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why a file of `bytes` bytes is refused unread, or undefined when its size is fine. */
export function sizeProblem(name: string, bytes: number, lang: Lang = 'vi'): string | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return lang === 'en' ? `${name}: the file is ${mb(bytes)}, larger than ${mb(MAX_IMPORT_BYTES)}; nothing was imported` : `${name}: tệp ${mb(bytes)}, lớn hơn ${mb(MAX_IMPORT_BYTES)}; không nhập gì`;
}

export async function importRegistryFile(text: string, name: string, lang: Lang = 'vi', now = new Date()): Promise<ImportResult> {
  const en = lang === 'en';
  const tooLarge = sizeProblem(name, utf8Bytes(text), lang);
  if (tooLarge) return { entries: 0, problems: [tooLarge] };
  const loaded = parseRegistryText(text, name);
  const problems = loaded.problems.map((p) => problemText(p, lang));
  if (loaded.entries.length === 0) {
    problems.push(en ? `${name}: no valid entry; nothing was imported` : `${name}: không có mục hợp lệ nào; không nhập gì`);
    return { entries: 0, problems };
  }
  const file: RegistryFileData = { format: REGISTRY_FORMAT, version: REGISTRY_VERSION, sources: loaded.sources, entries: loaded.entries };
  const stored = (await readStored()).filter((s) => s.name !== name);
  if (stored.length >= MAX_IMPORTED_FILES) {
    problems.push(en ? `${name}: already ${MAX_IMPORTED_FILES} imported files; remove one first` : `${name}: đã có ${MAX_IMPORTED_FILES} tệp được nhập; hãy xóa bớt trước`);
    return { entries: 0, problems };
  }
  const next = [...stored, { name, importedAt: now.toISOString(), file }];
  const total = utf8Bytes(JSON.stringify(next));
  if (total > MAX_IMPORTED_TOTAL_BYTES) {
    problems.push(en ? `${name}: the imported files would take ${mb(total)}, more than ${mb(MAX_IMPORTED_TOTAL_BYTES)}; remove one first` : `${name}: các tệp đã nhập sẽ chiếm ${mb(total)}, quá ${mb(MAX_IMPORTED_TOTAL_BYTES)}; hãy xóa bớt trước`);
    return { entries: 0, problems };
  }
  try {
    await importedItem.setValue(next);
  } catch (e) {
    // The browser's quota (shared with the draft and the learned documents).
    problems.push(`${name}: ${en ? 'could not be stored' : 'không lưu được'} (${e instanceof Error ? e.message : String(e)})`);
    return { entries: 0, problems };
  }
  return { entries: loaded.entries.length, problems };
}

export async function removeImported(name: string): Promise<void> {
  await importedItem.setValue((await readStored()).filter((s) => s.name !== name));
}
