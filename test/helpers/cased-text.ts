/**
 * Texts made of given pieces, each written as it is, in lower case, in upper case or in mixed case, followed by
 * one of the given separators: the inputs of the property tests of case-insensitive word scans (type words).
 */
import fc from 'fast-check';

export function casedText(pieces: readonly string[], separators: readonly string[], maxLength: number): fc.Arbitrary<string> {
  const piece = fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('as', 'lower', 'upper', 'mixed'), fc.constantFrom(...separators), fc.nat());
  return fc.array(piece, { maxLength }).map((ps) =>
    ps
      .map(([p, c, sep, seed]) => {
        const w = c === 'lower' ? p.toLowerCase() : c === 'upper' ? p.toUpperCase() : c === 'mixed' ? [...p].map((ch, i) => ((seed >> i) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('') : p;
        return w + sep;
      })
      .join(''),
  );
}
