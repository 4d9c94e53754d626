/** Reading the documents: files, folders (walked), stdin. Never throws for a bad file. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { decodeDocument, MAX_DOCUMENT_BYTES, pick, tooLarge, type TextEncoding } from '../io/encoding.ts';
import type { LayoutModel } from '../core/layout/model.ts';
import { isZip, readDocxInput } from './docx.ts';
import { t } from './format.ts';

/** Extensions picked up when walking a folder (a file named explicitly is read whatever its name). */
export const DOCUMENT_EXTENSIONS = ['.txt', '.vanban', '.md', '.docx'];
export const STDIN_PATH = '<stdin>';

export interface InputRef {
  /** As shown in the output: the path as given, or the folder joined with the file's relative path. */
  display: string;
  /** Undefined for stdin. */
  fsPath?: string;
}

export type ReadResult =
  | {
      ok: true;
      text: string;
      encoding: TextEncoding;
      bom: boolean;
      /** The bytes as read: `check --fix` writes only if the file still has them. */
      bytes: Uint8Array;
      /** What to tell about the encoding (an `io/encoding` note), if anything. */
      notice?: string;
      /** Set for a .docx: `text` is then its text view (io/docx), and the file is never written. */
      layout?: LayoutModel;
    }
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

/** Reads and decodes one document (io/encoding); files over the size limit are refused unread. */
export async function readInput(ref: InputRef, lang: Lang, stdin: () => Promise<Uint8Array>): Promise<ReadResult> {
  if (ref.fsPath === undefined) {
    const bytes = await stdin();
    return isZip(bytes) ? readDocxInput(bytes, lang) : decoded(bytes, lang);
  }
  let bytes: Uint8Array;
  try {
    const st = await stat(ref.fsPath);
    if (st.isFile() && st.size > MAX_DOCUMENT_BYTES) return { ok: false, message: pick(tooLarge(st.size).message, lang) };
    bytes = await readFile(ref.fsPath);
  } catch (e) {
    return { ok: false, message: t(lang, `Không đọc được tệp: ${whyUnreadable(e, lang)}`, `Cannot read the file: ${whyUnreadable(e, lang)}`) };
  }
  // A .docx, or a zip named otherwise: read as a Word document.
  if (path.extname(ref.fsPath).toLowerCase() === '.docx' || isZip(bytes)) return readDocxInput(bytes, lang);
  return decoded(bytes, lang);
}

function decoded(bytes: Uint8Array, lang: Lang): ReadResult {
  const r = decodeDocument(bytes);
  if (!r.ok) return { ok: false, message: pick(r.message, lang) };
  return { ok: true, text: r.text, encoding: r.encoding, bom: r.bom, bytes, notice: r.notice && pick(r.notice, lang) };
}

export function whyUnreadable(e: unknown, lang: Lang): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? t(lang, 'không tồn tại', 'does not exist')
    : code === 'EACCES' || code === 'EPERM'
      ? t(lang, 'không có quyền', 'permission denied')
      : code === 'EISDIR'
        ? t(lang, 'là thư mục', 'is a directory')
        : (code ?? String(e));
}

/**
 * Reads all of stdin once. Past MAX_DOCUMENT_BYTES it stops keeping the
 * bytes (and returns one byte more than the limit, which the decoder refuses
 * as too large) but still drains the pipe, so the writer is not blocked.
 */
export function readStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (c: Buffer) => {
      if (size <= MAX_DOCUMENT_BYTES) chunks.push(c);
      size += c.length;
    });
    process.stdin.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(size > MAX_DOCUMENT_BYTES ? all.subarray(0, MAX_DOCUMENT_BYTES + 1) : all);
    });
    process.stdin.on('error', reject);
  });
}
