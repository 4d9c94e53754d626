// Random edit sequences sent to the real server (fast-check): the server never
// crashes, and once the edits stop, the diagnostics it publishes for the final
// version equal a fresh check of the final text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyEdits } from '../../language-server/src/core/diagnostics/edits.ts';
import { checkDocument } from '../../language-server/src/core/service.ts';
import { createLineIndex } from '../../language-server/src/core/text/positions.ts';
import { LspClient, ROOT, startClient } from './client.ts';
import { essentials } from './expected.ts';

const BASE = readFileSync(path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt'), 'utf8');
const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** Pieces of drafts: labels, references, slips the rules catch, line breaks of every kind, astral characters. */
const snippet = fc.oneof(
  fc.constantFrom('Điều 5. Tên điều\n', '1. ', '2. ', 'a) ', 'đ) ', 'khoản 2 Điều 3', 'khoản 9 Điều 1', 'Như Điều 4', 'của của ', '\u00a0', 'o\u0301', 'Ð', '\n', '\r\n', '\r', ' ,', 'Chương II\n', '😀', '<!-- vanban-disable text/unicode -->\n', 'Nơi nhận:\n- Lưu: VT.\n'),
  fc.string({ maxLength: 12 }),
);

interface Edit {
  at: number;
  del: number;
  text: string;
}
const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), text: snippet });

let client: LspClient;
beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  await client.stop();
});

let run = 0;
it('random edit sequences: no crash, final diagnostics equal a fresh check', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), fc.boolean(), async (edits: Edit[], full: boolean) => {
      const uri = `untitled:prop-${run++}`;
      let text = BASE;
      let version = 1;
      await client.open(uri, text, version);
      for (const e of edits) {
        const lines = createLineIndex(text);
        const start = lines.positionAt(e.at % (text.length + 1));
        const end = lines.positionAt(Math.min(text.length, lines.offsetAt(start) + e.del));
        // The same offsets the server will compute from these positions.
        const from = lines.offsetAt(start);
        const to = Math.max(from, lines.offsetAt(end));
        text = applyEdits(text, [{ range: { start: from, end: to }, newText: e.text }]);
        version++;
        if (full) await client.change(uri, version, [{ text }]);
        else await client.change(uri, version, [{ range: { start, end }, text: e.text }]);
      }
      const got = await client.diagnostics(uri, version, 30_000);
      const lines = createLineIndex(text);
      const expected = checkDocument(text).diagnostics.map((d) => ({
        code: d.code,
        severity: SEVERITY[d.severity],
        message: d.message,
        range: { start: lines.positionAt(d.range.start), end: lines.positionAt(d.range.end) },
      }));
      expect(got.diagnostics.map(essentials)).toEqual(expected);
      // Never a publish for a version that did not exist or went backwards.
      const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version!);
      expect(versions.every((v, i) => v >= 1 && v <= version && (i === 0 || v >= versions[i - 1]))).toBe(true);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      expect(client.alive).toBe(true);
    }),
    { numRuns: 40 },
  );
  expect(client.logs.filter((l) => l.type === 1)).toEqual([]);
}, 240_000);
