/**
 * Nodes by id and their names as a reader says them ("điểm a khoản 2 Điều 5"),
 * for messages, hovers and links.
 */
import { AttachedMemo } from '../attached-memo.ts';
import type { Node, ParseResult } from '../syntax/tree.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import { KIND_WORD } from './resolve.ts';
import type { PartKind } from './find.ts';

const byId = new AttachedMemo<ParseResult, Map<string, Node>>('nodeById');

/**
 * The node with that id: a map built once per parse from the per-parse node index (its nodes in document
 * order, the order of a walk: a later node with the same id wins, as it did), not from a walk of our own.
 */
export function nodeById(parse: ParseResult, id: string): Node | undefined {
  let m = byId.get(parse);
  if (!m) {
    const nodes = nodeIndex(parse.tree).nodes;
    m = new Map<string, Node>();
    for (let i = 0; i < nodes.length; i++) m.set(nodes[i].id, nodes[i]);
    byId.set(parse, m);
  }
  return m.get(id);
}

/** The numbered units that stop a name: "khoản 2 Điều 5", not "khoản 2 Điều 5 Chương I". */
const TOP = new Set(['dieu', 'section', 'phu-luc', 'chuong', 'phan']);

/** "điểm a khoản 2 Điều 5", "mục II", "Phụ lục I": the unit and the numbered units above it, up to its Điều or section. */
export function unitName(parse: ParseResult, id: string): string {
  const parts: string[] = [];
  const segments = id.split('/');
  for (let i = segments.length; i > 0; i--) {
    const n = nodeById(parse, segments.slice(0, i).join('/'));
    if (!n || n.number === undefined) continue;
    parts.push(`${KIND_WORD[n.kind as PartKind] ?? (n.kind === 'tieu-muc' ? 'Tiểu mục' : n.kind)} ${n.number}`);
    if (TOP.has(n.kind)) break;
  }
  return parts.join(' ') || id;
}
