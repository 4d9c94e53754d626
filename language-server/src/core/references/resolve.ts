/**
 * Resolving references to node ids of the parse tree, with the scope rules of
 * the language:
 *  - a chain without its upper units is completed from where it is written
 *    ("khoản 2" inside Điều 7 → Điều 7's khoản 2; "điểm a" → the enclosing khoản);
 *  - "… này" scope words pick the document they name (the decision or an
 *    attached Kế hoạch/Quy chế…); "mục II" said in the decision means the
 *    attached plan's section II when the decision itself has none;
 *  - "Như Điều 3" (Nơi nhận) means the decision's Điều 3; "Phụ lục …" the phu-luc nodes;
 *  - external references and quoted amendment text are classified, not resolved.
 * All ranges are original-text offsets.
 */
import type { Document, Node, NodeKind, ParseResult } from '../syntax/tree.ts';
import { DIEM_LETTERS as LETTERS } from '../fixes/renumber.ts';
import { LEVEL, type PartKind, type RefChain, type RefPart, type Reference } from './find.ts';

export interface Missing {
  /** What was looked for, the chain from the missing unit up: "điểm m khoản 6 mục II". */
  looked: string;
  /** Where it was looked for: "khoản 6" (undefined at the top of the scope). */
  parent?: string;
  kind: PartKind;
  /** The labels of that kind that do exist there. */
  existing: string[];
}

export interface ChainResolution {
  chain: RefChain;
  targets: string[];
  missing?: Missing;
  /** Ids of the units the chain could hang from, when more than one. */
  candidates?: string[];
  /** The scope has no unit of the top kind at all: the chain speaks of another document. */
  elsewhere?: boolean;
}

export type ResolutionStatus = 'resolved' | 'external' | 'amended' | 'unresolved' | 'ambiguous';

export interface Resolution {
  reference: Reference;
  status: ResolutionStatus;
  /** Node ids, in chain order. */
  targets: string[];
  chains: ChainResolution[];
  /** The document the reference is resolved in ("Kế hoạch này", "Quyết định này"). */
  scope: { vi: string; en: string; id: string };
}

const NODE_LEVEL: Partial<Record<NodeKind, number>> = {
  item: 0, diem: 1, khoan: 2, dieu: 3, 'tieu-muc': 3.5, muc: 4, section: 4, chuong: 5, phan: 6,
};
const BARRIER = new Set<NodeKind>(['quote', 'attachment', 'phu-luc', 'table', 'noi-nhan', 'chu-ky', 'header']);
const SCOPE_ROOT = new Set<NodeKind>(['body', 'attachment', 'phu-luc', 'quote']);

export const KIND_WORD: Record<PartKind, string> = {
  diem: 'điểm', khoan: 'khoản', dieu: 'Điều', muc: 'Mục', section: 'mục', chuong: 'Chương', phan: 'Phần', 'phu-luc': 'Phụ lục',
};

const DOC_TYPE_WORD: Record<string, string> = {
  'quyet-dinh': 'Quyết định', 'nghi-dinh': 'Nghị định', 'nghi-quyet': 'Nghị quyết', 'thong-tu': 'Thông tư',
  'thong-tu-lien-tich': 'Thông tư liên tịch', luat: 'Luật', 'bo-luat': 'Bộ luật', 'phap-lenh': 'Pháp lệnh', lenh: 'Lệnh',
  'chi-thi': 'Chỉ thị', 'ke-hoach': 'Kế hoạch', 'cong-van': 'Công văn', 'to-trinh': 'Tờ trình', 'bao-cao': 'Báo cáo',
  'thong-bao': 'Thông báo', 'huong-dan': 'Hướng dẫn', 'quy-che': 'Quy chế', 'quy-dinh': 'Quy định', 'chuong-trinh': 'Chương trình',
  'de-an': 'Đề án', 'phuong-an': 'Phương án', 'van-ban-hop-nhat': 'Văn bản hợp nhất',
};
const ATTACHMENT_WORDS = ['Kế hoạch', 'Quy chế', 'Quy định', 'Chương trình', 'Đề án', 'Điều lệ', 'Hướng dẫn', 'Danh mục', 'Phương án', 'Quy trình', 'Tiêu chuẩn', 'Tiêu chí', 'Nội quy', 'Chiến lược', 'Quy hoạch'];


