/**
 * A per-object memo kept on the object itself (a non-enumerable symbol property), for answers that hold the
 * object they are about: a tree's node index lists the root, a scope index and the rules' node lists hold
 * their root. In a WeakMap such an entry keeps itself alive through every young-generation collection: V8's
 * scavenger treats a WeakMap's values as strong (only the full collector follows ephemerons), so a value
 * that reaches its key keeps the key too, and every scavenge copied the trees of checks already finished and
 * promoted them (≈ 6 MB a scavenge on a 1 MB law; scavenges 10.4 → 4.0 ms when the node index moved here).
 * On the object the answer dies with it. Non-enumerable: not copied by a spread or `Object.assign` (a copy
 * is another object and gets its own answer), not in JSON, `Object.keys` or `toEqual`. An object that cannot
 * take a property (frozen, sealed) falls back to a WeakMap.
 */
export class AttachedMemo<K extends object, V> {
  private readonly key: symbol;
  private readonly fallback = new WeakMap<K, V>();

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(o: K): V | undefined {
    const v = (o as Record<symbol, V | undefined>)[this.key];
    return v !== undefined || Object.isExtensible(o) ? v : this.fallback.get(o);
  }

  set(o: K, v: V): void {
    if (Object.isExtensible(o)) Object.defineProperty(o, this.key, { value: v, writable: true, configurable: true });
    else this.fallback.set(o, v);
  }

  has(o: K): boolean {
    return this.get(o) !== undefined;
  }
}
