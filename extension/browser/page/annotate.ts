/**
 * Marking ranges of the page text in the DOM without disturbing the page:
 * each range becomes a <span> around the text nodes it covers (one span when
 * the range sits inside one inline run, one per text node otherwise). Spans
 * are styled through CSSOM (no stylesheet, no style attribute markup, no
 * layout change: underlines only) and remembered in a WeakMap, so an element
 * the page made with the same data-* attribute is never taken for ours.
 */
import { piecesOf, pointAt, type DomPoint, type PageText } from './text-map.ts';

export interface Mark<T> {
  start: number;
  end: number;
  /** data-* attributes to set (e.g. { 'data-vanban-citation': '63/2022/NĐ-CP' }). */
  attrs: Record<string, string>;
  /** CSS properties of the span. */
  style: Record<string, string>;
  data: T;
}

export interface Placed<T> {
  mark: Mark<T>;
  elements: HTMLElement[];
}

const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR']);

/** Ours only: the spans this content script made, with what they mark. */
export class MarkRegistry<T> {
  private readonly byElement = new WeakMap<Element, Placed<T>>();
  readonly placed: Placed<T>[] = [];

  add(p: Placed<T>) {
    this.placed.push(p);
    for (const el of p.elements) this.byElement.set(el, p);
  }

  /** The mark an element (or an ancestor up to `stop`) belongs to, if we made it. */
  find(el: Element | null, stop?: Element): Placed<T> | undefined {
    for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
      const p = this.byElement.get(e);
      if (p) return p;
    }
    return undefined;
  }

  /** Removes every span, putting the page's own nodes back where they were. */
  clear() {
    for (const p of this.placed) for (const el of p.elements) unwrap(el);
    this.placed.length = 0;
  }
}

function unwrap(el: HTMLElement) {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/**
 * A span per mark, cloned from one template per style: a clone copies the
 * parsed inline style, so the CSS is parsed once per style, not once per mark.
 */
class SpanMaker {
  private readonly templates = new Map<string, HTMLElement>();

  constructor(private readonly doc: Document) {}

  make<T>(mark: Mark<T>): HTMLElement {
    const entries = Object.entries(mark.style);
    const key = entries.map(([k, v]) => `${k}:${v}`).join(';');
    let template = this.templates.get(key);
    if (!template) {
      template = this.doc.createElement('span');
      for (const [k, v] of entries) template.style.setProperty(k, v);
      this.templates.set(key, template);
    }
    const span = template.cloneNode(false) as HTMLElement;
    for (const k in mark.attrs) span.setAttribute(k, mark.attrs[k]);
    return span;
  }
}

/**
 * Moves the ends of a range outwards over inline elements it starts at the
 * very beginning of, or ends at the very end of, so "Luật số <a>37/2009/QH12</a>"
 * can be wrapped whole.
 */
function lift(range: Range) {
  const common = range.commonAncestorContainer;
  for (;;) {
    const c = range.startContainer;
    if (range.startOffset !== 0 || c === common || !c.parentNode) break;
    if (c.nodeType === 1 && !INLINE.has((c as Element).tagName)) break;
    if (c.nodeType !== 3 && c.nodeType !== 1) break;
    range.setStartBefore(c);
  }
  for (;;) {
    const c = range.endContainer;
    const len = c.nodeType === 3 ? (c as Text).length : c.childNodes.length;
    if (range.endOffset !== len || c === common || !c.parentNode) break;
    if (c.nodeType === 1 && !INLINE.has((c as Element).tagName)) break;
    if (c.nodeType !== 3 && c.nodeType !== 1) break;
    range.setEndAfter(c);
  }
}

type Piece = { node: Text; from: number; to: number };

/**
 * Where a piece of a text node's ORIGINAL data is now. Marking splits text
 * nodes: the node keeps the text before the split and the rest moves to the
 * text nodes that follow it in document order — so an offset past the
 * node's end continues into those.
 */
function currentPieces(doc: Document, p: Piece): Piece[] {
  if (p.to <= p.node.length) return [p];
  const out: Piece[] = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_TEXT);
  walker.currentNode = p.node;
  let node: Text | null = p.node;
  let from = p.from;
  let to = p.to;
  while (node && to > 0) {
    const len = node.length;
    if (from < len) out.push({ node, from, to: Math.min(to, len) });
    from = Math.max(0, from - len);
    to -= len;
    node = walker.nextNode() as Text | null;
  }
  return out;
}

