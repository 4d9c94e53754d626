/**
 * How far V8 lets the heap grow between full collections in the server process.
 *
 * Each check of a large document promotes most of what it allocates (the parse
 * and everything read from it live until the check ends: ≈ 28 MB for a 1 MB
 * document) and all of it is garbage once the next version is checked. V8 lets
 * the old generation reach up to ≈ 4× what survived the last full collection
 * before it collects again, so the server sat at ≈ 225 MiB with ≈ 31 MB live
 * (issue 9: server_rss_mb ≤ 150). Growing by 2× at most gave ≈ 160 MiB for
 * ≈ 10–20 % more CPU per check (more full collections, marked concurrently).
 * Now that the server runs in a thread with a small young generation
 * (thread.ts) and most edits skip the full check, 1.75× ends the bench's edits
 * at ≈ 126–130 MiB instead of 127–140 (2×) for ≈ 5 % more CPU per edit; 1.5×
 * at 119–125 for ≈ 12 % (docs/notes/issue-9-memory2.md).
 *
 * The flag is one V8 reads at every collection, so setting it at run time
 * works; someone who passes it to node (or in NODE_OPTIONS) keeps their value.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 75;

/** True when node was started with this flag (either spelling), on its command line or in NODE_OPTIONS. */
export function startedWith(flag: string, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  const spelled = new RegExp(`--${flag.replace(/-/g, '[-_]')}(?![\\w-])`);
  return [...execArgv, nodeOptions ?? ''].some((a) => spelled.test(a));
}

export function limitHeapGrowth(): void {
  if (!startedWith('heap-growing-percent')) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
