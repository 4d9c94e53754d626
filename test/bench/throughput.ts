/**
 * In-process throughput: the full check of the built core (dist/core.js) on
 * real/18 beside two references measured in the same process and the same
 * rounds — the floor (split into lines + one regex test per line) and
 * markdownlint (a general-purpose linter, devDependency) — and the scaling
 * of the check on generated documents of 0.1 MB and 5 MB.
 */
import { lint as markdownlint } from 'markdownlint/sync';
import { generateDocument } from './generate.ts';
import { interleaved, round, type Measured } from './stats.ts';

type Core = typeof import('../../language-server/src/core/index.ts');

const LINE_TEST = /^(Điều|Chương|Mục|Phần)\s+\S+|^[0-9]+\.\s|^[a-zđ]\)\s/u;

/** The floor: what any line-oriented tool pays at least (split into lines, one regex test per line). */
export function floor(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (LINE_TEST.test(line)) hits++;
  return hits;
}

const mb = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;

export interface FileFigures {
  file: string;
  bytes: number;
  parse_ms: number;
  check_ms: number;
  floor_ms: number;
  markdownlint_ms?: number;
  parse_mb_per_s: number;
  check_mb_per_s: number;
  floor_mb_per_s: number;
  markdownlint_mb_per_s?: number;
  /** The same medians in process CPU time: steadier than wall time on a machine others are using. */
  cpu: { parse_ms: number; check_ms: number; floor_ms: number; markdownlint_ms?: number; check_mb_per_s: number };
  diagnostics: number;
}

export function measureFile(core: Core, name: string, text: string, runs: number, warmup: number, withMarkdownlint: boolean): FileFigures {
  const fns: ((t: string) => unknown)[] = [floor, (t) => core.parseDocument(t).tree, (t) => core.checkDocument(t).diagnostics];
  if (withMarkdownlint) fns.push((t) => markdownlint({ strings: { doc: t } }).doc);
  const [floorT, parseT, checkT, mdT] = interleaved(fns, text, runs, warmup);
  const size = mb(text);
  const out: FileFigures = {
    file: name,
    bytes: Buffer.byteLength(text, 'utf8'),
    parse_ms: round(parseT.wall * 1000),
    check_ms: round(checkT.wall * 1000),
    floor_ms: round(floorT.wall * 1000, 3),
    parse_mb_per_s: round(size / parseT.wall),
    check_mb_per_s: round(size / checkT.wall),
    floor_mb_per_s: round(size / floorT.wall),
    cpu: { parse_ms: round(parseT.cpu * 1000), check_ms: round(checkT.cpu * 1000), floor_ms: round(floorT.cpu * 1000, 3), check_mb_per_s: round(size / checkT.cpu) },
    diagnostics: core.checkDocument(text).diagnostics.length,
  };
  if (mdT !== undefined) {
    out.markdownlint_ms = round(mdT.wall * 1000);
    out.markdownlint_mb_per_s = round(size / mdT.wall, 3);
    out.cpu.markdownlint_ms = round(mdT.cpu * 1000);
  }
  return out;
}

export interface Scaling {
  ratio: Measured;
  small: { bytes: number; ms_per_mb: number };
  large: { bytes: number; ms_per_mb: number };
}

/**
 * ms per MB of the full check on a 5 MB generated document ÷ ms per MB on a
 * 0.1 MB one (same generator, same seed): 1 is perfectly linear.
 */
export function measureScaling(core: Core, runs: number, warmup: number): Scaling {
  const small = generateDocument({ bytes: 100_000, seed: 9 });
  const large = generateDocument({ bytes: 5_000_000, seed: 9 });
  const check = (t: string) => core.checkDocument(t).diagnostics;
  const [smallS] = interleaved([check], small, Math.max(runs, 15), warmup).map((t) => t.wall);
  // Fewer rounds for the large one: each is ~50× longer, and its median is steady.
  const [largeS] = interleaved([check], large, Math.max(3, Math.ceil(runs / 3)), 1).map((t) => t.wall);
  const perMb = (s: number, t: string) => (s * 1000) / mb(t);
  const smallMs = perMb(smallS, small);
  const largeMs = perMb(largeS, large);
  return {
    ratio: { value: round(largeMs / smallMs, 3) },
    small: { bytes: Buffer.byteLength(small, 'utf8'), ms_per_mb: round(smallMs) },
    large: { bytes: Buffer.byteLength(large, 'utf8'), ms_per_mb: round(largeMs) },
  };
}
