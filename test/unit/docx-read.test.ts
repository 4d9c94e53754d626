/**
 * The .docx reader: the text view (paragraph lines, Word's automatic numbers,
 * header and signature tables as lines, other tables as pipe rows,
 * footnotes), the layout model (effective fonts and sizes, sections, page
 * numbers), and clear errors for files that are not usable .docx.
 */
import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocx } from '../../language-server/src/io/docx/read.ts';
import { formatNumber } from '../../language-server/src/io/docx/numbering.ts';
import { docxOf, quyetDinhDocx, rawDocx, W_NS } from '../helpers/docx.ts';

const p = (text: string, o: { instance?: number; level?: number; numbered?: boolean } = {}) =>
  new Paragraph({ numbering: o.numbered === false ? undefined : { reference: 'list', level: o.level ?? 0, instance: o.instance }, children: [new TextRun(text)] });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('automatic numbering', () => {
  it.each([
    ['khoản "%1." and điểm "%2)"', [{ format: LevelFormat.DECIMAL, text: '%1.' }, { format: LevelFormat.LOWER_LETTER, text: '%2)' }], ['1. A', 'a) B', 'b) C', '2. D']],
    ['Điều "Điều %1." starting at 5', [{ format: LevelFormat.DECIMAL, text: 'Điều %1.', start: 5 }, { format: LevelFormat.DECIMAL, text: '%2.' }], ['Điều 5. A', '1. B', '2. C', 'Điều 6. D']],
    ['roman sections and sub-numbers "%1.%2."', [{ format: LevelFormat.UPPER_ROMAN, text: '%1.' }, { format: LevelFormat.DECIMAL, text: '%1.%2.' }], ['I. A', 'I.1. B', 'I.2. C', 'II. D']],
    ['leading zeros', [{ format: LevelFormat.DECIMAL_ZERO, text: '%1.' }, { format: LevelFormat.BULLET, text: '-' }], ['01. A', '- B', '- C', '02. D']],
  ] as const)('%s', async (_n, levels, expected) => {
    const doc = await docxOf([p('A'), p('B', { level: 1 }), p('C', { level: 1 }), p('D')], levels as never);
    expect(lines((await readDocx(doc)).text)).toEqual(expected);
  });

  it('a deeper level restarts under each new item of the level above', async () => {
    const doc = await docxOf([p('A'), p('B', { level: 1 }), p('C'), p('D', { level: 1 }), p('E', { level: 1 })], [{ format: LevelFormat.DECIMAL, text: '%1.' }, { format: LevelFormat.LOWER_LETTER, text: '%2)' }]);
    expect(lines((await readDocx(doc)).text)).toEqual(['1. A', 'a) B', '2. C', 'a) D', 'b) E']);
  });

  it('a new list instance restarts; the same instance runs on across a heading (the khoản gap of Word drafts)', async () => {
    const levels = [{ format: LevelFormat.DECIMAL, text: '%1.' }];
    const restart = await docxOf([plain('Điều 1. X'), p('A'), p('B'), plain('Điều 2. Y'), p('C', { instance: 2 })], levels);
    expect(lines((await readDocx(restart)).text)).toEqual(['Điều 1. X', '1. A', '2. B', 'Điều 2. Y', '1. C']);
    const runOn = await docxOf([plain('Điều 1. X'), p('A'), p('B'), plain('Điều 2. Y'), p('C')], levels);
    expect(lines((await readDocx(runOn)).text)).toEqual(['Điều 1. X', '1. A', '2. B', 'Điều 2. Y', '3. C']);
  });

  it('the number is a generated run with the paragraph’s formatting', async () => {
    const { text, layout } = await readDocx(await docxOf([p('A')], [{ format: LevelFormat.DECIMAL, text: '%1.' }]));
    const label = layout.paragraphs[0].runs[0];
    expect(label.generated).toBe(true);
    expect(text.slice(label.range.start, label.range.end)).toBe('1. ');
    expect(label.font).toBe('Times New Roman');
  });

  it.each([
    [1, 'lowerLetter', 'a'], [6, 'lowerLetter', 'f'], [26, 'lowerLetter', 'z'], [27, 'lowerLetter', 'aa'], [2, 'upperLetter', 'B'],
    [4, 'upperRoman', 'IV'], [1994, 'upperRoman', 'MCMXCIV'], [9, 'lowerRoman', 'ix'], [7, 'decimalZero', '07'], [12, 'decimal', '12'],
  ] as const)('formatNumber(%i, %s) = %s', (n, format, s) => {
    expect(formatNumber(n, format)).toBe(s);
  });
});

