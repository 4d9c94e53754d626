/** Marks a used slot: hashes are 30-bit, so a used slot is never 0. */
const USED = 0x40000000;

/**
 * The registry's key → entries index, read through a small integer (a hash
 * of the key) instead of the key string itself.
 *
 * Why not a Map<string, …>: loading a 100,000-entry file put 100,000 fresh
 * key strings into one, and each insert walked its bucket's chain reading the
 * other keys' strings to compare them — cache misses all over a heap of tens
 * of megabytes. Why not a Map<number, …> either (session 12): each insert
 * probed its bucket array and then its entry table, twice (get, then add),
 * and the Map grew by doubling: 7 MB of fresh tables (≈ 1,900 page faults)
 * for 100,000 keys. Here a slot is a pair of integers in one typed array
 * sized once for the entries the registry is told to expect (the hash, then
 * the number of the key's record): an insert reads one cache line.
 *
 * A record is a key, its value (an entry, or the entries of that key in the
 * order added) and a tag per entry (the registry's layer number): keys and
 * tags live here, beside the entries, so the registry writes nothing on the
 * 100,000 objects JSON.parse made. A key whose hash another key already holds
 * (rare: ~5 in 100,000 keys) finds its record through a Map on the string, so
 * colliding keys, even made on purpose, cost what the Map costs and never a
 * scan.
 */
export class KeyIndex<V> {
  /** Per slot: [hash | USED, 1 + its key's record]; linear probing, at most half full. */
  private table: Int32Array;
  /** log2 of the slot count. */
  private bits: number;
  private used = 0;
  /**
   * The records, by number: key, value, and the tag of a lone entry (a key's
   * several entries have theirs in `manyTags`, a rare case). Made at the
   * expected size: grown push by push, three arrays of 100,000 cost 7 MB of
   * fresh memory in copies.
   */
  private keys: string[];
  private values: (V | V[])[];
  private tags: Int32Array;
  private records = 0;
  private readonly manyTags = new Map<number, number[]>();
  /** Keys whose hash belongs to another key → their record. */
  private readonly others = new Map<string, number>();

  /** `expected`: how many keys to make room for at once (the index grows past it, by doubling). */
  constructor(expected = 0) {
    this.bits = 4;
    while (1 << this.bits < 2 * expected) this.bits++;
    this.table = new Int32Array(2 << this.bits);
    this.keys = new Array<string>(expected);
    this.values = new Array<V | V[]>(expected);
    this.tags = new Int32Array(expected);
  }

  /** The record of `key` (whose keyHash is `hash`), or -1. */
  find(key: string, hash = keyHash(key)): number {
    const at = this.slot(hash);
    if (at < 0) return -1;
    const r = this.table[at + 1] - 1;
    return this.keys[r] === key ? r : (this.others.get(key) ?? -1);
  }

  /** The entry, or entries in the order added, under `key`; an array returned is the index's own. */
  get(key: string, hash = keyHash(key)): V | V[] | undefined {
    const r = this.find(key, hash);
    return r < 0 ? undefined : this.values[r];
  }

  /** Record `r`'s entry, or entries in the order added (the index's own array). */
  valueOf(r: number): V | V[] {
    return this.values[r];
  }

  /** Record `r`'s tag of `value`, one of its entries. */
  tagOf(r: number, value: V): number {
    const v = this.values[r];
    return Array.isArray(v) ? this.manyTags.get(r)![v.indexOf(value)] : this.tags[r];
  }

  /** `value`, tagged `tag`, after the entries already under `key`. */
  add(key: string, value: V, tag: number, h = keyHash(key)): void {
    const at = this.slot(h);
    if (at < 0) {
      this.table[~at] = h | USED;
      this.table[~at + 1] = this.record(key, value, tag) + 1;
      if (++this.used * 2 > 1 << this.bits) this.grow();
      return;
    }
    let r = this.table[at + 1] - 1;
    if (this.keys[r] !== key) {
      const other = this.others.get(key);
      if (other === undefined) {
        this.others.set(key, this.record(key, value, tag));
        return;
      }
      r = other;
    }
    const v = this.values[r];
    if (Array.isArray(v)) {
      v.push(value);
      this.manyTags.get(r)!.push(tag);
    } else {
      this.values[r] = [v, value];
      this.manyTags.set(r, [this.tags[r], tag]);
    }
  }

  /** `value`, tagged `tag`, takes the place of `old`, one of record `r`'s entries. */
  replace(r: number, old: V, value: V, tag: number): void {
    const v = this.values[r];
    if (Array.isArray(v)) {
      const i = v.indexOf(old);
      v[i] = value;
      this.manyTags.get(r)![i] = tag;
    } else {
      this.values[r] = value;
      this.tags[r] = tag;
    }
  }

  private record(key: string, value: V, tag: number): number {
    const r = this.records++;
    if (r === this.tags.length) {
      const tags = new Int32Array(2 * r + 16);
      tags.set(this.tags);
      this.tags = tags;
    }
    // Past the expected size, plain pushes (the arrays are holey from their start: a hole is never read).
    if (r < this.keys.length) {
      this.keys[r] = key;
      this.values[r] = value;
    } else {
      this.keys.push(key);
      this.values.push(value);
    }
    this.tags[r] = tag;
    return r;
  }

  /** The table position of hash `h`'s slot, or ~(the free position where it would go). */
  private slot(h: number): number {
    const mask = (1 << this.bits) - 1;
    const want = h | USED;
    // Fibonacci hashing: the top bits of the product, since FNV-1a's low bits mix only the chars' low bits.
    // The step to the next slot is taken before the first probe too (from the slot before it): the
    // optimized code then has that step's feedback, and the first collision of a load does not send the
    // load's loop, where this is inlined, back to the interpreter (a deopt seen in every fresh load).
    let s = ((Math.imul(h, 0x9e3779b1) >>> (32 - this.bits)) - 1) & mask;
    for (;;) {
      s = (s + 1) & mask;
      const at = 2 * s;
      const t = this.table[at];
      if (t === want) return at;
      if (t === 0) return ~at;
    }
  }

  /** Twice the slots, every hash placed again from the table itself (no key is read). */
  private grow(): void {
    const old = this.table;
    this.bits++;
    this.table = new Int32Array(2 << this.bits);
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      const at = ~this.slot(old[j] & ~USED);
      this.table[at] = old[j];
      this.table[at + 1] = old[j + 1];
    }
  }
}

/** FNV-1a over the UTF-16 units, cut to 30 bits so that V8 keeps it a small integer (no heap number per key). */
export function keyHash(key: string): number {
  let h = KEY_HASH_BASIS;
  for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
  return keyHashOf(h);
}

/** The steps of keyHash, for a scan that reads a key's units anyway (registry.ts numberShape). */
export const KEY_HASH_BASIS = 0x811c9dc5;

export function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

export function keyHashOf(h: number): number {
  return h & 0x3fffffff;
}
