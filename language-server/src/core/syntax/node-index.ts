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
  readonly nodes: Node[] = [];
  readonly parent: Int32Array;
  readonly end: Int32Array;
  private depths?: Int32Array;
  private kinds?: Map<NodeKind, number[]>;
  private labels?: number[];

  constructor(root: Node) {
    // Locals, not `this.…`, in the walk: it runs once per node of a law. Typed arrays
    // grown by doubling: a law's ≈ 4,800 nodes cost a fraction of what `push` on number arrays allocates.
    const nodes = this.nodes;
    let parent = new Int32Array(256);
    let end = new Int32Array(256);
    const visit = (n: Node, up: number): void => {
      const i = nodes.length;
      nodes.push(n);
      if (i === parent.length) {
        const p = new Int32Array(2 * i);
        p.set(parent);
        parent = p;
        const e = new Int32Array(2 * i);
        e.set(end);
        end = e;
      }
      parent[i] = up;
      const cs = n.children;
      for (let k = 0; k < cs.length; k++) visit(cs[k], i);
      end[i] = nodes.length;
    };
    visit(root, -1);
    this.parent = parent.subarray(0, nodes.length);
    this.end = end.subarray(0, nodes.length);
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
    // Sorted into kinds on first use (one pass), not in the walk: most trees are asked for few kinds or none.
    let kinds = this.kinds;
    if (!kinds) {
      kinds = this.kinds = new Map();
      const { nodes } = this;
      for (let i = 0; i < nodes.length; i++) {
        const list = kinds.get(nodes[i].kind);
        if (list) list.push(i);
        else kinds.set(nodes[i].kind, [i]);
      }
    }
    return kinds.get(kind) ?? NONE;
  }

  labelStarts(): readonly number[] {
    if (!this.labels) {
      const out: number[] = [];
      for (const n of this.nodes) {
        const at = labelStartOf(n);
        if (at !== undefined) out.push(at);
      }
      this.labels = out;
    }
    return this.labels;
  }
}

const NONE: readonly number[] = [];

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
