#!/usr/bin/env node
// Writes the throw-away workspace of the VS Code end-to-end test:
//   qd-971-2024.txt      a copy of seed 004 (Quyết định 971/QĐ-BNV + its Kế hoạch) as plain text:
//                        the extension must offer the vanban mode for it;
//   qd-971-gap.vanban    the same with a gap injected (Điều 3 → Điều 4, and "Như Điều 3" → "Như Điều 4"):
//                        the renumbering quick fix must bring both back to 3;
//   qd-971-order.vanban  the same with Điều 2 numbered 5 (Điều 1, 5, 3): the "Renumber the document"
//                        command must make it 1, 2, 3.
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
console.log(JSON.stringify(out));
