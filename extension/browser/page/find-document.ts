/**
 * Where the document is on a page: the portal's known containers first,
 * then the usual article containers, then the element that holds the most
 * paragraph text (a news article, a ministry page, a page opened by hand).
 */
import { ALWAYS_SKIP, GENERIC_CONTAINERS, type Portal } from '../lib/sites.ts';

/** Less text than this is a page without a document (a list, a search form). */
export const MIN_DOCUMENT_CHARS = 200;

export interface DocumentRoot {
  root: Element;
  /** How it was found: the selector that matched, or "density". */
  how: string;
  /** Selector of the page furniture to leave out of the text. */
  skip: string;
}

/** Whether `el` holds at least `min` characters that are not white space (reads only as far as it needs). */
function holdsText(el: Element, min = MIN_DOCUMENT_CHARS): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    n += (t as Text).data.replace(/\s+/gu, '').length;
    if (n >= min) return true;
  }
  return false;
}

/** The element whose paragraphs hold the most text (parents count fully, grandparents half). */
function densest(doc: Document): Element | undefined {
  const score = new Map<Element, number>();
  const paragraphs = doc.body?.querySelectorAll('p, li, td, pre, blockquote') ?? [];
  let n = 0;
  for (const p of paragraphs) {
    if (++n > 20_000) break;
    if (p.closest(ALWAYS_SKIP)) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len < 20) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    score.set(parent, (score.get(parent) ?? 0) + len);
    const grand = parent.parentElement;
    if (grand && grand !== doc.documentElement) score.set(grand, (score.get(grand) ?? 0) + len / 2);
  }
  let best: Element | undefined;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  return best;
}

export function findDocumentRoot(doc: Document, portal: Portal | undefined): DocumentRoot | undefined {
  const skip = [ALWAYS_SKIP, ...(portal?.skip ?? [])].join(',');
  for (const selector of [...(portal?.containers ?? []), ...GENERIC_CONTAINERS]) {
    for (const el of doc.querySelectorAll(selector)) {
      if (holdsText(el)) return { root: el, how: selector, skip };
    }
  }
  const el = densest(doc);
  if (el && holdsText(el)) return { root: el, how: 'density', skip };
  return undefined;
}
