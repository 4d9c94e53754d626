/**
 * A unit of the tree: Phần … điểm, I., "-". One class, so every unit has one shape (absent fields stay
 * undefined, which JSON drops) and property access stays monomorphic over thousands of units.
 *
 * Kept as numbers until read (a law has ≈ 4,800 units, and these were ≈ 40 % of the tree's bytes):
 * - `labelRange`, `numberRange`, `titleRange`: offsets in private fields; the Range object is made on first
 *   read and kept (the same object on every read, mutable like a plain field's). A full check reads none of
 *   the label ranges (the node index reads the numbers: labelStartOf) and asks most number and title ranges
 *   only whether they exist (hasNumberRange, hasTitleRange);
 * - the `id` of a unit under an open unit: that unit and the segment, joined on first read (idAfter): a check
 *   reads ≈ 1 in 7 of them, and each join was a string of its own;
 * - a khoản's, điểm's or item's `title` (the first words of its text, for outlines, symbols and completion) is
 *   folded on first read (titleLater): the check reads none, and folding them was the largest single cost
 *   of a law's tree.
 * `toJSON` gives the fields in the order of the object literal this class replaced, so trees' JSON is unchanged.
 * The private fields are not own keys: to-original maps them through `mapOffsets`.
 */
import { fold } from './header.ts';
import type { Node, NodeKind, Range } from './tree.ts';

/** khoản/điểm/"-" items have no heading: their "title" is the first words of their text, for outlines. */
export const UNIT_TITLE_MAX = 100;
const TITLE_MAX = 160;

export function clip(s: string, max = TITLE_MAX): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

/** The normalised text a parse's units read their titles from when first asked (titleLater): one per parse. */
export class TitleText {
  constructor(readonly text: string) {}
}

/** A unit's span objects, once made or set (one holder, made for the few units whose spans are read as objects). */
interface Spans {
  label: Range | undefined;
  number: Range | undefined;
  title: Range | undefined;
}

export class UnitNode implements Node {
  /** The id; while #idBase is set, only its part after the base's id ("/khoan_2": idAfter). */
  #id = '';
  #idBase: Node | undefined = undefined;
  children: Node[];
  /** The title, or the text it is still to be read from at the title span (titleLater). */
  #title: string | TitleText | undefined = undefined;
  /**
   * The spans as offsets: the label from the unit's start to #labelEnd, the number and the title (-1: the unit
   * has none). A span's object, once made (or set) in #spans, stands for its numbers.
   */
  #labelEnd: number;
  #numberStart: number;
  #numberEnd: number;
  #titleStart = -1;
  #titleEnd = -1;
  #spans: Spans | undefined = undefined;

  constructor(
    public kind: NodeKind,
    public number: string | undefined,
    /** The whole unit; its label starts where it does. */
    public range: Range,
    labelEnd: number,
    /** -1 when the unit has no number. */
    numberStart: number,
    numberEnd: number,
    public inserted: true | undefined,
    children: Node[],
  ) {
    this.children = children;
    this.#labelEnd = labelEnd;
    this.#numberStart = numberStart;
    this.#numberEnd = numberEnd;
  }

  get id(): string {
    const base = this.#idBase;
    if (base !== undefined) {
      this.#id = base.id + this.#id;
      this.#idBase = undefined;
    }
    return this.#id;
  }

  set id(id: string) {
    this.#id = id;
    this.#idBase = undefined;
  }

  /** The id is `base`'s id followed by `tail` ("/diem_a"), joined when first read (a check reads few). */
  idAfter(base: Node, tail: string): void {
    this.#idBase = base;
    this.#id = tail;
  }

  #made(): Spans {
    return (this.#spans ??= { label: undefined, number: undefined, title: undefined });
  }

