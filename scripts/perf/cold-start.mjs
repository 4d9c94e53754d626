#!/usr/bin/env node
/**
 * The server's cold start as the bench measures it (test/bench/server.ts, `cold_start_ms`): spawn
 * `node bin/vanban.js lsp --stdio` → initialize → initialized + didOpen of a text (seed 004) → its first
 * publishDiagnostics. Several builds, spawned interleaved (A B A B …, the order flipped every round) so that
 * each sees the same machine load, many rounds; per build the wall time's p10 and median, and each thread's CPU
 * from /proc/PID/task/TID/schedstat read at the diagnostics: the main thread, the server's thread (the busiest
 * other one: the worker thread.ts starts), the others (V8's compile and GC helpers, libuv), and the server
 * thread's CPU when `initialize` was answered. On this shared 2-vCPU machine wall time is mostly the run
 * queue's; compare CPU (p10 and median) and many rounds.
 *
 *   node scripts/perf/cold-start.mjs [--rounds N] [--text FILE] [--in-place] [--keep] ROOT_A [ROOT_B ...]
 *   node scripts/perf/cold-start.mjs --profile N [--top K] [ROOT]
 *
 * --profile: N starts of one build under node's --cpu-prof (100 µs; every thread writes its profile), each
 * ended by shutdown/exit right after the diagnostics; prints the server thread's self time per source file
 * and per function (mapped through dist/server-node.cjs.map), summed over the N starts and divided by N.
 * The profiler itself slows a start: compare its shares, not its ms with the A/B figures.
 *
 *   node scripts/perf/cold-start.mjs --callgrind N [ROOT_A ROOT_B ...]
 *
 * --callgrind: N starts of each build (interleaved) under valgrind's callgrind (≈ 50× slower), each ended by
 * shutdown/exit after the diagnostics; prints the machine instructions per thread (main, server thread, the
 * others, all) and their min/median. Not bit-exact (V8's helper threads are scheduled by valgrind, and the
 * server thread may do work a helper would have done), but far steadier than time on this machine.
 *
 * ROOT is a checkout with bin/vanban.js, package.json and a built dist/ (default: /work/main and this
 * checkout). By default each build's bin/, package.json and the dist files the server reads are copied into
 * one temporary directory per build (same depth, same kind of path: a copy under /tmp and a file under /work
 * differ by tens of ms in some measurements, docs/notes/issue-9-s12-pret.md); --in-place runs them where they
 * are. --keep leaves the copies. --drop-env NAME (repeatable) starts the servers without that environment
 * variable; --drop-env-ab NAME runs each build twice per round, with and without it (builds A, B, … then A−, B−).
 * Nothing is asserted: this prints figures.
 *
 * Why --drop-env: Node 20 reads the file NODE_EXTRA_CA_CERTS names at every start, before any script, and with
 * OpenSSL 3 parsing a system bundle of ≈ 140 certificates costs ≈ 416 M instructions of the main thread (75 % of
 * it, callgrind); on this machine the variable is set (for the sandbox's own tools), and `node -e 0` takes
 * ≈ 214 ms (p10) with it against ≈ 52 without. The server makes no network connection and never needs it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

function parseArgs(argv) {
  const opts = { dropEnv: [], dropEnvAb: undefined, callgrind: 0, profile: 0, top: 40, rounds: 20, text: path.resolve(repo, '../shared/corpus/seeds/004_52bceec2462771f4.txt'), inPlace: false, keep: false, roots: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rounds') opts.rounds = Number(argv[++i]);
    else if (a === '--text') opts.text = path.resolve(argv[++i]);
    else if (a === '--in-place') opts.inPlace = true;
    else if (a === '--profile') opts.profile = Number(argv[++i]);
    else if (a === '--top') opts.top = Number(argv[++i]);
    else if (a === '--callgrind') opts.callgrind = Number(argv[++i]);
    else if (a === '--drop-env') opts.dropEnv.push(argv[++i]);
    else if (a === '--drop-env-ab') opts.dropEnvAb = argv[++i];
    else if (a === '--keep') opts.keep = true;
    else opts.roots.push(path.resolve(a));
  }
  if (opts.roots.length === 0) opts.roots = opts.profile ? [repo] : ['/work/main', repo];
  return opts;
}

/** The files a `vanban lsp --stdio` start reads, copied to a directory of the same shape. */
const SERVER_FILES = ['dist/server.js', 'dist/server-node.cjs', 'dist/server-node.cache', 'dist/rules.md', 'bin/vanban.js', 'package.json'];

