/**
 * The pure half of Word support in VS Code (extension/vscode/docx-view.ts):
 * the text view's URI and back, and the layout diagnostics the client adds
 * to what the language server reports on a .docx's text.
 */
import { describe, expect, it } from 'vitest';
import { docxFileOf, docxViewUri, DOCX_SCHEME, layoutDiagnostics, paragraphLabel } from '../../extension/vscode/docx-view.ts';
import { readDocx } from '../../language-server/src/io/docx/read.ts';
import { quyetDinhDocx } from '../helpers/docx.ts';

describe('Word text views in VS Code', () => {
  it.each([
    ['file:///home/cv/Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh.docx', '/home/cv/Quyết định.docx'],
    ['vscode-vfs://github/org/repo/qd.docx', '/org/repo/qd.docx'],
  ])('%s: the view keeps the file in its query', (file, path) => {
    const view = docxViewUri(file, path);
    expect(view.scheme).toBe(DOCX_SCHEME);
    expect(view.path).toBe(path);
    expect(docxFileOf(view.query)).toBe(file);
  });

  it('a query that names no file gives nothing', () => {
    expect(docxFileOf('%E0%A4%A')).toBeUndefined();
    expect(docxFileOf('plain')).toBeUndefined();
  });

  it('layout diagnostics name the Word paragraph and follow the rule settings', async () => {
    const { text, layout } = await readDocx(await quyetDinhDocx({ uprightDate: true, font: 'Arial' }));
    const ds = layoutDiagnostics(text, layout, 'vi');
    expect(ds.map((d) => d.code).sort()).toEqual(['layout/font', 'layout/italic']);
    const italic = ds.find((d) => d.code === 'layout/italic')!;
    expect(text.slice(italic.start, italic.end)).toBe('Hà Nội, ngày 05 tháng 01 năm 2024');
    expect(paragraphLabel(text, layout, italic.start, 'vi')).toBe('đoạn 5 “Hà Nội, ngày 05 tháng 01…”');
    expect(paragraphLabel(text, layout, italic.start, 'en')).toBe('paragraph 5 “Hà Nội, ngày 05 tháng 01…”');
    expect(layoutDiagnostics(text, layout, 'en', { 'layout/font': 'off' }).map((d) => d.code)).toEqual(['layout/italic']);
    expect(layoutDiagnostics(text, layout, 'vi', { 'layout/italic': 'error' }).find((d) => d.code === 'layout/italic')!.severity).toBe('error');
  });
});
