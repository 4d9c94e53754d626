// Runs dist/server-worker.js (the classic Web Worker bundle) inside a Node
// worker thread, with `self` standing for a DedicatedWorkerGlobalScope:
// postMessage goes to the parent, messages from the parent arrive as
// { data } events. Used by the worker parity test.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import vm from 'node:vm';

const listeners = { message: [], error: [] };
const self = {
  postMessage: (data) => parentPort.postMessage(data),
  addEventListener: (type, fn) => (listeners[type] ??= []).push(fn),
  removeEventListener: (type, fn) => (listeners[type] = (listeners[type] ?? []).filter((f) => f !== fn)),
  onmessage: null,
  close: () => process.exit(0),
};
parentPort.on('message', (data) => {
  const event = { data };
  if (typeof self.onmessage === 'function') self.onmessage(event);
  for (const fn of listeners.message) fn(event);
});
globalThis.self = self;
vm.runInThisContext(readFileSync(workerData.bundle, 'utf8'), { filename: workerData.bundle });
