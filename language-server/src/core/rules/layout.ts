/**
 * Rule area "layout": what only a word-processor file can get wrong — page
 * size and margins, the font, the sizes and the bold/italic of each part
 * (ND30 Phụ lục I Phần I mục I and the table of Mục V), page numbers. The
 * facts are in ../layout/nd30.ts; which text is which part comes from the
 * syntax tree (../layout/elements.ts); the formatting from the layout model
 * the .docx reader builds. Without a layout model (plain text) the rules say
 * nothing.
 *
 * Messages name the paragraph the way a drafter finds it in Word: "đoạn 12"
 * and its first words.
 */
import type { Range } from '../syntax/tree.ts';
import { bodyRanges, elementSpans, type ElementSpan } from '../layout/elements.ts';
import { paragraphAt, paragraphPreview, runsIn, type LayoutModel, type LayoutParagraph, type LayoutSection } from '../layout/model.ts';
import { A4, ELEMENT_NAME, ELEMENT_STYLE, FONT, MARGINS_MM, type Element } from '../layout/nd30.ts';
import { defineRule, type AnyRule, type RuleContext } from './rule.ts';

/** How a paragraph is named in messages. */
interface Where {
  para: number;
  preview: string;
  /** The paragraph is the text of this footnote. */
  note?: number;
}

function where(ctx: RuleContext, layout: LayoutModel, at: number): Where {
  const p = paragraphAt(layout, at);
  if (!p) return { para: 0, preview: '' };
  const w: Where = { para: p.index, preview: paragraphPreview(ctx.original, p) };
  if (p.footnote) w.note = p.footnote;
  return w;
}

const placeVi = (w: Where) => (w.note ? `chú thích ${w.note}` : w.para ? `đoạn ${w.para} “${w.preview}”` : 'đầu văn bản');
const placeEn = (w: Where) => (w.note ? `footnote ${w.note}` : w.para ? `paragraph ${w.para} “${w.preview}”` : 'the start of the document');

/** A section is named by its first line: a diagnostic on the whole document would underline all of it. */
function sectionStart(ctx: RuleContext, layout: LayoutModel, s: LayoutSection): Range {
  const p = paragraphAt(layout, s.range.start) ?? layout.paragraphs[0];
  const start = p ? p.range.start : s.range.start;
  const nl = ctx.original.indexOf('\n', start);
  const end = p ? Math.min(p.range.end, nl < 0 ? p.range.end : nl) : start;
  return { start, end: Math.max(start, end) };
}

const mm = (n: number) => (Math.round(n * 10) / 10).toString().replace('.', ',');
const mmEn = (n: number) => (Math.round(n * 10) / 10).toString();
/** Word stores page setup in twips: allow for rounding (2 cm is 1134 twips = 20,004 mm). */
const MM_TOLERANCE = 0.3;

// ---------------------------------------------------------------------------
// layout/page-size
// ---------------------------------------------------------------------------

const PAPER: { name: string; w: number; h: number }[] = [
  { name: 'A4', w: 210, h: 297 },
  { name: 'Letter', w: 215.9, h: 279.4 },
  { name: 'Legal', w: 215.9, h: 355.6 },
  { name: 'A5', w: 148, h: 210 },
  { name: 'A3', w: 297, h: 420 },
  { name: 'B5', w: 176, h: 250 },
];

function paperName(w: number, h: number): string | undefined {
  const [a, b] = w < h ? [w, h] : [h, w];
  return PAPER.find((p) => Math.abs(p.w - a) <= 2 && Math.abs(p.h - b) <= 2)?.name;
}

export interface PageSizeArgs {
  width: number;
  height: number;
  paper?: string;
  landscape: boolean;
}

