// Rewrites a bundle so that it is pure ASCII: every non-ASCII UTF-16 unit becomes a \uXXXX escape
// (esbuild escapes string literals itself but leaves regular-expression literals and comments as written,
// and the core's regexes are full of Vietnamese letters). Why: V8 keeps a script's whole source in memory
// for as long as the script lives, and one non-Latin-1 character makes it a two-byte string — the server's
// 2.5 MB bundle held 4.8 MB of heap; pure ASCII also takes Node's fast path when decoding the file at start.
// The source map's generated columns are shifted to match, so stack traces still map back.
// Inside a String.raw template an escape stays six characters of text: that is the same thing only where the
// text is a regular-expression source — which is what every String.raw of the core is (syntax/header.ts).
import { readFileSync, writeFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** One base64 VLQ from `s` at `at`: [value, index after it]. */
function readVlq(s, at) {
  let shift = 0;
  let value = 0;
  for (;;) {
    const digit = B64_VALUE.get(s[at++]);
    if (digit === undefined) throw new Error(`ascii-bundle: bad source map VLQ at ${at - 1}`);
    value += (digit & 31) << shift;
    shift += 5;
    if ((digit & 32) === 0) break;
  }
  return [value & 1 ? -(value >>> 1) : value >>> 1, at];
}

function writeVlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += B64[digit];
  } while (v > 0);
  return out;
}

/** The line with its non-ASCII units escaped, and for each original column the column it moved to. */
function escapeLine(line) {
  let out = '';
  const moved = new Int32Array(line.length + 1);
  for (let i = 0; i < line.length; i++) {
    moved[i] = out.length;
    const unit = line.charCodeAt(i);
    if (unit < 0x80) {
      out += line[i];
      continue;
    }
    // An identity escape (a backslash before the letter) would turn into a literal "\\u…": refuse rather than change meaning.
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 1) throw new Error(`ascii-bundle: escaped non-ASCII character in ${JSON.stringify(line.slice(Math.max(0, i - 40), i + 10))}`);
    out += '\\u' + unit.toString(16).padStart(4, '0');
  }
  moved[line.length] = out.length;
  return { out, moved };
}

/** Shifts the generated columns of one line's mappings (segments separated by ','). */
function shiftMappings(segments, moved) {
  let column = 0;
  let shiftedColumn = 0;
  return segments
    .split(',')
    .map((segment) => {
      if (segment === '') return segment;
      const [delta, rest] = readVlq(segment, 0);
      column += delta;
      const to = moved[Math.min(column, moved.length - 1)];
      const out = writeVlq(to - shiftedColumn) + segment.slice(rest);
      shiftedColumn = to;
      return out;
    })
    .join(',');
}

/** Makes `file` (and its `.map`, when there is one) pure ASCII; returns how many lines changed. */
export function asciiBundle(file) {
  const code = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/u.test(code)) return 0;
  const lines = code.split('\n');
  let map;
  try {
    map = JSON.parse(readFileSync(file + '.map', 'utf8'));
  } catch {
    map = undefined;
  }
  const mappingLines = map ? map.mappings.split(';') : [];
  let changed = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!/[^\x00-\x7f]/u.test(lines[i])) continue;
    const { out, moved } = escapeLine(lines[i]);
    lines[i] = out;
    if (i < mappingLines.length) mappingLines[i] = shiftMappings(mappingLines[i], moved);
    changed++;
  }
  writeFileSync(file, lines.join('\n'));
  if (map) writeFileSync(file + '.map', JSON.stringify({ ...map, mappings: mappingLines.join(';') }));
  return changed;
}
