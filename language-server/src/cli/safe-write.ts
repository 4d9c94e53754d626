/**
 * Writing a fixed document back without ever losing a word: the new bytes go
 * to a temporary file beside the document (same folder, so same file
 * system), are flushed to disk, and replace the document by one rename — a
 * crash or a full disk leaves either the old file or the new one, never half
 * of each. Nothing is written when the file on disk is no longer the one that
 * was read (an editor saved it meanwhile): those edits would be lost.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export type WriteOutcome =
  | { ok: true }
  | { ok: false; reason: 'changed' }
  | { ok: false; reason: 'error'; error: unknown };

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * Replaces the file at `fsPath` by `next`, only if it still holds `expected`
 * (the bytes read before fixing). A symbolic link is followed: its target is
 * replaced and the link stays. The file's permission bits are kept.
 */
export async function replaceIfUnchanged(fsPath: string, expected: Uint8Array, next: Uint8Array): Promise<WriteOutcome> {
  let target: string;
  let mode: number;
  try {
    target = await realpath(fsPath);
    mode = (await stat(target)).mode & 0o7777;
    if (!sameBytes(await readFile(target), expected)) return { ok: false, reason: 'changed' };
  } catch (error) {
    // Gone or unreadable since it was read: it changed.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { ok: false, reason: 'changed' } : { ok: false, reason: 'error', error };
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.vanban-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(next);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Last look just before the swap: the window for a lost save is the rename itself.
    if (!sameBytes(await readFile(target), expected)) {
      await unlink(temp);
      return { ok: false, reason: 'changed' };
    }
    await rename(temp, target);
    return { ok: true };
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    return { ok: false, reason: 'error', error };
  }
}
