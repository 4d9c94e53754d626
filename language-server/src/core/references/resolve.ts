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
import type { Document, Node, NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { DIEM_LETTERS as LETTERS } from '../fixes/renumber.ts';
import { hasAncestor, nodeIndex } from '../syntax/node-index.ts';
import { LEVEL, type PartKind, type RefChain, type RefPart, type Reference } from './find.ts';
import { memoised } from '../bounded-memo.ts';
import { isLabelLetter } from '../text/letters.ts';
import { classOf } from '../text/unicode-classes.ts';
import { lazy } from '../lazy.ts';

const LETTER = classOf('L'); // text/unicode-classes.ts

export interface Missing {
  /** What was looked for, the chain from the missing unit up: "điểm m khoản 6 mục II". */
  looked: string;
  /** Where it was looked for: "khoản 6" (undefined at the top of the scope). */
  parent?: string;
  kind: PartKind;
  /** The labels of that kind that do exist there. */
  existing: string[];
}

/** One written number of a reference and the node(s) it names. */
export interface NamedNumber {
  /** Where the number is written (original offsets). */
  range: Range;
  ids: string[];
}

/** One part of a chain ("khoản 1, 2", "Điều này", "từ Điều 7 đến Điều 12") and the units it names. */
export interface PartResolution {
  part: RefPart;
  /** Every unit the part names (a range: all units from one end to the other). */
  ids: string[];
  /** Each written number, parallel to `part.numberRanges`. */
  numbers: NamedNumber[];
}

export interface ChainResolution {
  chain: RefChain;
  /** The smallest units named (the chain's first part), node ids. */
  targets: string[];
  /** Per part of the chain (same index), what it names; undefined for parts not reached. */
  parts: (PartResolution | undefined)[];
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
  /**
   * "… của Kế hoạch này" said where no Kế hoạch exists: the type word said and
   * the documents there are ("Quyết định", "Quy chế") — reference/self-scope.
   */
  scopeMismatch?: { said: string; documents: string[] };
}

const NODE_LEVEL: Partial<Record<NodeKind, number>> = {
  item: 0, diem: 1, khoan: 2, dieu: 3, 'tieu-muc': 3.5, muc: 4, section: 4, chuong: 5, phan: 6,
};
const BARRIER = new Set<NodeKind>(['quote', 'attachment', 'phu-luc', 'table', 'noi-nhan', 'chu-ky', 'header']);
/** The kinds that hold units numbered on their own: the body, an attachment, a Phụ lục, quoted amending text. */
function isScopeRoot(kind: NodeKind): boolean {
  // Compares, not a Set: asked of every node on the path of every reference (a Set's hash probe cost ≈ 3 % of resolving).
  return kind === 'body' || kind === 'attachment' || kind === 'phu-luc' || kind === 'quote';
}

export const KIND_WORD: Record<PartKind, string> = {
  diem: 'điểm', khoan: 'khoản', dieu: 'Điều', muc: 'Mục', section: 'mục', chuong: 'Chương', phan: 'Phần', 'phu-luc': 'Phụ lục',
};

/**
 * The kinds of the units the written numbers of a part can name: a part is looked up among the units of
 * its own kind; "mục II" also among Mục and Chương written in roman numerals (`resolveChain`).
 */
export const NAMED_KINDS: Readonly<Record<PartKind, readonly NodeKind[]>> = {
  diem: ['diem'], khoan: ['khoan'], dieu: ['dieu'], muc: ['muc'], section: ['section', 'muc', 'chuong'], chuong: ['chuong'], phan: ['phan'], 'phu-luc': ['phu-luc'],
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
// The patterns asked per reference are module constants: a regex literal is a new object at each call.
const SPACES = /\s+/g;
function lower(s: string): string {
  return s.toLowerCase().replace(SPACES, ' ').trim();
}

function attachmentWord(n: Node): string | undefined {
  const t = lower(n.title ?? '');
  return ATTACHMENT_WORDS.find((w) => t.startsWith(lower(w)));
}

/** Comparable form of a label: "01" = "1", "II" = "ii", "thứ nhất" = "1". */
function key(n: string): string {
  return isOwnKey(n) ? n : memoKey(n);
}
// Labels and scope words repeat.
const memoKey = memoised(computeKey, 10_000);

/**
 * Whether `computeKey(n)` is `n` itself, read by character: "12", "5a", "đ" — nearly every label and number
 * written. Such labels skip the memo's map (asked of every written number and every unit looked up).
 */
function isOwnKey(n: string): boolean {
  const len = n.length;
  if (len === 0 || len > 5) return false;
  const c0 = n.charCodeAt(0);
  if (len === 1) return (c0 >= 0x30 && c0 <= 0x39) || (c0 >= 0x61 && c0 <= 0x7a) || c0 === 0x111;
  // Digits without a leading zero, then at most one lower-case letter (a-z, đ).
  if (c0 < 0x31 || c0 > 0x39) return false;
  let i = 1;
  while (i < len && n.charCodeAt(i) >= 0x30 && n.charCodeAt(i) <= 0x39) i++;
  if (i === len) return true;
  const c = n.charCodeAt(i);
  return i === len - 1 && isLabelLetter(c);
}
/** A scope word in lower case ("Bộ luật" → "bộ luật"): a law says "… của Bộ luật này" hundreds of times. */
const lowerWord = memoised(lower, 10_000);

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

/** Kinds numbered either way: "Phụ lục 2" is "PHỤ LỤC II", "Chương 3" is "Chương III". */
const ROMAN_OR_ARABIC = new Set<string>(['phu-luc', 'chuong', 'phan']);

const ROMAN_KEY = /^[ivxlc]+$/u;

/** The comparable key of a label for units of `kind`. */
function unitKey(kind: string, label: string): string {
  const k = key(label);
  return ROMAN_OR_ARABIC.has(kind) && ROMAN_KEY.test(k) ? String(romanValue(k)) : k;
}

/** The keys of a range's units ("từ khoản 2 đến khoản 5"): `expandRange`'s own new list, keyed in place. */
function rangeKeys(p: RefPart, range: readonly [string, string]): string[] {
  const keys = expandRange(range[0], range[1]);
  for (let i = 0; i < keys.length; i++) keys[i] = unitKey(p.kind, keys[i]);
  return keys;
}

/** Whether a reference's number and a unit's label name the same unit ("01" = "1", "2" = "II" for Phụ lục). */
export function sameLabel(kind: PartKind, a: string, b: string): boolean {
  return unitKey(kind, a) === unitKey(kind, b);
}

export function partLabel(p: RefPart): string {
  const w = KIND_WORD[p.kind];
  if (p.relative) return `${w} ${p.relative === 'this' ? 'này' : 'trên'}`;
  if (p.bare) return w;
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

/**
 * Units of `kind` below `root`, not crossing quotes/attachments nor units at or below that level: written
 * into `scratch` (the index's, reused), then copied at their count — a list per Điều and khoản asked about,
 * most of a few units, each grown by push had a store of 17.
 */
function unitsBelow(root: Node, kind: PartKind, scratch: Node[]): Node[] {
  return scratch.slice(0, collectBelow(root, kind, LEVEL[kind], scratch, 0));
}

/** `unitsBelow`'s walk: the units under `n` written into `out` from `count` on; the new count. */
function collectBelow(n: Node, kind: PartKind, lvl: number, out: Node[], count: number): number {
  const cs = n.children;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (nodeMatchesKind(c, kind)) {
      out[count++] = c;
      // Sub-khoản "2.1", "2.2" sit under khoản 2 and are named by their own label.
      if (kind === 'khoan') count = subKhoan(c, out, count);
      continue;
    }
    if (BARRIER.has(c.kind)) continue;
    const cl = NODE_LEVEL[c.kind];
    if (cl !== undefined && cl <= lvl) continue;
    count = collectBelow(c, kind, lvl, out, count);
  }
  return count;
}

function subKhoan(k: Node, out: Node[], count: number): number {
  for (const c of k.children) {
    if (c.kind === 'khoan' && c.number?.includes('.')) {
      out[count++] = c;
      count = subKhoan(c, out, count);
    }
  }
  return count;
}

class TreeIndex {
  readonly body: Node;
  readonly attachments: Node[] = [];
  readonly phuLuc: Node[] = [];
  /** The văn bản hợp nhất's footnote lines (sorted). */
  readonly footnotes: readonly Range[];
  constructor(readonly tree: Document, readonly original: string, readonly text: string) {
    this.footnotes = tree.footnotes ?? [];
    this.body = tree.children.find((c) => c.kind === 'body') ?? tree;
    // From the per-parse node index (no walk of our own): attachments and Phụ lục not inside a table
    // (a table's rows hold forms), and whether the text quotes amended content anywhere (amendingAt).
    const index = nodeIndex(tree);
    const inTable = (k: NodeKind) => k === 'table' || k === 'row';
    for (const i of index.ofKind('attachment')) if (!hasAncestor(index, i, inTable)) this.attachments.push(index.nodes[i]);
    for (const i of index.ofKind('phu-luc')) if (!hasAncestor(index, i, inTable)) this.phuLuc.push(index.nodes[i]);
    this.quotes = index.ofKind('quote').length > 0;
    this.pathNodes = [tree];
    this.scratch = [tree];
    this.anchor = [tree];
  }

  /** Whether a quote stands anywhere in the tree. */
  private readonly quotes: boolean;

  /** Per kind, by root: a handful of maps, not one per unit asked about. */
  private readonly below = new Map<PartKind, Map<Node, Node[]>>();
  /**
   * `unitsBelow`, memoised: every "Điều 12" of a law asks for the Điều of the
   * whole body, and walking the tree once per reference made resolving quadratic.
   * The arrays are shared: callers never change them.
   */
  units(root: Node, kind: PartKind): Node[] {
    // The last answer first: a chain asks the same anchor twice (lookup, then the section's second try),
    // and a list of references asks the same root and kind one after another ("Điều 5, Điều 7").
    if (root === this.lastRoot && kind === this.lastKind) return this.lastUnits;
    let m = this.below.get(kind);
    if (!m) this.below.set(kind, (m = new Map()));
    let out = m.get(root);
    if (!out) m.set(root, (out = unitsBelow(root, kind, this.scratch)));
    this.lastRoot = root;
    this.lastKind = kind;
    this.lastUnits = out;
    return out;
  }
  private lastRoot: Node | undefined;
  private lastKind: PartKind | undefined;
  private lastUnits: Node[] = [];
  /**
   * `unitsBelow`'s working list (stale entries past the count it returns are never read). Made holding a
   * node (in the constructor), so that even an empty answer sliced from it is an array of objects: one map
   * for every answer, where a `[]` not yet written to gave empty answers of small integers (another map, and
   * resolveChain's optimised code went back to the interpreter on the first unit kind a text lacks).
   */
  private readonly scratch: Node[];

  /** `lookup`'s answers (see `Found`). */
  readonly found = new Found();
  readonly other = new Found();

  /** Made holding a node (in the constructor) for the same reason as `scratch`: one map, no transition per check. */
  private readonly anchor: Node[];
  /**
   * `[n]`, a chain's first anchor: one list, written over by the next chain (like `Found.one`). The chain
   * reads it before its first lookup and returns copies of it (ids), never the list.
   */
  alone(n: Node): Node[] {
    this.anchor[0] = n;
    return this.anchor;
  }

  private readonly keys = new Map<Node[], Keyed>();
  /**
   * The units by the key of their label, once per units array (the arrays of `units` are memoised) and
   * kept with this index, not in a module-wide WeakMap (whose entries the collector handles one by one);
   * or the style of their keys when they run 1, 2, 3… or a, b, c… in order (`sequenceOf`: a law's Điều,
   * most long lists of khoản and điểm), where a key names the unit at its place and the map would be one
   * list per unit.
   */
  byKey(units: Node[]): Keyed {
    if (units === this.lastKeyed) return this.lastKeys;
    let out = this.keys.get(units);
    if (out === undefined) {
      const style = sequenceOf(units);
      this.keys.set(units, (out = style !== NO_SEQUENCE ? style : keyIndex(units)));
    }
    this.lastKeyed = units;
    this.lastKeys = out;
    return out;
  }
  private lastKeyed: Node[] | undefined;
  private lastKeys: Keyed = NO_SEQUENCE;

  private amending?: boolean;
  /**
   * An amending document's instructions ("1. Sửa đổi, bổ sung khoản 10 Điều 3
   * như sau:") speak of the amended document, like its quotes.
   */
  amendingAt(path: Node[], at: Range): boolean {
    this.amending ??= this.quotes;
    if (!this.amending) return false;
    const unit = [...path].reverse().find((n) => n.kind === 'diem' || n.kind === 'khoan' || n.kind === 'dieu');
    if (!unit) return false;
    const from = Math.max(unit.labelRange?.end ?? unit.range.start, at.start - 600);
    const before = this.original.slice(from, at.start).replace(/^[.)\s]+/u, '');
    const sentence = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(':')) + 1);
    if (AMEND_VERB().test(sentence)) return true;
    // The passive form puts the verb after the reference: "20. Điều 44 được sửa đổi, bổ sung như sau:".
    PASSIVE_AMEND.lastIndex = at.end;
    if (PASSIVE_AMEND.test(this.original)) return true;
    // A list under its instruction: "a) Thay thế các cụm từ như sau:" ⏎ "- Cụm từ “…” bằng cụm từ “…” tại khoản 4 Điều 13;".
    return path.some((n) => n.kind === 'item') && this.instructsList(unit);
  }

  /** The unit's own text before its list ends with ":" and holds an amending verb ("Thay thế các cụm từ sau đây:"). */
  private instructsList(unit: Node): boolean {
    const first = unit.children[0];
    if (!first) return false;
    const start = unit.labelRange?.end ?? unit.range.start;
    const lead = this.original.slice(Math.max(start, first.range.start - 600), first.range.start).trimEnd();
    return lead.endsWith(':') && AMEND_VERB().test(lead);
  }

  /** The type words of the documents in the text: the main one, then each attachment's. */
  documentWords(): string[] {
    const out = this.tree.docType === 'unknown' ? [] : [docWord(this.tree)];
    for (const a of this.attachments) {
      const w = attachmentWord(a);
      if (w && !out.includes(w)) out.push(w);
    }
    return out;
  }

  /**
   * Whether "‹w› này" may name a document of this text although neither the
   * main type nor an attachment's says so: the type is unknown, a văn bản hợp
   * nhất reproduces its sources ("Thông tư này"), an attachment's type cannot
   * be read, the words overlap ("Thông tư này" in a Thông tư liên tịch), the
   * reference sits in a form, the trích yếu announces that document, or its
   * type is printed as a heading somewhere (a model document among the forms).
   */
  mayCallItself(w: string, path: Node[]): boolean {
    if (w === 'văn bản' || this.tree.docType === 'unknown' || this.tree.docType === 'van-ban-hop-nhat') return true;
    const header = this.tree.children.find((c) => c.kind === 'header')?.header;
    if (header?.so && /VBHN/u.test(header.so.value.text)) return true;
    if (this.attachments.some((a) => !attachmentWord(a))) return true;
    // A Phụ lục of forms holds model documents of any type ("Điều 1 Quyết định này" in a model decision).
    if (path.some((n) => n.kind === 'phu-luc' || n.kind === 'table')) return true;
    // "Về việc ban hành Quy trình …": the attached Quy trình exists even where the parser did not find its start.
    const trichYeu = header?.trichYeu?.text;
    if (trichYeu && lower(trichYeu).includes(w)) return true;
    // A model document printed in the text ("Mẫu số 09 … QUYẾT ĐỊNH Thu hồi …") has its type as a heading.
    const heading = w.toLocaleUpperCase('vi').replace(/ /g, '[ \\t\\n]+');
    if (new RegExp(`(?<![${LETTER}])${heading}(?![${LETTER}])`, 'u').test(this.text)) return true;
    const main = this.mainWord();
    return main.includes(w) || w.includes(main);
  }

  /**
   * The last path, the root always first. Made holding the root (in the constructor) so that the array is
   * one of objects from birth: an empty `[]` is born holding small integers and changes its map at the first
   * node stored, once per check, which sent the optimised resolveOne back to the interpreter.
   */
  private readonly pathNodes: Node[];
  /**
   * Per level of the last path: whether every sibling before its node starts at or before the offset it
   * was found for (1), so that, holding no offset from there on, none can hold a later one. Slot 0 (the
   * root's) is never read; it is there so that level 1's write appends instead of leaving a hole (a holey
   * array is another map).
   */
  private readonly pathSettled: number[] = [0];
  private pathOffset = -1;
  /**
   * Root-to-leaf nodes containing `offset` (at each level the first child holding it). One array for
   * every reference, valid until the next call: each reference reads its path and keeps none of it.
   * References come in text order and mostly lie in the unit of the one before: the last path's
   * nodes that still hold a later offset, below settled siblings, are that offset's too, and the
   * descent goes on from the deepest of them.
   */
  path(offset: number): Node[] {
    const out = this.pathNodes;
    const settled = this.pathSettled;
    // Written over, then cut to size (never to 0, which would drop the array's store).
    let k = 1;
    if (offset >= this.pathOffset) {
      while (k < out.length && settled[k] === 1 && out[k].range.start <= offset && offset < out[k].range.end) k++;
    }
    this.pathOffset = offset;
    let n: Node | undefined = out[k - 1];
    n = this.childAt(n, offset);
    while (n) {
      settled[k] = this.settledAt;
      out[k++] = n;
      n = this.childAt(n, offset);
    }
    out.length = k;
    return out;
  }

  /** Of `childAt`'s last answer: 1 when every sibling before it starts at or before the offset (see `path`). */
  private settledAt = 0;

  private readonly reach = new Map<Node, Float64Array | null>();
  /**
   * `n.children.find((c) => c.range.start <= offset && offset < c.range.end)`
   * without the linear scan (a law's body has hundreds of Điều and every
   * reference asks): children come sorted by start, so with the running
   * maximum of their ends the first child holding `offset` is found by two
   * binary searches. Siblings may overlap (an attachment's start read late)
   * or be empty; the running maximum keeps `find`'s answer in both cases.
   * Children not sorted by start (never seen) take the linear scan.
   */
  private childAt(n: Node, offset: number): Node | undefined {
    const cs = n.children;
    if (cs.length < 8) {
      // `firstHolding`, noting whether a sibling passed starts after the offset.
      let settled = 1;
      for (const c of cs) {
        const { start, end } = c.range;
        if (start <= offset && offset < end) {
          this.settledAt = settled;
          return c;
        }
        if (start > offset) settled = 0;
      }
      return undefined;
    }
    // Sorted by start (else firstHolding below, not settled): the siblings before the answer start before it.
    this.settledAt = 1;
    let reach = this.reach.get(n);
    if (reach === undefined) this.reach.set(n, (reach = runningMaxEnd(cs)));
    if (reach === null) {
      this.settledAt = 0;
      return firstHolding(cs, offset);
    }
    // hi: the last child starting at or before offset.
    let lo = 0;
    let hi = cs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid].range.start <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    if (hi < 0 || reachAt(cs, reach, hi) <= offset) return undefined;
    // The first child up to hi whose end passes offset: where the running maximum first does.
    lo = 0;
    let first = hi;
    while (lo <= first) {
      const mid = (lo + first) >> 1;
      if (reachAt(cs, reach, mid) > offset) first = mid - 1;
      else lo = mid + 1;
    }
    return cs[lo];
  }

  private attachmentWords?: string[];
  /** The first attachment whose type word is `w` (lower case): the words are read once, not per reference. */
  attachmentCalled(w: string): Node | undefined {
    // Pushed, not `map`ped: `map` answers an array of another map when its caller runs optimised, and
    // `indexOf` below, seeing both, sent this function back to the interpreter.
    if (this.attachmentWords === undefined) {
      const words: string[] = [];
      for (const a of this.attachments) words.push(lower(attachmentWord(a) ?? ''));
      this.attachmentWords = words;
    }
    const i = this.attachmentWords.indexOf(w);
    return i >= 0 ? this.attachments[i] : undefined;
  }

  private main?: string;
  /** The main document's type word in lower case. */
  mainWord(): string {
    return (this.main ??= lower(docWord(this.tree)));
  }

  private readonly labels = new Map<Node, { vi: string; en: string; id: string }>();
  /** `scopeLabel` per scope root (a handful), shared by the resolutions of that scope. */
  scopeLabel(root: Node): { vi: string; en: string; id: string } {
    let l = this.labels.get(root);
    if (!l) this.labels.set(root, (l = scopeLabel(this, root)));
    return l;
  }
}

