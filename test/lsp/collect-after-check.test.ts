/**
 * A full check of a large document is followed by a full garbage collection before its diagnostics go out
 * (server/diagnostics.ts COLLECT_AFTER_FULL_CHECK_CHARS); a keystroke answered from the version before, or a
 * small document, is not. The server runs in this process on a host that counts the collections it asks for
 * (the one after the rehearsal of typing, once per server, comes first).
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../language-server/src/server/server.ts';
import { memoryHost } from '../../language-server/src/server/host.ts';
import { generateDocument } from '../bench/generate.ts';
import { initialize, LspClient } from './client.ts';

let collections = 0;
let client: LspClient;
let serverSide: { dispose(): void };

beforeAll(async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  serverSide = connection;
  startServer(connection, { ...memoryHost(), collectGarbage: () => collections++ });
  const clientSide = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // Never sent `exit` (the server would end this process): the connections are dropped at the end.
  client = await initialize(new LspClient({ alive: () => true, ended: async () => undefined, kill: () => undefined }, clientSide, () => ({})));
  // The first answer starts the rehearsal of typing, which ends with one collection (once per server): counted
  // from then on, the collections are the checks' alone.
  const first = 'untitled:first.txt';
  await client.open(first, generateDocument({ bytes: 5_000, seed: 2 }));
  await client.diagnostics(first, 1, 60_000);
  for (let waited = 0; collections === 0 && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  expect(collections).toBe(1);
  collections = 0;
});

afterAll(() => {
  client.connection.dispose();
  serverSide.dispose();
});

describe('a full garbage collection after the full check of a large document', () => {
  const large = generateDocument({ bytes: 320_000, seed: 4 });
  const uri = 'untitled:large.txt';

  it('follows the first check of a document over 200,000 characters', async () => {
    expect(large.length).toBeGreaterThan(200_000);
    await client.open(uri, large);
    await client.diagnostics(uri, 1, 120_000);
    expect(collections).toBe(1);
  });

  it('does not follow a keystroke answered from the version before', async () => {
    // A letter typed inside a word of body prose (the quiet path).
    const at = large.indexOf('kiểm tra, giám sát', large.indexOf('Điều 5.')) + 3;
    const line = large.slice(0, at).split('\n').length - 1;
    const character = at - (large.lastIndexOf('\n', at - 1) + 1);
    await client.change(uri, 2, [{ range: { start: { line, character }, end: { line, character } }, text: 'a' }]);
    await client.diagnostics(uri, 2, 60_000);
    expect(collections).toBe(1);
  });

  it('does not follow the check of a small document', async () => {
    const small = 'untitled:small.txt';
    await client.open(small, generateDocument({ bytes: 20_000, seed: 4 }));
    await client.diagnostics(small, 1, 60_000);
    expect(collections).toBe(1);
  });

  it('follows a keystroke that takes the full check again (a label broken)', async () => {
    const at = large.indexOf('\nĐiều 7.') + 6;
    const line = large.slice(0, at).split('\n').length - 1;
    await client.change(uri, 3, [{ range: { start: { line, character: 5 }, end: { line, character: 6 } }, text: 'x' }]);
    await client.diagnostics(uri, 3, 120_000);
    expect(collections).toBe(2);
  });
});
