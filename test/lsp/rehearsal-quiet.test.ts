/**
 * The rehearsal of typing (server/diagnostics.ts) takes its steps at quiet moments: not while the client keeps
 * sending or a check runs, and — for a client that never pauses — every step left at once when its patience ran
 * out, so that it always ends. The Node host tells when the client's input last arrived.
 */
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { REHEARSAL_QUIET_MS, rehearsalMove } from '../../language-server/src/server/diagnostics.ts';
import { memoryHost } from '../../language-server/src/server/host.ts';
import { nodeHost } from '../../language-server/src/server/node-host.ts';
import { startServer } from '../../language-server/src/server/server.ts';
import { initialize, LspClient } from './client.ts';

describe('rehearsalMove', () => {
  const Q = REHEARSAL_QUIET_MS;
  it.each([
    ['quiet long enough, no check', 1000, 1000 - Q, false, 2000, 'step'],
    ['quiet long enough, past the deadline', 3000, 3000 - 2 * Q, false, 2000, 'step'],
    ['a message just came, before the deadline', 1000, 999, false, 2000, Q - 1],
    ['a message just came, the deadline near', 1000, 999, false, 1003, 3],
    ['a message just came, past the deadline', 3000, 2999, false, 2000, 'rest'],
    ['a check under way, quiet otherwise', 1000, 1000 - 5 * Q, true, 2000, 1],
    ['a check under way, past the deadline', 3000, 2999, true, 2000, 1],
    ['nothing known of the client (no host support, no check ended yet)', 1000, -Infinity, false, 2000, 'step'],
  ] as const)('%s', (_name, now, last, checking, deadline, move) => {
    expect(rehearsalMove(now, last, checking, deadline)).toBe(move);
  });
});

describe('the Node host tells when input last arrived', () => {
  it('from the first question on, the time of the last chunk read', async () => {
    const input = new PassThrough();
    input.resume();
    const host = nodeHost({ input: () => input });
    expect(host.lastInputAt!()).toBe(-Infinity);
    const before = performance.now();
    input.write('Content-Length: 2\r\n\r\n{}');
    await new Promise((r) => setImmediate(r));
    const first = host.lastInputAt!();
    expect(first).toBeGreaterThanOrEqual(before);
    input.write('x');
    await new Promise((r) => setImmediate(r));
    expect(host.lastInputAt!()).toBeGreaterThanOrEqual(first);
  });

  it('has no answer without an input stream (other transports)', () => {
    expect(nodeHost().lastInputAt).toBeUndefined();
  });
});

describe('a client that never pauses', () => {
  let dispose = () => undefined as void;
  afterAll(() => dispose());

  it('still gets the rehearsal ended (its collection comes)', async () => {
    let collections = 0;
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    // Input "arrives" at every question: the rehearsal never finds a quiet moment.
    startServer(connection, { ...memoryHost(), lastInputAt: () => performance.now(), collectGarbage: () => collections++ });
    const clientSide = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    dispose = () => {
      clientSide.dispose();
      connection.dispose();
    };
    const client = await initialize(new LspClient({ alive: () => true, ended: async () => undefined, kill: () => undefined }, clientSide, () => ({})));
    const uri = 'untitled:busy.txt';
    await client.open(uri, 'Điều 1. Phạm vi\n1. Thông tư này hướng dẫn công tác văn thư.\n');
    await client.diagnostics(uri, 1, 60_000);
    for (let waited = 0; collections === 0 && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    expect(collections).toBe(1);
  });
});