/** The first of `cs` holding `offset`. */
function firstHolding(cs: readonly Node[], offset: number): Node | undefined {
  for (const c of cs) if (c.range.start <= offset && offset < c.range.end) return c;
  return undefined;
}

/**
 * Running maximum of the children's ends, or null when they are not sorted by start; `OWN_ENDS` when the
 * ends never decrease (nearly every node: no list, each child's end is the maximum so far).
 */
function runningMaxEnd(cs: readonly Node[]): Float64Array | null {
  let monotone = true;
  for (let i = 1; i < cs.length; i++) {
    if (cs[i].range.start < cs[i - 1].range.start) return null;
    if (cs[i].range.end < cs[i - 1].range.end) monotone = false;
  }
  if (monotone) return OWN_ENDS;
  const out = new Float64Array(cs.length);
  let max = -Infinity;
  for (let i = 0; i < cs.length; i++) {
    max = Math.max(max, cs[i].range.end);
    out[i] = max;
  }
  return out;
}
const OWN_ENDS = new Float64Array(0);

/** `runningMaxEnd`'s value at child i. */
function reachAt(cs: readonly Node[], reach: Float64Array, i: number): number {
  return reach === OWN_ENDS ? cs[i].range.end : reach[i];
}

export function hasQuote(n: Node): boolean {
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

/** `/^\d+$/u`, by character: asked of each pair of a law's hundreds of Điều labels in a message. */
function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function fmtExisting(keys: string[]): string {
  if (keys.length <= 2) return keys.join(', ');
  const seq = (a: string, b: string) => {
    if (allDigits(a) && allDigits(b)) return Number(b) === Number(a) + 1;
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

const AMEND_VERB = lazy(() => /(?:sửa đổi|bổ sung|bãi bỏ|thay thế|thay cụm từ|bỏ cụm từ|thay đổi cụm từ|bỏ cụm|thay từ|bỏ từ|thay các cụm từ|Bỏ|Thay)(?![\p{L}])/iu);
/** Right after a reference (sticky): "… được sửa đổi", "được bổ sung như sau", "được bãi bỏ", "được thay thế bằng". */
const PASSIVE_AMEND = /[ \t]*(?:đã[ \t]+)?được[ \t]+(?:sửa đổi|bổ sung|bãi bỏ|thay thế|thay)(?![\p{L}])/uy;

/**
 * The root-to-leaf paths `TreeIndex.path` gives for `offsets`, asked in that order (for tests: each path must
 * be the one a descent taking at each level the first child holding the offset gives).
 */
export function pathsAt(parse: ParseResult, offsets: readonly number[]): Node[][] {
  const idx = new TreeIndex(parse.tree, parse.source.original, parse.source.text);
  return offsets.map((o) => [...idx.path(o)]);
}

export function resolveReferences(parse: ParseResult, refs: readonly Reference[]): Resolution[] {
  const idx = new TreeIndex(parse.tree, parse.source.original, parse.source.text);
  // A bare "Phụ lục" in a text with none ("Điều 403. Phụ lục hợp đồng") is the common noun, not a reference.
  const noun = (c: ChainResolution) => !!c.elsewhere && c.chain.parts.length === 1 && !!c.chain.parts[0].bare;
  // At its largest size, then cut (in place): a law's hundreds of resolutions pushed onto an empty list
  // copied its store eight times over.
  const out: Resolution[] = new Array(refs.length);
  let count = 0;
  for (let i = 0; i < refs.length; i++) {
    const r = resolveOne(idx, refs[i]);
    if (r && !(r.status === 'external' && r.chains.length > 0 && r.chains.every(noun))) out[count++] = r;
  }
  out.length = count;
  distributeDocumentNames(out, parse.source.original);
  return out;
}

/** Only separators between two references of one list: "; ", ", ", " và ", "; các ". */
const LIST_GAP = /^[ \t]*(?:[;,][ \t]*)?(?:(?:và|hoặc)[ \t]+)?(?:các[ \t]+)?$/u;

/**
 * "Khoản 5 và khoản 11 Điều 9; khoản 1 Điều 19; các Điều 21, 22 của Nghị định số 101/2024/NĐ-CP": the
 * document named after the last reference of a list is the document of the whole list. A reference
 * that names no document itself (no "này", no "của …") and is followed, through separators only, by
 * one that names another document speaks of that document too (portal copies of repealing clauses
 * are full of such lists; each item read as a unit of this text was a false reference/unresolved).
 */
function distributeDocumentNames(out: Resolution[], original: string): void {
  let external = false;
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i];
    const next = out[i + 1];
    // The gap is read only while a list's document is carried: most references are followed by prose.
    external &&= !!next && next.reference.range.start >= r.reference.range.end && LIST_GAP.test(original.slice(r.reference.range.end, next.reference.range.start));
    if (r.status === 'external' && r.reference.scope?.kind === 'external') external = true;
    else if (external && !r.reference.scope && !r.reference.nhu && !isRelative(r.reference) && (r.status === 'unresolved' || r.status === 'resolved' || r.status === 'ambiguous')) {
      out[i] = classified(r.reference, 'external', r.scope);
    } else if (r.status !== 'external') external = false;
  }
}

/** Every chain ends in "này" ("Khoản này", "khoản 2 Điều này"). */
function isRelative(ref: Reference): boolean {
  // A loop, not `every` with an arrow: asked twice of each reference.
  const chains = ref.chains;
  if (chains.length === 0) return false;
  for (let i = 0; i < chains.length; i++) {
    const parts = chains[i].parts;
    if (parts[parts.length - 1].relative !== 'this') return false;
  }
  return true;
}

/** `at` lies in one of `ranges` (sorted, disjoint). */
function inRanges(ranges: readonly Range[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= at) lo = mid + 1;
    else if (ranges[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}

/**
 * A footnote of a consolidated text, "[6] Khoản này được sửa đổi …" or
 * "76[76]Khoản này …", speaks of the unit that carries the mark "[6]" in the
 * body ("2.[6] Bộ Quốc phòng …"): the offset of that mark, when the reference
 * opens such a footnote.
 */
function footnoteMark(original: string, ref: Reference): number | undefined {
  // The line's text before the reference ends with "]" and blanks: the pattern is run only then.
  let b = ref.range.start;
  while (b > 0 && (original.charCodeAt(b - 1) === 0x20 || original.charCodeAt(b - 1) === 0x09)) b--;
  if (b === 0 || original.charCodeAt(b - 1) !== 0x5d) return undefined;
  const lineStart = original.lastIndexOf('\n', ref.range.start - 1) + 1;
  const m = /^[ \t]*\d{0,3}(\[\d{1,3}\])[ \t]*$/u.exec(original.slice(lineStart, ref.range.start));
  if (!m) return undefined;
  for (let at = original.indexOf(m[1]); at >= 0 && at < lineStart; at = original.indexOf(m[1], at + 1)) {
    // The mark in the body follows a label or a word, never a line start.
    if (at > 0 && !/[\n\d]/u.test(original[at - 1])) return at;
    if (at > 0 && /\d/u.test(original[at - 1]) && !/^[ \t]*\d*$/u.test(original.slice(original.lastIndexOf('\n', at - 1) + 1, at))) return at;
  }
  return undefined;
}

/**
 * A reference classified, not resolved: it speaks of another document (or the amended one). Resolutions are
 * written as literals with one key order (no spread of a shared base): a law has hundreds of references and the
 * copies were a visible share of resolving.
 */
function classified(reference: Reference, status: 'amended' | 'external', scope: Resolution['scope']): Resolution {
  return { reference, targets: [], chains: [], status, scope };
}

/** The reference resolved; undefined for a footnote's "này" that names no unit we can tell. */
function resolveOne(idx: TreeIndex, ref: Reference): Resolution | undefined {
  const relative = isRelative(ref);
  const mark = relative ? footnoteMark(idx.original, ref) : undefined;
  // A footnote's "Khoản này" speaks of the unit carrying its mark; when the mark is not found, or
  // does not sit in such a unit, it speaks of one we cannot tell: no reference.
  const inFootnote = relative && idx.footnotes.length > 0 && inRanges(idx.footnotes, ref.range.start);
  if (inFootnote && mark === undefined) return undefined;
  const path = idx.path(mark ?? ref.range.start);
  // One pass over the path's kinds: the innermost scope root, inside quoted amendment content, in a table.
  let locRoot: Node | undefined;
  let quoted = false;
  let inTable = false;
  for (let i = path.length - 1; i >= 0; i--) {
    const kind = path[i].kind;
    if (!locRoot && isScopeRoot(kind)) locRoot = path[i];
    if (kind === 'quote') quoted = true;
    else if (kind === 'table') inTable = true;
  }
  locRoot ??= idx.body;
  // An amending instruction speaks of the amended text, except where it says "… của Nghị định này":
  // that is the amending document itself ("… tại Phụ lục ban hành kèm theo Nghị định này").
  // The scope read once, its kind only when there is one: `ref.scope?.kind === 'this'` compared undefined or a
  // string, which the optimised code did in V8's generic strict-equality builtin.
  const scope = ref.scope;
  const thisScope = scope !== undefined && scope.kind === 'this' ? scope : undefined;
  const ownScope = thisScope !== undefined && !thisScope.bare;
  if (quoted || (!ownScope && idx.amendingAt(path, ref.range))) return classified(ref, 'amended', idx.scopeLabel(locRoot));
  if (scope !== undefined && scope.kind === 'external') return classified(ref, 'external', idx.scopeLabel(locRoot));

  let root = locRoot;
  let scopeMismatch: Resolution['scopeMismatch'];
  if (ref.nhu) root = idx.body;
  if (thisScope !== undefined) {
    const w = lowerWord(thisScope.word);
    const att = idx.attachmentCalled(w);
    if (att) root = att;
    else if (idx.mainWord() === w) root = idx.body;
    else if (!thisScope.bare && !idx.mayCallItself(w, path)) scopeMismatch = { said: thisScope.word, documents: idx.documentWords() };
  }
  // Units enclosing the reference, inside the scope it resolves in: path[inRoot…].
  const at = path.indexOf(root);
  const inRoot = at >= 0 ? at + 1 : path.length;
  const chains: ChainResolution[] = new Array(ref.chains.length);
  let targets: string[] = [];
  let elsewhere = true, missing = false, candidates = false;
  for (let i = 0; i < ref.chains.length; i++) {
    const c = resolveChain(idx, root, path, inRoot, ref.chains[i], ref, inTable);
    chains[i] = c;
    targets = targets.length === 0 ? c.targets : targets.concat(c.targets);
    elsewhere &&= !!c.elsewhere;
    missing ||= !!c.missing;
    candidates ||= !!c.candidates;
  }
  const status: ResolutionStatus = elsewhere ? 'external' : missing ? 'unresolved' : candidates ? 'ambiguous' : 'resolved';
  if (inFootnote && status === 'unresolved') return undefined;
  const out: Resolution = { reference: ref, targets, chains, status, scope: idx.scopeLabel(root) };
  if (scopeMismatch) out.scopeMismatch = scopeMismatch;
  return out;
}

/** The innermost of path[from…] of one of `kinds`. */
function enclosing(path: readonly Node[], from: number, kinds: readonly NodeKind[]): Node | undefined {
  for (let i = path.length - 1; i >= from; i--) if (kinds.includes(path[i].kind)) return path[i];
  return undefined;
}

function chainLabel(parts: RefPart[], from: number): string {
  return parts.slice(from).map(partLabel).join(' ');
}

/** The kinds "‹kind› này" names: "mục này" a Mục or a roman section. */
const RELATIVE_KINDS: Readonly<Record<PartKind, readonly NodeKind[]>> = {
  diem: ['diem'], khoan: ['khoan'], dieu: ['dieu'], muc: ['muc', 'section'], section: ['muc', 'section'], chuong: ['chuong'], phan: ['phan'], 'phu-luc': ['phu-luc'],
};

/** The nodes' ids (a loop: `map` with an arrow is a closure and a call per chain). */
function idsOf(nodes: readonly Node[]): string[] {
  const out: string[] = new Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = nodes[i].id;
  return out;
}

/** The units a khoản / điểm / Điều … hangs from when the chain does not say. */
const HOLDER: Partial<Record<PartKind, NodeKind[]>> = { khoan: ['dieu', 'section'], diem: ['khoan'] };

/**
 * Records, part by part, which nodes each written number names (`parts`: the chain's list, one slot per part).
 * The id lists are made at their size when the part is first recorded (an empty array that is pushed to
 * grows a store of 17 slots): most parts name one unit under one anchor, and a law has hundreds of them.
 * A part with one written number naming its one unit (nearly all) gives the part and the number one id
 * list: the same ids, one array fewer per part (split again before a second anchor adds to them).
 * `tokens`: the node each written number names (parallel to `part.numberRanges`), undefined where none.
 */
function record(parts: (PartResolution | undefined)[], i: number, part: RefPart, nodes: readonly Node[], tokens: readonly (Node | undefined)[] = NO_TOKENS): void {
  const r = parts[i];
  if (!r) {
    const ranges = part.numberRanges;
    const ids = uniqueIds(nodes);
    const numbers: NamedNumber[] = new Array(ranges.length);
    if (ranges.length === 1 && nodes.length === 1 && tokens.length !== 0 && tokens[0] === nodes[0]) numbers[0] = { range: ranges[0], ids };
    else {
      for (let j = 0; j < ranges.length; j++) {
        const n = j < tokens.length ? tokens[j] : undefined;
        numbers[j] = { range: ranges[j], ids: n ? [n.id] : [] };
      }
    }
    parts[i] = { part, ids, numbers };
    return;
  }
  if (r.numbers.length === 1 && r.numbers[0].ids === r.ids) r.numbers[0].ids = r.ids.slice();
  for (const n of nodes) if (!r.ids.includes(n.id)) r.ids.push(n.id);
  const count = Math.min(tokens.length, r.numbers.length);
  for (let j = 0; j < count; j++) {
    const n = tokens[j];
    const ids = r.numbers[j].ids;
    if (n && !ids.includes(n.id)) ids.push(n.id);
  }
}
/**
 * The nodes' numbers as written, those without one left out. A loop of pushes, not `map(…).filter(Boolean)`:
 * `map`'s answer is an array of another map when its caller runs optimised than when it runs in the
 * interpreter, and the `filter` after it sent resolveChain's optimised code back to the interpreter.
 */
function writtenNumbers(nodes: readonly Node[]): string[] {
  const out: string[] = [];
  for (const n of nodes) if (n.number) out.push(n.number);
  return out;
}
const NO_TOKENS: readonly (Node | undefined)[] = [];
const NO_NODES: Node[] = [];

/** The nodes' ids, each once, in order. */
function uniqueIds(nodes: readonly Node[]): string[] {
  if (nodes.length === 1) return [nodes[0].id];
  const ids: string[] = [];
  for (const n of nodes) if (!ids.includes(n.id)) ids.push(n.id);
  return ids;
}

/**
 * A chain resolved. Its results are literals in one key order (chain, targets, what went wrong, parts), not
 * spreads of a partial result: a law resolves hundreds of chains and the spread was a visible share of it.
 */
function resolveChain(idx: TreeIndex, root: Node, path: readonly Node[], inRoot: number, chain: RefChain, ref: Reference, inTable: boolean): ChainResolution {
  const parts = chain.parts;
  const topI = parts.length - 1;
  const top = parts[topI];
  // What each part names, recorded as the chain is read (`record`).
  const recorded: (PartResolution | undefined)[] = new Array(parts.length);
  // By a loop: `fill` is a builtin call, dearer than the one to three stores of a chain.
  for (let i = 0; i < recorded.length; i++) recorded[i] = undefined;
  let anchors: Node[];
  let next = topI; // the part to look up under the anchors

  if (top.relative === 'above') {
    // "các khoản trên": the units of that kind before it in the unit that holds it; "khoản trên": the last of them.
    const holder = (HOLDER[top.kind] && enclosing(path, inRoot, HOLDER[top.kind]!)) || root;
    const before = idx.units(holder, top.kind).filter((u) => u.range.start < ref.range.start && !(u.range.end > ref.range.start));
    if (before.length === 0) {
      if (idx.units(root, top.kind).length === 0) return { chain, targets: [], elsewhere: true, parts: recorded };
      return { chain, targets: [], missing: { looked: chainLabel(parts, topI), kind: top.kind, existing: [] }, parts: recorded };
    }
    const nodes = ref.plural ? before : before.slice(-1);
    record(recorded, topI, top, nodes);
    if (topI > 0) {
      anchors = nodes;
      next = topI - 1;
    } else return { chain, targets: idsOf(nodes), parts: recorded };
  } else if (top.relative) {
    const kinds = RELATIVE_KINDS[top.kind];
    const n = enclosing(path, inRoot, kinds);
    if (!n) {
      // No unit of that kind anywhere in the scope: the phrase speaks of another text (a portal's
      // note "[Điều này được sửa đổi bởi …]" beside a heading the parser did not read as a Điều).
      if (kinds.every((k) => idx.units(root, k as PartKind).length === 0)) return { chain, targets: [], elsewhere: true, parts: recorded };
      return { chain, targets: [], missing: { looked: chainLabel(parts, topI), kind: top.kind, existing: [] }, parts: recorded };
    }
    anchors = idx.alone(n);
    record(recorded, topI, top, anchors);
    next = topI - 1;
  } else if (top.kind === 'phu-luc') {
    const all = idx.phuLuc;
    if (top.attached) {
      if (all.length === 0 && top.bare) return { chain, targets: [], elsewhere: true, parts: recorded };
      if (all.length === 0) return { chain, targets: [], missing: { looked: 'Phụ lục kèm theo', kind: 'phu-luc', existing: [] }, parts: recorded };
      record(recorded, topI, top, all);
      return { chain, targets: idsOf(all), parts: recorded };
    }
    const found = lookup(idx, all, top);
    if (found.missing.length > 0 && all.length === 1 && all[0].number === undefined && top.numbers.length === 1) {
      // One unnumbered Phụ lục: "Phụ lục I" / "Phụ lục 01" means it.
      anchors = all;
      record(recorded, topI, top, all, all);
    } else if (found.missing.length > 0 && all.length === 0 && inTable) {
      return { chain, targets: [], elsewhere: true, parts: recorded };
    } else if (found.missing.length > 0) {
      return { chain, targets: [], missing: { looked: chainLabel(parts, topI), kind: 'phu-luc', existing: writtenNumbers(all) }, parts: recorded };
    } else {
      anchors = found.nodes;
      record(recorded, topI, top, found.nodes, found.tokens);
    }
    if (topI === 0) return { chain, targets: idsOf(anchors), parts: recorded };
    next = topI - 1;
  } else if (HOLDER[top.kind] && !ref.nhu) {
    // Completed from where it is written.
    const holder = HOLDER[top.kind]!;
    const n = enclosing(path, inRoot, holder);
    if (n) anchors = idx.alone(n);
    else {
      const holders = holder.flatMap((k) => idx.units(root, k as PartKind));
      if (holders.length === 0) anchors = idx.alone(root);
      else {
        const withIt = holders.filter((h) => lookup(idx, idx.units(h, top.kind), top).missing.length === 0);
        if (withIt.length === 1) anchors = withIt;
        else if (withIt.length > 1) return { chain, targets: [], candidates: withIt.map((h) => h.id), parts: recorded };
        else return { chain, targets: [], missing: { looked: chainLabel(parts, 0), kind: top.kind, existing: [] }, parts: recorded };
      }
    }
  } else {
    anchors = idx.alone(root);
    if (top.kind === 'section' && lookup(idx, idx.units(root, 'section'), top).missing.length > 0 && root.kind !== 'attachment' && !ref.scope) {
      // "mục II" written in the decision: the attached plan's section.
      const other = idx.attachments.filter((a) => lookup(idx, idx.units(a, 'section'), top).missing.length === 0);
      if (other.length === 1) anchors = other;
    }
  }

  for (let i = next; i >= 0; i--) {
    const p = parts[i];
    if (p.relative) {
      // "khoản 1 Điều này": the relative part is the top; others cannot be relative.
      continue;
    }
    // One anchor (nearly always): its nodes are the next anchors as they are (a list of `idx.found`'s,
    // written over by the next lookup: each anchor is read before looking under it).
    const count = anchors.length;
    let nodes: Node[] = count === 1 ? NO_NODES : [];
    for (let j = 0; j < count; j++) {
      const a = anchors[j];
      const units = idx.units(a, p.kind === 'section' ? 'section' : p.kind);
      let found = lookup(idx, units, p);
      if (found.missing.length > 0 && p.kind === 'section') {
        // "mục II" where the parts are Mục/Chương written in roman numerals.
        const alt = lookup(idx, [...idx.units(a, 'muc'), ...idx.units(a, 'chuong')], p, idx.other);
        if (alt.missing.length === 0) found = alt;
      }
      if (found.missing.length > 0 && units.length === 0 && i === next && (isScopeRoot(a.kind) || a.kind === 'document')) {
        // This document has no unit of that kind at all: it names a unit of
        // another document (a table of cited texts, a sentence naming it earlier).
        return { chain, targets: [], elsewhere: true, parts: recorded };
      }
      if (found.missing.length > 0) {
        return {
          chain, targets: [],
          missing: {
            looked: `${KIND_WORD[p.kind]} ${found.missing.join(', ')}${i < parts.length - 1 ? ' ' + chainLabel(parts, i + 1) : ''}`.trim(),
            parent: isScopeRoot(a.kind) || a.kind === 'document' ? undefined : nodeLabel(a),
            kind: p.kind,
            existing: writtenNumbers(units),
          },
          parts: recorded,
        };
      }
      record(recorded, i, p, found.nodes, found.tokens);
      if (count === 1) nodes = found.nodes;
      else nodes.push(...found.nodes);
    }
    anchors = nodes;
  }
  return { chain, targets: targetIds(anchors, recorded[0]), parts: recorded };
}

/**
 * The chain's targets: the ids of its last anchors, which are the ids its first part names when that
 * part was read under one anchor (nearly always) — then that list itself, not a copy (read-only).
 */
function targetIds(anchors: readonly Node[], first: PartResolution | undefined): string[] {
  const ids = first?.ids;
  if (!ids || ids.length !== anchors.length) return idsOf(anchors);
  for (let i = 0; i < ids.length; i++) if (ids[i] !== anchors[i].id) return idsOf(anchors);
  return ids;
}

/** Position of a label in its sequence ("3" → 3, "đ" → 5, "IV" → 4), for telling duplicates apart. */
function sequenceValue(kind: NodeKind, k: string): number | undefined {
  if (/^\d+$/u.test(k)) return Number(k);
  if (kind === 'diem') {
    const i = LETTERS.indexOf(k);
    return i >= 0 ? i + 1 : undefined;
  }
  if (/^[ivxlc]+$/u.test(k)) return romanValue(k);
  return undefined;
}

/** Units by the key of their label. */
function keyIndex(units: Node[]): Map<string, Node[]> {
  const byKey = new Map<string, Node[]>();
  for (const u of units) {
    if (u.number === undefined) continue;
    const k = unitKey(u.kind, u.number);
    const list = byKey.get(k);
    if (list) list.push(u);
    else byKey.set(k, [u]);
  }
  return byKey;
}

/**
 * The value of a key written in plain digits without a leading zero ("12"), else 0: the keys `String(n)`
 * gives, which name the n-th unit of units keyed 1, 2, 3… in order (`sequenceOf`).
 */
function sequenceKeyValue(k: string): number {
  const len = k.length;
  if (len === 0 || len > 6 || k.charCodeAt(0) === 0x30) return 0;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = k.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return 0;
    v = v * 10 + c;
  }
  return v;
}

/** Units whose keys run in order: "1", "2", "3"… (BY_DIGITS) or "a", "b", "c"… (BY_LETTERS, `LETTERS`). */
const NO_SEQUENCE = 0;
const BY_DIGITS = 1;
const BY_LETTERS = 2;
type Sequence = typeof NO_SEQUENCE | typeof BY_DIGITS | typeof BY_LETTERS;
/** `TreeIndex.byKey`'s answer: the units by key, or the style of the keys of units in order. */
type Keyed = Map<string, Node[]> | Sequence;

/** The place (from 1) key `k` names in units keyed in `style`'s order; 0 for none. */
function placeOf(style: Sequence, k: string): number {
  return style === BY_DIGITS ? sequenceKeyValue(k) : LETTERS.indexOf(k) + 1;
}

/** Whether the units' keys run in order, and in which style (each key then names one unit, the one at its place). */
function sequenceOf(units: readonly Node[]): Sequence {
  if (units.length === 0 || units[0].number === undefined) return NO_SEQUENCE;
  const style = unitKey(units[0].kind, units[0].number) === 'a' ? BY_LETTERS : BY_DIGITS;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u.number === undefined || placeOf(style, unitKey(u.kind, u.number)) !== i + 1) return NO_SEQUENCE;
  }
  return style;
}

