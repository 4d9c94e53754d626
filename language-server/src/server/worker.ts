/**
 * The Web Worker entry of the language server (bundled to
 * dist/server-worker.js; the browser extension imports this file with
 * `?worker`). It talks to the page through postMessage; there is no disk:
 * the documents are the ones the page opens, the settings come from
 * initializationOptions and didChangeConfiguration.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { memoryHost } from './host.ts';
import { startServer } from './server.ts';

// The worker's global scope (typed loosely: the core's tsconfig has no WebWorker lib).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// When the page's last message came: the rehearsal of typing waits while messages keep coming (host.ts lastInputAt).
let lastInput = -Infinity;
self.addEventListener('message', () => (lastInput = performance.now()));
startServer(connection, { ...memoryHost(), lastInputAt: () => lastInput });
