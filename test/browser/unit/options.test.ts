/**
 * The options page's model, over WXT's fake storage: rule severities,
 * `.vanbanrc.json` import/export, sites, and the round trip through storage
 * that the content script and the drafting page read.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RULES } from '../../../language-server/src/core/rules/registry.ts';
import { exportVanbanrc, importVanbanrc, ruleRows, siteRows, withRuleChoice } from '../../../extension/browser/options/model.ts';
import { DEFAULT_SETTINGS, siteEnabled, withSite } from '../../../extension/browser/lib/settings.ts';
import { settingsItem } from '../../../extension/browser/lib/storage.ts';
import { PORTALS } from '../../../extension/browser/lib/sites.ts';

beforeEach(() => fakeBrowser.reset());

describe('rule severities', () => {
  it('lists every rule of the checker with its default and description', () => {
    const rows = ruleRows(DEFAULT_SETTINGS);
    expect(rows.map((r) => r.code)).toEqual(RULES.map((r) => r.code));
    const dieu = rows.find((r) => r.code === 'numbering/dieu')!;
    expect(dieu).toMatchObject({ area: 'numbering', defaultSeverity: 'error', choice: 'default' });
    expect(dieu.description.length).toBeGreaterThan(10);
    expect(ruleRows({ ...DEFAULT_SETTINGS, lang: 'en' }).find((r) => r.code === 'numbering/dieu')!.description).not.toBe(dieu.description);
  });

  it('stores a choice, and "default" removes it', async () => {
    await settingsItem.set(withRuleChoice(await settingsItem.get(), 'text/spacing', 'off'));
    expect((await settingsItem.get()).rules).toEqual({ 'text/spacing': 'off' });
    expect(ruleRows(await settingsItem.get()).find((r) => r.code === 'text/spacing')!.choice).toBe('off');
    await settingsItem.set(withRuleChoice(await settingsItem.get(), 'text/spacing', 'default'));
    expect((await settingsItem.get()).rules).toEqual({});
  });
});

describe('.vanbanrc.json', () => {
  it('imports the rules and language of a project file', () => {
    const r = importVanbanrc(DEFAULT_SETTINGS, JSON.stringify({ rules: { 'text/spacing': 'off', 'header/ngay-thang': 'error' }, lang: 'en' }), '.vanbanrc.json');
    expect(r.problem).toBeUndefined();
    expect(r.imported).toBe(2);
    expect(r.settings.rules).toEqual({ 'text/spacing': 'off', 'header/ngay-thang': 'error' });
    expect(r.settings.lang).toBe('en');
  });

  it.each([
    ['not JSON', '{ rules: ', /JSON/u],
    ['a bad severity', '{"rules": {"text/spacing": "loud", "header/ngay-thang": "error"}}', /rules\.text\/spacing/u],
    ['an unknown code', '{"rules": {"text/nope": "off"}}', /text\/nope/u],
    ['a __proto__ key', '{"rules": {"__proto__": {"x": 1}}}', /__proto__/u],
  ])('keeps what is right in a file with %s and names the problem', (_name, text, problem) => {
    const before = withRuleChoice(DEFAULT_SETTINGS, 'can-cu/order', 'hint');
    const r = importVanbanrc(before, text, 'du-an/.vanbanrc.json');
    expect(r.problem).toMatch(problem);
    expect(r.problem).toContain('du-an/.vanbanrc.json');
    expect(r.settings.rules['can-cu/order']).toBe('hint');
    expect(Object.getPrototypeOf(r.settings.rules)).toBe(Object.prototype);
  });

  it('exports a file the import reads back to the same settings', () => {
    const s = withRuleChoice(withRuleChoice({ ...DEFAULT_SETTINGS, lang: 'en' }, 'text/spacing', 'off'), 'numbering/khoan', 'warning');
    expect(importVanbanrc(DEFAULT_SETTINGS, exportVanbanrc(s), '.vanbanrc.json').settings).toEqual(s);
  });
});

describe('sites', () => {
  it('lists every portal host, on by default', () => {
    const rows = siteRows(DEFAULT_SETTINGS);
    expect(rows.map((r) => r.host)).toEqual(PORTALS.flatMap((p) => p.hosts));
    expect(rows.every((r) => r.enabled)).toBe(true);
  });

  it('switches a portal off through storage, and lists a page switched off by hand', async () => {
    await settingsItem.set(withSite(withSite(await settingsItem.get(), 'thuvienphapluat.vn', false), 'example.gov.vn', false));
    const s = await settingsItem.get();
    expect(siteEnabled(s, 'thuvienphapluat.vn')).toBe(false);
    const rows = siteRows(s);
    expect(rows.find((r) => r.host === 'thuvienphapluat.vn')!.enabled).toBe(false);
    expect(rows.at(-1)).toEqual({ host: 'example.gov.vn', name: 'example.gov.vn', enabled: false });
  });
});
