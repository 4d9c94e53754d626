/**
 * Completion while drafting:
 *  - at the start of a line, the next label: "Điều 6. " after Điều 5, "3. "
 *    after khoản 2 of the current Điều, "c) " after điểm b, "III. " after
 *    section II of a plan;
 *  - after "khoản ", "điểm ", "Điều ", "mục ", "Chương ", "Phần ", "Phụ lục "
 *    inside a sentence, the units that exist to refer to: the other khoản of
 *    the current Điều, the other điểm of the current khoản, the other Điều of
 *    the document…
 *  - after "Nghị định số 30", the documents of the registry whose number
 *    starts so, each inserting its full citation ("30/2020/NĐ-CP ngày 05
 *    tháng 3 năm 2020 của Chính phủ về công tác văn thư").
 */
import type { Lang } from '../diagnostics/diagnostic.ts';
import { formatNumber, parseNumber, styleOf } from '../fixes/renumber.ts';
import type { Document, Node, NodeKind, Range } from '../syntax/tree.ts';
import { kindLabel, oneLine, pathAt, unitName, walk } from './tree.ts';
import { completeCitation, type CitationCompletion } from '../citations/hover.ts';
import type { Registry } from '../registry/registry.ts';
import { lazy } from '../lazy.ts';

export interface CompletionEntry {
  label: string;
  /** Replaces `replace` in the text. */
  insertText: string;
  replace: Range;
  kind: 'label' | 'unit' | 'citation';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Orders entries the way the client should list them. */
  sortText: string;
  /** What the client matches the typed word against. */
  filterText?: string;
}

const MAX_ENTRIES = 300;
const TAIL = 200;
const SCOPE_ROOTS = new Set<NodeKind>(['body', 'attachment', 'phu-luc', 'quote', 'document']);

export function completions(tree: Document, text: string, offset: number, lang: Lang, registry?: Registry): CompletionEntry[] {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const prefix = text.slice(lineStart, at);
  // What is being typed sits at the end of the line: the patterns only look at its tail (a line may be megabytes).
  const tail = prefix.slice(-TAIL);
  const tailStart = at - tail.length;
  const cited = registry ? completeCitation(tail, tail.length, { registry, lang, limit: MAX_CITATIONS }) : undefined;
  if (cited) return citationEntries({ ...cited, from: tailStart + cited.from }, at, lang);
  const reference = REFERENCE_TAIL().exec(tail);
  if (reference && prefix.trimStart().length > reference[0].trimStart().length) {
    return unitsToReference(tree, text, at, tailStart + reference.index, reference, lang);
  }
  const trimmed = prefix.trimStart();
  if (LABEL_START.test(trimmed)) return nextLabels(tree, text, lineStart + (prefix.length - trimmed.length), at, lang);
  return [];
}

// ---------------------------------------------------------------------------
// The next label at the start of a line
// ---------------------------------------------------------------------------

/** What a line looks like while its label is being typed: "", "Đi", "Điều 1", "3", "c", "II". */
const LABEL_START = /^(?:Đ(?:i(?:ề(?:u(?:\s+\d{0,4})?)?)?)?|Điêu|\d{0,3}|[a-zđ]|[IVXLC]{0,6})$/u;

function nextLabels(tree: Document, text: string, from: number, at: number, lang: Lang): CompletionEntry[] {
  // The units around the line: look just before it, where the previous unit ends.
  const path = pathAt(tree, Math.max(0, from - 1));
  const scope = [...path].reverse().find((n) => SCOPE_ROOTS.has(n.kind)) ?? tree;
  const replace = { start: from, end: at };
  const out: CompletionEntry[] = [];
  const deepest = [...path].reverse().find((n) => ['diem', 'khoan', 'dieu', 'section'].includes(n.kind));
  const rank = (kind: NodeKind) => (deepest?.kind === kind ? 0 : ['diem', 'khoan', 'section', 'dieu'].indexOf(kind) + 1);

  const khoan = nearest(path, 'khoan');
  if (khoan) {
    const next = following(khoan.children.filter((c) => c.kind === 'diem'), from, 'letter');
    if (next) out.push(labelEntry(`${next}) `, 'diem', `${kindLabel('diem', lang)} ${next}`, rank('diem'), replace, unitName(khoan, lang), lang));
  }
  const holder = nearest(path, 'dieu') ?? nearest(path, 'section');
  if (holder) {
    const next = following(holder.children.filter((c) => c.kind === 'khoan'), from, 'arabic');
    if (next) out.push(labelEntry(`${next}. `, 'khoan', `${kindLabel('khoan', lang)} ${next}`, rank('khoan'), replace, unitName(holder, lang), lang));
  }
  const dieus = unitsIn(scope, 'dieu');
  const sections = unitsIn(scope, 'section');
  if (dieus.length > 0 || sections.length === 0) {
    const next = following(dieus, from, 'arabic') ?? '1';
    out.push(labelEntry(`Điều ${next}. `, 'dieu', `Điều ${next}`, rank('dieu'), replace, undefined, lang));
  }
  if (sections.length > 0) {
    const next = following(sections, from, 'roman');
    if (next) out.push(labelEntry(`${next}. `, 'section', `${kindLabel('section', lang)} ${next}`, rank('section'), replace, undefined, lang));
  }
  return out;
}

