// Hostile registry files (issue 10 §3) through the three readers: the core loader, the CLI
// (`--registry FILE`: file and key path on stderr, the valid rest loads, the exit code of
// the documents alone) and the language server (`vanban.registry`: `registry/invalid` on
// the file, the valid rest loads, the server lives on). Nothing reaches Object.prototype.
import fc from 'fast-check';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { createRegistry, embeddedLayer, MAX_REGISTRY_BYTES, parseRegistryText, problemText } from '../../language-server/src/core/registry/index.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { hostileJson } from '../fuzz/arbitraries.ts';
import { runCli } from '../helpers/cli-in-process.ts';
import { QD } from '../helpers/documents.ts';
import { CASES, expectCleanPrototype, GOOD, polluted, PROTO_KEYS, protoKeys, reg } from '../helpers/hostile-registry.ts';
import { fileUri, startClient } from '../lsp/client.ts';

describe('core: parseRegistryText on hostile files', () => {
  it.each(CASES)('%s → a problem naming the file and the key path', (_name, text, keyPath, message, goodLoads) => {
    const r = parseRegistryText(text, 'bad.json');
    expect(r.problems.length).toBeGreaterThanOrEqual(1);
    const first = r.problems[0];
    expect(first.file).toBe('bad.json');
    expect(first.path).toBe(keyPath);
    const line = problemText(first);
    expect(line).toMatch(/^Cơ sở dữ liệu văn bản không hợp lệ bad\.json/u);
    expect(line).toMatch(message);
    // A message is a line a person reads, not 10 MB of echoed input.
    expect(line.length).toBeLessThan(400);
    expect(problemText(first, 'en')).toMatch(/^Invalid registry bad\.json/u);
    expect(r.entries.some((e) => e.number === GOOD.number)).toBe(goodLoads);
    // What loads loads through the registry too.
    const registry = createRegistry([embeddedLayer(), { origin: 'file', name: 'bad.json', file: r }]);
    expect(registry.lookupNumber(GOOD.number).some((e) => e.title === GOOD.title)).toBe(goodLoads);
    expectCleanPrototype();
  });

  it('a value that merely mentions "constructor" or "__proto__" is not a key and loads', () => {
    const r = parseRegistryText(reg([{ ...GOOD, title: 'về "constructor": và __proto__ prototype' }]), 'ok.json');
    expect(r.problems).toEqual([]);
    expect(r.entries[0].title).toBe('về "constructor": và __proto__ prototype');
  });

  it('a text over MAX_REGISTRY_BYTES is refused unread', () => {
    // The cheap way to hold such a text: a string longer than the limit is refused from its length alone.
    const text = ' '.repeat(MAX_REGISTRY_BYTES + 1);
    const r = parseRegistryText(text, 'big.json');
    expect(r.problems).toEqual([expect.objectContaining({ path: '', vi: expect.stringMatching(/tệp lớn hơn 268435456 byte/u) })]);
  });

  it('the same number twice in one file: one entry, the later fields win, the others kept', () => {
    const r = parseRegistryText(reg([GOOD, { number: GOOD.number, status: 'het-hieu-luc-toan-bo', statusDate: '2025-06-01' }]), 'dup.json');
    expect(r.problems).toEqual([]);
    const registry = createRegistry([{ origin: 'file', name: 'dup.json', file: r }]);
    const found = registry.lookupNumber(GOOD.number);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ title: GOOD.title, status: 'het-hieu-luc-toan-bo', statusDate: '2025-06-01' });
  });

  it('more than 20 bad entries: 20 lines and a count, the good ones load', () => {
    const entries: unknown[] = [];
    for (let i = 0; i < 500; i++) entries.push(i % 2 ? `{"number":"${i}/2025/NĐ-CP","__proto__":{"x":1}}` : { number: `${i}/2025/NĐ-CP`, dateIssued: 'hôm qua' });
    const r = parseRegistryText(reg([...entries, GOOD]), 'many.json');
    expect(r.problems).toHaveLength(21);
    expect(r.problems[20].path).toBe('entries');
    expect(r.entries.map((e) => e.number)).toEqual([GOOD.number]);
  });

  it('property: random JSON with hostile keys anywhere never throws, never pollutes, and names a path inside the file', () => {
    const value = hostileJson(['format', 'version', 'entries', 'number', 'title', 'evidence', 'relations', 'src', 'generated']);
    const envelope = fc.record({ format: fc.constantFrom('vanban-registry', 'x'), version: fc.constantFrom(1, 2, '1'), entries: fc.array(value, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.oneof(value, envelope), (v) => {
        // JSON.stringify of an object built with a "__proto__" key as an own property writes the key out.
        const text = JSON.stringify(v) ?? 'null';
        const r = parseRegistryText(text, 'rand.json');
        for (const p of r.problems) {
          expect(p.file).toBe('rand.json');
          expect(problemText(p)).toContain('rand.json');
        }
        createRegistry([{ origin: 'file', name: 'rand.json', file: r }]);
        expect(polluted().polluted).toBeUndefined();
        expect(protoKeys()).toEqual(PROTO_KEYS);
      }),
      { numRuns: 1000, seed: 10 },
    );
  });
});

