/**
 * Extension storage through WXT's fake browser: what is written comes back,
 * and whatever another version or a hand edit left in storage is read
 * through zod — the right parts kept, the rest back to the defaults.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, readSettings, siteEnabled, withSite } from '../../../extension/browser/lib/settings.ts';
import { draftItem, EMPTY_DRAFT, MAX_DRAFT_CHARS, settingsItem, storageProblems } from '../../../extension/browser/lib/storage.ts';

beforeEach(() => {
  fakeBrowser.reset();
  storageProblems.length = 0;
});

describe('settings in storage', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('returns what was written', async () => {
    const s = { ...DEFAULT_SETTINGS, lang: 'en' as const, rules: { 'text/spacing': 'off' as const, 'reference/unresolved': 'warning' as const } };
    await settingsItem.set(s);
    expect(await settingsItem.get()).toEqual(s);
    // and it is really in storage.local under its key
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(s);
  });

  it('refuses to write settings that do not validate', async () => {
    await expect(settingsItem.set({ ...DEFAULT_SETTINGS, lang: 'fr' as 'vi' })).rejects.toThrow(/lang/u);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toBeUndefined();
  });

  it('tells watchers about changes with the validated value', async () => {
    const seen: string[] = [];
    const stop = settingsItem.watch((s) => seen.push(s.lang));
    await settingsItem.set({ ...DEFAULT_SETTINGS, lang: 'en' });
    await fakeBrowser.storage.local.set({ settings: { lang: 42 } });
    stop();
    expect(seen).toEqual(['en', 'vi']);
  });

  const hostile: [string, unknown, Partial<typeof DEFAULT_SETTINGS>, string[]][] = [
    ['a string', 'not settings', {}, ['(gốc)']],
    ['an array', [1, 2], {}, ['(gốc)']],
    ['a wrong language', { lang: 'fr' }, {}, ['lang']],
    ['a bad severity next to a good one', { rules: { 'text/spacing': 'loud', 'header/ngay-thang': 'error' } }, { rules: { 'header/ngay-thang': 'error' } }, ['rules.text/spacing']],
    ['a __proto__ rule key', JSON.parse('{"rules": {"__proto__": "off", "text/spacing": "off"}}'), { rules: { 'text/spacing': 'off' } }, ['rules.__proto__']],
    ['a constructor key', JSON.parse('{"rules": {"constructor": "off"}}'), {}, ['rules.constructor']],
    ['hosts that are not host names', { disabledSites: ['vbpl.vn', '<script>', 7] }, { disabledSites: ['vbpl.vn'] }, ['disabledSites']],
    ['an unknown key', { lang: 'en', theme: 'dark' }, { lang: 'en' }, ['theme']],
    ['annotate switches of the wrong type', { annotate: { citations: 'yes', panel: false } }, { annotate: { citations: true, references: true, panel: false } }, ['annotate.citations']],
  ];

  it.each(hostile)('reads %s: keeps what is right, names what is not', async (_name, raw, kept, problems) => {
    await fakeBrowser.storage.local.set({ settings: raw });
    const s = await settingsItem.get();
    expect(s).toEqual({ ...DEFAULT_SETTINGS, ...kept });
    expect(storageProblems.find((p) => p.key === 'settings')?.problems).toEqual(problems);
    // the prototype of the rules map is untouched
    expect(Object.getPrototypeOf(s.rules)).toBe(Object.prototype);
  });

  it('switches a site off and on, subdomains included', () => {
    const off = withSite(DEFAULT_SETTINGS, 'VBPL.vn', false);
    expect(siteEnabled(off, 'vbpl.vn')).toBe(false);
    expect(siteEnabled(off, 'www.vbpl.vn')).toBe(false);
    expect(siteEnabled(off, 'thuvienphapluat.vn')).toBe(true);
    expect(siteEnabled(withSite(off, 'vbpl.vn', true), 'vbpl.vn')).toBe(true);
    expect(readSettings(off).problems).toEqual([]);
  });
});

describe('the draft in storage', () => {
  it('is empty at first and comes back as saved', async () => {
    expect(await draftItem.get()).toEqual(EMPTY_DRAFT);
    const d = { text: 'QUYẾT ĐỊNH\nĐiều 1. …', name: 'qd.txt', savedAt: 1_700_000_000_000 };
    await draftItem.set(d);
    expect(await draftItem.get()).toEqual(d);
  });

  it('keeps the words of a damaged draft', async () => {
    await fakeBrowser.storage.local.set({ draft: { text: 'Điều 1. Giữ lại', name: 5, savedAt: 'hôm qua' } });
    expect(await draftItem.get()).toEqual({ ...EMPTY_DRAFT, text: 'Điều 1. Giữ lại' });
    expect(storageProblems.find((p) => p.key === 'draft')?.problems).toEqual(['name', 'savedAt']);
  });

  it('refuses a draft beyond the size limit instead of truncating it', async () => {
    await expect(draftItem.set({ text: 'x'.repeat(MAX_DRAFT_CHARS + 1), name: 'a.txt', savedAt: 1 })).rejects.toThrow();
    expect(await draftItem.get()).toEqual(EMPTY_DRAFT);
  });
});
