// Nothing lost: documents of ../shared/corpus through `vanban check --fix` on
// a copy (in a worker killed after a safety timeout). The result decodes and
// parses, checking it again finds no fixable diagnostic left, and every edit
// the fixes made keeps the words: letters before and after an edit are the
// same (case aside), except where the rule's purpose is to change words —
// a repeated word removed, a number or điểm letter renumbered, a misspelt
// Quốc hiệu corrected. Random subsets of the fixes of real documents, applied
// alone, keep the same promise.
// CI checks every real document and seed and a sample of bulk-tvpl; FIX_CORPUS=all (npm run fuzz:long) checks all.
import fc from 'fast-check';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, TextEdit } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { applyEdits, checkDocument } from '../../language-server/src/core/service.ts';
import { decodeDocument } from '../../language-server/src/io/encoding.ts';
import { BoundedCli } from '../helpers/bounded.ts';
import { corpusFiles, hasCorpus } from '../helpers/corpus.ts';

const ALL = process.env.FIX_CORPUS === 'all';
const bulk = corpusFiles('bulk-tvpl');
const files = [
  ...corpusFiles('real'),
  ...corpusFiles('seeds'),
  ...(ALL ? bulk : bulk.filter((f, i) => i % 12 === 0 && statSync(f).size <= 300_000)),
];
const scratch = mkdtempSync(path.join(tmpdir(), 'vanban-fix-corpus-'));
const cli = new BoundedCli();
afterAll(async () => {
  await cli.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Letters only, NFC, case aside, the look-alike "Ð" (U+00D0) as the "Đ" text/unicode makes it: what a fix must not add or drop. */
const letters = (s: string) => (s.normalize('NFC').replace(/\u00d0/gu, 'Đ').match(/\p{L}/gu) ?? []).join('').toLocaleLowerCase('vi');
const isSubsequence = (small: string, big: string) => {
  let i = 0;
  for (const ch of big) if (ch === small[i]) i++;
  return i === small.length;
};

/** Why this edit of a fix by `code` loses or invents words, or undefined when it keeps them. */
function wordLoss(code: string, original: string, edit: TextEdit): string | undefined {
  const before = original.slice(edit.range.start, edit.range.end);
  const a = letters(before);
  const b = letters(edit.newText);
  if (a === b) return undefined;
  if (code === 'text/repeated-word' && b.length < a.length && isSubsequence(b, a)) return undefined;
  // A label renumbered: "Điều 5a" → "Điều 6", "đ)" → "e)", "IV" → "V".
  if ((code.startsWith('numbering/') || code === 'table/numbering') && before.length <= 16 && edit.newText.length <= 16) return undefined;
  if (code === 'header/quoc-hieu' && /cộng|độc lập/u.test(b)) return undefined;
  return `${code} changes the words: ${JSON.stringify(before.slice(0, 80))} → ${JSON.stringify(edit.newText.slice(0, 80))}`;
}

/** The fixes of `diagnostics` that go together (first come, first served, as collectFixEdits), with their code. */
function chooseFixes(diagnostics: readonly Diagnostic[]): { code: string; edit: TextEdit }[] {
  const chosen: { code: string; edit: TextEdit }[] = [];
  for (const d of diagnostics) {
    const edits = d.fix?.edits ?? [];
    const clash = edits.some((e) => chosen.some(({ edit: c }) => e.range.start < c.range.end && c.range.start < e.range.end));
    if (edits.length > 0 && !clash) for (const e of edits) chosen.push({ code: d.code, edit: e });
  }
  return chosen;
}

describe.skipIf(!hasCorpus)(`check --fix over ${files.length} corpus documents${ALL ? '' : ' (all real and seeds, a sample of bulk-tvpl; FIX_CORPUS=all for every one)'}`, () => {
  it.each(files.map((f) => [path.relative(path.dirname(path.dirname(f)), f), f]))('%s', async (_name, file) => {
    const copy = path.join(scratch, path.basename(file));
    copyFileSync(file, copy);
    const run = await cli.run(['check', '--fix', '--format', 'json', copy], new Uint8Array(), 240_000);
    if (!run.ok) throw new Error(`${run.reason}: ${run.detail}`);
    expect(run.value.stderr).not.toMatch(/gặp lỗi nội bộ|failed:/u);

    const decoded = decodeDocument(new Uint8Array(readFileSync(copy)));
    if (!decoded.ok) throw new Error(decoded.message.en);
    const fixed = decoded.text;
    const again = checkDocument(fixed);
    expect(again.failures).toEqual([]);
    expect(again.diagnostics.filter((d) => d.fix).map((d) => `${d.code} at ${d.range.start}: ${d.message}`)).toEqual([]);

    // The same rounds in process: every edit keeps the words, and they add up to the file written.
    const original = decodeDocument(new Uint8Array(readFileSync(file)));
    if (!original.ok) throw new Error(original.message.en);
    let text = original.text;
    const losses: string[] = [];
    for (let round = 0; round < 3; round++) {
      const chosen = chooseFixes(checkDocument(text, { parseProblems: false }).diagnostics);
      if (chosen.length === 0) break;
      for (const { code, edit } of chosen) {
        const why = wordLoss(code, text, edit);
        if (why) losses.push(why);
      }
      text = applyEdits(text, chosen.map((c) => c.edit));
    }
    expect(losses).toEqual([]);
    expect(text).toBe(fixed);
  }, 300_000);
});

describe.skipIf(!hasCorpus)('random subsets of the fixes of real documents', () => {
  const docs = [...corpusFiles('real'), ...corpusFiles('seeds')].filter((f) => statSync(f).size <= 200_000);
  it.each(docs.map((f) => [path.basename(f), f]))('%s: any subset keeps the words and the text outside its edits', (_name, file) => {
    const decoded = decodeDocument(new Uint8Array(readFileSync(file)));
    if (!decoded.ok) throw new Error(decoded.message.en);
    const text = decoded.text;
    const fixable = checkDocument(text, { parseProblems: false }).diagnostics.filter((d) => d.fix);
    if (fixable.length === 0) return;
    fc.assert(
      fc.property(fc.subarray(fixable), (subset) => {
        const chosen = chooseFixes(subset);
        for (const { code, edit } of chosen) expect(wordLoss(code, text, edit)).toBeUndefined();
        const result = applyEdits(text, chosen.map((c) => c.edit));
        // Outside the edits, character for character the same text.
        const sorted = [...chosen].map((c) => c.edit).sort((a, b) => a.range.start - b.range.start);
        let at = 0;
        let shift = 0;
        for (const e of sorted) {
          expect(result.slice(at + shift, e.range.start + shift)).toBe(text.slice(at, e.range.start));
          shift += e.newText.length - (e.range.end - e.range.start);
          at = e.range.end;
        }
        expect(result.slice(at + shift)).toBe(text.slice(at));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
