/**
 * The language server in a Web Worker, as an @codemirror/lsp-client
 * Transport. The worker (vscode-languageserver/browser) posts message
 * OBJECTS; the client speaks JSON STRINGS. Every message crossing in either
 * direction must be a JSON-RPC 2.0 message (zod): anything else is dropped
 * and counted, never handed on.
 */
import type { Transport } from '@codemirror/lsp-client';
import { z } from 'zod';

const Id = z.union([z.number().int(), z.string().max(100)]);

/** JSON-RPC 2.0: a request, a notification or a response. */
export const JsonRpcMessage = z.union([
  z.object({ jsonrpc: z.literal('2.0'), id: Id, method: z.string().min(1).max(200), params: z.unknown().optional() }),
  z.object({ jsonrpc: z.literal('2.0'), method: z.string().min(1).max(200), params: z.unknown().optional() }),
  z.object({ jsonrpc: z.literal('2.0'), id: Id.nullable(), result: z.unknown() }),
  z.object({ jsonrpc: z.literal('2.0'), id: Id.nullable(), error: z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() }) }),
]);

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface CheckedTransport extends Transport {
  /** Messages dropped because they were not JSON-RPC (each direction). */
  readonly dropped: { in: number; out: number };
}

export function workerTransport(worker: WorkerLike): CheckedTransport {
  const handlers = new Set<(value: string) => void>();
  const dropped = { in: 0, out: 0 };
  worker.addEventListener('message', (e: MessageEvent) => {
    if (!JsonRpcMessage.safeParse(e.data).success) {
      dropped.in++;
      return;
    }
    const text = JSON.stringify(e.data);
    for (const h of handlers) h(text);
  });
  return {
    dropped,
    send(message) {
      let value: unknown;
      try {
        value = JSON.parse(message);
      } catch {
        dropped.out++;
        return;
      }
      if (!JsonRpcMessage.safeParse(value).success) {
        dropped.out++;
        return;
      }
      worker.postMessage(value);
    },
    subscribe(h) {
      handlers.add(h);
    },
    unsubscribe(h) {
      handlers.delete(h);
    },
  };
}
