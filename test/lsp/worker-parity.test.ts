// The Web Worker build of the server (dist/server-worker.js, vscode-languageserver/browser)
// gives the same answers as the Node server for the same documents.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver-protocol/node';
import type { DocumentSymbol, FoldingRange, SemanticTokens } from 'vscode-languageserver-protocol';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { fileUri, initialize, LspClient, ROOT, startClient } from './client.ts';

async function startWorkerClient(): Promise<LspClient> {
  const worker = new Worker(path.join(ROOT, 'test/lsp/worker-host.mjs'), { workerData: { bundle: path.join(ROOT, 'dist/server-worker.js') } });
  let alive = true;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => ((alive = false), resolve())));
  const connection = createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const client = new LspClient(
    { alive: () => alive, ended: (ms) => Promise.race([exited, new Promise<void>((r) => setTimeout(r, ms))]), kill: () => void worker.terminate() },
    connection,
    () => ({}),
  );
  worker.on('error', (e) => (client.stderr += String(e)));
  return initialize(client);
}

const FILES = [path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt'), path.join(ROOT, 'samples/quyet-dinh-mau.txt'), ...(hasCorpus ? [SEED_004] : [])];

let node: LspClient;
let web: LspClient;
beforeAll(async () => {
  [node, web] = await Promise.all([startClient(), startWorkerClient()]);
});
afterAll(async () => {
  await Promise.all([node.stop(), web.stop()]);
});

// The worker has no disk, so its diagnostics carry no file: link to the rule documentation.
const withoutLink = ({ codeDescription: _c, ...d }: { codeDescription?: unknown }) => d;

describe('Web Worker build = Node build', () => {
  it('announces the same capabilities', () => {
    expect(web.initializeResult).toEqual(node.initializeResult);
  });

  it.each(FILES)('same diagnostics, symbols, folding and tokens for %s', async (file) => {
    const text = readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await Promise.all([node.open(uri, text), web.open(uri, text)]);
    const [a, b] = await Promise.all([node.diagnostics(uri, 1), web.diagnostics(uri, 1)]);
    expect(a.diagnostics.length).toBeGreaterThan(0);
    expect(b.diagnostics.map(withoutLink)).toEqual(a.diagnostics.map(withoutLink));
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full']) {
      const [x, y] = await Promise.all([node.request<DocumentSymbol[] | FoldingRange[] | SemanticTokens>(method, { textDocument: { uri } }), web.request(method, { textDocument: { uri } })]);
      // Semantic tokens carry a time-based resultId: the data must match.
      const strip = (r: unknown) => (r && typeof r === 'object' && 'data' in r ? (r as SemanticTokens).data : r);
      expect(strip(y)).toEqual(strip(x));
    }
  });

  it('follows incremental edits the same way', async () => {
    const file = FILES[0];
    const uri = fileUri(file) + '?edited';
    const text = readFileSync(file, 'utf8');
    await Promise.all([node.open(uri, text), web.open(uri, text)]);
    const change = [{ range: { start: { line: 19, character: 0 }, end: { line: 19, character: 2 } }, text: '5.' }];
    await Promise.all([node.change(uri, 2, change), web.change(uri, 2, change)]);
    const [a, b] = await Promise.all([node.diagnostics(uri, 2), web.diagnostics(uri, 2)]);
    expect(a.diagnostics.map((d) => d.code)).toContain('numbering/khoan');
    expect(b.diagnostics.map(withoutLink)).toEqual(a.diagnostics.map(withoutLink));
  });
});
