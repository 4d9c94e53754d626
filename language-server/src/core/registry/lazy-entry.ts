/**
 * The entries of a registry file read from its bytes (load-bytes.ts), each
 * parsed the first time it is used. An entry is a Proxy over its place:
 * every way an object is used (reading or writing a property, `in`,
 * Object.keys, spread, JSON.stringify, for-in) goes to the object JSON.parse
 * makes of its bytes, made then and kept. The reads a load makes of all
 * 100,000 entries need no parse: `number` (the key), `type` (laws by name) and
 * `relations` (inverse relations: an array parsed alone, which the entry keeps
 * when it is parsed later, so a relation pushed on it stays). The byte scan
 * checked the entry has the plain shape (no escape in those strings), so each
 * is its bytes decoded: what JSON.parse of the whole text gave. 100,000
 * entries this way are 200,000 small objects (a proxy and its target, the
 * entry's place), not 800,000 and a 42 MB string.
 */
import type { EntryData, Relation } from './schema.ts';

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Per entry in `spans` (load-bytes.ts writes them): its start and end, its number's start and end, its type's, its relations' (-1 when absent). */
export const SPAN = 8;

/** How many entries were parsed in all (tests count what a load parses). */
export const lazyParses = { count: 0 };

/**
 * The numbers of the entries (at place i of spans, load-bytes.ts), all made at once: the well-formed ones
 * copied into two buffers (ASCII alone, and the others), a `"` after each so no sequence runs into the next,
 * each buffer decoded in one call and cut by slice(); a number with a four-byte or invalid sequence is
 * decoded alone. A TextDecoder call, or fromCharCode over a list, per number cost 0.3–1 µs each.
 *
 * Each loop is a function of its own (here and in LazyEntries): these run once a load, so the first loads
 * run them through on-stack replacement, and code of one function after an optimized loop had no type
 * feedback yet — each such loop was left at once for the interpreter (7 compiles of numbersOf in 4 loads).
 */
export function numbersOf(bytes: Uint8Array, spans: Int32Array, take: Uint8Array): (string | undefined)[] {
  const n = take.length;
  const numbers: (string | undefined)[] = new Array<string | undefined>(n).fill(undefined);
  const size = spanBytes(spans, take, 2);
  const ascii = new Uint8Array(size);
  const other = new Uint8Array(size);
  // Per number: where it ends in its batch's string (UTF-16 units), + 1; negative for the other batch; 0 for none.
  const ends = new Int32Array(n);
  gatherNumbers(bytes, spans, take, numbers, ascii, other, ends);
  cutNumbers(numbers, ends, decoder.decode(ascii.subarray(0, gathered[0])), decoder.decode(other.subarray(0, gathered[1])));
  return numbers;
}

/** How many bytes the spans at `at` (2: numbers, 6: relations) of the entries `take` holds take, with one more each (a separator). */
function spanBytes(spans: Int32Array, take: Uint8Array, at: number): number {
  let size = 0;
  for (let i = 0, n = take.length; i < n; i++) if (take[i] && spans[i * SPAN + at] >= 0) size += spans[i * SPAN + at + 1] - spans[i * SPAN + at] + 1;
  return size;
}

/** gatherNumbers' bytes used in `ascii` and in `other`. */
const gathered = new Int32Array(2);

