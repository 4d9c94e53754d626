#!/usr/bin/env node
/**
 * What V8's optimising compiler does during the first checks of a fresh
 * process: which functions of the core are compiled (and how often, and for
 * how long on the background thread) and which are deoptimised, with the round
 * it happened in. Compiles that repeat are deopt → re-opt cycles; they hold the
 * single compile thread while the checks run unoptimised code.
 * Each deopt is printed with its source position (and those it was inlined at), mapped through
 * dist/core.js.map to the TypeScript line. V8's reasons: "wrong map" (an object or array of a shape the code had
 * not seen: a `[]` born of small integers, another node shape), "not a Smi" (a double such as NaN), "out of
 * bounds" (a read past an array's or string's end), "Insufficient type feedback" (code that had never run when
 * it was compiled: after a loop replaced on the stack, or a callee inlined before it had feedback), "code
 * dependencies" (a map, field or allocation site's pretenuring decision the code relied on changed). Names are
 * not unique (the rules' functions are all `check`): a repeated compile may be several functions.
 * --bench: each round is the bench's (test/bench/throughput.ts: the floor, a parse, the check, markdownlint), not a
 * check alone. It matters: markdownlint fills the young generation in round 0, so the pretenuring deopts that a
 * check-only process meets in round 5 happen in rounds 0–2 there, and its compiles share the compile thread.
 * Deopts are then listed for the core's functions only.
 *   node scripts/perf/jit.mjs [dist/core.js] [ROUNDS=20] [TEXT_FILE] [--bench]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const [, , , corePath, rounds, textFile, bench] = process.argv;
  const core = await import(pathToFileURL(corePath).href);
  const text = readFileSync(textFile, 'utf8');
  const LINE_TEST = /^(Điều|Chương|Mục|Phần)\s+\S+|^[0-9]+\.\s|^[a-zđ]\)\s/u;
  const lint = bench === '--bench' ? (await import('markdownlint/sync')).lint : undefined;
  for (let i = 0; i < Number(rounds); i++) {
    console.log(`@@ROUND ${i}`);
    if (lint) for (const line of text.split(/\r\n|\r|\n/)) LINE_TEST.test(line);
    if (lint) core.parseDocument(text);
    core.checkDocument(text);
    if (lint) lint({ strings: { doc: text } });
  }
  process.exit(0);
}
const bench = process.argv.includes('--bench');
const [coreArg = 'dist/core.js', roundsArg = '20', fileArg] = process.argv.slice(2).filter((a) => a !== '--bench');
const real = path.resolve(path.dirname(self), '../../../shared/corpus/real');
const textFile = fileArg || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const corePath = path.resolve(coreArg);
const coreSrc = readFileSync(corePath, 'utf8');
const log = execFileSync(process.execPath, ['--trace-opt', '--trace-deopt-verbose', self, '--child', corePath, roundsArg, textFile, bench ? '--bench' : ''], { encoding: 'utf8', maxBuffer: 1 << 28 });
let round = -1;
const compiles = new Map(); // name → { n, ms, rounds[] }
const deopts = [];
const nameOf = (line) => /<JSFunction ([^ >]*)/.exec(line)?.[1] || /SharedFunctionInfo ([^ >)]*)/.exec(line)?.[1] || '?';
const map = new SourceMap(JSON.parse(readFileSync(corePath + '.map', 'utf8')));
const sources = new Map();
const sourceLine = (file, line) => {
  const abs = path.resolve(path.dirname(corePath), file);
  if (!sources.has(abs)) {
    try {
      sources.set(abs, readFileSync(abs, 'utf8').split('\n'));
    } catch {
      sources.set(abs, []);
    }
  }
  return (sources.get(abs)[line] ?? '').trim().slice(0, 100);
};
/** A position in dist/core.js as the TypeScript file, line and text. */
const where = (l, c) => {
  const e = map.findEntry(l - 1, c - 1);
  if (!e || !e.originalSource) return `core.js:${l}:${c}`;
  return `${e.originalSource.replace(/.*language-server\/src\/core\//, '')}:${e.originalLine + 1}  ${sourceLine(e.originalSource, e.originalLine)}`;
};
// Only functions the core defines (markdownlint and node internals are not ours).
const ours = (name) => name !== '?' && (coreSrc.includes(`function ${name}(`) || coreSrc.includes(` ${name}(`));
for (const line of log.split('\n')) {
  const r = /^@@ROUND (\d+)/.exec(line);
  if (r) { round = Number(r[1]); continue; }
  if (line.includes('completed compiling')) {
    const name = nameOf(line) + (line.includes('OSR') ? ' (OSR)' : '');
    const took = /took [\d.]+, ([\d.]+), [\d.]+/.exec(line);
    const c = compiles.get(name) ?? { n: 0, ms: 0, rounds: [] };
    c.n++; c.ms += took ? Number(took[1]) : 0; c.rounds.push(round);
    compiles.set(name, c);
  } else if (line.includes('bailout (kind') || line.includes('for deoptimization, reason')) {
    const reason = /reason: ([^)\]]*)/.exec(line)?.[1] ?? '?';
    deopts.push({ round, name: nameOf(line), reason, at: [] });
  } else if (line.includes(';;; deoptimize at') && deopts.length > 0) {
    deopts[deopts.length - 1].at = [...line.matchAll(/core\.js:(\d+):(\d+)/g)].map((m) => where(Number(m[1]), Number(m[2])));
  }
}
const total = [...compiles.values()].reduce((s, c) => s + c.ms, 0);
console.log(`${path.basename(textFile)}: ${compiles.size} functions compiled, ${total.toFixed(0)} ms on the compile thread in ${roundsArg} rounds`);
console.log('\ncompile ms  times  rounds   function (repeated compiles first)');
const rows = [...compiles].filter(([n]) => ours(n.replace(' (OSR)', ''))).sort((a, b) => (b[1].n > 1) - (a[1].n > 1) || b[1].ms - a[1].ms);
for (const [n, c] of rows.slice(0, 40)) console.log(`${c.ms.toFixed(1).padStart(9)} ${String(c.n).padStart(6)}  ${c.rounds.join(',').padEnd(9)} ${n}`);
console.log(`\ndeopts (${deopts.length}): round function — reason`);
for (const d of bench ? deopts.filter((d) => ours(d.name)) : deopts) console.log(`  ${d.round} ${d.name} — ${d.reason}${d.at.map((a, i) => `\n      ${i ? 'inlined at' : 'at'} ${a}`).join('')}`);
