/**
 * The issuer after "của": find.ts reads the names sharing a first word with one pattern (a capture group per
 * name). The reference here is the way it read them before — one sticky pattern per name, tried in
 * ISSUER_NAMES order (longest first) — and the two must name the same issuer for any name, written in any case
 * and followed by anything (a letter after a name makes it fail, and backtracking must then reach the next
 * name, as the next pattern did).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUER_NAMES } from '../../language-server/src/core/citations/codes.ts';
import { findCitationsInText } from '../../language-server/src/core/citations/index.ts';
import { foldVi } from '../../language-server/src/core/citations/text.ts';

const PREFIX = 'Nghị định số 12/2020/NĐ-CP ngày 01/02/2020 của ';

const onePerName = ISSUER_NAMES.map((n) => ({ n, re: new RegExp(`(?:${n.pattern})(?![\\p{L}\\p{N}])`, 'iuy') }));

/** The name the patterns one per name read at the start of `rest`, or undefined. */
function reference(rest: string): (typeof ISSUER_NAMES)[number] | undefined {
  const first = foldVi(/^[\p{L}]+/u.exec(rest)?.[0] ?? '');
  for (const { n, re } of onePerName) {
    if (foldVi(n.vi.split(' ')[0]) !== first) continue;
    re.lastIndex = 0;
    if (re.exec(rest)) return n;
  }
  return undefined;
}

/** The issuer found in `PREFIX + rest`, when it starts where `rest` does. */
function issuerRead(rest: string) {
  const c = findCitationsInText(PREFIX + rest)[0];
  return c?.issuer && c.issuer.range.start === PREFIX.length ? c.issuer : undefined;
}

describe('issuer names read with one pattern per first word', () => {
  it('no name pattern has a capture group of its own (the groups say which name matched)', () => {
    for (const n of ISSUER_NAMES) expect(new RegExp(`${n.pattern}|`, 'u').exec('')!.length, n.pattern).toBe(1);
  });

  it.each(ISSUER_NAMES.map((n) => [n.vi]))('%s', (vi) => {
    const want = reference(vi);
    expect(want).toBeDefined();
    expect(issuerRead(`${vi} về việc thử`)).toMatchObject({ name: want!.vi, codes: [...want!.codes] });
  });

  it('any name, in any case, followed by anything: the same name as one pattern per name', () => {
    const tails = fc.oneof(fc.constantFrom('', ' ', ' về việc thử', ' khóa XII', 'x', 'ư', '1', ',', '\n', '-a'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.constantFrom(...ISSUER_NAMES), fc.constantFrom('as is', 'upper', 'cut'), tails, (n, how, tail) => {
        const written = how === 'upper' ? n.vi.toUpperCase() : how === 'cut' ? n.vi.slice(0, Math.max(2, n.vi.length - 3)) : n.vi;
        const rest = written + tail;
        const want = reference(rest);
        if (want === undefined) return;
        expect(issuerRead(rest), rest).toMatchObject({ name: want.vi, codes: [...want.codes] });
      }),
      { numRuns: 600 },
    );
  });
});
