/**
 * A value made at its first use, then kept: `const X = lazy(() => /…/u)`, read as `X()`.
 *
 * For module constants that cost something to make and that a first check of a common document does not use.
 * The server's cold start (its first diagnostics) runs every module's top level of the core first, and V8
 * parses a regular expression when it is made: a pattern with large letter classes costs tens of µs. The 32
 * patterns made lazy this way (and one removed) cost ≈ 10.7 M instructions that the server no longer runs
 * before its first diagnostics (docs/notes/issue-9-s17-s17lazy.md). Hot loops read the value once into a
 * local, not through the getter per step. Only for values that never change once made (a g or y pattern keeps
 * its lastIndex).
 */
export function lazy<T extends object>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
