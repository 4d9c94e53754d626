// Across the documents of a workspace folder: workspace symbols over files that
// are not open, and a citation of a document of the workspace that goes to that
// file — to the unit its pinpoint names ("khoản 2 Điều 5 của Nghị định số …").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocationLink, SemanticTokens, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { fileUri, LspClient, startClient } from './client.ts';

const CITED = `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 25/2025/NĐ-CP
Hà Nội, ngày 21 tháng 02 năm 2025
NGHỊ ĐỊNH
Quy định chức năng, nhiệm vụ của Bộ Nội vụ
Chính phủ ban hành Nghị định quy định chức năng, nhiệm vụ của Bộ Nội vụ.
Điều 1. Vị trí và chức năng
Bộ Nội vụ là cơ quan của Chính phủ.
Điều 5. Nhiệm vụ về công chức
1. Trình Chính phủ dự án luật.
2. Hướng dẫn việc tuyển dụng công chức.
Điều 6. Hiệu lực thi hành
Nghị định này có hiệu lực từ ngày ký.
`;

const CITING = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-BNV
Hà Nội, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Về việc tuyển dụng công chức
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Nội vụ;
QUYẾT ĐỊNH:
Điều 1. Tuyển dụng
Việc tuyển dụng thực hiện theo khoản 2 Điều 5 của Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ.
Điều 2. Hiệu lực
Quyết định này có hiệu lực từ ngày ký.
`;

let dir: string;
let client: LspClient;
const citing = () => fileUri(path.join(dir, 'qd', 'quyet-dinh.txt'));
const cited = () => fileUri(path.join(dir, 'nd', 'nghi-dinh-25.txt'));
const lines = createLineIndex(CITING);
const citedLines = createLineIndex(CITED);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'vanban-ws-'));
  mkdirSync(path.join(dir, 'qd'));
  mkdirSync(path.join(dir, 'nd'));
  mkdirSync(path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'qd', 'quyet-dinh.txt'), CITING);
  writeFileSync(path.join(dir, 'nd', 'nghi-dinh-25.txt'), CITED);
  writeFileSync(path.join(dir, 'node_modules', 'ignored.txt'), 'Điều 1. Không được lập chỉ mục\n');
  client = await startClient({ rootUri: fileUri(dir) });
  await client.open(citing(), CITING);
  await client.diagnostics(citing(), 1);
});
afterAll(async () => {
  await client.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('workspace', () => {
  it('workspace/symbol finds units of documents that are not open (node_modules left out)', async () => {
    const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'dieu' });
    const names = found.map((s) => `${path.basename(s.location.uri)}: ${s.name}`);
    expect(names).toContain('nghi-dinh-25.txt: Điều 5. Nhiệm vụ về công chức');
    expect(names).toContain('quyet-dinh.txt: Điều 1. Tuyển dụng');
    expect(names.some((n) => n.startsWith('ignored.txt'))).toBe(false);
    const nd = found.find((s) => s.name === 'Điều 5. Nhiệm vụ về công chức')!;
    expect(nd.containerName).toBe('NGHỊ ĐỊNH Số: 25/2025/NĐ-CP');
    expect((nd.location as { range: { start: unknown } }).range.start).toEqual(citedLines.positionAt(CITED.indexOf('Điều 5.')));
  });

  it('a pinpointed citation goes to the unit in the cited file', async () => {
    const at = lines.positionAt(CITING.indexOf('khoản 2 Điều 5 của') + 3);
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: citing() }, position: at });
    expect(links).toHaveLength(1);
    expect(links[0].targetUri).toBe(cited());
    expect(links[0].targetSelectionRange.start).toEqual(citedLines.positionAt(CITED.indexOf('2. Hướng dẫn')));
    const origin = links[0].originSelectionRange!;
    expect(CITING.slice(lines.offsetAt(origin.start), lines.offsetAt(origin.end))).toMatch(/^khoản 2 Điều 5 của Nghị định số 25\/2025\/NĐ-CP/);
  });

  it('a citation without pinpoint (in the căn cứ) goes to the start of the cited file', async () => {
    const at = lines.positionAt(CITING.indexOf('25/2025/NĐ-CP') + 2);
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: citing() }, position: at });
    expect(links.map((l) => [l.targetUri, l.targetSelectionRange.start])).toEqual([[cited(), { line: 0, character: 0 }]]);
  });

  it('an open cited document is used as the editor has it', async () => {
    const edited = CITED.replace('Điều 1. Vị trí và chức năng\nBộ Nội vụ là cơ quan của Chính phủ.\n', '');
    await client.open(cited(), edited);
    const at = lines.positionAt(CITING.indexOf('khoản 2 Điều 5 của') + 3);
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: citing() }, position: at });
    const e = createLineIndex(edited);
    expect(links[0].targetSelectionRange.start).toEqual(e.positionAt(edited.indexOf('2. Hướng dẫn')));
  });

  it('citations are semantic tokens of type string', async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: citing() } });
    const strings: string[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      char = tokens.data[i] === 0 ? char + tokens.data[i + 1] : tokens.data[i + 1];
      if (legend.tokenTypes[tokens.data[i + 3]] === 'string') {
        const start = lines.offsetAt({ line, character: char });
        strings.push(CITING.slice(start, start + tokens.data[i + 2]));
      }
    }
    expect(strings.some((s) => s.startsWith('Nghị định số 25/2025/NĐ-CP'))).toBe(true);
  });
});
