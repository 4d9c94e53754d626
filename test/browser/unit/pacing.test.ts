/**
 * Marking paced by frames: each batch of marks is sized from what the last
 * frame cost to render per mark, aiming at a frame of MARK_PACING.renderMs;
 * it grows at most `grow`× per frame, keeps its size after a frame over the
 * aim but under `holdMs`, shrinks after a frame over that but never below
 * `min`, shares what is left evenly among the frames it needs when the work
 * says how much is left, never lets our own script run past its budget, and
 * grows in a tab that draws no frames. A fake clock and a fake frame stand
 * for the browser.
 */
import { describe, expect, it } from 'vitest';
import { driveByFrames, MARK_PACING } from '../../../extension/browser/page/pacing.ts';

/**
 * Drives `steps` steps (each costing `stepMs` of script) with frames whose
 * rendering takes `render(batchSize, frameIndex)` ms (undefined: a tab that
 * draws nothing); returns the batch sizes and the rendering times.
 */
async function batches(steps: number, render: (n: number, i: number) => number | undefined, stepMs: number | ((step: number) => number) = 0.01, tellsLeft = true) {
  let clock = 0;
  const sizes: number[] = [0];
  const frames: number[] = [];
  function* work(): Generator<number | void, string, void> {
    for (let i = 0; i < steps; i++) {
      clock += typeof stepMs === 'number' ? stepMs : stepMs(i);
      sizes[sizes.length - 1]++;
      if (tellsLeft) yield steps - i - 1;
      else yield;
    }
    return 'done';
  }
  const result = await driveByFrames(work(), MARK_PACING, async () => {
    const ms = render(sizes[sizes.length - 1], sizes.length - 1);
    if (ms !== undefined) frames.push(ms);
    clock += 17;
    sizes.push(0);
    return ms;
  }, () => clock);
  expect(result).toBe('done');
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(steps);
  return { sizes: sizes.filter((n) => n > 0), frames };
}

/** The first batch for `steps` steps: `first` at most, evened out with the batches after it. */
const evenFirst = (steps: number) => Math.ceil(steps / Math.ceil(steps / MARK_PACING.first));

/** A frame's rendering as measured on the 965 KB vbpl.vn page: a fixed part and a part per mark. */
const affine = (fixed: number, perMark: number) => (n: number) => fixed + perMark * n;

describe('driveByFrames', () => {
  it('starts with the first batch and grows it towards the frame budget, never past it', async () => {
    // Work that does not say what is left: the batches follow the frames alone.
    const { sizes, frames } = await batches(608, affine(6, 0.07), 0.01, false);
    expect(sizes[0]).toBe(MARK_PACING.first);
    expect(sizes[1]).toBeGreaterThan(sizes[0]);
    // The first frame's cost per mark includes the fixed part: the estimate errs on the safe side.
    expect(Math.max(...frames.slice(1))).toBeLessThanOrEqual(MARK_PACING.renderMs);
    expect(sizes.length).toBeLessThanOrEqual(4);
  });

  it('keeps its batches on a machine twice as slow while the frames stay under holdMs', async () => {
    // The page's model twice as slow: 203 marks render in ≈ 43 ms, over the aim but not near a long task. A
    // batch of 64 would still take ≈ 29 ms (the fixed part): shrinking would only add frames.
    const { sizes, frames } = await batches(608, affine(23, 0.1));
    expect(sizes).toEqual([evenFirst(608), 203, 202]);
    expect(Math.max(...frames)).toBeGreaterThan(MARK_PACING.renderMs);
    expect(Math.max(...frames)).toBeLessThanOrEqual(MARK_PACING.holdMs);
  });

  it('keeps the planned batch after one cut short by the script budget', async () => {
    // The first marks run cold (4 ms each): the script budget ends the first batch after 4 of them. Its frame
    // is nearly all fixed part and says nothing of what 203 marks cost; the batches that follow are planned
    // ones, not 4 × `grow`.
    const { sizes } = await batches(608, affine(23, 0.1), (i) => (i < 4 ? 4 : 0.01));
    expect(sizes[0]).toBe(4);
    expect(sizes.slice(1)).toEqual([202, 201, 201]);
  });

  it('shrinks after a frame over holdMs, towards the aim', async () => {
    // Mostly per mark: 203 marks in ≈ 48 ms, over holdMs; the smaller batches come back under the aim.
    const { sizes, frames } = await batches(608, affine(4, 0.22));
    expect(frames[0]).toBeGreaterThan(MARK_PACING.holdMs);
    expect(sizes[1]).toBeLessThan(sizes[0]);
    expect(Math.max(...frames.slice(1))).toBeLessThanOrEqual(MARK_PACING.renderMs);
  });

  it('shrinks the batch after a frame that rendered slowly', async () => {
    const { sizes } = await batches(1000, (n, i) => (i === 1 ? 80 : affine(6, 0.07)(n)), 0.01, false);
    expect(sizes[2]).toBeLessThan(sizes[1]);
    expect(sizes[2]).toBe(Math.max(MARK_PACING.min, Math.floor((MARK_PACING.renderMs / (80 / sizes[1])) * (MARK_PACING.renderMs / 80))));
  });

  it('grows at most by its factor per frame however cheap the frame', async () => {
    const { sizes } = await batches(5000, () => 0.5);
    for (let i = 1; i < sizes.length - 1; i++) expect(sizes[i]).toBeLessThanOrEqual(Math.min(MARK_PACING.max, sizes[i - 1] * MARK_PACING.grow));
  });

  it('never runs its own script past the budget of a batch', async () => {
    // Each step costs 1 ms: the script budget caps the batch whatever its size.
    const { sizes } = await batches(100, affine(6, 0.07), 1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MARK_PACING.scriptMs);
  });

  it('grows in a tab that draws nothing (no rendering to keep short)', async () => {
    const { sizes } = await batches(5000, () => undefined, 0.001, false);
    expect(sizes.slice(0, 3)).toEqual([MARK_PACING.first, MARK_PACING.first * MARK_PACING.grow, MARK_PACING.max]);
  });
  it('shares what is left evenly: no small last frame paying the fixed part for a few marks', async () => {
    // The page's 608 marks on a machine like the one measured: three frames, the last two the same size.
    const { sizes } = await batches(608, affine(11.5, 0.05));
    expect(sizes).toEqual([evenFirst(608), 203, 202]);
    // Without the count the same frames leave a small last batch.
    const plain = await batches(608, affine(11.5, 0.05), 0.01, false);
    expect(Math.min(...plain.sizes)).toBeLessThan(sizes[2]);
  });

  it('ends in the batch that takes the last step, not a frame later', async () => {
    const { sizes, frames } = await batches(150, affine(11.5, 0.05));
    expect(sizes).toEqual([150]);
    expect(frames).toEqual([]);
    // Work that does not say what is left is seen to end only at its next step, after a frame.
    expect((await batches(MARK_PACING.first, affine(11.5, 0.05), 0.01, false)).frames.length).toBe(1);
  });

  it('never shrinks below its smallest batch, where a frame is nearly all fixed cost', async () => {
    // 2.5× slower: the fixed part alone (≈ 29 ms) is over the budget; by the cost per mark the batches would shrink to a few marks.
    const { sizes } = await batches(608, affine(28.75, 0.125));
    expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThanOrEqual(MARK_PACING.min);
    expect(sizes.length).toBeLessThanOrEqual(1 + Math.ceil((608 - MARK_PACING.first) / MARK_PACING.min));
  });
});
