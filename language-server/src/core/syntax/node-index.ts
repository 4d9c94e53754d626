/**
 * One walk of the structure tree per parse, shared by every rule and index
 * that used to walk the whole tree on its own (about ten walks of a law's
 * ≈ 4,800 nodes per check: numbering scopes, tables, Nơi nhận blocks, the
 * references' label starts, citation zones …).
 *
 * What it offers (`nodeIndex(tree)`, memoised per tree object, i.e. per parse;
 * the tree is not changed after parsing, so treat every list as read-only):
 * - `nodes`: every node in document order (pre-order), `nodes[0]` the root;
 * - `parent[i]`: the index of node i's parent (-1 for the root);
 * - `end[i]`: one past node i's subtree — its descendants are `i + 1 … end[i] - 1`,
 *   so "skip this subtree" is `i = end[i]` and "is j inside i" is `i < j && j < end[i]`;
 * - `depth[i]`: 0 for the root (computed on first use);
 * - `ofKind(kind)`: the indexes of the nodes of that kind, in document order;
 * - `labelStarts()`: the original offsets where labels start (`labelRange.start`), in pre-order;
 * - `locate(node)`: where a node sits for a walk of its subtree — the root and its
 *   children answer from this index; any other node gets an index of its own subtree.
 */
import type { Node, NodeKind } from './tree.ts';
import { labelStartOf } from './unit-node.ts';
import { AttachedMemo } from '../attached-memo.ts';

export interface NodeIndex {
  readonly nodes: readonly Node[];
  readonly parent: Int32Array;
  readonly end: Int32Array;
  readonly depth: Int32Array;
  ofKind(kind: NodeKind): readonly number[];
  labelStarts(): readonly number[];
}

/** A node and its index: `index.nodes[at] === node`. */
export interface Located {
  index: NodeIndex;
  at: number;
}

class TreeNodeIndex implements NodeIndex {
  readonly nodes: Node[];
  readonly parent: Int32Array;
  readonly end: Int32Array;
  private depths?: Int32Array;
  /** Per node, its kind's code in `codes` (sorted into kinds on first use: most trees are asked for few kinds). */
  private kindOf?: Uint16Array;
  private codes?: Map<NodeKind, { code: number; count: number; list?: readonly number[] }>;
  private labels?: readonly number[];

  constructor(root: Node) {
    // Locals, not `this.…`, in the walk: it runs once per node of a law. Sized from the parser's count when it
    // gave one (sizeHint), else grown by doubling; the node list is cut to its length at the end (in place).
    let size = Math.max(16, SIZE_HINT.get(root) ?? 0);
    const nodes: Node[] = new Array(size);
    let count = 0;
    let parent = new Int32Array(size);
    let end = new Int32Array(size);
    const visit = (n: Node, up: number): void => {
      const i = count++;
      if (i === size) {
        size *= 2;
        const p = new Int32Array(size);
        p.set(parent);
        parent = p;
        const e = new Int32Array(size);
        e.set(end);
        end = e;
      }
      nodes[i] = n;
      parent[i] = up;
      const cs = n.children;
      for (let k = 0; k < cs.length; k++) visit(cs[k], i);
      end[i] = count;
    };
    visit(root, -1);
    nodes.length = count;
    this.nodes = nodes;
    this.parent = parent.subarray(0, count);
    this.end = end.subarray(0, count);
  }

  get depth(): Int32Array {
    if (!this.depths) {
      const { parent } = this;
      const out = new Int32Array(parent.length);
      for (let i = 1; i < parent.length; i++) out[i] = out[parent[i]] + 1;
      this.depths = out;
    }
    return this.depths;
  }

  ofKind(kind: NodeKind): readonly number[] {
    let codes = this.codes;
    let kindOf = this.kindOf;
    if (!codes || !kindOf) {
      // One pass codes and counts every kind (two bytes a node, outside the young generation); each list asked
      // for is then filled from the bytes at its exact size, not grown by push.
      codes = this.codes = new Map();
      const { nodes } = this;
      kindOf = this.kindOf = new Uint16Array(nodes.length);
      let last: NodeKind | undefined;
      let entry: { code: number; count: number } | undefined;
      for (let i = 0; i < nodes.length; i++) {
        const k = nodes[i].kind;
        if (k !== last) {
          last = k;
          entry = codes.get(k);
          if (!entry) codes.set(k, (entry = { code: codes.size, count: 0 }));
        }
        entry!.count++;
        kindOf[i] = entry!.code;
      }
    }
    const entry = codes.get(kind);
    if (!entry) return NONE;
    if (!entry.list) {
      const list: number[] = new Array(entry.count);
      const { code } = entry;
      for (let i = 0, j = 0; j < list.length; i++) if (kindOf[i] === code) list[j++] = i;
      entry.list = list;
    }
    return entry.list;
  }

  labelStarts(): readonly number[] {
    if (!this.labels) {
      // Gathered in a typed scratch (outside the young generation), then copied at their exact count.
      const { nodes } = this;
      const at = new Int32Array(nodes.length);
      let count = 0;
      for (let i = 0; i < nodes.length; i++) {
        const s = labelStartOf(nodes[i]);
        if (s !== undefined) at[count++] = s;
      }
      const out: number[] = new Array(count);
      for (let k = 0; k < count; k++) out[k] = at[k];
      this.labels = out;
    }
    return this.labels;
  }
}

const NONE: readonly number[] = [];

/** How many nodes a tree has, as its builder counted them: the index's lists are made at that size. */
const SIZE_HINT = new AttachedMemo<Node, number>('nodeCount');

/** Tells the index of `root` (built later) about how many nodes its tree has; a wrong count only costs growth. */
export function sizeHint(root: Node, count: number): void {
  SIZE_HINT.set(root, count);
}

// On the nodes, not in WeakMaps: an index lists its root (see attached-memo.ts for why that matters).
const INDEX = new AttachedMemo<Node, NodeIndex>('nodeIndex');
/** The root and its direct children, located in the root's index (scope roots: the document, its attachments and Phụ lục). */
const LOCATED = new AttachedMemo<Node, Located>('located');

/** The index of `root`'s subtree, built on first use. */
export function nodeIndex(root: Node): NodeIndex {
  let index = INDEX.get(root);
  if (index) return index;
  index = new TreeNodeIndex(root);
  INDEX.set(root, index);
  LOCATED.set(root, { index, at: 0 });
  for (let c = 1; c < index.end[0]; c = index.end[c]) if (!LOCATED.has(index.nodes[c])) LOCATED.set(index.nodes[c], { index, at: c });
  return index;
}

/** Where `node` sits in an index, for a walk of its subtree (see the file's comment). */
export function locate(node: Node): Located {
  return LOCATED.get(node) ?? { index: nodeIndex(node), at: 0 };
}

/** Whether node `i` has an ancestor (below `stop`, default: any) whose kind `blocked` accepts. */
export function hasAncestor(index: NodeIndex, i: number, blocked: (kind: NodeKind) => boolean, stop = -1): boolean {
  for (let p = index.parent[i]; p > stop; p = index.parent[p]) if (blocked(index.nodes[p].kind)) return true;
  return false;
}
