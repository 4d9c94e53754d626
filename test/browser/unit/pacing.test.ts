/**
 * Marking paced by frames: the batch of marks per frame doubles while the
 * frames come back quickly, halves when one comes back late, never lets our
 * own script run past its budget, and grows in a tab that draws no frames.
 * A fake clock and a fake frame stand for the browser.
 */
import { describe, expect, it } from 'vitest';
import { driveByFrames, MARK_PACING } from '../../../extension/browser/page/pacing.ts';

/** Drives `steps` steps (each costing `stepMs` of script) with frames whose gap is `gap(frameIndex)`; returns the batch sizes. */
async function batches(steps: number, gap: (i: number) => number, stepMs = 0.01, drawn = true): Promise<number[]> {
  let clock = 0;
  const sizes: number[] = [0];
  function* work(): Generator<void, string, void> {
    for (let i = 0; i < steps; i++) {
      clock += stepMs;
      sizes[sizes.length - 1]++;
      yield;
    }
    return 'done';
  }
  const result = await driveByFrames(work(), MARK_PACING, async () => {
    clock += gap(sizes.length - 1);
    sizes.push(0);
    return drawn;
  }, () => clock);
  expect(result).toBe('done');
  return sizes.filter((n) => n > 0);
}

describe('driveByFrames', () => {
  it('doubles the batch while frames come back quickly, up to the maximum', async () => {
    const sizes = await batches(2000, () => 17);
    expect(sizes.slice(0, 6)).toEqual([16, 32, 64, 128, 256, 512]);
    expect(Math.max(...sizes)).toBe(MARK_PACING.max);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('halves it after a late frame and keeps it while frames are in between', async () => {
    // The frames after batches 0–2 come back quickly, the one after batch 3 late, then the others in between.
    const sizes = await batches(600, (i) => (i < 3 ? 17 : i === 3 ? 80 : 35));
    expect(sizes.slice(0, 7)).toEqual([16, 32, 64, 128, 64, 64, 64]);
  });

  it('never runs its own script past the budget of a batch', async () => {
    // Each step costs 1 ms: the 8 ms budget caps the batch whatever its size.
    const sizes = await batches(100, () => 17, 1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MARK_PACING.scriptMs);
  });

  it('grows in a tab that draws nothing (the 100 ms fallback is no sign of slow rendering)', async () => {
    const sizes = await batches(1000, () => 100, 0.01, false);
    expect(sizes.slice(0, 4)).toEqual([16, 32, 64, 128]);
  });
});