function gatherNumbers(bytes: Uint8Array, spans: Int32Array, take: Uint8Array, numbers: (string | undefined)[], ascii: Uint8Array, other: Uint8Array, ends: Int32Array): void {
  let a = 0;
  let o = 0;
  let units = 0;
  for (let i = 0, n = take.length; i < n; i++) {
    const s = spans[i * SPAN + 2];
    if (!take[i] || s < 0) continue;
    const e = spans[i * SPAN + 3];
    let high = false;
    let ok = true;
    // How many fewer UTF-16 units than bytes this number is (a sequence of two or three bytes is one unit).
    let fewer = 0;
    for (let j = s; j < e; j++) {
      const c = bytes[j];
      if (c < 0x80) continue;
      high = true;
      if (c >= 0xc2 && c < 0xe0 && j + 1 < e && (bytes[j + 1] & 0xc0) === 0x80) {
        j++;
        fewer++;
      } else if (c >= 0xe0 && c < 0xf0 && j + 2 < e && (bytes[j + 1] & 0xc0) === 0x80 && (bytes[j + 2] & 0xc0) === 0x80) {
        const u = ((c & 0x0f) << 12) | ((bytes[j + 1] & 0x3f) << 6);
        // Overlong forms and surrogates are invalid: the decoder says how many U+FFFD they are.
        if (u < 0x800 || (u >= 0xd800 && u <= 0xdfff)) {
          ok = false;
          break;
        }
        j += 2;
        fewer += 2;
      } else {
        ok = false;
        break;
      }
    }
    if (!ok) {
      numbers[i] = decoder.decode(bytes.subarray(s, e));
      continue;
    }
    // Byte by byte: a number is ≈ 15 bytes, and set(subarray()) made a typed array object for each.
    if (!high) {
      for (let j = s; j < e; j++) ascii[a++] = bytes[j];
      ascii[a++] = 34;
      ends[i] = a;
    } else {
      for (let j = s; j < e; j++) other[o++] = bytes[j];
      other[o++] = 34;
      units -= fewer;
      ends[i] = -(o + units);
    }
  }
  gathered[0] = a;
  gathered[1] = o;
}

function cutNumbers(numbers: (string | undefined)[], ends: Int32Array, asciiText: string, otherText: string): void {
  let atA = 0;
  let atO = 0;
  for (let i = 0, n = ends.length; i < n; i++) {
    const end = ends[i];
    if (end > 0) {
      numbers[i] = asciiText.slice(atA, end - 1);
      atA = end;
    } else if (end < 0) {
      numbers[i] = otherText.slice(atO, -end - 1);
      atO = -end;
    }
  }
}

/** The Proxy's target: the entry's place; what it holds is in its file's arrays (one small object per entry). */
interface Spot {
  i: number;
}

const text = (bytes: Uint8Array, s: number, e: number) => decoder.decode(bytes.subarray(s, e));

/**
 * The entries of one file's bytes, each a stand-in made by entry(i) for its place `i` of `spans`
 * (load-bytes.ts), `numbers` from numbersOf, `plain` the places the scan cleared. numberAt and relationsAt
 * answer what the stand-in's `number` and `relations` give, without its trap: createRegistry reads both of
 * every entry of the file (the Registry finds an entry's place by isAt).
 */
