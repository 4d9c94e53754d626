/**
 * The registry's key → entries index, read through a small integer (a hash
 * of the key) instead of the key string itself.
 *
 * Why not a Map<string, …>: loading a 100,000-entry file put 100,000 fresh
 * key strings into one, and each insert walked its bucket's chain reading the
 * other keys' strings to compare them — cache misses all over a heap of tens
 * of megabytes, ≈ 0.3 µs an insert and most of the indexing time. A Map on
 * integers compares integers. A slot holds the entries of one key; a key
 * whose hash slot another key already holds (rare: ~5 in 100,000 keys) goes
 * to a Map on the string, so colliding keys, even made on purpose, cost what
 * the Map costs and never a scan.
 */
export class KeyIndex<V extends { key: string }> {
  /** Hash → the entry, or entries, of the one key that owns the slot. */
  private readonly slots = new Map<number, V | V[]>();
  /** Keys whose slot belongs to another key. */
  private readonly others = new Map<string, V | V[]>();

  /** The entry, or entries in the order added, under `key` (whose keyHash is `hash`); an array returned is the index's own. */
  get(key: string, hash = keyHash(key)): V | V[] | undefined {
    const v = this.slots.get(hash);
    if (v === undefined) return undefined;
    return (Array.isArray(v) ? v[0] : v).key === key ? v : this.others.get(key);
  }

  /** `value` (whose key is `key`) after the entries already under `key`. */
  add(key: string, value: V, h = keyHash(key)): void {
    const v = this.slots.get(h);
    if (v === undefined) this.slots.set(h, value);
    else if ((Array.isArray(v) ? v[0] : v).key !== key) append(this.others, key, value);
    else if (Array.isArray(v)) v.push(value);
    else this.slots.set(h, [v, value]);
  }

  /** `value` takes the place of `old` (same key) where it stands. */
  replace(old: V, value: V): void {
    const h = keyHash(old.key);
    const s = this.slots.get(h);
    const owner = s !== undefined && (Array.isArray(s) ? s[0] : s).key === old.key;
    const v = owner ? s : this.others.get(old.key);
    if (v === old) {
      if (owner) this.slots.set(h, value);
      else this.others.set(old.key, value);
    } else if (Array.isArray(v)) v[v.indexOf(old)] = value;
  }
}

function append<V>(m: Map<string, V | V[]>, key: string, value: V): void {
  const v = m.get(key);
  if (v === undefined) m.set(key, value);
  else if (Array.isArray(v)) v.push(value);
  else m.set(key, [v, value]);
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
