// scripts/ascii-bundle.mjs: a bundle rewritten to pure ASCII behaves the same, and its source map still
// leads every piece of code after an escaped letter to the same place in the original source.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a build script without types
import { asciiBundle } from '../../scripts/ascii-bundle.mjs';

const SOURCE = `
const YEAR_WORD = String.raw\`(?:năm|Năm)\\s+(\\d{4})\`;
export const plain = /[ơư]\\d+/u;
export const legacy = /đ(?:iều)?/g;
export const raw = new RegExp(YEAR_WORD, 'u');
export const astral = /[😀ơ]/u;
export const words = ['Quyết định', 'Điều 1', '😀'];
export function label(n) { /* “Điều” */ const title = 'Điều ' + n; return title + ' — ' + words.length; }
export function findAll(text) { return { plain: plain.exec(text)?.[0], legacy: text.match(legacy), raw: raw.exec(text)?.[1], astral: astral.exec(text)?.[0] }; }
`;
const SAMPLES = ['ư12 Điều 3 đ năm 2020', 'không có gì', 'Năm 1999 ơ7 😀 điều', 'ơ'];

const dir = mkdtempSync(path.join(tmpdir(), 'ascii-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(name: string): Promise<string> {
  const entry = path.join(dir, `${name}.src.js`);
  writeFileSync(entry, SOURCE);
  const out = path.join(dir, `${name}.js`);
  await build({ entryPoints: [entry], outfile: out, bundle: true, format: 'esm', platform: 'node', target: 'node20', sourcemap: true, logLevel: 'error' });
  return out;
}

/** For each identifier of the generated code: where the source map says it came from. */
function origins(file: string): string[] {
  const map = new SourceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
  const out: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/(?<![\w$.\\])[A-Za-z_$][\w$]*/g)) {
        const e = map.findEntry(i, m.index!);
        if (e && 'originalLine' in e && e.generatedColumn === m.index) out.push(`${m[0]}@${e.originalLine}:${e.originalColumn}`);
      }
    });
  return out;
}

describe('ascii-bundle', () => {
  it('leaves a bundle pure ASCII with the same behaviour and the same source positions', async () => {
    const before = await bundle('before');
    const after = await bundle('after');
    expect(readFileSync(after, 'utf8')).toMatch(/[^\x00-\x7f]/u);
    expect(asciiBundle(after)).toBeGreaterThan(0);
    expect(readFileSync(after, 'utf8')).not.toMatch(/[^\x00-\x7f]/u);

    const a = await import(pathToFileURL(before).href);
    const b = await import(pathToFileURL(after).href);
    expect(b.words).toEqual(a.words);
    expect(b.label(7)).toBe(a.label(7));
    for (const text of SAMPLES) expect(b.findAll(text)).toEqual(a.findAll(text));
    expect(b.findAll(SAMPLES[0]).raw).toBe('2020');

    const was = origins(before);
    expect(was.length).toBeGreaterThan(10);
    expect(origins(after)).toEqual(was);
  });

  it('leaves an ASCII file as it is', () => {
    const file = path.join(dir, 'plain.js');
    writeFileSync(file, 'export const x = "\\u0111";\n');
    expect(asciiBundle(file)).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('export const x = "\\u0111";\n');
  });
});
