// Build-time rewrite of the core's regular expression literals that hold \p{L}, \p{N}, \p{M}, \p{Lu} or \p{Ll}:
// in the bundles, each becomes `new RegExp(…)` whose classes are the same categories as explicit, sorted ranges
// (core/text/unicode-classes.ts classOf), because V8 asks ICU for a \p{…} class's code points and merges a class
// such as [\p{L}\p{N}] range by range every time it parses a pattern — at construction and again at the first
// exec — and that was about a quarter of the server thread's instructions to its first diagnostics
// (docs/notes/issue-9-s15-ucold.md). The source keeps the readable literals: the regex audit, recheck and the
// tests read them; test/unit/unicode-classes.test.ts proves every class the same as the runtime's \p{…} on
// every code point, and test/unit/explicit-classes.test.ts that each rewritten pattern has the same source
// meaning (same pieces) and flags.
//
// A literal at a module's top level becomes `new RegExp(…)` in place (made once, as before). A literal inside a
// function is made once, at its first evaluation, into a module variable (`(__vbRe3 ??= new RegExp(…))`) when
// it has neither the g nor the y flag — such a pattern keeps no state between uses (lastIndex is neither read
// nor written), so one object serves every call; a g or y literal inside a function is left as written.
import { parse } from '@babel/parser';

const CATEGORIES = new Set(['L', 'N', 'M', 'Lu', 'Ll']);
const ORDER = ['L', 'M', 'N', 'Lu', 'Ll'];

/**
 * The pattern as pieces: strings of pattern text and arrays of category names (a class body to insert).
 * Undefined when the pattern has a \p{…} this rewrite does not know (it is left as written).
 */
export function splitPattern(pattern) {
  const pieces = [];
  let text = '';
  let inClass = false;
  let classNames;
  let classAt = -1;
  const flush = () => {
    if (text) pieces.push(text);
    text = '';
  };
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i];
    if (c === '\\') {
      const m = /^\\([pP])\{([A-Za-z_]+)\}/u.exec(pattern.slice(i));
      if (m) {
        if (m[1] === 'P' || !CATEGORIES.has(m[2])) return undefined;
        if (inClass) {
          classNames.push(m[2]);
          if (classAt < 0) {
            flush();
            classAt = pieces.length;
            pieces.push(null);
          }
        } else {
          text += '[';
          flush();
          pieces.push([m[2]]);
          text += ']';
        }
        i += m[0].length;
        continue;
      }
      text += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '[' && !inClass) {
      inClass = true;
      classNames = [];
      classAt = -1;
    } else if (c === ']' && inClass) {
      inClass = false;
      if (classAt >= 0) pieces[classAt] = [...new Set(classNames)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    }
    text += c;
    i++;
  }
  flush();
  return pieces;
}

/** The pattern's source with its classes written out by `classOf` (what the rewritten code builds at run time). */
export function explicitSource(pieces, classOf) {
  return pieces.map((p) => (typeof p === 'string' ? p : classOf(...p))).join('');
}

/** Every \p{…} literal of a file: { pattern, flags, line, rewritten } (rewritten false when left as written). */
export function literalsWithClasses(code) {
  const found = [];
  if (!code.includes('\\p{')) return found;
  walkLiterals(parse(code, { sourceType: 'module', plugins: ['typescript'] }), (n, inFunction) =>
    found.push({ pattern: n.pattern, flags: n.flags, line: n.loc.start.line, rewritten: willRewrite(n, inFunction) }),
  );
  return found;
}

const willRewrite = (n, inFunction) => splitPattern(n.pattern) !== undefined && !(inFunction && /[gy]/u.test(n.flags));

/** Calls `found(node, inFunction)` for each regular expression literal holding \p{ in the AST. */
function walkLiterals(ast, found) {
  const visit = (n, inFunction) => {
    if (!n || typeof n.type !== 'string') return;
    if (n.type === 'RegExpLiteral' && n.pattern.includes('\\p{')) found(n, inFunction);
    const fn = inFunction || /Function|ClassMethod|ObjectMethod|ClassPrivateMethod|StaticBlock|ClassProperty|ClassPrivateProperty/u.test(n.type);
    for (const k of Object.keys(n)) {
      if (k === 'loc' || k === 'start' || k === 'end' || k === 'extra') continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach((c) => visit(c, fn));
      else if (v && typeof v === 'object') visit(v, fn);
    }
  };
  visit(ast.program, false);
}

/** The JS expression that builds the pattern's source from its pieces. */
function sourceExpression(pieces) {
  return pieces.map((p) => (typeof p === 'string' ? JSON.stringify(p) : `__vbClassOf(${p.map((n) => JSON.stringify(n)).join(', ')})`)).join(' + ');
}

/**
 * The file's text with its \p{…} literals rewritten (or the text unchanged when it has none).
 * `classesModule` is the import specifier of core/text/unicode-classes.ts from this file.
 */
export function rewriteExplicitClasses(code, classesModule) {
  if (!code.includes('\\p{')) return code;
  const edits = [];
  let lazy = 0;
  walkLiterals(parse(code, { sourceType: 'module', plugins: ['typescript'] }), (n, inFunction) => {
    if (!willRewrite(n, inFunction)) return;
    const made = `new RegExp(${sourceExpression(splitPattern(n.pattern))}, ${JSON.stringify(n.flags)})`;
    edits.push({ start: n.start, end: n.end, text: inFunction ? `(__vbRe${lazy++} ??= ${made})` : `(${made})` });
  });
  if (edits.length === 0) return code;
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const vars = Array.from({ length: lazy }, (_, i) => `__vbRe${i}`);
  // Appended at the end: imports are hoisted, and so is var (a function run by the top level may read it first).
  return `${out}\nimport { classOf as __vbClassOf } from ${JSON.stringify(classesModule)};\n${vars.length ? `var ${vars.join(', ')}: RegExp | undefined;\n` : ''}`;
}

/** The esbuild plugin: rewrites the core's .ts files as they are loaded. */
export function explicitClassesPlugin(root) {
  return {
    name: 'explicit-unicode-classes',
    async setup(build) {
      const { readFile } = await import('node:fs/promises');
      const path = await import('node:path');
      const core = path.join(root, 'language-server/src/core');
      const classes = path.join(core, 'text/unicode-classes.ts');
      build.onLoad({ filter: /[\\/]language-server[\\/]src[\\/]core[\\/].*\.ts$/ }, async (args) => {
        if (args.path === classes || args.path.endsWith('.generated.ts')) return undefined;
        const code = await readFile(args.path, 'utf8');
        if (!code.includes('\\p{')) return undefined;
        return { contents: rewriteExplicitClasses(code, classes), loader: 'ts' };
      });
    },
  };
}

/** The same rewrite for the browser extension's bundles (WXT builds with Vite): the core runs in its background. */
export function explicitClassesVitePlugin(root) {
  const core = `${root.replace(/\\/gu, '/')}/language-server/src/core/`;
  const classes = `${core}text/unicode-classes.ts`;
  return {
    name: 'explicit-unicode-classes',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0].replace(/\\/gu, '/');
      if (!file.startsWith(core) || !file.endsWith('.ts') || file === classes || file.endsWith('.generated.ts')) return undefined;
      if (!code.includes('\\p{')) return undefined;
      // Lines are kept (each literal is replaced on its own line, the import appended): the map stays line-exact.
      return { code: rewriteExplicitClasses(code, classes), map: null };
    },
  };
}
