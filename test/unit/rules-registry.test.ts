import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, getRule } from '../../language-server/src/core/rules/registry.ts';
import { defineRule, type AnyRule } from '../../language-server/src/core/rules/rule.ts';
import { applyEdits, checkDocument, collectFixEdits, fixAll, runRules } from '../../language-server/src/core/service.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import type { Diagnostic, TextEdit } from '../../language-server/src/core/diagnostics/diagnostic.ts';

describe('rule registry', () => {
  it('has unique codes of the form area/name, each with both languages', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of RULES) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*\/[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info', 'hint']).toContain(r.severity);
      expect(r.description.vi.length).toBeGreaterThan(0);
      expect(r.description.en.length).toBeGreaterThan(0);
      expect(getRule(r.code)).toBe(r);
    }
    expect(codes).toContain('text/unicode');
  });

  const spec = '../shared/spec/rules.md';
  // Codes the project adds itself (layout/…) are listed in its own docs, in the same table form.
  const projectCatalogs = ['docs/word.md'];
  it.skipIf(!existsSync(spec))('uses only codes of the public catalog, with its default severity', () => {
    const md = [spec, ...projectCatalogs].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const r of RULES) {
      const row = md.split('\n').find((l) => l.startsWith(`| ${r.code} |`));
      expect(row, `${r.code} is not in ${spec}`).toBeDefined();
      expect(row!.split('|').map((c) => c.trim())).toContain(r.severity);
    }
  });
});

describe('applyEdits', () => {
  const e = (start: number, end: number, newText: string): TextEdit => ({ range: { start, end }, newText });
  it.each([
    ['no edits', 'abc', [], 'abc'],
    ['replace, insert, delete in any order', 'Điều 1 khoản', [e(7, 12, 'điểm'), e(0, 0, '>'), e(4, 5, '')], '>Điều1 điểm'],
    ['insertions at one point keep their order', 'ab', [e(1, 1, 'x'), e(1, 1, 'y')], 'axyb'],
    ['touching edits', 'abcd', [e(0, 2, 'X'), e(2, 4, 'Y')], 'XY'],
    ['whole text', 'abc', [e(0, 3, '')], ''],
  ] as const)('%s', (_n, text, edits, expected) => {
    expect(applyEdits(text, edits as unknown as TextEdit[])).toBe(expected);
  });
  it('rejects overlapping and out-of-range edits', () => {
    expect(() => applyEdits('abcdef', [e(0, 3, 'x'), e(2, 4, 'y')])).toThrow(RangeError);
    expect(() => applyEdits('abc', [e(2, 5, 'x')])).toThrow(RangeError);
    expect(() => applyEdits('abc', [e(2, 1, 'x')])).toThrow(RangeError);
  });
});

describe('collectFixEdits', () => {
  const d = (start: number, end: number, newText: string): Diagnostic => ({
    code: 'x/y', severity: 'warning', message: 'm', range: { start, end },
    fix: { title: 't', edits: [{ range: { start, end }, newText }] },
  });
  it('keeps the first of two clashing fixes and all the others', () => {
    const edits = collectFixEdits([d(5, 8, 'A'), d(0, 2, 'B'), d(6, 9, 'C'), d(3, 3, 'D'), d(3, 3, 'E')]);
    expect(edits.map((x) => x.newText)).toEqual(['B', 'D', 'A']);
  });
});

