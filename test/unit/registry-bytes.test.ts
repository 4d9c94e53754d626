/**
 * parseRegistryBytes (a registry file read from its bytes, entries parsed
 * when first used) against parseRegistryText of Node's decode of the same
 * bytes: the same problems, the same entries, the same lookups — over
 * generated files (valid, escapes, non-ASCII, odd whitespace and key order,
 * entries off the plain shape, malformed JSON, forbidden keys, bad UTF-8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistry, parseRegistryBytes, parseRegistryText, type Layer } from '../../language-server/src/core/registry/index.ts';
import { lazyParses } from '../../language-server/src/core/registry/lazy-entry.ts';
import type { LoadedFile } from '../../language-server/src/core/registry/load.ts';

const enc = new TextEncoder();

function both(bytes: Uint8Array): [LoadedFile, LoadedFile] {
  return [parseRegistryText(Buffer.from(bytes).toString('utf8'), 'r.json'), parseRegistryBytes(bytes, 'r.json')];
}

/** What a consumer can see of a load: problems, entries as JSON, lookups of every number, entries() of a registry. */
function seen(...files: LoadedFile[]): string {
  const layers: Layer[] = files.map((f, i) => ({ origin: 'file', name: `r${i}.json`, file: f }));
  const r = createRegistry(layers);
  const numbers = files.flatMap((f) => f.entries.map((e) => e.number ?? ''));
  return JSON.stringify({
    problems: r.problems,
    sources: files.map((f) => f.sources),
    all: [...r.entries()],
    lookups: numbers.map((n) => r.lookupNumber(n)),
    complete: r.complete('1'),
    entries: files.map((f) => f.entries),
  });
}

const same = (bytes: Uint8Array) => {
  const [a, b] = both(bytes);
  expect(seen(b)).toBe(seen(a));
};

const GOOD = { number: '63/2022/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', title: 'quy định', dateIssued: '2022-09-12', status: 'con-hieu-luc' };
const file = (entries: unknown[], extra = '') => `{"format":"vanban-registry","version":1${extra},"entries":${JSON.stringify(entries)}}`;

