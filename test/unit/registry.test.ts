/**
 * The registry: file format (zod, versioned), per-entry validation with clear
 * errors naming file and field, layers merged in order (embedded < files <
 * workspace), both directions of relations, lookups (number, year of a
 * year-less number, province of a local number, law by name), completion,
 * and the builder behind `vanban index`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate, plainEntry } from '../../language-server/src/core/registry/load.ts';
import { entrySchema, ISO_DATE, STATUSES } from '../../language-server/src/core/registry/schema.ts';
import {
  fastNumberKey, hashOf, KEY_NUMBER, keyShape, numberShape, PLAIN_NUMBER, SHAPE_KEY, SHAPE_PLAIN, SHAPE_UNKNOWN,
} from '../../language-server/src/core/registry/registry.ts';
import { KeyIndex, keyHash } from '../../language-server/src/core/registry/key-index.ts';
import { numberKey } from '../../language-server/src/core/citations/number.ts';
import { findCitationsInText } from '../../language-server/src/core/citations/index.ts';
import {
  createRegistry, layerFromData, parseRegistryText, problemText, RegistryBuilder, workspaceLayer, type EntryData,
} from '../../language-server/src/core/registry/index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

const file = (entries: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'vanban-registry', version: 1, entries, ...extra });
const layer = (entries: EntryData[], name = 'a.json') => layerFromData(JSON.parse(file(entries)), name);
const cite = (text: string) => findCitationsInText(text)[0];

describe('registry files', () => {
  it('a well-formed file loads', () => {
    const r = parseRegistryText(file([{ number: '63/2022/NĐ-CP', type: 'Nghị định', dateIssued: '2022-09-12' }]), 'reg.json');
    expect(r.problems).toEqual([]);
    expect(r.entries).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{', '', 'JSON sai cú pháp'],
    ['another format', JSON.stringify({ format: 'x', version: 1, entries: [] }), 'format', 'phải là "vanban-registry"'],
    ['another version', JSON.stringify({ format: 'vanban-registry', version: 2, entries: [] }), 'version', 'phiên bản 1'],
    ['a forbidden key', '{"format":"vanban-registry","version":1,"entries":[{"number":"1/QĐ-BNV","__proto__":{}}]}', 'entries[0].__proto__', 'khoá bị cấm'],
    ['a forbidden key in a relation', '{"format":"vanban-registry","version":1,"entries":[{"number":"1/QĐ-BNV","relations":[{"kind":"amends","number":"2/QĐ-BNV","constructor":1}]}]}', 'entries[0].relations[0].constructor', 'khoá bị cấm'],
    ['a forbidden key beside the entries', '{"format":"vanban-registry","version":1,"generated":{"by":"x","prototype":{}},"entries":[]}', 'generated.prototype', 'khoá bị cấm'],
  ])('%s → one clear error', (_n, text, path, vi) => {
    const r = parseRegistryText(text, 'reg.json');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'reg.json', path });
    expect(problemText(r.problems[0])).toContain(vi);
    expect(problemText(r.problems[0])).toContain('reg.json');
  });

  it('data already parsed (layerFromData) is walked for forbidden keys as the text of a file is', () => {
    const raw = JSON.parse('{"format":"vanban-registry","version":1,"entries":[{"number":"1/QĐ-BNV","__proto__":{"x":1}},{"number":"2/QĐ-BNV"}]}');
    const l = layerFromData(raw, 'data.json');
    expect(l.file.problems.map((p) => p.path)).toEqual(['entries[0].__proto__']);
    expect(l.file.entries.map((e) => e.number)).toEqual(['2/QĐ-BNV']);
  });

  it('a malformed entry names file and field; the rest still loads', () => {
    const r = parseRegistryText(
      file([
        { number: '63/2022/NĐ-CP', dateIssued: '2022-09-12' },
        { number: '64/2022/NĐ-CP', dateIssued: '12/9/2022' },
        { number: '65/2022/NĐ-CP', status: 'đang áp dụng' },
        { number: '66/2022/NĐ-CP', colour: 'xanh' },
        { type: 'Nghị định' },
        { number: '67/2022/NĐ-CP', relations: [{ kind: 'replaced-by', number: '' }] },
      ]),
      'reg.json',
    );
    expect(r.entries.map((e) => e.number)).toEqual(['63/2022/NĐ-CP']);
    expect(r.problems.map((p) => p.path)).toEqual([
      'entries[1].dateIssued',
      'entries[2].status',
      'entries[3].colour',
      'entries[4].number',
      'entries[5].relations[0].number',
    ]);
    expect(problemText(r.problems[0])).toMatch(/^Cơ sở dữ liệu văn bản không hợp lệ reg\.json: entries\[1\]\.dateIssued: .*YYYY-MM-DD.*\(mục bị bỏ qua\)$/u);
    expect(problemText(r.problems[2], 'en')).toBe('Invalid registry reg.json: entries[3].colour: unknown key (entry skipped)');
  });
});

describe('the fast path of loading', () => {
  it('takes no key from the prototype: an entry with "constructor" goes to zod, which refuses it', () => {
    expect(plainEntry({ number: '1/2020/NĐ-CP', constructor: 'x' })).toBe(false);
    expect(plainEntry({ number: '1/2020/NĐ-CP', toString: 'x' })).toBe(false);
  });

  it('accepts nothing the zod schema refuses (property, on entries near the edges)', () => {
    const str = (max: number) => fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: max - 1, maxLength: max + 1 }), fc.constant(''));
    const date = fc.constantFrom('2022-09-12', '2022-13-01', '2022-02-31', '22-09-12', '2022-9-12', 'x');
    const relation = fc.record(
      { kind: fc.constantFrom('amends', 'replaced-by', 'bogus'), number: str(400), date, partial: fc.constantFrom(true, 'yes'), src: fc.constantFrom([[0, 1]], [[0, 0]], [[1]], [[-1, 2]], 'x'), extra: fc.nat() },
      { requiredKeys: [] },
    );
    const entry = fc.record(
      {
        number: str(120), name: str(400), type: str(60), issuer: str(300), title: str(2000), dateIssued: date, dateEffective: date, statusDate: date,
        status: fc.constantFrom('con-hieu-luc', 'ngung-hieu-luc', 'còn hiệu lực', 3), relations: fc.oneof(fc.array(relation, { maxLength: 3 }), fc.constant('x')),
        colour: fc.string(), evidence: fc.constant({}),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(entry, (e) => !plainEntry(e) || entrySchema.safeParse(e).success), { numRuns: 3000 });
  });

  it('takes the common shapes as they are (else every entry of a large file would go through zod)', () => {
    const full = {
      number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', title: 'quy định chức năng', dateIssued: '2022-09-12', dateEffective: '2022-09-12',
      status: 'het-hieu-luc-toan-bo', statusDate: '2025-03-01', relations: [{ kind: 'replaced-by', number: '25/2025/NĐ-CP', date: '2025-03-01', partial: false, src: [[0, 40]] }],
    };
    for (const e of [full, { name: 'Luật Tổ chức Chính phủ', dateIssued: '2015-06-19' }, ...['con-hieu-luc', 'het-hieu-luc-mot-phan', 'chua-co-hieu-luc', 'ngung-hieu-luc'].map((status) => ({ number: '1/BNV-VP', status }))]) {
      expect(plainEntry(e)).toBe(true);
    }
    expect(plainEntry({ number: '1/BNV-VP', relations: [{ number: '2/BNV-VP' }] })).toBe(false); // a relation needs its kind
    expect(plainEntry({ type: 'Nghị định' })).toBe(false); // an entry needs a number or a name
  });

  it('reads a status as the schema does: each of STATUSES, and nothing else of its length (near misses of every position)', () => {
    expect(new Set(STATUSES.map((x) => x.length)).size).toBe(STATUSES.length);
    for (const status of STATUSES) {
      expect(plainEntry({ number: '1/BNV-VP', status })).toBe(true);
      for (let at = 0; at < status.length; at++) {
        const near = status.slice(0, at) + (status[at] === 'x' ? 'y' : 'x') + status.slice(at + 1);
        expect(plainEntry({ number: '1/BNV-VP', status: near })).toBe(false);
      }
      for (const other of [status.slice(1), `${status}-`, status.toUpperCase(), new String(status), [status]]) {
        expect(plainEntry({ number: '1/BNV-VP', status: other })).toBe(entrySchema.safeParse({ number: '1/BNV-VP', status: other }).success);
      }
    }
  });

  it('reads dates as ISO_DATE does (property: near misses of every position)', () => {
    const ch = fc.constantFrom('0', '1', '2', '3', '9', '-', 'a', '٣', ' ');
    const near = fc.tuple(fc.integer({ min: 0, max: 9 }), ch).map(([at, c]) => (d: string) => d.slice(0, at) + c + d.slice(at + 1));
    const valid = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const date = fc.oneof(valid, fc.tuple(valid, near).map(([d, f]) => f(d)), fc.string({ unit: ch, maxLength: 11 }), fc.constantFrom('2022-00-10', '2022-13-01', '2022-12-00', '2022-12-32', '2022-02-31', '2022-10-30', '2022-11-31'));
    fc.assert(fc.property(date, (d) => isIsoDate(d) === ISO_DATE.test(d)), { numRuns: 20000 });
    expect(isIsoDate(20220912)).toBe(false);
  });
});

describe('the fast path of keys', () => {
  it('gives the key the full reading gives (property: numbers as registries and people write them)', () => {
    const seq = fc.tuple(fc.constantFrom('', '0', '00'), fc.integer({ min: 1, max: 99999 }), fc.constantFrom('', 'a')).map(([z, n, l]) => `${z}${n}${l}`);
    const code = fc.constantFrom('NĐ', 'nđ', 'QĐ', 'TT', 'NQ', 'CT', 'KL', 'TB', 'CP', 'TTg', 'TTG', 'BNV', 'UBND', 'HĐND', 'TW', 'tw', 'TU', 'BCSĐ', 'VP', 'QH15', 'Qh15', 'UBTVQH15', 'BTC', 'X1');
    const number = fc.record({ seq, year: fc.option(fc.integer({ min: 1990, max: 2030 })), segs: fc.array(code, { minLength: 1, maxLength: 4 }) })
      .map(({ seq, year, segs }) => `${seq}${year ? `/${year}` : ''}/${segs.join('-')}`);
    fc.assert(fc.property(number, (n) => fastNumberKey(n) === numberKey(n)), { numRuns: 5000 });
  });

  it('the char scan of the canonical shape agrees with its regex (property: near misses of every part)', () => {
    // A letter beyond the BMP is left to the regex (the scan says 0, fastNumberKey asks KEY_NUMBER).
    const ASTRAL = /[\u{10000}-\u{10FFFF}]/u;
    const ch = fc.constantFrom('0', '1', '9', '/', '-', '&', 'A', 'Z', 'a', 'Đ', 'đ', 'Ư', 'ư', 'É', 'ǅ', '\u{1D400}', ' ', '_');
    const seq = fc.oneof(fc.integer({ min: 0, max: 999999 }).map(String), fc.string({ unit: ch, maxLength: 3 }));
    const year = fc.constantFrom('', '/2016', '/1999', '/1899', '/2101', '/20a6', '/201');
    const seg = fc.oneof(fc.constantFrom('NĐ', 'CP', 'QĐ', 'TTg', 'UBND', 'BCSĐ', 'QH15', '', 'A&B'), fc.string({ unit: ch, maxLength: 4 }));
    const number = fc.tuple(seq, year, fc.array(seg, { minLength: 1, maxLength: 4 })).map(([s, y, segs]) => `${s}${y}/${segs.join('-')}`);
    fc.assert(fc.property(fc.oneof(number, fc.string({ unit: ch, maxLength: 16 })), (n) => (keyShape(n) !== 0) === (KEY_NUMBER().test(n) && !ASTRAL.test(n))), { numRuns: 20000 });
    // The same scan tells PLAIN_NUMBER's shape (leading zeros, a letter suffix, lower case), for which the key is the upper case.
    const lower = fc.constantFrom('a', 'z', 'g', 'đ', 'ư', 'é');
    const seqPlain = fc.tuple(fc.constantFrom('', '0', '00'), fc.integer({ min: 1, max: 99999 }).map(String), fc.constantFrom('', 'a', 'z', 'A', 'đ')).map((p) => p.join(''));
    const numberPlain = fc.tuple(fc.oneof(seqPlain, seq), year, fc.array(fc.oneof(seg, fc.string({ unit: fc.oneof(ch, lower), maxLength: 4 })), { minLength: 1, maxLength: 4 })).map(([s, y, segs]) => `${s}${y}/${segs.join('-')}`);
    fc.assert(
      fc.property(fc.oneof(numberPlain, number), (n) => {
        const shape = numberShape(n);
        // The key index's hash made in the same pass is keyHash's, for every number (hashOf computes it when the pass stopped early).
        if (hashOf(n) !== keyHash(n)) return false;
        if (ASTRAL.test(n) && shape === SHAPE_UNKNOWN) return true;
        return (shape & SHAPE_KEY) !== 0 === KEY_NUMBER().test(n) && ((shape & (SHAPE_KEY | SHAPE_PLAIN)) !== 0) === PLAIN_NUMBER().test(n);
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['48/KL-TW', '48-KL/TW'],
    ['52/CT-TU', '52-CT/TU'],
    ['05/BNV-VP', '5/BNV-VP'],
    ['63/2022/NĐ-CP', '63/2022/NĐ-CP'],
    ['12a/2020/qđ-ubnd', '12A/2020/QĐ-UBND'],
  ])('%s → %s', (n, key) => expect(fastNumberKey(n)).toBe(key));
});

describe('the key index', () => {
  // Two keys of one hash (found by a birthday search over numbers of this form).
  const [a, b] = ['50988/2020/NĐ-CP', '309602/2020/NĐ-CP'];

  it('keeps keys that share a hash apart, in the order added, with their tags, and replaces in place', () => {
    expect(keyHash(a)).toBe(keyHash(b));
    const index = new KeyIndex<{ key: string; n: number }>();
    const e = (key: string, n: number) => ({ key, n });
    const [a1, b1, a2, b2] = [e(a, 1), e(b, 2), e(a, 3), e(b, 4)];
    for (const x of [a1, b1, a2, b2]) index.add(x.key, x, x.n * 10);
    expect(index.get(a)).toEqual([a1, a2]);
    expect(index.get(b)).toEqual([b1, b2]);
    expect(index.get('1/2020/NĐ-CP')).toBeUndefined();
    expect(index.find('1/2020/NĐ-CP')).toBe(-1);
    const [ra, rb] = [index.find(a), index.find(b)];
    expect(ra).not.toBe(rb);
    expect([a1, a2].map((x) => index.tagOf(ra, x))).toEqual([10, 30]);
    expect([b1, b2].map((x) => index.tagOf(rb, x))).toEqual([20, 40]);
    const b3 = e(b, 5);
    index.replace(rb, b1, b3, -1);
    expect(index.get(b)).toEqual([b3, b2]);
    expect([b3, b2].map((x) => index.tagOf(rb, x))).toEqual([-1, 40]);
    const lone = new KeyIndex<{ key: string; n: number }>();
    lone.add(a, a1, 1);
    lone.add(b, b1, 2);
    lone.replace(lone.find(b), b1, b3, 3);
    lone.replace(lone.find(a), a1, a2, 4);
    expect([lone.get(a), lone.get(b)]).toEqual([a2, b3]);
    expect([lone.tagOf(lone.find(a), a2), lone.tagOf(lone.find(b), b3)]).toEqual([4, 3]);
  });

  it('grows past the size it was made for and finds every key (fast-check)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 300 }), fc.nat(40), (keys, expected) => {
        const index = new KeyIndex<{ key: string }>(expected);
        keys.forEach((key, i) => index.add(key, { key }, i));
        return keys.every((key, i) => (index.get(key) as { key: string }).key === key && index.tagOf(index.find(key), index.get(key) as { key: string }) === i);
      }),
    );
  });

  it('a registry of two documents whose keys share a hash finds each, merges each and relates them', () => {
    expect(keyHash(fastNumberKey(a))).toBe(keyHash(fastNumberKey(b)));
    const r = createRegistry([
      layer([{ number: a, title: 'a' }, { number: b, title: 'b', relations: [{ kind: 'amends', number: a }] }], 'embedded'),
      layer([{ number: b, issuer: 'Chính phủ' }, { number: a, issuer: 'Bộ Nội vụ' }], 'my.json'),
    ]);
    expect(r.size).toBe(2);
    expect(r.lookupNumber(a)).toEqual([expect.objectContaining({ title: 'a', issuer: 'Bộ Nội vụ', relations: [{ kind: 'amended-by', number: b }] })]);
    expect(r.lookupNumber(b)).toEqual([expect.objectContaining({ title: 'b', issuer: 'Chính phủ', origins: ['embedded', 'my.json'] })]);
  });
});

describe('merging layers and lookups', () => {
  const embedded = layer([
    { number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2022-09-12', title: 'quy định chức năng của Bộ Nội vụ' },
    { number: '25/2025/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2025-02-21', relations: [{ kind: 'replaces', number: '63/2022/NĐ-CP', date: '2025-03-01' }] },
    { number: '971/QĐ-BNV', type: 'Quyết định', dateIssued: '2024-12-30', title: 'năm 2025' },
    { number: '971/QĐ-BNV', type: 'Quyết định', dateIssued: '2023-12-29', title: 'năm 2024' },
    { number: '40/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Điện Biên', dateIssued: '2026-03-01' },
    { number: '40/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', dateIssued: '2026-04-02' },
    { number: '76/2015/QH13', type: 'Luật', title: 'Tổ chức Chính phủ', dateIssued: '2015-06-19' },
    { name: 'Luật Tổ chức Chính phủ', type: 'Luật', dateIssued: '2025-02-18' },
  ], 'embedded');
  const user = layer([{ number: '63/2022/NĐ-CP', title: 'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ' }], 'my.json');
  const reg = createRegistry([embedded, user]);

  it('a layer is never changed by the registries built on it (a registry file removed leaves nothing behind)', () => {
    const base = layer([
      { number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2022-09-12', title: 'cũ', evidence: { title: [{ value: 'cũ', count: 2 }] } },
    ], 'embedded');
    const file = layer([
      { number: '63/2022/NĐ-CP', title: 'mới', evidence: { title: [{ value: 'cũ', count: 1 }] } },
      { number: '25/2025/NĐ-CP', type: 'Nghị định', relations: [{ kind: 'replaces', number: '63/2022/NĐ-CP' }] },
    ], 'my.json');
    // The registry's bookkeeping (key, origins, sources) is written on the entries it takes as they are; their facts are what must not change.
    const facts = () => JSON.stringify(base.file.entries.map(({ key: _k, origins: _o, sources: _s, ...f }: EntryData & Record<string, unknown>) => f));
    const before = facts();
    const withFile = createRegistry([base, file]);
    expect(withFile.lookupNumber('63/2022/NĐ-CP')[0]).toMatchObject({ title: 'mới', relations: [{ kind: 'replaced-by', number: '25/2025/NĐ-CP' }] });
    expect(withFile.lookupNumber('63/2022/NĐ-CP')[0].evidence?.title).toEqual([{ value: 'cũ', count: 3 }]);
    expect([...withFile.entries()].filter((e) => e.number === '63/2022/NĐ-CP')).toHaveLength(1);
    // The layer's own entries are as they were: a registry without the file knows nothing of it.
    expect(facts()).toBe(before);
    const alone = createRegistry([base]).lookupNumber('63/2022/NĐ-CP')[0];
    expect(alone.title).toBe('cũ');
    expect(alone.relations).toBeUndefined();
    expect(alone.evidence?.title).toEqual([{ value: 'cũ', count: 2 }]);
  });

  it('the load writes nothing on the entries it takes as they are; each is handed out with its key, origins and sources', () => {
    const shared = layer([
      { number: '5/2020/NĐ-CP', title: 'a' },
      { number: '6/2020/NĐ-CP', title: 'b', relations: [{ kind: 'amends', number: '5/2020/NĐ-CP' }] },
      { number: '40/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Điện Biên' },
      { number: '40/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Lai Châu' },
      { name: 'Luật Đất đai', type: 'Luật', dateIssued: '2024-01-18' },
    ], 'shared.json');
    const keysOf = () => shared.file.entries.map((e) => Object.keys(e).join());
    const before = keysOf();
    const one = createRegistry([shared]);
    const two = createRegistry([layer([{ number: '7/2020/NĐ-CP' }], 'first.json'), { ...shared, name: 'renamed.json' }]);
    // An inverse between two entries of one layer stays on that layer's entry, but no bookkeeping is written at load.
    expect(keysOf()).toEqual(before.map((k, i) => (i === 0 ? `${k},relations` : k)));
    expect(one.lookupNumber('5/2020/NĐ-CP')[0]).toMatchObject({ key: '5/2020/NĐ-CP', origins: ['shared.json'], sources: { 'shared.json': [] } });
    expect(two.lookupNumber('5/2020/NĐ-CP')[0]).toMatchObject({ origins: ['renamed.json'], sources: { 'renamed.json': [] } });
    expect(two.lookupNumber('40/2026/QĐ-UBND').map((e) => [e.key, e.origins])).toEqual([
      ['40/2026/QĐ-UBND', ['renamed.json']],
      ['40/2026/QĐ-UBND', ['renamed.json']],
    ]);
    expect(two.complete('6/2020')).toEqual([expect.objectContaining({ key: '6/2020/NĐ-CP', origins: ['renamed.json'] })]);
    expect(two.lookup(cite('Luật Đất đai năm 2024'))).toMatchObject({ key: expect.stringContaining('2024'), origins: ['renamed.json'] });
    expect([...two.entries()].map((e) => [e.key, e.origins[0]])).toEqual([
      ['7/2020/NĐ-CP', 'first.json'],
      ['5/2020/NĐ-CP', 'renamed.json'],
      ['6/2020/NĐ-CP', 'renamed.json'],
      ['40/2026/QĐ-UBND', 'renamed.json'],
      ['40/2026/QĐ-UBND', 'renamed.json'],
      [expect.stringContaining('2024'), 'renamed.json'],
    ]);
  });

  it('later layers win field by field, the rest is kept', () => {
    const e = reg.lookup(cite('Nghị định số 63/2022/NĐ-CP'))!;
    expect(e.title).toBe('quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ');
    expect(e.dateIssued).toBe('2022-09-12');
    expect(e.origins).toEqual(['embedded', 'my.json']);
    // The other entries of the first layer keep their own origin.
    expect(reg.lookupNumber('25/2025/NĐ-CP')[0].origins).toEqual(['embedded']);
  });

  it('the same document twice in one file is one entry; a Party number in the state form is found by its citation', () => {
    const r = createRegistry([layer([
      { number: '40/2026/QĐ-UBND', issuer: 'Ủy ban nhân dân tỉnh Điện Biên', title: 'a' },
      { number: '40/2026/QĐ-UBND', issuer: 'UỶ BAN NHÂN DÂN TỈNH ĐIỆN BIÊN', dateIssued: '2026-03-01' },
      { number: '48/KL-TW', type: 'Kết luận', dateIssued: '2019-04-16' },
    ])]);
    expect(r.size).toBe(2);
    expect(r.lookupNumber('40/2026/QĐ-UBND')[0]).toMatchObject({ title: 'a', dateIssued: '2026-03-01' });
    // Every way to the entry meets the merged one (entries() and completion kept the first, unmerged, until a fix).
    expect([...r.entries()][0]).toBe(r.lookupNumber('40/2026/QĐ-UBND')[0]);
    expect(r.complete('40/2026')[0].dateIssued).toBe('2026-03-01');
    expect(r.lookup(cite('Kết luận số 48-KL/TW ngày 16/4/2019'))?.dateIssued).toBe('2019-04-16');
  });

  it('relations hold in both directions', () => {
    expect(reg.lookupNumber('63/2022/NĐ-CP')[0].relations).toEqual([{ kind: 'replaced-by', number: '25/2025/NĐ-CP', date: '2025-03-01' }]);
  });

  it('the key survives NFD, Ð, dashes and spaces', () => {
    expect(reg.lookupNumber('63 / 2022 / N\u00d0 – CP'.normalize('NFD'))).toHaveLength(1);
  });

  it('a year-less number is told by the year of its date', () => {
    expect(reg.lookup(cite('Quyết định số 971/QĐ-BNV ngày 30/12/2024'))?.title).toBe('năm 2025');
    expect(reg.lookup(cite('Quyết định số 971/QĐ-BNV ngày 29/12/2023'))?.title).toBe('năm 2024');
    expect(reg.lookup(cite('Quyết định số 971/QĐ-BNV'))).toBeUndefined();
  });

  it('a local number is told by its province', () => {
    expect(reg.lookupNumber('40/2026/QĐ-UBND')).toHaveLength(2);
    expect(reg.lookup(cite('Quyết định số 40/2026/QĐ-UBND của Ủy ban nhân dân tỉnh Lai Châu'))?.dateIssued).toBe('2026-04-02');
    expect(reg.lookup(cite('Quyết định số 40/2026/QĐ-UBND'))).toBeUndefined();
  });

  it('laws by name and year', () => {
    expect(reg.lookup(cite('Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;'))?.number).toBe('76/2015/QH13');
    expect(reg.lookup(cite('Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;'))?.name).toBe('Luật Tổ chức Chính phủ');
    // Two laws of that name: without a year it cannot be told.
    expect(reg.lookup(cite('theo Luật Tổ chức Chính phủ.'))).toBeUndefined();
  });

  it('completion by number prefix and type', () => {
    expect(reg.complete('63', 'Nghị định').map((e) => e.number)).toEqual(['63/2022/NĐ-CP']);
    expect(reg.complete('6', 'Nghị định')).toEqual([]);
    expect(reg.complete('971').map((e) => e.dateIssued).sort()).toEqual(['2023-12-29', '2024-12-30']);
    expect(reg.complete('40/2026').length).toBe(2);
  });

  it('the workspace layer comes last: a document’s own header makes its entry', () => {
    const doc = parseDocument('BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/2026/TT-BNV\nHà Nội, ngày 05 tháng 3 năm 2026\nTHÔNG TƯ\nQuy định về lưu trữ điện tử\nĐiều 1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.\n');
    const r = createRegistry([embedded, workspaceLayer([{ name: 'tt.txt', parse: doc }])]);
    const e = r.lookupNumber('12/2026/TT-BNV')[0];
    expect(e).toMatchObject({ type: 'Thông tư', issuer: 'Bộ Nội vụ', dateIssued: '2026-03-05', dateEffective: '2026-05-01', title: 'Quy định về lưu trữ điện tử' });
    expect(e.evidence?.dateIssued?.[0].src).toEqual([[0, 5]]);
  });
});

describe('the builder (vanban index)', () => {
  const a = `CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 25/2025/NĐ-CP
Hà Nội, ngày 21 tháng 02 năm 2025
NGHỊ ĐỊNH
Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Chính phủ ban hành Nghị định quy định chức năng, nhiệm vụ của Bộ Nội vụ.
Điều 1. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2025.
2. Nghị định này thay thế Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ.
`;
  const b = `Theo Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ; Nghị định số 63/2022/NĐ-CP ngày 21/9/2022 của Chính phủ; Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ về …; Thông tư số 01/2024/TT-BNV ngày 24/02/2024 của Bộ trưởng Bộ Nội vụ được sửa đổi, bổ sung bởi Thông tư số 05/2025/TT-BNV ngày 10/3/2025 của Bộ trưởng Bộ Nội vụ.\n`;
  const builder = new RegistryBuilder();
  builder.addDocument('a.txt', parseDocument(a));
  builder.addDocument('b.txt', parseDocument(b));
  const data = builder.build();
  const get = (n: string) => data.entries.find((e) => e.number === n)!;

  it('the own header is evidence, with its line', () => {
    expect(get('25/2025/NĐ-CP')).toMatchObject({ type: 'Nghị định', issuer: 'Chính phủ', dateIssued: '2025-02-21', dateEffective: '2025-03-01' });
    expect(get('25/2025/NĐ-CP').evidence?.dateIssued).toEqual([{ value: '2025-02-21', count: 1, src: [[0, 5]] }]);
  });

  it('conflicting evidence is kept and counted; the majority wins', () => {
    const e = get('63/2022/NĐ-CP');
    expect(e.dateIssued).toBe('2022-09-12');
    expect(e.evidence?.dateIssued).toEqual([
      { value: '2022-09-12', count: 3, src: [[0, 12], [1, 1]] },
      { value: '2022-09-21', count: 1, src: [[1, 1]] },
    ]);
  });

  it('"Nghị định này thay thế …" and "được sửa đổi, bổ sung bởi" make relations both ways; replaced means no longer in force', () => {
    expect(get('63/2022/NĐ-CP')).toMatchObject({ status: 'het-hieu-luc-toan-bo', statusDate: '2025-03-01' });
    expect(get('63/2022/NĐ-CP').relations).toEqual([{ kind: 'replaced-by', number: '25/2025/NĐ-CP', date: '2025-03-01', src: [[0, 12]] }]);
    expect(get('25/2025/NĐ-CP').relations?.[0]).toMatchObject({ kind: 'replaces', number: '63/2022/NĐ-CP' });
    expect(get('01/2024/TT-BNV').relations?.[0]).toMatchObject({ kind: 'amended-by', number: '05/2025/TT-BNV' });
    expect(get('05/2025/TT-BNV').relations?.[0]).toMatchObject({ kind: 'amends', number: '01/2024/TT-BNV' });
  });

  it('counts', () => {
    expect(builder.stats).toMatchObject({ documents: 2, citations: 7, withDate: 7 });
  });
});
