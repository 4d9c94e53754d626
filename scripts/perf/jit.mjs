#!/usr/bin/env node
/**
 * What V8's optimising compiler does during the first checks of a fresh
 * process: which functions of the core are compiled (and how often, and for
 * how long on the background thread) and which are deoptimised, with the round
 * it happened in. Compiles that repeat are deopt → re-opt cycles; they hold the
 * single compile thread while the checks run unoptimised code.
 *   node scripts/perf/jit.mjs [dist/core.js] [ROUNDS=20] [TEXT_FILE]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
if (process.argv[2] === '--child') {
  const [, , , corePath, rounds, textFile] = process.argv;
  const core = await import(pathToFileURL(corePath).href);
  const text = readFileSync(textFile, 'utf8');
  for (let i = 0; i < Number(rounds); i++) {
    console.log(`@@ROUND ${i}`);
    core.checkDocument(text);
  }
  process.exit(0);
}
const [coreArg = 'dist/core.js', roundsArg = '20', fileArg] = process.argv.slice(2);
const real = path.resolve(path.dirname(self), '../../../shared/corpus/real');
const textFile = fileArg || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const corePath = path.resolve(coreArg);
const coreSrc = readFileSync(corePath, 'utf8');
const log = execFileSync(process.execPath, ['--trace-opt', '--trace-deopt', self, '--child', corePath, roundsArg, textFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
let round = -1;
const compiles = new Map(); // name → { n, ms, rounds[] }
const deopts = [];
const nameOf = (line) => /<JSFunction ([^ >]*)/.exec(line)?.[1] || /SharedFunctionInfo ([^ >)]*)/.exec(line)?.[1] || '?';
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
    deopts.push({ round, name: nameOf(line), reason });
  }
}
const total = [...compiles.values()].reduce((s, c) => s + c.ms, 0);
console.log(`${path.basename(textFile)}: ${compiles.size} functions compiled, ${total.toFixed(0)} ms on the compile thread in ${roundsArg} rounds`);
console.log('\ncompile ms  times  rounds   function (repeated compiles first)');
const rows = [...compiles].filter(([n]) => ours(n.replace(' (OSR)', ''))).sort((a, b) => (b[1].n > 1) - (a[1].n > 1) || b[1].ms - a[1].ms);
for (const [n, c] of rows.slice(0, 40)) console.log(`${c.ms.toFixed(1).padStart(9)} ${String(c.n).padStart(6)}  ${c.rounds.join(',').padEnd(9)} ${n}`);
console.log(`\ndeopts (${deopts.length}): round function — reason`);
for (const d of deopts) console.log(`  ${d.round} ${d.name} — ${d.reason}`);
