/**
 * The local registry over WXT's fake storage: documents learned on vbpl.vn
 * as registry entries (status text → the schema's status, the page as
 * provenance), importing `vanban-registry` files (bad entries named and
 * skipped, the rest kept, limits), exporting one file the CLI reads without
 * a problem, and the registry the background builds from all of them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleBackgroundRequest } from '../../../extension/browser/background/handlers.ts';
import { readAnalysis } from './read-analysis.ts';
import { learn, type LearnedEntry } from '../../../extension/browser/background/learned.ts';
import { forgetLocalRegistry, localRegistry, watchRegistryStores } from '../../../extension/browser/background/registry.ts';
import { exportLocalRegistry } from '../../../extension/browser/registry/export.ts';
import { joinRegistryFiles, learnedEntryData, learnedRegistryFile, statusFromText } from '../../../extension/browser/registry/file.ts';
import { importedItem, importRegistryFile, MAX_IMPORT_BYTES, readImported, removeImported, sizeProblem } from '../../../extension/browser/registry/imported.ts';
import type { PortalFacts, SenderLike } from '../../../extension/browser/lib/messages.ts';
import { embeddedLayer, parseRegistryData, parseRegistryText, STATUSES } from '../../../language-server/src/core/registry/index.ts';

const ROOT = join(import.meta.dirname, '../../..');
const URL_101 = 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172';
const FACTS_101: PortalFacts = {
  number: '101/2015/QH13',
  type: 'Bộ luật',
  title: 'Bộ luật Tố tụng hình sự',
  issuer: 'Quốc hội',
  signerTitle: 'Chủ tịch Quốc hội',
  signer: 'Nguyễn Sinh Hùng',
  issued: '2015-11-27',
  effective: '2018-01-01',
  status: 'Còn hiệu lực',
  url: URL_101,
};
const FACTS_63: PortalFacts = { number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', status: 'Hết hiệu lực toàn bộ', url: 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=157002' };
const VBPL_TAB: SenderLike = { id: 'test-extension-id', tab: { id: 3, url: URL_101 } };

const FILE = (entries: unknown[], sources?: string[]) => JSON.stringify({ format: 'vanban-registry', version: 1, ...(sources ? { sources } : {}), entries });

let unwatch = () => {};
beforeEach(() => {
  fakeBrowser.reset();
  unwatch();
  forgetLocalRegistry();
  unwatch = watchRegistryStores();
});

describe('status text of vbpl.vn → the registry status', () => {
  it.each([
    ['Còn hiệu lực', 'con-hieu-luc'],
    ['  còn   hiệu lực. ', 'con-hieu-luc'],
    ['Đang có hiệu lực', 'con-hieu-luc'],
    ['Hết hiệu lực toàn bộ', 'het-hieu-luc-toan-bo'],
    ['Hết hiệu lực', 'het-hieu-luc-toan-bo'],
    ['HẾT HIỆU LỰC MỘT PHẦN', 'het-hieu-luc-mot-phan'],
    ['Chưa có hiệu lực', 'chua-co-hieu-luc'],
    ['Ngưng hiệu lực', 'ngung-hieu-luc'],
    // Decomposed tone marks (NFD), as some pages serve them.
    ['Còn hiệu lực'.normalize('NFD'), 'con-hieu-luc'],
    ['Ngưng hiệu lực một phần', undefined],
    ['Chưa xác định', undefined],
    ['Không còn phù hợp', undefined],
    ['', undefined],
  ])('%j → %s', (text, status) => {
    expect(statusFromText(text)).toBe(status);
  });

  it('gives only values of the schema', () => {
    for (const s of ['Còn hiệu lực', 'Hết hiệu lực một phần', 'Chưa có hiệu lực']) expect(STATUSES).toContain(statusFromText(s));
  });
});

describe('learned documents as registry entries', () => {
  const learned = (f: PortalFacts): LearnedEntry => ({ ...f, firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-02T00:00:00.000Z' });

  it('keeps the facts the schema has, with the page as the evidence of each', () => {
    const e = learnedEntryData(learned(FACTS_101), 4);
    expect(e).toMatchObject({ number: '101/2015/QH13', type: 'Bộ luật', issuer: 'Quốc hội', title: 'Bộ luật Tố tụng hình sự', dateIssued: '2015-11-27', dateEffective: '2018-01-01', status: 'con-hieu-luc' });
    expect(e.evidence?.status).toEqual([{ value: 'con-hieu-luc', count: 1, src: [[4, 1]] }]);
    expect(Object.keys(e.evidence ?? {}).sort()).toEqual(['dateEffective', 'dateIssued', 'issuer', 'status', 'title', 'type']);
    // Signer and reading times have no field in the format: not exported.
    expect(JSON.stringify(e)).not.toContain('Nguyễn Sinh Hùng');
  });

  it('writes numbers canonically and leaves out what the schema would refuse', () => {
    const e = learnedEntryData(learned({ number: '63/2022/nđ-cp', type: 'x'.repeat(61), status: 'Chưa xác định', url: URL_101 }), 0);
    expect(e).toEqual({ number: '63/2022/NĐ-CP' });
  });

  it('makes a file whose sources are the pages read, one per page', () => {
    const file = learnedRegistryFile([learned(FACTS_101), learned(FACTS_63), learned({ ...FACTS_63, number: '64/2022/NĐ-CP' })]);
    expect(file.sources).toEqual([URL_101, FACTS_63.url]);
    expect(file.entries.map((e) => e.evidence?.issuer?.[0].src)).toEqual([[[0, 1]], [[1, 1]], [[1, 1]]]);
    const loaded = parseRegistryData(file, 'learned');
    expect(loaded.problems).toEqual([]);
    expect(loaded.entries).toHaveLength(3);
  });

  it('joins files: provenance pairs follow their own file’s sources, pairs past them are dropped', () => {
    const a = { sources: ['a.txt', 'b.txt'], entries: [{ number: '1/2020/NĐ-CP', relations: [{ kind: 'replaced-by' as const, number: '2/2021/NĐ-CP', src: [[1, 5] as [number, number]] }] }] };
    const b = { sources: ['c.txt'], entries: [{ number: '3/2020/NĐ-CP', evidence: { issuer: [{ value: 'Chính phủ', count: 2, src: [[0, 7], [5, 1]] as [number, number][] }] } }] };
    const joined = joinRegistryFiles([a, b], 'test');
    expect(joined.sources).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(joined.entries[0].relations?.[0].src).toEqual([[1, 5]]);
    expect(joined.entries[1].evidence?.issuer?.[0].src).toEqual([[2, 7]]);
  });
});

describe('importing a registry file', () => {
  it('stores the entries of a valid file and reads them back through the schema', async () => {
    const r = await importRegistryFile(FILE([{ number: '5/2024/TT-BNV', type: 'Thông tư', title: 'hướng dẫn thử', status: 'con-hieu-luc' }], ['x.txt']), 'dong-nghiep.json');
    expect(r).toEqual({ entries: 1, problems: [] });
    const files = await readImported();
    expect(files.map((f) => [f.name, f.loaded.entries.length, f.loaded.problems])).toEqual([['dong-nghiep.json', 1, []]]);
    expect(files[0].loaded.sources).toEqual(['x.txt']);
  });

  it('names the file and the field of a bad entry and keeps the valid rest', async () => {
    const text = FILE([{ number: '1/2020/NĐ-CP', dateIssued: '2020-13-01' }, { number: '2/2020/NĐ-CP', status: 'con-hieu-luc' }, { number: '3/2020/NĐ-CP', status: 'sắp hết' }]);
    const r = await importRegistryFile(text, 'reg.json');
    expect(r.entries).toBe(1);
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/reg\.json: entries\[0\]\.dateIssued: .*mục bị bỏ qua/u);
    expect(r.problems[1]).toMatch(/reg\.json: entries\[2\]\.status/u);
    expect((await readImported())[0].loaded.entries.map((e) => e.number)).toEqual(['2/2020/NĐ-CP']);
    const en = await importRegistryFile(text, 'reg.json', 'en');
    expect(en.problems[0]).toMatch(/^Invalid registry reg\.json: entries\[0\]\.dateIssued/u);
  });

  it.each([
    ['malformed JSON', '{"format": "vanban-registry",', /bad\.json: JSON sai cú pháp/u],
    ['another format', JSON.stringify({ format: 'other', version: 1, entries: [] }), /bad\.json: format: phải là "vanban-registry"/u],
    ['a later version', JSON.stringify({ format: 'vanban-registry', version: 2, entries: [{ number: '1/2020/NĐ-CP' }] }), /bad\.json: version/u],
    ['a forbidden key', '{"format":"vanban-registry","version":1,"entries":[{"number":"1/2020/NĐ-CP","__proto__":{"x":1}}]}', /bad\.json: entries\[0\]\.__proto__: khoá bị cấm/u],
    ['no entry', FILE([]), /bad\.json: không có mục hợp lệ nào/u],
  ])('stores nothing from %s, and says why', async (_, text, message) => {
    const r = await importRegistryFile(text, 'bad.json');
    expect(r.entries).toBe(0);
    expect(r.problems.join('\n')).toMatch(message);
    expect(await readImported()).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(sizeProblem('big.json', MAX_IMPORT_BYTES)).toBeUndefined();
    expect(sizeProblem('big.json', MAX_IMPORT_BYTES + 1)).toMatch(/^big\.json: tệp 4\.0 MB, lớn hơn 4\.0 MB; không nhập gì$/u);
    const entries = Array.from({ length: 30_000 }, (_, i) => ({ number: `${i + 1}/2020/NĐ-CP`, title: 'văn bản thử nghiệm có trích yếu khá dài để tệp vượt giới hạn dung lượng' }));
    const r = await importRegistryFile(FILE(entries), 'big.json');
    expect(r).toEqual({ entries: 0, problems: [expect.stringMatching(/^big\.json: tệp \d+\.\d MB, lớn hơn 4\.0 MB/u)] });
    expect(await readImported()).toEqual([]);
  });

  it('replaces a file imported again under the same name; removes one on request', async () => {
    await importRegistryFile(FILE([{ number: '1/2020/NĐ-CP' }]), 'a.json');
    await importRegistryFile(FILE([{ number: '2/2020/NĐ-CP' }]), 'b.json');
    await importRegistryFile(FILE([{ number: '3/2020/NĐ-CP' }, { number: '4/2020/NĐ-CP' }]), 'a.json');
    expect((await readImported()).map((f) => [f.name, f.loaded.entries.length])).toEqual([['b.json', 1], ['a.json', 2]]);
    await removeImported('b.json');
    expect((await readImported()).map((f) => f.name)).toEqual(['a.json']);
  });

  it('reads hostile stored values as nothing, or as their valid entries only', async () => {
    await importedItem.setValue('not a list');
    expect(await readImported()).toEqual([]);
    await importedItem.setValue([
      { name: 'ok.json', importedAt: '2026-01-01T00:00:00.000Z', file: { format: 'vanban-registry', version: 1, entries: [{ number: '1/2020/NĐ-CP' }, { number: '2/2020/NĐ-CP', dateIssued: 'hôm qua' }, { number: '3/2020/NĐ-CP', constructor: 'x' }] } },
      { name: 42, file: {} },
      null,
    ]);
    const files = await readImported();
    expect(files.map((f) => f.name)).toEqual(['ok.json']);
    // Read back as the file it was: a forbidden key costs its entry, as in a file the user picks.
    expect(files[0].loaded.entries.map((e) => e.number)).toEqual(['1/2020/NĐ-CP']);
    expect(files[0].loaded.problems.map((p) => p.path)).toEqual(['entries[1].dateIssued', 'entries[2].constructor']);
  });
});

describe('exporting the local registry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-registry-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one vanban-registry v1 file: the imported files, then the learned documents', async () => {
    await importRegistryFile(FILE([{ number: '5/2024/TT-BNV', title: 'hướng dẫn thử', evidence: { title: [{ value: 'hướng dẫn thử', count: 1, src: [[0, 12]] }] } }], ['ban-a.txt']), 'a.json');
    await learn(FACTS_101);
    const { text, entries } = await exportLocalRegistry();
    expect(entries).toBe(2);
    const loaded = parseRegistryText(text, 'vanban-registry.json');
    expect(loaded.problems).toEqual([]);
    expect(loaded.sources).toEqual(['ban-a.txt', URL_101]);
    expect(loaded.entries.map((e) => e.number)).toEqual(['5/2024/TT-BNV', '101/2015/QH13']);
    expect(loaded.entries[1].evidence?.status?.[0].src).toEqual([[1, 1]]);
    const round = await importRegistryFile(text, 'vanban-registry.json');
    expect(round).toEqual({ entries: 2, problems: [] });
  });

  it('is read by the CLI (vanban citations --registry FILE) without a problem', async () => {
    await learn(FACTS_101);
    const file = join(dir, 'vanban-registry.json');
    writeFileSync(file, (await exportLocalRegistry()).text);
    const doc = join(dir, 'qd.txt');
    writeFileSync(doc, 'Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13;\n');
    const out = execFileSync(process.execPath, [join(ROOT, 'bin/vanban.js'), 'citations', '--registry', file, '--format', 'json', doc], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const cit = JSON.parse(out).files[0].citations.find((c: { number: string }) => c.number === '101/2015/QH13');
    expect(cit.registry).toMatchObject({ number: '101/2015/QH13', status: 'con-hieu-luc', dateEffective: '2018-01-01', origins: [file] });
  });
});

describe('the registry the background checks pages with', () => {
  const analyze = async (text: string) => readAnalysis(await handleBackgroundRequest({} as never, { kind: 'analyze', text }, VBPL_TAB));

  it('is built once and rebuilt when the learned or imported documents change', async () => {
    const first = await localRegistry();
    expect(await localRegistry()).toBe(first);
    expect(first.registry.lookupNumber('101/2015/QH13')).toEqual([]);
    await handleBackgroundRequest({} as never, { kind: 'learn', facts: FACTS_101 }, VBPL_TAB);
    const second = await localRegistry();
    expect(second).not.toBe(first);
    // The same page read again changes no fact: nothing is written, the registry is kept.
    await handleBackgroundRequest({} as never, { kind: 'learn', facts: FACTS_101 }, VBPL_TAB);
    await new Promise((r) => setTimeout(r, 0));
    expect(await localRegistry()).toBe(second);
    expect(second.registry.lookupNumber('101/2015/QH13')[0]).toMatchObject({ status: 'con-hieu-luc', origins: ['vbpl.vn'] });
    await importRegistryFile(FILE([{ number: '5/2024/TT-BNV', title: 'hướng dẫn thử' }]), 'a.json');
    await new Promise((r) => setTimeout(r, 0)); // the storage watch
    expect((await localRegistry()).registry.lookupNumber('5/2024/TT-BNV')[0]?.title).toBe('hướng dẫn thử');
  });

  it('layers: the embedded registry, then imported files, then learned documents — without changing the embedded data', async () => {
    const embeddedTitle = embeddedLayer().file.entries.find((e) => e.number === '63/2022/NĐ-CP')?.title;
    expect(embeddedTitle).toMatch(/cơ cấu tổ chức của Bộ Nội vụ/u);
    await importRegistryFile(FILE([{ number: '63/2022/NĐ-CP', dateEffective: '2022-09-12' }]), 'a.json');
    await learn(FACTS_63);
    const e = (await localRegistry()).registry.lookupNumber('63/2022/NĐ-CP')[0];
    expect(e).toMatchObject({ title: embeddedTitle, dateEffective: '2022-09-12', status: 'het-hieu-luc-toan-bo', origins: ['embedded', 'a.json', 'vbpl.vn'] });
    expect(embeddedLayer().file.entries.find((x) => x.number === '63/2022/NĐ-CP')?.status).toBeUndefined();
  });

  it('gives page citations the registry’s facts on their cards', async () => {
    await learn(FACTS_101);
    const a = await analyze('Căn cứ Nghị định số 63/2022/NĐ-CP;\nCăn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13;\nCăn cứ Nghị định số 9999/2099/NĐ-CP;');
    const [nd63, blttHs, unknown] = a.citations.map((c) => c.card);
    expect(nd63.known).toBe(true);
    expect(nd63.facts).toContainEqual(['Trích yếu', 'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ']);
    expect(nd63.facts).toContainEqual(['Ngày ban hành', '12/09/2022']);
    expect(nd63.facts).toContainEqual(['Nguồn', 'cơ sở dữ liệu của Vanban']);
    expect(blttHs).toMatchObject({ known: true, status: 'Còn hiệu lực', tone: 'ok' });
    expect(blttHs.facts).toContainEqual(['Người ký', 'Chủ tịch Quốc hội Nguyễn Sinh Hùng']);
    expect(blttHs.facts).toContainEqual(['Nguồn', URL_101]);
    expect(unknown).toMatchObject({ known: false, tone: 'unknown' });
  });
});
