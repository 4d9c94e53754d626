/**
 * The text view of a .docx and its layout model, in one walk over the body
 * (ECMA-376 Part 1 §17.3): one line per paragraph, Word's automatic numbers
 * written in front of their paragraphs, header and signature tables read
 * cell by cell as lines, other tables as pipe rows (`| STT | Nội dung |`,
 * the form core/syntax/tables.ts reads), text boxes after the paragraph that
 * holds them, footnotes after the body. What the text view holds is what the
 * checker reads and what every range points into.
 */
import type { LayoutParagraph, LayoutRun } from '../../core/layout/model.ts';
import type { Numbering } from './numbering.ts';
import { child, elements, num, onOff, textOf, val, type XmlElement } from './package.ts';
import { alignmentOf } from './sections.ts';
import { readParaProps, readRunProps, type RunProps, type Styles } from './styles.ts';

export interface BodyText {
  text: string;
  paragraphs: LayoutParagraph[];
  /** One per section, in order: the section's properties and the offset where it ends. */
  sections: { sectPr?: XmlElement; end: number }[];
  /** Footnote ids in the order the body refers to them. */
  footnoteRefs: string[];
}

interface Piece {
  text: string;
  run: RunProps;
  generated?: boolean;
}

/** A paragraph read but not yet placed in the text. */
interface ParaContent {
  pieces: Piece[];
  alignment?: LayoutParagraph['alignment'];
  /** Paragraphs of text boxes anchored in this one. */
  boxes: XmlElement[];
  sectPr?: XmlElement;
  /** Starts a new page (w:pageBreakBefore, or a page break in an otherwise empty paragraph). */
  pageBreakBefore?: boolean;
}

type TableInfo = NonNullable<LayoutParagraph['table']>;

/** A header (Quốc hiệu, Số:, date) or signature block (Nơi nhận, KT./TM., a title in capitals). */
const LAYOUT_TABLE_TEXT = /C[ỘO]NG\s+H[OÒ]A\s+X[ÃA]\s+H[ỘO]I|Đ[ộo]c\s+l[ậa]p\s*[-–]\s*T[ựu]\s+do|(?:^|\n)[^\S\n]*Số\s*:|(?:^|\n)[^\S\n]*Nơi nhận\s*:|(?:^|\n)[^\S\n]*(?:KT|TM|TL|TUQ|Q)\.\s+\p{Lu}{2}/u;
const MAX_LAYOUT_COLUMNS = 3;
const BLANK = /^[ \t\r\n]*$/u;

export class BodyWalker {
  private out = '';
  private readonly paragraphs: LayoutParagraph[] = [];
  private readonly sections: BodyText['sections'] = [];
  private readonly footnoteRefs: string[] = [];
  private paraIndex = 0;
  private tableIndex = 0;
  /** Open complex fields: inside an instruction, text is not shown. */
  private fields: ('instr' | 'result')[] = [];
  /** An empty paragraph, a page or a section break since the last line: the next line follows a blank one. */
  private pageBreak = false;

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** Walks the body; returns the footnote ids it refers to, in order. */
  read(body: XmlElement): { footnoteRefs: string[] } {
    this.blocks(body);
    this.sections.push({ sectPr: child(body, 'w:sectPr'), end: this.out.length });
    return { footnoteRefs: this.footnoteRefs };
  }

  result(): BodyText {
    return { text: this.out, paragraphs: this.paragraphs, sections: this.sections, footnoteRefs: this.footnoteRefs };
  }

  /** Appends footnotes after the body: a rule line, then "[n] text" per footnote. */
  appendFootnotes(notes: { number: number; paragraphs: XmlElement[] }[]): void {
    if (!notes.length) return;
    this.newline();
    this.out += '__________\n';
    for (const n of notes) {
      n.paragraphs.forEach((p, k) => {
        const c = this.readParagraph(p);
        if (k === 0) c.pieces.unshift({ text: `[${n.number}] `, run: {}, generated: true });
        this.emitLine(c, undefined, n.number);
      });
    }
    this.sections[this.sections.length - 1].end = this.out.length;
  }

