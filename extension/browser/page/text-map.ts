/**
 * The text of a page region as a reader sees it, with a map back to the DOM
 * text nodes it came from. Block elements and <br> end a line, runs of
 * spaces, tabs and newlines fold to one space (as the browser renders them),
 * NBSP is kept (the core normalises it). Every character of the text either
 * comes 1:1 from a text node (a segment) or is a separator the walk added.
 *
 * The walk is a generator that yields every few hundred nodes, so the caller
 * can hand the main thread back to the page between slices.
 */

export interface Segment {
  /** Offset in the built text. */
  start: number;
  node: Text;
  /** Offset in `node.data`. */
  offset: number;
  length: number;
}

export interface PageText {
  text: string;
  /** Sorted by `start`, non-overlapping. */
  segments: Segment[];
}

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * Whitespace that folds (not NBSP): space, tab, LF, CR, FF. ASCII classes
 * only, so no `u` flag: V8 runs these a quarter faster without it, and a
 * surrogate pair is two non-space code units either way.
 */
const RUN = /[^ \t\n\r\f]+(?:[ \t\n\r\f][^ \t\n\r\f]+)*/g;
const FOLDED = /[\t\n\r\f]/g;

export interface WalkOptions {
  /** Elements matching this selector (and everything inside them) are not text. */
  skip: string;
  /** Nodes visited between two yields. */
  slice?: number;
  /**
   * Hands the text read so far on in parts of at least `chars` characters,
   * at the yields (so it can be sent while the rest is read); the parts and
   * what follows them make the whole text.
   */
  parts?: { chars: number; send: (text: string) => void };
}

/** Builds the text of `root`; `yield`s between slices of the walk. */
export function* walkText(root: Element, options: WalkOptions): Generator<void, PageText, void> {
  const slice = options.slice ?? 400;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let pos = 0;
  let pendingLine = false;
  let pendingSpace = false;
  let lastWasLine = true;

  const emitSeparator = () => {
    if (pos > 0) {
      if (pendingLine && !lastWasLine) {
        parts.push('\n');
        pos += 1;
        lastWasLine = true;
      } else if (pendingSpace && !lastWasLine) {
        parts.push(' ');
        pos += 1;
      }
    }
    pendingLine = false;
    pendingSpace = false;
  };

  const text = (node: Text) => {
    const data = node.data;
    RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    let prevEnd = 0;
    while ((m = RUN.exec(data))) {
      if (m.index > prevEnd) pendingSpace = true;
      emitSeparator();
      segments.push({ start: pos, node, offset: m.index, length: m[0].length });
      parts.push(m[0].replace(FOLDED, ' '));
      pos += m[0].length;
      lastWasLine = false;
      prevEnd = m.index + m[0].length;
    }
    if (prevEnd < data.length) pendingSpace = true;
  };

  // One native query for what to skip, instead of matching a long selector against every element.
  const skipped = new Set(root.querySelectorAll(options.skip));
  // Iterative walk: a stack of (element, next child) so the walk can pause.
  const stack: { el: Element; child: ChildNode | null }[] = [{ el: root, child: root.firstChild }];
  let visited = 0;
  let sentParts = 0;
  let sentChars = 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const node = top.child;
    if (!node) {
      stack.pop();
      if (BLOCK.has(top.el.tagName)) pendingLine = true;
      continue;
    }
    top.child = node.nextSibling;
    if (++visited % slice === 0) {
      if (options.parts && pos - sentChars >= options.parts.chars) {
        const part = parts.slice(sentParts).join('');
        sentParts = parts.length;
        sentChars += part.length;
        options.parts.send(part);
      }
      yield;
    }
    if (node.nodeType === 3) {
      text(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (skipped.has(el)) continue;
      if (el.tagName === 'BR') {
        pendingLine = true;
        continue;
      }
      // Reading .style makes a wrapper object per element: only elements with a style attribute can hide themselves inline.
      if (el.hasAttribute('style') && (el as HTMLElement).style?.display === 'none') continue;
      if (BLOCK.has(el.tagName)) pendingLine = true;
      stack.push({ el, child: el.firstChild });
    }
  }
  return { text: parts.join(''), segments };
}

/** Runs a generator to the end without yielding (tests, small pages). */
export function runToEnd<T>(gen: Generator<void, T, void>): T {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/** The segment holding text offset `at` (or the first one after it when `at` is a separator). */
export function segmentIndexAt(segments: readonly Segment[], at: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = segments[mid];
    if (s.start + s.length <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first segment whose text node is inside `el`, or -1: a binary search
 * in document order (the segments are in it), not a scan of every segment.
 */
export function firstSegmentIn(segments: readonly Segment[], el: Node): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pos = el.compareDocumentPosition(segments[mid].node);
    // Before `el` and not inside it: the first one inside is further on.
    if (pos & Node.DOCUMENT_POSITION_PRECEDING && !(pos & Node.DOCUMENT_POSITION_CONTAINED_BY)) lo = mid + 1;
    else hi = mid;
  }
  return lo < segments.length && el.contains(segments[lo].node) ? lo : -1;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM pieces of text range [start, end): one per text node touched, in
 * order. Separators the walk added are not part of any piece.
 */
export function piecesOf(map: PageText, start: number, end: number): { node: Text; from: number; to: number }[] {
  const out: { node: Text; from: number; to: number }[] = [];
  for (let i = segmentIndexAt(map.segments, start); i < map.segments.length; i++) {
    const s = map.segments[i];
    if (s.start >= end) break;
    const from = Math.max(start, s.start) - s.start + s.offset;
    const to = Math.min(end, s.start + s.length) - s.start + s.offset;
    if (to > from) {
      const last = out[out.length - 1];
      // Two runs of one node (folded spaces between them) are one piece of DOM text.
      if (last && last.node === s.node) last.to = to;
      else out.push({ node: s.node, from, to });
    }
  }
  return out;
}

/** The DOM point where text offset `at` is (the next text character when `at` falls on a separator). */
export function pointAt(map: PageText, at: number): DomPoint | undefined {
  const i = segmentIndexAt(map.segments, at);
  const s = map.segments[i];
  if (!s) return undefined;
  return { node: s.node, offset: Math.max(0, at - s.start) + s.offset };
}
