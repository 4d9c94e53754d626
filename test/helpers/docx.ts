/**
 * .docx fixtures made in the test with the `docx` package (no committed
 * binaries): a Quyết định laid out as ND30 asks, written by hand rather than
 * by the exporter so that reader and rules are tested against an independent
 * document. Each option puts in one slip a drafter makes in Word.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';

export interface Slips {
  /** Margins in twips (ND30: top/bottom 1134–1417, left 1701–1984, right 851–1134). */
  margins?: { top: number; bottom: number; left: number; right: number };
  page?: { width: number; height: number };
  /** The document font (ND30: Times New Roman). */
  font?: string;
  /** The place and date line without italics. */
  uprightDate?: boolean;
  /** Điều headings without bold. */
  plainDieu?: boolean;
  /** Size of the body text in points (ND30: 13–14). */
  bodySize?: number;
  /** Size of the recipient list (ND30: 11). */
  recipientSize?: number;
  /** Page numbers: 'none', on the first page too, or in the footer. */
  pageNumbers?: 'none' | 'first-page' | 'footer';
  /** Điều 2's khoản continue Điều 1's automatic list (3, 4 instead of 1, 2). */
  numberingGap?: boolean;
  /** A Phụ lục in the same section as the body. */
  phuLucInline?: boolean;
  /** Đủ nội dung for several pages (page-number rules need more than one page). */
  long?: boolean;
}

const TNR = 'Times New Roman';
const ND30_MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
const A4 = { width: 11906, height: 16838 };

const t = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size !== undefined ? o.size * 2 : undefined });
const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });
const cell = (children: Paragraph[]) => new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE } });

/** A Quyết định of the Bộ Nội vụ with two Điều of automatically numbered khoản, Nơi nhận and signature. */
export async function quyetDinhDocx(s: Slips = {}): Promise<Uint8Array> {
  const body = s.bodySize ?? 14;
  const header = new Table({
    borders: TableBorders.NONE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          cell([centred(t('BỘ NỘI VỤ', { bold: true, size: 13 }))]),
          cell([centred(t('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 13 })), centred(t('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 }))]),
        ],
      }),
      new TableRow({
        children: [
          cell([centred(t('Số: 15/QĐ-BNV', { size: 13 }))]),
          cell([centred(t('Hà Nội, ngày 05 tháng 01 năm 2024', { italics: !s.uprightDate, size: 14 }))]),
        ],
      }),
    ],
  });
  const p = (text: string, o: { bold?: boolean; italics?: boolean } = {}) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [t(text, { ...o, size: body })] });
  const khoan = (text: string, instance: number) => new Paragraph({ numbering: { reference: 'khoan', level: 0, instance }, children: [t(text, { size: body })] });
  const diem = (text: string, instance: number) => new Paragraph({ numbering: { reference: 'khoan', level: 1, instance }, children: [t(text, { size: body })] });
  const filler = s.long ? Array.from({ length: 60 }, (_, k) => p(`- Nội dung thực hiện thứ ${k + 1} của cơ quan, đơn vị thuộc Bộ theo chức năng, nhiệm vụ được giao, bảo đảm đúng tiến độ;`)) : [];
  const dieu2Instance = s.numberingGap ? 1 : 2;
  const children: (Paragraph | Table)[] = [
    header,
    centred(t('QUYẾT ĐỊNH', { bold: true, size: 14 })),
    centred(t('Về việc ban hành Quy chế làm việc', { bold: true, size: 14 })),
    centred(t('BỘ TRƯỞNG BỘ NỘI VỤ', { bold: true, size: 14 })),
    p('Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;', { italics: true }),
    p('Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;', { italics: true }),
    p('Theo đề nghị của Chánh Văn phòng Bộ.', { italics: true }),
    centred(t('QUYẾT ĐỊNH:', { bold: true, size: 14 })),
    p('Điều 1. Phạm vi điều chỉnh', { bold: !s.plainDieu }),
    khoan('Quy chế này quy định nguyên tắc, chế độ làm việc của các đơn vị tại Phụ lục kèm theo Quyết định này.', 1),
    diem('Chế độ làm việc của Lãnh đạo Bộ;', 1),
    diem('Chế độ làm việc của các đơn vị thuộc Bộ.', 1),
    ...filler,
    khoan('Quy chế này áp dụng đối với công chức, viên chức của Bộ.', 1),
    p('Điều 2. Hiệu lực thi hành', { bold: !s.plainDieu }),
    khoan('Quyết định này có hiệu lực thi hành kể từ ngày ký.', dieu2Instance),
    khoan('Chánh Văn phòng Bộ và Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành Quyết định này./.', dieu2Instance),
    new Table({
      borders: TableBorders.NONE,
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          children: [
            cell([
              new Paragraph({ children: [t('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
              ...['- Như Điều 2;', '- Bộ trưởng (để báo cáo);', '- Lưu: VT, VP.'].map((x) => new Paragraph({ children: [t(x, { size: s.recipientSize ?? 11 })] })),
            ]),
            cell([centred(t('KT. BỘ TRƯỞNG', { bold: true, size: 14 })), centred(t('THỨ TRƯỞNG', { bold: true, size: 14 })), centred(), centred(), centred(t('Nguyễn Văn A', { bold: true, size: 14 }))]),
          ],
        }),
      ],
    }),
  ];
  const phuLuc: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: true, children: [t('Phụ lục', { bold: true, size: 14 })] }),
    centred(t('DANH SÁCH ĐƠN VỊ', { bold: true, size: 14 })),
    centred(t('(Kèm theo Quyết định số 15/QĐ-BNV ngày 05 tháng 01 năm 2024 của Bộ trưởng Bộ Nội vụ)', { italics: true, size: 14 })),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ['STT', 'Đơn vị', 'Ghi chú'],
        ['1', 'Văn phòng Bộ', ''],
        ['2', 'Vụ Tổ chức cán bộ', 'Phối hợp'],
      ].map((r, k) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph({ children: [t(c, { bold: k === 0, size: 12 })] })] })) })),
    }),
  ];
  const numbered = new Paragraph({ alignment: s.pageNumbers === 'footer' ? AlignmentType.CENTER : AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })] });
  const pageSetup = (restart: boolean): ISectionOptions['properties'] => ({
    page: { size: s.page ?? A4, margin: s.margins ?? ND30_MARGINS, ...(restart ? { pageNumbers: { start: 1 } } : {}) },
    titlePage: s.pageNumbers !== 'first-page',
  });
  const furniture: Pick<ISectionOptions, 'headers' | 'footers'> =
    s.pageNumbers === 'none'
      ? {}
      : s.pageNumbers === 'footer'
        ? { footers: { default: new Footer({ children: [numbered] }), first: new Footer({ children: [] }) } }
        : { headers: { default: new Header({ children: [numbered] }), first: new Header({ children: [] }) } };
  const sections: ISectionOptions[] = s.phuLucInline
    ? [{ properties: pageSetup(false), ...furniture, children: [...children, ...phuLuc] }]
    : [
        { properties: pageSetup(false), ...furniture, children },
        { properties: pageSetup(true), ...furniture, children: phuLuc },
      ];
  const doc = new Document({
    styles: { default: { document: { run: { font: s.font ?? TNR, size: 28 } } } },
    numbering: {
      config: [
        {
          reference: 'khoan',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', start: 1 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', start: 1 },
          ],
        },
      ],
    },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** A document from `children` with the given numbering levels, everything else ND30. */
