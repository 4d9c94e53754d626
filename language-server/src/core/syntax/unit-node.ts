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

export class UnitNode implements Node {
  /** The id; while #idBase is set, only its part after the base's id ("/khoan_2": idAfter). */
  #id = '';
  #idBase: Node | undefined = undefined;
  children: Node[];
  #title: string | undefined = undefined;
  /** The normalised text, until the title it holds at the title span is read ('' once read or set: titleLater). */
  #text = '';
  /**
   * The spans as offsets: the label from the unit's start to #labelEnd, the number and the title (-1: the unit
   * has none). A span's object, once made (or set), stands for its numbers.
   */
  #labelEnd: number;
  #numberStart: number;
  #numberEnd: number;
  #titleStart = -1;
  #titleEnd = -1;
  #label: Range | undefined = undefined;
  #number: Range | undefined = undefined;
  #titleSpan: Range | undefined = undefined;

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

  get labelRange(): Range | undefined {
    if (this.#label === undefined && this.#labelEnd >= 0) this.#label = { start: this.range.start, end: this.#labelEnd };
    return this.#label;
  }

  set labelRange(r: Range | undefined) {
    this.#label = r;
    this.#labelEnd = -1;
  }

  get numberRange(): Range | undefined {
    if (this.#number === undefined && this.#numberStart >= 0) this.#number = { start: this.#numberStart, end: this.#numberEnd };
    return this.#number;
  }

  set numberRange(r: Range | undefined) {
    this.#number = r;
    this.#numberStart = -1;
  }

  get titleRange(): Range | undefined {
    if (this.#titleSpan === undefined && this.#titleStart >= 0) this.#titleSpan = { start: this.#titleStart, end: this.#titleEnd };
    return this.#titleSpan;
  }

  set titleRange(r: Range | undefined) {
    if (this.#text !== '') void this.title; // its text is read at the span being replaced
    this.#titleSpan = r;
    this.#titleStart = -1;
  }

  /** Where the label starts (`labelRange.start`), without making the range. */
  get labelStart(): number | undefined {
    return this.#label ? this.#label.start : this.#labelEnd >= 0 ? this.range.start : undefined;
  }

  /** Whether `numberRange` is set, without making it. */
  get hasNumberRange(): boolean {
    return this.#number !== undefined || this.#numberStart >= 0;
  }

  /** Whether `titleRange` is set, without making it. */
  get hasTitleRange(): boolean {
    return this.#titleSpan !== undefined || this.#titleStart >= 0;
  }

  /** The title span: `titleRange` = [start, end). */
  titleAt(start: number, end: number): void {
    this.#titleSpan = undefined;
    this.#titleStart = start;
    this.#titleEnd = end;
  }

  /** The title is the title span's words (titleAt) in the normalised `text`, folded and clipped when first read. */
  titleLater(text: string): void {
    this.#title = undefined;
    this.#text = text;
  }

  get title(): string | undefined {
    if (this.#text !== '') {
      const s = this.#titleStart;
      // Long khoản/điểm texts are only clipped for display: fold at most a little more than is shown.
      this.#title = clip(fold(this.#text.slice(s, Math.min(this.#titleEnd, s + UNIT_TITLE_MAX + 20))), UNIT_TITLE_MAX);
      this.#text = '';
    }
    return this.#title;
  }

  set title(title: string | undefined) {
    this.#title = title;
    this.#text = '';
  }

  /**
   * Maps the spans kept as numbers with `map`, and hands the span objects already made to `visit` (which maps
   * each object once, however many nodes share it). The label's start is the unit's, which `visit` maps.
   */
  mapOffsets(map: (offset: number) => number, visit: (r: Range) => void): void {
    if (this.#label) visit(this.#label);
    else if (this.#labelEnd >= 0) this.#labelEnd = map(this.#labelEnd);
    if (this.#number) visit(this.#number);
    else if (this.#numberStart >= 0) {
      this.#numberStart = map(this.#numberStart);
      this.#numberEnd = map(this.#numberEnd);
    }
    // A title still to be read is read at the normalised span: its numbers stay, its object is mapped.
    if (this.#titleSpan === undefined && this.#titleStart >= 0 && this.#text !== '') void this.titleRange;
    if (this.#titleSpan) visit(this.#titleSpan);
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
