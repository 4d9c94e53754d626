/**
 * Hostile registry files imported on the options page (issue 10 §3, "imported registries"),
 * the same files the CLI and the server are tested with (test/helpers/hostile-registry.ts):
 * the file and key path named, the valid rest stored, nothing over the size limit read,
 * Object.prototype untouched — and the background's registry still builds and answers.
 * Tampered storage (what only the extension or the user's devtools can write) too.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetLocalRegistry, localRegistry } from '../../../extension/browser/background/registry.ts';
import { importedItem, importRegistryFile, MAX_IMPORT_BYTES, readImported } from '../../../extension/browser/registry/imported.ts';
import { CASES, expectCleanPrototype, GOOD } from '../../helpers/hostile-registry.ts';

beforeEach(() => {
  fakeBrowser.reset();
  forgetLocalRegistry();
});

describe('importing a hostile registry file', () => {
  it.each(CASES)('%s → named by file and key path; only valid entries are stored', async (_name, text, keyPath, message, goodLoads) => {
    const r = await importRegistryFile(text, 'bad.json');
    const said = r.problems.join('\n');
    if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
      // Refused from its size, before parsing.
      expect(r).toEqual({ entries: 0, problems: [expect.stringMatching(/^bad\.json: tệp \d+\.\d MB, lớn hơn 4\.0 MB; không nhập gì$/u)] });
    } else {
      expect(said).toContain(`không hợp lệ bad.json${keyPath ? `: ${keyPath}` : ''}`);
      expect(said).toMatch(message);
      expect(r.entries > 0).toBe(goodLoads);
    }
    const stored = await readImported();
    const numbers = stored.flatMap((f) => f.loaded.entries.map((e) => e.number));
    expect(numbers).toHaveLength(r.entries);
    expect(numbers.includes(GOOD.number)).toBe(r.entries > 0);
    // What was stored reads back without a problem: nothing hostile was kept.
    expect(stored.flatMap((f) => f.loaded.problems)).toEqual([]);
    const { registry } = await localRegistry();
    expect(registry.lookupNumber(GOOD.number).some((e) => e.title === GOOD.title)).toBe(r.entries > 0);
    expectCleanPrototype();
  });
});

describe('tampered storage', () => {
  const deepObject = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };

  it.each([
    ['__proto__ as an own key of a stored entry', () => JSON.parse('{"format":"vanban-registry","version":1,"entries":[{"number":"1/2020/NĐ-CP","__proto__":{"polluted":1}},' + JSON.stringify(GOOD) + ']}'), 'entries[0].__proto__'],
    ['constructor.prototype in the envelope', () => JSON.parse('{"format":"vanban-registry","version":1,"constructor":{"prototype":{"polluted":1}},"entries":[]}'), 'constructor'],
    // Storage itself refuses far deeper values (chrome.storage serializes them; the fake one overflows).
    ['an entry nested 1,000 levels deep', () => ({ format: 'vanban-registry', version: 1, entries: [GOOD, { number: '2/2020/NĐ-CP', title: deepObject(1_000) }] }), 'entries[1].title'],
    ['a future version', () => ({ format: 'vanban-registry', version: 9, entries: [GOOD] }), 'version'],
  ])('%s: read as its valid entries only, the problem named, nothing polluted', async (_name, file, keyPath) => {
    await importedItem.setValue([{ name: 'tampered.json', importedAt: '2026-01-01T00:00:00.000Z', file: file() }]);
    const [f] = await readImported();
    expect(f.name).toBe('tampered.json');
    expect(f.loaded.problems[0].path).toBe(keyPath);
    const { registry } = await localRegistry();
    expect(registry.lookupNumber('1/2020/NĐ-CP')).toEqual([]);
    expectCleanPrototype();
  });
});
