/**
 * What goes where on the exported pages, as plain data: the parse of the
 * text (core/syntax) says what each line is, the element spans
 * (core/layout/elements.ts) how it is typeset. The plan follows ND30 Phụ
 * lục I: the two-column header (cơ quan / Quốc hiệu, Tiêu ngữ; số ký hiệu /
 * place and date), tên loại and trích yếu, the căn cứ, the body with its
 * headings, Nơi nhận and signature side by side, attached documents on a new
 * page, each Phụ lục in a section of its own, tables as tables.
 *
 * Text is copied from the user's text as written (wrapped lines joined), so
 * a reader of the .docx sees the same words, slips included.
 */
import { elementSpans, HEADER_ELEMENTS, type ElementSpan } from '../../core/layout/elements.ts';
import type { Element } from '../../core/layout/nd30.ts';
import { parseHeader, TEN_LOAI } from '../../core/syntax/header.ts';
import type { HeaderInfo, Node, ParseResult, Range } from '../../core/syntax/tree.ts';

/** How a stretch of text is set: an element of ND30's type table, or one of the lines that table leaves out. */
export type Style = Element | 'authority' | 'enactment' | 'preamble' | 'table-head' | 'table-cell' | 'table-group';

export interface Segment {
  text: string;
  style: Style;
}

export interface ParaBlock {
  type: 'para';
  segments: Segment[];
  align: 'center' | 'justify';
  /** A short rule line under the paragraph (trích yếu, "(Kèm theo …)"). */
  rule?: boolean;
  pageBreakBefore?: boolean;
}

/** The two-column table: cơ quan, số and V/v on the left; Quốc hiệu, Tiêu ngữ and the date on the right. */
export interface HeaderBlock {
  type: 'header';
  fields: Partial<Record<HeaderCell, string>>;
}

/** The header elements that go into the table (tên loại, trích yếu and Kính gửi come under it). */
const HEADER_CELLS = ['co-quan-chu-quan', 'co-quan', 'quoc-hieu', 'tieu-ngu', 'so-ky-hieu', 'trich-yeu-cong-van', 'dia-danh-ngay'] as const;
export type HeaderCell = (typeof HEADER_CELLS)[number];

export interface TableBlock {
  type: 'table';
  columns: number;
  /** `mergedFirst`: the first cell continues the one above ("2." over its rows 2.1, 2.2…). */
  rows: { cells: string[]; head?: boolean; group?: boolean; mergedFirst?: boolean }[];
}

export interface ClosingBlock {
  type: 'closing';
  noiNhan?: { label: string; lines: string[] };
  signature: { text: string; role: 'title' | 'name' | 'other' }[];
}

export type Block = ParaBlock | HeaderBlock | TableBlock | ClosingBlock;

export interface PlanSection {
  /** A Phụ lục: its own section, page numbers restarting at 1. */
  phuLuc: boolean;
  blocks: Block[];
}

const SEPARATOR = /^[\s\-_=–—.*~|]*$/u;
const CENTERED: ReadonlySet<Style> = new Set<Style>(['ten-loai', 'trich-yeu', 'phu-luc-label', 'phu-luc-title', 'kem-theo', 'enactment', 'authority']);
const CENTERED_HEADINGS = new Set(['phan', 'chuong', 'muc', 'tieu-muc']);

/** Joins wrapped lines: the Word paragraph flows. */
const flow = (s: string) => s.replace(/[ \t]*\r?\n[ \t]*/gu, ' ');

