/**
 * Rule area "numbering": Điều, khoản, điểm, Phần/Chương, Mục/Tiểu mục and
 * roman sections, Phụ lục — each numbered consecutively within its scope.
 *
 * Scopes: the main document, each attached document (`attachment`) and each
 * Phụ lục number their Điều, Phần, Chương on their own; khoản restart in each
 * Điều (or roman section, or at the top of a document without articles);
 * điểm restart in each khoản; Mục in each Chương; Tiểu mục in each Mục. The
 * units inside quoted amending text (`quote`) belong to the amended document
 * and are never checked. Inserted labels ("Điều 5a", "khoản 2a", "điểm a1")
 * are legal only there — and in a văn bản hợp nhất, which reproduces them.
 *
 * Every finding of a scope carries the same fix: the whole scope renumbered
 * (`core/fixes/renumber.ts`), so fix-all applies one consistent edit set per
 * scope and running it again changes nothing.
 */
import { AttachedMemo } from '../attached-memo.ts';
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import {
  checkSequence,
  formatNumber,
  intToLetter,
  parseNumber,
  renumberScope,
  styleOf,
  type NumberStyle,
  type NumberedUnit,
  type Renumbering,
  type SequenceFinding,
  type SequenceProblem,
} from '../fixes/renumber.ts';
import type { Document, Node, NodeKind, ParseResult, Range } from '../syntax/tree.ts';
import { referenceEdits, referenceEditsOfEach, type ReferenceRewrite } from '../fixes/reference-edits.ts';
import { defineRule, type AnyRule, type Finding, type Messages } from './rule.ts';
import { matchesAtAny, positionsOf } from '../text/anchors.ts';
import { locate, type Located, type NodeIndex } from '../syntax/node-index.ts';
import { hasNumberRange } from '../syntax/unit-node.ts';

// ---------------------------------------------------------------------------
// Tree helpers (shared with structure.ts)
// ---------------------------------------------------------------------------

/** The parts of a document that number their units on their own: the main document, each attachment, each Phụ lục. */
export function numberingScopes(tree: Document): Node[] {
  const out: Node[] = [tree];
  for (const c of tree.children) if (opensScope(c.kind)) out.push(c);
  return out;
}

/** Kinds that number their units on their own when they stand directly under the document: attachments and Phụ lục. */
export function opensScope(kind: NodeKind): boolean {
  return kind === 'attachment' || kind === 'phu-luc';
}

/** Kinds a numbering scope does not enter: quoted amending text, tables, and (below the root) attachments and Phụ lục. */
export function outsideScope(kind: NodeKind): boolean {
  return kind === 'quote' || kind === 'table' || opensScope(kind);
}

/** The kinds `outsideScope` accepts, as a list (rules-numbering.test.ts checks the two agree). */
export const OUTSIDE_SCOPE: readonly NodeKind[] = ['quote', 'table', 'attachment', 'phu-luc'];

/**
 * Calls `fn` with the index of every node of a numbering scope below its
 * root, in document order: a flat loop over the shared node index that skips
 * the subtrees the scope does not enter, instead of a walk of its own.
 */
function forEachInScope({ index, at }: Located, fn: (i: number) => void): void {
  const { nodes, end } = index;
  for (let i = at + 1; i < end[at]; ) {
    if (outsideScope(nodes[i].kind)) {
      i = end[i];
      continue;
    }
    fn(i);
    i++;
  }
}

/**
 * Units of `kinds` under `root` in document order, not entering quoted
 * amending text, tables, or (below the root) attachments and Phụ lục.
 */
export function collectUnits(root: Node, kinds: ReadonlySet<NodeKind>): Node[] {
  if (kinds.size === 1) {
    const [kind] = kinds;
    return [...scopeIndex(root).below(kind)];
  }
  const out: Node[] = [];
  const where = locate(root);
  const { nodes } = where.index;
  forEachInScope(where, (i) => {
    if (kinds.has(nodes[i].kind)) out.push(nodes[i]);
  });
  return out;
}

/**
 * Every node of a numbering scope (the root included), in document order:
 * not entering quoted amending text, tables, or (below the root) attachments and Phụ lục.
 */
export function walkScope(root: Node, fn: (n: Node) => void): void {
  const where = locate(root);
  const { nodes } = where.index;
  fn(root);
  forEachInScope(where, (i) => fn(nodes[i]));
}

/** "[Điều này được bổ sung bởi Khoản 4 Điều 1 Luật …]": a portal's note in a consolidated text. */
const CONSOLIDATION_NOTE = /\[(?:Điều|Khoản|Điểm|Mục|Chương|Phần|Tiểu mục|Cụm từ)[^\]\n]{0,80}?(?:bổ sung|sửa đổi|bãi bỏ|thay thế|hết hiệu lực)/uy;
/** "Điều 7a. Quy hoạch tuyến đường sắt[4]", "1.[3] Tranh chấp", "b)[6] Trúng thưởng": a footnote naming the amending document. */
const FOOTNOTE_MARK = /(?:\p{L}|\d\.|\))\[\[?\d{1,3}\]\]?/uy;

/**
 * Either pattern somewhere in the text. Both hold a "[" (the note starts with
 * it; the mark has it after one letter, one or two code units): sticky tests at
 * the brackets only, instead of two scans of the whole text (text/anchors.ts).
 */
export function consolidationMarks(original: string): boolean {
  const brackets = positionsOf(original, ['[']);
  return matchesAtAny(CONSOLIDATION_NOTE, original, brackets) || matchesAtAny(FOOTNOTE_MARK, original, brackets.flatMap((at) => [at - 2, at - 1]));
}

const consolidatedCache = new AttachedMemo<Document, boolean>('consolidated');

/**
 * `insertedAllowed`, asked only when a label is inserted ("Điều 5a"): `checkSequence` and `renumberScope`
 * ask it of such labels alone, so a text without any (nearly all) never searches for consolidation marks.
 */
