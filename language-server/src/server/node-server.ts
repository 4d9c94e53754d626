/**
 * The language server in Node (bundled to dist/server-node.cjs), run by
 * dist/server.js (node.ts) in the main thread or in a worker thread (thread.ts).
 * vscode-languageserver picks the transport from the command line.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from './node-host.ts';
import { ownProcessStdio } from './own-stdio.ts';
import { startServer } from './server.ts';
import { transportOf, type ServerThreadData } from './thread.ts';
import { setServerFlags } from './v8-flags.ts';

if ((workerData as ServerThreadData | null)?.ownStdio) ownProcessStdio();
setServerFlags();
const here = path.dirname(fileURLToPath(import.meta.url));
// dist/server-node.cjs → dist/rules.md (written by the build).
// Over stdio the client's messages come on stdin (thread.ts transportOf: the transport the connection picks).
const input = transportOf(process.argv) === 'stdio' ? () => process.stdin : undefined;
startServer(createConnection(ProposedFeatures.all), nodeHost({ docsFile: path.resolve(here, 'rules.md'), input }));
