/**
 * Page setup of each section (w:sectPr: page size, margins, title page,
 * page-number restart) and where its page numbers are: a PAGE field in the
 * header or footer parts the section uses, on its first page and on the
 * others (ECMA-376 Part 1 §17.6, §17.10). A section without a header of some
 * type inherits the previous section's.
 */
import type { Alignment, PageNumbers } from '../../core/layout/model.ts';
import { TWIPS_PER_MM } from '../../core/layout/nd30.ts';
import { child, elements, num, onOff, textOf, val, type DocxPackage, type XmlElement } from './package.ts';

export interface SectionSetup {
  pageWidthMm: number;
  pageHeightMm: number;
  margins: { top: number; bottom: number; left: number; right: number };
  pageNumbers: PageNumbers;
}

type Kind = 'default' | 'first';
type Parts = Record<'header' | 'footer', Partial<Record<Kind, string>>>;

interface PageField {
  alignment?: Alignment;
}

/** Word's defaults when a document says nothing: US Letter, 1 inch (25,4 mm) margins. */
const LETTER_TWIPS = { w: 12240, h: 15840 };
const INCH_TWIPS = 1440;

export async function readSections(pkg: DocxPackage, sectPrs: readonly (XmlElement | undefined)[]): Promise<SectionSetup[]> {
  const rels = await pkg.relationships(pkg.mainPath);
  const fieldCache = new Map<string, Promise<PageField | null>>();
  const pageField = (path: string | undefined) => {
    if (!path) return Promise.resolve(null);
    let p = fieldCache.get(path);
    if (!p) fieldCache.set(path, (p = pkg.xml(path).then((root) => (root ? findPageField(root) : null))));
    return p;
  };
  const out: SectionSetup[] = [];
  let inherited: Parts = { header: {}, footer: {} };
  for (const s of sectPrs) {
    const parts: Parts = { header: { ...inherited.header }, footer: { ...inherited.footer } };
    for (const which of ['header', 'footer'] as const) {
      for (const ref of s ? elements(s, `w:${which}Reference`) : []) {
        const type = ref.attributes['w:type'] ?? 'default';
        const target = rels.get(ref.attributes['r:id'] ?? '')?.target;
        if ((type === 'default' || type === 'first') && target) parts[which][type] = target;
      }
    }
    inherited = parts;
    const titlePage = onOff(s, 'w:titlePg') ?? false;
    const firstHeader = await pageField(titlePage ? parts.header.first : parts.header.default);
    const firstFooter = await pageField(titlePage ? parts.footer.first : parts.footer.default);
    const header = await pageField(parts.header.default);
    const footer = await pageField(parts.footer.default);
    const place = header ? 'header' : footer ? 'footer' : firstHeader ? 'header' : firstFooter ? 'footer' : undefined;
    const field = header ?? footer ?? firstHeader ?? firstFooter;
    const pageNumbers: PageNumbers = { onFirstPage: !!(firstHeader ?? firstFooter), onOtherPages: !!(header ?? footer) };
    if (place) pageNumbers.place = place;
    if (field?.alignment) pageNumbers.alignment = field.alignment;
    const restart = num(child(s, 'w:pgNumType')?.attributes['w:start']);
    if (restart !== undefined) pageNumbers.restartAt = restart;

    const pgSz = child(s, 'w:pgSz');
    const pgMar = child(s, 'w:pgMar');
    const twips = (e: XmlElement | undefined, a: string, dflt: number) => Math.abs(num(e?.attributes[`w:${a}`]) ?? dflt);
    const mm = (t: number) => Math.round((t / TWIPS_PER_MM) * 10) / 10;
    out.push({
      pageWidthMm: mm(twips(pgSz, 'w', LETTER_TWIPS.w)),
      pageHeightMm: mm(twips(pgSz, 'h', LETTER_TWIPS.h)),
      margins: {
        top: mm(twips(pgMar, 'top', INCH_TWIPS)),
        bottom: mm(twips(pgMar, 'bottom', INCH_TWIPS)),
        left: mm(twips(pgMar, 'left', INCH_TWIPS)),
        right: mm(twips(pgMar, 'right', INCH_TWIPS)),
      },
      pageNumbers,
    });
  }
  return out;
}

const PAGE_INSTR = /(?:^|\s)PAGE(?![\p{L}\d])/u;

/** The first PAGE field of a header or footer part and the alignment of its paragraph. */
function findPageField(root: XmlElement): PageField | null {
  for (const p of paragraphs(root)) {
    let found = false;
    const visit = (e: XmlElement) => {
      if (found) return;
      if (e.name === 'w:fldSimple' && PAGE_INSTR.test(e.attributes['w:instr'] ?? '')) found = true;
      else if (e.name === 'w:instrText' && PAGE_INSTR.test(textOf(e))) found = true;
      else for (const c of elements(e)) if (c.name !== 'w:p') visit(c);
    };
    visit(p);
    if (found) return { alignment: alignmentOf(val(child(p, 'w:pPr'), 'w:jc')) };
  }
  return null;
}

function paragraphs(e: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of elements(e)) {
    if (c.name === 'w:p') out.push(c, ...paragraphs(c));
    else out.push(...paragraphs(c));
  }
  return out;
}

export function alignmentOf(jc: string | undefined): Alignment | undefined {
  switch (jc) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'both':
    case 'distribute':
    case 'thaiDistribute':
      return 'justify';
    case 'left':
    case 'start':
      return 'left';
    default:
      return undefined;
  }
}