export function planDocument(parse: ParseResult): PlanSection[] {
  const { tree } = parse;
  const text = parse.source.original;
  const slice = (r: Range | undefined) => (r ? flow(text.slice(r.start, r.end)).trim() : undefined);
  const spans = elementSpans(tree, text);
  const sections: PlanSection[] = [{ phuLuc: false, blocks: [] }];
  const emit = (b: Block) => sections[sections.length - 1].blocks.push(b);

  // --- header: the two-column table, then tên loại, trích yếu, the authority line, Kính gửi
  const h = tree.header;
  const headerNode = tree.children.find((c) => c.kind === 'header');
  if (h) {
    emit(headerBlock(h, slice));
    // What the header zone holds besides its fields ("DỰ THẢO", "MẬT"…) is kept, under the table.
    const fields = [...HEADER_ELEMENTS.map(([f]) => h[f]), h.thamQuyen].filter((f) => !!f).map((f) => f!.range);
    for (const rest of leftovers(text, { start: 0, end: headerNode?.range.end ?? 0 }, fields)) emit(para([{ text: rest, style: 'body' }], 'center'));
    if (h.tenLoai) emit(para([{ text: slice(h.tenLoai.range)!, style: 'ten-loai' }], 'center'));
    if (h.trichYeu) emit({ ...para([{ text: slice(h.trichYeu.range)!, style: 'trich-yeu' }], 'center'), rule: true });
    if (h.thamQuyen) emit(para([{ text: slice(h.thamQuyen.range)!, style: 'authority' }], 'center'));
    if (h.kinhGui) emit(para([{ text: slice(h.kinhGui.range)!, style: 'kinh-gui' }], 'center'));
  }

  // --- everything after the header, paragraph by paragraph
  const special = specialRanges(tree);
  const preamble = tree.children.find((c) => c.kind === 'preamble');
  const enactment = preamble?.enactment?.range;
  const done = new Set<object>();
  let skipUntil = -1;
  for (const p of parse.paragraphs ?? []) {
    const raw = text.slice(p.start, p.end);
    if (SEPARATOR.test(raw)) continue;
    const inTable = special.tables.find((t) => p.start >= t.range.start && p.start < t.range.end);
    if (inTable) {
      if (!done.has(inTable)) emit(tableBlock(inTable, text));
      done.add(inTable);
      continue;
    }
    const closing = special.closings.find((c) => p.start >= c.range.start && p.start < c.range.end);
    if (closing) {
      if (!done.has(closing)) emit(closingBlock(closing.nodes, text));
      done.add(closing);
      continue;
    }
    const phuLuc = special.phuLucs.find((n) => n.range.start >= p.start && n.range.start < p.end);
    if (phuLuc && !done.has(phuLuc)) {
      done.add(phuLuc);
      sections.push({ phuLuc: true, blocks: [] });
    }
    const attachment = special.attachments.find((n) => n.range.start >= p.start && n.range.start < p.end);
    // An attached document (a Quy chế, a Kế hoạch) opens a new page, under its own header block if it has one.
    const zone = attachment && !done.has(attachment) ? attachmentHeader(attachment, text) : undefined;
    if (attachment && zone) {
      done.add(attachment);
      emit({ type: 'para', segments: [], align: 'center', pageBreakBefore: true });
      emit(headerBlock(zone.info, slice));
      skipUntil = zone.end;
    }
    if (p.start < skipUntil) continue;
    const inPreamble = !!preamble && p.start >= preamble.range.start && p.end <= preamble.range.end;
    const fallback: Style = enactment && p.start >= enactment.start && p.end <= enactment.end ? 'enactment' : inPreamble ? 'preamble' : 'body';
    let pageBreak = false;
    if (attachment && !done.has(attachment)) {
      done.add(attachment);
      pageBreak = true;
    }
    for (const part of headingLines(p, special.headings, text)) {
      const segs = segments(text, part, spans, fallback);
      if (!segs.length) continue;
      const first = spans.find((s) => s.range.start < part.end && s.range.end > part.start);
      const centred = CENTERED.has(segs[0].style) || (first?.element === 'heading' && CENTERED_HEADINGS.has(first.node?.kind ?? ''));
      const block = para(segs, centred ? 'center' : 'justify');
      if (pageBreak) block.pageBreakBefore = true;
      pageBreak = false;
      if (segs[segs.length - 1].style === 'kem-theo') block.rule = true;
      emit(block);
    }
  }
  return sections;
}