describe('service', () => {
  const text = 'Điều\u00a01. NÐ-CP';
  it('checkDocument returns the parse and diagnostics sorted by position', () => {
    const r = checkDocument(text);
    expect(r.parse.source.original).toBe(text);
    const starts = r.diagnostics.map((x) => x.range.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.diagnostics.filter((x) => x.code === 'text/unicode')).toHaveLength(2);
    expect(r.failures).toEqual([]);
  });
  it('honours severity overrides and off', () => {
    expect(checkDocument(text, { rules: { 'text/unicode': 'off' } }).diagnostics.some((x) => x.code === 'text/unicode')).toBe(false);
    const ds = checkDocument(text, { rules: { 'text/unicode': 'error' } }).diagnostics.filter((x) => x.code === 'text/unicode');
    expect(ds.map((x) => x.severity)).toEqual(['error', 'error']);
  });
  it('speaks English on request, Vietnamese by default', () => {
    // The first text/unicode finding (other rules may report on this fragment too).
    const first = (lang?: 'en') => checkDocument(text, lang ? { lang } : {}).diagnostics.find((d) => d.code === 'text/unicode')!;
    expect(first().message).toMatch(/Dấu cách không ngắt/);
    expect(first('en').message).toMatch(/Non-breaking space/);
    expect(first('en').fix?.title).toBe('Replace with a normal space');
  });
  it('a rule that throws is reported in failures and the other rules still run', () => {
    const boom: AnyRule = defineRule<null>({
      code: 'test/boom', severity: 'error', description: { vi: 'x', en: 'x' },
      message: { vi: () => 'x', en: () => 'x' },
      check() { throw new Error('boom'); },
    });
    const found: AnyRule = defineRule<{ n: number }>({
      code: 'test/found', severity: 'info', description: { vi: 'x', en: 'x' },
      message: { vi: (a) => `thấy ${a.n}`, en: (a) => `found ${a.n}` },
      check(ctx, report) { report({ range: { start: 0, end: ctx.original.length }, args: { n: 7 } }); },
    });
    const r = runRules(parseDocument('abc'), { lang: 'en' }, [boom, found]);
    expect(r.failures.map((f) => f.code)).toEqual(['test/boom']);
    expect(r.diagnostics).toEqual([{ code: 'test/found', severity: 'info', message: 'found 7', range: { start: 0, end: 3 } }]);
  });
  it('each finding carries the code, severity and messages of the rule that reported it (one report function serves the run)', () => {
    const rule = (code: string, severity: 'info' | 'warning', at: number): AnyRule =>
      defineRule<{ at: number }>({
        code, severity, description: { vi: 'x', en: 'x' },
        message: { vi: (a) => `${code} tại ${a.at}`, en: (a) => `${code} at ${a.at}` },
        fixTitle: { vi: () => `sửa ${code}`, en: () => `fix ${code}` },
        check(_ctx, report) {
          report({ range: { start: at, end: at + 1 }, args: { at }, edits: [{ range: { start: at, end: at + 1 }, newText: code }], related: [{ range: { start: 0, end: 1 }, message: { vi: 'đây', en: 'here' } }] });
        },
      });
    const off = defineRule<null>({
      code: 'test/off', severity: 'warning', enabledByDefault: false, description: { vi: 'x', en: 'x' },
      message: { vi: () => 'x', en: () => 'x' },
      check(_ctx, report) { report({ range: { start: 0, end: 1 }, args: null }); },
    });
    const r = runRules(parseDocument('abcdef'), { lang: 'en', rules: { 'test/b': 'error', 'test/c': 'off' } }, [rule('test/a', 'info', 4), off, rule('test/b', 'warning', 2), rule('test/c', 'info', 1), rule('test/d', 'warning', 3)]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start, d.fix?.title, d.fix?.edits[0].newText, d.related?.[0].message])).toEqual([
      ['test/b', 'error', 'test/b at 2', 2, 'fix test/b', 'test/b', 'here'],
      ['test/d', 'warning', 'test/d at 3', 3, 'fix test/d', 'test/d', 'here'],
      ['test/a', 'info', 'test/a at 4', 4, 'fix test/a', 'test/a', 'here'],
    ]);
    expect(runRules(parseDocument('abcdef'), { rules: { 'test/off': 'hint' } }, [off]).diagnostics.map((d) => [d.code, d.severity])).toEqual([['test/off', 'hint']]);
  });
  it('fixAll applies every fix', () => {
    const fixed = fixAll(text);
    expect(fixed.text).toBe('Điều 1. NĐ-CP');
    expect(fixed.applied).toBe(2);
  });
});