export const pageSize = defineRule<PageSizeArgs>({
  code: 'layout/page-size',
  severity: 'warning',
  description: {
    vi: 'Khổ giấy không phải A4 (210 × 297 mm) hoặc trang nằm ngang khi không có bảng',
    en: 'Paper other than A4 (210 × 297 mm), or landscape pages without a table',
  },
  message: {
    vi: (a) =>
      a.paper === 'A4'
        ? 'Trang khổ A4 nằm ngang nhưng không có bảng: ND30 quy định trình bày theo chiều dài A4 (chỉ trình bày theo chiều rộng khi có bảng, biểu)'
        : `Khổ giấy ${mm(a.width)} × ${mm(a.height)} mm${a.paper ? ` (${a.paper})` : ''}: ND30 quy định khổ A4 (210 × 297 mm)`,
    en: (a) =>
      a.paper === 'A4'
        ? 'Landscape A4 pages without a table: ND30 asks for portrait A4 (landscape only for tables)'
        : `Paper ${mmEn(a.width)} × ${mmEn(a.height)} mm${a.paper ? ` (${a.paper})` : ''}: ND30 asks for A4 (210 × 297 mm)`,
  },
  check(ctx, report) {
    const layout = ctx.layout;
    if (!layout) return;
    for (const s of layout.sections) {
      const paper = paperName(s.pageWidthMm, s.pageHeightMm);
      const landscape = s.pageWidthMm > s.pageHeightMm;
      const hasTable = layout.paragraphs.some((p) => p.table && !p.table.layout && p.range.start >= s.range.start && p.range.start < s.range.end);
      if (paper === 'A4' && (!landscape || hasTable)) continue;
      report({ range: sectionStart(ctx, layout, s), args: { width: s.pageWidthMm, height: s.pageHeightMm, paper, landscape } });
    }
  },
});

// ---------------------------------------------------------------------------
// layout/margins
// ---------------------------------------------------------------------------

type Side = keyof typeof MARGINS_MM;
const SIDE_VI: Record<Side, string> = { top: 'lề trên', bottom: 'lề dưới', left: 'lề trái', right: 'lề phải' };
const SIDE_EN: Record<Side, string> = { top: 'top margin', bottom: 'bottom margin', left: 'left margin', right: 'right margin' };

export interface MarginsArgs {
  wrong: { side: Side; value: number }[];
}

export const margins = defineRule<MarginsArgs>({
  code: 'layout/margins',
  severity: 'warning',
  description: {
    vi: 'Lề trang ngoài khoảng ND30: trên, dưới 20–25 mm; trái 30–35 mm; phải 15–20 mm',
    en: 'Page margins outside ND30: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm',
  },
  message: {
    vi: (a) => 'Lề trang chưa đúng ND30: ' + a.wrong.map((w) => `${SIDE_VI[w.side]} ${mm(w.value)} mm (cần ${MARGINS_MM[w.side][0]}–${MARGINS_MM[w.side][1]} mm)`).join(', '),
    en: (a) => 'Page margins outside ND30: ' + a.wrong.map((w) => `${SIDE_EN[w.side]} ${mmEn(w.value)} mm (expected ${MARGINS_MM[w.side][0]}–${MARGINS_MM[w.side][1]} mm)`).join(', '),
  },
  check(ctx, report) {
    const layout = ctx.layout;
    if (!layout) return;
    let last = '';
    for (const s of layout.sections) {
      const wrong = (Object.keys(MARGINS_MM) as Side[])
        .filter((side) => s.margins[side] < MARGINS_MM[side][0] - MM_TOLERANCE || s.margins[side] > MARGINS_MM[side][1] + MM_TOLERANCE)
        .map((side) => ({ side, value: s.margins[side] }));
      // Sections that repeat the same wrong setup are one slip, reported once.
      const key = JSON.stringify(wrong);
      if (!wrong.length || key === last) continue;
      last = key;
      report({ range: sectionStart(ctx, layout, s), args: { wrong } });
    }
  },
});

// ---------------------------------------------------------------------------
// layout/font
// ---------------------------------------------------------------------------

export interface FontArgs extends Where {
  font: string;
  count: number;
}

const isTimes = (font: string) => /^times new roman$/iu.test(font.trim());

