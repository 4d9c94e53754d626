/**
 * The TextMate grammar (grammar/vanban.tmLanguage.json), tokenized by the
 * engine VS Code uses (vscode-textmate + Oniguruma):
 * - golden scope files for the fixtures in test/fixtures/grammar (regenerate
 *   after a deliberate change with `UPDATE_GOLDEN=1 npx vitest run test/unit/grammar.test.ts`
 *   and review the diff);
 * - the scopes that matter, line by line;
 * - the reuse promise: every regex is valid JavaScript (`u` flag) without the
 *   constructs the two engines read differently, and grammar/line-tokenizer.ts
 *   (the browser editor's reader) gives the same tokens as vscode-textmate on
 *   the fixtures, the templates and seed 004.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { createLineTokenizer, type Grammar, type GrammarRule } from '../../grammar/line-tokenizer.ts';
import { TEMPLATES, templateSnippet } from '../../extension/templates/templates.ts';
import { snippetToText } from '../../extension/templates/snippet.ts';
import { hasCorpus, readCorpus, SEED_004 } from '../helpers/corpus.ts';
import { GRAMMAR_PATH, loadVanbanGrammar, ROOT, tokenizeText, type ScopedToken } from '../helpers/textmate.ts';

const FIXTURES = join(ROOT, 'test/fixtures/grammar');
const GOLDEN = join(ROOT, 'test/golden/grammar');
const update = process.env.UPDATE_GOLDEN === '1';
const grammarJson = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as Grammar;

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadVanbanGrammar();
});

/** One line of text, then one indented line per token that has a scope of its own. */
function renderScopes(text: string, lines: ScopedToken[][]): string {
  const src = text.split(/\r?\n/u);
  const out: string[] = [];
  lines.forEach((tokens, i) => {
    out.push(src[i]);
    for (const t of tokens) {
      const own = t.scopes.filter((s) => s !== 'text.vanban');
      if (own.length > 0) out.push(`  ${JSON.stringify(t.text)} ${own.join(' ')}`);
    }
  });
  return `${out.join('\n')}\n`;
}

describe('grammar golden scopes', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.vanban')).sort();
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(3));
  it.each(files)('%s', (file) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const rendered = renderScopes(text, tokenizeText(grammar, text));
    const golden = join(GOLDEN, file.replace(/\.vanban$/u, '.scopes.txt'));
    if (update || !existsSync(golden)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, rendered);
    }
    expect(rendered).toBe(readFileSync(golden, 'utf8'));
  });
});

/** The scopes of the token that covers `part` (its first occurrence) on a one-line text. */
function scopesAt(line: string, part: string, context: string[] = [], exact = true): string[] {
  const lines = tokenizeText(grammar, [...context, line].join('\n'));
  const tokens = lines[lines.length - 1];
  const at = line.indexOf(part);
  if (at < 0) throw new Error(`"${part}" not in "${line}"`);
  let offset = 0;
  for (const t of tokens) {
    if (offset <= at && at < offset + t.text.length) {
      if (exact) expect(t.text, `token at "${part}" in "${line}"`).toBe(part);
      return t.scopes;
    }
    offset += t.text.length;
  }
  return ['text.vanban'];
}