/** The unit of `units` with key `k`: `keyIndex`'s list then `pickOf`, or by place for units in order (`sequenceOf`). */
function unitOfKey(units: Node[], byKey: Keyed, k: string): Node | undefined {
  if (typeof byKey !== 'number') return pickOf(units, byKey.get(k));
  const v = placeOf(byKey, k);
  return v >= 1 && v <= units.length ? units[v - 1] : undefined;
}

/** Up to this many units, `lookup` compares keys in place instead of building a map of them. */
const FEW_UNITS = 8;

/** The unit of `units` whose label has key `k` (`keyIndex` then `pickMoved`, without the map). */
function unitCalled(units: Node[], k: string): Node | undefined {
  let first: Node | undefined;
  let list: Node[] | undefined;
  for (const u of units) {
    if (u.number === undefined || unitKey(u.kind, u.number) !== k) continue;
    if (!first) first = u;
    else if (list) list.push(u);
    else list = [first, u];
  }
  return list ? pickMoved(units, list) : first;
}

/** The unit of a key's list (`keyIndex`), if any. */
function pickOf(units: Node[], list: Node[] | undefined): Node | undefined {
  return !list ? undefined : list.length === 1 ? list[0] : pickMoved(units, list);
}

/** Of units carrying one label, the one out of its place in the sequence (else the first). */
function pickMoved(units: Node[], list: Node[]): Node {
  const sequence = units.filter((u) => !u.number?.includes('.'));
  const moved = list.filter((u) => sequenceValue(u.kind, unitKey(u.kind, u.number!)) !== sequence.indexOf(u) + 1);
  return moved.length === 1 ? moved[0] : list[0];
}

