// Encodings through the language server (issue 10 §1):
// - an open document whose text is a legacy font encoding seen as Unicode (TCVN3/VNI pasted from
//   Word, a file converted the wrong way, UTF-8 read as Windows-1252) gets ONE io/unreadable
//   diagnostic saying what it is and how to convert it, instead of hundreds of findings;
// - documents of the workspace folder that are not open are read as the CLI reads them
//   (io/encoding: UTF-16 with and without BOM, UTF-32, Windows-1258), and files in a legacy
//   encoding are left out of the index rather than indexed as mojibake.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT, startClient } from './client.ts';

const FX = path.join(ROOT, 'test/fixtures/encoding');
const SOURCE = readFileSync(path.join(FX, 'source.txt'), 'utf8');
const utf8 = (f: string) => readFileSync(path.join(FX, f), 'utf8');
/** What Word gives when text typed in a .VnTime / VNI-Times font is copied: its bytes as Windows-1252 letters. */
const pasted = (f: string) => new TextDecoder('windows-1252').decode(readFileSync(path.join(FX, f)));

describe('open documents in a legacy encoding', () => {
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it.each([
    ['TCVN3 converted as Latin-1 (file)', () => utf8('tcvn3-as-utf8.txt'), /TCVN3/u],
    ['TCVN3 pasted from Word', () => pasted('tcvn3.txt'), /TCVN3/u],
    ['VNI converted as Latin-1 (file)', () => utf8('vni-as-utf8.txt'), /VNI/u],
    ['VNI pasted from Word', () => pasted('vni.txt'), /VNI/u],
    ['UTF-8 once read as Windows-1252', () => utf8('utf8-as-cp1252.txt'), /UTF-8/u],
  ])('%s → one io/unreadable diagnostic with how to convert; once converted, the usual checks', async (_name, text, encoding) => {
    client = await startClient();
    const uri = 'untitled:legacy';
    await client.open(uri, text());
    const d = (await client.diagnostics(uri, 1)).diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'io/unreadable', severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    expect(d[0].message).toMatch(encoding);
    expect(d[0].message).toMatch(/Unikey|iconv/u);
    // The converted text replaces the buffer: checked as any document, the encoding note gone.
    await client.change(uri, 2, [{ text: SOURCE }]);
    const after = (await client.diagnostics(uri, 2)).diagnostics;
    expect(after.some((x) => x.code === 'io/unreadable')).toBe(false);
  });

  it('a change past the part the detection reads keeps its answer; one inside it is judged again', async () => {
    client = await startClient();
    const uri = 'untitled:legacy-long';
    // A legacy text longer than the detection's sample (its first 200,000 characters).
    let text = utf8('tcvn3-as-utf8.txt');
    while (text.length < 260_000) text += '\n' + utf8('tcvn3-as-utf8.txt');
    await client.open(uri, text);
    expect((await client.diagnostics(uri, 1)).diagnostics.map((d) => d.code)).toEqual(['io/unreadable']);
    const end = text.split('\n').length - 1;
    await client.change(uri, 2, [{ range: { start: { line: end, character: 0 }, end: { line: end, character: 0 } }, text: 'x' }]);
    expect((await client.diagnostics(uri, 2)).diagnostics.map((d) => d.code)).toEqual(['io/unreadable']);
    // The start converted to Unicode: judged again, the encoding note gone.
    const lines = text.split('\n').length;
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: lines - 1, character: 0 } }, text: SOURCE + '\n' }]);
    expect((await client.diagnostics(uri, 3, 60_000)).diagnostics.some((d) => d.code === 'io/unreadable')).toBe(false);
  });

  it('in English when the client asks for English', async () => {
    client = await startClient({ settings: () => ({ lang: 'en' }) });
    await client.open('untitled:legacy-en', utf8('tcvn3-as-utf8.txt'));
    const [d] = (await client.diagnostics('untitled:legacy-en', 1)).diagnostics;
    expect(d.code).toBe('io/unreadable');
    expect(d.message).toMatch(/TCVN3.*convert/isu);
  });

  it('no false alarm: the Unicode source, and a Vietnamese text whose marks are all in Latin-1, are checked normally', async () => {
    client = await startClient();
    const latin1Only = 'Điều 1. Nội dung\nCác cơ quan, đơn vị thực hiện theo đúng quy định của pháp luật hiện hành.\n'.normalize('NFC');
    for (const [i, text] of [SOURCE, latin1Only].entries()) {
      const uri = `untitled:ok-${i}`;
      await client.open(uri, text);
      const d = (await client.diagnostics(uri, 1)).diagnostics;
      expect(d.some((x) => x.code === 'io/unreadable')).toBe(false);
    }
  });
});

describe('the workspace reader decodes files as the CLI does', () => {
  let dir: string;
  let client: LspClient;
  const DECODED = ['utf8-bom.txt', 'utf16le-bom.txt', 'utf16be-bom.txt', 'utf16le-nobom.txt', 'utf16be-nobom.txt', 'utf32le-bom.txt', 'cp1258.txt'];
  const REFUSED = ['tcvn3.txt', 'vni.txt'];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vanban-ws-enc-'));
    for (const f of [...DECODED, ...REFUSED]) copyFileSync(path.join(FX, f), path.join(dir, f));
    client = await startClient({ rootUri: fileUri(dir) });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('workspace/symbol finds the units of UTF-16, UTF-32 and Windows-1258 files, spelt right; TCVN3 and VNI files are not indexed', async () => {
    // The scan runs in the background after initialization.
    let found: WorkspaceSymbol[] = [];
    await expect
      .poll(async () => {
        found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Điều 2' });
        return new Set(found.map((s) => path.basename(s.location.uri))).size;
      }, { timeout: 20_000, interval: 300 })
      .toBe(DECODED.length);
    const expected = SOURCE.split('\n').find((l) => l.startsWith('Điều 2.'))!.trim();
    for (const f of DECODED) {
      const names = found.filter((s) => path.basename(s.location.uri) === f).map((s) => s.name);
      expect(names.some((n) => expected.startsWith(n.replace(/…$/u, ''))), `${f}: ${names.join(' | ')}`).toBe(true);
    }
    const all = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
    expect(all.some((s) => REFUSED.includes(path.basename(s.location.uri)))).toBe(false);
  });
});
