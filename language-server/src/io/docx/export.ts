/**
 * `exportDocx(text)`: the document laid out as Nghị định 30/2020/NĐ-CP Phụ lục
 * I describes, as .docx bytes. A4, ND30 margins, Times New Roman; the header
 * as a borderless two-column table with the rule lines under the cơ quan and
 * the Tiêu ngữ; the place and date in italics; tên loại and trích yếu bold and
 * centred with a rule under them; căn cứ in italics; Điều headings bold;
 * Nơi nhận (12/11 pt) beside the signature; page numbers centred in the top
 * margin from page 2; each Phụ lục in its own section numbered from 1.
 *
 * Works wherever the `docx` package does (Node, browsers, workers).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { A4, ELEMENT_STYLE, FONT, MARGINS_MM, TWIPS_PER_MM } from '../../core/layout/nd30.ts';
import { parseDocument } from '../../core/syntax/parse.ts';
import { planDocument, type Block, type ClosingBlock, type HeaderBlock, type HeaderCell, type ParaBlock, type Segment, type Style, type TableBlock } from './export-plan.ts';

export interface ExportOptions {
  /** Document title in the file's properties (default: the trích yếu or tên loại). */
  title?: string;
}

const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const PAGE = { width: twips(A4.widthMm), height: twips(A4.heightMm) };
const MARGIN = { top: twips(MARGINS_MM.top[0]), bottom: twips(MARGINS_MM.bottom[0]), left: twips(MARGINS_MM.left[0]), right: twips(MARGINS_MM.right[0]), header: twips(10), footer: twips(10) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** ND30-PL1 II.6.e: first line indented 1 cm or 1,27 cm; at least 6 pt between paragraphs. */
const FIRST_LINE = twips(12.7);
const AFTER = 120;
/** From single to 1,5 lines (ND30-PL1 II.6.e): 1,15 keeps stacked Vietnamese marks clear of the line above. */
const LINE = 276;
const TABLE_SIZE = 13;
const SPACED_BEFORE: ReadonlySet<Style | undefined> = new Set<Style | undefined>(['ten-loai', 'kinh-gui']);

/** Sizes, bold and italic of the styles the type table leaves out. */
const EXTRA: Record<Exclude<Style, keyof typeof ELEMENT_STYLE>, { size: number; bold?: boolean; italic?: boolean }> = {
  authority: { size: 14, bold: true },
  enactment: { size: 14, bold: true },
  preamble: { size: 14, italic: true },
  'table-head': { size: TABLE_SIZE, bold: true },
  'table-cell': { size: TABLE_SIZE },
  'table-group': { size: TABLE_SIZE, bold: true },
};

function look(style: Style): { size: number; bold?: boolean; italic?: boolean } {
  if (style in EXTRA) return EXTRA[style as keyof typeof EXTRA];
  const e = ELEMENT_STYLE[style as keyof typeof ELEMENT_STYLE];
  return { size: e.preferred, bold: e.bold, italic: e.italic };
}

function run(s: Segment): TextRun {
  const l = look(s.style);
  return new TextRun({ text: s.text, size: l.size * 2, bold: l.bold, italics: l.italic });
}

export async function exportDocx(text: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const parse = parseDocument(text);
  const plan = planDocument(parse);
  const header = parse.tree.header;
  const title = options.title ?? header?.trichYeu?.text ?? header?.tenLoai?.text ?? 'Văn bản';
  const sections: ISectionOptions[] = plan.map((s) => ({
    properties: {
      page: { size: PAGE, margin: MARGIN, ...(s.phuLuc ? { pageNumbers: { start: 1 } } : {}) },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: s.blocks.flatMap(build),
  }));
  const doc = new Document({
    title,
    creator: 'vanban',
    styles: {
      default: {
        document: { run: { font: FONT, size: ELEMENT_STYLE.body.preferred * 2, language: { value: 'vi-VN' } }, paragraph: { spacing: { after: AFTER, line: LINE } } },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** ND30-PL1 I.5: page numbers centred in the top margin, 13–14 pt, not on the first page. */
function pageNumberHeader(): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })] })] });
}

function build(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'para':
      return paragraph(b);
    case 'header':
      return [headerTable(b)];
    case 'table':
      return [contentTable(b), new Paragraph({ spacing: { after: 0 }, children: [] })];
    case 'closing':
      return [closingTable(b)];
  }
}

function paragraph(b: ParaBlock): Paragraph[] {
  const centred = b.align === 'center';
  const out = [
    new Paragraph({
      alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: centred ? undefined : { firstLine: FIRST_LINE },
      // The tên loại and "Kính gửi" stand a line below what comes before them.
      spacing: { before: SPACED_BEFORE.has(b.segments[0]?.style) ? 240 : 0, after: centred && b.rule ? 0 : AFTER },
      pageBreakBefore: b.pageBreakBefore,
      keepNext: centred,
      children: b.segments.map(run),
    }),
  ];
  if (b.rule) {
    const width = textWidth(b.segments.map((s) => s.text).join(''), b.segments.length ? look(b.segments[0].style).size : 14, true);
    out.push(rule(Math.min(TEXT_WIDTH, width) * 0.4, TEXT_WIDTH, AFTER));
  }
  return out;
}

// ----------------------------------------------------------------- header

const HEADER_LEFT = twips(68);
const HEADER_RIGHT = TEXT_WIDTH - HEADER_LEFT;