  // ------------------------------------------------------------ blocks

  private blocks(container: XmlElement): void {
    for (const e of elements(container)) {
      switch (e.name) {
        case 'w:p': {
          const c = this.readParagraph(e);
          this.emitLine(c);
          this.emitBoxes(c);
          if (c.sectPr) {
            this.sections.push({ sectPr: c.sectPr, end: this.out.length });
            this.pageBreak = true;
          }
          break;
        }
        case 'w:tbl':
          this.table(e);
          break;
        case 'w:sdt':
          this.blocks(child(e, 'w:sdtContent') ?? e);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.blocks(e);
          break;
      }
    }
  }

  private emitBoxes(c: ParaContent): void {
    for (const box of c.boxes) this.blocks(box);
  }

  /**
   * One paragraph, one line (its soft line breaks are line breaks too). Empty
   * paragraphs, the drafter's spacing, are one blank line however many there
   * are, as is a new page (a Phụ lục, an attached document): the parser reads a
   * blank line as the end of what comes before (a trích yếu, a title).
   */
  private emitLine(c: ParaContent, table?: TableInfo, footnote?: number): void {
    const index = footnote ? 0 : ++this.paraIndex;
    // Only plain blanks make a paragraph empty: a no-break space is text (text/unicode reports it).
    const empty = c.pieces.every((x) => BLANK.test(x.text));
    if (c.pageBreakBefore || empty) {
      this.pageBreak = true;
      if (empty) return;
    }
    if (this.pageBreak && this.out.length && !this.out.endsWith('\n\n')) this.out += '\n';
    this.pageBreak = false;
    const start = this.out.length;
    const runs: LayoutRun[] = [];
    for (const piece of c.pieces) {
      const s = this.out.length;
      this.out += piece.text;
      runs.push(layoutRun(s, this.out.length, piece));
    }
    const p: LayoutParagraph = { index, range: { start, end: this.out.length }, runs };
    if (c.alignment) p.alignment = c.alignment;
    if (table) p.table = table;
    if (footnote) p.footnote = footnote;
    this.paragraphs.push(p);
    this.out += '\n';
  }

  private newline(): void {
    if (this.out.length && !this.out.endsWith('\n')) this.out += '\n';
  }

  // ------------------------------------------------------------ tables