describe('parseRegistryBytes: the same load as the whole-text path', () => {
  it.each([
    ['plain', file([GOOD, { ...GOOD, number: '64/2022/NĐ-CP', relations: [{ kind: 'amends', number: '63/2022/NĐ-CP' }] }])],
    ['BOM', '\ufeff' + file([GOOD])],
    ['whitespace everywhere', ` \n{ "format" : "vanban-registry" ,\t"version":1 ,"entries" : [ { "number" : "1/2020/TT-BNV" , "type":"Thông tư" } , {"name":"Luật X","type":"Luật"} ] } \r\n`],
    ['escapes', file([{ ...GOOD, title: 'a "b" \\ \u0001 \u2028' }, { number: '2\u002f2020/TT-BNV' }]).replace('2/2020', '2\\u002f2020')],
    ['unknown key', file([GOOD, { ...GOOD, number: '1/2020/TT-BNV', colour: 'red' }])],
    ['bad date', file([{ ...GOOD, dateIssued: '2022-13-01' }])],
    ['forbidden key in an entry', file([GOOD]).replace('"number"', '"__proto__":{},"number"')],
    ['forbidden key in the envelope', file([GOOD], ',"__proto__":{"x":1}')],
    ['malformed', file([GOOD]).slice(0, -2)],
    ['trailing comma', file([GOOD]).replace(']', ',]')],
    ['entries twice', file([GOOD], ',"entries":[]')],
    ['escaped entries key', file([GOOD]).replace('"entries"', '"entr\\u0069es"')],
    ['not an object', '[1,2]'],
    ['no entries', '{"format":"vanban-registry","version":1}'],
    ['wrong version', file([GOOD]).replace('"version":1', '"version":2')],
    ['odd values', file([1, 'x', null, [], {}, { number: '' }, { ...GOOD, relations: [{ kind: 'amends' }] }, { ...GOOD, status: 'x' }])],
    ['numbers', file([{ ...GOOD, relations: [{ kind: 'amends', number: '1/2020/TT-BNV', src: [[0, 1e2], [1.0, 2]] }] }], ',"generated":{"documents":-0.5e-3}')],
    ['title too long in bytes', file([{ ...GOOD, title: 'ệ'.repeat(1500) }, { ...GOOD, number: '1/2021/NĐ-CP', title: 'ệ'.repeat(2001) }])],
  ])('%s', (_, text) => same(enc.encode(text)));

  it('a load of plain entries parses none of them; a lookup parses the one it hands out', () => {
    const entries = Array.from({ length: 50 }, (_, i) => ({ ...GOOD, number: `${i + 1}/2022/NĐ-CP`, relations: i % 5 ? undefined : [{ kind: 'amends', number: `${i + 2}/2022/NĐ-CP` }] }));
    const before = lazyParses.count;
    const f = parseRegistryBytes(enc.encode(file(entries)), 'r.json');
    const r = createRegistry([{ origin: 'file', name: 'r.json', file: f }]);
    expect(lazyParses.count - before).toBe(0);
    expect(r.lookupNumber('7/2022/NĐ-CP')[0].relations).toEqual([{ kind: 'amended-by', number: '6/2022/NĐ-CP' }]);
    expect(lazyParses.count - before).toBe(1);
  });

  it('layers from bytes merge as layers from text (two overlapping files)', () => {
    const a = file([GOOD, { number: '2/2020/TT-BNV', status: 'con-hieu-luc', relations: [{ kind: 'replaces', number: '63/2022/NĐ-CP' }] }]);
    const b = file([{ number: '63/2022/NĐ-CP', status: 'ngung-hieu-luc', statusDate: '2024-01-01' }, { number: '2/2020/TT-BNV', title: 'x', relations: [{ kind: 'guides', number: '1/2019/NĐ-CP' }] }]);
    const text = [a, b].map((t) => parseRegistryText(t, 'r.json'));
    const bytes = [a, b].map((t) => parseRegistryBytes(enc.encode(t), 'r.json'));
    expect(seen(...bytes)).toBe(seen(...text));
  });

  it('bad UTF-8 anywhere decodes as Node decodes it', () => {
    const t = enc.encode(file([GOOD, { ...GOOD, number: '7/2020/NĐ-CP' }]));
    for (const bad of [[0xff], [0xc4], [0xe1, 0xbb], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xc0, 0x80]]) {
      for (let at = 0; at < t.length; at += 7) same(Uint8Array.from([...t.slice(0, at), ...bad, ...t.slice(at)]));
    }
  });

  it('generated registries load the same (fast-check)', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('Nghị định', 'Luật', 'Chính phủ', 'a"b', 'x\\y', '\u2028', '😀', ''));
    const num = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('/2020/', '/', '/2021/'), fc.constantFrom('NĐ-CP', 'TT-BNV', 'QĐ-UBND', 'KL-TW', 'tt-bnv')).map(([n, y, c]) => `${n}${y}${c}`),
      text,
    );
    const date = fc.constantFrom('2022-09-12', '2021-01-31', '2022-13-01', 'x');
    const relation = fc.record(
      { kind: fc.constantFrom('amends', 'replaced-by', 'guides', 'bogus'), number: num, date, partial: fc.constantFrom(true, false, 'yes'), src: fc.constantFrom([[0, 1]], [[0, 0]], 'x') },
      { requiredKeys: ['kind'] },
    );
    const entry = fc.record(
      {
        number: num, name: text, type: fc.constantFrom('Luật', 'Nghị định', 'Thông tư'), issuer: text, title: text, dateIssued: date,
        status: fc.constantFrom('con-hieu-luc', 'ngung-hieu-luc', 'x'), relations: fc.array(relation, { maxLength: 3 }), colour: fc.string({ maxLength: 2 }),
        evidence: fc.constant({ type: [{ value: 'Luật', count: 1 }] }),
      },
      { requiredKeys: [] },
    );
    const ws = fc.constantFrom('', ' ', '\n', '\t', '\r\n ');
    // JSON.stringify with whitespace shuffled between tokens, entries shuffled in key order by fast-check's records.
    const spaced = (s: string, w: string) => s.replace(/([{}[\],:])(?=(?:[^"\\]|\\.)*$|(?:[^"\\]|\\.)*"(?:[^"\\]|\\.)*")/gu, `${w}$1${w}`);
    const registry = fc.record({ entries: fc.array(entry, { maxLength: 12 }), ws, cut: fc.nat(), mode: fc.constantFrom('plain', 'spaced', 'cut', 'byte') });
    fc.assert(
      fc.property(registry, ({ entries, ws, cut, mode }) => {
        let t = file(entries);
        if (mode === 'spaced') t = spaced(t, ws);
        let bytes = enc.encode(t);
        if (mode === 'cut') bytes = bytes.slice(0, cut % (bytes.length + 1));
        if (mode === 'byte') bytes = Uint8Array.from([...bytes.slice(0, cut % bytes.length), 0xc4, ...bytes.slice(cut % bytes.length)]);
        same(bytes);
      }),
      { numRuns: 1500 },
    );
  });

  it('generated layers merge the same, from bytes and from text (fast-check)', () => {
    const num = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('/2020/NĐ-CP', '/TT-BNV', '/2021/QĐ-UBND')).map(([n, c]) => `${n}${c}`);
    const relation = fc.record({ kind: fc.constantFrom('amends', 'replaced-by', 'guides'), number: num });
    const entry = fc.record(
      { number: num, issuer: fc.constantFrom('Chính phủ', 'UBND tỉnh A', 'UBND tỉnh B'), dateIssued: fc.constantFrom('2020-01-02', '2021-05-06'), status: fc.constantFrom('con-hieu-luc', 'ngung-hieu-luc'), relations: fc.array(relation, { maxLength: 2 }), title: fc.constantFrom('a', 'b\\c') },
      { requiredKeys: ['number'] },
    );
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 8 }), { minLength: 1, maxLength: 3 }), (files) => {
        const texts = files.map((f) => file(f));
        const fromBytes = texts.map((t) => parseRegistryBytes(enc.encode(t), 'r.json'));
        const fromText = texts.map((t) => parseRegistryText(t, 'r.json'));
        expect(seen(...fromBytes)).toBe(seen(...fromText));
        // The same loaded files again, in the other order: their entries now parsed, dressed, given inverses (the
        // Registry reads numbers and relations at their places in a file read from bytes: they must be what the entries say).
        expect(seen(...[...fromBytes].reverse())).toBe(seen(...[...fromText].reverse()));
      }),
      { numRuns: 400 },
    );
  });
});
