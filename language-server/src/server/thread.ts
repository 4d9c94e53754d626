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
 * a semi-space, so semi-spaces of 4 MB (the VS Code client's size).
 *
 * Why not smaller: every keystroke makes the document a new string, one
 * allocation as large as the text (1.5 MB for the bench's 1 MB document, whose
 * 751,000 characters take two bytes each). V8 lets the young generation's
 * large objects take up to a semi-space before it scavenges, and the text
 * being replaced is alive when the new one is made, so with 2 MB semi-spaces
 * (6 MB) nearly every keystroke scavenged and moved the text to the old
 * generation, whose growth then brought a full collection every ≈ 15 keystrokes
 * (docs/notes/issue-9-s8-server.md). With 4 MB: half the scavenges over the
 * bench's 200 edits (316 → 155), server-thread CPU per fast answer ≈ 0.3–0.5 ms
 * less on average and ≈ 2 ms less at its slow end, resident memory at the
 * bench's moment within the run-to-run spread of 6 (117–156 MiB over 9 runs
 * with 6, 125–143 over 4 with 12; the target is 150), the same start.
 */
export const SERVER_YOUNG_GENERATION_MB = 12;

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

/** Starts the server bundle in a worker thread; this process ends with the worker's exit code. */
export function startServerThread(bundle: URL, args: readonly string[]): Worker {
  const workerData: ServerThreadData = { ownStdio: true };
  const worker = new Worker(bundle, {
    argv: [...args],
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: SERVER_YOUNG_GENERATION_MB },
  });
  // An error the server did not catch has no listener here: Node prints it and exits with 1, as it did in one thread.
  worker.on('exit', (code) => process.exit(code));
  return worker;
}