function headerTable({ fields: f }: HeaderBlock): Table {
  const line = (style: HeaderCell) => (f[style] ? [centred([run({ text: f[style]!, style })])] : []);
  const left: Paragraph[] = [...line('co-quan-chu-quan'), ...line('co-quan')];
  // ND30-PL1 II.2: a rule from 1/3 to 1/2 of the name's length under the issuing body.
  if (f['co-quan']) left.push(rule(textWidth(f['co-quan'], 13, true) * 0.45, HEADER_LEFT));
  const right: Paragraph[] = [...line('quoc-hieu'), ...line('tieu-ngu')];
  // ND30-PL1 II.1: under the Tiêu ngữ, a rule as long as the line.
  if (f['tieu-ngu']) right.push(rule(textWidth(f['tieu-ngu'], 14, true), HEADER_RIGHT));
  return layoutTable(
    [HEADER_LEFT, HEADER_RIGHT],
    [
      [left, right],
      [[...line('so-ky-hieu'), ...line('trich-yeu-cong-van')], line('dia-danh-ngay')],
    ],
  );
}

/** A borderless table of fixed columns: the header and the Nơi nhận / signature block. */
function layoutTable(widths: number[], rows: Paragraph[][][], cantSplit = false): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit,
          children: cells.map(
            (children, k) =>
              new TableCell({ children: children.length ? children : [new Paragraph({ children: [] })], width: { size: widths[k], type: WidthType.DXA }, margins: { left: 0, right: 0 } }),
          ),
        }),
    ),
  });
}

function centred(children: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after, line: 240 }, children });
}

/** A centred horizontal rule `width` twips long, drawn as the top border of an empty paragraph. */
function rule(width: number, space: number, after = 60): Paragraph {
  const w = Math.max(600, Math.min(space, Math.round(width)));
  const side = Math.max(0, Math.round((space - w) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 60, after, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

/**
 * Width of a line of Times New Roman in twips, estimated per character class
 * (capitals, lower case, spaces, digits): enough to size the rule lines.
 */
function textWidth(s: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of s) {
    if (ch === ' ') em += 0.25;
    else if (/\p{Lu}/u.test(ch)) em += bold ? 0.72 : 0.68;
    else if (/\d/u.test(ch)) em += 0.5;
    else if (/[-–.,:;]/u.test(ch)) em += 0.3;
    else em += bold ? 0.5 : 0.46;
  }
  return em * sizePt * 20;
}

// ----------------------------------------------------------------- closing

const CLOSING_LEFT = twips(75);
const CLOSING_RIGHT = TEXT_WIDTH - CLOSING_LEFT;
/** Room for the signature and the seal between the title and the name. */
const SIGNING_SPACE = 4;
/** Nơi nhận and the signature stand a little below the last paragraph. */
const CLOSING_GAP = 120;

function closingTable(c: ClosingBlock): Table {
  const left: Paragraph[] = [];
  if (c.noiNhan) {
    left.push(new Paragraph({ spacing: { before: CLOSING_GAP, after: 0 }, children: [run({ text: c.noiNhan.label, style: 'noi-nhan-label' })] }));
    for (const l of c.noiNhan.lines) left.push(new Paragraph({ spacing: { after: 0 }, children: [run({ text: l, style: 'noi-nhan-list' })] }));
  }
  const right: Paragraph[] = [];
  c.signature.forEach((s, k) => {
    if (s.role === 'name') for (let n = 0; n < SIGNING_SPACE; n++) right.push(centred([]));
    const style: Style = s.role === 'name' ? 'signer-name' : s.role === 'title' ? 'signature' : 'body';
    right.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: k === 0 ? CLOSING_GAP : 0, after: 0, line: 240 }, children: [run({ text: s.text, style })] }));
  });
  // The block moves to the next page whole rather than leave the signer's name alone there.
  return layoutTable([CLOSING_LEFT, CLOSING_RIGHT], [[left, right]], true);
}

// ----------------------------------------------------------------- tables

function contentTable(t: TableBlock): Table {
  const widths = columnWidths(t);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: t.rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: r.head,
          cantSplit: false,
          children: r.cells.map((text, k) => {
            const span = r.group && r.cells.length === 1 ? t.columns : 1;
            const style: Style = r.head ? 'table-head' : r.group ? 'table-group' : 'table-cell';
            const merge = k > 0 ? undefined : r.mergedFirst ? VerticalMergeType.CONTINUE : t.rows[i + 1]?.mergedFirst ? VerticalMergeType.RESTART : undefined;
            return new TableCell({
              columnSpan: span > 1 ? span : undefined,
              verticalMerge: merge,
              width: { size: span > 1 ? TEXT_WIDTH : widths[k], type: WidthType.DXA },
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: 80, right: 80, top: 40, bottom: 40 },
              children: [
                new Paragraph({
                  alignment: r.head ? AlignmentType.CENTER : AlignmentType.LEFT,
                  spacing: { after: 0 },
                  children: text ? [run({ text, style })] : [],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/**
 * Column widths: every column as wide as its longest heading word, the rest of
 * the line shared in proportion to how much text the column holds.
 */
function columnWidths(t: TableBlock): number[] {
  const load = Array.from({ length: t.columns }, () => 0);
  const floor = Array.from({ length: t.columns }, () => 500);
  for (const r of t.rows) {
    if (r.group) continue;
    r.cells.forEach((c, k) => {
      if (r.head) floor[k] = Math.max(floor[k], ...c.split(/\s+/u).map((w) => textWidth(w, TABLE_SIZE, true) + 200));
      else load[k] += Math.sqrt(c.length);
    });
  }
  const floors = floor.reduce((a, b) => a + b, 0);
  if (floors >= TEXT_WIDTH) return floor.map((f) => Math.floor((f * TEXT_WIDTH) / floors));
  const total = load.reduce((a, b) => a + b, 0) || 1;
  return floor.map((f, k) => Math.floor(f + ((TEXT_WIDTH - floors) * load[k]) / total));
}
