#!/usr/bin/env node
// Renders a document the way a reader of the exported .docx sees it:
// `vanban export --docx`, LibreOffice to PDF, pdftoppm to PNG (page 1 by default).
// Needs libreoffice and poppler-utils (Debian: apt-get install libreoffice-writer-nogui poppler-utils).
// Usage: node scripts/render-docx.mjs IN.txt OUT.png [--page N] [--dpi N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i < 0 ? dflt : args.splice(i, 2)[1];
};
const page = opt('--page', '1');
const dpi = opt('--dpi', '75');
const [input, output] = args;
if (!input || !output) {
  console.error('usage: node scripts/render-docx.mjs IN OUT.png [--page N] [--dpi N]');
  process.exit(2);
}
for (const tool of ['soffice', 'pdftoppm']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`render-docx: ${tool} not found (Debian: apt-get install libreoffice-writer-nogui poppler-utils)`);
    process.exit(1);
  }
}
const dir = mkdtempSync(path.join(tmpdir(), 'vanban-render-'));
try {
  const docx = path.join(dir, 'doc.docx');
  execFileSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'export', '--docx', input, '-o', docx], { stdio: 'inherit' });
  // A private profile: a LibreOffice already running for the user does not get in the way.
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'ignore', timeout: 180_000 });
  execFileSync('pdftoppm', ['-png', '-gray', '-r', dpi, '-f', page, '-l', page, '-singlefile', path.join(dir, 'doc.pdf'), path.join(dir, 'page')]);
  renameSync(path.join(dir, 'page.png'), output);
  console.error(`render-docx: ${output}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