function labelEntry(insertText: string, kind: NodeKind, label: string, rank: number, replace: Range, within: string | undefined, lang: Lang): CompletionEntry {
  const detail = within ? (lang === 'en' ? `next ${kindLabel(kind, lang).toLowerCase()} of ${within}` : `${kindLabel(kind, lang).toLowerCase()} tiếp theo của ${within}`) : lang === 'en' ? 'next number' : 'số tiếp theo';
  return { label, insertText, replace, kind: 'label', detail, sortText: `${rank}`, filterText: insertText.trim() };
}

/** The label after the last of `units` that starts before `before`, in `style`. */
function following(units: readonly Node[], before: number, style: 'arabic' | 'letter' | 'roman'): string | undefined {
  let last: Node | undefined;
  for (const u of units) if (u.range.start < before) last = u;
  if (!last) return formatNumber(1, style);
  const s = last.number ? styleOf(last.number) : undefined;
  const parsed = last.number && s === style ? parseNumber(last.number, style) : undefined;
  if (!parsed || parsed.malformed) return undefined;
  return formatNumber(parsed.value + 1, style);
}

function nearest(path: readonly Node[], kind: NodeKind): Node | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i].kind === kind) return path[i];
    if (SCOPE_ROOTS.has(path[i].kind)) return undefined;
  }
  return undefined;
}

/** Units of a kind inside one scope (not inside attachments, Phụ lục or quotes nested in it). */
function unitsIn(scope: Node, kind: NodeKind): Node[] {
  const out: Node[] = [];
  for (const c of scope.children) {
    walk(c, (n) => {
      if (n.kind === kind) {
        out.push(n);
        return false;
      }
      if (n !== scope && SCOPE_ROOTS.has(n.kind)) return false;
      if (n.kind === 'table' || n.kind === 'khoan' || n.kind === 'diem') return false;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Units to refer to
// ---------------------------------------------------------------------------

const REFERENCE_TAIL = lazy(() => /(?<![\p{L}\p{N}])(khoản|điểm|Điều|điều|mục|Mục|Chương|chương|Phần|phần|Phụ lục|phụ lục)[ \t]+([\p{L}\p{N}]{0,6})$/u);

function unitsToReference(tree: Document, text: string, at: number, keywordAt: number, m: RegExpExecArray, _lang: Lang): CompletionEntry[] {
  const word = m[1].toLocaleLowerCase('vi');
  const typed = m[2];
  const replace = { start: at - typed.length, end: at };
  // The units around the keyword (the cursor may sit past the end of the last unit's range).
  const path = pathAt(tree, keywordAt);
  const scope = [...path].reverse().find((n) => SCOPE_ROOTS.has(n.kind) && n.kind !== 'document') ?? tree.children.find((c) => c.kind === 'body') ?? tree;
  let units: Node[] = [];
  switch (word) {
    case 'khoản': {
      const holder = nearest(path, 'dieu') ?? nearest(path, 'section');
      units = holder ? holder.children.filter((c) => c.kind === 'khoan') : [];
      break;
    }
    case 'điểm': {
      const khoan = nearest(path, 'khoan');
      units = khoan ? khoan.children.filter((c) => c.kind === 'diem') : [];
      break;
    }
    case 'điều':
      units = unitsIn(scope, 'dieu');
      break;
    case 'mục':
      units = m[1] === 'Mục' ? unitsIn(scope, 'muc') : [...unitsIn(scope, 'section'), ...attachedSections(tree, scope)];
      break;
    case 'chương':
      units = unitsIn(scope, 'chuong');
      break;
    case 'phần':
      units = unitsIn(scope, 'phan');
      break;
    case 'phụ lục': {
      walk(tree, (n) => {
        if (n.kind === 'phu-luc') units.push(n);
        if (n.kind === 'table') return false;
      });
      break;
    }
  }
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const u of units) {
    // The unit being written in says "… này" of itself, not its number.
    if (u.number === undefined || seen.has(u.number) || (u.range.start <= keywordAt && keywordAt <= u.range.end)) continue;
    seen.add(u.number);
    const title = u.title ? oneLine(u.title, 80) : oneLine(text.slice(u.range.start, u.range.end), 80);
    out.push({
      label: `${m[1]} ${u.number}`,
      insertText: u.number,
      replace,
      kind: 'unit',
      detail: title,
      sortText: String(out.length).padStart(4, '0'),
      filterText: u.number,
    });
    if (out.length >= MAX_ENTRIES) break;
  }
  return out;
}

/** "mục II" written in a decision means its attached plan's section II: offer those too. */
function attachedSections(tree: Document, scope: Node): Node[] {
  if (scope.kind === 'attachment') return [];
  return tree.children.filter((c) => c.kind === 'attachment').flatMap((a) => unitsIn(a, 'section'));
}

// ---------------------------------------------------------------------------
// Citations from the registry
// ---------------------------------------------------------------------------

const MAX_CITATIONS = 50;

function citationEntries(found: CitationCompletion, at: number, lang: Lang): CompletionEntry[] {
  const replace = { start: found.from, end: at };
  return found.items.map((item, i) => ({
    label: item.label,
    insertText: item.insertText,
    replace,
    kind: 'citation' as const,
    detail: [found.type, item.detail].filter(Boolean).join(' · '),
    ...(item.documentation ? { documentation: item.documentation } : {}),
    sortText: String(i).padStart(4, '0'),
    filterText: item.label,
  }));
}