// Vietnamese has no locale-specific case mappings: plain toLowerCase is right and far cheaper.
function lower(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function attachmentWord(n: Node): string | undefined {
  const t = lower(n.title ?? '');
  return ATTACHMENT_WORDS.find((w) => t.startsWith(lower(w)));
}

/** Comparable form of a label: "01" = "1", "II" = "ii", "thứ nhất" = "1". Labels repeat: memoised. */
const KEYS = new Map<string, string>();
function key(n: string): string {
  let k = KEYS.get(n);
  if (k === undefined) {
    k = computeKey(n);
    if (KEYS.size < 10_000) KEYS.set(n, k);
  }
  return k;
}

function computeKey(n: string): string {
  const s = lower(n).replace(/\.$/u, '');
  if (/^\d+[a-zđ]?$/u.test(s)) return s.replace(/^0+(?=\d)/u, '');
  const ord = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'].indexOf(s.replace(/^thứ /u, ''));
  if (s.startsWith('thứ ') && ord >= 0) return String(ord + 1);
  return s;
}

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function romanValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const a = ROMAN[s[i]] ?? 0;
    const b = ROMAN[s[i + 1]] ?? 0;
    v += a < b ? -a : a;
  }
  return v;
}
function toRoman(n: number): string {
  const table: [number, string][] = [[100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}

/** "từ khoản 2 đến khoản 5" → 2, 3, 4, 5 (keys). At most 300 items. */
export function expandRange(from: string, to: string): string[] {
  const a = key(from);
  const b = key(to);
  const out: string[] = [];
  if (/^\d+$/u.test(a) && /^\d+$/u.test(b)) {
    for (let i = Number(a); i <= Number(b) && out.length < 300; i++) out.push(String(i));
  } else if (LETTERS.includes(a) && LETTERS.includes(b)) {
    for (let i = LETTERS.indexOf(a); i <= LETTERS.indexOf(b); i++) out.push(LETTERS[i]);
  } else if (/^[ivxlc]+$/u.test(a) && /^[ivxlc]+$/u.test(b)) {
    for (let i = romanValue(a); i <= romanValue(b) && out.length < 300; i++) out.push(toRoman(i));
  }
  return out.length > 0 ? out : [a, b];
}

function partKeys(p: RefPart): string[] {
  return p.range ? expandRange(p.range[0], p.range[1]) : p.numbers.map(key);
}

export function partLabel(p: RefPart): string {
  const w = KIND_WORD[p.kind];
  if (p.relative) return `${w} ${p.relative === 'this' ? 'này' : 'trên'}`;
  if (p.attached) return `${w} kèm theo`;
  if (p.range) return `${w} ${p.range[0]}–${p.range[1]}`;
  return `${w} ${p.numbers.join(', ')}`;
}

function nodeLabel(n: Node): string {
  const k = n.kind as string;
  const w = k in KIND_WORD ? KIND_WORD[k as PartKind] : k;
  return n.number !== undefined ? `${w} ${n.number}` : w;
}

function nodeMatchesKind(n: Node, kind: PartKind): boolean {
  return n.kind === kind;
}

/** Units of `kind` below `root`, not crossing quotes/attachments nor units at or below that level. */
function unitsBelow(root: Node, kind: PartKind): Node[] {
  const out: Node[] = [];
  const lvl = LEVEL[kind];
  const visit = (n: Node) => {
    for (const c of n.children) {
      if (nodeMatchesKind(c, kind)) { out.push(c); continue; }
      if (BARRIER.has(c.kind)) continue;
      const cl = NODE_LEVEL[c.kind];
      if (cl !== undefined && cl <= lvl) continue;
      visit(c);
    }
  };
  visit(root);
  return out;
}

class TreeIndex {
  readonly body: Node;
  readonly attachments: Node[] = [];
  readonly phuLuc: Node[] = [];
  constructor(readonly tree: Document, readonly original: string) {
    this.body = tree.children.find((c) => c.kind === 'body') ?? tree;
    const visit = (n: Node) => {
      for (const c of n.children) {
        if (c.kind === 'attachment') this.attachments.push(c);
        if (c.kind === 'phu-luc') this.phuLuc.push(c);
        if (c.kind === 'table' || c.kind === 'row') continue;
        visit(c);
      }
    };
    visit(tree);
  }

  private amending?: boolean;
  /**
   * An amending document's instructions ("1. Sửa đổi, bổ sung khoản 10 Điều 3
   * như sau:") speak of the amended document, like its quotes.
   */
  amendingAt(path: Node[], offset: number): boolean {
    this.amending ??= hasQuote(this.tree);
    if (!this.amending) return false;
    const unit = [...path].reverse().find((n) => n.kind === 'diem' || n.kind === 'khoan' || n.kind === 'dieu');
    if (!unit) return false;
    const from = Math.max(unit.labelRange?.end ?? unit.range.start, offset - 600);
    const before = this.original.slice(from, offset).replace(/^[.)\s]+/u, '');
    const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(':')) + 1);
    return AMEND_VERB.test(sentence);
  }

  /** Root-to-leaf nodes containing `offset`. */
  path(offset: number): Node[] {
    const out: Node[] = [];
    let n: Node | undefined = this.tree;
    while (n) {
      out.push(n);
      n = n.children.find((c) => c.range.start <= offset && offset < c.range.end);
    }
    return out;
  }
}

