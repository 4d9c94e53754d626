/** Small walks over the structure tree shared by the language-service features. */
import type { Document, Node, NodeKind } from '../syntax/tree.ts';
import type { Lang } from '../diagnostics/diagnostic.ts';

/** How each kind of unit is named to a reader (outline, symbols, hover). */
export const KIND_LABELS: Record<NodeKind, [vi: string, en: string]> = {
  document: ['Văn bản', 'Document'],
  header: ['Phần đầu văn bản', 'Header'],
  preamble: ['Phần mở đầu', 'Preamble'],
  'can-cu': ['Căn cứ', 'Legal basis'],
  body: ['Nội dung', 'Body'],
  phan: ['Phần', 'Part'],
  chuong: ['Chương', 'Chapter'],
  muc: ['Mục', 'Section'],
  'tieu-muc': ['Tiểu mục', 'Subsection'],
  dieu: ['Điều', 'Article'],
  khoan: ['Khoản', 'Clause'],
  diem: ['Điểm', 'Point'],
  section: ['Phần', 'Section'],
  item: ['Ý', 'Item'],
  attachment: ['Văn bản kèm theo', 'Attachment'],
  'phu-luc': ['Phụ lục', 'Appendix'],
  table: ['Bảng', 'Table'],
  row: ['Dòng', 'Row'],
  cell: ['Ô', 'Cell'],
  'noi-nhan': ['Nơi nhận', 'Recipients'],
  'chu-ky': ['Chữ ký', 'Signature'],
  quote: ['Nội dung sửa đổi (trích)', 'Quoted amendment'],
};

export function kindLabel(kind: NodeKind, lang: Lang): string {
  const [vi, en] = KIND_LABELS[kind] ?? [kind, kind];
  return lang === 'en' ? en : vi;
}

/** Units that carry a number a drafter types and a reader navigates by. */
export const NUMBERED: ReadonlySet<NodeKind> = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'khoan', 'diem', 'section', 'phu-luc']);

/** The chain of nodes containing `offset`, from the document down to the deepest one. */
export function pathAt(tree: Document, offset: number): Node[] {
  const path: Node[] = [tree];
  let node: Node = tree;
  for (;;) {
    const child = childAt(node, offset);
    if (!child) return path;
    path.push(child);
    node = child;
  }
}

/** The child whose range holds `offset` (children are in text order: binary search). */
function childAt(node: Node, offset: number): Node | undefined {
  const cs = node.children;
  let lo = 0;
  let hi = cs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cs[mid];
    if (offset < c.range.start) hi = mid - 1;
    else if (offset > c.range.end || (offset === c.range.end && c.range.end > c.range.start && mid + 1 < cs.length && cs[mid + 1].range.start === offset)) lo = mid + 1;
    else return c;
  }
  return undefined;
}

/** Visits every node in text order; `enter` returns false to skip a node's children. */
export function walk(node: Node, enter: (n: Node, parent: Node | undefined) => boolean | void, parent?: Node): void {
  if (enter(node, parent) === false) return;
  for (const c of node.children) walk(c, enter, node);
}

/** A unit's name as a reader says it: "Điều 5", "Chương II", "khoản 2", "Phụ lục I". */
export function unitName(n: Node, lang: Lang): string {
  const word = kindLabel(n.kind, lang);
  return n.number !== undefined ? `${word} ${n.number}` : word;
}

/** Folds runs of white space and cuts to `max` characters with an ellipsis. */
export function oneLine(s: string, max = 80): string {
  const f = s.replace(/\s+/g, ' ').trim();
  return f.length > max ? f.slice(0, max - 1) + '…' : f;
}