describe('tables', () => {
  const cell = (text: string, o: { span?: number; merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
    new TableCell({ columnSpan: o.span, verticalMerge: o.merge, children: [new Paragraph({ children: [new TextRun(text)] })] });
  const table = (rows: TableCell[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r })) });

  it('a table of content becomes pipe rows the table parser reads, merged cells left empty', async () => {
    const doc = await docxOf([
      table([
        [cell('STT'), cell('Nội dung'), cell('Ghi chú')],
        [cell('I. NHIỆM VỤ CHUNG', { span: 3 })],
        [cell('1.', { merge: VerticalMergeType.RESTART }), cell('1.1. Rà soát | thống kê'), cell('Quý I')],
        [cell('', { merge: VerticalMergeType.CONTINUE }), cell('1.2. Báo cáo'), cell('')],
      ]),
    ]);
    expect(lines((await readDocx(doc)).text)).toEqual([
      '| STT | Nội dung | Ghi chú |',
      '| --- | --- | --- |',
      '| I. NHIỆM VỤ CHUNG |',
      '| 1. | 1.1. Rà soát ¦ thống kê | Quý I |',
      '|  | 1.2. Báo cáo |  |',
    ]);
  });

  it('header and signature tables are read cell by cell, one line per paragraph', async () => {
    const { text, layout } = await readDocx(await quyetDinhDocx());
    expect(lines(text).slice(0, 5)).toEqual(['BỘ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 15/QĐ-BNV', 'Hà Nội, ngày 05 tháng 01 năm 2024']);
    expect(text).toContain('- Lưu: VT, VP.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn A\n'); // the empty paragraphs left for the signature: one blank line
    expect(layout.paragraphs[4].table).toEqual({ index: 1, row: 2, cell: 2, layout: true });
  });
});

describe('text of runs', () => {
  it('footnotes follow the body, numbered as Word shows them', async () => {
    const doc = new Document({
      footnotes: { 7: { children: [new Paragraph('Được sửa đổi bởi Nghị định số 12/2025/NĐ-CP.')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('Điều 5. Hiệu lực'), new FootnoteReferenceRun(7)] })] }],
    });
    const { text, layout } = await readDocx(new Uint8Array(await Packer.toArrayBuffer(doc)));
    expect(lines(text)).toEqual(['Điều 5. Hiệu lực', '__________', '[1] Được sửa đổi bởi Nghị định số 12/2025/NĐ-CP.']);
    const note = layout.paragraphs.find((x) => x.footnote);
    expect(note).toMatchObject({ index: 0, footnote: 1 });
  });

  it('tracked changes read as accepted, capitals as printed, hidden text left out, a page break as a blank line', async () => {
    const change = { id: 1, author: 'A', date: '2025-01-01T00:00:00Z' };
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Quyết định '), new DeletedTextRun({ ...change, text: 'cũ ' }), new InsertedTextRun({ ...change, id: 2, text: 'mới ' }), new TextRun('này.')] }),
            new Paragraph({ children: [new TextRun({ text: 'quyết định', allCaps: true }), new TextRun({ text: ' (ẩn)', vanish: true })] }),
            new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [new TextRun('Phụ lục')] }),
          ],
        },
      ],
    });
    const { text } = await readDocx(new Uint8Array(await Packer.toArrayBuffer(doc)));
    expect(text).toBe('Quyết định mới này.\nQUYẾT ĐỊNH\n\nPhụ lục\n');
  });

  it('fields show their result, not their instruction; symbols and no-break hyphens are read', async () => {
    const r = (inner: string) => `<w:r>${inner}</w:r>`;
    const body =
      `<w:p>${r('<w:t xml:space="preserve">Trang </w:t>')}${r('<w:fldChar w:fldCharType="begin"/>')}${r('<w:instrText> PAGE </w:instrText>')}${r('<w:fldChar w:fldCharType="separate"/>')}${r('<w:t>3</w:t>')}${r('<w:fldChar w:fldCharType="end"/>')}</w:p>` +
      `<w:p>${r('<w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> Số 12</w:t><w:noBreakHyphen/><w:t>CP</w:t>')}</w:p>` +
      `<w:p><mc:AlternateContent><mc:Choice Requires="w14">${r('<w:t>mới</w:t>')}</mc:Choice><mc:Fallback>${r('<w:t>dự phòng</w:t>')}</mc:Fallback></mc:AlternateContent></w:p>`;
    expect(lines((await readDocx(await rawDocx(body))).text)).toEqual(['Trang 3', '• Số 12-CP', 'dự phòng']);
  });

  it('reads strict OOXML (ISO 29500 namespaces) like the transitional form', async () => {
    const body = '<w:p><w:r><w:t>Điều 1. Phạm vi</w:t></w:r></w:p>';
    const strict = await rawDocx(body, {}, 'http://purl.oclc.org/ooxml/wordprocessingml/main');
    expect((await readDocx(strict)).text).toBe('Điều 1. Phạm vi\n');
  });
});

