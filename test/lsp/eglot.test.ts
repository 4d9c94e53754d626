// A second client nobody here wrote: Emacs with Debian's eglot opens a document and
// receives the diagnostics `vanban check --format json` reports (codes, lines, severities).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasCorpus, SEED_004 } from '../helpers/corpus.ts';
import { ROOT, SERVER } from './client.ts';
import { cliCheck } from './expected.ts';

const EGLOT = '/usr/share/emacs/site-lisp/elpa/eglot-1.9/eglot-autoloads.el';
const emacs = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
const eglotLoad = spawnSync('emacs', ['--batch', '-Q', '--eval', "(progn (require 'eglot) (princ \"ok\"))"], { encoding: 'utf8' });
// Emacs 29+ has eglot built in; Debian 12's Emacs 28 needs elpa-eglot.
const preload = eglotLoad.stdout === 'ok' ? [] : ['-l', EGLOT];
const hasEglot = emacs.status === 0 && (eglotLoad.stdout === 'ok' || existsSync(EGLOT));
if (!hasEglot) console.warn('[vanban tests] emacs with eglot not found: the Emacs LSP test is SKIPPED (apt-get install emacs-nox elpa-eglot).');

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

describe.skipIf(!hasEglot)(`Emacs ${hasEglot ? emacs.stdout.split('\n')[0] : ''} + eglot`, () => {
  it.each([
    ['the fixture', path.join(ROOT, 'test/fixtures/lsp/quyet-dinh.txt')],
    ...(hasCorpus ? [['seed 004', SEED_004]] : []),
  ])('receives the diagnostics of %s that `vanban check` reports', (_name, file) => {
    const r = spawnSync('emacs', ['--batch', '-Q', ...preload, '-l', path.join(ROOT, 'test/lsp/eglot-diagnostics.el')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, VANBAN_SERVER: SERVER, VANBAN_FILE: file },
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('['));
    if (!line) throw new Error(`no output from emacs (status ${r.status}): ${r.stdout} ${r.stderr}`);
    const got = JSON.parse(line) as { line: number; code: string; severity: number; message: string }[];
    const expected = cliCheck(file);
    expect(expected.length).toBeGreaterThan(0);
    expect(got.map((d) => `${d.line}:${d.code}:${d.severity}`).sort()).toEqual(expected.map((d) => `${d.range.start.line}:${d.code}:${SEVERITY[d.severity]}`).sort());
    expect(got.map((d) => d.message).sort()).toEqual(expected.map((d) => d.message).sort());
  });
});
