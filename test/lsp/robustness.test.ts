// The server against a misbehaving client (issue 10 §5): malformed and
// out-of-range params, unknown documents, stale versions, huge payloads,
// broken JSON and cancellations get an LSP error or a log line — and the
// server lives on and keeps answering correctly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Hover, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT, startClient } from './client.ts';
import { asLsp, cliCheck, essentials } from './expected.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt');
const TEXT = readFileSync(FIXTURE, 'utf8');
const URI = fileUri(FIXTURE);

let client: LspClient;
beforeAll(async () => {
  client = await startClient();
  await client.open(URI, TEXT);
  await client.diagnostics(URI, 1);
});
afterAll(async () => {
  await client.stop();
});

/** The error a request fails with (fails the test if it succeeds). */
async function errorOf(method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    const r = await client.request(method, params);
    throw new Error(`${method} answered ${JSON.stringify(r)} instead of failing`);
  } catch (e) {
    if (e instanceof ResponseError) return e;
    throw e;
  }
}

/** The server still answers, correctly, on the fixture. */
async function stillWorks(): Promise<void> {
  expect(client.alive).toBe(true);
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  expect(symbols.map((s) => s.name)).toContain('Điều 3. Nguyên tắc phối hợp');
}

const td = { uri: URI };

describe('malformed requests answer InvalidParams', () => {
  it.each([
    ['hover without a position', 'textDocument/hover', { textDocument: td }],
    ['hover with a negative line', 'textDocument/hover', { textDocument: td, position: { line: -1, character: 0 } }],
    ['hover with a fractional character', 'textDocument/hover', { textDocument: td, position: { line: 1, character: 0.5 } }],
    ['hover with a string position', 'textDocument/hover', { textDocument: td, position: '1:2' }],
    ['definition with a line past the end', 'textDocument/definition', { textDocument: td, position: { line: 100_000, character: 0 } }],
    ['references without context', 'textDocument/references', { textDocument: td, position: { line: 1, character: 0 } }],
    ['documentSymbol without textDocument', 'textDocument/documentSymbol', {}],
    ['documentSymbol with a numeric uri', 'textDocument/documentSymbol', { textDocument: { uri: 42 } }],
    ['documentSymbol with null params', 'textDocument/documentSymbol', null],
    ['selectionRange with a position object missing character', 'textDocument/selectionRange', { textDocument: td, positions: [{ line: 1 }] }],
    ['codeAction with a range ending before it starts', 'textDocument/codeAction', { textDocument: td, range: { start: { line: 5, character: 0 }, end: { line: 2, character: 0 } }, context: { diagnostics: [] } }],
    ['semanticTokens/range starting past the end', 'textDocument/semanticTokens/range', { textDocument: td, range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 1 } } }],
    ['inlayHint with a line beyond 2^31', 'textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: 2 ** 40, character: 0 } } }],
    ['workspace/symbol with a 2,000-character query', 'workspace/symbol', { query: 'x'.repeat(2000) }],
    ['completion with a position of the wrong shape', 'textDocument/completion', { textDocument: td, position: [1, 2] }],
  ])('%s', async (_name, method, params) => {
    const e = await errorOf(method, params);
    expect(e.code).toBe(ErrorCodes.InvalidParams);
    expect(e.message.length).toBeGreaterThan(10);
    await stillWorks();
  });

  it('a character past the end of its line means the end of the line (as the protocol says), not an error', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: td, position: { line: 28, character: 10_000 } });
    expect(h === null || typeof h === 'object').toBe(true);
    await stillWorks();
  });
});

describe('documents the server does not have', () => {
  it.each(['textDocument/hover', 'textDocument/definition', 'textDocument/completion'])('%s on an unknown document answers InvalidParams naming it', async (method) => {
    const e = await errorOf(method, { textDocument: { uri: 'file:///nowhere/never-opened.txt' }, position: { line: 0, character: 0 } });
    expect(e.code).toBe(ErrorCodes.InvalidParams);
    expect(e.message).toContain('file:///nowhere/never-opened.txt');
    await stillWorks();
  });

  it('pulling diagnostics of an unknown document answers InvalidParams', async () => {
    const e = await errorOf('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.txt' } });
    expect(e.code).toBe(ErrorCodes.InvalidParams);
  });

  it('an unknown method answers MethodNotFound', async () => {
    const e = await errorOf('vanban/doesNotExist', {});
    expect(e.code).toBe(ErrorCodes.MethodNotFound);
    await stillWorks();
  });
});

