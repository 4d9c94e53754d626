/**
 * `npm run bench` (test/bench/run.mjs bundles and runs this file): every speed
 * figure of issue 9 in one table, or one JSON object with --json. A figure
 * that cannot be measured here (a part not built, no Chromium, no corpus) is
 * null with the reason beside it, never a made-up number.
 *
 *   node test/bench/run.mjs [--json] [--runs N] [--only a,b] [--skip a,b]
 *   sections: throughput, scaling, registry, server, page, sizes
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lsp/client.ts';
import { CORPUS_DIR, SEED_004 } from '../helpers/corpus.ts';
import { measureFile, measureScaling, type FileFigures } from './throughput.ts';
import { measureRegistry } from './registry.ts';
import { measureServer } from './server.ts';
import { vsixBytes } from './sizes.ts';
import { missing, round, type Measured, type PageFigures } from './stats.ts';

/** page.ts needs the DOM types of the browser harness: it is type-checked with the browser project and bundled apart. */
interface PageSection {
  measurePage(): Promise<PageFigures>;
  contentScriptBytes(): Measured;
}
const pageSection = (): Promise<PageSection> => import(pathToFileURL(path.join(ROOT, 'dist', 'bench', 'page.mjs')).href);

type Core = typeof import('../../language-server/src/core/index.ts');

const SECTIONS = ['throughput', 'scaling', 'registry', 'server', 'page', 'sizes'] as const;
type Section = (typeof SECTIONS)[number];

/** The metrics of issue 9, in the order of its table, with their targets. */
const TARGETS: { key: string; target?: string; ok?: (v: number, all: Record<string, number | null>) => boolean }[] = [
  { key: 'check_mb_per_s', target: '≥ 50 and ≥ 30 × markdownlint', ok: (v, all) => v >= 50 && all.markdownlint_mb_per_s !== null && v >= 30 * all.markdownlint_mb_per_s },
  { key: 'floor_mb_per_s' },
  { key: 'markdownlint_mb_per_s' },
  { key: 'check_vs_markdownlint', target: '≥ 30', ok: (v) => v >= 30 },
  { key: 'scaling_ratio', target: '≤ 1.5', ok: (v) => v <= 1.5 },
  { key: 'edit_p95_ms', target: '≤ 16', ok: (v) => v <= 16 },
  { key: 'hover_p95_ms', target: '≤ 5', ok: (v) => v <= 5 },
  { key: 'cold_start_ms', target: '≤ 400', ok: (v) => v <= 400 },
  { key: 'server_rss_mb', target: '≤ 150', ok: (v) => v <= 150 },
  { key: 'registry_100k_load_ms', target: '≤ 300', ok: (v) => v <= 300 },
  { key: 'page_annotate_ms', target: '≤ 300', ok: (v) => v <= 300 },
  { key: 'page_longest_task_ms', target: '≤ 50', ok: (v) => v <= 50 },
  { key: 'vsix_bytes' },
  { key: 'content_script_bytes' },
];

const REAL_18 = path.join(CORPUS_DIR, 'real', '18_BLHS-100-2015-QH13_vbpl-html2text.txt');

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const list = (name: string) => (value(name) ?? '').split(',').filter(Boolean) as Section[];
  const only = list('--only');
  const skip = list('--skip');
  for (const s of [...only, ...skip]) if (!SECTIONS.includes(s)) throw new Error(`bench: unknown section "${s}" (${SECTIONS.join(', ')})`);
  return {
    json: argv.includes('--json'),
    runs: Math.max(1, Number(value('--runs') ?? 15) || 15),
    warmup: 5,
    sections: new Set(SECTIONS.filter((s) => (only.length === 0 || only.includes(s)) && !skip.includes(s))),
  };
}

function machine() {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memory_gb: round(totalmem() / 2 ** 30, 1),
    free_memory_gb: round(freemem() / 2 ** 30, 1),
    /** 1, 5 and 15 minute load averages when the run started: other work on the machine inflates every figure. */
    load_average: loadavg().map((x) => round(x, 2)),
  };
}

