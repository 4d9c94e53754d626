/**
 * Which stretches of the text are which element of ND30's type table
 * (nd30.ts): the header fields, the căn cứ, Điều and heading lines, the Nơi
 * nhận block, the signature, the Phụ lục heading. Read off the syntax tree,
 * so the layout rules and the .docx export agree on what each line is. Text
 * that is no element here is body text when it lies in the body, an attached
 * document or a Phụ lục outside its tables.
 */
import type { Document, HeaderInfo, Node, Range } from '../syntax/tree.ts';
import { titleIsContent } from '../rules/structure.ts';
import type { Element } from './nd30.ts';

export interface ElementSpan {
  element: Element;
  range: Range;
  /** The unit the span belongs to (Điều, heading, Phụ lục…), when there is one. */
  node?: Node;
}

/** The header fields the type table sets, with their element. */
export const HEADER_ELEMENTS: readonly [keyof HeaderInfo, Element][] = [
  ['coQuanChuQuan', 'co-quan-chu-quan'],
  ['coQuan', 'co-quan'],
  ['quocHieu', 'quoc-hieu'],
  ['tieuNgu', 'tieu-ngu'],
  ['so', 'so-ky-hieu'],
  ['diaDanhNgay', 'dia-danh-ngay'],
  ['tenLoai', 'ten-loai'],
  ['trichYeu', 'trich-yeu'],
  ['vv', 'trich-yeu-cong-van'],
  ['kinhGui', 'kinh-gui'],
];

const HEADING_KINDS = new Set(['phan', 'chuong', 'muc', 'tieu-muc', 'section']);
const NOI_NHAN_LABEL = /^Nơi nhận\s*:?/u;

/** The element spans in text order (original offsets), never overlapping. */
export function elementSpans(doc: Document, original: string): ElementSpan[] {
  const out: ElementSpan[] = [];
  const add = (element: Element, range: Range | undefined, node?: Node) => {
    if (range && range.end > range.start) out.push(node ? { element, range: { ...range }, node } : { element, range: { ...range } });
  };
  const h = doc.header;
  if (h) for (const [field, element] of HEADER_ELEMENTS) add(element, h[field]?.range);
  const visit = (n: Node) => {
    switch (n.kind) {
      case 'can-cu':
        add('can-cu', n.range, n);
        return;
      case 'dieu': {
        const label = n.labelRange ?? n.range;
        const end = n.title && n.titleRange && !titleIsContent(n.title) ? n.titleRange.end : label.end;
        add('dieu', { start: label.start, end }, n);
        break;
      }
      case 'noi-nhan': {
        const m = NOI_NHAN_LABEL.exec(original.slice(n.range.start, n.range.end));
        if (m) add('noi-nhan-label', { start: n.range.start, end: n.range.start + m[0].length }, n);
        for (const l of n.lines ?? []) add('noi-nhan-list', l.range, n);
        return;
      }
      case 'chu-ky': {
        const s = n.signature;
        const head = [s?.prefix?.range, ...(s?.titles ?? []).map((t) => t.range)].filter((r): r is Range => !!r);
        if (head.length) add('signature', { start: Math.min(...head.map((r) => r.start)), end: Math.max(...head.map((r) => r.end)) }, n);
        add('signer-name', s?.name?.range, n);
        return;
      }
      case 'phu-luc':
        add('phu-luc-label', n.labelRange, n);
        add('phu-luc-title', titleBeforeKemTheo(n), n);
        add('kem-theo', n.issuedWith?.range, n);
        break;
      case 'attachment':
        add('ten-loai', titleBeforeKemTheo(n), n);
        add('kem-theo', n.issuedWith?.range, n);
        break;
      case 'table':
      case 'quote':
        return;
      case 'khoan':
        // A khoản with a title in a document without Điều ("1. Mục đích") is set like a heading (ND30-PL1 Mục V).
        if (!doc.hasArticles && n.labelRange && isKhoanTitle(n, original)) add('heading', { start: n.labelRange.start, end: n.titleRange!.end }, n);
        break;
      default:
        if (HEADING_KINDS.has(n.kind) && n.labelRange) {
          add('heading', { start: n.labelRange.start, end: n.titleRange?.end ?? n.labelRange.end }, n);
        }
    }
    n.children.forEach(visit);
  };
  doc.children.forEach(visit);
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  // Keep the first of overlapping spans (a field the header and the tree both claim).
  const kept: ElementSpan[] = [];
  for (const s of out) {
    const last = kept[kept.length - 1];
    if (last && s.range.start < last.range.end) continue;
    kept.push(s);
  }
  return kept;
}

const TITLE_MAX = 150;

/** A title the parser ran on into its "(Kèm theo …)" line ends where that line begins. */
function titleBeforeKemTheo(n: Node): Range | undefined {
  const t = n.titleRange;
  const k = n.issuedWith?.range;
  if (!t || !k || k.start >= t.end || k.start <= t.start) return t;
  return { start: t.start, end: k.start };
}

/** The khoản's first paragraph is a short title line followed by its content, not a sentence. */
function isKhoanTitle(n: Node, original: string): boolean {
  if (!n.titleRange || n.range.end <= n.titleRange.end) return false;
  const t = original.slice(n.titleRange.start, n.titleRange.end).trim();
  return t.length > 0 && t.length <= TITLE_MAX && /^\p{Lu}/u.test(t) && !/[.;:,!?…]["”)]?$/u.test(t) && /\S/u.test(original.slice(n.titleRange.end, n.range.end));
}

/** The ranges of body text: the body, attached documents and Phụ lục, without their tables and closing parts. */
export function bodyRanges(doc: Document): Range[] {
  const out: Range[] = [];
  for (const c of doc.children) {
    if (c.kind !== 'body' && c.kind !== 'attachment' && c.kind !== 'phu-luc') continue;
    let at = c.range.start;
    const holes = collectHoles(c).sort((a, b) => a.start - b.start);
    for (const hole of holes) {
      if (hole.start > at) out.push({ start: at, end: hole.start });
      at = Math.max(at, hole.end);
    }
    if (c.range.end > at) out.push({ start: at, end: c.range.end });
  }
  return out;
}

function collectHoles(n: Node): Range[] {
  const out: Range[] = [];
  const visit = (x: Node) => {
    if (x.kind === 'table' || x.kind === 'noi-nhan' || x.kind === 'chu-ky') {
      out.push(x.range);
      return;
    }
    x.children.forEach(visit);
  };
  n.children.forEach(visit);
  return out;
}
