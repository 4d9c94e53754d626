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
  await fc.assert(
    fc.asyncProperty(anyText(), async (text) => {
      const r = await runner.run(task, text, CASE_TIMEOUT_MS);
      if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
      slowest = Math.max(slowest, r.ms);
      expect(r.failures).toEqual([]);
    }),
    { numRuns: runs, seed: FUZZ_SEED },
  );
  return slowest;
}

describe('fuzz: core', () => {
  it(`parser: ${FUZZ_RUNS} generated documents parse, every node range inside the text`, async () => {
    await fuzz('parse', FUZZ_RUNS);
  }, TARGET_TIMEOUT_MS);

  it(`rules and fixes: ${FUZZ_RUNS} documents checked (no rule throws, ranges and fix edits valid, fixes splice cleanly)`, async () => {
    await fuzz('check', FUZZ_RUNS);
  }, TARGET_TIMEOUT_MS);

  it(`fixAll: ${Math.round(FUZZ_RUNS / 5)} documents fixed to the end and checked again`, async () => {
    await fuzz('full', Math.round(FUZZ_RUNS / 5));
  }, TARGET_TIMEOUT_MS);
});