export async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const log = (s: string) => (args.json ? process.stderr.write(`${s}\n`) : console.log(s));
  const corePath = path.join(ROOT, 'dist', 'core.js');
  if (!existsSync(corePath)) throw new Error('bench: dist/core.js is missing; run `npm run build` (npm run bench does it)');
  const core = (await import(pathToFileURL(corePath).href)) as Core;

  const metrics: Record<string, Measured> = {};
  const details: Record<string, unknown> = {};
  const started = new Date().toISOString();
  const host = machine();
  const section = async (s: Section, run: () => unknown | Promise<unknown>) => {
    if (!args.sections.has(s)) return;
    log(`bench: ${s} …`);
    const t0 = performance.now();
    await run();
    details[`${s}_seconds`] = round((performance.now() - t0) / 1000, 1);
  };

  await section('throughput', () => {
    const files: FileFigures[] = [];
    const seed = existsSync(SEED_004) ? readFileSync(SEED_004, 'utf8') : undefined;
    if (existsSync(REAL_18)) files.push(measureFile(core, path.basename(REAL_18), readFileSync(REAL_18, 'utf8'), args.runs, args.warmup, true));
    if (seed !== undefined) files.push(measureFile(core, path.basename(SEED_004), seed, args.runs, args.warmup, false));
    details.files = files;
    const blhs = files.find((f) => f.file === path.basename(REAL_18));
    const why = `${REAL_18} not found (the shared corpus lives at ../shared beside the repo)`;
    metrics.check_mb_per_s = blhs ? { value: blhs.check_mb_per_s } : missing(why);
    metrics.floor_mb_per_s = blhs ? { value: blhs.floor_mb_per_s } : missing(why);
    metrics.markdownlint_mb_per_s = blhs?.markdownlint_mb_per_s !== undefined ? { value: blhs.markdownlint_mb_per_s } : missing(why);
    metrics.check_vs_markdownlint = blhs?.markdownlint_mb_per_s ? { value: round(blhs.check_mb_per_s / blhs.markdownlint_mb_per_s, 1) } : missing(why);
    if (blhs) details.floor_ratio = round(blhs.floor_mb_per_s / blhs.check_mb_per_s, 1);
  });
  await section('scaling', () => {
    const s = measureScaling(core, args.runs, args.warmup);
    metrics.scaling_ratio = s.ratio;
    details.scaling = { small: s.small, large: s.large };
  });
  await section('registry', () => {
    const r = measureRegistry(core);
    metrics.registry_100k_load_ms = r.registry_100k_load_ms;
    details.registry = r.details;
  });
  await section('server', async () => {
    const r = await measureServer(core, existsSync(SEED_004) ? readFileSync(SEED_004, 'utf8') : undefined);
    Object.assign(metrics, { cold_start_ms: r.cold_start_ms, edit_p95_ms: r.edit_p95_ms, hover_p95_ms: r.hover_p95_ms, server_rss_mb: r.server_rss_mb });
    details.server = r.details;
  });
  await section('page', async () => {
    const r = await (await pageSection()).measurePage();
    Object.assign(metrics, { page_annotate_ms: r.page_annotate_ms, page_longest_task_ms: r.page_longest_task_ms, content_script_bytes: r.content_script_bytes });
    details.page = r.details;
  });
  await section('sizes', async () => {
    metrics.vsix_bytes = vsixBytes(ROOT);
    metrics.content_script_bytes ??= (await pageSection()).contentScriptBytes();
  });

  // Every metric of the table appears, measured or not.
  for (const t of TARGETS) metrics[t.key] ??= missing('section not run (--only / --skip)');
  const values: Record<string, number | null> = Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, m.value]));
  const reasons: Record<string, string> = {};
  for (const [k, m] of Object.entries(metrics)) if (m.value === null && m.reason) reasons[k] = m.reason;
  const targets: Record<string, { target: string; met: boolean | null }> = {};
  for (const t of TARGETS) if (t.target && t.ok) targets[t.key] = { target: t.target, met: values[t.key] === null ? null : t.ok(values[t.key]!, values) };

  const result = { started, machine: host, runs: args.runs, warmup: args.warmup, ...Object.fromEntries(TARGETS.map((t) => [t.key, values[t.key]])), reasons, targets, details };
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`\nvanban bench — ${host.node}, ${host.cpu}, load ${host.load_average.join(' ')}; medians of ${args.runs} runs after ${args.warmup} warm-up runs`);
  const rows = TARGETS.map((t) => {
    const v = values[t.key];
    const met = targets[t.key]?.met;
    return [t.key, v === null ? 'null' : String(v), t.target ?? '', met === undefined || met === null ? '' : met ? 'yes' : 'NO', v === null ? reasons[t.key] ?? '' : ''];
  });
  const head = ['metric', 'value', 'target', 'met', 'why null'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
  const files = details.files as FileFigures[] | undefined;
  if (files?.length) {
    console.log('\nper file: parse / check / floor / markdownlint (MB/s)');
    for (const f of files) console.log(`  ${f.file}  ${f.parse_mb_per_s} / ${f.check_mb_per_s} / ${f.floor_mb_per_s} / ${f.markdownlint_mb_per_s ?? '—'}  (check ${f.check_ms} ms wall, ${f.cpu.check_ms} ms CPU; ${f.diagnostics} diagnostics)`);
  }
}
