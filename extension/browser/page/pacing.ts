/**
 * Handing the main thread back to the page: the content script's work (the
 * walk over the page's text, checking the analysis, placing the marks) runs
 * in slices so no task of ours is long, and the page's own scripts and
 * rendering run in between.
 */

/** Reading the page: slices of this many ms, then the page's own tasks run. */
const SLICE_MS = 8;
/** Gives the main thread back to the page (scheduler.yield where the browser has it). */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

/**
 * Waits for the next frame; resolves with how long its rendering took (from
 * its animation-frame callbacks to the next task after it), or `undefined`
 * after 100 ms in a tab that draws no frames.
 */
function nextFrame(): Promise<number | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      const start = performance.now();
      // After the frame's style, layout and paint: a fresh task.
      setTimeout(() => resolve(performance.now() - start), 0);
    });
  });
}

/** Runs a generator in time slices, handing the main thread back in between. */
export async function drive<T>(gen: Generator<void, T, void>, sliceMs = SLICE_MS, pause: () => Promise<void> = yieldToPage): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/**
 * Marking, paced by frames. Every mark makes the browser lay its paragraph
 * out again at the next frame, and on a large page every frame also has a
 * fixed cost (the layout pass over the document's blocks, pre-paint, paint of
 * the viewport) — so the fewer frames the better, as long as none of them is
 * long. After each frame the next batch is sized from what the last one cost
 * to render (its rendering time per mark, fixed cost included, so the
 * estimate errs on the safe side; see nextBatch), aiming at `renderMs` per
 * frame, growing at most `grow`× per frame and never below `min` marks. A
 * frame over `renderMs` but not over `holdMs` keeps its batch: it is mostly
 * the fixed cost, which a smaller batch does not cut. When
 * the generator yields how many steps are left, the rest is shared evenly
 * among the frames it needs (no small last frame paying the fixed cost for a
 * handful of marks). Our own script runs at most `scriptMs` per batch.
 */
export interface FramePacing {
  first: number;
  /** The smallest batch: below it a frame is nearly all fixed cost, so shrinking further only adds frames. */
  min: number;
  max: number;
  scriptMs: number;
  /** The rendering time of one frame the batches aim at when they grow: well under a long task's 50 ms, with room for a busy machine. */
  renderMs: number;
  /**
   * A frame up to this long keeps its batch size: over `renderMs` but not near a long task, it is mostly the
   * frame's fixed part, which a smaller batch would not cut (it would only add frames). Above it the batch shrinks.
   */
  holdMs: number;
  grow: number;
}

/**
 * Measured on the 965 KB vbpl.vn page (≈ 5,000 paragraphs in one container; Chromium traces, thread time):
 * a marking frame costs ≈ 11.5 ms whatever its size (layout ≈ 7 ms walking the container's children,
 * pre-paint ≈ 2.4, paint, commit) plus ≈ 0.05 ms per mark (≈ 4 layout objects each, the paragraph's lines
 * laid out again), and a busy or slow machine multiplies both.
 * - `first`: at most 208, evened out with the rest when the work says how much there is: the page's 608
 *   marks go 203 / 203 / 202 (≈ 22–24 ms each; 256 / ≈ 270 / ≈ 90 before, the first two ≈ 25–27 ms). Four
 *   frames (`first` 160: 152 each) cut the first frame to ≈ 19 ms but add a frame (≈ 12 ms and a frame's wait).
 * - `min`: 64. Where the fixed part alone nears `renderMs` (a slow phase or a busy machine: a frame of 4
 *   marks took 15–26 ms of thread time, more of wall), sizing by the cost per mark shrank the batches to 4
 *   marks and stayed there: 25–30 frames, marking up to 1.0–2.2 s in some loads (page-ab traces).
 * - `holdMs`: 44. A frame of 64 marks costs nearly what one of 203 does (this machine at load ≈ 4–5,
 *   wall: 20–40 ms against 26–55), so shrinking after a 30–40 ms frame only added frames: 203 / 64 / 64 …,
 *   6–10 frames where 3 do (page-ab, every frame's batch and rendering time). Over 44 ms a frame is near a
 *   long task (50 ms) and the batch still shrinks.
 */
export const MARK_PACING: FramePacing = { first: 208, min: 64, max: 2_000, scriptMs: 16, renderMs: 28, holdMs: 44, grow: 4 };

/**
 * The batch that renders in `renderMs` if the last one (`done` marks) took `rendered`: its cost per mark
 * counts the frame's fixed part in, which errs on the safe side when the batch grows but not when it
 * shrinks (the fixed part then weighs on fewer marks) — so after a frame over budget, usually a busy
 * machine, it shrinks once more by the same ratio.
 */
function nextBatch(done: number, rendered: number, renderMs: number): number {
  const next = renderMs / (rendered / done);
  return rendered > renderMs ? next * (renderMs / rendered) : next;
}

/** `left` steps in batches of at most `cap`, as even as they can be: the same number of frames, none of them small. */
function evened(left: number, cap: number): number {
  return Math.ceil(left / Math.ceil(left / cap));
}

/**
 * Runs `gen` in batches paced by frames (see FramePacing). The generator may yield how many steps it has
 * left (placeMarks does); a plain `yield` leaves the batches uneven.
 */
export async function driveByFrames<T>(gen: Generator<number | void, T, void>, pacing: FramePacing = MARK_PACING, pause: () => Promise<number | undefined> = nextFrame, now = () => performance.now()): Promise<T> {
  let batch = pacing.first;
  let steps = 0;
  for (;;) {
    const started = now();
    let done = 0;
    let left: number | void = undefined;
    // With nothing left the work ends in this batch, not after one more frame (so "done" is not a frame later).
    while ((done < batch || left === 0) && now() - started < pacing.scriptMs) {
      const r = gen.next();
      if (r.done) return r.value;
      left = r.value;
      done++;
      // The work's first yield says how much there is: the first batch is evened out with the rest too.
      if (steps++ === 0 && typeof left === 'number' && left > 0) batch = Math.max(pacing.min, evened(left + 1, batch));
    }
    // Stopped by the script budget, not by the batch's size: its frame says little about the batch's cost.
    const cut = done < batch;
    const rendered = await pause();
    // A hidden tab draws nothing: no rendering to keep short, so the batch grows.
    if (rendered === undefined) batch = Math.min(pacing.max, done * pacing.grow, batch * pacing.grow);
    // Sized by the frame when it was near a long task, or a full batch within the aim. Otherwise (over the aim but
    // not near a long task: mostly the frame's fixed part, which fewer marks would not cut; or a batch cut short)
    // the batch keeps its size.
    else if (rendered > pacing.holdMs || (!cut && rendered <= pacing.renderMs)) {
      batch = Math.min(pacing.max, done * pacing.grow, Math.floor(nextBatch(done, Math.max(rendered, 1), pacing.renderMs)));
    }
    if (typeof left === 'number' && left > 0) batch = evened(left, batch);
    // Never below `min` (evened never gives more than the batch it evens, so one floor here is the floor of each step).
    batch = Math.max(pacing.min, batch);
  }
}