export const font = defineRule<FontArgs>({
  code: 'layout/font',
  severity: 'warning',
  description: {
    vi: 'Phông chữ không phải Times New Roman (ND30 Phụ lục I)',
    en: 'A font other than Times New Roman (ND30 Phụ lục I)',
  },
  message: {
    vi: (a) => `Phông chữ ${a.font} ở ${a.count} đoạn, từ ${placeVi(a)}: ND30 quy định phông ${FONT}`,
    en: (a) => `Font ${a.font} in ${a.count} paragraph${a.count === 1 ? '' : 's'}, from ${placeEn(a)}: ND30 requires ${FONT}`,
  },
  check(ctx, report) {
    const layout = ctx.layout;
    if (!layout) return;
    // One diagnostic per wrong font, at its first paragraph: a document set in Arial is one slip.
    const byFont = new Map<string, { first: LayoutParagraph; range: Range; paras: Set<number> }>();
    for (const p of layout.paragraphs) {
      for (const r of p.runs) {
        if (!r.font || isTimes(r.font) || !/\S/u.test(ctx.original.slice(r.range.start, r.range.end))) continue;
        const e = byFont.get(r.font) ?? { first: p, range: r.range, paras: new Set<number>() };
        e.paras.add(p.index);
        byFont.set(r.font, e);
      }
    }
    for (const [name, e] of byFont) {
      const w = where(ctx, layout, e.first.range.start);
      report({ range: e.range, args: { ...w, font: name, count: e.paras.size } });
    }
  },
});

// ---------------------------------------------------------------------------
// layout/font-size, layout/bold, layout/italic: per element of the type table
// ---------------------------------------------------------------------------

export interface SizeArgs extends Where {
  element: Element;
  size: number;
  /** Body text: how many paragraphs have this size. */
  count?: number;
}

const sizeRange = (e: Element) => {
  const [lo, hi] = ELEMENT_STYLE[e].size;
  return lo === hi ? `${lo}` : `${lo}–${hi}`;
};
const fmtPt = (n: number) => String(n).replace('.', ',');

export const fontSize = defineRule<SizeArgs>({
  code: 'layout/font-size',
  severity: 'warning',
  description: {
    vi: 'Cỡ chữ của Quốc hiệu, tên cơ quan, số ký hiệu, ngày tháng, tên loại, trích yếu, nội dung, Nơi nhận, chữ ký ngoài khoảng ND30 quy định',
    en: 'Font size of the header lines, document type, title, body, Nơi nhận or signature outside ND30’s range',
  },
  message: {
    vi: (a) =>
      a.count && a.count > 1
        ? `Cỡ chữ ${fmtPt(a.size)} ở ${a.count} đoạn ${ELEMENT_NAME[a.element].vi}, từ ${placeVi(a)}: ND30 quy định cỡ ${sizeRange(a.element)}`
        : `Cỡ chữ ${fmtPt(a.size)} ở ${ELEMENT_NAME[a.element].vi} (${placeVi(a)}): ND30 quy định cỡ ${sizeRange(a.element)}`,
    en: (a) =>
      a.count && a.count > 1
        ? `Font size ${a.size} in ${a.count} paragraphs of ${ELEMENT_NAME[a.element].en}, from ${placeEn(a)}: ND30 requires ${sizeRange(a.element)} pt`
        : `Font size ${a.size} in ${ELEMENT_NAME[a.element].en} (${placeEn(a)}): ND30 requires ${sizeRange(a.element)} pt`,
  },
  check(ctx, report) {
    const layout = ctx.layout;
    if (!layout) return;
    const wrongSize = (e: Element, range: Range) => {
      const [lo, hi] = ELEMENT_STYLE[e].size;
      return runsIn(layout, range, ctx.original).find((r) => r.sizePt !== undefined && (r.sizePt < lo || r.sizePt > hi))?.sizePt;
    };
    const spans = spansOf(ctx);
    for (const s of spans) {
      const size = wrongSize(s.element, s.range);
      if (size !== undefined) report({ range: s.range, args: { ...where(ctx, layout, s.range.start), element: s.element, size } });
    }
    // Body text: one diagnostic per wrong size, at its first paragraph, the next few as related places.
    const bySize = new Map<number, LayoutParagraph[]>();
    for (const p of bodyParagraphs(ctx, layout, spans)) {
      const size = wrongSize('body', p.range);
      if (size === undefined) continue;
      const list = bySize.get(size) ?? [];
      list.push(p);
      bySize.set(size, list);
    }
    for (const [size, ps] of bySize) {
      const first = ps[0];
      report({
        range: firstLine(ctx.original, first.range),
        args: { ...where(ctx, layout, first.range.start), element: 'body', size, count: ps.length },
        related: ps.slice(1, 6).map((p) => ({ range: firstLine(ctx.original, p.range), message: { vi: `Cỡ chữ ${fmtPt(size)} cả ở đây`, en: `Size ${size} here too` } })),
      });
    }
  },
});