function copyBuild(root, into) {
  for (const f of SERVER_FILES) {
    if (!existsSync(path.join(root, f))) continue;
    mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
    cpSync(path.join(root, f), path.join(into, f));
  }
  // A dist file the server might import besides these (a later layout): copy every other .js/.cjs/.cache too.
  for (const f of readdirSync(path.join(root, 'dist'))) {
    if (/\.(?:js|cjs|mjs|cache)$/.test(f) && !existsSync(path.join(into, 'dist', f))) cpSync(path.join(root, 'dist', f), path.join(into, 'dist', f));
  }
  return into;
}

/** ns of CPU of each thread of `pid` (schedstat's first field), keyed by thread id. */
function threadCpu(pid, faults = new Map()) {
  const out = new Map();
  let tasks;
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      out.set(Number(tid), Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]));
      // minflt, the 10th field after the command's closing parenthesis
      faults.set(Number(tid), Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[7]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

function frame(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Reads LSP messages from a stream, calling `on` for each. */
function reader(stream, on) {
  let buf = Buffer.alloc(0);
  stream.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
      const length = Number(m[1]);
      if (buf.length < end + 4 + length) return;
      const body = buf.subarray(end + 4, end + 4 + length).toString('utf8');
      buf = buf.subarray(end + 4 + length);
      on(JSON.parse(body));
    }
  });
}

/**
 * What the bench's client (test/lsp/client.ts FULL_CAPABILITIES) says of the capabilities the server reads at
 * `initialize` (server.ts): push diagnostics (no textDocument.diagnostic), settings pulled per document, file
 * watchers registered, the refreshes it may ask for.
 */
const CAPABILITIES = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: false }, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true }, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
  textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true }, definition: { linkSupport: true } },
};

/** One cold start: wall ms to the diagnostics and to the `initialize` answer, CPU ms per thread. */
function coldStart(root, uri, text, profileDir, callgrindOut, env = serverEnv) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const flags = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=100'] : [];
    const node = [process.execPath, ...flags, path.join(root, 'bin/vanban.js'), 'lsp', '--stdio'];
    const command = callgrindOut ? ['valgrind', '--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${callgrindOut}`, ...node] : node;
    const proc = spawn(command[0], command.slice(1), { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const limit = callgrindOut ? 600_000 : 60_000;
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`no diagnostics within ${limit} ms; stderr: ${stderr}`))), limit);
    const send = (m) => proc.stdin.write(frame(m));
    let atInit;
    let initMs;
    reader(proc.stdout, (m) => {
      if (m.id === 1 && m.method === undefined) {
        initMs = performance.now() - t0;
        atInit = threadCpu(proc.pid);
        send({ method: 'initialized', params: {} });
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'vanban', version: 1, text } } });
      } else if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri) {
        const wall = performance.now() - t0;
        const faults = new Map();
        const cpu = threadCpu(proc.pid, faults);
        clearTimeout(timer);
        proc.once('exit', () => {
          const main = cpu.get(proc.pid) ?? 0;
          let server = 0;
          let serverTid = 0;
          let all = 0;
          for (const [tid, ns] of cpu) {
            all += ns;
            if (tid !== proc.pid && ns > server) [server, serverTid] = [ns, tid];
          }
          const ms = (ns) => ns / 1e6;
          resolve({ wall, init: initMs, main: ms(main), server: ms(server), serverAtInit: ms(atInit?.get(serverTid) ?? 0), others: ms(all - main - server), all: ms(all), mainFaults: faults.get(proc.pid) ?? 0, serverFaults: faults.get(serverTid) ?? 0, diagnostics: m.params.diagnostics.length });
        });
        if (!profileDir && !callgrindOut) proc.kill('SIGKILL');
        else {
          // The profiles are written at a clean exit only.
          send({ id: 2, method: 'shutdown' });
          send({ method: 'exit' });
        }
      } else if (m.method !== undefined && m.id !== undefined) {
        // A request of the server's: settings {} for the `vanban` section (as the bench's client), null otherwise.
        const result = m.method === 'workspace/configuration' ? m.params.items.map((i) => (i.section === 'vanban' ? {} : null)) : null;
        send({ id: m.id, result });
      }
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, workspaceFolders: null } });
  });
}

