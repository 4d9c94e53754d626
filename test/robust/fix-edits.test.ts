// Found by the fuzz suite (npm run fuzz:long, seed -919244808): "Chương 0" was
// both a label to renumber and a reference to itself, so numbering/chuong's
// fix held the same edit twice; applyEdits threw and `check --fix` crashed.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../language-server/src/core/diagnostics/diagnostic.ts';
import { collectFixEdits, checkDocument, fixAll } from '../../language-server/src/core/service.ts';
import { runCli } from '../helpers/cli-in-process.ts';

const COUNTEREXAMPLE = '<!-- vanban-disable text/spacing -->\nBỘ NỘI VỤ Mục 0\n\nChương 0\n\n';

describe('fix edits never overlap', () => {
  it('the renumbering fix of a label read as a reference to itself has one edit per place', () => {
    const d = checkDocument(COUNTEREXAMPLE).diagnostics.find((x) => x.code === 'numbering/chuong');
    expect(d?.fix?.edits).toEqual([{ range: { start: 61, end: 62 }, newText: '1' }]);
    expect(fixAll(COUNTEREXAMPLE).text).toContain('Chương 1');
  });

  it('check --fix --stdout on it: exit 0/1 and the fixed text, no internal error', async () => {
    const r = await runCli(['check', '--fix', '--stdout', '-'], COUNTEREXAMPLE);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain('Chương 1');
  });

  it('collectFixEdits skips a fix whose own edits overlap instead of handing them on', () => {
    const at = (start: number, end: number, newText: string) => ({ range: { start, end }, newText });
    const bad: Diagnostic = { code: 'x/y', severity: 'error', message: 'm', range: { start: 0, end: 1 }, fix: { title: 't', edits: [at(0, 2, 'a'), at(1, 3, 'b')] } };
    const twice: Diagnostic = { ...bad, fix: { title: 't', edits: [at(5, 5, 'x'), at(5, 5, 'y')] } };
    const good: Diagnostic = { ...bad, fix: { title: 't', edits: [at(4, 5, 'c')] } };
    expect(collectFixEdits([bad, twice, good])).toEqual([at(4, 5, 'c')]);
  });
});