/**
 * A heading run onto one line by a source ("Chương I QUY ĐỊNH CHUNG", "PHỤ LỤC KẾ HOẠCH …",
 * "KẾ HOẠCH CẢI CÁCH …") is two lines on paper (ND30-PL1 II.6.c, III.1): the label, then the title.
 */
function headingLines(p: Range, headings: Node[], text: string): Range[] {
  const cuts: number[] = [];
  for (const n of headings) {
    if (!n.titleRange || n.titleRange.end <= p.start || n.titleRange.start >= p.end) continue;
    let cut = -1;
    if (n.kind === 'attachment') {
      // "KẾ HOẠCH CẢI CÁCH …": the tên loại, then the trích yếu.
      const title = text.slice(n.titleRange.start, n.titleRange.end);
      const head = TEN_LOAI.map((t) => new RegExp(`^${t.replace(/ /gu, '\\s+')}(?![\\p{L}])`, 'u').exec(title)).find((m) => m);
      if (head && /\S/u.test(title.slice(head[0].length))) cut = n.titleRange.start + head[0].length;
    } else if (n.labelRange && n.labelRange.start >= p.start) {
      cut = n.titleRange.start;
    }
    if (cut > p.start && cut < p.end) cuts.push(cut);
  }
  const out: Range[] = [];
  let at = p.start;
  for (const c of cuts.sort((a, b) => a - b)) {
    if (c > at) out.push({ start: at, end: c });
    at = Math.max(at, c);
  }
  out.push({ start: at, end: p.end });
  return out;
}

function headerBlock(h: HeaderInfo, slice: (r: Range | undefined) => string | undefined): HeaderBlock {
  const fields: HeaderBlock['fields'] = {};
  for (const [field, element] of HEADER_ELEMENTS) {
    const s = (HEADER_CELLS as readonly string[]).includes(element) ? slice(h[field]?.range) : undefined;
    if (s) fields[element as HeaderCell] = s;
  }
  return { type: 'header', fields };
}

/** The header block repeated above an attached document (cơ quan, Quốc hiệu, Tiêu ngữ), up to its title. */
function attachmentHeader(n: Node, text: string): { info: HeaderInfo; end: number } | undefined {
  const end = n.titleRange?.start ?? n.range.start;
  if (end <= n.range.start) return undefined;
  const { info } = parseHeader(text, n.range.start, end);
  return info.quocHieu || info.tieuNgu ? { info, end } : undefined;
}

function para(segments: Segment[], align: ParaBlock['align']): ParaBlock {
  return { type: 'para', segments, align };
}

/** The paragraph cut at the element spans it crosses; text outside them gets `fallback`. */
function segments(text: string, p: Range, spans: ElementSpan[], fallback: Style): Segment[] {
  const out: Segment[] = [];
  let at = p.start;
  const push = (end: number, style: Style) => {
    if (end <= at) return;
    const s = flow(text.slice(at, end));
    if (s) out.push({ text: s, style });
    at = end;
  };
  for (const s of spans) {
    if (s.range.end <= p.start || s.range.start >= p.end) continue;
    push(Math.max(at, s.range.start), fallback);
    push(Math.min(p.end, s.range.end), s.element);
  }
  push(p.end, fallback);
  // Leading and trailing blanks of the paragraph go; the words stay as written.
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((s) => s.text);
}

interface Closing {
  range: Range;
  nodes: Node[];
}

/** Units whose label and title are set on two lines. */
const HEADED = new Set(['phan', 'chuong', 'muc', 'tieu-muc', 'phu-luc', 'attachment']);

