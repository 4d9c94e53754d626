// Every editor feature over LSP, on a written fixture and on seed 004, through the real server (stdio).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  CompletionList,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  SelectionRange,
  SemanticTokens,
  TextDocumentEdit,
  TextEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { applyEdits } from '../../language-server/src/core/diagnostics/edits.ts';
import { fixAll } from '../../language-server/src/core/service.ts';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { ResponseError } from 'vscode-languageserver-protocol';
import { fileUri, LspClient, ROOT, startClient } from './client.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt');
const TEXT = readFileSync(FIXTURE, 'utf8');
const URI = fileUri(FIXTURE);
const LINES = createLineIndex(TEXT);

/** The LSP position of the n-th occurrence of `needle` (plus `shift` characters). */
function pos(needle: string, nth = 0, shift = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not in the fixture: ${needle}`);
  return LINES.positionAt(at + shift);
}
const td = { uri: URI };
const textOf = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => TEXT.slice(LINES.offsetAt(r.start), LINES.offsetAt(r.end));

let client: LspClient;
beforeAll(async () => {
  client = await startClient({ settings: () => ({ inlayHints: { enabled: true } }) });
  await client.open(URI, TEXT);
  await client.diagnostics(URI, 1);
});
afterAll(async () => {
  await client.stop();
});

describe('outline and structure', () => {
  it('documentSymbol: header, preamble, the Điều with their khoản and điểm, Nơi nhận, signature', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
    expect(symbols.map((s) => s.name)).toEqual([
      'QUYẾT ĐỊNH Số: 15/QĐ-BNV',
      'Phần mở đầu',
      'Điều 1. Phạm vi điều chỉnh',
      'Điều 2. Đối tượng áp dụng',
      'Điều 3. Nguyên tắc phối hợp',
      'Điều 4. Hiệu lực thi hành',
      'Nơi nhận',
      'Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A',
    ]);
    const dieu3 = symbols[4];
    expect(dieu3.children!.map((c) => c.name.slice(0, 12))).toEqual(['1. Bảo đảm s', '2. Phối hợp ', '3. Các trườn']);
    expect(dieu3.children![1].children!.map((c) => c.name.slice(0, 2))).toEqual(['a)', 'b)', 'c)']);
    expect(textOf(dieu3.selectionRange)).toBe('Điều 3. Nguyên tắc phối hợp');
    // Every selectionRange lies inside its range.
    const inside = (s: DocumentSymbol): boolean =>
      LINES.offsetAt(s.selectionRange.start) >= LINES.offsetAt(s.range.start) && LINES.offsetAt(s.selectionRange.end) <= LINES.offsetAt(s.range.end) && (s.children ?? []).every(inside);
    expect(symbols.every(inside)).toBe(true);
  });

  it('foldingRange: the header, each Điều, khoản 2 of Điều 3 with its điểm', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: td });
    const starts = new Map(ranges.map((r) => [r.startLine, r.endLine]));
    expect(starts.get(pos('Điều 3.').line)).toBe(pos('3. Các trường hợp').line);
    expect(starts.get(pos('2. Phối hợp').line)).toBe(pos('c) Công khai').line);
    expect(starts.get(0)).toBeGreaterThan(3);
    for (const r of ranges) expect(r.endLine).toBeGreaterThan(r.startLine);
  });

  it('selectionRange: word → reference → line → khoản → Điều → body → document', async () => {
    const at = pos('khoản 2 Điều 3', 0, 2);
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: td, positions: [at] });
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(textOf(s.range));
    expect(chain[0]).toBe('khoản');
    expect(chain[1]).toBe('khoản 2 Điều 3 Quyết định này');
    expect(chain[2]).toBe('2. Việc phối hợp thực hiện theo nguyên tắc quy định tại khoản 2 Điều 3 Quyết định này.');
    expect(chain.some((t) => t.startsWith('Điều 1. Phạm vi điều chỉnh\n1.'))).toBe(true);
    expect(chain[chain.length - 1]).toBe(TEXT);
    for (let i = 1; i < chain.length; i++) expect(chain[i].length).toBeGreaterThan(chain[i - 1].length);
  });

  it('semanticTokens: labels, headings and references, broken ones marked, in the legend the server announced', async () => {
    const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend;
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: td });
    const decoded: { text: string; type: string; mods: string[] }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, len, type, mods] = tokens.data.slice(i, i + 5);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      const start = LINES.offsetAt({ line, character: char });
      decoded.push({ text: TEXT.slice(start, start + len), type: legend.tokenTypes[type], mods: legend.tokenModifiers.filter((_, k) => mods & (1 << k)) });
    }
    expect(decoded).toContainEqual({ text: 'Điều 3.', type: 'keyword', mods: [] });
    expect(decoded).toContainEqual({ text: 'Nguyên tắc phối hợp', type: 'class', mods: [] });
    expect(decoded).toContainEqual({ text: 'a)', type: 'keyword', mods: [] });
    expect(decoded).toContainEqual({ text: 'khoản 2 Điều 3 Quyết định này', type: 'variable', mods: [] });
    expect(decoded).toContainEqual({ text: 'khoản 5 Điều 3', type: 'variable', mods: ['deprecated'] });
    // The range request gives the tokens of those lines only.
    const ranged = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: td, range: { start: pos('Điều 3.'), end: pos('Điều 4.') } });
    expect(ranged.data.length).toBeGreaterThan(0);
    expect(ranged.data.length).toBeLessThan(tokens.data.length);
  });
});

describe('navigation', () => {
  it('definition: "khoản 2 Điều 3" goes to khoản 2 of Điều 3', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: td, position: pos('khoản 2 Điều 3', 0, 3) });
    expect(links).toHaveLength(1);
    expect(links[0].targetUri).toBe(URI);
    expect(textOf(links[0].targetSelectionRange)).toBe('2.');
    expect(textOf(links[0].targetRange).startsWith('2. Phối hợp chặt chẽ')).toBe(true);
    // The written piece under the cursor.
    expect(textOf(links[0].originSelectionRange!)).toBe('khoản 2');
  });

  it('definition of a broken reference finds nothing', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: td, position: pos('khoản 5 Điều 3', 0, 2) });
    expect(links).toEqual([]);
  });

  it('references: Điều 4 is named by "Như Điều 4" in Nơi nhận', async () => {
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: td, position: pos('Điều 4.', 0, 1), context: { includeDeclaration: true } });
    expect(locs.map((l) => textOf(l.range))).toEqual(['Điều 4.', 'Điều 4']);
    expect(locs[1].range.start.line).toBe(pos('Như Điều 4').line);
  });

  it('references of Điều 3 from a reference to it: every place naming it, inside longer chains too', async () => {
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: td, position: pos('Điều 3 áp dụng', 0, 1), context: { includeDeclaration: false } });
    expect(locs.map((l) => [l.range.start.line, textOf(l.range)])).toEqual([
      [pos('khoản 2 Điều 3').line, 'Điều 3'],
      [pos('khoản 5 Điều 3').line, 'Điều 3'],
      [pos('Điều 3 áp dụng').line, 'Điều 3'],
    ]);
  });

  it('prepareRename and rename: Điều 3 → 7, every reference to it follows', async () => {
    const at = pos('Điều 3.', 0, 5);
    const prep = await client.request<{ range: never; placeholder: string }>('textDocument/prepareRename', { textDocument: td, position: at });
    expect(prep.placeholder).toBe('3');
    expect(textOf(prep.range)).toBe('3');
    const edit = await client.request<{ documentChanges: TextDocumentEdit[] }>('textDocument/rename', { textDocument: td, position: at, newName: '7' });
    expect(edit.documentChanges[0].textDocument).toEqual({ uri: URI, version: 1 });
    const renamed = applyLsp(TEXT, edit.documentChanges[0].edits as TextEdit[]);
    expect(renamed).toContain('Điều 7. Nguyên tắc phối hợp');
    expect(renamed).toContain('khoản 2 Điều 7 Quyết định này');
    expect(renamed).toContain('Điều 7 áp dụng cho mọi đơn vị');
    expect(renamed).not.toMatch(/Điều 3(?!\d)/u);
  });

  it('rename refusals answer an error in the message language', async () => {
    const notAUnit = await client.request('textDocument/prepareRename', { textDocument: td, position: pos('Phối hợp chặt', 0, 3) }).then(
      () => 'answered',
      (e: ResponseError<unknown>) => e.message,
    );
    expect(notAUnit).toMatch(/^Chỉ đổi được số hiệu/);
    const taken = await client.request('textDocument/rename', { textDocument: td, position: pos('Điều 3.', 0, 5), newName: '4' }).then(
      () => 'answered',
      (e: ResponseError<unknown>) => e.message,
    );
    expect(taken).toMatch(/Đã có Điều 4/);
  });

  it('hover on a reference shows the unit it names', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: td, position: pos('khoản 2 Điều 3', 0, 2) });
    const md = (h.contents as { value: string }).value;
    expect(md).toContain('Phối hợp chặt chẽ, kịp thời, hiệu quả');
    expect(textOf(h.range!)).toBe('khoản 2');
  });

  it('documentHighlight: the unit (write) and the references to it (read)', async () => {
    const hs = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: td, position: pos('Như Điều 4', 0, 5) });
    expect(hs.map((h) => [textOf(h.range), h.kind])).toEqual([
      ['Điều 4.', 3],
      ['Điều 4', 2],
    ]);
  });

  it('documentLink: resolved references link to their unit, broken ones do not', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: td });
    const byText = new Map(links.map((l) => [textOf(l.range), l]));
    const target = pos('2. Phối hợp');
    expect(byText.get('khoản 2 Điều 3')?.target).toBe(`${URI}#L${target.line + 1},${target.character + 1}`);
    expect(byText.get('khoản 2 Điều 3')?.tooltip).toBe('Đến khoản 2 Điều 3');
    expect([...byText.keys()]).not.toContain('khoản 5 Điều 3');
  });

  it('hover on a diagnostic explains its rule, with the documentation link', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: td, position: pos('của của', 0, 5) });
    const md = (h.contents as { kind: string; value: string }).value;
    expect(md).toContain('**text/repeated-word** (cảnh báo)');
    expect(md).toContain('Sửa tự động được.');
    expect(md).toMatch(/\[Tài liệu quy tắc\]\(file:\/\/.*rules\.md#text-repeated-word\)/);
  });

  it('workspace/symbol finds the Điều of open documents, diacritics optional', async () => {
    const found = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'nguyen tac' });
    const here = found.filter((s) => 'range' in s.location && s.location.uri === URI);
    expect(here.map((s) => s.name)).toEqual(['Điều 3. Nguyên tắc phối hợp']);
    expect(here[0].containerName).toBe('QUYẾT ĐỊNH Số: 15/QĐ-BNV');
  });
});