const q = (xs, p) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

/** Self time of the server thread's profiles (the one with the bundle's frames), per source file and function. */
function summarizeProfiles(dir, root, starts, top) {
  const bundle = path.join(root, 'dist/server-node.cjs');
  const map = new SourceMap(JSON.parse(readFileSync(bundle + '.map', 'utf8')));
  const byFn = new Map();
  const byFile = new Map();
  let total = 0;
  for (const f of readdirSync(dir)) {
    const profile = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    if (!profile.nodes.some((n) => n.callFrame.url.endsWith('server-node.cjs'))) continue;
    const dt = new Map();
    for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i]);
    for (const node of profile.nodes) {
      const us = dt.get(node.id) ?? 0;
      if (us === 0) continue;
      total += us;
      const cf = node.callFrame;
      let file = cf.url ? cf.url.replace(/^.*\//, '') : cf.functionName || '(native)';
      let name = cf.functionName || '(anonymous)';
      if (cf.url.endsWith('server-node.cjs') && cf.lineNumber >= 0) {
        const e = map.findEntry(cf.lineNumber, cf.columnNumber);
        if (e?.originalSource) {
          file = e.originalSource.replace(/^.*?(?:language-server\/src\/|node_modules\/)/, '');
          name = `${name} ${file}:${e.originalLine + 1}`;
        }
      } else if (!cf.url) file = name;
      byFn.set(name, (byFn.get(name) ?? 0) + us);
      byFile.set(file, (byFile.get(file) ?? 0) + us);
    }
  }
  const ms = (us) => (us / 1000 / starts).toFixed(2);
  const print = (title, m) => {
    console.log(`\n${title} (ms per start, % of the server thread's ${ms(total)} ms)`);
    for (const [key, us] of [...m].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${ms(us).padStart(8)} ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
  };
  print('self time by file', byFile);
  print('self time by function', byFn);
}

const opts = parseArgs(process.argv.slice(2));
const serverEnv = { ...process.env };
for (const name of opts.dropEnv) delete serverEnv[name];
const text = readFileSync(opts.text, 'utf8');
const work = mkdtempSync(path.join(tmpdir(), 'vanban-cold-'));
const textFile = path.join(work, path.basename(opts.text));
writeFileSync(textFile, text);
const uri = pathToFileURL(textFile).href;
/** Instructions per thread of one callgrind run (files PREFIX-NN, one per thread; the first is the main thread). */
function callgrindCounts(prefix) {
  const dir = path.dirname(prefix);
  const files = readdirSync(dir).filter((f) => f.startsWith(path.basename(prefix) + '-')).sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop()));
  const counts = files.map((f) => Number(/^(?:summary|totals): (\d+)/m.exec(readFileSync(path.join(dir, f), 'utf8'))?.[1] ?? 0));
  const main = counts[0];
  const server = Math.max(...counts.slice(1));
  const all = counts.reduce((x, y) => x + y, 0);
  return { main, server, others: all - main - server, all };
}

