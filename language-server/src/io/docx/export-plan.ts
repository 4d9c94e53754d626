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
import { isAllUpper } from '../../core/text/letters.ts';
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

/** Rule lines and portal cell bars. Only plain blanks count: a line holding a no-break space keeps it (text/unicode reports it). */
const SEPARATOR = /^[ \t\r\n\-_=–—.*~|]*$/u;
const CENTERED: ReadonlySet<Style> = new Set<Style>(['ten-loai', 'trich-yeu', 'phu-luc-label', 'phu-luc-title', 'kem-theo', 'enactment', 'authority']);
const CENTERED_HEADINGS = new Set(['phan', 'chuong', 'muc', 'tieu-muc']);

/**
 * Joins wrapped lines: the Word paragraph flows. A line break reads as a space, except before
 * punctuation ("(GMT+7)" ⏎ ".") and inside a ký hiệu cut at its dash or slash ("TT-" ⏎ "BLĐTBXH"),
 * where the checker reads the wrap as nothing and a space would be a slip the source does not have.
 */
function flow(s: string): string {
  // The lookbehind starts a match only where the blanks start (as the leftmost match would): linear on long runs.
  return s.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/gu, (m: string, at: number) => {
    const before = s.slice(Math.max(0, at - 2), at);
    const after = s.charAt(at + m.length);
    if (/[.,;:!?)\]”]/u.test(after)) return '';
    if (/[^\s][-/]$/u.test(before) && /[\p{Lu}\d]/u.test(after)) return '';
    return ' ';
  });
}

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
  let lastHeading = false;
  let lastCentred = false;
  const paragraphs = parse.paragraphs ?? [];
  for (let k = 0; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    const raw = text.slice(p.start, p.end);
    if (SEPARATOR.test(raw)) continue;
    const inTable = special.tables.find((t) => p.start >= t.range.start && p.start < t.range.end);
    if (inTable) {
      if (!done.has(inTable)) emit(tableBlock(inTable, text));
      done.add(inTable);
      lastHeading = false;
      continue;
    }
    const closing = special.closings.find((c) => p.start >= c.range.start && p.start < c.range.end);
    if (closing) {
      if (!done.has(closing)) emit(closingBlock(closing.nodes, text));
      done.add(closing);
      lastHeading = false;
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
      let segs = segments(text, part, spans, fallback);
      if (!segs.length) continue;
      const first = spans.find((s) => s.range.start < part.end && s.range.end > part.start);
      let centred = CENTERED.has(segs[0].style) || (first?.element === 'heading' && CENTERED_HEADINGS.has(first.node?.kind ?? ''));
      const joined = segs.map((x) => x.text).join('');
      if (ISSUED_WITH.test(joined) && lastHeading) {
        // "(Kèm theo …)" under a title, even where the parser left it in the title.
        segs = [{ text: joined, style: 'kem-theo' }];
        centred = true;
      } else if (lastHeading && segs.every((x) => x.style === 'body') && isAllUpper(joined)) {
        // A title in capitals wrapped onto a paragraph of its own is still the title (the parser joins such lines).
        segs = [{ text: joined, style: 'heading' }];
        centred = lastCentred;
      }
      const block = para(segs, centred ? 'center' : 'justify');
      if (pageBreak) block.pageBreakBefore = true;
      pageBreak = false;
      if (segs[segs.length - 1].style === 'kem-theo') block.rule = true;
      emit(block);
      lastHeading = HEADING_STYLES.has(segs[segs.length - 1].style);
      lastCentred = centred;
    }
    // A blank line of the source before a paragraph that would otherwise read as the same
    // paragraph's continuation (it starts in lower case or with a digit) is kept as an empty one.
    const next = paragraphs[k + 1];
    const gap = text.slice(p.end, next ? next.start : text.length);
    if (next && /\n[ \t]*\r?\n/u.test(gap) && CONTINUES.test(text.slice(next.start, next.end))) emit(para([], 'justify'));
    // A line of invisible characters (no-break spaces from a web page) is kept: text/unicode reports it.
    for (const line of gap.split('\n')) if (INVISIBLE_ONLY.test(line)) emit(para([{ text: line.replace(/[\r\n]/gu, ''), style: 'body' }], 'justify'));
  }
  return sections;
}

const ISSUED_WITH = /^\((?:Ban hành |Được ban hành )?[Kk]èm theo(?![\p{L}\d])/u;
const HEADING_STYLES: ReadonlySet<Style> = new Set<Style>(['heading', 'phu-luc-label', 'phu-luc-title', 'ten-loai']);
const INVISIBLE_ONLY = /^(?=[^\S\r\n]*[\u00a0\u200b-\u200d\u2060\ufeff])[\s\u200b-\u200d\u2060\ufeff]+$/u;
/** What the paragraph joiner reads as the continuation of the line before (core/text/paragraphs.ts). */
const CONTINUES = /^[\p{Ll}\d,.;:)%…]/u;

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
    // "(Kèm theo …)" run onto the title goes on a line of its own, in italics.
    const inline = /\((?:Ban hành |Được ban hành )?[Kk]èm theo(?![\p{L}\d])/u.exec(text.slice(n.titleRange.start, n.titleRange.end));
    const kemTheo = n.issuedWith?.range.start ?? (inline ? n.titleRange.start + inline.index : -1);
    if (kemTheo > p.start && kemTheo < p.end) cuts.push(kemTheo);
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
    out[0].text = out[0].text.replace(/^[ \t\r\n]+/u, '');
    out[out.length - 1].text = trimEndBlanks(out[out.length - 1].text);
  }
  return out.filter((s) => s.text);
}

/** Without its trailing spaces, tabs and line ends (a loop: an end-anchored regex rescans every blank run). */
function trimEndBlanks(s: string): string {
  let e = s.length;
  while (e > 0 && (s[e - 1] === ' ' || s[e - 1] === '\t' || s[e - 1] === '\r' || s[e - 1] === '\n')) e--;
  return s.slice(0, e);
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
  // A Công báo table has its headings as columns, not as a row.
  if (!rows.some((r) => r.head) && t.columns?.length) {
    rows.unshift({ cells: Array.from({ length: columns }, (_, k) => t.columns![k] ?? ''), head: true });
  }
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
      const titles = [n.signature?.prefix?.range, ...(n.signature?.titles ?? []).map((x) => x.range)].filter((r): r is Range => !!r);
      let at = n.range.start;
      for (const line of text.slice(n.range.start, n.range.end).split('\n')) {
        const start = at;
        at += line.length + 1;
        const s = line.trim();
        if (!s || SEPARATOR.test(s)) continue;
        const within = (r: Range) => r.start < at && r.end > start;
        block.signature.push({ text: s, role: name && within(name) ? 'name' : titles.some(within) ? 'title' : 'other' });
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
      else if (INVISIBLE_ONLY.test(line)) out.push(line.replace(/\r/gu, ''));
    }
  };
  for (const f of sorted) {
    if (f.start > at) take(Math.min(f.start, zone.end));
    at = Math.max(at, f.end);
  }
  if (zone.end > at) take(zone.end);
  return out;
}
