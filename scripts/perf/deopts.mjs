#!/usr/bin/env node
/**
 * Where the core's optimised code goes back to the interpreter in the first checks of a fresh process: each
 * deopt with its round, function, V8's reason and its source position (and the positions it was inlined at),
 * mapped through dist/core.js.map to the TypeScript line; then the dependency deopts (code V8 marked when a map,
 * a field or an allocation site's pretenuring decision it relied on changed). Reasons: "wrong map" (an object
 * or array of a shape the code had not seen: a `[]` born of small integers, another node shape), "not a Smi"
 * (a double such as NaN), "out of bounds" (a read past an array's or string's end), "Insufficient type feedback"
 * (code that had never run when it was compiled: after an on-stack-replaced loop, or a callee inlined before it
 * had feedback). Extra V8 flags after the text file are passed to the child.
 *   node scripts/perf/deopts.mjs [dist/core.js] [ROUNDS=20] [TEXT_FILE] [--v8-flag …]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { SourceMap } from 'node:module';
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
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const [coreArg = 'dist/core.js', roundsArg = '20', fileArg] = args.filter((a) => !a.startsWith('--'));
const real = path.resolve(path.dirname(self), '../../../shared/corpus/real');
const textFile = fileArg || path.join(real, readdirSync(real).find((f) => f.startsWith('18_')));
const corePath = path.resolve(coreArg);
const log = execFileSync(process.execPath, ['--trace-deopt-verbose', ...flags, self, '--child', corePath, roundsArg, textFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
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
  return (sources.get(abs)[line] ?? '').trim().slice(0, 110);
};
const where = (l, c) => {
  const e = map.findEntry(l - 1, c - 1);
  if (!e || !e.originalSource) return `core.js:${l}:${c}`;
  return `${e.originalSource.replace(/.*language-server\/src\/core\//, '')}:${e.originalLine + 1}  ${sourceLine(e.originalSource, e.originalLine)}`;
};
let round = -1;
let current = null;
let eager = 0;
const marked = [];
for (const line of log.split('\n')) {
  const r = /^@@ROUND (\d+)/.exec(line);
  if (r) {
    round = Number(r[1]);
    continue;
  }
  const b = /reason: ([^)]*)\): begin. deoptimizing [^<]*<JSFunction ([^ >]*)/.exec(line);
  if (b) {
    current = { round, reason: b[1], fn: b[2] || '(anonymous)' };
    continue;
  }
  const d = /;;; deoptimize at (.*)/.exec(line);
  if (d && current) {
    const at = [...d[1].matchAll(/core\.js:(\d+):(\d+)/g)].map((m) => where(Number(m[1]), Number(m[2])));
    if (at.length > 0) {
      eager++;
      console.log(`${current.round} ${current.fn} — ${current.reason}\n     at ${at.join('\n     inlined at ')}`);
    }
    current = null;
    continue;
  }
  const m = /marking dependent code .*SharedFunctionInfo ?([^>]*)>\)/.exec(line);
  if (m) marked.push(`${round} ${m[1] || '(anonymous)'}`);
}
console.log(`\n${eager} deopts in the core; dependency deopts (round function): ${marked.join(', ') || 'none'}`);
