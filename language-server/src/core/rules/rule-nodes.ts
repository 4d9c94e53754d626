/**
 * The nodes the structure, table, Nơi nhận and chữ ký rules look at, found in
 * ONE pass over the per-parse node index. Each of those rules used to walk the whole
 * tree for a handful of nodes (five walks of a law's ≈ 5,000 nodes a check,
 * ≈ 0.2 ms each: the nodes have many shapes, so every `kind`/`children` read is
 * a slow property load). Every list is in document order (pre-order), as the
 * walks it replaces gave it. The tree is not changed after parsing; callers
 * treat the lists as read-only.
 */
import type { Document, Node, NodeKind } from '../syntax/tree.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import { AttachedMemo } from '../attached-memo.ts';
import { objectList } from '../object-lists.ts';
import { hasTitleRange } from '../syntax/unit-node.ts';
import { opensScope, outsideScope } from './numbering.ts';

/** What a scope lists of a node of this kind: nothing (not a numbered unit), or a unit that may hold a title. */
const NOT_UNIT = 0;
/** Phần, Chương, Mục, Tiểu mục (always) and Điều (structure/title) may hold a title. */
const TITLED = 1;
/** Roman sections, khoản, điểm: numbered units (structure/empty) without a title of their own. */
const UNTITLED = 2;

/** The kind's role, by compares: asked of each of a law's ≈ 5,000 nodes (two Set probes a node before). */
function unitRole(kind: NodeKind): number {
  switch (kind) {
    case 'khoan':
    case 'diem':
    case 'section':
      return UNTITLED;
    case 'dieu':
    case 'phan':
    case 'chuong':
    case 'muc':
    case 'tieu-muc':
      return TITLED;
    default:
      return NOT_UNIT;
  }
}

/**
 * What the structure rules read of one numbering scope: the document, or an
 * attachment / Phụ lục directly under it (numbering.ts `numberingScopes`, same
 * order). Its units are the ones numbering.ts `walkScope` reaches below the
 * root (`outsideScope`, `opensScope`: one definition of a scope for both).
 * The lists are read while the walk has each node at hand, instead of a
 * second pass over a law's ≈ 5,000 units per rule.
 */
export interface ScopeUnits {
  root: Node;
  /** Điều of the scope, numbered or not. */
  dieuCount: number;
  /** Phần, Chương, Mục, Tiểu mục and Điều without a title, numbered or not. */
  untitled: Node[];
  /**
   * Numbered units without sub-units, minus the khoản and điểm with text after
   * their label: the only units `isEmptyUnit` (structure.ts) can find empty.
   */
  leaves: Node[];
}

export interface RuleNodes {
  scopes: ScopeUnits[];
  /** Tables not inside another table. */
  tables: Node[];
  /** Nơi nhận blocks not inside a Phụ lục (its forms), a table or quoted text. */
  noiNhan: Node[];
  /** Every signature block. */
  chuKy: Node[];
}

// On the tree, not in a WeakMap: the first scope's root is the tree (attached-memo.ts).
const MEMO = new AttachedMemo<Document, RuleNodes>('ruleNodes');

export function ruleNodes(tree: Document): RuleNodes {
  let out = MEMO.get(tree);
  if (!out) MEMO.set(tree, (out = collect(tree)));
  return out;
}

/**
 * A scope's lists, empty. A function of the module, not a closure made per call of `collect`, and lists of
 * objects from birth (object-lists.ts): the optimised `collect` had met neither a new closure nor the map of a
 * new `[]` under a push, and went back to the interpreter in the next check.
 */
function scope(root: Node): ScopeUnits {
  return { root, dieuCount: 0, untitled: objectList(), leaves: objectList() };
}

function collect(tree: Document): RuleNodes {
  const out: RuleNodes = { scopes: [scope(tree)], tables: objectList(), noiNhan: objectList(), chuKy: objectList() };
  // A flat loop over the shared node index (syntax/node-index.ts), parents before children.
  // Per node: `scopeAt`, the index in out.scopes of the scope it lies in (-1 outside every scope);
  // `within`: IN_TABLE below a table, IN_FORM at or below a Phụ lục, a table or a quote
  // (where Nơi nhận blocks are not the document's).
  const { nodes, parent, end } = nodeIndex(tree);
  const scopeAt = new Int32Array(nodes.length);
  const within = new Uint8Array(nodes.length);
  for (let i = 1; i < nodes.length; i++) {
    const c = nodes[i];
    const p = parent[i];
    const kind = c.kind;
    let s = scopeAt[p];
    if (outsideScope(kind)) {
      s = -1;
      if (p === 0 && opensScope(kind)) s = out.scopes.push(scope(c)) - 1;
    } else if (s >= 0) {
      const role = unitRole(kind);
      if (role !== NOT_UNIT) {
        const units = out.scopes[s];
        if (kind === 'dieu') units.dieuCount++;
        if (role === TITLED && !c.title) units.untitled.push(c);
        // Without children: its subtree ends after it (the index's numbers, not the node's list).
        // A title range comes with a title (not read: a khoản's or điểm's is folded on first read).
        if (end[i] === i + 1 && c.number !== undefined && !((kind === 'khoan' || kind === 'diem') && hasTitleRange(c))) units.leaves.push(c);
      }
    }
    scopeAt[i] = s;
    const up = within[p];
    if (kind === 'table' && !(up & IN_TABLE)) out.tables.push(c);
    const form = (up & IN_FORM) !== 0 || kind === 'phu-luc' || kind === 'table' || kind === 'quote';
    if (kind === 'noi-nhan' && !form) out.noiNhan.push(c);
    else if (kind === 'chu-ky') out.chuKy.push(c);
    within[i] = (up & IN_TABLE) | (kind === 'table' ? IN_TABLE : 0) | (form ? IN_FORM : 0);
  }
  return out;
}

const IN_TABLE = 1;
const IN_FORM = 2;