export interface EmphasisArgs extends Where {
  element: Element;
  /** The number of the Điều whose heading it is. */
  dieu?: string;
}

function emphasisRule(code: 'layout/bold' | 'layout/italic', want: 'bold' | 'italic') {
  const vi = want === 'bold' ? 'in đậm' : 'in nghiêng';
  const en = want === 'bold' ? 'bold' : 'italic';
  return defineRule<EmphasisArgs>({
    code,
    severity: 'warning',
    description:
      want === 'bold'
        ? {
            vi: 'Quốc hiệu, Tiêu ngữ, tên cơ quan, tên loại, trích yếu, tiêu đề Điều, chương, mục, “Nơi nhận:”, chữ ký, Phụ lục không in đậm',
            en: 'Quốc hiệu, Tiêu ngữ, issuing body, document type, title, Điều and chapter headings, “Nơi nhận:”, signature or Phụ lục heading not in bold',
          }
        : {
            vi: 'Địa danh và ngày tháng, căn cứ ban hành, “Nơi nhận:”, dòng “(Kèm theo …)” không in nghiêng',
            en: 'The place and date line, căn cứ lines, “Nơi nhận:” or the “(Kèm theo …)” line not in italics',
          },
    message: {
      vi: (a) => `${a.dieu ? `Tiêu đề Điều ${a.dieu}` : capitalize(ELEMENT_NAME[a.element].vi)} (${placeVi(a)}) phải ${vi}`,
      en: (a) => `${a.dieu ? `The heading of Điều ${a.dieu}` : capitalize(ELEMENT_NAME[a.element].en)} (${placeEn(a)}) must be ${en}`,
    },
    check(ctx, report) {
      const layout = ctx.layout;
      if (!layout) return;
      for (const s of spansOf(ctx)) {
        if (!ELEMENT_STYLE[s.element][want]) continue;
        const runs = runsIn(layout, s.range, ctx.original);
        if (!runs.length || runs.every((r) => r[want])) continue;
        const dieu = s.node?.kind === 'dieu' ? s.node.number : undefined;
        report({ range: s.range, args: { ...where(ctx, layout, s.range.start), element: s.element, dieu } });
      }
    },
  });
}

export const bold = emphasisRule('layout/bold', 'bold');
export const italic = emphasisRule('layout/italic', 'italic');

// ---------------------------------------------------------------------------
// layout/page-number
// ---------------------------------------------------------------------------

export interface PageNumberArgs extends Where {
  problem: 'missing' | 'first-page' | 'footer' | 'not-centred' | 'phu-luc';
  pages?: number;
  phuLuc?: string;
}

/** A rough page count (A4, 14 pt, ND30 margins: about 80 characters a line, 36 lines a page). */
function estimatePages(layout: LayoutModel, range: Range): number {
  let lines = 0;
  for (const p of layout.paragraphs) {
    if (p.range.start < range.start || p.range.start >= range.end) continue;
    lines += Math.max(1, Math.ceil((p.range.end - p.range.start) / (p.table ? 30 : 80)));
  }
  return Math.ceil(lines / 36);
}