// The shared Quyết định, citing the registry file's good entry in its căn cứ and in Điều 1.
const DOC = QD.replace('Theo đề nghị', 'Căn cứ Nghị định số 99/2025/NĐ-CP ngày 01 tháng 02 năm 2025 của Chính phủ về thí điểm cơ chế đặc thù;\nTheo đề nghị').replace(
  'Quy chế làm việc của Bộ Nội vụ.',
  'Quy chế làm việc của Bộ Nội vụ theo Nghị định số 99/2025/NĐ-CP.',
);

const dir = mkdtempSync(path.join(tmpdir(), 'vanban-hostile-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const docFile = path.join(dir, 'qd.txt');
writeFileSync(docFile, DOC);

/** Each case in its own file (the CLI caches registry files by path for the life of the process). */
const caseFile = (i: number, text: string) => {
  const f = path.join(dir, `case-${i}.json`);
  writeFileSync(f, text);
  return f;
};

describe('CLI: vanban check / citations --registry on hostile files', () => {
  const baseline = runCli(['check', '--format', 'json', docFile]);

  it.each(CASES.map((c, i) => [i, ...c] as const))('%i %s → stderr names the file and key path; the exit code is the documents\'', async (i, _name, text, keyPath, message, goodLoads) => {
    const f = caseFile(i, text);
    const base = await baseline;
    const run = await runCli(['check', '--format', 'json', '--registry', f, docFile]);
    const line = run.stderr.split('\n').find((l) => l.includes(f));
    expect(line, run.stderr).toBeDefined();
    expect(line!.startsWith(`vanban: Cơ sở dữ liệu văn bản không hợp lệ ${f}${keyPath ? `: ${keyPath}` : ''}`)).toBe(true);
    expect(line).toMatch(message);
    expect(run.stderr).toContain('các mục hợp lệ khác của cơ sở dữ liệu vẫn được dùng');
    // The bad file changes nothing about the documents' result but what its good entries add.
    expect(run.code).toBe(base.code);
    expect(JSON.parse(run.stdout).files[0].path).toBe(JSON.parse(base.stdout).files[0].path);
    const cited = await runCli(['citations', '--format', 'json', '--registry', f, docFile]);
    const card = JSON.parse(cited.stdout).files[0].citations.find((c: { number: string }) => c.number === GOOD.number);
    expect(card.registry?.title === GOOD.title).toBe(goodLoads);
    expectCleanPrototype();
  });

  it('a registry file over 256 MiB (sparse) is refused from its size, unread', async () => {
    const f = path.join(dir, 'huge.json');
    writeFileSync(f, '');
    truncateSync(f, MAX_REGISTRY_BYTES + 1);
    const run = await runCli(['check', '--lang', 'en', '--registry', f, docFile]);
    expect(run.stderr).toContain(`vanban: Invalid registry ${f}: file larger than 268435456 bytes`);
    expect(run.code).toBe((await baseline).code);
  });

  it('a registry path that is missing or a folder: "cannot read the file", the run goes on', async () => {
    for (const f of [path.join(dir, 'missing.json'), dir]) {
      const run = await runCli(['check', '--registry', f, docFile]);
      expect(run.stderr).toMatch(new RegExp(`không hợp lệ ${f.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: không đọc được tệp \\((ENOENT|EISDIR)\\)`, 'u'));
      expect(run.code).toBe((await baseline).code);
    }
  });

  it('a .vanbanrc.json "registry" naming a hostile file reports it the same way', async () => {
    const proj = mkdtempSync(path.join(dir, 'proj-'));
    writeFileSync(path.join(proj, 'evil.json'), reg([GOOD, '{"number":"2/2025/NĐ-CP","constructor":{"prototype":{"polluted":1}}}']));
    writeFileSync(path.join(proj, '.vanbanrc.json'), '{"registry":["evil.json"]}');
    writeFileSync(path.join(proj, 'qd.txt'), DOC);
    const run = await runCli(['check', path.join(proj, 'qd.txt')]);
    expect(run.stderr).toContain(`${path.join(proj, 'evil.json')}: entries[1].constructor: khoá bị cấm`);
    expect(run.code).toBe((await baseline).code);
    expectCleanPrototype();
  });
});

describe('language server: vanban.registry naming hostile files', () => {
  it('each bad file gets registry/invalid naming the key path, the good entries serve hovers, the server lives on', async () => {
    const files = CASES.filter(([name]) => !/10 MB/u.test(name)).map(([name, text, keyPath, message, goodLoads], i) => ({
      name, keyPath, message, goodLoads, file: caseFile(1000 + i, text),
    }));
    const client = await startClient({ settings: () => ({ registry: files.map((f) => f.file) }) });
    try {
      const uri = fileUri(docFile);
      await client.open(uri, DOC);
      await client.diagnostics(uri, 1);
      for (const f of files) {
        const d = await client.diagnostics(fileUri(f.file));
        expect(d.diagnostics.length, f.name).toBeGreaterThanOrEqual(1);
        expect(d.diagnostics[0].code, f.name).toBe('registry/invalid');
        expect(d.diagnostics[0].message, f.name).toContain(`${path.basename(f.file)}${f.keyPath ? `: ${f.keyPath}` : ''}`);
        expect(d.diagnostics[0].message, f.name).toMatch(f.message);
      }
      const at = createLineIndex(DOC).positionAt(DOC.lastIndexOf('99/2025') + 2);
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: at });
      expect((h?.contents as { value: string }).value).toContain('về thí điểm cơ chế đặc thù');
      expect(client.alive).toBe(true);
      // Still answering after all of it.
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.length).toBeGreaterThan(0);
    } finally {
      await client.stop();
    }
  }, 60_000);

  it('a registry file that is missing, or over 256 MiB (sparse), gets "cannot read" on itself, unread', async () => {
    const huge = path.join(dir, 'huge-lsp.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_REGISTRY_BYTES + 1);
    const missing = path.join(dir, 'missing-lsp.json');
    const client = await startClient({ settings: () => ({ registry: [huge, missing] }) });
    try {
      await client.open(fileUri(docFile), DOC);
      await client.diagnostics(fileUri(docFile), 1);
      for (const f of [huge, missing]) {
        const [d] = (await client.diagnostics(fileUri(f))).diagnostics;
        expect(d.code).toBe('registry/invalid');
        expect(d.message).toContain(`${path.basename(f)}: không đọc được tệp`);
      }
      expect(client.alive).toBe(true);
    } finally {
      await client.stop();
    }
  }, 60_000);
});