  private table(tbl: XmlElement): void {
    const index = ++this.tableIndex;
    const rows = tableRows(tbl);
    const columns = Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + c.span, 0)));
    const layout = columns <= MAX_LAYOUT_COLUMNS && (LAYOUT_TABLE_TEXT.test(rows.flat().map((c) => textOf(c.cell)).join('\n')) || !hasBorders(tbl));
    rows.forEach((cells, r) => {
      if (layout) {
        cells.forEach((c, k) => {
          if (!c.merged) this.cellBlocks(c.cell, { index, row: r + 1, cell: k + 1, layout: true });
        });
      } else {
        this.pipeRow(cells, index, r + 1);
        if (r === 0) this.out += `|${' --- |'.repeat(Math.max(1, columns))}\n`;
      }
    });
  }

  /** A cell of a layout table: its paragraphs as lines, nested tables as tables. */
  private cellBlocks(cell: XmlElement, info: TableInfo): void {
    for (const e of elements(cell)) {
      if (e.name === 'w:p') {
        const c = this.readParagraph(e);
        this.emitLine(c, info);
        this.emitBoxes(c);
      } else if (e.name === 'w:tbl') this.table(e);
      else if (e.name === 'w:sdt') this.cellBlocks(child(e, 'w:sdtContent') ?? e, info);
    }
  }

  /** `| a | b |`: a cell's paragraphs joined by spaces; a merged-over cell is empty, a wide one followed by empty cells. */
  private pipeRow(cells: Cell[], table: number, row: number): void {
    this.out += '|';
    cells.forEach((c, k) => {
      this.out += ' ';
      if (!c.merged) {
        let first = true;
        for (const p of cellParagraphs(c.cell)) {
          const content = this.readParagraph(p);
          const text = content.pieces.map((x) => x.text).join('');
          if (BLANK.test(text)) continue;
          if (!first) this.out += ' ';
          first = false;
          const start = this.out.length;
          const runs: LayoutRun[] = [];
          for (const piece of content.pieces) {
            const s = this.out.length;
            // A "|" would end the cell; soft line breaks fold into spaces.
            this.out += piece.text.replace(/\|/gu, '¦').replace(/(?<!\s)\s*\n\s*/gu, ' ');
            runs.push(layoutRun(s, this.out.length, piece));
          }
          const lp: LayoutParagraph = { index: ++this.paraIndex, range: { start, end: this.out.length }, runs, table: { index: table, row, cell: k + 1, layout: false } };
          if (content.alignment) lp.alignment = content.alignment;
          this.paragraphs.push(lp);
        }
      }
      this.out += ' |';
      // A cell spanning columns is followed by empty cells, except at the row's end (a group row "I. …").
      if (k < cells.length - 1) for (let s = 1; s < c.span; s++) this.out += '  |';
    });
    this.out += '\n';
  }

  // ------------------------------------------------------------ paragraphs

  private readParagraph(p: XmlElement): ParaContent {
    const pPr = child(p, 'w:pPr');
    const pStyle = val(pPr, 'w:pStyle');
    const props = this.styles.para(pStyle, readParaProps(pPr));
    const c: ParaContent = { pieces: [], boxes: [], alignment: alignmentOf(props.alignment) };
    if (onOff(pPr, 'w:pageBreakBefore')) c.pageBreakBefore = true;
    const sectPr = child(pPr, 'w:sectPr');
    if (sectPr) c.sectPr = sectPr;
    const label = this.numbering.next(props.numId, props.ilvl);
    if (label) {
      const mark = readRunProps(child(pPr, 'w:rPr'));
      c.pieces.push({ text: label.text, run: this.styles.run(pStyle, undefined, mark, label.run), generated: true });
    }
    this.inline(p, pStyle, c);
    return c;
  }

  /** Runs and the containers that hold runs (hyperlinks, insertions, content controls, simple fields…). */
  private inline(e: XmlElement, pStyle: string | undefined, c: ParaContent): void {
    for (const x of elements(e)) {
      switch (x.name) {
        case 'w:r':
          this.run(x, pStyle, c);
          break;
        case 'w:hyperlink':
        case 'w:ins':
        case 'w:moveTo':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:fldSimple':
        case 'w:bdo':
        case 'w:dir':
          this.inline(x, pStyle, c);
          break;
        case 'w:sdt':
          this.inline(child(x, 'w:sdtContent') ?? x, pStyle, c);
          break;
        // w:del, w:moveFrom: deleted text is not shown.
      }
    }
  }

  private run(r: XmlElement, pStyle: string | undefined, c: ParaContent): void {
    const rPr = child(r, 'w:rPr');
    const props = this.styles.run(pStyle, val(rPr, 'w:rStyle'), readRunProps(rPr));
    let text = '';
    for (const x of elements(r)) {
      switch (x.name) {
        case 'w:fldChar': {
          const type = x.attributes['w:fldCharType'];
          if (type === 'begin') this.fields.push('instr');
          else if (type === 'separate' && this.fields.length) this.fields[this.fields.length - 1] = 'result';
          else if (type === 'end') this.fields.pop();
          continue;
        }
        case 'w:footnoteReference':
          if (x.attributes['w:id']) this.footnoteRefs.push(x.attributes['w:id']);
          continue;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          c.boxes.push(...textBoxes(x));
          continue;
      }
      if (this.fields.includes('instr')) continue;
      switch (x.name) {
        case 'w:t':
          text += textOf(x);
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br':
          // A page break before any text moves the whole paragraph to a new page; inside it, it breaks the line.
          if (x.attributes['w:type'] === 'page' && !text && c.pieces.every((q) => BLANK.test(q.text))) c.pageBreakBefore = true;
          else text += '\n';
          break;
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:sym': {
          const code = parseInt(x.attributes['w:char'] ?? '', 16);
          if (Number.isFinite(code)) text += code >= 0xf000 && code <= 0xf0ff ? '•' : String.fromCodePoint(code);
          break;
        }
        case 'w:ruby':
          text += textOf(child(x, 'w:rubyBase') ?? x);
          break;
      }
    }
    if (!text || props.hidden) return;
    c.pieces.push({ text: props.caps ? text.toLocaleUpperCase('vi') : text, run: props });
  }
}