function hasQuote(n: Node): boolean {
  return n.kind === 'quote' || n.children.some(hasQuote);
}

function docWord(tree: Document): string {
  return DOC_TYPE_WORD[tree.docType] ?? 'văn bản';
}

function scopeLabel(idx: TreeIndex, root: Node): { vi: string; en: string; id: string } {
  const w = root.kind === 'attachment' ? attachmentWord(root) ?? 'văn bản kèm theo'
    : root.kind === 'phu-luc' ? 'Phụ lục' : docWord(idx.tree);
  return { vi: `${w} này`, en: `this ${w}`, id: root.id };
}

function fmtExisting(keys: string[]): string {
  if (keys.length <= 2) return keys.join(', ');
  const seq = (a: string, b: string) => {
    if (/^\d+$/u.test(a) && /^\d+$/u.test(b)) return Number(b) === Number(a) + 1;
    const i = LETTERS.indexOf(a);
    if (i >= 0) return LETTERS[i + 1] === b;
    if (/^[IVXLC]+$/iu.test(a) && /^[IVXLC]+$/iu.test(b)) return romanValue(b.toLowerCase()) === romanValue(a.toLowerCase()) + 1;
    return false;
  };
  for (let i = 1; i < keys.length; i++) if (!seq(keys[i - 1], keys[i])) return keys.join(', ');
  return `${keys[0]}–${keys[keys.length - 1]}`;
}

export function formatExisting(m: Missing): string {
  return fmtExisting(m.existing);
}

/** Inside quoted amendment content. */
function amendedAt(path: Node[]): boolean {
  return path.some((n) => n.kind === 'quote');
}

const AMEND_VERB = /(?:sửa đổi|bổ sung|bãi bỏ|thay thế|thay cụm từ|bỏ cụm từ|thay đổi cụm từ|bỏ cụm|thay từ|bỏ từ|thay các cụm từ|Bỏ|Thay)(?![\p{L}])/iu;

