#!/usr/bin/env node
/**
 * Do two builds of the CLI say exactly the same thing? Runs `check --format json`
 * of each over the shared corpus (real, seeds, bulk-tvpl) and compares the bytes.
 * A speed change must leave the output identical.
 *   node scripts/perf/same-output.mjs A/dist/cli.js B/dist/cli.js [PATH...]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const [a, b, ...rest] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: same-output.mjs A/dist/cli.js B/dist/cli.js [PATH...]');
  process.exit(2);
}
const corpus = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../shared/corpus');
const paths = rest.length > 0 ? rest : ['real', 'seeds', 'bulk-tvpl'].map((d) => path.join(corpus, d)).filter(existsSync);
if (paths.length === 0) {
  console.error('no ../shared/corpus and no PATH given');
  process.exit(2);
}
const run = (cli) => {
  try {
    return execFileSync('node', [cli, 'check', '--format', 'json', ...paths], { maxBuffer: 1 << 30 });
  } catch (e) {
    // exit 1 = errors found: the output is still the answer
    if (e.status === 1 && e.stdout) return e.stdout;
    throw e;
  }
};
const outA = run(a);
const outB = run(b);
if (outA.equals(outB)) {
  console.log(`identical (${outA.length} bytes of JSON)`);
} else {
  let i = 0;
  while (i < outA.length && outA[i] === outB[i]) i++;
  console.log(`DIFFERENT at byte ${i} (${outA.length} vs ${outB.length} bytes)`);
  console.log('A:', outA.subarray(Math.max(0, i - 200), i + 200).toString());
  console.log('B:', outB.subarray(Math.max(0, i - 200), i + 200).toString());
  process.exit(1);
}
