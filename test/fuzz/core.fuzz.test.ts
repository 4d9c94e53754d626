// Fuzz targets over the core, each case run in a worker thread killed after a
// safety timeout (test/helpers/bounded.ts) so a hang fails the test instead
// of stalling it. The oracle is test/helpers/invariants.mjs: nothing throws,
// every range points into the text, fixes touch only their edits, fixAll ends.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedRunner, type BoundedTask } from '../helpers/bounded.ts';
import { anyText } from './arbitraries.ts';
import { CASE_TIMEOUT_MS, FUZZ_RUNS, FUZZ_SEED, TARGET_TIMEOUT_MS } from './fuzz-config.ts';

const runner = new BoundedRunner();
afterAll(() => runner.close());

async function fuzz(task: BoundedTask, runs: number) {
  let slowest = 0;
  const started = performance.now();
  await fc.assert(
    fc.asyncProperty(anyText(), async (text) => {
      const r = await runner.run(task, text, CASE_TIMEOUT_MS);
      if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
      slowest = Math.max(slowest, r.ms);
      expect(r.failures).toEqual([]);
    }),
    { numRuns: runs, seed: FUZZ_SEED },
  );
  // Figures for the long run's report (npm run fuzz:long).
  if (process.env.FUZZ_REPORT) console.log(`[fuzz] ${task}: ${runs} cases in ${Math.round(performance.now() - started)} ms, slowest case ${Math.round(slowest)} ms`);
}

describe('fuzz: core', () => {
  it(`parser: ${FUZZ_RUNS} generated documents parse, every node range inside the text`, async () => {
    await fuzz('parse', FUZZ_RUNS);
  }, TARGET_TIMEOUT_MS);

  // Checking costs about five parses and fixing five checks: fewer cases here in CI, more in `npm run fuzz:long`.
  it(`rules and fixes: ${Math.round(FUZZ_RUNS / 5)} documents checked (no rule throws, ranges and fix edits valid, fixes splice cleanly)`, async () => {
    await fuzz('check', Math.round(FUZZ_RUNS / 5));
  }, TARGET_TIMEOUT_MS);

  it(`fixAll: ${Math.round(FUZZ_RUNS / 20)} documents fixed to the end and checked again`, async () => {
    await fuzz('full', Math.round(FUZZ_RUNS / 20));
  }, TARGET_TIMEOUT_MS);
});
