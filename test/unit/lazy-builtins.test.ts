// The server bundle's vscode-languageserver files require crypto and child_process when first used, not at load
// (scripts/lazy-builtins.mjs): the rewrite keeps what the bindings give, and it fails loudly when a file changed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script (plain .mjs, no types)
import { LAZY_BUILTINS, lazyRequires } from '../../scripts/lazy-builtins.mjs';
import { ROOT } from '../lsp/client.ts';

const rewrite = { binding: 'crypto_1', module: 'crypto' };

describe('lazyRequires', () => {
  it('makes the binding a namespace that loads the module when a member is read', () => {
    const source = 'const a = 1;\nconst crypto_1 = require("crypto");\nmodule.exports = () => (0, crypto_1.randomBytes)(4).length;\n';
    const out = lazyRequires(source, [rewrite]);
    expect(out).not.toContain('const crypto_1 = require("crypto");');
    const loaded: string[] = [];
    const req = (name: string) => (loaded.push(name), createRequire(import.meta.url)(name));
    const module = { exports: undefined as unknown as () => number };
    new Function('require', 'module', out)(req, module);
    expect(loaded).toEqual([]);
    expect(module.exports()).toBe(4);
    expect(loaded).toEqual(['crypto']);
  });

  it.each([
    ['absent', 'const other = require("crypto");\n'],
    ['twice', 'const crypto_1 = require("crypto");\nconst crypto_1 = require("crypto");\n'],
  ])('throws when the line is %s', (_, source) => {
    expect(() => lazyRequires(source, [rewrite], 'x.js')).toThrow(/lazy-builtins: x\.js/u);
  });

  it('finds its line once in each file of the installed vscode-languageserver', () => {
    const files = [
      'node_modules/vscode-languageserver/node_modules/vscode-jsonrpc/lib/node/main.js',
      'node_modules/vscode-languageserver/lib/node/files.js',
    ];
    for (const file of files) {
      const rewrites = (LAZY_BUILTINS as { file: RegExp }[]).filter((r) => r.file.test(path.join(ROOT, file)));
      expect(rewrites).toHaveLength(1);
      expect(() => lazyRequires(readFileSync(path.join(ROOT, file), 'utf8'), rewrites, file)).not.toThrow();
    }
  });
});
