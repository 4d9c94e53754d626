/**
 * The Node entry of the language server (bundled to dist/server.js):
 * `node dist/server.js --stdio` (or `--node-ipc`, `--socket=PORT`), also
 * `vanban lsp --stdio`. vscode-languageserver picks the transport from the
 * command line.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { limitHeapGrowth } from './heap.ts';
import { nodeHost } from './node-host.ts';
import { startServer } from './server.ts';

limitHeapGrowth();
const here = path.dirname(fileURLToPath(import.meta.url));
// dist/server.js → dist/rules.md (written by the build).
startServer(createConnection(ProposedFeatures.all), nodeHost({ docsFile: path.resolve(here, 'rules.md') }));
