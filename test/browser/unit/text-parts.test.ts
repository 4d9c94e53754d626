/**
 * Page text sent ahead in parts while the page is read: the analysis gets
 * exactly the text the parts and the last piece make, only for the sender
 * and reading that sent them, once; a missing or repeated part, another
 * sender's parts or an oversized total give no text at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { handleBackgroundRequest } from '../../../extension/browser/background/handlers.ts';
import { readAnalysis } from './read-analysis.ts';
import { senderKey, TextParts } from '../../../extension/browser/background/text-parts.ts';
import { BackgroundRequest, MAX_PAGE_CHARS, TEXT_PARTS_ERROR, type SenderLike } from '../../../extension/browser/lib/messages.ts';

const TAB: SenderLike = { id: 'test-extension-id', tab: { id: 7, url: 'https://vbpl.vn/x' }, frameId: 0 };
const RUN = 'a1b2c3d4e5f6a7b8';

beforeEach(() => fakeBrowser.reset());

describe('TextParts', () => {
  it('joins the parts in their order, then the rest, and hands them out once', () => {
    const t = new TextParts();
    t.add('7:0', RUN, 1, 'hai ');
    t.add('7:0', RUN, 0, 'một ');
    expect(t.take('7:0', RUN, 2, 'ba')).toBe('một hai ba');
    expect(t.take('7:0', RUN, 2, 'ba')).toBeUndefined();
  });

  it.each([
    ['a part is missing', (t: TextParts) => t.add('7:0', RUN, 1, 'b'), ['7:0', RUN, 2]],
    ['fewer parts arrived than the request counts', (t: TextParts) => t.add('7:0', RUN, 0, 'a'), ['7:0', RUN, 2]],
    ['more parts arrived than the request counts', (t: TextParts) => (t.add('7:0', RUN, 0, 'a'), t.add('7:0', RUN, 1, 'b')), ['7:0', RUN, 1]],
    ['another reading asks', (t: TextParts) => t.add('7:0', RUN, 0, 'a'), ['7:0', 'ffffffffffffffff', 1]],
    ['another frame asks', (t: TextParts) => t.add('7:0', RUN, 0, 'a'), ['7:1', RUN, 1]],
  ] as const)('gives nothing when %s', (_name, fill, [sender, run, count]) => {
    const t = new TextParts();
    fill(t);
    expect(t.take(sender, run, count, '')).toBeUndefined();
  });

  it('keeps only the latest reading of a sender', () => {
    const t = new TextParts();
    t.add('7:0', RUN, 0, 'cũ');
    t.add('7:0', 'ffffffffffffffff', 0, 'mới');
    expect(t.take('7:0', 'ffffffffffffffff', 1, '')).toBe('mới');
  });

  it('refuses a part sent twice and a total over the page limit', () => {
    const t = new TextParts();
    t.add('7:0', RUN, 0, 'a');
    expect(() => t.add('7:0', RUN, 0, 'a')).toThrow(TEXT_PARTS_ERROR);
    const big = 'x'.repeat(MAX_PAGE_CHARS / 2 + 1);
    t.add('8:0', RUN, 0, big);
    expect(() => t.add('8:0', RUN, 1, big)).toThrow(TEXT_PARTS_ERROR);
    expect(t.take('8:0', RUN, 1, '')).toBeUndefined();
  });

  it('keys parts by tab and frame', () => {
    expect(senderKey(TAB)).toBe('7:0');
    expect(senderKey({ ...TAB, frameId: 3 })).toBe('7:3');
  });
});

describe('background: text sent ahead', () => {
  const text = 'Điều 1. Phạm vi\n1. Khoản một.\n2. Theo khoản 1 Điều này và khoản 5 Điều 2.\nĐiều 2. Đối tượng\n1. Ai đó.\n';

  it('analyses the parts and the last piece as one text, the same as the text sent whole', async () => {
    const [a, b] = [text.slice(0, 20), text.slice(20, 50)];
    for (const [index, part] of [a, b].entries()) {
      const msg = BackgroundRequest.parse({ kind: 'text-part', run: RUN, index, text: part });
      expect(await handleBackgroundRequest(browser, msg, TAB)).toBeNull();
    }
    const parted = readAnalysis(await handleBackgroundRequest(browser, { kind: 'analyze', text: text.slice(50), run: RUN, parts: 2 }, TAB));
    const whole = readAnalysis(await handleBackgroundRequest(browser, { kind: 'analyze', text }, TAB));
    expect({ ...parted, ms: 0 }).toEqual({ ...whole, ms: 0 });
    expect(parted.references.map((r) => text.slice(r.start, r.end))).toEqual(['khoản 1 Điều này', 'khoản 5 Điều 2']);
  });

  it('says the parts are missing when they are (the content script then sends the text whole)', async () => {
    await expect(handleBackgroundRequest(browser, { kind: 'analyze', text: 'Điều 1.', run: RUN, parts: 1 }, TAB)).rejects.toThrow(TEXT_PARTS_ERROR);
  });

  it('takes parts only from a content script in a tab', async () => {
    await expect(handleBackgroundRequest(browser, { kind: 'text-part', run: RUN, index: 0, text: 'a' }, { id: 'test-extension-id' })).rejects.toThrow(TEXT_PARTS_ERROR);
  });

  it('refuses malformed parts', () => {
    expect(BackgroundRequest.safeParse({ kind: 'text-part', run: 'short', index: 0, text: 'a' }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ kind: 'text-part', run: RUN, index: -1, text: 'a' }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ kind: 'text-part', run: RUN, index: 0, text: 5 }).success).toBe(false);
  });
});