export async function docxOf(children: (Paragraph | Table)[], levels: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string; start?: number }[] = []): Promise<Uint8Array> {
  const doc = new Document({
    styles: { default: { document: { run: { font: TNR, size: 28 } } } },
    numbering: { config: [{ reference: 'list', levels: levels.map((l, level) => ({ level, format: l.format, text: l.text, start: l.start ?? 1 })) }] },
    sections: [{ properties: { page: { size: A4, margin: ND30_MARGINS } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

export { BorderStyle };

/**
 * A .docx written part by part, for what the `docx` package cannot produce: theme fonts, complex
 * fields, symbols, mc:AlternateContent, strict-namespace documents, broken parts. `body` is the
 * content of w:body; `parts` adds word/styles.xml, word/numbering.xml, word/theme/theme1.xml….
 */
export async function rawDocx(body: string, parts: Record<string, string> = {}, ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'): Promise<Uint8Array> {
  const JSZip = (await import('jszip')).default;
  const zip = new JSZip();
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('r1', 'officeDocument', 'word/document.xml')}</Relationships>`);
  const types: Record<string, string> = { 'word/styles.xml': 'styles', 'word/numbering.xml': 'numbering', 'word/theme/theme1.xml': 'theme', 'word/footnotes.xml': 'footnotes' };
  const rels = Object.keys(parts)
    .filter((p) => types[p])
    .map((p, k) => rel(`p${k}`, types[p], p.slice('word/'.length)))
    .join('');
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}</w:body></w:document>`,
  );
  for (const [p, xml] of Object.entries(parts)) zip.file(p, xml);
  return zip.generateAsync({ type: 'uint8array' });
}

export const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
