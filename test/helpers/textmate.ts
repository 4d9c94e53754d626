/**
 * The TextMate engine VS Code itself uses (vscode-textmate + the Oniguruma
 * regex library compiled to WebAssembly), loaded offline from node_modules,
 * with grammar/vanban.tmLanguage.json registered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const GRAMMAR_PATH = join(ROOT, 'grammar/vanban.tmLanguage.json');

export interface ScopedToken {
  text: string;
  scopes: string[];
}

let loaded: Promise<vsctm.IGrammar> | undefined;

export function loadVanbanGrammar(): Promise<vsctm.IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === 'text.vanban' ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const grammar = await registry.loadGrammar('text.vanban');
    if (!grammar) throw new Error('grammar text.vanban did not load');
    return grammar;
  })();
  return loaded;
}

/** Tokens of every line of `text` (LF or CRLF), as VS Code colours them. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): ScopedToken[][] {
  let state = vsctm.INITIAL;
  const out: ScopedToken[][] = [];
  for (const line of text.split(/\r?\n/u)) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    const tokens: ScopedToken[] = [];
    for (const t of r.tokens) {
      const end = Math.min(t.endIndex, line.length);
      if (end <= t.startIndex) continue;
      tokens.push({ text: line.slice(t.startIndex, end), scopes: t.scopes });
    }
    out.push(tokens);
  }
  return out;
}
