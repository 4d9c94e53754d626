/**
 * Every document of the corpus (real/, seeds/) exported to .docx and read
 * back: the layout rules find nothing to say about the export, and the
 * text-level diagnostics are those of the source (code and message; a line a
 * message cites is a position, not text). One difference is allowed and
 * explained: decomposed (NFD) letters are reported per line, so where the
 * source wrapped a paragraph over several lines the export, one line per
 * paragraph, groups them differently — both report them, the count differs.
 */
import { describe, expect, it } from 'vitest';
import type { LayoutModel } from '../../language-server/src/core/layout/model.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { exportDocx } from '../../language-server/src/io/docx/export.ts';
import { readDocx } from '../../language-server/src/io/docx/read.ts';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const files = [...corpusFiles('real'), ...corpusFiles('seeds')].filter((f) => f.endsWith('.txt'));
const NFD = /^text\/unicode \| Chữ tổ hợp \(NFD\)/u;

function textLevel(text: string, layout?: LayoutModel) {
  const all = checkDocument(text, { layout }).diagnostics.map((d) => `${d.code} | ${d.message.replace(/(?<![\p{L}])dòng \d+/gu, 'dòng N')}`);
  return { nfd: all.some((d) => NFD.test(d)), rest: all.filter((d) => !NFD.test(d)).sort() };
}

describe.skipIf(!hasCorpus)('corpus documents exported to .docx and read back', () => {
  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s', async (_name, file) => {
    const text = readCorpus(file);
    const back = await readDocx(await exportDocx(text));
    const after = textLevel(back.text, back.layout);
    expect(after.rest.filter((d) => d.startsWith('layout/'))).toEqual([]);
    const before = textLevel(text);
    expect(after.rest).toEqual(before.rest);
    expect(after.nfd).toBe(before.nfd);
  }, 60_000);
});