describe('drafting help', () => {
  it('completion: on a new line after khoản 3 of Điều 3, its khoản 4, a first điểm, and Điều 4 (an insertion: renumbering follows)', async () => {
    const uri = 'untitled:completion-1';
    const at = TEXT.indexOf('\n', TEXT.indexOf('3. Các trường hợp')) + 1;
    const text = TEXT.slice(0, at) + '\n' + TEXT.slice(at);
    await client.open(uri, text);
    const p = createLineIndex(text).positionAt(at);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: p });
    const labels = list.items.map((i) => i.label);
    expect(labels).toEqual(['Điểm a', 'Khoản 4', 'Điều 4']);
    const khoan = list.items.find((i) => i.label === 'Khoản 4')!;
    expect((khoan.textEdit as { newText: string }).newText).toBe('4. ');
    expect(list.items.find((i) => i.label === 'Điều 4')!.textEdit).toMatchObject({ newText: 'Điều 4. ' });
    // The innermost unit the line follows comes first.
    expect(khoan.sortText! < list.items.find((i) => i.label === 'Điều 4')!.sortText!).toBe(true);
  });

  it('completion: "khoản " in a sentence offers the other khoản of the current Điều', async () => {
    const uri = 'untitled:completion-2';
    const at = TEXT.indexOf('khoản 5 Điều 3') + 'khoản '.length;
    const text = TEXT.slice(0, at) + TEXT.slice(at + 1);
    await client.open(uri, text);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: createLineIndex(text).positionAt(at) });
    expect(list.items.map((i) => i.label)).toEqual(['khoản 1', 'khoản 2']);
    expect(list.items[1].detail).toBe('Phối hợp chặt chẽ, kịp thời, hiệu quả:');
    expect((list.items[1].textEdit as { newText: string }).newText).toBe('2');
  });

  it('inlayHint (enabled by setting): the title after a bare "Điều 3"', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: LINES.lineStarts.length, character: 0 } } });
    expect(hints.map((h) => [h.position, h.label])).toEqual([
      [pos('Điều 3 áp dụng', 0, 'Điều 3'.length), 'Nguyên tắc phối hợp'],
      [pos('Như Điều 4', 0, 'Như Điều 4'.length), 'Hiệu lực thi hành'],
    ]);
  });

  it('codeAction: a quick fix for the repeated word, the same fix for all, disable-for-line, and fix-all', async () => {
    const range = { start: pos('của của'), end: pos('của của', 0, 7) };
    const diagnostics = (await client.diagnostics(URI, 1)).diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range, context: { diagnostics } });
    const titles = actions.map((a) => `${a.kind}: ${a.title}`);
    expect(titles[0]).toMatch(/^quickfix: /);
    expect(actions[0].isPreferred).toBe(true);
    expect(actions[0].diagnostics!.map((d) => d.code)).toEqual(['text/repeated-word']);
    expect(titles).toContain('quickfix: Tắt text/repeated-word cho dòng này');
    const edit = actions[0].edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: { range: never; newText: string }[] };
    expect(edit.textDocument).toEqual({ uri: URI, version: 1 });
    const fixed = applyLsp(TEXT, edit.edits);
    expect(fixed).toContain('nhiệm vụ của từng đơn vị');
    const all = actions.find((a) => a.kind === 'source.fixAll.vanban')!;
    const fixedAll = applyLsp(TEXT, editsOf(all));
    expect(fixedAll).toBe(fixAll(TEXT).text);
  });

  it('codeAction "Đánh số lại" renumbers the scope at the cursor, references following', async () => {
    const uri = 'untitled:renumber';
    const gap = TEXT.replace('2. Phối hợp chặt chẽ', '4. Phối hợp chặt chẽ');
    await client.open(uri, gap);
    const at = createLineIndex(gap).positionAt(gap.indexOf('4. Phối hợp'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor'] } });
    expect(actions.map((a) => [a.kind, a.title])).toEqual([['refactor.rewrite.vanban.renumber', 'Đánh số lại 3 khoản (4 → 2)']]);
    const fixed = applyLsp(gap, editsOf(actions[0]));
    expect(fixed).toContain('2. Phối hợp chặt chẽ');
  });

  it('codeAction with only=source.fixAll gives fix-all alone', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: { start: pos('Điều 1'), end: pos('Điều 1') }, context: { diagnostics: [], only: ['source.fixAll'] } });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.vanban']);
  });
});

