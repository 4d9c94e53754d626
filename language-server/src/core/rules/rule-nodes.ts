/**
 * The nodes the structure, table, Nơi nhận and chữ ký rules look at, found in
 * ONE walk of the tree per parse. Each of those rules used to walk the whole
 * tree for a handful of nodes (five walks of a law's ≈ 5,000 nodes a check,
 * ≈ 0.2 ms each: the nodes have many shapes, so every `kind`/`children` read is
 * a slow property load). Every list is in document order (pre-order), as the
 * walks it replaces gave it. The tree is not changed after parsing; callers
 * treat the lists as read-only.
 */
import type { Document, Node, NodeKind } from '../syntax/tree.ts';

/** Units that may hold a title: Phần, Chương, Mục, Tiểu mục (always) and Điều (structure/title). */
const TITLED: ReadonlySet<NodeKind> = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'dieu']);
/** Numbered units (structure/empty). */
const UNITS: ReadonlySet<NodeKind> = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'section', 'dieu', 'khoan', 'diem']);

/**
 * What the structure rules read of one numbering scope: the document, or an
 * attachment / Phụ lục directly under it (numbering.ts `numberingScopes`, same
 * order). Its units are the ones numbering.ts `walkScope` reaches below the
 * root: not inside quoted amending text, tables, or (below the root)
 * attachments and Phụ lục. The lists are read while the walk has each node at
 * hand, instead of a second pass over a law's ≈ 5,000 units per rule.
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

const MEMO = new WeakMap<Document, RuleNodes>();

export function ruleNodes(tree: Document): RuleNodes {
  let out = MEMO.get(tree);
  if (!out) MEMO.set(tree, (out = collect(tree)));
  return out;
}

function collect(tree: Document): RuleNodes {
  const scope = (root: Node): ScopeUnits => ({ root, dieuCount: 0, untitled: [], leaves: [] });
  const docScope = scope(tree);
  const out: RuleNodes = { scopes: [docScope], tables: [], noiNhan: [], chuKy: [] };
  /**
   * `units`: the scope `n` lies in, undefined outside every scope; `inTable`: below a table;
   * `inForm`: at or below a Phụ lục, a table or a quote (where Nơi nhận blocks are not the document's).
   */
  const visit = (n: Node, units: ScopeUnits | undefined, inTable: boolean, inForm: boolean) => {
    for (const c of n.children) {
      const kind = c.kind;
      const leaf = c.children.length === 0;
      let cUnits = units;
      if (kind === 'quote' || kind === 'table' || kind === 'attachment' || kind === 'phu-luc') {
        cUnits = undefined;
        if (n === tree && (kind === 'attachment' || kind === 'phu-luc')) out.scopes.push((cUnits = scope(c)));
      } else if (cUnits && UNITS.has(kind)) {
        if (kind === 'dieu') cUnits.dieuCount++;
        if (TITLED.has(kind) && !c.title) cUnits.untitled.push(c);
        if (leaf && c.number !== undefined && !((kind === 'khoan' || kind === 'diem') && c.title !== undefined && c.titleRange)) cUnits.leaves.push(c);
      }
      if (kind === 'table' && !inTable) out.tables.push(c);
      const cInForm = inForm || kind === 'phu-luc' || kind === 'table' || kind === 'quote';
      if (kind === 'noi-nhan' && !cInForm) out.noiNhan.push(c);
      else if (kind === 'chu-ky') out.chuKy.push(c);
      if (!leaf) visit(c, cUnits, inTable || kind === 'table', cInForm);
    }
  };
  visit(tree, docScope, false, false);
  return out;
}
