/**
 * Round trip: a document exported to .docx and read back gives the same
 * text-level diagnostics as its source (code and message, slips included),
 * the same structure, and nothing for the layout rules to say. Sources: seed
 * 004 (the corpus), the sample, the rule-test documents, the fixtures of
 * test/fixtures/docx and every new-document template.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../language-server/src/core/service.ts';
import type { Node } from '../../language-server/src/core/syntax/tree.ts';
import type { LayoutModel } from '../../language-server/src/core/layout/model.ts';
import { exportDocx } from '../../language-server/src/io/docx/export.ts';
import { readDocx } from '../../language-server/src/io/docx/read.ts';
import { SEED_004, hasCorpus } from '../helpers/corpus.ts';
import { CONG_VAN, KE_HOACH, QD } from '../helpers/documents.ts';
import { snippetToText } from '../../extension/templates/snippet.ts';
import { TEMPLATES, templateSnippet } from '../../extension/templates/templates.ts';

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|vanban)$/u.test(f)).sort().map((f) => join(dir, f)) : []);
const sources: [string, () => string][] = [
  ['samples/quyet-dinh-mau.txt', () => readFileSync('samples/quyet-dinh-mau.txt', 'utf8')],
  ['QD (rule tests)', () => QD],
  ['CONG_VAN (rule tests)', () => CONG_VAN],
  ['KE_HOACH (rule tests)', () => KE_HOACH],
  ...files('test/fixtures/docx').map((f): [string, () => string] => [f, () => readFileSync(f, 'utf8')]),
  // The new-document templates (extension/templates) as the editor fills them in, placeholders at their defaults.
  ...TEMPLATES.map((t): [string, () => string] => [`template ${t.id}`, () => snippetToText(templateSnippet(t.id, { year: 2025, month: 3, day: 14 }))]),
];
if (hasCorpus) sources.push(['seed 004', () => readFileSync(SEED_004, 'utf8')]);

/** Code and message; a line a message cites ("ở dòng 25") is a position, not text, and is left out. */
const textLevel = (text: string, layout?: LayoutModel) =>
  checkDocument(text, { layout })
    .diagnostics.map((d) => `${d.code} | ${d.message.replace(/(?<![\p{L}])dòng \d+/gu, 'dòng N')}`)
    .sort();

/**
 * The outline as kinds and numbers: what the parser understood, without offsets. Rows of tables
 * are left out: a portal copy's table (cells between "|" lines, rows guessed from their numbers)
 * and the same table read back from Word (pipe rows) are told into rows by different means.
 */
function shape(n: Node): string {
  const kids = n.kind === 'table' ? '' : n.children.filter((c) => c.kind !== 'header').map(shape).join(' ');
  return `${n.kind}${n.number ? ` ${n.number}` : ''}${kids ? ` (${kids})` : ''}`;
}

describe.each(sources)('export → read back: %s', (_name, load) => {
  it('keeps the text-level diagnostics, the structure, and passes the layout rules', async () => {
    const text = load();
    const back = await readDocx(await exportDocx(text));
    const after = textLevel(back.text, back.layout);
    expect(after.filter((d) => d.startsWith('layout/'))).toEqual([]);
    expect(after).toEqual(textLevel(text));
    expect(shape(checkDocument(back.text).parse.tree)).toEqual(shape(checkDocument(text).parse.tree));
  });
});