function editsOf(a: CodeAction): TextEdit[] {
  return (a.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
}

function applyLsp(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = createLineIndex(text);
  return applyEdits(text, edits.map((e) => ({ range: { start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) }, newText: e.newText })));
}

describe.skipIf(!hasCorpus)('seed 004', () => {
  const seed = hasCorpus ? readFileSync(SEED_004, 'utf8') : '';
  const uri = fileUri(SEED_004);
  const lines = createLineIndex(seed);
  const at = (needle: string, shift = 0) => lines.positionAt(seed.indexOf(needle) + shift);
  const slice = (r: { start: never; end: never } | { start: { line: number; character: number }; end: { line: number; character: number } }) => seed.slice(lines.offsetAt(r.start), lines.offsetAt(r.end));

  beforeAll(async () => {
    await client.open(uri, seed);
    await client.diagnostics(uri, 1);
  });

  it('outline: the decision, its Điều, and the attached Kế hoạch with its sections', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.map((s) => s.name);
    expect(names.slice(0, 5)).toEqual([
      'QUYẾT ĐỊNH Số: 971/QĐ-BNV',
      'Phần mở đầu',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025 của Bộ Nội vụ.',
      'Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Cải cách hành chính, Thủ trưởng các đơn vị thuộc và trực thuộc Bộ …',
    ]);
    const plan = symbols.find((s) => s.name.startsWith('Văn bản kèm theo'))!;
    expect(plan.children!.map((c) => c.name.split(' ')[0])).toEqual(expect.arrayContaining(['I.', 'II.']));
    expect(symbols[1].children!.filter((c) => c.name.startsWith('Căn cứ'))).toHaveLength(4);
  });

  it('definition of "điểm h khoản 6 mục II của Kế hoạch này" lands on điểm h', async () => {
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: at('điểm h khoản 6 mục II', 1) });
    expect(links).toHaveLength(1);
    expect(slice(links[0].targetSelectionRange)).toBe('h)');
  });

  it('references of Điều 3 include "Như Điều 3"', async () => {
    const locs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: at('Điều 3.', 1), context: { includeDeclaration: false } });
    expect(locs.map((l) => l.range.start)).toContainEqual(at('Như Điều 3', 'Như '.length));
  });

  it('folding, selection, semantic tokens, links, inlay hints and fix-all answer on the whole document', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(folds.length).toBeGreaterThan(100);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.length / 5).toBeGreaterThan(100);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    expect(links.length).toBeGreaterThanOrEqual(5);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: lines.positionAt(seed.length) } });
    expect(hints.map((h) => h.label)).toContain('Chánh Văn phòng Bộ, Vụ trưởng Vụ Cải cách hành chính, Thủ t…');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    const edits = editsOf(actions[0]);
    expect(applyLsp(seed, edits)).toBe(fixAll(seed).text);
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [at('Như Điều 3', 5)] });
    expect(slice(sel.range)).toBe('Điều');
    expect(slice(sel.parent!.range)).toBe('Như Điều 3');
  });
});
