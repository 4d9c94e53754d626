/**
 * The V8 flags the Node server sets for itself: at the end of its bundle's
 * top level (node-server.ts), once the bundle is compiled and Node's modules
 * it needs are loaded.
 *
 * Why that late: V8 takes a code cache only under the flags it was made with,
 * and any flag away from its default changes them. Node compiles its own
 * modules from caches made with V8's defaults, so each module loaded after a
 * flag is set compiles from source (set before the server's thread started,
 * ≈ +30 ms of that thread's CPU before it answered `initialize`). The
 * server's own cache (code-cache.ts) is made by the build with the defaults
 * too: after its training check, it puts these flags back (restoreV8Defaults).
 *
 * - The heap's growth between full collections (heap.ts).
 * - Regular expressions compiled to machine code at their first match
 *   (`--no-regexp-tier-up`). By default V8 compiles a pattern to bytecode for
 *   its first match, then again to machine code at the next: the first check
 *   of a document compiled most of the core's patterns twice and ran their
 *   first matches interpreted. The first check of seed 004 in a fresh process
 *   took 104–109 ms of the thread's CPU with tier-up, 84–87 without; the
 *   checks after it 17–23 ms and 15–17 (docs/notes/issue-9-s12-cold.md). A
 *   server checks a document again at each edit, so its patterns end up as
 *   machine code either way. Someone who passes the flag to node keeps theirs.
 */
import { setFlagsFromString } from 'node:v8';
import { limitHeapGrowth, startedWith } from './heap.ts';

export function setServerFlags(): void {
  limitHeapGrowth();
  if (!startedWith('regexp-tier-up') && !startedWith('no-regexp-tier-up')) setFlagsFromString('--no-regexp-tier-up');
}

/**
 * V8's defaults of the flags the server may set: these, the full collection's `--expose-gc` (node-host.ts,
 * after the rehearsal of typing), for the build's training thread, whose cache must carry the flags of a start.
 */
export function restoreV8Defaults(): void {
  setFlagsFromString('--heap-growing-percent=0');
  setFlagsFromString('--regexp-tier-up');
  setFlagsFromString('--no-expose-gc');
}
