/**
 * Case counts of the fuzz suite: 10,000 per target by default (CI), more with
 * FUZZ_RUNS (`npm run fuzz:long`); FUZZ_SEED replays a run (fast-check prints
 * the seed and path of a failure).
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
export const FUZZ_SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A hang guard per case (the cases are small: a few ms each). */
export const CASE_TIMEOUT_MS = 20_000;
/** vitest's own timeout for a whole fuzz target. */
export const TARGET_TIMEOUT_MS = Math.max(600_000, FUZZ_RUNS * 200);
