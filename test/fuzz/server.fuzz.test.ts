// Fuzz target over the language server (dist/server.js over stdio, the
// server helper's LspClient): random requests with positions and ranges in
// and out of the document (negative, past the end, not numbers), unknown and
// malformed URIs, missing params, random edits with stale and future
// versions, interleaved with the documents' own changes. Every request is
// answered (a result or an LSP error) within a safety timeout, the process
// lives on, and at the end a pristine document is still analysed correctly.
// test/lsp/robustness.test.ts has the hand-written malformed-request cases.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { fileUri, type LspClient, ROOT, startClient } from '../lsp/client.ts';
import { anyText } from './arbitraries.ts';
import { CASE_TIMEOUT_MS, FUZZ_RUNS, FUZZ_SEED, TARGET_TIMEOUT_MS } from './fuzz-config.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt');
const TEXT = readFileSync(FIXTURE, 'utf8');
const PRISTINE = 'file:///fuzz/pristine.txt';
const FUZZED = 'file:///fuzz/fuzzed.txt';

let client: LspClient;
let version = 1;
beforeAll(async () => {
  client = await startClient();
  await client.open(PRISTINE, TEXT);
  await client.open(FUZZED, TEXT);
  await client.diagnostics(PRISTINE, 1);
}, 60_000);
afterAll(async () => {
  await client.stop();
});

const int = fc.oneof(
  { weight: 8, arbitrary: fc.nat({ max: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, -1000, 2 ** 31, 2 ** 53, 1e9) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, Number.NaN, '3', null, undefined, {}) as fc.Arbitrary<unknown> },
);
const position = fc.oneof({ weight: 9, arbitrary: fc.record({ line: int, character: int }) }, { weight: 1, arbitrary: fc.constantFrom(null, 'x', [], { line: 1 }) as fc.Arbitrary<unknown> });
const range = fc.record({ start: position, end: position });
const uri = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(FUZZED, PRISTINE) },
  { weight: 1, arbitrary: fc.constantFrom('file:///nowhere.txt', 'not a uri', '', 'untitled:Untitled-1', fileUri(FIXTURE)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const textDocument = fc.oneof({ weight: 9, arbitrary: uri.map((u) => ({ uri: u })) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'x', {}) as fc.Arbitrary<unknown> });

const METHODS = [
  'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight',
  'textDocument/completion', 'textDocument/prepareRename', 'textDocument/rename', 'textDocument/selectionRange',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/semanticTokens/range',
  'textDocument/codeAction', 'textDocument/inlayHint', 'textDocument/documentLink', 'textDocument/diagnostic', 'textDocument/formatting',
  'workspace/symbol', 'vanban/unknown',
] as const;

const request = fc.record({
  method: fc.constantFrom(...METHODS),
  textDocument,
  position,
  range,
  positions: fc.array(position, { maxLength: 3 }),
  newName: fc.oneof(fc.constantFrom('7', 'a', 'Điều 3', ''), fc.string({ maxLength: 6 })),
  query: fc.string({ maxLength: 8 }),
  context: fc.constantFrom(undefined, { includeDeclaration: true }, { diagnostics: [], only: ['quickfix'] }, { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' }] }),
  dropParams: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});

const change = fc.record({
  versionStep: fc.constantFrom(1, 1, 1, 0, -1, 5),
  changes: fc.array(fc.oneof({ weight: 6, arbitrary: fc.record({ range, text: anyText(3) }) }, { weight: 1, arbitrary: anyText(10).map((text) => ({ text })) }), { minLength: 1, maxLength: 3 }),
});

const step = fc.oneof({ weight: 5, arbitrary: request.map((r) => ({ kind: 'request' as const, r })) }, { weight: 1, arbitrary: change.map((c) => ({ kind: 'change' as const, c })) });

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} in ${ms} ms`)), ms))]);
}

describe('fuzz: language server', () => {
  it(`${FUZZ_RUNS} random requests and edits: always an answer or an LSP error, the server lives on`, async () => {
    const started = performance.now();
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(step, async (s) => {
        if (s.kind === 'change') {
          version += s.c.versionStep;
          await client.change(FUZZED, version, s.c.changes as never);
          return;
        }
        const { method, dropParams, ...p } = s.r;
        const params = dropParams ? undefined : { textDocument: p.textDocument, position: p.position, range: p.range, positions: p.positions, newName: p.newName, query: p.query, context: p.context };
        try {
          await within(client.request(method, params), CASE_TIMEOUT_MS, method);
        } catch (e) {
          if (!(e instanceof ResponseError)) throw e;
          errors++;
        }
        expect(client.alive).toBe(true);
      }),
      { numRuns: FUZZ_RUNS, seed: FUZZ_SEED },
    );
    // Still right on a document nobody fuzzed.
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: PRISTINE } });
    expect(symbols.length).toBeGreaterThan(0);
    expect(client.stderr).not.toMatch(/TypeError|RangeError|Maximum call stack/u);
    if (process.env.FUZZ_REPORT) console.log(`[fuzz] server: ${FUZZ_RUNS} steps in ${Math.round(performance.now() - started)} ms, ${errors} LSP errors`);
  }, TARGET_TIMEOUT_MS);
});
