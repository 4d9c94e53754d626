/**
 * The Node entry of the language server (dist/server.js):
 * `node dist/server.js --stdio` (or `--node-ipc`, `--socket=PORT`), also
 * `vanban lsp --stdio`. It holds nothing of the server itself: over stdio it
 * starts a worker thread with a small young generation (thread.ts says why
 * and when) on dist/server-thread.cjs (thread-entry.ts), and there — or here,
 * for the other transports — the server bundle, dist/server-node.cjs, runs
 * from its code cache (code-cache.ts).
 */
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { runBundle } from './code-cache.ts';
import { runsInThread, startServerThread } from './thread.ts';

const args = process.argv.slice(2);
if (isMainThread && runsInThread(args)) startServerThread(new URL('./server-thread.cjs', import.meta.url), args);
else runBundle(fileURLToPath(new URL('./server-node.cjs', import.meta.url)));
