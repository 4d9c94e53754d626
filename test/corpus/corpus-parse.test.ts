/**
 * Every document of ../shared/corpus (bulk-tvpl included) parses without
 * throwing, within a generous per-file bound (a hang guard, not a speed
 * target: speed is measured by `npm run bench`), and every range it reports
 * lies inside the file.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { allNodes } from '../helpers/tree.ts';
import { corpusFiles, hasCorpus, readCorpus } from '../helpers/corpus.ts';

const PER_FILE_MS = 2000;

describe.skipIf(!hasCorpus)('every corpus document parses', () => {
  for (const sub of ['seeds', 'real', 'portal', 'bulk-tvpl']) {
    const files = corpusFiles(sub);
    it(`${sub}: ${files.length} files, no throw, no internal problem, ranges inside the text`, () => {
      expect(files.length).toBeGreaterThan(0);
      const slow: string[] = [];
      for (const f of files) {
        const text = readCorpus(f);
        const t0 = performance.now();
        const r = parseDocument(text);
        if (performance.now() - t0 > PER_FILE_MS) slow.push(f);
        expect(r.problems.filter((p) => p.code === 'parse/internal'), f).toEqual([]);
        for (const n of allNodes(r.tree)) {
          if (n.range.start < 0 || n.range.end > text.length || n.range.start > n.range.end) throw new Error(`${f}: bad range on ${n.id}`);
        }
      }
      expect(slow).toEqual([]);
    });
  }
});

it.skipIf(hasCorpus)('corpus tests skipped: ../shared/corpus is absent', () => {
  expect(hasCorpus).toBe(false);
});