/**
 * Where text offset `at` of the page text is now, marks placed or not: the
 * map's text node, or the text node the marking moved that character to.
 */
export function currentPoint(doc: Document, map: PageText, at: number): DomPoint | undefined {
  const p = pointAt(map, at);
  if (!p || !p.node.isConnected) return undefined;
  const piece = currentPieces(doc, { node: p.node, from: p.offset, to: p.offset + 1 })[0];
  return piece ? { node: piece.node, offset: piece.from } : undefined;
}

/**
 * Puts `span` around [from, to) of one text node with two splits, no Range
 * (a Range's surroundContents clones and re-inserts). The node keeps the
 * text before `from`, as the map expects.
 */
function wrapInNode(p: Piece, span: HTMLElement) {
  const inner = p.from > 0 ? p.node.splitText(p.from) : p.node;
  if (p.to - p.from < inner.length) inner.splitText(p.to - p.from);
  inner.parentNode!.insertBefore(span, inner);
  span.appendChild(inner);
}

/** Wraps one mark; returns the spans (none when the text changed under us). */
export function wrapMark<T>(doc: Document, map: PageText, mark: Mark<T>, spans = new SpanMaker(doc)): HTMLElement[] {
  const pieces = piecesOf(map, mark.start, mark.end)
    .flatMap((p) => currentPieces(doc, p))
    .filter((p) => p.node.isConnected);
  if (pieces.length === 0) return [];
  if (pieces.length === 1) {
    const span = spans.make(mark);
    wrapInNode(pieces[0], span);
    return [span];
  }
  const range = doc.createRange();
  range.setStart(pieces[0].node, pieces[0].from);
  const last = pieces[pieces.length - 1];
  range.setEnd(last.node, last.to);
  lift(range);
  try {
    const span = spans.make(mark);
    range.surroundContents(span);
    return [span];
  } catch {
    // The range crosses element boundaries: one span per text node, last first
    // so the earlier offsets stay valid.
    const out: HTMLElement[] = [];
    for (let i = pieces.length - 1; i >= 0; i--) {
      const span = spans.make(mark);
      wrapInNode(pieces[i], span);
      out.unshift(span);
    }
    return out;
  }
}

/** The marks in text order without the ones that overlap an earlier one (the first, or the longer at one place, wins). */
export function withoutOverlaps<T>(marks: readonly Mark<T>[]): Mark<T>[] {
  const sorted = [...marks].filter((m) => m.end > m.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark<T>[] = [];
  for (const m of sorted) if (kept.length === 0 || m.start >= kept[kept.length - 1].end) kept.push(m);
  return kept;
}

/**
 * Wraps the marks — those inside `first` (the text on screen) before the
 * others, each group last first (a text node split at a later offset keeps
 * its earlier text, so most map entries stay exact; the others are followed
 * into the nodes the split made). Marks overlapping an earlier one are left
 * out. Yields first with how many steps (of `slice` marks) there are, then after each step with how many
 * are left (driveByFrames counts steps and evens its batches out with it).
 */
export function* placeMarks<T>(doc: Document, map: PageText, marks: Mark<T>[], registry: MarkRegistry<T>, first?: { from: number; to: number }, slice = 10): Generator<number, void, void> {
  const kept = withoutOverlaps(marks).reverse();
  const inFirst = (m: Mark<T>) => !!first && m.end > first.from && m.start < first.to;
  const order = [...kept.filter(inFirst), ...kept.filter((m) => !inFirst(m))];
  const spans = new SpanMaker(doc);
  // How many steps there are, before any (driveByFrames sizes its first batch with it).
  yield Math.ceil(order.length / slice);
  let n = 0;
  for (const mark of order) {
    const elements = wrapMark(doc, map, mark, spans);
    if (elements.length > 0) registry.add({ mark, elements });
    if (++n % slice === 0) yield Math.ceil((order.length - n) / slice);
  }
}