export function resolveReferences(parse: ParseResult, refs: readonly Reference[]): Resolution[] {
  const idx = new TreeIndex(parse.tree, parse.source.original);
  return refs.map((r) => resolveOne(idx, r));
}

function resolveOne(idx: TreeIndex, ref: Reference): Resolution {
  const path = idx.path(ref.range.start);
  const locRoot = [...path].reverse().find((n) => SCOPE_ROOT.has(n.kind)) ?? idx.body;
  const base = { reference: ref, targets: [] as string[], chains: [] as ChainResolution[] };
  if (amendedAt(path) || idx.amendingAt(path, ref.range.start)) return { ...base, status: 'amended', scope: scopeLabel(idx, locRoot) };
  if (ref.scope?.kind === 'external') return { ...base, status: 'external', scope: scopeLabel(idx, locRoot) };

  let root = locRoot;
  if (ref.nhu) root = idx.body;
  if (ref.scope?.kind === 'this') {
    const w = lower(ref.scope.word);
    const att = idx.attachments.find((a) => lower(attachmentWord(a) ?? '') === w);
    if (att) root = att;
    else if (lower(docWord(idx.tree)) === w) root = idx.body;
  }
  // Units enclosing the reference, inside the scope it resolves in.
  const inRoot = path.includes(root) ? path.slice(path.indexOf(root) + 1) : [];
  const inTable = path.some((n) => n.kind === 'table');
  const chains = ref.chains.map((ch) => resolveChain(idx, root, inRoot, ch, ref, inTable));
  const targets = chains.flatMap((c) => c.targets);
  const status: ResolutionStatus = chains.every((c) => c.elsewhere) ? 'external' : chains.some((c) => c.missing) ? 'unresolved' : chains.some((c) => c.candidates) ? 'ambiguous' : 'resolved';
  return { ...base, status, targets, chains, scope: scopeLabel(idx, root) };
}

function enclosing(inRoot: Node[], kinds: NodeKind[]): Node | undefined {
  for (let i = inRoot.length - 1; i >= 0; i--) if (kinds.includes(inRoot[i].kind)) return inRoot[i];
  return undefined;
}

function chainLabel(parts: RefPart[], from: number): string {
  return parts.slice(from).map(partLabel).join(' ');
}

