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
import type { EntryData } from './schema.ts';

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
 */
export function numbersOf(bytes: Uint8Array, spans: Int32Array, take: Uint8Array): (string | undefined)[] {
  const n = take.length;
  const numbers: (string | undefined)[] = new Array<string | undefined>(n).fill(undefined);
  let size = 0;
  for (let i = 0; i < n; i++) if (take[i] && spans[i * SPAN + 2] >= 0) size += spans[i * SPAN + 3] - spans[i * SPAN + 2] + 1;
  const ascii = new Uint8Array(size);
  const other = new Uint8Array(size);
  // Per number: where it ends in its batch's string (UTF-16 units), + 1; negative for the other batch; 0 for none.
  const ends = new Int32Array(n);
  let a = 0;
  let o = 0;
  let units = 0;
  for (let i = 0; i < n; i++) {
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
    if (!high) {
      ascii.set(bytes.subarray(s, e), a);
      a += e - s;
      ascii[a++] = 34;
      ends[i] = a;
    } else {
      other.set(bytes.subarray(s, e), o);
      o += e - s;
      other[o++] = 34;
      units -= fewer;
      ends[i] = -(o + units);
    }
  }
  const asciiText = decoder.decode(ascii.subarray(0, a));
  const otherText = decoder.decode(other.subarray(0, o));
  let atA = 0;
  let atO = 0;
  for (let i = 0; i < n; i++) {
    const end = ends[i];
    if (end > 0) {
      numbers[i] = asciiText.slice(atA, end - 1);
      atA = end;
    } else if (end < 0) {
      numbers[i] = otherText.slice(atO, -end - 1);
      atO = -end;
    }
  }
  return numbers;
}

/** The Proxy's target: the entry's place; what it holds is in its file's arrays (one small object per entry). */
interface Spot {
  i: number;
}

const text = (bytes: Uint8Array, s: number, e: number) => decoder.decode(bytes.subarray(s, e));

/** The entry at place `i` of `spans` (load-bytes.ts), for each `i`, over one file's bytes; `numbers` from numbersOf. */
export function lazyEntries(bytes: Uint8Array, spans: Int32Array, numbers: readonly (string | undefined)[]): (i: number) => EntryData {
  /** Per entry: the parsed entry, once something asked for more than the three reads. */
  const n = numbers.length;
  const values = new Array<Record<PropertyKey, unknown> | undefined>(n).fill(undefined);
  const types = new Array<string | undefined>(n).fill(undefined);
  /** Per entry: the relations handed out (or set) before it was parsed, when `held` says so. */
  const relations = new Array<unknown>(n).fill(undefined);
  const held = new Uint8Array(n);
  const value = (i: number): Record<PropertyKey, unknown> => {
    let v = values[i];
    if (v === undefined) {
      lazyParses.count++;
      v = JSON.parse(text(bytes, spans[i * SPAN], spans[i * SPAN + 1])) as Record<PropertyKey, unknown>;
      // Relations handed out before stay the entry's (an inverse may have been pushed on them).
      if (held[i]) v.relations = relations[i];
      values[i] = v;
    }
    return v;
  };
  const handler: ProxyHandler<Spot> = {
    get({ i }, k) {
      if (values[i] === undefined) {
        if (k === 'number') return numbers[i];
        const o = i * SPAN;
        if (k === 'type') return spans[o + 4] < 0 ? undefined : (types[i] ??= text(bytes, spans[o + 4], spans[o + 5]));
        if (k === 'relations') {
          if (!held[i] && spans[o + 6] >= 0) {
            relations[i] = JSON.parse(text(bytes, spans[o + 6], spans[o + 7]));
            held[i] = 1;
          }
          return relations[i];
        }
      }
      return value(i)[k];
    },
    set({ i }, k, v) {
      // A relation list set on an entry not parsed yet (the first inverse relation) waits beside it.
      if (k === 'relations' && values[i] === undefined && (held[i] || spans[i * SPAN + 6] < 0)) {
        relations[i] = v;
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
  return (i) => new Proxy<Spot>({ i }, handler) as unknown as EntryData;
}