export const pageNumber = defineRule<PageNumberArgs>({
  code: 'layout/page-number',
  severity: 'warning',
  description: {
    vi: 'Số trang: thiếu, hiện ở trang đầu, không ở giữa lề trên, hoặc Phụ lục không đánh số trang riêng',
    en: 'Page numbers missing, shown on the first page, not centred in the top margin, or a Phụ lục not numbered on its own',
  },
  message: {
    vi: (a) => {
      switch (a.problem) {
        case 'missing':
          return `Văn bản khoảng ${a.pages} trang nhưng không đánh số trang: ND30 đánh số từ trang 2, ở giữa lề trên`;
        case 'first-page':
          return 'Số trang hiện ở trang đầu: ND30 không hiện số trang thứ nhất';
        case 'footer':
          return 'Số trang đặt ở chân trang: ND30 quy định ở giữa, trong lề trên';
        case 'not-centred':
          return 'Số trang không căn giữa: ND30 quy định ở giữa, trong lề trên';
        case 'phu-luc':
          return `${a.phuLuc} không đánh số trang riêng (ND30 Phụ lục I mục III.1): bắt đầu một phần (section) mới, đánh số lại từ 1`;
      }
    },
    en: (a) => {
      switch (a.problem) {
        case 'missing':
          return `About ${a.pages} pages but no page numbers: ND30 numbers pages from page 2, centred in the top margin`;
        case 'first-page':
          return 'The first page shows a page number: ND30 leaves page 1 unnumbered';
        case 'footer':
          return 'Page numbers in the footer: ND30 puts them centred in the top margin';
        case 'not-centred':
          return 'Page numbers not centred: ND30 puts them centred in the top margin';
        case 'phu-luc':
          return `${a.phuLuc} is not numbered on its own (ND30 Phụ lục I III.1): start a new section restarting at 1`;
      }
    },
  },
  check(ctx, report) {
    const layout = ctx.layout;
    if (!layout || !layout.sections.length) return;
    const main = layout.sections[0];
    const at = sectionStart(ctx, layout, main);
    const w = where(ctx, layout, at.start);
    const pn = main.pageNumbers;
    const numbered = layout.sections.some((s) => s.pageNumbers.onFirstPage || s.pageNumbers.onOtherPages);
    if (!numbered) {
      const pages = estimatePages(layout, { start: 0, end: ctx.original.length });
      if (pages > 1) report({ range: at, args: { ...w, problem: 'missing', pages } });
      return;
    }
    if (pn.onFirstPage) report({ range: at, args: { ...w, problem: 'first-page' } });
    if (pn.place === 'footer') report({ range: at, args: { ...w, problem: 'footer' } });
    else if (pn.alignment && pn.alignment !== 'center') report({ range: at, args: { ...w, problem: 'not-centred' } });
    for (const c of ctx.tree.children) {
      if (c.kind !== 'phu-luc') continue;
      const sec = layout.sections.find((s) => s.range.start <= c.range.start && c.range.start < s.range.end);
      const ownSection = sec && sec !== main && ctx.original.slice(sec.range.start, c.range.start).trim() === '';
      if (ownSection && sec.pageNumbers.restartAt !== undefined) continue;
      const range = c.labelRange ?? firstLine(ctx.original, c.range);
      report({ range, args: { ...where(ctx, layout, range.start), problem: 'phu-luc', phuLuc: c.number ? `Phụ lục ${c.number}` : 'Phụ lục' } });
    }
  },
});

// ---------------------------------------------------------------------------

/** Element spans are computed once per check and shared by the rules. */
const SPANS = new WeakMap<object, ElementSpan[]>();
function spansOf(ctx: RuleContext): ElementSpan[] {
  let s = SPANS.get(ctx.tree);
  if (!s) SPANS.set(ctx.tree, (s = elementSpans(ctx.tree, ctx.original)));
  return s;
}

/** Body paragraphs outside tables that hold no element of the type table. */
function bodyParagraphs(ctx: RuleContext, layout: LayoutModel, spans: ElementSpan[]): LayoutParagraph[] {
  const ranges = bodyRanges(ctx.tree);
  const inside = (p: LayoutParagraph) => ranges.some((r) => p.range.start >= r.start && p.range.start < r.end);
  const claimed = (p: LayoutParagraph) => spans.some((s) => s.range.start < p.range.end && s.range.end > p.range.start);
  return layout.paragraphs.filter((p) => !p.table && !p.footnote && p.range.end > p.range.start && inside(p) && !claimed(p));
}

function firstLine(text: string, r: Range): Range {
  const nl = text.indexOf('\n', r.start);
  return { start: r.start, end: nl < 0 || nl > r.end ? r.end : nl };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const layoutRules: readonly AnyRule[] = [pageSize, margins, font, fontSize, bold, italic, pageNumber];
