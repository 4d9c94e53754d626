/**
 * Golden citation lists: every citation `findCitations` reads in seed 004 and
 * in each document of ../shared/corpus/real, with its parsed parts, compared
 * with the reviewed files in test/golden/citations/. Regenerate after a
 * deliberate change with
 * `UPDATE_GOLDEN=1 npx vitest run test/corpus/citations-golden.test.ts` and review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../language-server/src/core/citations/index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { SEED_004, corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';
import { citationRow } from '../helpers/citations.ts';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '../golden/citations');
const update = process.env.UPDATE_GOLDEN === '1';

if (!hasCorpus) console.warn('[vanban tests] golden citation lists SKIPPED: ../shared/corpus is absent');

const files = hasCorpus ? [SEED_004, ...corpusFiles('real')] : [];

describe.skipIf(!hasCorpus)('golden citation lists', () => {
  it.each(files.map((f) => [basename(f), f]))('%s', (name, file) => {
    const text = readCorpus(file);
    const index = createLineIndex(text);
    const rows = findCitations(parseDocument(text)).map((c) => citationRow(c, text, index));
    const golden = join(GOLDEN, name.replace(/\.(txt|html)$/u, '.json'));
    if (update || !existsSync(golden)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(golden, JSON.stringify(rows, null, 1) + '\n');
    }
    expect(rows).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
