// Prints the letters of rules/text.ts ANCHOR_ORDER (phrase counts of text/repeated-word), costliest
// search first, from the corpus (../shared/corpus: real/, seeds/, bulk-tvpl/). Run after a build:
//   node scripts/anchor-order.mjs
// A letter's cost, per million units of text: its places in either case × PLACE (the JS tried at each)
// + for each case form, the units V8's native search stops at × STOP. V8 looks for a one-unit needle
// with memchr on the needle's higher byte (string-search.h FindFirstCharacter), so it also stops at
// every unit holding that byte: "Ằ" (U+1EB0) at every "ư" (U+01B0), "ũ" (U+0169) at every "i".
// PLACE and STOP in ns, measured on real/18 (a stop ≈ 13 ns, a place ≈ 10–30 ns); the order measured
// best with PLACE 5–15 (the phrase counts of the 140 corpus files with any: −20 % against letter frequency).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { normalizeText } = await import(join(root, 'dist/core.js'));
const corpus = join(root, '../shared/corpus');
const PLACE = 10;
const STOP = 13;
// The letters with two case forms (text/letters.ts TWO_CASE).
const LETTERS = 'abcdefghijlmnopqrtuvwxyzàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';

const freq = new Float64Array(65536);
let total = 0;
for (const d of ['real', 'seeds', 'bulk-tvpl']) {
  for (const f of readdirSync(join(corpus, d))) {
    if (!/\.(txt|md|vanban)$/.test(f)) continue;
    const t = normalizeText(readFileSync(join(corpus, d, f), 'utf8')).text;
    for (let i = 0; i < t.length; i++) freq[t.charCodeAt(i)]++;
    total += t.length;
  }
}
// Units per byte value, either byte of the unit.
const byByte = new Float64Array(256);
for (let u = 0; u < 65536; u++) {
  if (!freq[u]) continue;
  byByte[u & 0xff] += freq[u];
  if (u >> 8 !== (u & 0xff)) byByte[u >> 8] += freq[u];
}
const stops = (c) => byByte[Math.max(c & 0xff, c >> 8)];
const cost = (l) => {
  const lo = l.charCodeAt(0);
  const up = l.toUpperCase().charCodeAt(0);
  return ((freq[lo] + freq[up]) * PLACE + (stops(lo) + (up === lo ? 0 : stops(up))) * STOP) / total;
};
console.log([...LETTERS].sort((a, b) => cost(b) - cost(a)).join(''));