function insertedAllowedWhenAsked(tree: Document, original: string): () => boolean {
  let v: boolean | undefined;
  return () => (v ??= insertedAllowed(tree, original));
}

/**
 * A văn bản hợp nhất, or a text kept up to date with its amendments (portal
 * notes "[Điều này được bổ sung bởi …]", footnote marks): it reproduces the
 * inserted units ("Điều 5a") of the amending documents.
 */
export function insertedAllowed(tree: Document, original: string): boolean {
  if (tree.docType === 'van-ban-hop-nhat') return true;
  const so = tree.children.find((c) => c.kind === 'header')?.header?.so?.value.text;
  if (so && /VBHN/u.test(so)) return true;
  let v = consolidatedCache.get(tree);
  if (v === undefined) {
    v = consolidationMarks(original);
    consolidatedCache.set(tree, v);
  }
  return v;
}

/** The unit's own text (label and title, without its sub-units), trimmed, ends with ":". */
function introducesList(n: Node, original: string): boolean {
  const start = n.labelRange?.end ?? n.range.start;
  const end = n.children.length ? n.children[0].range.start : n.range.end;
  return /:\s*$/u.test(original.slice(start, Math.max(start, end)));
}

/**
 * Inserted labels a điểm list may hold: all of them in a consolidated text;
 * otherwise "a1), a2)" enumerating under a point that ends with ":" (sub-points,
 * as published decrees use them) — not a lone "a1)" slipped into a new text.
 */
