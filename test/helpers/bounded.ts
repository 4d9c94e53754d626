/**
 * Runs jobs in a worker thread that is terminated after a safety timeout: a
 * catastrophic regular expression or an endless loop blocks its thread, and
 * only a thread we can kill turns that into a test failure instead of a hung
 * suite. The worker is kept between jobs (starting one costs more than most
 * jobs) and replaced after a kill. Timeouts are generous (a hang guard, not a
 * speed target: speed is `npm run bench`).
 *
 * - `BoundedRunner` runs the built core (dist/core.js): parse, check, fix, or
 *   the fuzz oracle of test/helpers/invariants.mjs.
 * - `BoundedCli` runs the `vanban` command (program.ts, bundled once) with a
 *   captured Io.
 */
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = path.resolve(import.meta.dirname, '../..');
const CORE = pathToFileURL(path.join(root, 'dist/core.js')).href;
const INVARIANTS = pathToFileURL(path.resolve(import.meta.dirname, 'invariants.mjs')).href;

const CORE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = Promise.all([import(workerData.core), import(workerData.invariants)]);
parentPort.on('message', async ({ task, text }) => {
  try {
    const [core, { invariants }] = await ready;
    const t0 = performance.now();
    const out = { diagnostics: 0, failures: [] };
    if (task === 'parse' || task === 'check' || task === 'full') {
      const r = invariants(core, text, task);
      out.failures = r.violations;
      out.diagnostics = r.diagnostics;
    } else {
      const r = core.checkDocument(text);
      out.diagnostics = r.diagnostics.length;
      out.failures = r.failures.map((f) => f.code + ': ' + String(f.error));
      if (task === 'fix') core.fixAll(text);
    }
    out.ms = performance.now() - t0;
    parentPort.postMessage(out);
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.stack) || e) });
  }
});
`;

const CLI_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.program);
parentPort.on('message', async ({ argv, stdin }) => {
  try {
    const { main } = await ready;
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { out: (s) => { stdout += s; }, err: (s) => { stderr += s; }, stdin: async () => stdin });
    parentPort.postMessage({ code, stdout, stderr });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.stack) || e) });
  }
});
`;

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'crash'; detail: string };

/** One worker, one job at a time, killed and replaced when a job overruns. */
class Bounded<Job, Reply> {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly script: string,
    private readonly data: () => Promise<Record<string, unknown>>,
  ) {}

  protected job(message: Job, timeoutMs: number): Promise<Outcome<Reply>> {
    const run = this.queue.then(() => this.runNow(message, timeoutMs));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private async runNow(message: Job, timeoutMs: number): Promise<Outcome<Reply>> {
    this.worker ??= new Worker(this.script, { eval: true, workerData: await this.data(), resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (r: Outcome<Reply>) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(r);
      };
      const timer = setTimeout(() => {
        void worker.terminate();
        this.worker = undefined;
        done({ ok: false, reason: 'timeout', detail: `no answer in ${timeoutMs} ms` });
      }, timeoutMs);
      const onMessage = (m: Reply & { error?: string }) => done(m.error ? { ok: false, reason: 'crash', detail: m.error } : { ok: true, value: m });
      const onError = (e: unknown) => {
        this.worker = undefined;
        done({ ok: false, reason: 'crash', detail: String(e) });
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.postMessage(message);
    });
  }
}

/**
 * `parse` / `check` / `full`: the invariants of test/helpers/invariants.mjs at
 * that depth, violations returned as `failures`; `fix`: check and fixAll, the
 * rules that threw as `failures`.
 */
export type BoundedTask = 'parse' | 'check' | 'full' | 'fix';
export type BoundedResult =
  | { ok: true; ms: number; diagnostics: number; failures: string[] }
  | { ok: false; reason: 'timeout' | 'crash'; detail: string };

export class BoundedRunner extends Bounded<{ task: BoundedTask; text: string }, { ms: number; diagnostics: number; failures: string[] }> {
  constructor() {
    super(CORE_WORKER, async () => ({ core: CORE, invariants: INVARIANTS }));
  }

  async run(task: BoundedTask, text: string, timeoutMs: number): Promise<BoundedResult> {
    const r = await this.job({ task, text }, timeoutMs);
    return r.ok ? { ok: true, ...r.value } : r;
  }
}

export interface CliReply {
  code: number;
  stdout: string;
  stderr: string;
}

let programBundle: Promise<string> | undefined;
/** program.ts bundled once per process (dist/cli.js runs the process entry on import). */
function bundleProgram(): Promise<string> {
  programBundle ??= (async () => {
    const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'vanban-program-')), 'program.mjs');
    await build({ entryPoints: [path.join(root, 'language-server/src/cli/program.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
    return pathToFileURL(outfile).href;
  })();
  return programBundle;
}

export class BoundedCli extends Bounded<{ argv: readonly string[]; stdin: Uint8Array }, CliReply> {
  constructor() {
    super(CLI_WORKER, async () => ({ program: await bundleProgram() }));
  }

  run(argv: readonly string[], stdin: Uint8Array, timeoutMs: number): Promise<Outcome<CliReply>> {
    return this.job({ argv, stdin }, timeoutMs);
  }
}
