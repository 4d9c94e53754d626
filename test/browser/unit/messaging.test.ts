/**
 * Messages between the parts of the extension, through WXT's fake browser:
 * a message is handled only when it comes from this extension and
 * validates; every forged or malformed one changes nothing and gets no
 * answer. The background's own checks (who may ask for what) on top.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundRequest } from '../../../extension/browser/background/handlers.ts';
import { readLearned } from '../../../extension/browser/background/learned.ts';
import { readAnalysis } from './read-analysis.ts';
import { AnalysisWireSchema, checkAnalysis, packAnalysis } from '../../../extension/browser/lib/analysis-wire.ts';
import { AnalysisSchema, BackgroundRequest, guardedListener, MAX_PAGE_CHARS, TabRequest, unwrapReply, type SenderLike } from '../../../extension/browser/lib/messages.ts';

const ID = () => browser.runtime.id;
const VBPL_TAB: SenderLike = { id: 'test-extension-id', tab: { id: 3, url: 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172' } };
const FACTS = { number: '101/2015/QH13', type: 'Bộ luật', issuer: 'Quốc hội', issued: '2015-11-27', status: 'Còn hiệu lực', url: 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172' };

beforeEach(() => fakeBrowser.reset());

/** Calls a listener the way the browser does and collects what it answers. */
async function deliver(listener: ReturnType<typeof guardedListener>, message: unknown, sender: SenderLike | undefined) {
  const sendResponse = vi.fn();
  const willAnswer = listener(message, sender as SenderLike, sendResponse);
  await new Promise((r) => setTimeout(r, 0));
  await vi.waitFor(() => willAnswer !== true || sendResponse.mock.calls.length > 0);
  return { willAnswer, answers: sendResponse.mock.calls.map((c) => c[0]) };
}

