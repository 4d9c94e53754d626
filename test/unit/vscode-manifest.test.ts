/**
 * The root package.json as a VS Code extension manifest: what VS Code and
 * vsce need (activation, engine, entry points, contributions), every
 * %placeholder% translated in Vietnamese (package.nls.json) and English
 * (package.nls.en.json), the commands the client registers, the settings the
 * server reads, and a .vscodeignore that keeps every file the manifest names.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../extension/vscode/command-ids.ts';
import { DOC_TYPES } from '../../language-server/src/core/config/config.ts';
import { RULES } from '../../language-server/src/core/rules/registry.ts';
import { DEFAULT_SETTINGS, readClientSettings } from '../../language-server/src/server/settings.ts';

const root = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));
const pkg = read('package.json');
const nlsVi = read('package.nls.json') as Record<string, string>;
const nlsEn = read('package.nls.en.json') as Record<string, string>;
const contributes = pkg.contributes;

describe('VS Code manifest', () => {
  it('activates on vanban documents (an empty list never activates) and on plain text to offer the mode', () => {
    expect(pkg.activationEvents).toEqual(expect.arrayContaining(['onLanguage:vanban', 'onLanguage:plaintext', 'onLanguage:markdown']));
  });

  it('targets an engine old enough for code-server 4.139 and vscode-languageclient 11, and not below @types/vscode', () => {
    expect(pkg.engines.vscode).toBe('^1.91.0');
    const types = read('node_modules/@types/vscode/package.json').version as string;
    const [maj, min] = types.split('.').map(Number);
    expect(maj === 1 && min <= 91).toBe(true);
    const lc = read('node_modules/vscode-languageclient/package.json').engines.vscode as string;
    expect(lc).toBe('^1.91.0');
  });

  it('points main and browser at the bundles the build writes', () => {
    expect(pkg.main).toBe('./dist/extension.cjs');
    expect(pkg.browser).toBe('./dist/web-extension.cjs');
    // vitest's global setup ran scripts/build.mjs.
    expect(existsSync(path.join(root, pkg.main))).toBe(true);
    expect(existsSync(path.join(root, pkg.browser))).toBe(true);
    expect(pkg.scripts['package:vscode']).toMatch(/vsce package --no-dependencies/u);
  });

  it('contributes the vanban language with its files, grammar and configuration', () => {
    const [lang] = contributes.languages;
    expect(lang.id).toBe('vanban');
    expect(lang.extensions).toEqual(['.vanban', '.vbhc']);
    expect(existsSync(path.join(root, lang.configuration))).toBe(true);
    const [grammar] = contributes.grammars;
    expect(read(grammar.path).scopeName).toBe(grammar.scopeName);
  });

  it('translates every %placeholder% into Vietnamese and English', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const k of keys) {
      expect(nlsVi[k], `package.nls.json: ${k}`).toBeTruthy();
      expect(nlsEn[k], `package.nls.en.json: ${k}`).toBeTruthy();
    }
    expect(Object.keys(nlsEn).sort()).toEqual(Object.keys(nlsVi).sort());
    expect(Object.keys(nlsVi).sort()).toEqual([...new Set(keys)].sort());
  });

  it('contributes exactly the commands the client registers, and menus name only those', () => {
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(contributed).toEqual(Object.values(COMMANDS).sort());
    for (const c of contributes.commands) expect(c.title).toMatch(/^%command\./u);
    for (const [menu, items] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
      for (const item of items) expect(contributed, `${menu}: ${item.command}`).toContain(item.command);
    }
  });

  it('offers the settings the server reads, with descriptions and the right values', () => {
    const props = contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(
      ['vanban.docType', 'vanban.inlayHints.enabled', 'vanban.lang', 'vanban.plainText.detect', 'vanban.registry', 'vanban.rules', 'vanban.trace.server'].sort(),
    );
    for (const [k, v] of Object.entries(props as Record<string, { description?: string; markdownDescription?: string }>)) {
      expect(v.description ?? v.markdownDescription, k).toMatch(/^%configuration\./u);
    }
    expect(props['vanban.docType'].enum).toEqual(['auto', ...DOC_TYPES.filter((d) => d !== 'unknown')]);
    expect(props['vanban.rules'].additionalProperties.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
    const pattern = new RegExp(props['vanban.rules'].propertyNames.pattern, 'u');
    for (const r of RULES) expect(pattern.test(r.code), r.code).toBe(true);
    expect(props['vanban.lang'].default).toBe('vi');
  });

  it('sends the server a `vanban` section it reads without a complaint, and every server setting is contributed', () => {
    // What VS Code answers to workspace/configuration { section: 'vanban' }: the settings as nested objects.
    const section: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(contributes.configuration.properties as Record<string, { default: unknown }>)) {
      const parts = key.split('.').slice(1);
      let at = section;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1]] = value.default;
    }
    const { settings, problems } = readClientSettings(section);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, lang: 'vi' });
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(Object.keys(section), key).toContain(key);
    const custom = readClientSettings({ ...section, rules: { 'text/spacing': 'off' }, docType: 'ke-hoach', inlayHints: { enabled: true }, registry: ['so-tay.json'] });
    expect(custom.problems).toEqual([]);
    expect(custom.settings).toMatchObject({ rules: { 'text/spacing': 'off' }, docType: 'ke-hoach', inlayHints: true, registry: ['so-tay.json'] });
  });

  it('.vscodeignore keeps every file the manifest names and leaves out the sources', () => {
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    const kept = ignore.split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    expect(ignore.split('\n')).toContain('**');
    for (const f of [pkg.main, pkg.browser, contributes.grammars[0].path, contributes.languages[0].configuration].map((p: string) => p.replace(/^\.\//u, ''))) {
      expect(kept, f).toContain(f);
    }
    for (const f of ['dist/server.js', 'dist/server-thread.cjs', 'dist/server-node.cjs', 'dist/server-worker.js', 'dist/rules.md', 'package.nls*.json', 'LICENSE']) expect(kept).toContain(f);
    expect(kept.some((k) => k.startsWith('language-server') || k.startsWith('node_modules') || k.endsWith('.ts'))).toBe(false);
  });
});