function specialRanges(tree: Node): { tables: Node[]; closings: Closing[]; headings: Node[]; phuLucs: Node[]; attachments: Node[] } {
  const tables: Node[] = [];
  const closings: Closing[] = [];
  const visit = (n: Node) => {
    let group: Closing | undefined;
    for (const c of n.children) {
      if (c.kind === 'noi-nhan' || c.kind === 'chu-ky') {
        // Nơi nhận and the signature next to each other share one table.
        if (group && !group.nodes.some((g) => g.kind === c.kind)) {
          group.nodes.push(c);
          group.range = { start: Math.min(group.range.start, c.range.start), end: Math.max(group.range.end, c.range.end) };
        } else {
          group = { range: { ...c.range }, nodes: [c] };
          closings.push(group);
        }
        continue;
      }
      if (c.kind === 'table') tables.push(c);
      else visit(c);
    }
  };
  visit(tree);
  const headings: Node[] = [];
  const collect = (n: Node) => {
    if (HEADED.has(n.kind)) headings.push(n);
    if (n.kind !== 'table') n.children.forEach(collect);
  };
  collect(tree);
  return {
    tables,
    closings,
    headings,
    phuLucs: tree.children.filter((c) => c.kind === 'phu-luc'),
    attachments: tree.children.filter((c) => c.kind === 'attachment'),
  };
}

function tableBlock(t: Node, text: string): TableBlock {
  const cellText = (c: Node) => flow(text.slice(c.range.start, c.range.end)).trim();
  const width = Math.max(t.columns?.length ?? 0, ...t.children.map((r) => Math.max(0, ...r.children.map((c) => (c.column ?? 0) + 1))));
  const columns = Math.max(1, width);
  const rows: TableBlock['rows'] = t.children.map((r) => {
    if (r.group && r.children.length === 1) return { cells: [cellText(r.children[0])], group: true };
    const cells = Array.from({ length: columns }, () => '');
    for (const c of r.children) {
      const k = Math.min(columns - 1, c.column ?? 0);
      cells[k] = cells[k] ? `${cells[k]} ${cellText(c)}` : cellText(c);
    }
    const row: TableBlock['rows'][number] = { cells };
    if (r.id.endsWith('/header')) row.head = true;
    if (r.group) row.group = true;
    return row;
  });
  // Portal copies leave out a cell merged over the rows below it ("2." over 2.1, 2.2…): merge it back.
  let parent: string | undefined;
  for (const r of rows) {
    if (r.head || r.group) {
      parent = undefined;
      continue;
    }
    const sub = /^(\d{1,3})\.\d/u.exec(r.cells[1] ?? '');
    if (r.cells[0] === '' && parent !== undefined && sub?.[1] === parent) r.mergedFirst = true;
    else parent = /^(\d{1,3})\.(?!\d)/u.exec(r.cells[0])?.[1];
  }
  return { type: 'table', columns, rows };
}

function closingBlock(nodes: Node[], text: string): ClosingBlock {
  const block: ClosingBlock = { type: 'closing', signature: [] };
  for (const n of nodes) {
    if (n.kind === 'noi-nhan') {
      const label = /^Nơi nhận\s*:?/u.exec(text.slice(n.range.start, n.range.end))?.[0] ?? 'Nơi nhận:';
      block.noiNhan = { label, lines: (n.lines ?? []).map((l) => flow(text.slice(l.range.start, l.range.end)).trim()).filter(Boolean) };
    } else {
      const name = n.signature?.name?.range;
      let at = n.range.start;
      for (const line of text.slice(n.range.start, n.range.end).split('\n')) {
        const start = at;
        at += line.length + 1;
        const s = line.trim();
        if (!s || SEPARATOR.test(s)) continue;
        const isName = !!name && name.start >= start && name.start < at;
        block.signature.push({ text: s, role: isName ? 'name' : /\p{Ll}/u.test(s) && !/^(?:KT|TM|TL|TUQ|Q)\./u.test(s) ? 'other' : 'title' });
      }
    }
  }
  return block;
}

/** Lines of `zone` outside `fields` that carry words. */
function leftovers(text: string, zone: Range, fields: Range[]): string[] {
  const sorted = [...fields].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = zone.start;
  const take = (end: number) => {
    for (const line of text.slice(at, end).split('\n')) {
      const s = line.trim();
      if (s && !SEPARATOR.test(s)) out.push(s);
    }
  };
  for (const f of sorted) {
    if (f.start > at) take(Math.min(f.start, zone.end));
    at = Math.max(at, f.end);
  }
  if (zone.end > at) take(zone.end);
  return out;
}
