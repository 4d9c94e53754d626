/**
 * The layout of a document as a word processor lays it out: page setup per
 * section and the formatting of every paragraph and run. Plain data, produced
 * by the .docx reader (language-server/src/io/docx) and read by the layout
 * rules (rules/layout.ts). Every range is an offset pair into the text the
 * checker was given (the text view of the .docx), like the syntax tree's.
 *
 * Plain text has no layout: without a model the layout rules stay silent.
 */
import type { Range } from '../syntax/tree.ts';

export interface LayoutModel {
  sections: LayoutSection[];
  /** In text order; every paragraph of the body and of its tables. */
  paragraphs: LayoutParagraph[];
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export interface LayoutSection {
  /** The text the section covers. */
  range: Range;
  /** Page size in millimetres as set (portrait or landscape). */
  pageWidthMm: number;
  pageHeightMm: number;
  margins: { top: number; bottom: number; left: number; right: number };
  pageNumbers: PageNumbers;
}

export interface PageNumbers {
  /** A PAGE field shows on the section's first page. */
  onFirstPage: boolean;
  /** A PAGE field shows on the following pages. */
  onOtherPages: boolean;
  /** Where the number sits on the following pages (or on the first one if only there). */
  place?: 'header' | 'footer';
  alignment?: Alignment;
  /** The section restarts page numbering at this number. */
  restartAt?: number;
}

export interface LayoutParagraph {
  /** 1-based "đoạn" number: paragraphs in reading order, table cells included. */
  index: number;
  range: Range;
  alignment?: Alignment;
  /** Set for paragraphs inside a table (1-based). `layout` tables hold a header or a signature block. */
  table?: { index: number; row: number; cell: number; layout: boolean };
  /** Set for the text of a footnote (its number), listed after the body; `index` is then 0. */
  footnote?: number;
  /** Text runs with their effective formatting; an automatic number ("1.", "a)") is a run with `generated`. */
  runs: LayoutRun[];
}

export interface LayoutRun {
  range: Range;
  /** Effective font family for the run's characters (after styles and theme), when known. */
  font?: string;
  /** Effective size in points. */
  sizePt?: number;
  bold: boolean;
  italic: boolean;
  /** Text produced by Word's automatic numbering, not typed. */
  generated?: boolean;
}

/** The paragraph holding `offset` (binary search; paragraphs are in text order). */
export function paragraphAt(layout: LayoutModel, offset: number): LayoutParagraph | undefined {
  const ps = layout.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = ps[mid];
    if (offset < p.range.start) hi = mid - 1;
    else if (offset > p.range.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** Paragraphs overlapping `range` (a point range selects the paragraph holding it). */
export function paragraphsIn(layout: LayoutModel, range: Range): LayoutParagraph[] {
  if (range.end <= range.start) {
    const p = paragraphAt(layout, range.start);
    return p ? [p] : [];
  }
  return layout.paragraphs.filter((p) => p.range.start < range.end && p.range.end > range.start);
}

/** The runs with visible text overlapping `range`. */
export function runsIn(layout: LayoutModel, range: Range, text: string): LayoutRun[] {
  const out: LayoutRun[] = [];
  for (const p of paragraphsIn(layout, range)) {
    for (const r of p.runs) {
      const s = Math.max(r.range.start, range.start);
      const e = Math.min(r.range.end, range.end);
      if (e > s && /\S/u.test(text.slice(s, e))) out.push(r);
    }
  }
  return out;
}

const PREVIEW_WORDS = 6;
const PREVIEW_MAX = 48;

/** The first words of a paragraph ("Điều 3. Chánh Văn phòng…"), how messages name it with its number. */
export function paragraphPreview(text: string, p: LayoutParagraph): string {
  const words = text.slice(p.range.start, p.range.end).replace(/\s+/gu, ' ').trim().split(' ');
  let s = words.slice(0, PREVIEW_WORDS).join(' ');
  if (s.length > PREVIEW_MAX) s = s.slice(0, PREVIEW_MAX - 1).trimEnd();
  return s.length < words.join(' ').length ? `${s}…` : s;
}