function resolveChain(idx: TreeIndex, root: Node, inRoot: Node[], chain: RefChain, ref: Reference, inTable: boolean): ChainResolution {
  const parts = chain.parts;
  const topI = parts.length - 1;
  const top = parts[topI];
  let anchors: Node[];
  let next = topI; // the part to look up under the anchors

  if (top.relative) {
    const kinds: NodeKind[] = top.kind === 'muc' || top.kind === 'section' ? ['muc', 'section'] : [top.kind];
    const n = enclosing(inRoot, kinds);
    if (!n) return { chain, targets: [], missing: { looked: chainLabel(parts, topI), kind: top.kind, existing: [] } };
    if (top.relative === 'above') {
      // "các khoản trên": the units before it, in the unit that holds it.
      return { chain, targets: [n.id] };
    }
    anchors = [n];
    next = topI - 1;
  } else if (top.kind === 'phu-luc') {
    const all = idx.phuLuc;
    if (top.attached) {
      if (all.length === 0) return { chain, targets: [], missing: { looked: 'Phụ lục kèm theo', kind: 'phu-luc', existing: [] } };
      return { chain, targets: all.map((p) => p.id) };
    }
    anchors = [idx.tree];
    const found = lookup(all, top);
    if (found.missing.length > 0 && all.length === 1 && all[0].number === undefined && top.numbers.length === 1) {
      // One unnumbered Phụ lục: "Phụ lục I" / "Phụ lục 01" means it.
      anchors = all;
    } else if (found.missing.length > 0 && all.length === 0 && inTable) {
      return { chain, targets: [], elsewhere: true };
    } else if (found.missing.length > 0) {
      return { chain, targets: [], missing: { looked: chainLabel(parts, topI), kind: 'phu-luc', existing: all.map((p) => p.number ?? '').filter(Boolean) } };
    } else anchors = found.nodes;
    next = topI - 1;
  } else if ((top.kind === 'khoan' || top.kind === 'diem') && !ref.nhu) {
    // Completed from where it is written.
    const holder: NodeKind[] = top.kind === 'khoan' ? ['dieu', 'section'] : ['khoan'];
    const n = enclosing(inRoot, holder);
    if (n) anchors = [n];
    else {
      const holders = holder.flatMap((k) => unitsBelow(root, k as PartKind));
      if (holders.length === 0) anchors = [root];
      else {
        const withIt = holders.filter((h) => lookup(unitsBelow(h, top.kind), top).missing.length === 0);
        if (withIt.length === 1) anchors = withIt;
        else if (withIt.length > 1) return { chain, targets: [], candidates: withIt.map((h) => h.id) };
        else return { chain, targets: [], missing: { looked: chainLabel(parts, 0), kind: top.kind, existing: [] } };
      }
    }
  } else {
    anchors = [root];
    if (top.kind === 'section' && lookup(unitsBelow(root, 'section'), top).missing.length > 0 && root.kind !== 'attachment' && !ref.scope) {
      // "mục II" written in the decision: the attached plan's section.
      const other = idx.attachments.filter((a) => lookup(unitsBelow(a, 'section'), top).missing.length === 0);
      if (other.length === 1) anchors = other;
    }
  }

  let targets: string[] = anchors.map((a) => a.id);
  for (let i = next; i >= 0; i--) {
    const p = parts[i];
    if (p.relative) {
      // "khoản 1 Điều này": the relative part is the top; others cannot be relative.
      continue;
    }
    const nodes: Node[] = [];
    for (const a of anchors) {
      const units = unitsBelow(a, p.kind === 'section' ? 'section' : p.kind);
      let found = lookup(units, p);
      if (found.missing.length > 0 && p.kind === 'section') {
        // "mục II" where the parts are Mục/Chương written in roman numerals.
        const alt = lookup([...unitsBelow(a, 'muc'), ...unitsBelow(a, 'chuong')], p);
        if (alt.missing.length === 0) found = alt;
      }
      if (found.missing.length > 0 && units.length === 0 && i === next && (SCOPE_ROOT.has(a.kind) || a.kind === 'document')) {
        // This document has no unit of that kind at all: it names a unit of
        // another document (a table of cited texts, a sentence naming it earlier).
        return { chain, targets: [], elsewhere: true };
      }
      if (found.missing.length > 0) {
        return {
          chain, targets: [],
          missing: {
            looked: `${KIND_WORD[p.kind]} ${found.missing.join(', ')}${i < parts.length - 1 ? ' ' + chainLabel(parts, i + 1) : ''}`.trim(),
            parent: SCOPE_ROOT.has(a.kind) || a.kind === 'document' ? undefined : nodeLabel(a),
            kind: p.kind,
            existing: units.map((u) => u.number ?? '').filter(Boolean),
          },
        };
      }
      nodes.push(...found.nodes);
    }
    anchors = nodes;
    targets = nodes.map((n) => n.id);
  }
  return { chain, targets };
}

function lookup(units: Node[], p: RefPart): { nodes: Node[]; missing: string[] } {
  const byKey = new Map<string, Node>();
  for (const u of units) if (u.number !== undefined && !byKey.has(key(u.number))) byKey.set(key(u.number), u);
  const nodes: Node[] = [];
  const missing: string[] = [];
  const keys = partKeys(p);
  keys.forEach((k, i) => {
    const n = byKey.get(k);
    if (n) nodes.push(n);
    else missing.push(p.range ? k : p.numbers[i]);
  });
  return { nodes, missing };
}
