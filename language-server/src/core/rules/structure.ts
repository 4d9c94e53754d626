/**
 * Rule area "structure": Phần, Chương, Mục, Tiểu mục and Điều must have a
 * title (ND30 Phụ lục I II.6; L64 Điều 7.2; ND78 Điều 63.3), and no unit may
 * be left empty. Units inside quoted amending text are not checked: an
 * amendment may quote only a title ("Điều 5. Xử lý vi phạm").
 */
import type { Node, NodeKind } from '../syntax/tree.ts';
import { unitLabel, type UnitKind } from './numbering.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { ruleNodes } from './rule-nodes.ts';
import { lazy } from '../lazy.ts';

export interface StructureArgs {
  unit: UnitKind;
  /** The label as written ("II", "5"). */
  label: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const name = (a: StructureArgs, lang: 'vi' | 'en') => cap(unitLabel(a.unit, a.label, lang));

const HEADINGS: ReadonlySet<NodeKind> = new Set<NodeKind>(['phan', 'chuong', 'muc', 'tieu-muc', 'section']);

function unitKind(n: Node): UnitKind {
  return n.kind as UnitKind;
}

/**
 * A Điều "title" that is really its content: "Điều 1. Ban hành kèm theo
 * Quyết định này …" (a full sentence), "Điều 5. (được bãi bỏ)".
 */
export function titleIsContent(title: string): boolean {
  const t = title.trim();
  // More than 30 words take at least 61 characters (a word and a blank each): a short title is not split.
  return /[.;:!?…]["”)]?$/u.test(t) || /^\(/u.test(t) || /bãi bỏ/iu.test(t) || (t.length > 60 && t.split(/\s+/u).length > 30);
}

// ---------------------------------------------------------------------------
// structure/empty
// ---------------------------------------------------------------------------

/** True when nothing but the label (and, for a heading, its title) was written. */
export function isEmptyUnit(n: Node, original: string): boolean {
  if (n.children.length > 0) return false;
  let headingEnd = n.labelRange?.end ?? n.range.start;
  // A title range comes with a title (not read here: a khoản's or điểm's is folded on first read).
  if (n.titleRange) {
    if (HEADINGS.has(n.kind)) headingEnd = Math.max(headingEnd, n.titleRange.end);
    else if (n.kind === 'dieu') {
      if (titleIsContent(n.title ?? '')) return false;
      headingEnd = Math.max(headingEnd, n.titleRange.end);
    } else {
      return false; // khoản, điểm: the text after the label is their content
    }
  }
  const rest = original.slice(headingEnd, Math.max(headingEnd, n.range.end));
  return !/[\p{L}\p{N}]/u.test(rest);
}

export const empty = defineRule<StructureArgs>({
  code: 'structure/empty',
  severity: 'warning',
  description: {
    vi: 'Phần, Chương, Mục, Điều, khoản hoặc điểm không có nội dung',
    en: 'A part, chapter, section, article, clause or point with no content',
  },
  message: {
    vi: (a) => `${name(a, 'vi')} không có nội dung`,
    en: (a) => `${name(a, 'en')} has no content`,
  },
  check({ tree, original }, report) {
    for (const { leaves } of ruleNodes(tree).scopes) {
      for (const n of leaves) {
        if (n.number === undefined) continue; // never: leaves are numbered (a guard for the type)
        if (isEmptyUnit(n, original)) report({ range: n.labelRange ?? n.range, args: { unit: unitKind(n), label: n.number } });
      }
    }
  },
});

// ---------------------------------------------------------------------------
// structure/title

/** A module constant: esbuild lowers a `\p{…}` literal to `new RegExp(…)` for node20, built again at every call. */
const UPPER_START = lazy(() => /^\p{Lu}/u);

/**
 * "Điều 28." ⏎ "Nội dung quản lý nhà nước" ⏎ "1. …": the line after a bare
 * label is a short heading (no closing punctuation) and more of the Điều follows.
 */
function titleOnNextLine(n: Node, original: string): boolean {
  const from = n.labelRange?.end ?? n.range.start;
  const text = original.slice(from, Math.min(n.range.end, from + 600));
  // "Điều 32." ⏎ "[26] (được bãi bỏ)": a repealed article keeps only its number.
  if (/^[\s.:]*(?:\[\d+\]\s*)?\(?\s*(?:được |đã |đã được )?(?:bãi bỏ|hết hiệu lực)/iu.test(text)) return true;
  const m = /^[ \t.:]*\r?\n[ \t]*([^\r\n]+)\r?\n\s*\S/u.exec(text);
  if (!m && n.children.length === 0) return false;
  const line = m ? m[1].trim() : /^[ \t.:]*\r?\n[ \t]*([^\r\n]*)/u.exec(text)?.[1].trim() ?? '';
  return line.length > 0 && line.length <= 200 && !/[.;:,]$/u.test(line) && UPPER_START().test(line);
}
// ---------------------------------------------------------------------------

export const title = defineRule<StructureArgs>({
  code: 'structure/title',
  severity: 'warning',
  description: {
    vi: 'Phần, Chương, Mục, Tiểu mục hoặc Điều không có tên (tiêu đề)',
    en: 'A part, chapter, section, subsection or article has no title',
  },
  message: {
    vi: (a) => `${name(a, 'vi')} chưa có tên (tiêu đề)`,
    en: (a) => `${name(a, 'en')} has no title`,
  },
  check({ tree, original }, report) {
    for (const scope of ruleNodes(tree).scopes) {
      // "Điều 1." alone on its line and the text on the next, for every Điều of the
      // document: the portal's layout (or a decision whose Điều are sentences). Not a slip.
      // Portal layouts also put the title on the line after "Điều 28." (read as text by the parser).
      // Each untitled Điều's next line is read once (a portal layout has hundreds of them).
      const dieus = scope.untitled.filter((n) => n.kind === 'dieu');
      const titleBelow = new Set(dieus.filter((n) => titleOnNextLine(n, original)));
      const bare = dieus.length - titleBelow.size;
      const dieuLayout = bare > 0 && bare * 2 >= scope.dieuCount;
      for (const n of scope.untitled) {
        if (n.number === undefined) continue;
        if (n.kind === 'dieu' && (dieuLayout || titleBelow.has(n))) continue;
        if (isEmptyUnit(n, original)) continue; // structure/empty says more
        report({ range: n.labelRange ?? n.range, args: { unit: unitKind(n), label: n.number } });
      }
    }
  },
});

export const structureRules: readonly AnyRule[] = [title, empty];
