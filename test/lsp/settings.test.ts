// Settings over LSP: workspace/configuration (`vanban.*`), pushed settings,
// initializationOptions and .vanbanrc.json, merged key by key; changes
// re-validate open documents; the initialize locale picks the language.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { FULL_CAPABILITIES, fileUri, LspClient, ROOT, startClient } from './client.ts';

const TEXT = readFileSync(path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt'), 'utf8');
const codes = (ds: { code?: string | number }[]) => ds.map((d) => String(d.code));

let dir: string;
let client: LspClient | undefined;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'vanban-settings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

function docIn(sub: string, rc?: unknown): string {
  const d = path.join(dir, sub);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  if (rc !== undefined) writeFileSync(path.join(d, '.vanbanrc.json'), typeof rc === 'string' ? rc : JSON.stringify(rc));
  const file = path.join(d, 'qd.txt');
  writeFileSync(file, TEXT);
  return fileUri(file);
}

describe('vanban.* settings from workspace/configuration', () => {
  it('rule severities: off removes, a level changes the severity', async () => {
    client = await startClient({ settings: () => ({ rules: { 'text/repeated-word': 'off', 'reference/unresolved': 'hint' } }) });
    const uri = docIn('a');
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    expect(codes(d.diagnostics)).not.toContain('text/repeated-word');
    expect(d.diagnostics.find((x) => x.code === 'reference/unresolved')!.severity).toBe(4);
  });

  it('message language and document type override', async () => {
    client = await startClient({ settings: () => ({ lang: 'en', docType: 'ke-hoach' }) });
    const uri = docIn('b');
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    const expected = checkDocument(TEXT, { lang: 'en', docType: 'ke-hoach' }).diagnostics;
    expect(d.diagnostics.map((x) => [x.code, x.message])).toEqual(expected.map((x) => [x.code, x.message]));
  });

  it('a wrong value is logged and ignored; the other keys apply', async () => {
    client = await startClient({ settings: () => ({ rules: { 'text/repeated-word': 'loud', 'text/unicode': 'off' }, lang: 'klingon' }) });
    const uri = docIn('c');
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    // rules is wrong as a whole (one bad value): its keys fall back to the defaults; lang too.
    expect(codes(d.diagnostics)).toContain('text/repeated-word');
    expect(d.diagnostics[0].message).toMatch(/[ạ-ỹđ]/u);
    const log = client.logs.map((l) => l.message).join('\n');
    expect(log).toMatch(/settings: vanban\.rules: /);
    expect(log).toMatch(/settings: vanban\.lang: /);
  });

  it('an unknown rule code is reported, the known ones apply', async () => {
    client = await startClient({ settings: () => ({ rules: { 'text/nope': 'off', 'text/unicode': 'off' } }) });
    const uri = docIn('d');
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    expect(codes(d.diagnostics)).not.toContain('text/unicode');
    expect(client.logs.map((l) => l.message).join('\n')).toMatch(/vanban\.rules\.text\/nope: unknown rule code/);
  });

  it('didChangeConfiguration re-validates the open documents with the new settings', async () => {
    let rules: Record<string, string> = {};
    client = await startClient({ settings: () => ({ rules }) });
    const uri = docIn('e');
    await client.open(uri, TEXT);
    const before = await client.diagnostics(uri, 1);
    expect(codes(before.diagnostics)).toContain('text/repeated-word');
    const count = client.published.length;
    rules = { 'text/repeated-word': 'off' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await expect.poll(() => client!.published.length, { timeout: 10_000 }).toBeGreaterThan(count);
    const after = client.published[client.published.length - 1];
    expect(after.uri).toBe(uri);
    expect(codes(after.diagnostics)).not.toContain('text/repeated-word');
  });
});

describe('pushed settings (clients that cannot be asked)', () => {
  const noConfig = { ...FULL_CAPABILITIES, workspace: { ...FULL_CAPABILITIES.workspace, configuration: false } };

  it('initializationOptions.settings and then didChangeConfiguration { vanban: … }', async () => {
    client = await startClient({ capabilities: noConfig, initializationOptions: { settings: { vanban: { rules: { 'text/repeated-word': 'off' } } } } });
    const uri = docIn('f');
    await client.open(uri, TEXT);
    expect(codes((await client.diagnostics(uri, 1)).diagnostics)).not.toContain('text/repeated-word');
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { vanban: { rules: { 'text/repeated-word': 'error' } } } });
    await expect.poll(() => client!.published.length, { timeout: 10_000 }).toBeGreaterThan(count);
    const after = client.published[client.published.length - 1];
    expect(after.diagnostics.find((d) => d.code === 'text/repeated-word')?.severity).toBe(1);
  });
});

describe('.vanbanrc.json', () => {
  it('applies to the documents below it; an editor setting wins key by key', async () => {
    client = await startClient({ settings: () => ({ rules: { 'text/repeated-word': 'error' } }) });
    const uri = docIn('g', { rules: { 'text/repeated-word': 'off', 'text/unicode': 'off' }, lang: 'en' });
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    expect(codes(d.diagnostics)).not.toContain('text/unicode');
    expect(d.diagnostics.find((x) => x.code === 'text/repeated-word')?.severity).toBe(1);
    // lang from the project file (the setting says auto).
    expect(d.diagnostics.find((x) => x.code === 'text/repeated-word')?.message).toMatch(/^Repeated/);
  });

  it('an invalid file gets its config/invalid diagnostic; the right parts still apply', async () => {
    client = await startClient();
    const uri = docIn('h', { rules: { 'text/unicode': 'off', 'text/repeated-word': 'sometimes' } });
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    expect(codes(d.diagnostics)).not.toContain('text/unicode');
    expect(codes(d.diagnostics)).toContain('text/repeated-word');
    const rc = fileUri(path.join(dir, 'h', '.vanbanrc.json'));
    const cfg = await client.diagnostics(rc);
    expect(cfg.diagnostics).toHaveLength(1);
    expect(cfg.diagnostics[0]).toMatchObject({ code: 'config/invalid', severity: 2 });
    expect(cfg.diagnostics[0].message).toMatch(/rules\.text\/repeated-word/);
  });

  it('a changed file (didChangeWatchedFiles) re-validates; the server asked to watch it', async () => {
    client = await startClient();
    await expect.poll(() => JSON.stringify(client!.registrations), { timeout: 5000 }).toContain('**/.vanbanrc.json');
    const uri = docIn('i', { rules: {} });
    await client.open(uri, TEXT);
    expect(codes((await client.diagnostics(uri, 1)).diagnostics)).toContain('text/repeated-word');
    const rcPath = path.join(dir, 'i', '.vanbanrc.json');
    writeFileSync(rcPath, JSON.stringify({ rules: { 'text/repeated-word': 'off' } }));
    const count = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rcPath), type: 2 }] });
    await expect.poll(() => client!.published.slice(count).some((p) => p.uri === uri && !codes(p.diagnostics).includes('text/repeated-word')), { timeout: 10_000 }).toBe(true);
  });
});

describe('initialize locale', () => {
  it.each([
    ['en-GB', 'en'],
    ['vi', 'vi'],
    ['fr', 'vi'],
  ])('%s → messages in %s', async (locale, lang) => {
    client = await startClient({ locale });
    const uri = docIn(`loc-${locale}`);
    await client.open(uri, TEXT);
    const d = await client.diagnostics(uri, 1);
    const expected = checkDocument(TEXT, { lang: lang as 'vi' | 'en' }).diagnostics.map((x) => x.message);
    expect(d.diagnostics.map((x) => x.message)).toEqual(expected);
  });
});
