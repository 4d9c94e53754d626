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
 * frame, growing at most `grow`× per frame. Our own script runs at most `scriptMs` per batch.
 */
export interface FramePacing {
  first: number;
  max: number;
  scriptMs: number;
  /** The rendering time of one frame the batches aim at: well under a long task's 50 ms, with room for a busy machine. */
  renderMs: number;
  grow: number;
}

/**
 * `first`: on the 965 KB vbpl.vn page (≈ 5,000 paragraphs in one container) a marking frame costs ≈ 14 ms
 * whatever its size (the container laid out again, pre-paint, paint) plus ≈ 0.05 ms per mark, so 256 marks
 * render in about the time 128 did (17–21 ms against 19–20) and the page's 608 marks take two frames, not four.
 */
export const MARK_PACING: FramePacing = { first: 256, max: 2_000, scriptMs: 16, renderMs: 28, grow: 4 };

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

export async function driveByFrames<T>(gen: Generator<void, T, void>, pacing: FramePacing = MARK_PACING, pause: () => Promise<number | undefined> = nextFrame, now = () => performance.now()): Promise<T> {
  let batch = pacing.first;
  for (;;) {
    const started = now();
    let done = 0;
    while (done < batch && now() - started < pacing.scriptMs) {
      const r = gen.next();
      if (r.done) return r.value;
      done++;
    }
    const rendered = await pause();
    // A hidden tab draws nothing: no rendering to keep short, so the batch grows.
    const next = rendered === undefined ? batch * pacing.grow : Math.floor(nextBatch(done, Math.max(rendered, 1), pacing.renderMs));
    batch = Math.max(4, Math.min(pacing.max, done * pacing.grow, next));
  }
}
