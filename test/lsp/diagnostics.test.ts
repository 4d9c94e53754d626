// Diagnostics over LSP, pushed and pulled, against `vanban check --format json` on the same files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { FULL_CAPABILITIES, fileUri, LspClient, ROOT, startClient } from './client.ts';
import { asLsp, cliCheck, essentials } from './expected.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt');
const SAMPLE = path.join(ROOT, 'samples/quyet-dinh-mau.txt');

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

const pullCapabilities = { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } } };

describe('pushed diagnostics', () => {
  it.each([FIXTURE, SAMPLE])('equal the CLI on %s, with the document version', async (file) => {
    client = await startClient();
    const uri = fileUri(file);
    await client.open(uri, readFileSync(file, 'utf8'), 7);
    const got = await client.diagnostics(uri, 7);
    expect(got.version).toBe(7);
    expect(got.diagnostics.map(essentials)).toEqual(cliCheck(file).map(asLsp));
    for (const d of got.diagnostics) expect(d.source).toBe('vanban');
  });

  it('carries relatedInformation and a codeDescription link to the rule documentation', async () => {
    client = await startClient();
    const uri = fileUri(FIXTURE);
    await client.open(uri, readFileSync(FIXTURE, 'utf8'));
    const got = await client.diagnostics(uri, 1);
    const abbr = got.diagnostics.find((d) => d.code === 'text/abbreviation')!;
    expect(abbr.relatedInformation).toEqual([
      { location: { uri, range: { start: { line: 23, character: 57 }, end: { line: 23, character: 63 } } }, message: 'Định nghĩa “CCHC” ở đây' },
    ]);
    const doc = readFileSync(path.join(ROOT, 'dist/rules.md'), 'utf8');
    for (const d of got.diagnostics) {
      expect(d.codeDescription?.href).toMatch(/^file:\/\/.*\/dist\/rules\.md#[a-z-]+$/);
      const anchor = d.codeDescription!.href.split('#')[1];
      expect(anchor).toBe(String(d.code).replace('/', '-'));
      // The anchor exists in the generated documentation, under the rule's heading.
      expect(doc).toContain(`<a id="${anchor}"></a>\n\n### ${d.code}\n`);
    }
  });

  it('are the same from `vanban lsp --stdio`', async () => {
    client = await startClient({ viaCli: true });
    expect(client.initializeResult.serverInfo?.name).toBe('vanban');
    const uri = fileUri(SAMPLE);
    await client.open(uri, readFileSync(SAMPLE, 'utf8'));
    const got = await client.diagnostics(uri, 1);
    expect(got.diagnostics.map(essentials)).toEqual(cliCheck(SAMPLE).map(asLsp));
  });

  it('follow incremental edits: fixing the repeated word removes its diagnostic in the next version', async () => {
    client = await startClient();
    const uri = fileUri(FIXTURE);
    const text = readFileSync(FIXTURE, 'utf8');
    await client.open(uri, text, 1);
    const before = await client.diagnostics(uri, 1);
    const rep = before.diagnostics.find((d) => d.code === 'text/repeated-word')!;
    // Delete "của " (the second copy and the space before it).
    await client.change(uri, 2, [{ range: { start: { line: rep.range.start.line, character: rep.range.start.character - 1 }, end: rep.range.end }, text: '' }]);
    const after = await client.diagnostics(uri, 2);
    expect(after.diagnostics.map((d) => d.code)).not.toContain('text/repeated-word');
    expect(after.diagnostics.length).toBe(before.diagnostics.length - 1);
  });

  it('of a burst of changes read at once are published once, for its last version', async () => {
    client = await startClient();
    const uri = fileUri(FIXTURE);
    const text = readFileSync(FIXTURE, 'utf8');
    await client.open(uri, text, 1);
    await client.diagnostics(uri, 1);
    // Eight keystrokes in one write: the server reads them together and checks only the text they end in.
    const typed = 'Một hai ';
    const frames = [...typed].map((ch, i) => {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        method: 'textDocument/didChange',
        params: { textDocument: { uri, version: i + 2 }, contentChanges: [{ range: { start: { line: 0, character: i }, end: { line: 0, character: i } }, text: ch }] },
      });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    client.proc.writeRaw!(frames.join(''));
    const last = typed.length + 1;
    const got = await client.diagnostics(uri, last);
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, last]);
    const dir = mkdtempSync(path.join(tmpdir(), 'vanban-burst-'));
    try {
      const typedFile = path.join(dir, 'typed.txt');
      writeFileSync(typedFile, typed + text);
      expect(got.diagnostics.map(essentials)).toEqual(cliCheck(typedFile).map(asLsp));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('speak English when the client locale is English, Vietnamese by default', async () => {
    client = await startClient({ locale: 'en-US' });
    const uri = fileUri(FIXTURE);
    await client.open(uri, readFileSync(FIXTURE, 'utf8'));
    const got = await client.diagnostics(uri, 1);
    expect(got.diagnostics.map(essentials)).toEqual(cliCheck(FIXTURE, ['--lang', 'en']).map(asLsp));
  });

  it.skipIf(!hasCorpus)('equal the CLI on seed 004', async () => {
    client = await startClient();
    const uri = fileUri(SEED_004);
    await client.open(uri, readFileSync(SEED_004, 'utf8'));
    const got = await client.diagnostics(uri, 1);
    expect(got.diagnostics.map(essentials)).toEqual(cliCheck(SEED_004).map(asLsp));
  });
});

describe('pulled diagnostics', () => {
  it('textDocument/diagnostic gives the full report, then unchanged for the same result id', async () => {
    client = await startClient({ capabilities: pullCapabilities });
    expect(client.initializeResult.capabilities.diagnosticProvider).toMatchObject({ workspaceDiagnostics: true, interFileDependencies: false });
    const uri = fileUri(FIXTURE);
    await client.open(uri, readFileSync(FIXTURE, 'utf8'), 3);
    const full = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    expect(full.kind).toBe('full');
    if (full.kind !== 'full') return;
    expect(full.items.map(essentials)).toEqual(cliCheck(FIXTURE).map(asLsp));
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: full.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: full.resultId });
    // No push in pull mode.
    expect(client.published.filter((p) => p.uri === uri)).toEqual([]);
    // A change gives a new result id and a full report.
    await client.change(uri, 4, [{ text: 'Điều 1. Một\n' }]);
    const next = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: full.resultId });
    expect(next.kind).toBe('full');
  });

  it('workspace/diagnostic reports every open document with its version, and unchanged ones as such', async () => {
    client = await startClient({ capabilities: pullCapabilities });
    const a = fileUri(FIXTURE);
    const b = fileUri(SAMPLE);
    await client.open(a, readFileSync(FIXTURE, 'utf8'), 2);
    await client.open(b, readFileSync(SAMPLE, 'utf8'), 5);
    const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(first.items.map((i) => [i.uri, i]));
    expect([...byUri.keys()].sort()).toEqual([a, b].sort());
    expect(byUri.get(a)).toMatchObject({ kind: 'full', version: 2 });
    expect(byUri.get(b)).toMatchObject({ kind: 'full', version: 5 });
    const bFull = byUri.get(b)!;
    if (bFull.kind === 'full') expect(bFull.items.map(essentials)).toEqual(cliCheck(SAMPLE).map(asLsp));
    // One document changes: the next report answers at once, the other unchanged.
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    await client.change(a, 3, [{ text: 'Điều 1. Một\n' }]);
    const second = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    const kinds = Object.fromEntries(second.items.map((i) => [i.uri, i.kind]));
    expect(kinds).toEqual({ [a]: 'full', [b]: 'unchanged' });
  });
});