describe('grammar scopes', () => {
  const cases: { line: string; part: string; scope: string | null; context?: string[] }[] = [
    { line: 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', part: 'Điều 2.', scope: 'entity.name.section.dieu.vanban' },
    { line: '  Điều 12: Tên điều', part: 'Điều 12:', scope: 'entity.name.section.dieu.vanban' },
    { line: 'Điều 5a. Điều mới', part: 'Điều 5a.', scope: 'entity.name.section.dieu.vanban' },
    { line: 'Chương IV', part: 'Chương IV', scope: 'markup.heading.chuong.vanban' },
    { line: 'Mục 2', part: 'Mục 2', scope: 'markup.heading.muc.vanban' },
    { line: 'Phần thứ hai', part: 'Phần thứ hai', scope: 'markup.heading.phan.vanban' },
    { line: 'Phụ lục II', part: 'Phụ lục II', scope: 'markup.heading.phu-luc.vanban' },
    { line: 'II. NHIỆM VỤ CỤ THỂ', part: 'II.', scope: 'markup.heading.section.vanban' },
    { line: 'II. NHIỆM VỤ CỤ THỂ', part: 'NHIỆM VỤ CỤ THỂ', scope: 'markup.heading.section.title.vanban' },
    { line: '1. Mục đích', part: '1.', scope: 'constant.numeric.khoan.vanban' },
    { line: '2.1. Rà soát', part: '2.1.', scope: 'constant.numeric.sub-khoan.vanban' },
    { line: 'đ) Nội dung', part: 'đ)', scope: 'constant.character.diem.vanban' },
    { line: 'a1) Điểm chèn', part: 'a1)', scope: 'constant.character.diem.vanban' },
    { line: '- Nội dung', part: '-', scope: 'punctuation.definition.list.item.vanban' },
    { line: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', part: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', scope: 'markup.heading.quoc-hieu.vanban' },
    { line: 'Độc lập - Tự do - Hạnh phúc', part: 'Độc lập - Tự do - Hạnh phúc', scope: 'markup.heading.tieu-ngu.vanban' },
    { line: 'Số: 971/QĐ-BNV', part: '971/QĐ-BNV', scope: 'constant.other.ky-hieu.vanban' },
    { line: 'Số:      /QĐ-BNV', part: 'Số', scope: 'keyword.other.so.vanban' },
    { line: 'Hà Nội, ngày 05 tháng 01 năm 2026', part: 'Hà Nội', scope: 'entity.name.place.vanban' },
    { line: 'Hà Nội, ngày 05 tháng 01 năm 2026', part: 'ngày 05 tháng 01 năm 2026', scope: 'constant.other.date.vanban' },
    { line: 'QUYẾT ĐỊNH', part: 'QUYẾT ĐỊNH', scope: 'entity.name.type.ten-loai.vanban' },
    { line: 'QUYẾT ĐỊNH:', part: 'QUYẾT ĐỊNH:', scope: 'keyword.control.enactment.vanban' },
    { line: 'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;', part: 'Căn cứ', scope: 'keyword.control.can-cu.vanban' },
    { line: 'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;', part: 'Nghị định', scope: 'entity.name.type.doc-kind.vanban' },
    { line: 'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022;', part: '63/2022/NĐ-CP', scope: 'constant.other.ky-hieu.vanban' },
    { line: 'Căn cứ Luật Tổ chức Chính phủ;', part: 'Luật', scope: 'entity.name.type.doc-kind.vanban' },
    { line: 'Theo đề nghị của Vụ trưởng.', part: 'Theo đề nghị của', scope: 'keyword.control.de-nghi.vanban' },
    { line: 'theo khoản 2 Điều 1 và điểm đ khoản 1 Điều 3.', part: 'khoản 2', scope: 'variable.other.reference.vanban' },
    { line: 'theo khoản 2 Điều 1 và điểm đ khoản 1 Điều 3.', part: 'điểm đ', scope: 'variable.other.reference.vanban' },
    { line: 'tại mục II Kế hoạch này', part: 'mục II', scope: 'variable.other.reference.vanban' },
    { line: 'Nơi nhận:', part: 'Nơi nhận', scope: 'keyword.other.noi-nhan.vanban' },
    { line: '- Lưu: VT, CCHC.', part: 'Lưu', scope: 'keyword.other.luu.vanban', context: ['Nơi nhận:', '- Như Điều 3;'] },
    { line: '- Như Điều 3;', part: 'Điều 3', scope: 'variable.other.reference.vanban', context: ['Nơi nhận:'] },
    { line: 'KT. BỘ TRƯỞNG', part: 'KT.', scope: 'storage.modifier.tham-quyen.vanban' },
    { line: 'KT. BỘ TRƯỞNG', part: 'BỘ TRƯỞNG', scope: 'entity.name.function.chuc-vu.vanban' },
    { line: 'V/v đôn đốc', part: 'V/v', scope: 'keyword.other.vv.vanban' },
    { line: 'Kính gửi: Bộ Nội vụ', part: 'Kính gửi', scope: 'keyword.other.kinh-gui.vanban' },
    { line: 'Nội dung “trích dẫn” ở đây', part: '“trích dẫn”', scope: 'string.quoted.double.vanban' },
    { line: 'thi hành Quyết định này./.', part: './.', scope: 'punctuation.terminator.end.vanban' },
    { line: '<!-- vanban-disable text/spacing -->', part: '<!-- vanban-disable text/spacing -->', scope: 'comment.block.directive.vanban' },
    // Things that must stay plain text.
    { line: 'tại địa điểm cao', part: 'điểm', scope: null },
    { line: 'Lưu ý các đơn vị', part: 'Lưu', scope: null },
    { line: 'Tổ chức thực hiện Điều lệ', part: 'Điều', scope: null },
  ];
  it.each(cases)('$part in "$line"', ({ line, part, scope, context }) => {
    const scopes = scopesAt(line, part, context, scope !== null);
    if (scope) expect(scopes).toContain(scope);
    else expect(scopes.filter((s) => !s.startsWith('text.vanban') && !s.startsWith('meta.'))).toEqual([]);
  });

  it('leaves Nơi nhận at the first line that is not a recipient', () => {
    const lines = tokenizeText(grammar, 'Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\n- Sau đó');
    expect(lines[1][0].scopes).toContain('meta.noi-nhan.vanban');
    expect(lines[3].flatMap((t) => t.scopes)).not.toContain('meta.noi-nhan.vanban');
    expect(lines[4].flatMap((t) => t.scopes)).not.toContain('meta.noi-nhan.vanban');
  });
});

describe('grammar regexes are reusable in JavaScript', () => {
  const patterns: { where: string; source: string }[] = [];
  const visit = (rule: GrammarRule, where: string) => {
    for (const key of ['match', 'begin', 'end'] as const) if (rule[key] !== undefined) patterns.push({ where: `${where}.${key}`, source: rule[key] as string });
    rule.patterns?.forEach((r, i) => visit(r, `${where}.patterns[${i}]`));
  };
  grammarJson.patterns.forEach((r, i) => visit(r, `patterns[${i}]`));
  for (const [k, r] of Object.entries(grammarJson.repository ?? {})) visit(r, `repository.${k}`);

  it('has patterns', () => expect(patterns.length).toBeGreaterThan(30));
  it.each(patterns)('$where', ({ source }) => {
    expect(() => new RegExp(source, 'u')).not.toThrow();
    // \b \B are ASCII-only in JS and Unicode in Oniguruma; inline flags, \G \A \z \Z \h,
    // possessive and atomic groups do not exist in JS.
    expect(source).not.toMatch(/\\[bBGAzZh]|\(\?[imx]|\(\?>|(?<!\\)[*+?][+]/u);
  });

  const js = createLineTokenizer(grammarJson);
  const texts: { name: string; text: string }[] = [
    ...readdirSync(FIXTURES).filter((f) => f.endsWith('.vanban')).map((f) => ({ name: f, text: readFileSync(join(FIXTURES, f), 'utf8') })),
    ...TEMPLATES.map((t) => ({ name: `template ${t.id}`, text: snippetToText(templateSnippet(t.id, { year: 2026, month: 1, day: 5 })) })),
    ...(hasCorpus ? [{ name: 'seed 004', text: readCorpus(SEED_004) }] : []),
  ];
  /** vscode-textmate keeps two captures with the same scopes as two tokens; colours are the same. */
  const merged = (tokens: ScopedToken[]) =>
    tokens.reduce<ScopedToken[]>((out, t) => {
      const last = out[out.length - 1];
      if (last && last.scopes.join(' ') === t.scopes.join(' ')) last.text += t.text;
      else out.push({ text: t.text, scopes: t.scopes });
      return out;
    }, []);
  it.each(texts)('line-tokenizer.ts agrees with vscode-textmate on $name', ({ text }) => {
    const expected = tokenizeText(grammar, text).map(merged);
    let state = js.initialState;
    text.split(/\r?\n/u).forEach((line, i) => {
      const r = js.tokenizeLine(line, state);
      state = r.state;
      const got = r.tokens.map((t) => ({ text: line.slice(t.start, t.end), scopes: t.scopes }));
      expect(got, `line ${i + 1}: ${line}`).toEqual(expected[i]);
    });
  });
});
