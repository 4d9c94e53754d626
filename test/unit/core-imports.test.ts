// The core must stay free of Node, VS Code and DOM APIs (docs/architecture.md).
// scripts/check-core-imports.mjs enforces it in `npm run lint`; here we prove
// that it catches what it should, ignores what it should, and passes on the core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/check-core-imports.mjs');
const tmp = mkdtempSync(path.join(tmpdir(), 'vanban-core-imports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(dir: string) {
  const r = spawnSync(process.execPath, [script, dir], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

let n = 0;
function scanSnippet(src: string) {
  const dir = path.join(tmp, `case-${n++}`);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'sub', 'bad.ts'), src);
  return check(dir);
}

describe('check-core-imports', () => {
  it('passes on the real core', () => {
    const r = check(path.join(root, 'language-server/src/core'));
    expect(r.out).toContain('check-core-imports: ok');
    expect(r.code).toBe(0);
  });

  it.each([
    ["import { readFileSync } from 'node:fs';", 'import of "node:fs"'],
    ["import path from 'path';", 'import of "path" (Node builtin)'],
    ["import { readFile } from 'fs/promises';", 'import of "fs/promises" (Node builtin)'],
    ["import type { Diagnostic } from 'vscode-languageserver';", 'import of "vscode-languageserver"'],
    ["import * as vscode from 'vscode';", 'import of "vscode"'],
    ["export { x } from 'node:util';", 'import of "node:util"'],
    ["import 'node:process';", 'import of "node:process"'],
    ["const m = await import('os');", 'import of "os" (Node builtin)'],
    ['import {\n  a,\n  b,\n} from "crypto";', 'import of "crypto" (Node builtin)'],
    ['const t = document.body.textContent;', 'DOM global "document"'],
    ['const w = window .innerWidth;', 'DOM global "window"'],
    ['const l = navigator.language;', 'DOM global "navigator"'],
    ['let e: HTMLElement;', 'DOM global "HTMLElement"'],
    ["localStorage.getItem('x');", 'DOM global "localStorage"'],
    ['const d = process.env.DEBUG;', 'Node global "process"'],
    ["const b = Buffer.from('x');", 'Node global "Buffer"'],
    ["const fs = require('fs');", 'Node "require()"'],
  ])('flags %s', (src, what) => {
    const r = scanSnippet(`// a first line\n${src}\n`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`sub/bad\\.ts:2: `));
    expect(r.out).toContain(what);
  });

  it.each([
    ["import { parseDocument } from './syntax/parse.ts';"],
    ["import type { Node } from '../syntax/tree.ts';"],
    ["import { z } from 'zod';"],
    ['// the document. window. process.env — words in a comment'],
    ['/* document.body\n   navigator.language */ const x = 1;'],
    ["const s = 'the document. is parsed'; const u = `window. ${1}`;"],
    ['const r = /document\\.|window\\./g;'],
    ['const tree = { document: 1 }; tree.document.toString(); node.window;'],
    ['const documents = 3; const myProcess = { x: 1 }; myProcess.x;'],
    ['const half = a / b / 2; const q = /[\'"]/g; const s = \'document.\';'],
  ])('does not flag %s', (src) => {
    const r = scanSnippet(src + '\n');
    expect(r.out).toContain('check-core-imports: ok');
    expect(r.code).toBe(0);
  });

  it('exits 2 on a folder that does not exist', () => {
    expect(check(path.join(tmp, 'nope')).code).toBe(2);
  });
});