describe('effective formatting', () => {
  const styles = `<w:styles ${W_NS}>
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:sz w:val="26"/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Than"><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/></w:rPr></w:style>
    <w:style w:type="character" w:styleId="Nghieng"><w:rPr><w:i/><w:sz w:val="24"/></w:rPr></w:style>
  </w:styles>`;
  const theme = '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
  const body =
    '<w:p><w:r><w:t>Mặc định</w:t></w:r></w:p>' +
    '<w:p><w:pPr><w:pStyle w:val="Than"/></w:pPr><w:r><w:t>Kiểu đoạn</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Nghieng"/></w:rPr><w:t>kiểu chữ</w:t></w:r><w:r><w:rPr><w:b w:val="0"/><w:sz w:val="28"/></w:rPr><w:t>trực tiếp</w:t></w:r></w:p>';

  it('document defaults with theme fonts → paragraph style chain → character style → direct formatting', async () => {
    const { layout } = await readDocx(await rawDocx(body, { 'word/styles.xml': styles, 'word/theme/theme1.xml': theme }));
    const [def, styled] = layout.paragraphs;
    expect(def.runs[0]).toMatchObject({ font: 'Calibri', sizePt: 13, bold: false, italic: false });
    expect(styled.runs.map((r) => [r.font, r.sizePt, r.bold, r.italic])).toEqual([
      ['Times New Roman', 13, true, false],
      ['Times New Roman', 12, true, true],
      ['Times New Roman', 14, false, false],
    ]);
  });

  it('sections: page size and margins in mm, page numbers and where they are', async () => {
    const { layout } = await readDocx(await quyetDinhDocx({ margins: { top: 850, bottom: 1134, left: 1701, right: 1134 } }));
    expect(layout.sections).toHaveLength(2);
    expect(layout.sections[0]).toMatchObject({ pageWidthMm: 210, pageHeightMm: 297, margins: { top: 15, bottom: 20, left: 30, right: 20 } });
    expect(layout.sections[0].pageNumbers).toEqual({ onFirstPage: false, onOtherPages: true, place: 'header', alignment: 'center' });
    expect(layout.sections[1].pageNumbers.restartAt).toBe(1);
    expect(layout.sections[0].range.end).toBe(layout.sections[1].range.start);
  });
});

describe('agrees with mammoth on the words', () => {
  it('every word mammoth reads is in the text view, in order (numbers and table bars aside)', async () => {
    const bytes = await quyetDinhDocx();
    const { text } = await readDocx(bytes);
    const theirs = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.split(/\s+/u).filter(Boolean);
    const ours = text
      .replace(/^(?:\d+\.|[a-z]\))\s/gmu, '')
      .split(/\s+/u)
      .filter((w) => w && w !== '|' && w !== '---');
    expect(ours).toEqual(theirs);
  });
});

describe('files that are not usable .docx', () => {
  const fails = async (bytes: Uint8Array, vi: RegExp) => {
    const e = await readDocx(bytes).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(DocxError);
    expect((e as DocxError).vi).toMatch(vi);
    expect((e as DocxError).en.length).toBeGreaterThan(10);
  };
  it('plain text', () => fails(new TextEncoder().encode('Điều 1. Không phải tệp Word'), /không mở được tệp nén/u));
  it('a Word 97–2003 file', () => fails(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /Word 97–2003/u));
  it('a zip without a document', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    await fails(await zip.generateAsync({ type: 'uint8array' }), /word\/document\.xml/u);
  });
  it('a document part that is not XML', async () => {
    const bytes = await rawDocx('<w:p><w:r><w:t>x</w:t></w:r></w:p>');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file('word/document.xml', '<w:document><w:body><w:p>');
    await fails(await zip.generateAsync({ type: 'uint8array' }), /không phải XML hợp lệ/u);
  });
});
