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
 *
 * A parse writes its tree's pre-order as it builds the tree (`Preorder`, handed over by `preorderOf`): each node
 * is met there once, while it is in the cache. The index then takes those lists as they are instead of walking
 * the finished tree, a walk that read every node and children list again from memory (≈ 0.25 ms a law).
 */
import type { Node, NodeKind } from './tree.ts';
import { labelStartOf } from './unit-node.ts';
import { AttachedMemo } from '../attached-memo.ts';
import { objectSlots } from '../object-lists.ts';

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
  /** Per kind of the tree's nodes, its code, count and list (made on first use). */
  private codes?: Map<NodeKind, { code: number; count: number; list: number[] }>;
  private labels?: readonly number[];

  constructor(root: Node) {
    const made = PREORDER.get(root);
    if (made !== undefined && made.nodes[0] === root) {
      // The builder's lists, cut to their length in place.
      const { nodes, count } = made;
      nodes.length = count;
      this.nodes = nodes;
      this.parent = made.parent.subarray(0, count);
      this.end = made.end.subarray(0, count);
      return;
    }
    // Locals, not `this.…`, in the walk: it runs once per node of a law. Sized from the parser's count when it
    // gave one (sizeHint), else grown by doubling; the node list is cut to its length at the end (in place).
    let size = Math.max(16, SIZE_HINT.get(root) ?? 0);
    const nodes: Node[] = objectSlots(size);
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
    if (!codes) {
      // One pass codes and counts every kind (two bytes a node, outside the young generation), one more fills
      // every kind's list at its exact size: a check asks for most of a tree's kinds (a law's Điều, khoản, điểm,
      // headings…), and a pass over the codes per kind asked read the whole tree up to its last node of that kind
      // each time (six passes of a law's ≈ 4,800 nodes).
      codes = this.codes = new Map();
      const { nodes } = this;
      const kindOf = new Uint16Array(nodes.length);
      // '' before the first node, not undefined: a kind compared with undefined is V8's generic comparison.
      let last: NodeKind | '' = '';
      let entry: { code: number; count: number; list: number[] } | undefined;
      for (let i = 0; i < nodes.length; i++) {
        const k = nodes[i].kind;
        if (k !== last) {
          last = k;
          entry = codes.get(k);
          if (!entry) codes.set(k, (entry = { code: codes.size, count: 0, list: NONE as number[] }));
        }
        entry!.count++;
        kindOf[i] = entry!.code;
      }
      const lists: number[][] = new Array(codes.size);
      for (const e of codes.values()) lists[e.code] = e.list = new Array(e.count);
      fillKinds(kindOf, lists);
    }
    return codes.get(kind)?.list ?? NONE;
  }

  labelStarts(): readonly number[] {
    if (!this.labels) {
      // Gathered in a typed scratch (outside the young generation), then copied at their exact count.
      const at = new Int32Array(this.nodes.length);
      this.labels = intList(at, labelStartsInto(this.nodes, at));
    }
    return this.labels;
  }
}

/**
 * Each node's index into the list of its kind (`kindOf`: its kind's code per node), in document order. A function
 * that ends with its loop (why: text/lines.ts scanLines).
 */
function fillKinds(kindOf: Uint16Array, lists: number[][]): void {
  const filled = new Int32Array(lists.length);
  for (let i = 0; i < kindOf.length; i++) {
    const c = kindOf[i];
    lists[c][filled[c]++] = i;
  }
}

/* The two loops of labelStarts, each in a function that ends with it (why: text/lines.ts scanLines). */

/** The nodes' label starts, written into `at`; how many. */
function labelStartsInto(nodes: readonly Node[], at: Int32Array): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    const s = labelStartOf(nodes[i]);
    if (s !== undefined) at[count++] = s;
  }
  return count;
}

/** The first `count` numbers of `at`, as a list. */
function intList(at: Int32Array, count: number): number[] {
  const out: number[] = new Array(count);
  for (let k = 0; k < count; k++) out[k] = at[k];
  return out;
}

const NONE: readonly number[] = [];

/**
 * A tree's nodes in pre-order as its builder adds them: each node after its parent and after every node of the
 * subtrees before it, so the lists are those of a walk of the finished tree. `end` is one past a node's subtree:
 * a node is added as a leaf and `close` sets it when nothing more can be added under it.
 */
export class Preorder {
  nodes: Node[];
  parent: Int32Array;
  end: Int32Array;
  count = 0;

  constructor(size: number) {
    // Of objects from birth (object-lists.ts): the same map in every parse, for `leaf` and the index's readers.
    this.nodes = objectSlots(size);
    this.parent = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  /** Adds `node` under the node at `up` (-1: the root), with the subtree it already has; returns where it is. */
  add(node: Node, up: number): number {
    const i = this.leaf(node, up);
    const cs = node.children;
    for (let k = 0; k < cs.length; k++) this.add(cs[k], i);
    this.end[i] = this.count;
    return i;
  }

  /** add() of a node that has no children yet (a unit just opened: its children are not read). */
  leaf(node: Node, up: number): number {
    const i = this.count++;
    if (i === this.parent.length) this.grow();
    this.nodes[i] = node;
    this.parent[i] = up;
    this.end[i] = i + 1;
    return i;
  }

  /** The subtree of the node at `i` ends here. */
  close(i: number): void {
    this.end[i] = this.count;
  }

  private grow(): void {
    const size = this.parent.length * 2;
    const parent = new Int32Array(size);
    parent.set(this.parent);
    this.parent = parent;
    const end = new Int32Array(size);
    end.set(this.end);
    this.end = end;
  }
}

const PREORDER = new AttachedMemo<Node, Preorder>('preorder');

/** Hands `root`'s index (built later) the pre-order its builder wrote: it must be exactly that of the finished tree. */
export function preorderOf(root: Node, order: Preorder): void {
  PREORDER.set(root, order);
}

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