if (opts.callgrind) {
  const builds = opts.roots.map((root, i) => ({ name: String.fromCharCode(65 + i), root, run: opts.inPlace ? root : copyBuild(root, path.join(work, `build-${String.fromCharCode(97 + i)}`)), counts: [] }));
  for (let r = 0; r < opts.callgrind; r++) {
    for (const b of r % 2 === 0 ? builds : [...builds].reverse()) {
      const prefix = path.join(work, `cg-${b.name}-${r}`);
      await coldStart(b.run, uri, text, undefined, prefix + '.out');
      b.counts.push(callgrindCounts(prefix + '.out'));
      const c = b.counts.at(-1);
      console.log(`${b.name} run ${r}: main ${(c.main / 1e6).toFixed(2)} M, server ${(c.server / 1e6).toFixed(2)} M, others ${(c.others / 1e6).toFixed(2)} M, all ${(c.all / 1e6).toFixed(2)} M`);
    }
  }
  for (const b of builds) {
    const cell = (k) => `${(Math.min(...b.counts.map((c) => c[k])) / 1e6).toFixed(2)} / ${(q(b.counts.map((c) => c[k]), 0.5) / 1e6).toFixed(2)}`;
    console.log(`${b.name}: M instructions (min / median of ${opts.callgrind}): main ${cell('main')}, server ${cell('server')}, others ${cell('others')}, all ${cell('all')}   ${b.root}`);
  }
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
if (opts.profile) {
  const root = opts.roots[0];
  const run = opts.inPlace ? root : copyBuild(root, path.join(work, 'build-a'));
  const dir = path.join(work, 'profiles');
  await coldStart(run, uri, text);
  for (let i = 0; i < opts.profile; i++) await coldStart(run, uri, text, dir);
  summarizeProfiles(dir, root, opts.profile, opts.top);
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  process.exit(0);
}
const builds = opts.roots.map((root, i) => ({ name: String.fromCharCode(65 + i), root, run: opts.inPlace ? root : copyBuild(root, path.join(work, `build-${String.fromCharCode(97 + i)}`)), env: serverEnv, samples: [] }));
if (opts.dropEnvAb) {
  const without = { ...serverEnv };
  delete without[opts.dropEnvAb];
  builds.push(...builds.map((b) => ({ ...b, name: `${b.name}−`, root: `${b.root} without ${opts.dropEnvAb}`, env: without, samples: [] })));
}
try {
  // One start each first, not counted: the files into the page cache.
  for (const b of builds) await coldStart(b.run, uri, text, undefined, undefined, b.env);
  for (let r = 0; r < opts.rounds; r++) {
    const order = r % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) b.samples.push(await coldStart(b.run, uri, text, undefined, undefined, b.env));
  }
} finally {
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
}

const cols = ['wall', 'init', 'main', 'serverAtInit', 'server', 'others', 'all', 'mainFaults', 'serverFaults'];
console.log(`${path.basename(opts.text)}, ${opts.rounds} rounds interleaved, ${opts.inPlace ? 'in place' : 'copies in ' + work} (ms; p10 / median)`);
console.log(['build'.padEnd(6), ...cols.map((c) => c.padStart(15))].join(' '));
for (const b of builds) {
  const cell = (c) => `${q(b.samples.map((s) => s[c]), 0.1).toFixed(1)} / ${q(b.samples.map((s) => s[c]), 0.5).toFixed(1)}`.padStart(15);
  console.log([b.name.padEnd(6), ...cols.map(cell)].join(' ') + `   ${b.root} (diagnostics: ${b.samples[0].diagnostics})`);
}
if (builds.length > 1) {
  // Paired: each round's B − A, so that a phase of the machine during the run cancels out.
  for (const b of builds.slice(1)) {
    const d = (c) => {
      const diffs = b.samples.map((s, i) => s[c] - builds[0].samples[i][c]);
      return `${q(diffs, 0.5).toFixed(1)}`.padStart(15);
    };
    console.log([`${b.name}−A`.padEnd(6), ...cols.map(d)].join(' ') + '   (median of the per-round differences)');
  }
}
