/**
 * Golden outlines of the seeds and of every document in ../shared/corpus/real,
 * reviewed by hand (test/golden/outline/*.txt). Regenerate after a deliberate
 * parser change with `UPDATE_GOLDEN=1 npx vitest run test/corpus/golden-outline.test.ts`
 * and review the diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { renderOutline } from '../helpers/outline.ts';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../golden/outline');
const update = process.env.UPDATE_GOLDEN === '1';

describe.skipIf(!hasCorpus)('golden outlines', () => {
  const files = [...corpusFiles('seeds'), ...corpusFiles('real')];
  it.each(files.map((f) => ({ name: basename(f), f })))('$name', ({ f, name }) => {
    const text = readCorpus(f);
    const outline = renderOutline(parseDocument(text).tree, text);
    const golden = join(GOLDEN, name.replace(/\.\w+$/u, '.outline.txt'));
    if (update || !existsSync(golden)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, outline);
    }
    expect(outline).toBe(readFileSync(golden, 'utf8'));
  });
});
