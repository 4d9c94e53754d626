/**
 * New-document templates (extension/templates): ND30 dates computed in code,
 * snippets that expand to clean documents — checked by the core and by the
 * `vanban check` command line — and the structure each model promises.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { calendarDate, nd30Date, placeAndDate } from '../../extension/templates/nd30-date.ts';
import { escapeSnippet, snippetToText } from '../../extension/templates/snippet.ts';
import { TEMPLATES, templateInfo, templateSnippet, type TemplateId } from '../../extension/templates/templates.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('nd30Date', () => {
  it.each([
    [{ year: 2026, month: 1, day: 5 }, 'ngày 05 tháng 01 năm 2026'],
    [{ year: 2026, month: 2, day: 28 }, 'ngày 28 tháng 02 năm 2026'],
    [{ year: 2026, month: 3, day: 15 }, 'ngày 15 tháng 3 năm 2026'],
    [{ year: 2026, month: 9, day: 9 }, 'ngày 09 tháng 9 năm 2026'],
    [{ year: 2025, month: 10, day: 1 }, 'ngày 01 tháng 10 năm 2025'],
    [{ year: 2024, month: 12, day: 31 }, 'ngày 31 tháng 12 năm 2024'],
  ])('%o → %s', (date, text) => expect(nd30Date(date)).toBe(text));

  it('follows the ND30 rule for every day of the year (Phụ lục I, Mục II.4)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true }), (d) => {
        const c = calendarDate(d);
        const text = nd30Date(c);
        // The shape ../shared/reference/rules.md §1.8 derives from ND30.
        expect(text).toMatch(/^ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/u);
        const [, dd, mm, yy] = /ngày (\d+) tháng (\d+) năm (\d+)/u.exec(text) as RegExpExecArray;
        expect([Number(dd), Number(mm), Number(yy)]).toEqual([c.day, c.month, c.year]);
      }),
    );
  });

  it('takes the local calendar date', () => {
    expect(calendarDate(new Date(2026, 0, 5, 23, 59))).toEqual({ year: 2026, month: 1, day: 5 });
    expect(placeAndDate('Hà Nội', { year: 2026, month: 3, day: 15 })).toBe('Hà Nội, ngày 15 tháng 3 năm 2026');
  });
});

describe('snippetToText', () => {
  it.each([
    ['Số: ${1:01}/QĐ-${2:BNV}', 'Số: 01/QĐ-BNV'],
    ['${1:a ${2:b} c}$0', 'a b c'],
    ['Giá \\$5 và \\} và \\\\', 'Giá $5 và } và \\'],
    ['${3}Điều 1. $1', 'Điều 1. '],
    ['Không có chỗ trống', 'Không có chỗ trống'],
  ])('%s', (snippet, text) => expect(snippetToText(snippet)).toBe(text));

  it('round-trips escaped text', () => {
    fc.assert(fc.property(fc.string(), (s) => snippetToText(escapeSnippet(s)) === s));
  });
});

const DATES = [
  { year: 2026, month: 1, day: 5 },
  { year: 2026, month: 2, day: 28 },
  { year: 2026, month: 3, day: 15 },
  { year: 2027, month: 12, day: 9 },
];

function kinds(node: Node, into: string[] = []): string[] {
  into.push(node.number ? `${node.kind} ${node.number}` : node.kind);
  for (const c of node.children) kinds(c, into);
  return into;
}

describe('templates', () => {
  it('offers the six ND30 models of the issue', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['quyet-dinh', 'quyet-dinh-ban-hanh', 'ke-hoach', 'cong-van', 'to-trinh', 'bao-cao']);
    expect(() => templateInfo('nope' as TemplateId)).toThrow();
  });

  const cases = TEMPLATES.flatMap((t) => DATES.map((date) => ({ id: t.id, date, docType: t.docType })));
  it.each(cases)('$id dated $date.day/$date.month/$date.year checks clean and has its type', ({ id, date, docType }) => {
    const text = snippetToText(templateSnippet(id, date));
    expect(text).toContain(`Hà Nội, ${nd30Date(date)}`);
    const { diagnostics, parse } = checkDocument(text);
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    expect(parse.tree.docType).toBe(docType);
    expect(parse.tree.children.map((c) => c.kind)).toContain('noi-nhan');
  });

  it.each([
    ['quyet-dinh', ['dieu 1', 'dieu 2', 'dieu 3', 'dieu 4']],
    ['quyet-dinh-ban-hanh', ['dieu 1', 'dieu 2', 'dieu 3', 'attachment', 'chuong I', 'chuong II']],
    ['ke-hoach', ['section I', 'section II', 'section III', 'diem a']],
    ['to-trinh', ['section I', 'section II', 'section III']],
    ['bao-cao', ['section I', 'section IV']],
  ] as const)('%s has %o', (id, expected) => {
    const all = kinds(parseDocument(snippetToText(templateSnippet(id, DATES[0]))).tree);
    for (const k of expected) expect(all.some((x) => x === k || x.startsWith(`${k} `))).toBe(true);
  });

  it('links the ký hiệu of the header and of the attached document to one tab stop', () => {
    const snippet = templateSnippet('quyet-dinh-ban-hanh', DATES[0]);
    expect(snippet.match(/\$\{3:QĐ-BNV\}/gu)?.length).toBe(2);
  });

  describe('with `vanban check`', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vanban-templates-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    it('reports no problem in any template', () => {
      const today = calendarDate(new Date());
      for (const t of TEMPLATES) writeFileSync(path.join(dir, t.fileName), snippetToText(templateSnippet(t.id, today)));
      const r = spawnSync(process.execPath, ['bin/vanban.js', 'check', '--format', 'json', dir], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout) as { files: { path: string; diagnostics: unknown[] }[] };
      expect(json.files.map((f) => path.basename(f.path)).sort()).toEqual(TEMPLATES.map((t) => t.fileName).sort());
      for (const f of json.files) expect(f.diagnostics, f.path).toEqual([]);
    });
  });
});
