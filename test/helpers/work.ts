/**
 * Counting the work the analysis does, deterministically (no clocks): while a
 * function runs, every regular-expression execution and every
 * indexOf/lastIndexOf/includes call is counted with the number of characters
 * it may have looked at (from where it started to its match, or to the end of
 * the input when it fails — one place for a sticky or ^-anchored pattern), and
 * every child a tree walk looks at. The
 * complexity tests compare these counts across input sizes: work that grows
 * faster than the text is a quadratic scan waiting for a long document.
 */
import type { Node } from '../../language-server/src/core/syntax/tree.ts';

export interface Work {
  regexCalls: number;
  /** Characters from where each execution started to where it matched (or to the end of the input). */
  regexChars: number;
  searchCalls: number;
  searchChars: number;
  /** Children looked at (each element read of a node's `children`), below the nodes given to `countWork`. */
  childVisits: number;
}

const empty = (): Work => ({ regexCalls: 0, regexChars: 0, searchCalls: 0, searchChars: 0, childVisits: 0 });
let current: Work | undefined;

/** Runs `fn` with the counters on; returns its result and the work done. Not reentrant. */
export function countWork<T>(fn: () => T, visited: Node[] = []): { result: T; work: Work } {
  const work = empty();
  const exec = RegExp.prototype.exec;
  const indexOf = String.prototype.indexOf;
  const lastIndexOf = String.prototype.lastIndexOf;
  const includes = String.prototype.includes;
  const unwatch = visited.map((n) => watchChildren(n));
  current = work;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, s);
    if (current) {
      current.regexCalls++;
      // A sticky or ^-anchored pattern tries one position; any other scans on to its match or the end.
      const onePlace = this.sticky || (this.source.startsWith('^') && !this.multiline);
      current.regexChars += m ? m.index + m[0].length - from : onePlace ? 1 : Math.max(0, String(s).length - from);
    }
    return m;
  };
  const searched = (self: string, from: number, to: number) => {
    if (!current) return;
    current.searchCalls++;
    current.searchChars += Math.max(0, to - from);
  };
  String.prototype.indexOf = function (this: string, s: string, pos?: number) {
    const r = indexOf.call(this, s, pos);
    searched(this, Math.max(0, pos ?? 0), r >= 0 ? r + String(s).length : this.length);
    return r;
  };
  String.prototype.lastIndexOf = function (this: string, s: string, pos?: number) {
    const r = lastIndexOf.call(this, s, pos);
    searched(this, r >= 0 ? r : 0, Math.min(this.length, pos ?? this.length));
    return r;
  };
  String.prototype.includes = function (this: string, s: string, pos?: number) {
    const r = indexOf.call(this, s, pos);
    searched(this, Math.max(0, pos ?? 0), r >= 0 ? r + String(s).length : this.length);
    return r >= 0;
  };
  try {
    return { result: fn(), work };
  } finally {
    current = undefined;
    RegExp.prototype.exec = exec;
    String.prototype.indexOf = indexOf;
    String.prototype.lastIndexOf = lastIndexOf;
    String.prototype.includes = includes;
    for (const u of unwatch) u();
  }
}

/** Counts reads of `children` on `root` and every node below it; returns the undo. */
function watchChildren(root: Node): () => void {
  const nodes: Node[] = [];
  const collect = (n: Node) => {
    nodes.push(n);
    n.children.forEach(collect);
  };
  collect(root);
  const originals = nodes.map((n) => n.children);
  nodes.forEach((n, i) => {
    // Every child looked at through the array (indexing, for-of, some, filter…) counts.
    const counted = new Proxy(originals[i], {
      get(target, key, receiver) {
        if (current && typeof key === 'string' && key.length > 0 && key.charCodeAt(0) >= 0x30 && key.charCodeAt(0) <= 0x39) current.childVisits++;
        return Reflect.get(target, key, receiver);
      },
    });
    Object.defineProperty(n, 'children', { configurable: true, enumerable: true, writable: true, value: counted });
  });
  return () => nodes.forEach((n, i) => Object.defineProperty(n, 'children', { configurable: true, enumerable: true, writable: true, value: originals[i] }));
}
