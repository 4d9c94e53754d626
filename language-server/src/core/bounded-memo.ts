/**
 * Answers of pure functions remembered by a string key, for questions a document (and every check of it) asks
 * many times: a label's comparable form, an issuer's codes, two trích yếu compared, a phrase's pattern.
 * Bounded: emptied when it holds `cap` answers, so a server reading document after document keeps the recent
 * answers rather than growing or keeping only the first ones. `undefined` is an answer like any other.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();
  constructor(private readonly cap: number) {}

  /** The answer for `key`, computed by `compute(key)` the first time it is asked. */
  get(key: string, compute: (key: string) => V): V {
    let v = this.answers.get(key);
    if (v === undefined && !this.answers.has(key)) {
      // Kept and computed from a copy: a key cut from a document ("100/2015/QH13" of a citation) is a slice that
      // holds the whole text it was cut from, and so would the answer's pieces of it (real/18's 1.1 MB normalised
      // copy stayed alive through a memo key after every later check and document).
      const own = ownCopy(key);
      v = compute(own);
      if (this.answers.size >= this.cap) this.answers.clear();
      this.answers.set(own, v);
    }
    return v as V;
  }
}

/**
 * `s` as a string of its own, holding no text it may have been cut from. V8 makes a cut of 13 units or more a slice
 * of its parent; a concatenation then a cut makes it flatten the pair into a fresh string first, and the cut is taken
 * from that one (a short one is copied outright).
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** `f` remembered on its argument (a BoundedMemo of `cap` answers). */
export function memoised<V>(f: (key: string) => V, cap: number): (key: string) => V {
  const memo = new BoundedMemo<V>(cap);
  return (key) => memo.get(key, f);
}