/**
 * The units a part names under one anchor, per key and per written number.
 * When two units carry the same label (a khoản inserted with the number of
 * the one it pushes down: 1, 2, 2, 3), the reference means the unit that is
 * out of its place — the old one, which the renumbering will move.
 */
function lookup(idx: TreeIndex, units: Node[], p: RefPart, out: Found = idx.found): Found {
  // A few units (the khoản of one Điều, the điểm of one khoản: most lookups) are read in place; a map
  // of their keys cost more to build than the one or two questions asked of it.
  const few = units.length <= FEW_UNITS;
  const byKey = few ? NO_SEQUENCE : idx.byKey(units);
  if (!p.range && p.numbers.length === 1) {
    // One written number (most parts): no list of keys, and the answer in the Found's own one-slot list.
    const k = unitKey(p.kind, p.numbers[0]);
    const unit = few ? unitCalled(units, k) : unitOfKey(units, byKey, k);
    const one = out.one;
    one[0] = unit;
    if (unit) return out.set(one as Node[], NONE_MISSING, one);
    // Not found: asked of every Điều when a bare "khoản 2" stands outside them all (`withIt`).
    out.missingOne[0] = p.numbers[0];
    return out.set(NO_NODES, out.missingOne, one);
  }
  // A range's keys are listed; a list's written numbers are keyed one by one (no list of keys).
  const keys = p.range ? rangeKeys(p, p.range) : undefined;
  const count = keys ? keys.length : p.numbers.length;
  const byIndex: (Node | undefined)[] = new Array(count);
  // Made only when a number is missing (rarely): most lookups find every unit.
  let missing: string[] | undefined;
  let found = 0;
  for (let i = 0; i < count; i++) {
    const k = keys ? keys[i] : unitKey(p.kind, p.numbers[i]);
    const unit = few ? unitCalled(units, k) : unitOfKey(units, byKey, k);
    byIndex[i] = unit;
    if (!unit) {
      (missing ??= []).push(keys ? k : p.numbers[i]);
      continue;
    }
    found++;
  }
  // Read-only lists: when every key is found, the nodes are the written numbers' list itself.
  const nodes = found === count ? (byIndex as Node[]) : byIndex.filter((n): n is Node => n !== undefined);
  // Written numbers: a list names one unit each; a range's two ends name its first and last.
  return out.set(nodes, missing ?? NONE_MISSING, p.range ? [byIndex[0], byIndex[byIndex.length - 1]] : byIndex);
}
const NONE_MISSING: readonly string[] = [];

/**
 * What `lookup` found: the units, the numbers not found, the node of each written number. One object per
 * resolve call (and one for a second answer held beside the first), written over by each lookup: every
 * caller reads the answer before asking again.
 */
class Found {
  /**
   * The answer to one written number (most lookups), as `nodes` and `tokens`: one list per Found, written
   * over by its next lookup. `resolveChain` keeps it as its next anchors, reading the anchor before it asks
   * under it; what it returns holds copies (ids), never this list.
   */
  readonly one: (Node | undefined)[] = [undefined];
  /** The one written number not found, as `missing`: written over like `one`. */
  readonly missingOne: string[] = [''];
  nodes: Node[] = [];
  missing: readonly string[] = NONE_MISSING;
  tokens: readonly (Node | undefined)[] = [];
  set(nodes: Node[], missing: readonly string[], tokens: readonly (Node | undefined)[]): this {
    this.nodes = nodes;
    this.missing = missing;
    this.tokens = tokens;
    return this;
  }
}
