/** Small statistics and timing helpers of the benchmark. */

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Nearest-rank quantile (p95 of 200 samples is the 190th smallest). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Both halves of a figure: the value or null, and why it is null. */
export interface Measured<T = number> {
  value: T | null;
  reason?: string;
}

export const missing = (reason: string): Measured<never> => ({ value: null, reason });

/** Median wall-clock and CPU seconds of one function. */
export interface Timing {
  wall: number;
  /** Process CPU time (user + system): what the work costs when other processes compete for the cores. */
  cpu: number;
}

/**
 * Median seconds of each function over `runs` timed rounds after `warmup`
 * untimed ones. The functions take turns within a round so that JIT warm-up
 * and GC pressure fall on all of them alike.
 */
export function interleaved(fns: readonly ((text: string) => unknown)[], text: string, runs: number, warmup: number): Timing[] {
  let sink = 0;
  for (let i = 0; i < warmup; i++) for (const fn of fns) sink ^= fn(text) ? 1 : 0;
  const wall: number[][] = fns.map(() => []);
  const cpu: number[][] = fns.map(() => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      sink ^= fn(text) ? 1 : 0;
      wall[k].push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1e6);
    });
  }
  (globalThis as { __benchSink?: number }).__benchSink = sink;
  return fns.map((_, k) => ({ wall: median(wall[k]), cpu: median(cpu[k]) }));
}

/** What the Chromium section (page.ts, bundled on its own) hands back. */
export interface PageFigures {
  page_annotate_ms: Measured;
  page_longest_task_ms: Measured;
  content_script_bytes: Measured;
  details: Record<string, unknown>;
}