function diemInsertedAllowed(nodes: readonly Node[], original: string, consolidated: () => boolean): (index: number) => boolean {
  return (index) => {
    if (consolidated()) return true;
    let k = index - 1;
    while (k >= 0 && parseNumber(nodes[k].number ?? '', 'letter')?.insert !== undefined) k--;
    return k >= 0 && introducesList(nodes[k], original);
  };
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

export type UnitKind = 'dieu' | 'khoan' | 'diem' | 'chuong' | 'phan' | 'muc' | 'tieu-muc' | 'section' | 'phu-luc';

export interface NumberingArgs {
  unit: UnitKind;
  problem: SequenceProblem | 'unnumbered' | 'style';
  /** The label as written ("4", "e", "IIII"). */
  label: string;
  /** The label of the unit before, if any. */
  prev?: string;
  /** Labels skipped (gap). */
  missing: string[];
  /** What the label should be. */
  expected?: string;
  /** How many units the scope has (Phụ lục). */
  count?: number;
  /** The renumbering the fix makes, for its title: "4 → 3, 5 → 4". */
  changes?: string;
  /** How many references elsewhere the fix rewrites along ("khoản 3 Điều 5" → "khoản 4 Điều 5"). */
  references?: number;
}

interface UnitNames {
  vi: string;
  viPlural: string;
  en: string;
  enPlural: string;
  /** Điều, Chương, Phần, Mục… are written with a capital even inside a sentence. */
  viCap: boolean;
  enCap: boolean;
  /** điểm: "a)". */
  suffix: string;
}

const NAMES: Record<UnitKind, UnitNames> = {
  dieu: { vi: 'Điều', viPlural: 'Điều', en: 'Article', enPlural: 'Articles', viCap: true, enCap: true, suffix: '' },
  khoan: { vi: 'khoản', viPlural: 'khoản', en: 'clause', enPlural: 'clauses', viCap: false, enCap: false, suffix: '' },
  diem: { vi: 'điểm', viPlural: 'điểm', en: 'point', enPlural: 'points', viCap: false, enCap: false, suffix: ')' },
  chuong: { vi: 'Chương', viPlural: 'Chương', en: 'Chapter', enPlural: 'Chapters', viCap: true, enCap: true, suffix: '' },
  phan: { vi: 'Phần', viPlural: 'Phần', en: 'Part', enPlural: 'Parts', viCap: true, enCap: true, suffix: '' },
  muc: { vi: 'Mục', viPlural: 'Mục', en: 'Section', enPlural: 'Sections', viCap: true, enCap: true, suffix: '' },
  'tieu-muc': { vi: 'Tiểu mục', viPlural: 'Tiểu mục', en: 'Subsection', enPlural: 'Subsections', viCap: true, enCap: true, suffix: '' },
  section: { vi: 'mục', viPlural: 'mục', en: 'section', enPlural: 'sections', viCap: false, enCap: false, suffix: '' },
  'phu-luc': { vi: 'Phụ lục', viPlural: 'Phụ lục', en: 'Appendix', enPlural: 'Appendices', viCap: true, enCap: true, suffix: '' },
};

/** The word for the kind itself in running text ("điều", "khoản"). */
const KIND_WORD: Record<UnitKind, { vi: string; en: string }> = {
  dieu: { vi: 'điều', en: 'article' },
  khoan: { vi: 'khoản', en: 'clause' },
  diem: { vi: 'điểm', en: 'point' },
  chuong: { vi: 'chương', en: 'chapter' },
  phan: { vi: 'phần', en: 'part' },
  muc: { vi: 'mục', en: 'section' },
  'tieu-muc': { vi: 'tiểu mục', en: 'subsection' },
  section: { vi: 'mục', en: 'section' },
  'phu-luc': { vi: 'phụ lục', en: 'appendix' },
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function listLabels(labels: string[], suffix: string, to: string): string {
  const l = labels.map((x) => x + suffix);
  if (l.length <= 4) return l.join(', ');
  return `${l[0]} ${to} ${l[l.length - 1]}`;
}

/** "Điều 5", "điểm đ)", "Chương IV" in Vietnamese; "Article 5", "point đ)" in English. */
export function unitLabel(unit: UnitKind, label: string, lang: 'vi' | 'en'): string {
  return lang === 'vi' ? vi1(unit, label) : en1(unit, label);
}

function vi1(unit: UnitKind, label: string): string {
  const n = NAMES[unit];
  return `${n.vi} ${label}${n.suffix}`;
}
function en1(unit: UnitKind, label: string): string {
  const n = NAMES[unit];
  return `${n.en} ${label}${n.suffix}`;
}
function viMany(unit: UnitKind, labels: string[]): string {
  const n = NAMES[unit];
  return `${labels.length > 1 ? n.viPlural : n.vi} ${listLabels(labels, n.suffix, 'đến')}`;
}
function enMany(unit: UnitKind, labels: string[]): string {
  const n = NAMES[unit];
  return `${labels.length > 1 ? n.enPlural : n.en} ${listLabels(labels, n.suffix, 'to')}`;
}

const LETTER_NOTE_VI = 'điểm được đánh theo thứ tự chữ cái a, b, c, d, đ, e, g, h, i, k, l, m, n…, không dùng f, j, w, z';
const LETTER_NOTE_EN = 'points are lettered a, b, c, d, đ, e, g, h, i, k, l, m, n…; f, j, w and z are not used';

export const NUMBERING_MESSAGES: Messages<NumberingArgs> = {
  vi: (a) => {
    const me = cap(vi1(a.unit, a.label));
    const word = KIND_WORD[a.unit].vi;
    const should = a.expected !== undefined ? `, nên là ${vi1(a.unit, a.expected)}` : '';
    switch (a.problem) {
      case 'gap':
        return a.prev !== undefined
          ? `${me} đứng sau ${vi1(a.unit, a.prev)}: thiếu ${viMany(a.unit, a.missing)}`
          : `${me} là ${word} đầu tiên: thiếu ${viMany(a.unit, a.missing)}`;
      case 'duplicate':
        return `${me} trùng số với ${word} đứng trước${should}`;
      case 'order':
        return `${me} đứng sau ${vi1(a.unit, a.prev ?? '')}: sai thứ tự${should}`;
      case 'inserted':
        return `${me}: số hiệu chèn thêm (như “Điều 5a”, “điểm a1)”) chỉ dùng trong nội dung sửa đổi, bổ sung được trích dẫn${should}`;
      case 'inserted-order':
        return `${me}: số hiệu chèn thêm không đúng thứ tự${a.prev !== undefined ? ` (đứng sau ${vi1(a.unit, a.prev)})` : ''}`;
      case 'malformed':
        if (a.unit === 'diem') return `${me}: ${LETTER_NOTE_VI}${should}`;
        if (/^[IVXLCDM]+$/iu.test(a.label)) return `${me}: số La Mã viết sai${should}`;
        return `${me}: số hiệu viết sai${should}`;
      case 'unnumbered':
        return `Văn bản có ${a.count ?? 2} phụ lục nhưng phụ lục này không có số${a.expected ? `: nên là ${vi1(a.unit, a.expected)}` : ''}`;
      case 'style':
        return `${me}: khi có từ hai phụ lục trở lên, phụ lục được đánh số La Mã I, II, III…${should}`;
    }
  },
  en: (a) => {
    const me = cap(en1(a.unit, a.label));
    const word = KIND_WORD[a.unit].en;
    const should = a.expected !== undefined ? `; it should be ${en1(a.unit, a.expected)}` : '';
    const verb = a.missing.length > 1 ? 'are' : 'is';
    switch (a.problem) {
      case 'gap':
        return a.prev !== undefined
          ? `${me} follows ${en1(a.unit, a.prev)}: ${enMany(a.unit, a.missing)} ${verb} missing`
          : `${me} is the first ${word}: ${enMany(a.unit, a.missing)} ${verb} missing`;
      case 'duplicate':
        return `${me} repeats the number of the ${word} before it${should}`;
      case 'order':
        return `${me} follows ${en1(a.unit, a.prev ?? '')}: out of order${should}`;
      case 'inserted':
        return `${me}: inserted numbers (“Article 5a”, “point a1)”) are only used in quoted amending text${should}`;
      case 'inserted-order':
        return `${me}: inserted number out of order${a.prev !== undefined ? ` (after ${en1(a.unit, a.prev)})` : ''}`;
      case 'malformed':
        if (a.unit === 'diem') return `${me}: ${LETTER_NOTE_EN}${should}`;
        if (/^[IVXLCDM]+$/iu.test(a.label)) return `${me}: malformed roman numeral${should}`;
        return `${me}: malformed number${should}`;
      case 'unnumbered':
        return `The document has ${a.count ?? 2} appendices but this one has no number${a.expected ? `; it should be ${en1(a.unit, a.expected)}` : ''}`;
      case 'style':
        return `${me}: with two or more appendices they are numbered in roman numerals I, II, III…${should}`;
    }
  },
};

export const NUMBERING_FIX_TITLE: Messages<NumberingArgs> = {
  vi: (a) => `Đánh số lại các ${KIND_WORD[a.unit].vi} cho liên tiếp${a.changes ? ` (${a.changes})` : ''}${a.references ? ` và sửa ${a.references} dẫn chiếu theo` : ''}`,
  en: (a) => `Renumber the ${NAMES[a.unit].enPlural.toLowerCase()} consecutively${a.changes ? ` (${a.changes})` : ''}${a.references ? ` and update ${a.references} reference${a.references > 1 ? 's' : ''} to them` : ''}`,
};

// ---------------------------------------------------------------------------
// Scope checking
// ---------------------------------------------------------------------------

/** One numbering scope: the units numbered together and how their labels run. */
export interface ScopeSpec {
  unit: UnitKind;
  nodes: readonly Node[];
  style: NumberStyle;
  allowInserted: boolean | ((index: number) => boolean);
  /** Label for position n (sub-khoản "2.1"; Phần "THỨ HAI"). */
  format?: (n: number) => string | undefined;
  /** The labels as the sequence reads them (sub-khoản: the last component). */
  read?: (label: string) => string;
}

function unitOf(n: Node): NumberedUnit | undefined {
  if (n.number === undefined || !n.numberRange) return undefined;
  return { id: n.id, number: n.number, numberRange: n.numberRange };
}

function changesText(mapping: Map<string, { from: string; to: string }>): string | undefined {
  if (!mapping.size) return undefined;
  const parts = [...mapping.values()].slice(0, 3).map((c) => `${c.from} → ${c.to}`);
  return parts.join(', ') + (mapping.size > 3 ? ', …' : '');
}

/** The numbered units of a scope. */
function labelled(spec: ScopeSpec): Node[] {
  return spec.nodes.filter((n) => n.number !== undefined && n.numberRange);
}

/**
 * The whole renumbering of a scope, with the edits that make every reference
 * to a renumbered unit follow it (when `parse` is given): labels first, then
 * references, one non-overlapping edit set.
 */
export function renumberWithReferences(spec: ScopeSpec, parse?: ParseResult) {
  const re = renumbering(spec);
  return withReferences(re, parse ? referenceEdits(parse, re.mapping) : NO_REWRITE);
}

/** The renumbering of a scope's labels alone. */
function renumbering(spec: ScopeSpec): Renumbering {
  const units = labelled(spec).map(unitOf).filter((u): u is NumberedUnit => !!u);
  const format = spec.format ?? ((n: number) => formatNumber(n, spec.style));
  return renumberScope(units, { style: spec.style, keepInserted: spec.allowInserted, format });
}

const NO_REWRITE: ReferenceRewrite = { edits: [], conflicts: [] };

/** A scope's renumbering with its reference edits joined to its label edits. */
function withReferences(re: Renumbering, refs: ReferenceRewrite) {
  const edits = withReferenceEdits(re.edits, refs.edits);
  return { ...re, edits, conflicts: refs.conflicts, references: edits.length - re.edits.length };
}

/**
 * Label edits and reference edits as one sorted, non-overlapping set: a
 * reference edit on a label being renumbered ("Chương 0" read as a reference
 * to itself) is dropped, the label edit says it already. Two overlapping
 * edits in one fix made applyEdits throw and `check --fix` crash (fuzz).
 */
function withReferenceEdits(labels: readonly TextEdit[], refs: readonly TextEdit[]): TextEdit[] {
  const free = refs.filter((r) => !labels.some((l) => r.range.start < l.range.end && l.range.start < r.range.end) && !labels.some((l) => l.range.start === r.range.start && (l.range.start === l.range.end || r.range.start === r.range.end)));
  return [...labels, ...free].sort((a, b) => a.range.start - b.range.start);
}

/** Checks one scope; every finding carries the scope's whole renumbering, its references included. */
export function checkScope(spec: ScopeSpec, report: (f: Finding<NumberingArgs>) => void, parse?: ParseResult): SequenceFinding[] {
  const findings = sequenceFindings(spec);
  if (findings.length) reportScope(spec, findings, renumberWithReferences(spec, parse), report);
  return findings;
}

/** What `checkSequence` finds in a scope's labels. */
function sequenceFindings(spec: ScopeSpec): SequenceFinding[] {
  if (plainlyInOrder(spec)) return [];
  const nodes = labelled(spec);
  if (!nodes.length) return [];
  const read = spec.read ?? ((l: string) => l);
  const format = spec.format ?? ((n: number) => formatNumber(n, spec.style));
  return checkSequence(
    nodes.map((n) => read(n.number!)),
    { style: spec.style, allowInserted: spec.allowInserted, format },
  );
}

/** Reports a scope's findings, each with the scope's whole renumbering as its fix. */
function reportScope(spec: ScopeSpec, findings: readonly SequenceFinding[], re: ReturnType<typeof withReferences>, report: (f: Finding<NumberingArgs>) => void): void {
  const nodes = labelled(spec);
  const edits: TextEdit[] = re.edits;
  const changes = changesText(re.mapping);
  for (const f of findings) {
    const node = nodes[f.index];
    const prev = f.index > 0 ? nodes[f.index - 1].number : undefined;
    const expected = re.complete ? re.labels[f.index] : f.expected;
    const args: NumberingArgs = {
      unit: spec.unit,
      problem: f.problem,
      label: node.number!,
      prev,
      missing: f.missing,
      expected: expected !== node.number ? expected : undefined,
      changes,
      references: re.references || undefined,
    };
    report({ range: rangeOf(node), args, edits: edits.length ? edits.map((e) => ({ range: { ...e.range }, newText: e.newText })) : undefined });
  }
}

/**
 * The usual scope, labelled 1, 2, 3… or a, b, c… as written, where
 * `checkSequence` finds nothing: answered without its per-label objects
 * (thousands of labels in a law, almost all of them in order).
 */
function plainlyInOrder(spec: ScopeSpec): boolean {
  const style = spec.style;
  if (spec.read || (style !== 'arabic' && style !== 'letter')) return false;
  let k = 0;
  for (const n of spec.nodes) if ((k = nextInOrder(n, k, style)) < 0) return false;
  return true;
}

/**
 * One step of `plainlyInOrder`: after `k` numbered units in order, the count with `n` read (`n` unnumbered:
 * still `k`), or -1 when `n`'s label is not the next 1, 2, 3… / a, b, c… as written.
 */
function nextInOrder(n: Node, k: number, style: 'arabic' | 'letter'): number {
  const label = n.number;
  if (label === undefined || !hasNumberRange(n)) return k;
  k++;
  return (style === 'arabic' ? isDecimal(label, k) : label === intToLetter(k)) ? k : -1;
}

/** `label` is `k` written in plain digits, without a leading zero (as `parseNumber` reads it without a match). */
function isDecimal(label: string, k: number): boolean {
  const len = label.length;
  if (len === 0 || len > 4 || label.charCodeAt(0) === 0x30) return false;
  let v = 0;
  for (let i = 0; i < len; i++) {
    const c = label.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return false;
    v = v * 10 + c;
  }
  return v === k;
}

function rangeOf(n: Node): Range {
  return n.numberRange ?? n.labelRange ?? n.range;
}

/** The style a scope is written in: the style of its first readable label. */
function scopeStyle(nodes: readonly Node[], fallback: NumberStyle): NumberStyle {
  for (const n of nodes) {
    const s = n.number !== undefined ? styleOf(n.number) : undefined;
    if (s) return s;
  }
  return fallback;
}

/**
 * An amount such as "150.000 đồng" at the start of a wrapped line, read by the
 * parser as a sub-khoản "150.000" (parser gap): not a unit of its own.
 */
export function isAmountLabel(n: Node): boolean {
  // Asked of every node by every numbering walk: the regex only for a khoản label with a dot.
  return n.kind === 'khoan' && n.number !== undefined && n.number.length > 4 && AMOUNT_LABEL.test(n.number);
}
const AMOUNT_LABEL = /^\d{1,3}(?:\.\d{3})+$/u;

interface ChildGroup {
  parent: Node;
  nodes: readonly Node[];
}

/**
 * A numbering scope read from the shared node index: which nodes it holds
 * (one flat loop that skips the subtrees it does not enter), then per kind on
 * first use the units of that kind and their groups by parent. Per scope node
 * and parse (the tree is not changed after parsing); callers treat the lists
 * as read-only.
 */
class ScopeIndex {
  private readonly index: NodeIndex;
  private readonly at: number;
  /** 1 for the nodes of the scope below its root. */
  private readonly inScope: Uint8Array;
  private readonly belowByKind = new Map<NodeKind, Node[]>();
  private readonly groupsByKind = new Map<NodeKind, ChildGroup[]>();

  constructor(where: Located) {
    this.index = where.index;
    this.at = where.at;
    // forEachInScope's nodes, by typed fills: every node below the root, then the subtrees the scope does
    // not enter cleared, found in the per-kind lists (no read of the kind of each of a law's ≈ 5,000 nodes).
    const { end } = this.index;
    const inScope = (this.inScope = new Uint8Array(this.index.nodes.length));
    const stop = end[this.at];
    inScope.fill(1, this.at + 1, stop);
    for (const kind of OUTSIDE_SCOPE) for (const i of this.index.ofKind(kind)) if (i > this.at && i < stop) inScope.fill(0, i, end[i]);
  }

  /** Every node of `kind` below the root, in document order, as collectUnits walks. */
  below(kind: NodeKind): readonly Node[] {
    let out = this.belowByKind.get(kind);
    if (!out) {
      // Counted, then filled at that size (a law's Điều pushed onto an empty list copied its store six times).
      const all = this.index.ofKind(kind);
      const { inScope } = this;
      let count = 0;
      for (let j = 0; j < all.length; j++) count += inScope[all[j]];
      out = new Array(count);
      for (let j = 0, k = 0; k < count; j++) if (inScope[all[j]]) out[k++] = this.index.nodes[all[j]];
      this.belowByKind.set(kind, out);
    }
    return out;
  }

  /**
   * The units of `kind` grouped by parent, the groups in the document order of
   * their parents. An amount pseudo-unit is not a parent: its children count as
   * its own parent's (`isAmountLabel`), and it is in no group.
   */
  groups(kind: NodeKind): readonly ChildGroup[] {
    let out = this.groupsByKind.get(kind);
    if (!out) {
      const { nodes, parent } = this.index;
      const { inScope, at } = this;
      // Only a khoản can be an amount.
      const amounts = kind === 'khoan';
      // Per parent index, 1 + the index of its group in `out` (0: none yet): a typed array, not a Map.
      const groupOf = new Int32Array(nodes.length);
      const parents: number[] = [];
      // Siblings come one after another in document order: the last group is asked first (and the
      // amount walk up is skipped for the siblings of the unit before), and the groups are sorted only
      // when a parent came back after a later one.
      let lastRaw = -1;
      let lastParent = -1;
      let last: Node[] = [];
      let newest = -1;
      let sorted = true;
      out = [];
      for (const i of this.index.ofKind(kind)) {
        if (!inScope[i] || (amounts && isAmountLabel(nodes[i]))) continue;
        let p = parent[i];
        if (p === lastRaw) {
          last.push(nodes[i]);
          continue;
        }
        lastRaw = p;
        while (p !== at && isAmountLabel(nodes[p])) p = parent[p];
        if (p === lastParent) {
          last.push(nodes[i]);
          continue;
        }
        const g = groupOf[p];
        if (g !== 0) (last = out[g - 1].nodes as Node[]).push(nodes[i]);
        else {
          if (p < newest) sorted = false;
          newest = p;
          last = [nodes[i]];
          groupOf[p] = out.push({ parent: nodes[p], nodes: last });
          parents.push(p);
        }
        lastParent = p;
      }
      if (!sorted) {
        const order = out.map((_, k) => k).sort((x, y) => parents[x] - parents[y]);
        const unsorted = out;
        out = order.map((k) => unsorted[k]);
      }
      this.groupsByKind.set(kind, out);
    }
    return out;
  }

  /** Per node of the scope: 1 for a khoản whose label is an amount (`isAmountLabel`); made on first ask. */
  private amountMarks?: Uint8Array;

  /**
   * `amountMarks`: the khoản's labels read once, so that finding a unit's holder reads a byte per ancestor
   * instead of the ancestor itself (a node the walk would not otherwise touch: a law's Điều, each điểm's khoản).
   */
  private amounts(): Uint8Array {
    let marks = this.amountMarks;
    if (!marks) {
      const { nodes } = this.index;
      const { inScope } = this;
      const khoans = this.index.ofKind('khoan');
      marks = this.amountMarks = new Uint8Array(nodes.length);
      for (let j = 0; j < khoans.length; j++) {
        const i = khoans[j];
        if (inScope[i] && isAmountLabel(nodes[i])) marks[i] = 1;
      }
    }
    return marks;
  }

  /** The holder of unit `i` in `groups`: its parent, or the first above it that is not an amount pseudo-unit. */
  private holderOf(i: number, amounts: Uint8Array): number {
    const { parent } = this.index;
    let p = parent[i];
    while (p !== this.at && amounts[p] === 1) p = parent[p];
    return p;
  }

  /**
   * The groups of `groups(kind)` whose `plainlyInOrder` spec would not pass — for khoản: a group holding a
   * sub-khoản, or a run not numbered 1, 2, 3… (outside a Điều a run starts at each "1" after the first khoản,
   * as `splitAtRestart` cuts them). Read in one pass over the units with a running count per holder instead
   * of a list per holder: a law has ≈ 1,800 groups of khoản and điểm, nearly all in order; the lists are
   * made for the few that are not, in the same order as `groups`.
   */
  groupsOutOfOrder(kind: 'khoan' | 'diem'): readonly ChildGroup[] {
    const { nodes, parent, end } = this.index;
    const { inScope } = this;
    const amounts = this.amounts();
    const units = this.index.ofKind(kind);
    const isKhoan = kind === 'khoan';
    // Per holder: 0 before its first unit, then 1 + the count of its numbered units so far; -1 out of order.
    const state = new Int32Array(nodes.length);
    let failed: number[] | undefined;
    let lastRaw = -1;
    let lastHolder = -1;
    for (let j = 0; j < units.length; j++) {
      const i = units[j];
      if (!inScope[i] || amounts[i] === 1) continue;
      // Siblings come one after another: the walk up past amounts once per run of them.
      const raw = parent[i];
      const p = raw === lastRaw ? lastHolder : (lastHolder = this.holderOf(i, amounts));
      lastRaw = raw;
      const s = state[p];
      if (s < 0) continue;
      const n = nodes[i];
      let k = s === 0 ? 0 : s - 1;
      if (isKhoan) {
        const label = n.number;
        if (!isPlain(label)) k = -1;
        else if (label === '1' && s !== 0 && nodes[p].kind !== 'dieu') k = 0;
      }
      if (k >= 0) k = nextInOrder(n, k, isKhoan ? 'arabic' : 'letter');
      if (k >= 0) state[p] = k + 1;
      else {
        state[p] = -1;
        (failed ??= []).push(p);
      }
    }
    if (!failed) return NO_GROUPS;
    // In the document order of the holders, as `groups` sorts them; each group's units are those of the
    // holder's subtree (indexes p + 1 … end[p] - 1) it holds: the sorted `units` from the first after p.
    failed.sort((a, b) => a - b);
    let from = 0;
    return failed.map((p) => {
      while (from < units.length && units[from] <= p) from++;
      const held: Node[] = [];
      for (let j = from; j < units.length && units[j] < end[p]; j++) {
        const i = units[j];
        if (inScope[i] && amounts[i] !== 1 && this.holderOf(i, amounts) === p) held.push(nodes[i]);
      }
      return { parent: nodes[p], nodes: held };
    });
  }
}
const NO_GROUPS: readonly ChildGroup[] = [];

// On the root, not in a WeakMap: the index holds its root (attached-memo.ts).
const SCOPE_INDEX = new AttachedMemo<Node, ScopeIndex>('scopeIndex');
function scopeIndex(root: Node): ScopeIndex {
  let index = SCOPE_INDEX.get(root);
  if (!index) SCOPE_INDEX.set(root, (index = new ScopeIndex(locate(root))));
  return index;
}

/** Direct children of `kind`, each parent's list on its own (read-only: shared by the rules of a parse). */
function childGroups(root: Node, kind: NodeKind): readonly ChildGroup[] {
  return scopeIndex(root).groups(kind);
}

/** Splits a list into runs at each "1": separate numbered lists in the prose of a document without articles. */
function splitAtRestart(nodes: readonly Node[]): Node[][] {
  const runs: Node[][] = [];
  for (const n of nodes) {
    if (!runs.length || (n.number === '1' && runs[runs.length - 1].length > 0)) runs.push([]);
    runs[runs.length - 1].push(n);
  }
  return runs;
}

const NO_NODES: readonly Node[] = [];

function isPlain(label: string | undefined): boolean {
  return label !== undefined && !label.includes('.');
}

/**
 * A numbering rule over its scopes: each scope checked on its own, every
 * finding carrying the scope's whole renumbering (references included) as fix.
 */
function scopeRule(code: string, description: { vi: string; en: string }, scopes: (tree: Document, original: string, findable: boolean) => ScopeSpec[]) {
  return defineRule<NumberingArgs>({
    code,
    severity: 'error',
    description,
    message: NUMBERING_MESSAGES,
    fixTitle: NUMBERING_FIX_TITLE,
    check({ tree, original, parse }, report) {
      // The scopes with findings first, then their reference edits in one pass over the references.
      const found: { spec: ScopeSpec; findings: SequenceFinding[]; re: Renumbering }[] = [];
      for (const spec of scopes(tree, original, true)) {
        const findings = sequenceFindings(spec);
        if (findings.length) found.push({ spec, findings, re: renumbering(spec) });
      }
      if (!found.length) return;
      const refs = referenceEditsOfEach(parse, found.map((f) => f.re.mapping), found.map((f) => f.spec.unit));
      found.forEach((f, k) => reportScope(f.spec, f.findings, withReferences(f.re, refs[k]), report));
    },
  });
}

// ---------------------------------------------------------------------------
// numbering/dieu
// ---------------------------------------------------------------------------

export const dieu = scopeRule('numbering/dieu', {
  vi: 'Điều không được đánh số liên tiếp từ 1 (“Điều 5a” chỉ dùng trong nội dung sửa đổi, bổ sung)',
  en: 'Articles not numbered consecutively from 1 (“Article 5a” only in amending text)',
}, dieuScopes);

function dieuScopes(tree: Document, original: string): ScopeSpec[] {
  const allow = insertedAllowedWhenAsked(tree, original);
  return numberingScopes(tree).map((scope) => ({ unit: 'dieu', nodes: scopeIndex(scope).below('dieu'), style: 'arabic', allowInserted: allow }));
}

// ---------------------------------------------------------------------------
// numbering/khoan
// ---------------------------------------------------------------------------

export const khoan = scopeRule('numbering/khoan', {
  vi: 'Khoản trong một Điều (hoặc một mục của văn bản không có Điều) không được đánh số 1, 2, 3…',
  en: 'Clauses within an article (or a section of a document without articles) not numbered 1, 2, 3…',
}, khoanScopes);

/**
 * The khoản scopes; with `findable`, only those that may give a finding (for the rule): a group of plain
 * khoản numbered 1, 2, 3… as written gives none and is passed without its specs (`groupsOutOfOrder`).
 */
function khoanScopes(tree: Document, original: string, findable = false): ScopeSpec[] {
  const allow = insertedAllowedWhenAsked(tree, original);
  const out: ScopeSpec[] = [];
  for (const scope of numberingScopes(tree)) {
    for (const { parent, nodes } of findable ? scopeIndex(scope).groupsOutOfOrder('khoan') : childGroups(scope, 'khoan')) {
      // Nearly every group is plain khoản only: shared as it is (read-only), no sub-khoản.
      const allPlain = nodes.every((n) => isPlain(n.number));
      const plain = allPlain ? nodes : nodes.filter((n) => isPlain(n.number));
      // Outside a Điều, "1." after "9." starts another list (prose of a document without
      // articles; sub-lists under unnumbered headings; Điều the parser did not see).
      const runs = parent.kind !== 'dieu' ? splitAtRestart(plain) : [plain];
      for (const run of runs) out.push({ unit: 'khoan', nodes: run, style: 'arabic', allowInserted: allow });
      // Sub-khoản "2.1", "2.2" under khoản 2.
      const dotted = allPlain ? NO_NODES : nodes.filter((n) => !isPlain(n.number));
      if (dotted.length && parent.kind === 'khoan' && isPlain(parent.number) && /^\d+$/u.test(parent.number!)) {
        const p = parent.number!;
        out.push({
          unit: 'khoan',
          nodes: dotted,
          style: 'arabic',
          allowInserted: false,
          format: (n) => `${p}.${n}`,
          read: (l) => (l.startsWith(p + '.') && /^\d+$/u.test(l.slice(p.length + 1)) ? l.slice(p.length + 1) : '?'),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// numbering/diem
// ---------------------------------------------------------------------------

export const diem = scopeRule('numbering/diem', {
  vi: 'Điểm không theo thứ tự a, b, c, d, đ, e, g, h… (không có f, j, w, z); “a1)” chỉ dùng trong nội dung sửa đổi',
  en: 'Points not lettered a, b, c, d, đ, e, g, h… (no f, j, w, z); “a1)” only in amending text',
}, diemScopes);

function hasLabel(n: Node): boolean {
  return n.number !== undefined && hasNumberRange(n);
}

/** The điểm scopes; with `findable`, only those that may give a finding (for the rule): see `groupsOutOfOrder`. */
function diemScopes(tree: Document, original: string, findable = false): ScopeSpec[] {
  const consolidated = insertedAllowedWhenAsked(tree, original);
  const out: ScopeSpec[] = [];
  for (const scope of numberingScopes(tree)) {
    for (const { nodes } of findable ? scopeIndex(scope).groupsOutOfOrder('diem') : childGroups(scope, 'diem')) {
      const withLabels = nodes.every(hasLabel) ? nodes : nodes.filter(hasLabel);
      out.push({ unit: 'diem', nodes: withLabels, style: 'letter', allowInserted: diemInsertedAllowed(withLabels, original, consolidated) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// numbering/chuong (Phần and Chương)
// ---------------------------------------------------------------------------

/** Findings a scope would give, without reporting (to compare two readings of the numbering). */
function dryRun(spec: ScopeSpec): number {
  let n = 0;
  checkScope(spec, () => n++);
  return n;
}

export const chuong = scopeRule('numbering/chuong', {
  vi: 'Phần, Chương không được đánh số La Mã liên tiếp, hoặc số La Mã viết sai',
  en: 'Parts and chapters not numbered with consecutive roman numerals, or malformed roman numerals',
}, chuongScopes);

function chuongScopes(tree: Document): ScopeSpec[] {
  const out: ScopeSpec[] = [];
  for (const scope of numberingScopes(tree)) {
    // Phần: roman, arabic or "thứ nhất", in the style of the first one.
    const phans = scopeIndex(scope).below('phan');
    if (phans.length) {
      const style = scopeStyle(phans, 'roman');
      const upper = style === 'ordinal' && phans.some((p) => p.number === p.number!.toUpperCase());
      out.push({ unit: 'phan', nodes: phans, style, allowInserted: false, format: (n) => formatNumber(n, style, { upper }) });
    }
    // Chương: one sequence through the document; a document whose Chương restart in each Phần is read that way.
    const chuongs = scopeIndex(scope).below('chuong');
    if (!chuongs.length) continue;
    const style = scopeStyle(chuongs, 'roman');
    const whole: ScopeSpec = { unit: 'chuong', nodes: chuongs, style, allowInserted: false };
    // The Chương by Phần only when the one sequence has findings (nearly never): grouping them costs a pass.
    if (phans.length > 1 && dryRun(whole) > 0) {
      const perPhan = childGroups(scope, 'chuong').filter((g) => g.parent.kind === 'phan');
      const specs = perPhan.map((g) => ({ ...whole, nodes: g.nodes }));
      if (perPhan.length > 1 && specs.reduce((s, sp) => s + dryRun(sp), 0) < dryRun(whole)) {
        out.push(...specs);
        continue;
      }
    }
    out.push(whole);
  }
  return out;
}

// ---------------------------------------------------------------------------
// numbering/muc (Mục, Tiểu mục, roman sections)
// ---------------------------------------------------------------------------

export const muc = scopeRule('numbering/muc', {
  vi: 'Mục, Tiểu mục không được đánh số liên tiếp trong Chương; các mục I, II, III… của văn bản không có Điều không liên tiếp',
  en: 'Sections and subsections not numbered consecutively within their chapter; roman sections I, II, III… not consecutive',
}, mucScopes);

function mucScopes(tree: Document): ScopeSpec[] {
  const out: ScopeSpec[] = [];
  const kinds: [UnitKind & NodeKind, NumberStyle][] = [['muc', 'arabic'], ['tieu-muc', 'arabic'], ['section', 'roman']];
  for (const scope of numberingScopes(tree)) {
    for (const [unit, style] of kinds) {
      for (const { nodes } of childGroups(scope, unit)) out.push({ unit, nodes, style, allowInserted: false });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// numbering/phu-luc
// ---------------------------------------------------------------------------

export const phuLuc = defineRule<NumberingArgs>({
  code: 'numbering/phu-luc',
  severity: 'warning',
  description: {
    vi: 'Có từ hai phụ lục trở lên nhưng không được đánh số I, II, III… theo thứ tự',
    en: 'Two or more appendices not numbered I, II, III… in order',
  },
  message: NUMBERING_MESSAGES,
  fixTitle: NUMBERING_FIX_TITLE,
  check({ tree, parse }, report) {
    const all = phuLucNodes(tree);
    if (all.length < 2) return;
    const { edits, changes, references: refCount } = renumberPhuLuc(all, parse);
    const references = refCount || undefined;
    const fix = () => (edits.length ? edits.map((e) => ({ range: { ...e.range }, newText: e.newText })) : undefined);
    let last = 0;
    let prev: string | undefined;
    all.forEach((n, i) => {
      const want = formatNumber(i + 1, 'roman')!;
      const label = n.number;
      if (label === undefined) {
        report({ range: n.labelRange ?? n.range, args: { unit: 'phu-luc', problem: 'unnumbered', label: '', missing: [], expected: want, count: all.length, changes, references }, edits: fix() });
        last++;
        prev = undefined;
        return;
      }
      const style = styleOf(label);
      const p = style === 'roman' || style === 'arabic' ? parseNumber(label, style) : undefined;
      const base = { unit: 'phu-luc' as const, label, prev, missing: [] as string[], changes, references };
      prev = label;
      if (!p || p.malformed || p.insert !== undefined) {
        report({ range: rangeOf(n), args: { ...base, problem: 'malformed', expected: want }, edits: fix() });
        last++;
        return;
      }
      const expected = last + 1;
      if (p.value > expected) {
        const missing: string[] = [];
        for (let k = expected; k < p.value && missing.length < 50; k++) missing.push(formatNumber(k, 'roman')!);
        report({ range: rangeOf(n), args: { ...base, problem: 'gap', missing, expected: want }, edits: fix() });
      } else if (p.value === last) {
        report({ range: rangeOf(n), args: { ...base, problem: 'duplicate', expected: want }, edits: fix() });
      } else if (p.value < last) {
        report({ range: rangeOf(n), args: { ...base, problem: 'order', expected: want }, edits: fix() });
      } else if (style !== 'roman') {
        report({ range: rangeOf(n), args: { ...base, problem: 'style', expected: want }, edits: fix() });
      }
      last = p.value;
    });
  },
});

/** The Phụ lục of the document, in order. */
export function phuLucNodes(tree: Document): Node[] {
  return tree.children.filter((c) => c.kind === 'phu-luc');
}

/**
 * Every Phụ lục gets the roman numeral of its place (inserted after the label
 * when it has none); references to the renumbered ones follow.
 */
export function renumberPhuLuc(all: readonly Node[], parse?: ParseResult) {
  const edits: TextEdit[] = [];
  const mapping = new Map<string, { from: string; to: string }>();
  const shown: string[] = [];
  all.forEach((n, i) => {
    const want = formatNumber(i + 1, 'roman')!;
    if (n.number === want) return;
    if (n.numberRange) edits.push({ range: { ...n.numberRange }, newText: want });
    else if (n.labelRange) edits.push({ range: { start: n.labelRange.end, end: n.labelRange.end }, newText: ` ${want}` });
    else return;
    if (n.number !== undefined) mapping.set(n.id, { from: n.number, to: want });
    if (shown.length < 3) shown.push(`${n.number ?? '∅'} → ${want}`);
  });
  const changes = shown.length ? shown.join(', ') + (edits.length > 3 ? ', …' : '') : undefined;
  const refs = parse ? referenceEdits(parse, mapping) : { edits: [], conflicts: [] };
  const combined = withReferenceEdits(edits, refs.edits);
  return { edits: combined, mapping, changes, conflicts: refs.conflicts, references: combined.length - edits.length };
}

/**
 * Every numbering scope of the document, as the numbering rules check them
 * (Phụ lục apart: see `renumberPhuLuc`). "Renumber this scope" uses the same
 * list, so the command and the quick fix always agree.
 */
export function numberingScopeSpecs(tree: Document, original: string): ScopeSpec[] {
  return [...dieuScopes(tree, original), ...khoanScopes(tree, original), ...diemScopes(tree, original), ...chuongScopes(tree), ...mucScopes(tree)];
}

export const numberingRules: readonly AnyRule[] = [dieu, khoan, diem, chuong, muc, phuLuc];
