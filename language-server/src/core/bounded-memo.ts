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
      v = compute(key);
      if (this.answers.size >= this.cap) this.answers.clear();
      this.answers.set(key, v);
    }
    return v as V;
  }
}

/** `f` remembered on its argument (a BoundedMemo of `cap` answers). */
export function memoised<V>(f: (key: string) => V, cap: number): (key: string) => V {
  const memo = new BoundedMemo<V>(cap);
  return (key) => memo.get(key, f);
}
