import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, parseConfig } from '../../language-server/src/core/config/config.ts';
import { applyDirectives, findDirectives } from '../../language-server/src/core/config/inline.ts';
import { RULES } from '../../language-server/src/core/rules/registry.ts';
import { textScan } from '../../language-server/src/core/rules/text-scan.ts';
import { normalizeText } from '../../language-server/src/core/text/normalize.ts';
import type { Diagnostic } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';

const known = new Set(RULES.map((r) => r.code));
const parse = (text: string) => parseConfig(text, 'docs/.vanbanrc.json', { knownCodes: known });

describe('parseConfig', () => {
  it('reads severities, "off", docType and lang', () => {
    const r = parse('{ "rules": { "text/spacing": "off", "header/ngay-thang": "error" }, "docType": "ke-hoach", "lang": "en" }');
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toEqual({ rules: { 'text/spacing': 'off', 'header/ngay-thang': 'error' }, docType: 'ke-hoach', lang: 'en' });
  });
  it('an empty object is the defaults', () => expect(parse('{}')).toEqual({ config: { rules: {} }, diagnostics: [] }));

  const bad: [string, string, string, Record<string, string>][] = [
    ['malformed JSON', '{ "rules": { ', 'JSON sai cú pháp', {}],
    ['unknown key', '{ "rulez": {}, "rules": { "text/spacing": "off" } }', 'docs/.vanbanrc.json: rulez: khoá không được hỗ trợ', { 'text/spacing': 'off' }],
    ['wrong severity value', '{ "rules": { "text/spacing": "loud", "header/ngay-thang": "error" } }', 'docs/.vanbanrc.json: rules.text/spacing: mức độ phải là error, warning, info, hint, off', { 'header/ngay-thang': 'error' }],
    ['unknown rule code', '{ "rules": { "text/nonsense": "off", "text/spacing": "hint" } }', 'rules.text/nonsense: mã quy tắc không tồn tại', { 'text/spacing': 'hint' }],
    ['wrong docType', '{ "docType": "sach", "rules": {} }', 'docType: loại văn bản không được hỗ trợ', {}],
    ['__proto__ key', '{ "rules": { "__proto__": { "x": 1 } } }', 'rules.__proto__: khoá bị cấm', {}],
    ['constructor key', '{ "constructor": {} }', 'constructor: khoá bị cấm', {}],
    ['not an object', '[1, 2]', 'cần một đối tượng JSON', {}],
  ];
  it.each(bad)('%s → ONE diagnostic naming the file and key, the right parts kept', (_n, text, fragment, rules) => {
    const r = parse(text);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].code).toBe('config/invalid');
    expect(r.diagnostics[0].message).toContain('docs/.vanbanrc.json');
    expect(r.diagnostics[0].message).toContain(fragment);
    expect(r.config.rules).toEqual(rules);
    expect(Object.getPrototypeOf(r.config.rules)).toBe(Object.prototype);
  });
  it('several problems are still one diagnostic, the others listed by key', () => {
    const r = parse('{ "a": 1, "rules": { "text/spacing": "x" }, "lang": "fr" }');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0].message).toContain('rules.text/spacing: mức độ phải là');
    expect(r.diagnostics[0].message).toContain('(và 2 lỗi khác: lang, a)');
  });
  it('English message', () => {
    const r = parseConfig('{ "x": 1 }', '.vanbanrc.json', { lang: 'en' });
    expect(r.diagnostics[0].message).toBe('Invalid configuration .vanbanrc.json: x: unknown key (defaults used)');
  });
  it('a file over the size limit is refused', () => {
    const r = parse(' '.repeat(MAX_CONFIG_BYTES + 1));
    expect(r.diagnostics[0].message).toContain('lớn hơn');
  });
});

