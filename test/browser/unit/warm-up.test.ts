/**
 * Warming the core up on the first part of a page's text: only while the
 * background is cold (before its first `coldAnalyses` analyses were asked
 * for), a piece per task, stopping as soon as an analysis is asked for (the
 * request waits for one piece at most), and a failure of the warm-up is
 * nobody's failure. The background's handler answers a first part the same
 * with the warm-up as without.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { WarmUp } from '../../../extension/browser/background/warm-up.ts';
import { handleBackgroundRequest } from '../../../extension/browser/background/handlers.ts';
import type { SenderLike } from '../../../extension/browser/lib/messages.ts';

/** A WarmUp whose tasks wait in `queue` and whose analyses are recorded in `analysed`. */
function harness(coldAnalyses = 2, prepare?: () => Promise<(text: string) => unknown>, pieceChars = 1_000) {
  const queue: (() => void)[] = [];
  const analysed: string[] = [];
  const warm = new WarmUp(coldAnalyses, pieceChars, prepare ?? (async () => (text: string) => analysed.push(text)), (run: () => void) => queue.push(run));
  /** Runs the tasks queued so far (not the ones they queue) and lets their promises settle. */
  const task = async () => {
    for (const run of queue.splice(0)) run();
    await new Promise((r) => setTimeout(r, 0));
  };
  /** Runs every task, the ones queued meanwhile too. */
  const flush = async () => {
    for (let i = 0; i < 100 && queue.length > 0; i++) await task();
  };
  return { warm, queue, analysed, task, flush };
}

describe('WarmUp', () => {
  it('analyses the first part in a task of its own while the background is cold', async () => {
    const { warm, queue, analysed, flush } = harness();
    warm.firstPart('Điều 1.');
    expect(analysed).toEqual([]);
    expect(queue).toHaveLength(1);
    await flush();
    expect(analysed).toEqual(['Điều 1.']);
  });

  it('analyses a long part a piece per task, and stops between pieces when an analysis is asked for', async () => {
    const { warm, analysed, task, flush } = harness(2, undefined, 4);
    warm.firstPart('abcdefghij');
    await task();
    expect(analysed).toEqual(['abcd']);
    await task();
    expect(analysed).toEqual(['abcd', 'efgh']);
    warm.asking();
    await flush();
    expect(analysed).toEqual(['abcd', 'efgh']);
    const whole = harness(2, undefined, 4);
    whole.warm.firstPart('abcdefghij');
    await whole.flush();
    expect(whole.analysed).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('stops once the cold analyses were asked for', async () => {
    const { warm, analysed, flush } = harness(2);
    for (const page of ['a', 'b', 'c']) {
      warm.firstPart(page);
      await flush();
      warm.asking();
    }
    expect(analysed).toEqual(['a', 'b']);
  });

  it('does not warm up once an analysis was asked for after the part came', async () => {
    const { warm, analysed, flush } = harness();
    warm.firstPart('a');
    warm.asking();
    await flush();
    expect(analysed).toEqual([]);
  });

  it('checks again after preparing (the registry may take a while)', async () => {
    let ready!: () => void;
    const analysed: string[] = [];
    const { warm, flush } = harness(2, () => new Promise((resolve) => (ready = () => resolve((text: string) => analysed.push(text)))));
    warm.firstPart('a');
    await flush();
    warm.asking();
    ready();
    await new Promise((r) => setTimeout(r, 0));
    expect(analysed).toEqual([]);
  });

  it('swallows a failing warm-up', async () => {
    const { warm, flush } = harness(2, async () => () => {
      throw new Error('boom');
    });
    warm.firstPart('a');
    await expect(flush()).resolves.toBeUndefined();
    const failing = harness(2, () => Promise.reject(new Error('no registry')));
    failing.warm.firstPart('a');
    await expect(failing.flush()).resolves.toBeUndefined();
  });
});

describe('background: the first part of a page', () => {
  beforeEach(() => fakeBrowser.reset());
  const TAB: SenderLike = { id: 'test-extension-id', tab: { id: 7, url: 'https://vbpl.vn/x' }, frameId: 0 };

  it('is kept and answered at once, the warm-up left to a later task', async () => {
    const answer = await handleBackgroundRequest(browser, { kind: 'text-part', run: 'a1b2c3d4e5f6a7b8', index: 0, text: 'Điều 1. Phạm vi\n' }, TAB);
    expect(answer).toBeNull();
    // The warm-up runs after the answer, in its own task, and fails nobody.
    await new Promise((r) => setTimeout(r, 20));
  });
});
