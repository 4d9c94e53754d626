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

/** Waits for the next frame to be drawn (true), or 100 ms in a tab that draws none (false). */
function nextFrame(): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      // After the frame's rendering: a fresh task.
      setTimeout(() => resolve(true), 0);
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
 * the viewport) — with a few marks per frame, 600 marks cost 60 frames of that.
 * So the batch grows while the frames after it come back quickly (their
 * rendering was cheap) and shrinks when one comes back late: as few frames as
 * the machine allows, each one short. Our own script runs at most `scriptMs`
 * per batch.
 */
export interface FramePacing {
  first: number;
  max: number;
  scriptMs: number;
  /** Frame gap (end of a batch → start of the next) under which the batch doubles, over which it halves. */
  fastMs: number;
  slowMs: number;
}

export const MARK_PACING: FramePacing = { first: 16, max: 512, scriptMs: 8, fastMs: 28, slowMs: 45 };

export async function driveByFrames<T>(gen: Generator<void, T, void>, pacing: FramePacing = MARK_PACING, pause: () => Promise<boolean> = nextFrame, now = () => performance.now()): Promise<T> {
  let batch = pacing.first;
  for (;;) {
    const started = now();
    for (let n = 0; n < batch && now() - started < pacing.scriptMs; n++) {
      const r = gen.next();
      if (r.done) return r.value;
    }
    const ended = now();
    const drawn = await pause();
    const gap = now() - ended;
    // A hidden tab draws nothing: no rendering to keep short, so the batch grows.
    if (drawn && gap > pacing.slowMs) batch = Math.max(4, batch >> 1);
    else if (!drawn || gap < pacing.fastMs) batch = Math.min(pacing.max, batch * 2);
  }
}