  get labelRange(): Range | undefined {
    const made = this.#spans?.label;
    if (made !== undefined || this.#labelEnd < 0) return made;
    return (this.#made().label = { start: this.range.start, end: this.#labelEnd });
  }

  set labelRange(r: Range | undefined) {
    if (r !== undefined || this.#spans !== undefined) this.#made().label = r;
    this.#labelEnd = -1;
  }

  get numberRange(): Range | undefined {
    const made = this.#spans?.number;
    if (made !== undefined || this.#numberStart < 0) return made;
    return (this.#made().number = { start: this.#numberStart, end: this.#numberEnd });
  }

  set numberRange(r: Range | undefined) {
    if (r !== undefined || this.#spans !== undefined) this.#made().number = r;
    this.#numberStart = -1;
  }

  get titleRange(): Range | undefined {
    const made = this.#spans?.title;
    if (made !== undefined || this.#titleStart < 0) return made;
    return (this.#made().title = { start: this.#titleStart, end: this.#titleEnd });
  }

  set titleRange(r: Range | undefined) {
    if (this.#title instanceof TitleText) void this.title; // its text is read at the span being replaced
    if (r !== undefined || this.#spans !== undefined) this.#made().title = r;
    this.#titleStart = -1;
  }

  /** Where the label starts (`labelRange.start`), without making the range. */
  get labelStart(): number | undefined {
    const made = this.#spans?.label;
    return made ? made.start : this.#labelEnd >= 0 ? this.range.start : undefined;
  }

  /** Whether `numberRange` is set, without making it. */
  get hasNumberRange(): boolean {
    return this.#spans?.number !== undefined || this.#numberStart >= 0;
  }

  /** Whether `titleRange` is set, without making it. */
  get hasTitleRange(): boolean {
    return this.#spans?.title !== undefined || this.#titleStart >= 0;
  }

  /** The title span: `titleRange` = [start, end). */
  titleAt(start: number, end: number): void {
    if (this.#spans !== undefined) this.#spans.title = undefined;
    this.#titleStart = start;
    this.#titleEnd = end;
  }

  /** The title is the title span's words (titleAt) in the normalised text, folded and clipped when first read. */
  titleLater(text: TitleText): void {
    this.#title = text;
  }

  get title(): string | undefined {
    const t = this.#title;
    if (t instanceof TitleText) {
      const s = this.#titleStart;
      // Long khoản/điểm texts are only clipped for display: fold at most a little more than is shown.
      return (this.#title = clip(fold(t.text.slice(s, Math.min(this.#titleEnd, s + UNIT_TITLE_MAX + 20))), UNIT_TITLE_MAX));
    }
    return t;
  }

  set title(title: string | undefined) {
    this.#title = title;
  }

  /**
   * Maps the spans kept as numbers with `map`, and hands the span objects already made to `visit` (which maps
   * each object once, however many nodes share it). The label's start is the unit's, which `visit` maps.
   */
  mapOffsets(map: (offset: number) => number, visit: (r: Range) => void): void {
    const made = this.#spans;
    if (made?.label) visit(made.label);
    else if (this.#labelEnd >= 0) this.#labelEnd = map(this.#labelEnd);
    if (made?.number) visit(made.number);
    else if (this.#numberStart >= 0) {
      this.#numberStart = map(this.#numberStart);
      this.#numberEnd = map(this.#numberEnd);
    }
    // A title still to be read is read at the normalised span: its numbers stay, its object is mapped.
    if (this.#spans?.title === undefined && this.#titleStart >= 0 && this.#title instanceof TitleText) void this.titleRange;
    const title = this.#spans?.title;
    if (title) visit(title);
    else if (this.#titleStart >= 0) {
      this.#titleStart = map(this.#titleStart);
      this.#titleEnd = map(this.#titleEnd);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { kind: this.kind, id: this.id, number: this.number, title: this.title, range: this.range, labelRange: this.labelRange, numberRange: this.numberRange, titleRange: this.titleRange, children: this.children, inserted: this.inserted };
    // Any field a reader added later, after them (as it would have been on the literal).
    for (const key of Object.keys(this)) if (!(key in out)) out[key] = (this as unknown as Record<string, unknown>)[key];
    return out;
  }
}

/** `node.labelRange?.start`, without making a unit's range. */
export function labelStartOf(node: Node): number | undefined {
  return node instanceof UnitNode ? node.labelStart : node.labelRange?.start;
}

/** `!!node.numberRange`, without making a unit's range. */
export function hasNumberRange(node: Node): boolean {
  return node instanceof UnitNode ? node.hasNumberRange : node.numberRange !== undefined;
}

/** `!!node.titleRange`, without making a unit's range. */
export function hasTitleRange(node: Node): boolean {
  return node instanceof UnitNode ? node.hasTitleRange : node.titleRange !== undefined;
}
