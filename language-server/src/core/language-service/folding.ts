/**
 * Folding ranges: every unit that spans more than one line (header, preamble,
 * Phần/Chương/Mục/Điều/khoản/điểm, sections, attached documents, Phụ lục,
 * tables, Nơi nhận), and regions between `vanban-disable` / `vanban-enable`
 * comments. Offsets here; the server turns them into lines.
 */
import type { Document, NodeKind, Range } from '../syntax/tree.ts';
import { walk } from './tree.ts';

export interface FoldingRegion {
  /** From the unit's first character to the end of its last non-blank line. */
  range: Range;
  kind?: 'comment' | 'region';
}

const FOLDED = new Set<NodeKind>([
  'header', 'preamble', 'phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'khoan', 'diem', 'section', 'item',
  'attachment', 'phu-luc', 'table', 'noi-nhan', 'chu-ky', 'quote',
]);

export function foldingRegions(tree: Document, text: string): FoldingRegion[] {
  const out: FoldingRegion[] = [];
  walk(tree, (n) => {
    if (n.kind === 'row' || n.kind === 'cell') return false;
    if (!FOLDED.has(n.kind)) return;
    const end = trimEnd(text, n.range.start, n.range.end);
    if (text.lastIndexOf('\n', end - 1) >= n.range.start) out.push({ range: { start: n.range.start, end } });
  });
  return out.concat(disabledRegions(text));
}

/** End of the last non-white character of text[start, end). */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/u.test(text[e - 1])) e--;
  return e;
}

const DISABLE = /^[ \t]*(?:<!--|\/\/)[ \t]*vanban-disable(?![-\w])/u;
const ENABLE = /^[ \t]*(?:<!--|\/\/)[ \t]*vanban-enable(?![-\w])/u;

/** `<!-- vanban-disable … -->` … `<!-- vanban-enable … -->` blocks, folded as comments. */
function disabledRegions(text: string): FoldingRegion[] {
  if (!text.includes('vanban-')) return [];
  const out: FoldingRegion[] = [];
  let open: number | undefined;
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    if (open === undefined && DISABLE.test(line)) open = at;
    else if (open !== undefined && ENABLE.test(line)) {
      out.push({ range: { start: open, end: end }, kind: 'comment' });
      open = undefined;
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}
