/**
 * The outline of a document (document symbols) and the flat symbol list the
 * workspace-symbol search runs over. Built from the structure tree: header,
 * căn cứ, Phần/Chương/Mục/Điều/khoản/điểm, roman sections, attached
 * documents, Phụ lục, tables, Nơi nhận and the signature. Items ("-" bullets),
 * table rows and cells are left out: they would drown the outline.
 */
import type { Lang } from '../diagnostics/diagnostic.ts';
import type { Document, Node, NodeKind, Range, SignatureInfo } from '../syntax/tree.ts';
import { foldDiacritics } from '../text/letters.ts';
import { kindLabel, oneLine, unitName } from './tree.ts';

export interface OutlineSymbol {
  /** "Điều 5. Phạm vi điều chỉnh", "Căn cứ Luật Tổ chức Chính phủ…", "Phần đầu văn bản". */
  name: string;
  /** A second, dimmer text: the số ký hiệu of the header, the number of rows of a table. */
  detail?: string;
  kind: NodeKind;
  /** Identity path of the unit (`dieu_5/khoan_2`). */
  id: string;
  /** The unit's label as written, white space folded ("Điều 5", "II.", "a)"), when it has one. */
  label?: string;
  range: Range;
  /** Inside `range`: the label and title, or the first line. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

const LEFT_OUT = new Set<NodeKind>(['item', 'row', 'cell', 'document']);
const TITLE_MAX = 100;

export function documentSymbols(tree: Document, text: string, lang: Lang): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const c of tree.children) collect(c, text, lang, out);
  return out;
}

function collect(n: Node, text: string, lang: Lang, into: OutlineSymbol[]): void {
  if (n.kind === 'body' || LEFT_OUT.has(n.kind)) {
    // The body is where the units are: show them at the top level.
    if (n.kind === 'body' || n.kind === 'document') for (const c of n.children) collect(c, text, lang, into);
    return;
  }
  const sym: OutlineSymbol = {
    name: symbolName(n, text, lang),
    kind: n.kind,
    id: n.id,
    range: n.range,
    selectionRange: selectionOf(n, text),
    children: [],
  };
  const detail = symbolDetail(n, lang);
  if (detail) sym.detail = detail;
  const label = labelText(n, text);
  if (label) sym.label = label;
  if (n.kind !== 'table') for (const c of n.children) collect(c, text, lang, sym.children);
  into.push(sym);
}

function symbolName(n: Node, text: string, lang: Lang): string {
  if (n.kind === 'can-cu' || n.kind === 'quote') {
    return oneLine(text.slice(n.range.start, n.range.end), TITLE_MAX) || kindLabel(n.kind, lang);
  }
  if (n.kind === 'header') {
    const h = n.header;
    const head = [h?.tenLoai?.text, h?.so?.text].filter(Boolean).join(' ');
    return head ? oneLine(head, TITLE_MAX) : kindLabel('header', lang);
  }
  if (n.kind === 'chu-ky') return signatureName(n.signature, lang);
  // Numbered units are named as the document writes them: "Điều 5. …", "II. …", "a) …".
  const name = labelText(n, text) ?? unitName(n, lang);
  if (!n.title) return name;
  return `${name}${/[.:)]$/u.test(name) ? ' ' : '. '}${oneLine(n.title, TITLE_MAX)}`;
}

/** "Chữ ký: KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A": the prefix written once. */
function signatureName(s: SignatureInfo | undefined, lang: Lang): string {
  const titles = s?.titles ?? [];
  // The parser's title line usually starts at the prefix ("KT. BỘ TRƯỞNG"); by range, not by text,
  // so that "KT" + "KT. BỘ TRƯỞNG" or a title re-spaced by folding does not bring it back twice.
  const p = s?.prefix;
  const inTitle = p !== undefined && titles.some((t) => t.range.start <= p.range.start && p.range.end <= t.range.end);
  const parts = [p && !inTitle ? p.text : '', ...titles.map((t) => t.text), s?.name?.text ?? ''].filter(Boolean);
  return parts.length ? `${kindLabel('chu-ky', lang)}: ${oneLine(parts.join(' '), TITLE_MAX)}` : kindLabel('chu-ky', lang);
}

function labelText(n: Node, text: string): string | undefined {
  if (!n.labelRange) return undefined;
  const t = oneLine(text.slice(n.labelRange.start, n.labelRange.end), 40);
  return t || undefined;
}

function symbolDetail(n: Node, lang: Lang): string | undefined {
  if (n.kind === 'header') return n.header?.trichYeu ? oneLine(n.header.trichYeu.text, TITLE_MAX) : undefined;
  if (n.kind === 'table') {
    const rows = n.children.filter((c) => c.kind === 'row').length;
    return lang === 'en' ? `${rows} rows` : `${rows} dòng`;
  }
  if (n.kind === 'noi-nhan') return n.lines ? (lang === 'en' ? `${n.lines.length} lines` : `${n.lines.length} dòng`) : undefined;
  return undefined;
}

/** The label through the title when the parser found them, else the unit's first line. */
function selectionOf(n: Node, text: string): Range {
  const from = n.labelRange ?? n.titleRange;
  if (from) {
    const end = n.titleRange && n.titleRange.end >= from.start ? n.titleRange.end : from.end;
    return clampInto({ start: from.start, end }, n.range);
  }
  const nl = text.indexOf('\n', n.range.start);
  return clampInto({ start: n.range.start, end: nl < 0 ? n.range.end : Math.min(nl, n.range.end) }, n.range);
}

function clampInto(r: Range, outer: Range): Range {
  const start = Math.min(Math.max(r.start, outer.start), outer.end);
  return { start, end: Math.max(start, Math.min(r.end, outer.end)) };
}

// ---------------------------------------------------------------------------
// Workspace symbols
// ---------------------------------------------------------------------------

export interface FlatSymbol {
  name: string;
  kind: NodeKind;
  /** The enclosing unit's name ("Chương II", the document's own number). */
  container?: string;
  range: Range;
}

/** Kinds worth finding across a workspace: the big units, not every khoản. */
const WORKSPACE_KINDS = new Set<NodeKind>(['header', 'phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'section', 'attachment', 'phu-luc']);

export function flatSymbols(symbols: readonly OutlineSymbol[], documentName: string | undefined): FlatSymbol[] {
  const out: FlatSymbol[] = [];
  const visit = (list: readonly OutlineSymbol[], container: string | undefined) => {
    for (const s of list) {
      if (WORKSPACE_KINDS.has(s.kind)) out.push({ name: s.name, kind: s.kind, container, range: s.selectionRange });
      visit(s.children, WORKSPACE_KINDS.has(s.kind) && s.kind !== 'header' ? (s.label?.replace(/[.:]$/u, '') ?? s.name) : container);
    }
  };
  visit(symbols, documentName);
  return out;
}

/**
 * Matching a workspace-symbol query the way a Vietnamese user types it: case
 * and diacritics do not matter ("dieu 5" finds "Điều 5"), and every word of
 * the query must begin a word of the name, in any order. Score: 0 when the
 * name holds the query as typed, as whole words ("dieu 3" in "Điều 3. …"); 1
 * when it holds it as typed ("dieu 3" in "Điều 30"); 2 otherwise; -1 no match.
 */
export function symbolMatcher(query: string): (name: string) => number {
  const q = foldDiacritics(query);
  const words = q.split(' ').filter(Boolean);
  if (words.length === 0) return () => 0;
  return (name) => {
    const f = foldDiacritics(name);
    const nameWords = f.split(/[^\p{L}\p{N}]+/u);
    if (!words.every((w) => nameWords.some((n) => n.startsWith(w)))) return -1;
    let at = f.indexOf(q);
    if (at < 0) return 2;
    for (; at >= 0; at = f.indexOf(q, at + 1)) {
      const before = at === 0 ? '' : f[at - 1];
      const after = f[at + q.length] ?? '';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return 0;
    }
    return 1;
  };
}
