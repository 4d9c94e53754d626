/**
 * Lists that will hold objects (or strings), made as such. V8 makes `[]` and `new Array(n)` arrays of small
 * integers; the first object stored gives the array another map. A list made anew for every check (a parser's
 * stack, the node index's nodes) changed its map in every check, and the optimised code that read or wrote it
 * met a map it had not seen or could not store into without the change, and went back to the interpreter (then
 * was compiled again, on V8's one compile thread, while the checks ran slower). Made of objects from birth, the
 * list has one map all its life.
 */

/** Any object: what a new list holds for a moment so that V8 makes it a list of objects. */
const SEED: object = {};

/** An empty list of objects (`[]`, but born with the elements kind of objects). */
export function objectList<T>(): T[] {
  const out = [SEED] as unknown[] as T[];
  out.length = 0;
  return out;
}

/** `new Array(n)` (n holes, to be written), born with the elements kind of objects. */
export function objectSlots<T>(n: number): T[] {
  const out = new Array<unknown>(n) as T[];
  // An empty list stays as made: the seed would leave it one hole long.
  if (n === 0) return out;
  (out as unknown[])[0] = SEED;
  // Deleting the seed leaves the hole that was there; the kind stays that of objects.
  delete out[0];
  return out;
}