describe('guardedListener', () => {
  const handled = vi.fn(async (m: TabRequest) => ({ kind: m.kind }));
  const listener = guardedListener(ID, TabRequest, handled);
  beforeEach(() => {
    handled.mockClear();
  });

  it('answers a valid message from this extension', async () => {
    const r = await deliver(listener, { kind: 'status' }, { id: 'test-extension-id' });
    expect(r.willAnswer).toBe(true);
    expect(r.answers).toEqual([{ ok: true, value: { kind: 'status' } }]);
  });

  const forged: [string, unknown, SenderLike | undefined][] = [
    ['another extension', { kind: 'status' }, { id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['a sender without id (a web page)', { kind: 'rerun' }, { url: 'https://evil.example/' }],
    ['no sender at all', { kind: 'rerun' }, undefined],
    ['an unknown kind', { kind: 'eval', code: 'alert(1)' }, { id: 'test-extension-id' }],
    ['a string', 'rerun', { id: 'test-extension-id' }],
    ['null', null, { id: 'test-extension-id' }],
    ['a prototype-polluting object', JSON.parse('{"kind":"status","__proto__":{"polluted":true}}'), { id: 'abc' }],
  ];

  it.each(forged)('ignores %s: no handler call, no answer', async (_name, message, sender) => {
    const r = await deliver(listener, message, sender);
    expect(r.willAnswer).toBe(false);
    expect(r.answers).toEqual([]);
    expect(handled).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns a handler error into an error reply', async () => {
    const failing = guardedListener(ID, TabRequest, () => {
      throw new Error('hỏng');
    });
    const r = await deliver(failing, { kind: 'status' }, { id: 'test-extension-id' });
    expect(r.answers).toEqual([{ ok: false, error: 'hỏng' }]);
    expect(() => unwrapReply(r.answers[0], TabRequest)).toThrow('hỏng');
  });

  it('checks a large analysis: the references in columns at once, the findings item by item in slices; refuses it for one bad item', () => {
    const target = { id: 'dieu_1', label: 'Điều 1', start: 0, end: 40 };
    const refs = Array.from({ length: 250 }, (_, i) => ({ start: i * 10 + 1, end: i * 10 + 5, status: 'ok', targets: [target] }));
    refs[3] = { start: 31, end: 35, status: 'broken', targets: [], message: 'không có khoản 9' } as never;
    refs[4] = { start: 41, end: 45, status: 'ambiguous', targets: [target, { id: 'dieu_2', label: 'Điều 2', start: 40, end: 90 }] };
    const finding = { start: 31, end: 35, code: 'reference/unresolved', severity: 'error', message: 'không có khoản 9' };
    const good = AnalysisSchema.parse({ document: {}, citations: [], references: refs, findings: Array.from({ length: 250 }, () => finding), ms: 3 });
    const wire = packAnalysis(good);
    // The target units go once: two, not 251.
    expect(wire.references.units.id).toEqual(['dieu_1', 'dieu_2']);
    const gen = checkAnalysis(AnalysisWireSchema.parse(JSON.parse(JSON.stringify(wire))), 100);
    let pauses = 0;
    let r = gen.next();
    for (; !r.done; r = gen.next()) pauses++;
    expect(pauses).toBe(2);
    expect(r.value).toEqual(good);
    const bad = { ...wire, findings: [...wire.findings, { ...finding, severity: 'fatal' }] };
    expect(() => readAnalysis(bad)).toThrow();
  });

  it.each([
    ['a status letter it does not know', { status: 'x' }],
    ['a target index past the units', { targets: [7] }],
    ['a negative offset', { start: [-1] }],
    ['an offset that is no integer', { end: [5.5] }],
    ['an offset that is a string', { end: ['5'] }],
    ['columns of different lengths', { end: [5, 6] }],
    ['targets ending before they begin', { targetEnds: [2, 1], targets: [0, 0], start: [1, 2], end: [3, 4], status: 'oo' }],
    ['targets left over after the last reference', { targets: [0, 0] }],
    ['a message of a reference that is not there', { messageOf: [1], message: ['?'] }],
    ['a unit id too long', { units: { id: ['x'.repeat(501)], label: ['Điều 1'], start: [0], end: [40] } }],
  ])('refuses reference columns with %s', (_name, change) => {
    const columns = { start: [1], end: [5], status: 'o', targetEnds: [1], targets: [0], messageOf: [], message: [], units: { id: ['dieu_1'], label: ['Điều 1'], start: [0], end: [40] } };
    const answer = { document: {}, citations: [], references: columns, findings: [], ms: 1 };
    expect(readAnalysis(answer).references).toEqual([{ start: 1, end: 5, status: 'ok', targets: [{ id: 'dieu_1', label: 'Điều 1', start: 0, end: 40 }] }]);
    expect(() => unwrapReply({ ok: true, value: { ...answer, references: { ...columns, ...change } } }, AnalysisWireSchema)).toThrow(/không hợp lệ/u);
  });

  it('rejects a malformed reply on the asking side', () => {
    expect(() => unwrapReply({ ok: true, value: { document: 5 } }, AnalysisWireSchema)).toThrow(/không hợp lệ/u);
    expect(() => unwrapReply(undefined, AnalysisWireSchema)).toThrow();
  });

  it('works through the fake runtime end to end', async () => {
    browser.runtime.onMessage.addListener(guardedListener(ID, BackgroundRequest, (m) => (m.kind === 'report' ? m.problems * 2 : null)) as never);
    // the fake runtime sends with an empty sender: not from this extension, so nobody answers
    await expect(browser.runtime.sendMessage({ kind: 'report', problems: 2 })).resolves.toBeUndefined();
  });
});

describe('background requests', () => {
  it('validates request shapes', () => {
    expect(BackgroundRequest.safeParse({ kind: 'analyze', text: 'Điều 1.' }).success).toBe(true);
    expect(BackgroundRequest.safeParse({ kind: 'analyze', text: 42 }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ kind: 'analyze', text: 'x'.repeat(MAX_PAGE_CHARS + 1) }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ kind: 'learn', facts: { ...FACTS, issued: '27/11/2015' } }).success).toBe(false);
    expect(BackgroundRequest.safeParse({ kind: 'learn', facts: { ...FACTS, number: '' } }).success).toBe(false);
  });

  it('analyses text for a content script in a tab', async () => {
    const text = 'Điều 1. Phạm vi\n1. Khoản một.\n2. Theo khoản 1 Điều này và khoản 5 Điều 2.\nĐiều 2. Đối tượng\n1. Ai đó.\n';
    const a = readAnalysis(await handleBackgroundRequest(browser, { kind: 'analyze', text }, VBPL_TAB));
    expect(a.references.map((r) => [text.slice(r.start, r.end), r.status])).toEqual([
      ['khoản 1 Điều này', 'ok'],
      ['khoản 5 Điều 2', 'broken'],
    ]);
    expect(a.findings.map((f) => f.code)).toEqual(['reference/unresolved']);
  });

  it('refuses an analysis asked by an extension page (no tab)', async () => {
    await expect(handleBackgroundRequest(browser, { kind: 'analyze', text: 'Điều 1.' }, { id: 'test-extension-id' })).rejects.toThrow(/content script/u);
  });

  it('learns from a vbpl.vn tab and keeps one entry per number', async () => {
    expect(await handleBackgroundRequest(browser, { kind: 'learn', facts: FACTS }, VBPL_TAB)).toEqual({ added: true, number: FACTS.number });
    expect(await handleBackgroundRequest(browser, { kind: 'learn', facts: { ...FACTS, number: '101/2015/qh13', status: 'Hết hiệu lực một phần' } }, VBPL_TAB)).toEqual({
      added: false,
      number: '101/2015/qh13',
    });
    const { entries } = await readLearned();
    expect(entries).toHaveLength(1);
    expect(entries[0].status).toBe('Hết hiệu lực một phần');
    expect(entries[0].issuer).toBe('Quốc hội');
  });

  it.each([
    ['another site', { id: 'test-extension-id', tab: { id: 1, url: 'https://vbpl.vn.evil.example/x' } }],
    ['a look-alike host', { id: 'test-extension-id', tab: { id: 1, url: 'https://notvbpl.vn/x' } }],
    ['an extension page', { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' }],
  ])('does not learn from %s', async (_name, sender) => {
    await expect(handleBackgroundRequest(browser, { kind: 'learn', facts: FACTS }, sender)).rejects.toThrow(/vbpl/u);
    expect((await readLearned()).entries).toEqual([]);
  });

  it('drops stored entries that do not validate and keeps the rest', async () => {
    await handleBackgroundRequest(browser, { kind: 'learn', facts: FACTS }, VBPL_TAB);
    const stored = (await fakeBrowser.storage.local.get('learned')).learned as unknown[];
    await fakeBrowser.storage.local.set({ learned: [...stored, { number: 5 }, 'junk'] });
    const r = await readLearned();
    expect(r.entries.map((e) => e.number)).toEqual([FACTS.number]);
    expect(r.dropped).toBe(2);
  });
});
