/**
 * The script of the server's worker thread over stdio (bundled to dist/server-thread.cjs; thread.ts starts
 * it): runs the server bundle, dist/server-node.cjs, from its code cache (code-cache.ts), as node.ts does in
 * the main thread for the other transports.
 *
 * Why a CommonJS file of its own and not dist/server.js again: a worker whose script is an ES module loads
 * Node's ES module loader first (12 internal modules, ≈ 17 M instructions of the thread before any of ours,
 * callgrind), and the server bundle is CommonJS; a CommonJS script goes through the loader Node's bootstrap
 * already has (docs/notes/issue-9-s17-s17cold.md).
 */
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.ts';

runBundle(fileURLToPath(new URL('./server-node.cjs', import.meta.url)));