// ------------------------------------------------------------ helpers

function layoutRun(start: number, end: number, piece: Piece): LayoutRun {
  const r = piece.run;
  // Word draws ASCII characters in the ascii font and the other Latin letters (Vietnamese ones) in hAnsi.
  const font = /[^\x00-\x7f]/u.test(piece.text) ? (r.hAnsi ?? r.ascii) : (r.ascii ?? r.hAnsi);
  const out: LayoutRun = { range: { start, end }, bold: !!r.bold, italic: !!r.italic };
  out.font = font ?? 'Times New Roman';
  if (r.sizePt !== undefined) out.sizePt = r.sizePt;
  else out.sizePt = 10; // Word's size when no style sets one
  if (piece.generated) out.generated = true;
  return out;
}

interface Cell {
  cell: XmlElement;
  span: number;
  /** Continues a cell merged from the row above. */
  merged: boolean;
}

function tableRows(tbl: XmlElement): Cell[][] {
  const rows: Cell[][] = [];
  const collect = (e: XmlElement) => {
    for (const x of elements(e)) {
      if (x.name === 'w:tr') rows.push(rowCells(x));
      else if (x.name === 'w:sdt' || x.name === 'w:customXml') collect(child(x, 'w:sdtContent') ?? x);
    }
  };
  collect(tbl);
  return rows;
}

function rowCells(tr: XmlElement): Cell[] {
  const out: Cell[] = [];
  const collect = (e: XmlElement) => {
    for (const x of elements(e)) {
      if (x.name === 'w:tc') {
        const tcPr = child(x, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        out.push({ cell: x, span: Math.max(1, num(val(tcPr, 'w:gridSpan')) ?? 1), merged: !!vMerge && vMerge.attributes['w:val'] !== 'restart' });
      } else if (x.name === 'w:sdt' || x.name === 'w:customXml') collect(child(x, 'w:sdtContent') ?? x);
    }
  };
  collect(tr);
  return out;
}

function cellParagraphs(cell: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const x of elements(cell)) {
    if (x.name === 'w:p') out.push(x);
    else if (x.name === 'w:sdt') out.push(...cellParagraphs(child(x, 'w:sdtContent') ?? x));
    else if (x.name === 'w:tbl') for (const row of tableRows(x)) for (const c of row) out.push(...cellParagraphs(c.cell));
  }
  return out;
}

/** Borders a reader sees: set on the table, or a table style of the grid kind. */
function hasBorders(tbl: XmlElement): boolean {
  const tblPr = child(tbl, 'w:tblPr');
  const borders = child(tblPr, 'w:tblBorders');
  if (borders) return elements(borders).some((b) => !/^(?:none|nil)$/u.test(b.attributes['w:val'] ?? 'none'));
  const style = val(tblPr, 'w:tblStyle') ?? '';
  if (/grid|lưới|luoi/iu.test(style)) return true;
  // Borders set cell by cell.
  return elements(tbl, 'w:tr').some((tr) =>
    elements(tr, 'w:tc').some((tc) => {
      const b = child(child(tc, 'w:tcPr'), 'w:tcBorders');
      return !!b && elements(b).some((x) => !/^(?:none|nil)$/u.test(x.attributes['w:val'] ?? 'none'));
    }),
  );
}

/** The content of text boxes inside a drawing (w:txbxContent of DrawingML or VML shapes). */
function textBoxes(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (x: XmlElement) => {
    for (const c of elements(x)) {
      if (c.name === 'w:txbxContent') out.push(c);
      else visit(c);
    }
  };
  visit(e);
  return out;
}
