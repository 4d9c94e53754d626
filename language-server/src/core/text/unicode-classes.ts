/**
 * Unicode general categories as explicit character-class bodies, for patterns built with `new RegExp` on a path
 * a first check runs (the server's cold start, the extension's first analysis).
 *
 * Why not `\p{L}`: V8 parses a pattern twice (when it is made and at its first exec) and for each `\p{…}` it asks
 * ICU to enumerate the property's code points; a class holding two of them ([\p{L}\p{N}]) is then merged by
 * insertion, range by range. The same class as one sorted list of ranges is read as plain characters and is
 * already canonical: making and first running a few hundred such patterns takes about half the instructions
 * (docs/notes/issue-9-s15-ucold.md). The ranges come from unicode-ranges.generated.ts (scripts/unicode-classes.mjs);
 * test/unit/unicode-classes.test.ts compares each class used here with the runtime's `\p{…}` on every code point.
 *
 * Usage: `new RegExp(`(?<![${classOf('L', 'N')}])…`, 'u')` — the body goes between [ and ] (with or without ^,
 * beside other members); the pattern needs the u flag (code points beyond U+FFFF are written as themselves).
 */
import * as ranges from './unicode-ranges.generated.ts';

export type Category = 'L' | 'N' | 'M' | 'Lu' | 'Ll';

const ORDER: readonly Category[] = ['L', 'M', 'N', 'Lu', 'Ll'];
const generated: Readonly<Record<string, string>> = ranges;
const made = new Map<string, string>();

/** The name of a union (its categories once each, in ORDER, joined by _): L_N, L_M_N… as generated. */
const unionName = (names: Category[]) => [...new Set(names)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)).join('_');

/**
 * The body of a character class matching any code point of the given categories: sorted, merged ranges. The
 * unions the core uses are generated merged (L_N, L_M_N, …: unicode-ranges.generated.ts); another union is
 * merged here once (a loop over every range: it would run cold, and test/unit/explicit-classes.test.ts checks
 * that no pattern of the core needs it).
 */
export function classOf(...names: Category[]): string {
  const key = unionName(names);
  const body = generated[key] ?? made.get(key);
  if (body !== undefined) return body;
  const merged = writeRanges(mergeRanges(names.flatMap((n) => readRanges(generated[n]))));
  made.set(key, merged);
  return merged;
}

/** Whether the union of these categories is generated merged (no merge at run time). */
export function isGenerated(...names: Category[]): boolean {
  return generated[unionName(names)] !== undefined;
}

/** [from, to] pairs of a class body made here (code points, "a-b" or "a"). */
export function readRanges(body: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < body.length; ) {
    const from = body.codePointAt(i)!;
    i += from > 0xffff ? 2 : 1;
    let to = from;
    if (body[i] === '-') {
      to = body.codePointAt(i + 1)!;
      i += to > 0xffff ? 3 : 2;
    }
    out.push([from, to]);
  }
  return out;
}

function mergeRanges(list: [number, number][]): [number, number][] {
  list.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of list) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function writeRanges(list: [number, number][]): string {
  let s = '';
  for (const [from, to] of list) s += from === to ? String.fromCodePoint(from) : `${String.fromCodePoint(from)}-${String.fromCodePoint(to)}`;
  return s;
}