describe('service options from the config', () => {
  const text = 'Quyết định  này.\n';
  it('severity override and "off"', () => {
    expect(checkDocument(text, { rules: { 'text/spacing': 'error' } }).diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(checkDocument(text, { rules: { 'text/spacing': 'off' } }).diagnostics).toEqual([]);
  });
});

describe('inline control comments', () => {
  const text = [
    'Điều 1. Quy  định một.', // 0: reported
    '<!-- vanban-disable text/spacing -->',
    'Điều 2. Quy  định hai.', // 2: off
    '<!-- vanban-enable text/spacing -->',
    'Điều 3. Quy  định ba.', // 4: reported
    '// vanban-disable-next-line',
    'Điều 4. Quy  định bốn.', // 6: off (all rules)
    'Điều 5. Quy  định năm.', // 7: reported
    '<!-- vanban-disable -->',
    'Điều 6. Quy  định sáu.', // 9: off
    '<!-- vanban-enable text/spacing, text/unicode -->',
    'Điều 7. Quy  định bảy.', // 11: reported again
    '<!-- vanban-disable-next-line header/ngay-thang -->',
    'Điều 8. Quy  định tám.', // 13: reported (another code)
    '',
  ].join('\n');
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
  it('switches rules off and on by line', () => {
    const lines = checkDocument(text).diagnostics.filter((d) => d.code === 'text/spacing').map((d) => lineOf(d.range.start));
    expect(lines).toEqual([0, 4, 7, 11, 13]);
  });
  it('can be turned off', () => {
    expect(checkDocument(text, { inlineControl: false }).diagnostics.filter((d) => d.code === 'text/spacing')).toHaveLength(8);
  });
  it('finds the comments, with their codes', () => {
    expect(findDirectives(text).map((d) => [d.kind, d.codes, d.line])).toEqual([
      ['disable', ['text/spacing'], 1],
      ['enable', ['text/spacing'], 3],
      ['disable-next-line', [], 5],
      ['disable', [], 8],
      ['enable', ['text/spacing', 'text/unicode'], 10],
      ['disable-next-line', ['header/ngay-thang'], 12],
    ]);
    // Either form alone (the text is first searched for "<!--" and "//").
    expect(findDirectives('a\n  // vanban-disable text/spacing\n').map((d) => [d.kind, d.codes, d.line])).toEqual([['disable', ['text/spacing'], 1]]);
    expect(findDirectives('a\n<!--vanban-enable-->').map((d) => [d.kind, d.codes, d.line])).toEqual([['enable', [], 1]]);
    expect(findDirectives('a\nvanban-disable\n/ / vanban-enable\n< !-- vanban-enable -->')).toEqual([]);
  });
  it('drops the same diagnostics when the text scan of the parse says no "<!--" or "//" occurs', () => {
    let withDirectives = 0;
    // Pieces that make directives, break them, or change under normalisation (NFD, zero-width, CR, NBSP).
    const pieces = ['<!--', '-->', '//', '/', '<', '!', '-', ' ', '\n', '\r\n', '\r', 'vanban-disable', 'vanban-enable', 'vanban-disable-next-line', 'text/spacing', '\n// vanban-disable text/spacing', '\n<!-- vanban-disable -->', '\n<!-- vanban-enable text/spacing -->\n', '\n//vanban-disable-next-line\n', 'a', 'e\u0301', '\u200b', '\u00a0', 'Ð', '\ufeff'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (ps) => {
        const text = ps.join('');
        const diagnostics: Diagnostic[] = [];
        for (let at = 0; at <= text.length; at += 3) diagnostics.push({ code: 'text/spacing', severity: 'info', message: '', range: { start: at, end: at } });
        const source = normalizeText(text);
        textScan(source);
        expect(applyDirectives(text, diagnostics, source)).toEqual(applyDirectives(text, diagnostics));
        // The scan's answer is "no" only where the original holds no directive.
        if (findDirectives(text).length > 0) (withDirectives++, expect(textScan(source).directiveMarkers).toBe(true));
      }),
      { numRuns: 1500 },
    );
    // The generator makes both kinds of text.
    expect(withDirectives).toBeGreaterThan(100);
  });
  it('a comment inside a line of text is not a directive', () => {
    expect(findDirectives('Xem <!-- vanban-disable --> ở đây\n')).toEqual([]);
    expect(applyDirectives('a\n', [])).toEqual([]);
  });
});

describe('CLI: .vanbanrc.json discovery and --config', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(path.join(tmpdir(), 'vanban-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(path.join(dir, 'a', 'b', 'doc.txt'), 'Quyết định  này,xong.\n');
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), ...args], { cwd: dir, encoding: 'utf8' });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it('nearest config walking up from the file', () => {
    writeFileSync(path.join(dir, 'a', '.vanbanrc.json'), '{ "rules": { "text/spacing": "warning" }, "lang": "en" }');
    const r = run(['check', 'a/b/doc.txt']);
    expect(r.stdout).toContain('a/b/doc.txt:1:11: warning text/spacing: Double space');
    expect(r.stdout).toContain('Checked 1 file');
  });
  it('--lang on the command line wins over the config', () => {
    expect(run(['check', '--lang', 'vi', 'a/b/doc.txt']).stdout).toContain('Hai dấu cách liền nhau');
  });
  it('a broken config: one config/invalid line naming file and key, checking goes on with defaults', () => {
    writeFileSync(path.join(dir, 'a', '.vanbanrc.json'), '{ "rules": { "text/spacing": "loud" } }');
    const r = run(['check', '--format', 'json', 'a/b/doc.txt']);
    const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { code: string; message: string; severity: string }[] }[] };
    expect(json.files.map((f) => f.path)).toEqual([path.join('a', '.vanbanrc.json'), 'a/b/doc.txt']);
    expect(json.files[0].diagnostics).toHaveLength(1);
    expect(json.files[0].diagnostics[0].code).toBe('config/invalid');
    expect(json.files[0].diagnostics[0].message).toContain('rules.text/spacing');
    expect(json.files[1].diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['text/spacing info', 'text/spacing info']);
    expect(r.code).toBe(0);
  });
  it('--config FILE is used instead of the nearest one', () => {
    writeFileSync(path.join(dir, 'other.json'), '{ "rules": { "text/spacing": "off" } }');
    const r = run(['check', '--config', 'other.json', 'a/b/doc.txt']);
    expect(r.stdout).toContain('không có vấn đề nào');
  });
  it('an unreadable --config file is reported once and checking goes on', () => {
    const r = run(['check', '--config', 'missing.json', 'a/b/doc.txt']);
    expect(r.stdout).toMatch(/^missing\.json:1:1: warning config\/invalid: .*missing\.json.*ENOENT/mu);
    expect(r.stdout).toContain('a/b/doc.txt:1:11: info text/spacing');
  });
});
