/**
 * A value made at its first use, then kept: `const X = lazy(() => /…/u)`, read as `X()`.
 *
 * For module constants that cost something to make and that a first check of a common document does not use.
 * The server's cold start (its first diagnostics) runs every module's top level of the core first, and V8
 * parses a regular expression when it is made: a pattern with large letter classes costs tens of µs, and the
 * core's constants that seed 004's first check never runs cost ≈ 35 M instructions in all
 * (docs/notes/issue-9-s17-s17lazy.md). Hot loops read the value once into a local, not through the getter per
 * step. Only for values that never change once made (a g or y pattern keeps its lastIndex: not for those).
 */
export function lazy<T extends object>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
