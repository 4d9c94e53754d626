// A client nobody here wrote: Neovim (Debian 0.7.x, headless, vim.lsp.start_client)
// opens a document, and the diagnostics it received match `vanban check --format json`
// on the same file (codes and lines; Neovim counts columns in bytes).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { ROOT, SERVER } from './client.ts';
import { cliCheck } from './expected.ts';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) {
  console.warn('[vanban tests] nvim not found: the Neovim LSP test is SKIPPED (CI installs it: apt-get install neovim).');
}

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  code: string;
  message: string;
}

function nvimDiagnostics(file: string): { ok: boolean; diagnostics: NvimDiagnostic[] } {
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/lsp/neovim-diagnostics.lua')}`], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, VANBAN_SERVER: SERVER, VANBAN_FILE: file },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no output from nvim (status ${r.status}): ${r.stdout} ${r.stderr}`);
  return JSON.parse(line) as { ok: boolean; diagnostics: NvimDiagnostic[] };
}

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;
const key = (d: { code: string; line: number; severity: number }) => `${d.line}:${d.code}:${d.severity}`;

describe.skipIf(!hasNvim)(`Neovim ${hasNvim ? nvim.stdout.split('\n')[0] : ''}`, () => {
  it.each([
    ['the fixture', path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt')],
    ['the sample', path.join(ROOT, 'samples/quyet-dinh-mau.txt')],
    ...(hasCorpus ? [['seed 004', SEED_004]] : []),
  ])('receives the diagnostics of %s that `vanban check` reports', (_name, file) => {
    const got = nvimDiagnostics(file);
    expect(got.ok).toBe(true);
    const expected = cliCheck(file);
    expect(expected.length).toBeGreaterThan(0);
    expect(got.diagnostics.map((d) => key({ code: d.code, line: d.lnum, severity: d.severity })).sort()).toEqual(
      expected.map((d) => key({ code: d.code, line: d.range.start.line, severity: SEVERITY[d.severity] })).sort(),
    );
    // The messages arrive intact (Vietnamese, UTF-8 through the editor).
    expect(got.diagnostics.map((d) => d.message).sort()).toEqual(expected.map((d) => d.message).sort());
  });
});
