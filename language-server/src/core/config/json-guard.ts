/**
 * Checks every JSON file we read (`.vanbanrc.json`, registry files) needs
 * before zod sees it: keys that could reach Object.prototype once something
 * copies the object, values nested absurdly deep, and a JSON syntax error
 * said with its line and column rather than a byte position.
 */

/** JSON.parse makes these own keys; a later copy or merge could turn them into prototype writes. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface HostileKey {
  /** From the root: object keys and array indexes. */
  path: (string | number)[];
  why: 'forbidden' | 'deep';
}

interface Node {
  value: unknown;
  key: string | number;
  parent: Node | undefined;
  depth: number;
}

function pathOf(n: Node): (string | number)[] {
  const out: (string | number)[] = [];
  for (let x: Node | undefined = n; x?.parent; x = x.parent) out.push(x.key);
  return out.reverse();
}

/**
 * The forbidden keys (and the values nested deeper than `maxDepth`) of a
 * parsed JSON value, in document order, at most `limit` of them. A loop with
 * parent links, not recursion nor path copies: 32,000 levels of "[[[…" fit in
 * 64 KiB and would overflow the stack or cost a quadratic number of copies.
 */
export function findHostileKeys(root: unknown, options: { maxDepth?: number; limit?: number } = {}): HostileKey[] {
  const maxDepth = options.maxDepth ?? Infinity;
  const limit = options.limit ?? Infinity;
  const out: HostileKey[] = [];
  const stack: Node[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop()!;
    const v = n.value;
    if (!v || typeof v !== 'object') continue;
    if (n.depth > maxDepth) {
      out.push({ path: pathOf(n), why: 'deep' });
      continue;
    }
    const keys = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    const children: Node[] = [];
    for (const key of keys) {
      const child: Node = { value: (v as Record<string | number, unknown>)[key], key, parent: n, depth: n.depth + 1 };
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) out.push({ path: pathOf(child), why: 'forbidden' });
      else children.push(child);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out.slice(0, limit);
}

/** The 1-based line and column of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** JSON.parse's complaint, with the line and column where V8 gives a position (a 5 MB file's "position 4812345" says little). */
export function jsonErrorText(text: string, error: unknown): { vi: string; en: string } {
  // V8 quotes a piece of the text: control characters (a binary file's NULs, line breaks) are shown escaped.
  const why = (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u001f\u007f]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const pos = /position (\d+)/u.exec(why);
  if (!pos) return { vi: why, en: why };
  const { line, column } = lineColumn(text, Number(pos[1]));
  return { vi: `${why}; dòng ${line}, cột ${column}`, en: `${why}; line ${line}, column ${column}` };
}
