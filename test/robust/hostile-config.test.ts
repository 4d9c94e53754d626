// Hostile `.vanbanrc.json` files: never a crash, ONE config/invalid diagnostic
// naming the file and the key, the right parts kept, checking goes on.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, parseConfig } from '../../language-server/src/core/config/config.ts';
import { hostileJson } from '../fuzz/arbitraries.ts';
import { runCli } from '../helpers/cli-in-process.ts';

const FILE = 'x/.vanbanrc.json';
const parse = (text: string) => parseConfig(text, FILE, { knownCodes: new Set(['text/spacing', 'header/ngay-thang']) });

describe('parseConfig: hostile content', () => {
  it.each([
    ['32,000 nested arrays (a stack overflow for a recursive walk)', `{"rules":${'['.repeat(32000)}${']'.repeat(32000)}}`, /rules\.0\.0…: lồng quá sâu/u],
    ['20 nested objects', `{"rules":${'{"a":'.repeat(20)}1${'}'.repeat(20)}}`, /rules\.a\.a…: lồng quá sâu/u],
    ['__proto__ deep inside', '{"rules":{"text/spacing":"off"},"x":{"y":{"__proto__":{"polluted":true}}}}', /x\.y\.__proto__: khoá bị cấm/u],
    ['prototype key', '{"prototype":{}}', /prototype: khoá bị cấm/u],
    ['rules is a string', '{"rules":"off"}', /rules: /u],
    ['rules is an array', '{"rules":["text/spacing"]}', /rules: /u],
    ['rules is null', '{"rules":null}', /rules: /u],
    ['docType is a number', '{"docType":5}', /docType: loại văn bản/u],
    ['lang is true', '{"lang":true}', /lang: phải là "vi" hoặc "en"/u],
    ['severity is an object', '{"rules":{"text/spacing":{"level":"off"}}}', /rules\.text\/spacing: mức độ/u],
    ['root is null', 'null', /cần một đối tượng JSON/u],
    ['root is a string', '"rules"', /cần một đối tượng JSON/u],
    ['a UTF-16 file read as UTF-8', '\u00ff\u00fe{\u0000}\u0000', /JSON sai cú pháp/u],
    ['a code 10,000 characters long', `{"rules":{"${'a'.repeat(10000)}/b":"off"}}`, /mã quy tắc không tồn tại/u],
    ['over the size limit', `{"rules":{}, "pad":"${' '.repeat(MAX_CONFIG_BYTES)}"}`, /tệp lớn hơn 65536 byte/u],
  ])('%s → one diagnostic naming the file and where', (_name, text, message) => {
    const r = parse(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].code).toBe('config/invalid');
    expect(r.diagnostics[0].message).toContain(FILE);
    expect(r.diagnostics[0].message).toMatch(message);
  });

  it('nothing reaches Object.prototype', () => {
    parse('{"rules":{"__proto__":{"polluted":"yes"}},"constructor":{"prototype":{"polluted":"yes"}}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the right parts are kept next to a wrong one', () => {
    const r = parse('{"rules":{"text/spacing":"off","header/ngay-thang":"loud"},"lang":"en","docType":"x"}');
    expect(r.config).toEqual({ rules: { 'text/spacing': 'off' }, lang: 'en' });
    expect(r.diagnostics).toHaveLength(1);
  });

  it('property: any JSON value, with hostile keys mixed in, gives a config and at most one diagnostic', () => {
    const value = hostileJson(['rules', 'lang', 'docType', 'text/spacing', '$schema']);
    fc.assert(
      fc.property(value, (v) => {
        const r = parse(JSON.stringify(v) ?? 'null');
        expect(r.diagnostics.length).toBeLessThanOrEqual(1);
        expect(typeof r.config.rules).toBe('object');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('vanban check with a hostile config: the run goes on', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-hostile-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const doc = 'Điều 1.  Thử\nNội dung của điều.\n';

  it.each([
    ['binary bytes', 'b', new Uint8Array([0, 1, 2, 0xff, 0xfe])],
    ['deep nesting', 'c', `{"rules":${'['.repeat(30000)}${']'.repeat(30000)}}`],
  ] as const)('%s: one config/invalid, the document still checked', async (_name, sub, content) => {
    mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, sub, '.vanbanrc.json'), content);
    writeFileSync(path.join(dir, sub, 'doc.txt'), doc);
    const r = await runCli(['check', '--format', 'json', path.join(dir, sub, 'doc.txt')]);
    const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] };
    expect(json.files[0].diagnostics.map((d) => d.code)).toEqual(['config/invalid']);
    expect(json.files[0].diagnostics[0].message).toMatch(/\.vanbanrc\.json/u);
    expect(json.files[1].diagnostics.map((d) => d.code)).toContain('text/spacing');
  });

  it('a folder named .vanbanrc.json is not a config: the search goes on up, the document is checked', async () => {
    mkdirSync(path.join(dir, 'a', '.vanbanrc.json'), { recursive: true });
    writeFileSync(path.join(dir, 'a', 'doc.txt'), doc);
    const r = await runCli(['check', '--format', 'json', path.join(dir, 'a', 'doc.txt')]);
    const json = JSON.parse(r.stdout) as { files: { diagnostics: { code: string }[] }[] };
    expect(json.files.flatMap((f) => f.diagnostics.map((d) => d.code))).toContain('text/spacing');
  });
});
