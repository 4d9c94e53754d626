/** Reading the documents: files, folders (walked), stdin. Never throws for a bad file. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { t } from './format.ts';

/** Extensions picked up when walking a folder (a file named explicitly is read whatever its name). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.vanban', '.md'];
export const STDIN_PATH = '<stdin>';

export interface InputRef {
  /** As shown in the output: the path as given, or the folder joined with the file's relative path. */
  display: string;
  /** Undefined for stdin. */
  fsPath?: string;
}

export type ReadResult =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; message: string };

export class UsageError extends Error {}

/** Expands the PATH arguments into the list of documents, in argument order, folders sorted. */
export async function expandInputs(args: readonly string[], lang: Lang): Promise<{ inputs: InputRef[]; notes: string[] }> {
  const inputs: InputRef[] = [];
  const notes: string[] = [];
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinSeen) throw new UsageError(t(lang, '"-" (stdin) chỉ được dùng một lần', '"-" (stdin) may be given only once'));
      stdinSeen = true;
      inputs.push({ display: STDIN_PATH });
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(arg)).isDirectory();
    } catch {
      // Missing or unreachable: reported as io/unreadable when read.
    }
    if (!isDir) {
      inputs.push({ display: arg, fsPath: arg });
      continue;
    }
    const found = await walk(arg);
    if (found.length === 0) {
      notes.push(
        t(lang, `${arg}: không có tệp ${DOCUMENT_EXTENSIONS.join(', ')} nào`, `${arg}: no ${DOCUMENT_EXTENSIONS.join(', ')} files`),
      );
    }
    for (const f of found) inputs.push({ display: f, fsPath: f });
  }
  return { inputs, notes };
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...(await walk(p)));
    } else if (DOCUMENT_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) {
      if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        try {
          if ((await stat(p)).isFile()) out.push(p);
        } catch {
          out.push(p); // dangling link: let the read report it
        }
      }
    }
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8: a BOM is removed; any invalid byte makes the file unreadable. */
export function decodeUtf8(bytes: Uint8Array, lang: Lang): ReadResult {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: utf8.decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch {
    return {
      ok: false,
      message: t(lang, 'Tệp không phải văn bản UTF-8 hợp lệ', 'The file is not valid UTF-8 text'),
    };
  }
}

export async function readInput(ref: InputRef, lang: Lang, stdin: () => Promise<Uint8Array>): Promise<ReadResult> {
  if (ref.fsPath === undefined) return decodeUtf8(await stdin(), lang);
  if (path.extname(ref.fsPath).toLowerCase() === '.docx') {
    return { ok: false, message: t(lang, 'Chưa hỗ trợ đọc tệp .docx', 'Reading .docx files is not supported yet') };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(ref.fsPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? t(lang, 'không tồn tại', 'does not exist')
        : code === 'EACCES' || code === 'EPERM'
          ? t(lang, 'không có quyền đọc', 'permission denied')
          : code === 'EISDIR'
            ? t(lang, 'là thư mục', 'is a directory')
            : (code ?? String(e));
    return { ok: false, message: t(lang, `Không đọc được tệp: ${why}`, `Cannot read the file: ${why}`) };
  }
  return decodeUtf8(bytes, lang);
}

/** Reads all of stdin once. */
export function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}