export class LazyEntries {
  /** Per place: the parsed entry, once something asked for more than the three reads. */
  private readonly values: (Record<PropertyKey, unknown> | undefined)[];
  private readonly types: (string | undefined)[];
  /** Per place: the relations handed out (or set) before the entry was parsed, when `held` says so. */
  private readonly relations: unknown[];
  private readonly held: Uint8Array;
  /** Per place: the stand-in entry(i) made. */
  private readonly made: (EntryData | undefined)[];
  private readonly handler: ProxyHandler<Spot>;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly spans: Int32Array,
    private readonly numbers: readonly (string | undefined)[],
    private readonly plain: Uint8Array,
  ) {
    const n = numbers.length;
    const values = (this.values = new Array<Record<PropertyKey, unknown> | undefined>(n).fill(undefined));
    const types = (this.types = new Array<string | undefined>(n).fill(undefined));
    this.relations = new Array<unknown>(n).fill(undefined);
    const held = (this.held = new Uint8Array(n));
    this.made = new Array<EntryData | undefined>(n).fill(undefined);
    const value = (i: number) => this.value(i);
    this.handler = {
      get: ({ i }, k) => {
        if (values[i] === undefined) {
          if (k === 'number') return numbers[i];
          const o = i * SPAN;
          if (k === 'type') return spans[o + 4] < 0 ? undefined : (types[i] ??= text(bytes, spans[o + 4], spans[o + 5]));
          if (k === 'relations') return this.relationsAt(i);
        }
        return value(i)[k];
      },
      set: ({ i }, k, v) => {
        // A relation list set on an entry not parsed yet (the first inverse relation) waits beside it.
        if (k === 'relations' && values[i] === undefined && (held[i] || spans[i * SPAN + 6] < 0)) {
          this.relations[i] = v;
          held[i] = 1;
          return true;
        }
        value(i)[k] = v;
        return true;
      },
      has: ({ i }, k) => k in value(i),
      deleteProperty: ({ i }, k) => delete value(i)[k],
      ownKeys: ({ i }) => Reflect.ownKeys(value(i)),
      getOwnPropertyDescriptor: ({ i }, k) => Reflect.getOwnPropertyDescriptor(value(i), k),
      defineProperty: ({ i }, k, d) => Reflect.defineProperty(value(i), k, d),
    };
  }

  /** The stand-in of the entry at place `i`. */
  entry(i: number): EntryData {
    return (this.made[i] = new Proxy<Spot>({ i }, this.handler) as unknown as EntryData);
  }

  /** `e` is the stand-in of place `i`. */
  isAt(e: unknown, i: number): boolean {
    return this.made[i] === e;
  }

  /** What the entry at place `i` gives for `number`. */
  numberAt(i: number): string | undefined {
    const v = this.values[i];
    return v === undefined ? this.numbers[i] : (v.number as string | undefined);
  }

  /** What the entry at place `i` gives for `relations`: the first read parses every plain entry's list not yet read (readAllRelations). */
  relationsAt(i: number): Relation[] | undefined {
    const v = this.values[i];
    if (v !== undefined) return v.relations as Relation[] | undefined;
    if (!this.held[i] && this.spans[i * SPAN + 6] >= 0) this.readAllRelations();
    return this.relations[i] as Relation[] | undefined;
  }

  /**
   * The relation lists of the plain entries neither parsed nor read yet, in one decode and one JSON.parse
   * (`[list,list,…]`): createRegistry reads them all, and a decode and a parse per list cost ≈ 1 µs each.
   * Each list is a whole JSON array the scan checked, so the batch parses to the same lists.
   */
  private readAllRelations(): void {
    const { bytes, spans, plain, held, values } = this;
    const take = unread(plain, held, values);
    const batch = new Uint8Array(spanBytes(spans, take, 6) + 2);
    const lists = JSON.parse(decoder.decode(batch.subarray(0, gatherLists(bytes, spans, take, batch)))) as unknown[];
    holdLists(spans, take, lists, this.relations, held);
  }

  private value(i: number): Record<PropertyKey, unknown> {
    let v = this.values[i];
    if (v === undefined) {
      lazyParses.count++;
      const { bytes, spans } = this;
      v = JSON.parse(text(bytes, spans[i * SPAN], spans[i * SPAN + 1])) as Record<PropertyKey, unknown>;
      // Relations handed out before stay the entry's (an inverse may have been pushed on them).
      if (this.held[i]) v.relations = this.relations[i];
      this.values[i] = v;
    }
    return v;
  }
}

/** The plain entries whose list is still to be read: neither held nor parsed. */
function unread(plain: Uint8Array, held: Uint8Array, values: readonly unknown[]): Uint8Array {
  const take = plain.slice();
  for (let i = 0, n = take.length; i < n; i++) if (held[i] || values[i] !== undefined) take[i] = 0;
  return take;
}

/** Into `batch`, `[list,list,…]` of the relation lists of the entries `take`: its length. */
function gatherLists(bytes: Uint8Array, spans: Int32Array, take: Uint8Array, batch: Uint8Array): number {
  let b = 0;
  batch[b++] = 91;
  for (let i = 0, n = take.length; i < n; i++) {
    const s = spans[i * SPAN + 6];
    if (!take[i] || s < 0) continue;
    if (b > 1) batch[b++] = 44;
    for (let j = s, e = spans[i * SPAN + 7]; j < e; j++) batch[b++] = bytes[j];
  }
  batch[b++] = 93;
  return b;
}

/** The lists parsed from gatherLists' batch, each held for its entry. */
function holdLists(spans: Int32Array, take: Uint8Array, lists: unknown[], relations: unknown[], held: Uint8Array): void {
  let k = 0;
  for (let i = 0, n = take.length; i < n; i++) {
    if (!take[i] || spans[i * SPAN + 6] < 0) continue;
    relations[i] = lists[k++];
    held[i] = 1;
  }
}
