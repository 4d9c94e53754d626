import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script (plain .mjs, no types)
import { explicitSource, literalsWithClasses, rewriteExplicitClasses, splitPattern } from '../../scripts/explicit-classes.mjs';
import { classOf, isGenerated, type Category } from '../../language-server/src/core/text/unicode-classes.ts';

// scripts/explicit-classes.mjs rewrites the core's \p{…} literals for the bundles (explicit ranges, cheaper for
// V8 to make). Here: how a pattern is split, and that every literal the build rewrites reads the same as the
// literal on strings drawn from letters of several scripts, combining marks, digits, punctuation and astral
// letters (the classes themselves are proven on every code point in unicode-classes.test.ts).
const CORE = path.resolve(__dirname, '../../language-server/src/core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : name.endsWith('.ts') ? [p] : [];
  });
}

describe('splitPattern', () => {
  it.each([
    ['\\p{L}+', ['[', ['L'], ']+']],
    ['(?<![\\p{L}\\p{N}])x', ['(?<![', ['L', 'N'], '])x']],
    ['[\\p{N}\\p{L}\\d&]', ['[', ['L', 'N'], '\\d&]']],
    ['[^\\p{Ll}\\p{Lu}]', ['[^', ['Lu', 'Ll'], ']']],
    ['\\[\\p{Lu}\\]', ['\\[[', ['Lu'], ']\\]']],
    ['[\\]\\p{M}]', ['[\\]', ['M'], ']']],
    ['\\\\p{L}', ['\\\\p{L}']],
  ] as const)('%s', (pattern, pieces) => {
    expect(splitPattern(pattern)).toEqual(pieces);
  });

  it('leaves a category it does not know, and \\P{…}', () => {
    expect(splitPattern('\\p{Sc}')).toBeUndefined();
    expect(splitPattern('\\P{L}')).toBeUndefined();
  });
});

describe('rewriteExplicitClasses', () => {
  it('makes a top-level literal in place, a function literal once (lazily), and leaves a g or y literal in a function', () => {
    const out: string = rewriteExplicitClasses('const A = /\\p{L}/u;\nfunction f(s) { return /[\\p{Lu}]/u.test(s) && /\\p{L}/gu.test(s); }\n', './u.ts');
    expect(out).toContain('const A = (new RegExp("[" + __vbClassOf("L") + "]", "u"));');
    expect(out).toContain('(__vbRe0 ??= new RegExp("[" + __vbClassOf("Lu") + "]", "u")).test(s)');
    expect(out).toContain('/\\p{L}/gu.test(s)');
    expect(out).toContain('import { classOf as __vbClassOf } from "./u.ts";');
    expect(out).toContain('var __vbRe0: RegExp | undefined;');
  });
});

describe('every literal the build rewrites in the core reads the same', () => {
  const literals = tsFiles(CORE).flatMap((file) =>
    (literalsWithClasses(readFileSync(file, 'utf8')) as { pattern: string; flags: string; line: number; rewritten: boolean }[])
      .filter((l) => l.rewritten)
      .map((l) => ({ where: `${path.relative(CORE, file)}:${l.line}`, ...l })),
  );
  const alphabet = [...'aAzZđĐăÂêƠưỮỹ ẠảÖßΣσςДжاب中あ가0789٣Ⅻ½²-–/.,;:()[]&\t\n'.split(''), '\u0301', '\u0323', '\u{1D400}', '\u{20000}', '\u{1F600}', '\u{10400}'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((cs) => cs.join(''));

  it('finds the literals (more than 100), and each class they need is generated merged (none merged at run time)', () => {
    expect(literals.length).toBeGreaterThan(100);
    const classes = literals.flatMap((l) => (splitPattern(l.pattern) as (string | Category[])[]).filter((p) => typeof p !== 'string'));
    expect(classes.filter((names) => !isGenerated(...names))).toEqual([]);
  });

  it('same matches, groups and indices on random texts', () => {
    const pairs = literals.map((l) => ({ where: l.where, written: new RegExp(l.pattern, l.flags), built: new RegExp(explicitSource(splitPattern(l.pattern), classOf), l.flags) }));
    fc.assert(
      fc.property(text, (s) => {
        for (const { where, written, built } of pairs) {
          written.lastIndex = built.lastIndex = 0;
          const a = written.exec(s);
          const b = built.exec(s);
          expect({ where, m: b && [...b], at: b?.index }).toEqual({ where, m: a && [...a], at: a?.index });
        }
      }),
      { numRuns: 300 },
    );
  });
});