describe('bad notifications are logged and ignored; the document stays right', () => {
  it('a didChange with a version not above the current one is refused', async () => {
    const uri = 'untitled:stale';
    await client.open(uri, TEXT, 5);
    await client.diagnostics(uri, 5);
    await client.change(uri, 5, [{ text: 'garbage' }]);
    await client.change(uri, 3, [{ text: 'older garbage' }]);
    // A good change after them applies to the untouched text.
    await client.change(uri, 6, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const d = await client.diagnostics(uri, 6);
    expect(d.diagnostics.map(essentials)).toEqual(cliCheck(FIXTURE).map(asLsp));
    expect(client.logs.map((l) => l.message).join('\n')).toMatch(/version 3, not above the current 5/);
  });

  it('a didChange whose range lies outside the document is refused, the next good one applies', async () => {
    const uri = 'untitled:outside';
    await client.open(uri, TEXT, 1);
    await client.change(uri, 2, [{ range: { start: { line: 5000, character: 0 }, end: { line: 5001, character: 0 } }, text: 'x' }]);
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 0 }, end: { line: 2, character: 0 } }, text: 'x' }]);
    await client.change(uri, 4, [{ text: TEXT }]);
    const d = await client.diagnostics(uri, 4);
    expect(d.diagnostics.map(essentials)).toEqual(cliCheck(FIXTURE).map(asLsp));
    const log = client.logs.map((l) => l.message).join('\n');
    expect(log).toMatch(/outside the document/);
    expect(log).toMatch(/ends before it starts/);
  });

  it('malformed notifications (no textDocument, text not a string, change of a closed document) are logged', async () => {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:bad', version: 1, text: 42 } });
    await client.connection.sendNotification('textDocument/didChange', { contentChanges: [] });
    await client.change('untitled:never-opened', 2, [{ text: 'x' }]);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:never-opened' } });
    await stillWorks();
    const log = client.logs.map((l) => l.message).join('\n');
    expect(log).toMatch(/didOpen: invalid params/);
    expect(log).toMatch(/didChange: invalid params/);
    expect(log).toMatch(/not open: untitled:never-opened/);
  });

  it('a message that is not JSON is survived', async () => {
    const bad = Buffer.from('{"jsonrpc":"2.0","id":99,"method":"textDocument/hover",', 'utf8');
    client.proc.writeRaw!(`Content-Length: ${bad.length}\r\n\r\n`);
    client.proc.writeRaw!(bad);
    await stillWorks();
  });
});

describe('huge payloads', () => {
  it('a 12 MB document is kept but not analysed: one io/too-large note, requests on it fail clearly', async () => {
    const uri = 'untitled:huge';
    const huge = 'Điều 1. Tên\n'.repeat(1_000_000);
    await client.open(uri, huge);
    const d = await client.diagnostics(uri, 1, 60_000);
    expect(d.diagnostics.map((x) => x.code)).toEqual(['io/too-large']);
    expect(d.diagnostics[0].message).toMatch(/quá lớn/);
    const e = await errorOf('textDocument/documentSymbol', { textDocument: { uri } });
    expect(e.code).toBe(LSPErrorCodes.RequestFailed);
    expect(e.message).toMatch(/too large/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await stillWorks();
  });

  it('a 3 MB single line of "a a a …" (187,500 repeated-word findings) publishes at most 2,000 and says so', async () => {
    const uri = 'untitled:one-line';
    await client.open(uri, 'a '.repeat(1_500_000));
    const d = await client.diagnostics(uri, 1, 60_000);
    expect(d.diagnostics).toHaveLength(2001);
    expect(d.diagnostics[0]).toMatchObject({ code: 'vanban/truncated', severity: 3 });
    expect(d.diagnostics[0].message).toMatch(/^Còn 185500 chẩn đoán khác không hiển thị/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await stillWorks();
  });
});

describe('cancellation and changes under a request', () => {
  it('a cancelled request answers RequestCancelled (or its result, if it was done first)', async () => {
    const uri = 'untitled:cancel';
    const big = TEXT.repeat(30);
    await client.open(uri, big);
    const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
    const source = new CancellationTokenSource();
    const p = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, source.token);
    source.cancel();
    const outcome = await p.then(
      () => 'answered',
      (e: unknown) => (e instanceof ResponseError ? e.code : String(e)),
    );
    expect(['answered', LSPErrorCodes.RequestCancelled]).toContain(outcome);
    await stillWorks();
  });

  it('code actions asked while the document changes answer ContentModified or actions of one version', async () => {
    const uri = 'untitled:moving';
    const big = TEXT.repeat(30);
    await client.open(uri, big, 1);
    const asked = client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'X' }]);
    const outcome = await asked.then(
      (r) => r,
      (e: unknown) => (e instanceof ResponseError ? e.code : String(e)),
    );
    if (typeof outcome === 'number') expect(outcome).toBe(LSPErrorCodes.ContentModified);
    else {
      // Answered for one version, the one current when it was computed: every edit names it.
      const versions = new Set<number>();
      for (const a of outcome as { edit?: { documentChanges?: { textDocument: { version: number } }[] } }[]) {
        for (const ch of a.edit?.documentChanges ?? []) versions.add(ch.textDocument.version);
      }
      expect(versions.size).toBe(1);
      expect([1, 2]).toContain([...versions][0]);
    }
    await stillWorks();
  });
});
