/**
 * Where the Node server runs: in a worker thread with a small young generation
 * when it speaks over stdio, in the process's own thread otherwise.
 *
 * Why a thread: V8 fixes the young generation's size when an isolate is made.
 * The main thread's gets two 16 MB semi-spaces, which a check of a large
 * document fills (it keeps most of what it allocates) — 32 MiB resident plus as
 * much again of old-generation headroom, whatever the server does afterwards
 * (issue 9, server_rss_mb ≤ 150 with a 1 MB document open). Only a start flag
 * (`--max-semi-space-size`, which the VS Code client passes) or a new isolate
 * can change that; editors run `vanban lsp --stdio` with no node flags, so the
 * server makes the isolate itself: a worker with `resourceLimits`. The old
 * generation is not limited (a 5 MB document must still open).
 *
 * The worker reads and writes the process's stdio descriptors itself
 * (own-stdio.ts): nothing is relayed through the main thread, which only waits
 * and exits with the worker's code — `exit` after `shutdown` 0, otherwise 1, as
 * vscode-languageserver decides.
 */
import { Worker } from 'node:worker_threads';
import { startedWith } from './heap.ts';

/**
 * The young generation of the server's thread, in MB: V8 makes it three times
 * a semi-space, so semi-spaces of 4.67 MB.
 *
 * Why this size: every keystroke makes the document a new string, one
 * allocation as large as the text (1.5 MB for the bench's 1 MB document, whose
 * 751,000 characters take two bytes each). V8 lets the young generation's
 * large objects take up to a semi-space before it scavenges, and a scavenge
 * moves the text alive then (the one being replaced) to the old generation,
 * where it is garbage one keystroke later; that growth brings a full
 * collection every so many keystrokes, inside one of their answers.
 * - 6 MB (2 MB semi-spaces): nearly every keystroke scavenged (316 scavenges
 *   over the bench's 200 edits), a full collection every ≈ 15 keystrokes.
 * - 12 MB (4 MB): two texts fit, a scavenge every second keystroke (155),
 *   server-thread CPU per fast answer ≈ 0.3–0.5 ms less than with 6
 *   (docs/notes/issue-9-s8-server.md).
 * - 14 MB: three texts of up to ≈ 780,000 characters fit, a scavenge every
 *   third keystroke (138 → 57 over the 200 edits, full checks included), and
 *   with the collection after each large full check (diagnostics.ts) the
 *   bench's incremental answers hold 1 full collection instead of 4
 *   (docs/notes/issue-9-s9-edit.md). Resident memory at the bench's moment:
 *   131–139 MiB over 4 runs (12 MB: 121–125; 16 MB: 133–146; the target is 150).
 */
export const SERVER_YOUNG_GENERATION_MB = 14;

/** What the worker is told: it owns the process's stdin, stdout and stderr. */
export interface ServerThreadData {
  ownStdio: true;
}

/**
 * The transport vscode-languageserver picks from these arguments (the first
 * it recognises, as its createConnection does).
 */
export function transportOf(args: readonly string[]): 'stdio' | 'node-ipc' | 'socket' | 'pipe' | undefined {
  for (const arg of args) {
    if (arg === '--node-ipc') return 'node-ipc';
    if (arg === '--stdio') return 'stdio';
    const name = arg.split('=')[0];
    if (name === '--socket') return 'socket';
    if (name === '--pipe') return 'pipe';
  }
  return undefined;
}

/**
 * True when the server should run in a worker thread: over stdio (node-ipc
 * needs the process's own channel; sockets and pipes are left as they were),
 * unless whoever started node chose the young generation's size or attached a
 * debugger (which would see an idle main thread).
 */
export function runsInThread(args: readonly string[], execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
  if (transportOf(args) !== 'stdio') return false;
  return !['max-semi-space-size', 'inspect', 'inspect-brk'].some((flag) => startedWith(flag, [...execArgv], nodeOptions));
}

/** Starts the server's thread on `script` (dist/server-thread.cjs); this process ends with the worker's exit code. */
export function startServerThread(script: URL, args: readonly string[]): Worker {
  const workerData: ServerThreadData = { ownStdio: true };
  const worker = new Worker(script, {
    argv: [...args],
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB },
    // The worker's own process.stdout/stderr (relays to this thread) are replaced at its start (own-stdio.ts), so
    // this thread does not read them. Piped here, as Node does by default, each asks the worker for more data
    // at once, and a CommonJS script (server-thread.cjs) has replaced them when that message comes: Node then
    // throws "process[stream][kStdioWantsMoreDataCallback] is not a function".
    stdout: true,
    stderr: true,
  });
  // An error the server did not catch has no listener here: Node prints it and exits with 1, as it did in one thread.
  worker.on('exit', (code) => process.exit(code));
  return worker;
}
