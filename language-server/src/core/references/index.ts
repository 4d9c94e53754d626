/**
 * References to units of a document: `findReferences` reads them from the
 * parse (ranges in ORIGINAL-text offsets), `resolveReferences` maps each to
 * node ids of the tree or says why it cannot.
 */
import { AttachedMemo } from '../attached-memo.ts';
import type { ParseResult, Range } from '../syntax/tree.ts';
import { nodeIndex } from '../syntax/node-index.ts';
import { findReferencesInText, type Reference } from './find.ts';
import { scannedKeywordCandidates } from '../rules/text-scan.ts';
import { resolveReferences, type Resolution } from './resolve.ts';

export { formatExisting, partLabel, expandRange, sameLabel, KIND_WORD, NAMED_KINDS } from './resolve.ts';
export type { Resolution, ResolutionStatus, ChainResolution, PartResolution, NamedNumber, Missing } from './resolve.ts';
export { findReferencesInText, LEVEL } from './find.ts';
export { nodeById, unitName } from './names.ts';
export type { Reference, RefChain, RefPart, RefScope, PartKind } from './find.ts';

const found = new AttachedMemo<ParseResult, Reference[]>('references');

/**
 * Every reference in the parsed document; unit headings ("Điều 5.", "Chương
 * II") are not references. Memoised per ParseResult: the resolver and the
 * citations (their pinpoints) both read them. Treat the result as read-only.
 */
export function findReferences(parse: ParseResult): Reference[] {
  let refs = found.get(parse);
  if (!refs) {
    refs = readReferences(parse);
    found.set(parse, refs);
  }
  return refs;
}

function isSorted(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] < xs[i - 1]) return false;
  return true;
}

/** The first index in [lo, hi) whose value is at least `x` (`hi` when none), by halves. */
function lowerBound(xs: readonly number[], x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a number is in the ascending list `xs`, for questions asked mostly in ascending order: the keyword
 * scan asks its places in text order, and readPart the numbers after them. A cursor stays where the last
 * answer was and gallops forward from there (steps 1, 2, 4 …, then by halves inside the last step: the next
 * label is nearly always within a few); a question behind it is found by halves. A search by halves for each
 * of a law's ≈ 2,100 questions over its ≈ 4,800 label starts was the costliest step of reading references
 * after the keyword scan.
 */
export function sortedMember(xs: readonly number[]): (x: number) => boolean {
  let k = 0;
  return (x) => {
    const n = xs.length;
    let lo = k;
    let hi = k;
    if (k > 0 && xs[k - 1] >= x) {
      // Behind the cursor: xs[k - 1] ≥ x, so the answer is at most k - 1.
      lo = 0;
      hi = k - 1;
    } else {
      // xs[lo - 1] < x throughout; hi stops at a value ≥ x or at the end.
      for (let step = 1; hi < n && xs[hi] < x; step *= 2) {
        lo = hi + 1;
        hi += step;
      }
      if (hi > n) hi = n;
    }
    k = lowerBound(xs, x, lo, hi);
    return k < n && xs[k] === x;
  };
}

function readReferences(parse: ParseResult): Reference[] {
  const { source } = parse;
  // The label starts as a sorted list asked with a cursor (sortedMember): a Set of thousands of numbers
  // (a law's units) costs more to build than the ≈ 2,000 questions the keyword scan asks of it. They come from
  // the per-parse node index (original offsets, pre-order), which numbering builds too.
  const starts = nodeIndex(parse.tree).labelStarts();
  let labels = source.sameOffsets ? starts : starts.map((o) => source.toNormalized(o));
  // Pre-order gives them nearly always in order already.
  if (!isSorted(labels)) labels = [...labels].sort((a, b) => a - b);
  // The ranges are made in original offsets as they are read (the parse's map, when normalising moved any). The
  // keywords come from the text rules' scan of the text when it ran (a check runs the text rules first).
  return outsideNoise(
    findReferencesInText(source.text, sortedMember(labels), source.sameOffsets ? undefined : source.toOriginal, scannedKeywordCandidates(source)),
    parse.tree.noise,
    parse.tree.footnotes ?? [],
  );
}

const cache = new AttachedMemo<ParseResult, Resolution[]>('resolutions');

/**
 * Every reference of the parse, resolved — computed once per ParseResult
 * (rules, features and fixes all ask for it). Treat the result as read-only.
 */
export function referencesOf(parse: ParseResult): readonly Resolution[] {
  let out = cache.get(parse);
  if (!out) {
    out = resolveReferences(parse, findReferences(parse));
    cache.set(parse, out);
  }
  return out;
}

export { resolveReferences };

/**
 * Hands a parse the resolved references another reading already has (the language service, after an edit it
 * can answer from the previous version's: language-service/incremental-references.ts).
 */
export function rememberReferences(parse: ParseResult, resolutions: Resolution[]): void {
  cache.set(parse, resolutions);
}

/**
 * Drops references inside the parser's noise (a portal's editorial notes
 * "[Khoản này được hướng dẫn bởi Điều 7 …]", page headers): they are not the
 * document's words. A văn bản hợp nhất's footnote keeps its references: its
 * pinpoints into the amending document ("khoản 1 Điều 9 của Thông tư số
 * 12/2024/TT-BLĐTBXH"), and its "Khoản này", which resolve.ts reads as the
 * unit carrying the footnote's mark.
 * Ranges (original offsets) are sorted by start and may overlap; references
 * come in text order, in original offsets too.
 */
function outsideNoise(refs: Reference[], noise: readonly Range[], footnotes: readonly Range[]): Reference[] {
  if (!noise.length) return refs;
  let j = 0;
  let reach = -1;
  let f = 0;
  // In place (the list is this reading's own): a filtered copy grown by push cost ≈ 18 KB of a law's check.
  let kept = 0;
  for (const r of refs) {
    const at = r.range.start;
    while (j < noise.length && noise[j].start <= at) reach = Math.max(reach, noise[j++].end);
    if (at < reach) {
      while (f < footnotes.length && footnotes[f].end <= at) f++;
      if (!(f < footnotes.length && footnotes[f].start <= at)) continue;
    }
    refs[kept++] = r;
  }
  refs.length = kept;
  return refs;
}
