// The registry of legal documents through the server: hover on a citation, completion
// of a citation, registry files of the `vanban.registry` setting (a bad one reported on
// the file), and the workspace's own documents as entries.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { fileUri, LspClient, startClient } from './client.ts';

const DOC = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-BNV
Hà Nội, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc thí điểm
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Căn cứ Nghị định số 99/2025/NĐ-CP ngày 01 tháng 02 năm 2025 của Chính phủ về thí điểm;
QUYẾT ĐỊNH:
Điều 1. Thí điểm theo Nghị định số 63/2022/NĐ-CP.
Điều 2. Hiệu lực từ ngày ký.
`;
const lines = createLineIndex(DOC);
const at = (needle: string, nth = 0, shift = 2) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = DOC.indexOf(needle, i + 1);
  return lines.positionAt(i + shift);
};
const value = (h: Hover | null) => (h ? (h.contents as { value: string }).value : '');

let dir: string;
let client: LspClient | undefined;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vanban-registry-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

describe('citations and the embedded registry', () => {
  it('hover on a citation shows the registry card and the other places the document cites it', async () => {
    client = await startClient();
    const uri = 'untitled:cite-1';
    await client.open(uri, DOC);
    await client.diagnostics(uri, 1);
    const h = value(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('63/2022/NĐ-CP') }));
    expect(h.split('\n')[0]).toBe('**Nghị định số 63/2022/NĐ-CP** — Chính phủ');
    expect(h).toContain('\nquy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ\n');
    expect(h).toMatch(/- Ngày ban hành: 12\/9\/2022 _\(\d+ nguồn thống nhất/u);
    expect(h).toContain(`Được dẫn 2 lần trong văn bản này: dòng ${at('63/2022/NĐ-CP', 1).line + 1}`);
  });

  it('a document the registry does not know: "Không có trong cơ sở dữ liệu" and what the citation states', async () => {
    client = await startClient();
    const uri = 'untitled:cite-2';
    await client.open(uri, DOC);
    const h = value(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('99/2025/NĐ-CP') }));
    expect(h.split('\n')[0]).toBe('**Nghị định số 99/2025/NĐ-CP** — Chính phủ');
    expect(h).toContain('_Không có trong cơ sở dữ liệu văn bản_');
    expect(h).toContain('Văn bản này ghi: 1/2/2025');
  });

  it('completion after "Nghị định số 24" offers the registry\'s Nghị định with their full citation text', async () => {
    client = await startClient();
    const uri = 'untitled:cite-3';
    const text = DOC + 'Thực hiện theo Nghị định số 24';
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: createLineIndex(text).positionAt(text.length) });
    const item = list.items.find((i) => i.label === '24/2014/NĐ-CP');
    expect(item).toBeDefined();
    const edit = item!.textEdit as { newText: string; range: { start: { character: number }; end: { character: number } } };
    expect(edit.newText).toMatch(/^24\/2014\/NĐ-CP ngày \d\d tháng \d+ năm 2014 của Chính phủ /u);
    expect(edit.range.end.character - edit.range.start.character).toBe(2);
    // The type word narrows the list: no Thông tư, Quyết định or Luật typed as such.
    expect(list.items.map((i) => i.label)).toContain('24/2024/NĐ-CP');
    expect(list.items.some((i) => /\/(?:TT|QĐ)-/u.test(i.label))).toBe(false);
    expect(list.items.every((i) => !i.detail || i.detail.startsWith('Nghị định') || !/^(Luật|Thông tư|Quyết định)/u.test(i.detail))).toBe(true);
  });
});

describe('registry files (vanban.registry) and the workspace', () => {
  it('an entry of a registry file shows in the hover; a bad file is reported on itself, the rest still loads', async () => {
    const reg = path.join(dir, 'reg.json');
    writeFileSync(reg, JSON.stringify({ format: 'vanban-registry', version: 1, entries: [
      { number: '99/2025/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', title: 'về thí điểm cơ chế đặc thù', dateIssued: '2025-02-01', status: 'con-hieu-luc' },
      { number: '98/2025/NĐ-CP', dateIssued: '2025-13-01' },
    ] }));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    client = await startClient({ settings: () => ({ registry: [reg, bad] }) });
    const uri = 'untitled:cite-4';
    await client.open(uri, DOC);
    await client.diagnostics(uri, 1);
    const h = value(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('99/2025/NĐ-CP') }));
    expect(h).toContain('\nvề thí điểm cơ chế đặc thù\n');
    expect(h).toContain('- Tình trạng: **Còn hiệu lực**');
    const regProblems = await client.diagnostics(fileUri(reg));
    expect(regProblems.diagnostics.map((d) => [d.code, d.message])).toEqual([['registry/invalid', expect.stringMatching(/reg\.json: entries\[1\]\.dateIssued/u)]]);
    const badProblems = await client.diagnostics(fileUri(bad));
    expect(badProblems.diagnostics[0].message).toMatch(/bad\.json: JSON sai cú pháp/u);
  });

  it('a bad registry file is reported in the language of the settings', async () => {
    const bad = path.join(dir, 'bad-en.json');
    writeFileSync(bad, '{ not json');
    client = await startClient({ settings: () => ({ registry: [bad], lang: 'en' }) });
    const uri = 'untitled:cite-en';
    await client.open(uri, DOC);
    await client.diagnostics(uri, 1);
    const problems = await client.diagnostics(fileUri(bad));
    expect(problems.diagnostics[0].message).toMatch(/^Invalid registry bad-en\.json: malformed JSON/u);
  });

  it('the documents of the workspace folder are entries too (after the background scan)', async () => {
    const ws = path.join(dir, 'ws');
    mkdirSync(ws, { recursive: true });
    writeFileSync(path.join(ws, 'nd-99.txt'), `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 99/2025/NĐ-CP
Hà Nội, ngày 01 tháng 02 năm 2025
NGHỊ ĐỊNH
Về thí điểm tổ chức bộ máy
Chính phủ ban hành Nghị định về thí điểm tổ chức bộ máy.
Điều 1. Phạm vi
Nghị định này quy định việc thí điểm.
`);
    client = await startClient({ rootUri: fileUri(ws) });
    const uri = 'untitled:cite-5';
    await client.open(uri, DOC);
    await client.diagnostics(uri, 1);
    // The scan starts a second after initialization; the re-check after it re-publishes the document.
    await expect
      .poll(async () => value(await client!.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at('99/2025/NĐ-CP') })), { timeout: 15_000, interval: 300 })
      .toContain('Về thí điểm tổ chức bộ máy');
  });
});

describe.skipIf(!hasCorpus)('seed 004', () => {
  it('hover on the cited 63/2022/NĐ-CP of the căn cứ shows its registry card', async () => {
    client = await startClient();
    const seed = readFileSync(SEED_004, 'utf8');
    const uri = fileUri(SEED_004);
    await client.open(uri, seed);
    const h = value(await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: createLineIndex(seed).positionAt(seed.indexOf('63/2022/NĐ-CP') + 3) }));
    expect(h).toContain('63/2022/NĐ-CP');
    expect(h).toContain('cơ cấu tổ chức của Bộ Nội vụ');
  });
});
