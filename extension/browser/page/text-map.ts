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
 * surrogate pair is two non-space code units either way. A run of text is
 * words with single whitespace characters between them; the walk tests
 * sticky regexes (the end is in lastIndex) rather than exec them: no match
 * array and no matched substring per run, so fewer young objects to collect.
 */
const RUN_AT = /[^ \t\n\r\f]+(?:[ \t\n\r\f][^ \t\n\r\f]+)*/y;
const SPACES = /[ \t\n\r\f]*/y;
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
  const reader = new TextReader(root, options.skip);
  const slice = options.slice ?? 400;
  // The parts sent so far, each joined once: the whole text is made of them and the pieces read since.
  const sent: string[] = [];
  let sentChars = 0;
  while (reader.read(slice)) {
    if (options.parts && reader.pos - sentChars >= options.parts.chars) {
      const part = reader.parts.join('');
      reader.parts.length = 0;
      sent.push(part);
      sentChars += part.length;
      options.parts.send(part);
    }
    yield;
  }
  sent.push(reader.parts.join(''));
  return { text: sent.join(''), segments: reader.segments };
}

/**
 * The walk itself, in a plain class; the generator above only drives it a
 * slice at a time. Its state in fields and two stacks, not closures and an
 * object per open element: on the 965 KB vbpl.vn page, cold in a fresh page
 * as in every content script, this and the sticky regexes read the page a
 * quarter faster (Chromium, 12 interleaved fresh pages: median 29.6 → 22.2 ms).
 */
class TextReader {
  readonly parts: string[] = [];
  readonly segments: Segment[] = [];
  pos = 0;
  private pendingLine = false;
  private pendingSpace = false;
  private lastWasLine = true;
  private readonly skipped: Set<Element>;
  /** The open elements and, for each, the next child to read (two arrays: no object per element). */
  private readonly els: Element[];
  private readonly next: (ChildNode | null)[];

  constructor(root: Element, skip: string) {
    // One native query for what to skip, instead of matching a long selector against every element.
    this.skipped = new Set(root.querySelectorAll(skip));
    this.els = [root];
    this.next = [root.firstChild];
  }

  private emitSeparator() {
    if (this.pos > 0 && !this.lastWasLine) {
      if (this.pendingLine) {
        this.parts.push('\n');
        this.pos += 1;
        this.lastWasLine = true;
      } else if (this.pendingSpace) {
        this.parts.push(' ');
        this.pos += 1;
      }
    }
    this.pendingLine = false;
    this.pendingSpace = false;
  }

  private text(node: Text) {
    const data = node.data;
    const n = data.length;
    // Sticky tests: no match array, no matched substring, the end in lastIndex.
    SPACES.lastIndex = 0;
    SPACES.test(data);
    let at = SPACES.lastIndex;
    if (at > 0) this.pendingSpace = true;
    while (at < n) {
      RUN_AT.lastIndex = at;
      RUN_AT.test(data);
      const end = RUN_AT.lastIndex;
      this.emitSeparator();
      this.segments.push({ start: this.pos, node, offset: at, length: end - at });
      this.parts.push(data.slice(at, end).replace(FOLDED, ' '));
      this.pos += end - at;
      this.lastWasLine = false;
      SPACES.lastIndex = end;
      SPACES.test(data);
      at = SPACES.lastIndex;
      if (at > end) this.pendingSpace = true;
    }
  }

  /** Reads up to `count` nodes; false when the walk is over. */
  read(count: number): boolean {
    const els = this.els;
    const next = this.next;
    for (let visited = 0; visited < count; ) {
      const depth = els.length - 1;
      if (depth < 0) return false;
      const node = next[depth];
      if (!node) {
        const el = els.pop()!;
        next.pop();
        if (BLOCK.has(el.tagName)) this.pendingLine = true;
        continue;
      }
      next[depth] = node.nextSibling;
      visited++;
      const type = node.nodeType;
      if (type === 3) {
        this.text(node as Text);
      } else if (type === 1) {
        const el = node as Element;
        if (this.skipped.has(el)) continue;
        const tag = el.tagName;
        if (tag === 'BR') {
          this.pendingLine = true;
          continue;
        }
        // Reading .style makes a wrapper object per element: only elements with a style attribute can hide themselves inline.
        if (el.hasAttribute('style') && (el as HTMLElement).style?.display === 'none') continue;
        if (BLOCK.has(tag)) this.pendingLine = true;
        els.push(el);
        next.push(el.firstChild);
      }
    }
    return els.length > 0;
  }
}

/** Runs a generator to the end without yielding (tests, small pages). */
export function runToEnd<T>(gen: Generator<unknown, T, void>): T {
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
