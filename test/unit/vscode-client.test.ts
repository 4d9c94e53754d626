/**
 * The pure parts of the VS Code client (extension/vscode): its messages, the
 * cited-documents list, the renumbering fallback, the status bar's document
 * type and the plain-text setting.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedDocuments } from '../../extension/vscode/citations.ts';
import { docTypeOf } from '../../extension/vscode/doc-type.ts';
import { clientLang, DOC_TYPE_LABELS, t } from '../../extension/vscode/messages.ts';
import { detectMode } from '../../extension/vscode/detect.ts';
import { renumberEdits, renumberedText, spanEdit } from '../../extension/vscode/renumber.ts';
import { DOC_TYPES } from '../../language-server/src/core/config/config.ts';
import { applyEdits } from '../../language-server/src/core/diagnostics/edits.ts';
import { hasCorpus, readCorpus, SEED_004 } from '../helpers/corpus.ts';

describe('client language and messages', () => {
  it.each([
    ['vi', 'en', 'vi'],
    ['en', 'vi', 'en'],
    ['auto', 'en-US', 'en'],
    ['auto', 'vi', 'vi'],
    ['auto', 'fr', 'vi'],
    [undefined, 'en', 'en'],
    [42, 'de', 'vi'],
  ] as const)('vanban.lang %s with display language %s → %s', (setting, display, lang) => expect(clientLang(setting, display)).toBe(lang));

  it('fills the placeholders in both languages', () => {
    expect(t('vi', 'checkedWorkspace', 3, 1, 2)).toBe('Đã kiểm tra 3 văn bản: 1 lỗi, 2 cảnh báo.');
    expect(t('en', 'checkedWorkspace', 3, 1, 2)).toBe('Checked 3 documents: 1 errors, 2 warnings.');
    expect(t('vi', 'citationCount')).toBe('{0} lần');
  });

  it('names every document type the configuration accepts', () => {
    expect(Object.keys(DOC_TYPE_LABELS).sort()).toEqual([...DOC_TYPES].sort());
    for (const l of Object.values(DOC_TYPE_LABELS)) expect(l.vi && l.en).toBeTruthy();
  });

  it.each([
    ['auto', 'auto'],
    ['never', 'never'],
    ['ask', 'ask'],
    [undefined, 'ask'],
    ['sometimes', 'ask'],
  ] as const)('vanban.plainText.detect %s → %s', (value, mode) => expect(detectMode(value)).toBe(mode));
});

describe('citedDocuments', () => {
  const text = [
    'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;',
    'Căn cứ Luật Tổ chức Chính phủ;',
    'theo Nghị quyết số 76/NQ-CP và Nghị định 63/2022/NĐ-CP, khoản 2 Điều 3.',
    'Nơi nhận:',
    '- Như Điều 3;',
  ].join('\n');

  it('lists each cited number once, in order of first citation, with every place', () => {
    const cited = citedDocuments(text);
    expect(cited.map((c) => [c.text, c.number, c.places.map((p) => `${p.line}:${p.start}-${p.end}`)])).toEqual([
      ['Nghị định số 63/2022/NĐ-CP', '63/2022/NĐ-CP', ['0:7-33', '2:31-54']],
      ['Nghị quyết số 76/NQ-CP', '76/NQ-CP', ['2:5-27']],
    ]);
    const lines = text.split('\n');
    for (const c of cited) for (const p of c.places) expect(lines[p.line].slice(p.start, p.end)).toContain(c.number);
  });

  it('finds nothing in a text without numbered citations', () => expect(citedDocuments('Căn cứ Luật Tổ chức Chính phủ;\nĐiều 1. Nội dung.')).toEqual([]));

  it.skipIf(!hasCorpus)('finds the căn cứ of seed 004', () => {
    const numbers = citedDocuments(readCorpus(SEED_004)).map((c) => c.number);
    expect(numbers.slice(0, 4)).toEqual(['63/2022/NĐ-CP', '76/NQ-CP', '23/CT-TTg', '1091/QĐ-BNV']);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('renumbering without the server', () => {
  const gap = ['QUYẾT ĐỊNH:', 'Điều 1. Phạm vi', '1. Khoản một.', '3. Khoản ba.', 'a) Nội dung một;', 'c) Nội dung hai.', 'Điều 3. Hiệu lực', 'Theo khoản 3 Điều 1.'].join('\n');

  it('renumbers every scope of the document', () => {
    const fixed = renumberedText(gap);
    expect(fixed.split('\n').slice(0, 7)).toEqual(['QUYẾT ĐỊNH:', 'Điều 1. Phạm vi', '1. Khoản một.', '2. Khoản ba.', 'a) Nội dung một;', 'b) Nội dung hai.', 'Điều 2. Hiệu lực']);
    // The reference follows the khoản it named (the core's renumbering rewrites references).
    expect(fixed.split('\n')[7]).toBe('Theo khoản 2 Điều 1.');
  });

  it('gives one edit spanning the changed middle, and none when the numbering is right', () => {
    const edits = renumberEdits(gap);
    expect(edits).toHaveLength(1);
    const e = edits[0];
    expect(gap.slice(0, e.start) + e.newText + gap.slice(e.end)).toBe(renumberedText(gap));
    expect(gap.slice(0, e.start).endsWith('1. Khoản một.\n')).toBe(true);
    expect(renumberEdits(renumberedText(gap))).toEqual([]);
  });

  it('spanEdit turns any text into any other and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const e = spanEdit(a, b);
        if (a === b) return e === undefined;
        if (!e) return false;
        const out = applyEdits(a, [{ range: { start: e.start, end: e.end }, newText: e.newText }]);
        const lone = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.test(s);
        return out === b && !lone(e.newText);
      }),
    );
    expect(spanEdit('Điều 3.', 'Điều 2.')).toEqual({ start: 5, end: 6, newText: '2' });
  });
});

describe('docTypeOf (status bar)', () => {
  it.each([
    ['BỘ NỘI VỤ\nSố: 15/QĐ-BNV\nQUYẾT ĐỊNH\nVề việc x\n', 'auto', 'quyet-dinh'],
    ['Số: 12/KH-UBND\nKẾ HOẠCH\nCải cách\n', undefined, 'ke-hoach'],
    ['Số: 05/BNV-VP\nV/v nâng bậc lương\nKính gửi: Bộ Tài chính.\n', 'auto', 'cong-van'],
    ['Một đoạn văn.\n', 'auto', 'unknown'],
    ['Một đoạn văn.\n', 'to-trinh', 'to-trinh'],
    ['QUYẾT ĐỊNH\n', 'not-a-type', 'quyet-dinh'],
  ] as const)('%j with setting %s → %s', (text, setting, type) => expect(docTypeOf(text, setting)).toBe(type));

  it('reads only the head of a huge document', () => {
    expect(docTypeOf(`Số: 12/KH-UBND\nKẾ HOẠCH\n${'Nội dung dài. '.repeat(100_000)}`, 'auto')).toBe('ke-hoach');
  });
});
