#!/usr/bin/env node
// Writes the throw-away workspace of the VS Code end-to-end test:
//   qd-971-2024.txt      a copy of seed 004 (Quyết định 971/QĐ-BNV + its Kế hoạch) as plain text:
//                        the extension must offer the vanban mode for it;
//   qd-971-gap.vanban    the same with a gap injected (Điều 3 → Điều 4, and "Như Điều 3" → "Như Điều 4"):
//                        the renumbering quick fix must bring both back to 3;
//   qd-971-order.vanban  the same with Điều 2 numbered 5 (Điều 1, 5, 3): the "Renumber the document"
//                        command must make it 1, 2, 3;
//   quyet-dinh-mau.docx  samples/quyet-dinh-mau.txt exported to Word, with a 15 mm top margin.
// Usage: node test/e2e/vscode-workspace.mjs DIR   (prints what it wrote as JSON)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seed = path.resolve(root, '../shared/corpus/seeds/004_52bceec2462771f4.txt');
const dir = process.argv[2];
if (!dir) throw new Error('usage: vscode-workspace.mjs DIR');

const out = { seed: existsSync(seed), files: [] };
if (out.seed) {
  const text = readFileSync(seed, 'utf8');
  writeFileSync(path.join(dir, 'qd-971-2024.txt'), text);
  const gap = text.replace('Điều 3. Chánh Văn phòng Bộ,', 'Điều 4. Chánh Văn phòng Bộ,').replace('- Như Điều 3;', '- Như Điều 4;');
  if (gap === text || !gap.includes('Như Điều 4;')) throw new Error('seed 004 changed: the gap could not be injected');
  writeFileSync(path.join(dir, 'qd-971-gap.vanban'), gap);
  const order = text.replace('Điều 2. Quyết định này có', 'Điều 5. Quyết định này có');
  if (order === text) throw new Error('seed 004 changed: Điều 2 could not be renumbered');
  writeFileSync(path.join(dir, 'qd-971-order.vanban'), order);
  out.files.push('qd-971-2024.txt', 'qd-971-gap.vanban', 'qd-971-order.vanban');
}
// A Word file for the .docx commands: the sample exported by the CLI in the ND30 layout, then given
// a 15 mm top margin (ND30: 20–25 mm) so that the layout rules have something to say.
{
  const { spawnSync } = await import('node:child_process');
  const docx = path.join(dir, 'quyet-dinh-mau.docx');
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'export', '--docx', path.join(root, 'samples/quyet-dinh-mau.txt'), '-o', docx], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vanban export: ${r.stderr}`);
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(readFileSync(docx));
  const xml = await zip.file('word/document.xml').async('string');
  zip.file('word/document.xml', xml.replace(/w:top="1134"/gu, 'w:top="850"'));
  writeFileSync(docx, await zip.generateAsync({ type: 'uint8array' }));
  out.files.push('quyet-dinh-mau.docx');
}
console.log(JSON.stringify(out));
