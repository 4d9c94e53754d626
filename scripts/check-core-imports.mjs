#!/usr/bin/env node
// Keeps the analysis core portable (Node, Web Worker, browser page): scans
// language-server/src/core/**/*.ts (or the folders given) for
//   - imports of `vscode*`, `node:*` or a bare Node builtin (fs, path, …),
//   - DOM globals (document., window., navigator., HTMLElement, localStorage),
//   - Node globals (process., Buffer., __dirname, __filename, require()).
// Comments and string contents are ignored for the global checks.
// Prints `file:line: what` for each finding; exits 1 if any, 0 otherwise.
// Usage: node scripts/check-core-imports.mjs [DIR...]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]));

const GLOBALS = [
  [/(?<![\w$.])(document|window|navigator)\s*\./g, (m) => `DOM global "${m[1]}"`],
  [/(?<![\w$.])(HTMLElement|localStorage|sessionStorage)\b/g, (m) => `DOM global "${m[1]}"`],
  [/(?<![\w$.])(process|Buffer)\s*\./g, (m) => `Node global "${m[1]}"`],
  [/(?<![\w$.])(__dirname|__filename)\b/g, (m) => `Node global "${m[1]}"`],
  [/(?<![\w$.])require\s*\(/g, () => 'Node "require()"'],
];

// import … from 'x' | export … from 'x' | import 'x' | import('x')
const IMPORTS = [
  /\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  /\bimport\s*(['"])([^'"]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
];

/** Why `spec` may not be imported by the core, or undefined if it may. */
export function forbiddenImport(spec) {
  if (spec.startsWith('vscode')) return `import of "${spec}" (VS Code / LSP API)`;
  if (spec.startsWith('node:')) return `import of "${spec}" (Node API)`;
  if (!spec.startsWith('.') && !spec.startsWith('/') && BUILTINS.has(spec.split('/')[0])) return `import of "${spec}" (Node builtin)`;
  return undefined;
}

/**
 * Returns [codeWithoutComments, codeWithoutCommentsOrStrings], both the same
 * length as `src` with newlines kept, so offsets and line numbers still hold.
 */
export function strip(src) {
  const noComments = src.split('');
  const noStrings = src.split('');
  const blank = (arr, from, to) => {
    for (let k = from; k < to; k++) if (arr[k] !== '\n') arr[k] = ' ';
  };
  let i = 0;
  let prevSignificant = '';
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = src.indexOf('\n', i);
      if (j < 0) j = n;
      blank(noComments, i, j);
      blank(noStrings, i, j);
      i = j;
    } else if (c === '/' && d === '*') {
      let j = src.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      blank(noComments, i, j);
      blank(noStrings, i, j);
      i = j;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && src[j] !== c) {
        if (src[j] === '\\') j++;
        else if (c !== '`' && src[j] === '\n') break;
        j++;
      }
      blank(noStrings, i + 1, Math.min(j, n));
      i = j + 1;
      prevSignificant = c;
    } else if (c === '/' && (prevSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(prevSignificant) || /\b(return|typeof|case|in|of)\s*$/.test(src.slice(Math.max(0, i - 8), i)))) {
      // A regular expression literal.
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n') {
        if (src[j] === '\\') j++;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        else if (src[j] === '/' && !inClass) break;
        j++;
      }
      blank(noStrings, i + 1, j);
      i = j + 1;
      prevSignificant = '/';
    } else {
      if (!/\s/.test(c)) prevSignificant = c;
      i++;
    }
  }
  return [noComments.join(''), noStrings.join('')];
}

/** Findings for one source text: [{ line, message }]. */
export function scanSource(src) {
  const [code, bare] = strip(src);
  const lineOf = (offset) => src.slice(0, offset).split('\n').length;
  const out = [];
  for (const re of IMPORTS) {
    for (const m of code.matchAll(re)) {
      const why = forbiddenImport(m[2]);
      if (why) out.push({ line: lineOf(m.index), message: why });
    }
  }
  for (const [re, describe] of GLOBALS) {
    for (const m of bare.matchAll(re)) out.push({ line: lineOf(m.index), message: describe(m) });
  }
  return out.sort((a, b) => a.line - b.line);
}

function listTs(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listTs(p));
    else if (name.endsWith('.ts') || name.endsWith('.mts')) out.push(p);
  }
  return out;
}

/** Scans every .ts file under `dirs`; returns [{ file, line, message }]. */
export function scanDirs(dirs) {
  const out = [];
  for (const dir of dirs) {
    for (const file of listTs(dir)) {
      for (const f of scanSource(readFileSync(file, 'utf8'))) out.push({ file, ...f });
    }
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dirs = args.length > 0 ? args : [path.join(root, 'language-server/src/core')];
  const missing = dirs.filter((d) => {
    try {
      return !statSync(d).isDirectory();
    } catch {
      return true;
    }
  });
  if (missing.length > 0) {
    console.error(`check-core-imports: not a folder: ${missing.join(', ')}`);
    process.exit(2);
  }
  const findings = scanDirs(dirs);
  for (const f of findings) {
    console.error(`${path.relative(process.cwd(), f.file)}:${f.line}: ${f.message} — the core must stay free of Node, VS Code and DOM APIs`);
  }
  if (findings.length > 0) {
    console.error(`check-core-imports: ${findings.length} problem(s)`);
    process.exit(1);
  }
  console.log(`check-core-imports: ok (${dirs.map((d) => path.relative(process.cwd(), d) || '.').join(', ')})`);
}
