/**
 * The language service's incremental diagnostics (core/language-service/incremental.ts):
 * after any edit, what it answers equals a fresh full check of the new text —
 * whether it took the fast path or not — and the fast path is really taken for
 * edits inside body prose.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLanguageService } from '../../language-server/src/core/language-service.ts';
import { diagnosticsAfterEdit, editBase, lineDiagnostics } from '../../language-server/src/core/language-service/incremental.ts';
import { optionsKey } from '../../language-server/src/core/language-service/analysis.ts';
import { RULES } from '../../language-server/src/core/rules/registry.ts';
import { checkDocument, type CheckOptions } from '../../language-server/src/core/service.ts';
import { generateDocument } from '../bench/generate.ts';
import { corpusFiles, readCorpus } from '../helpers/corpus.ts';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

/** Written fixtures, generated documents (every construct), and a few real documents when the corpus is there. */
const DOCUMENTS: [string, string][] = [
  ['lsp/quyet-dinh', fixture('lsp/quyet-dinh.txt')],
  ['references/quyet-dinh-quy-che', fixture('references/quyet-dinh-quy-che.txt')],
  ['references/nghi-dinh-broken', fixture('references/nghi-dinh-broken.txt')],
  ['generated 12 KB', generateDocument({ bytes: 12_000, seed: 5 })],
  ['generated 30 KB', generateDocument({ bytes: 30_000, seed: 8 })],
  ...corpusFiles('seeds')
    .filter((_, i) => i % 4 === 0)
    .slice(0, 4)
    .map((f): [string, string] => [f, readCorpus(f)]),
];

/**
 * Places edits like to break: labels, references, citations (number, type, date, issuer, the words around), line
 * ends, spaces, the word after a label, table cells (their first words), Điều titles.
 */
const HOT = /Điều \d|khoản \d|điểm [a-đ]|Chương|số \d|\d\/|\/\p{Lu}|\p{Lu}-\p{Lu}|ngày|tháng \d|năm \d|(?:định|Luật|tư) |của (?:Chính|Bộ)|\n|, | |(?<=^(?:\d+\.|[a-đ]\)|-) \p{L})|(?<=\| \p{L}+ \p{L}{2})|(?<=^Điều \d+\. )|(?<=\| )(?=\p{L})/gmu;

type Edit = { at: number; hot: boolean; del: number; insert: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  // Unbiased: fast-check's default bias would put nearly every edit at the very start or end.
  at: fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000),
  hot: fc.boolean(),
  del: fc.constantFrom(0, 0, 0, 1, 1, 2),
  insert: fc.constantFrom('', '', 'a', 'n', 'ư', 'đ', 'X', 'Đ', '1', '9', '0', 'Q', ' ', ',', '.', ':', '/', '-', '\n', '(', 'khoản ', 'Điều 2', 'số 5/2020/NĐ-CP', '”', 'CC'),
});

function place(text: string, e: Edit): { start: number; end: number } {
  let at = Math.floor(e.at * (text.length + 1));
  if (e.hot) {
    const hits = [...text.matchAll(HOT)].map((m) => m.index!);
    if (hits.length > 0) at = hits[Math.floor(e.at * hits.length)] + (e.del % 2);
  }
  at = Math.min(at, text.length);
  return { start: at, end: Math.min(text.length, at + e.del) };
}

function plain(o: CheckOptions = {}) {
  return (text: string) => JSON.stringify(checkDocument(text, o).diagnostics);
}

describe('incremental diagnostics equal a full check', () => {
  for (const [name, original] of DOCUMENTS) {
    it(`random edit sequences on ${name}`, () => {
      let fast = 0;
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), fc.constantFrom<CheckOptions>({}, { lang: 'en' }), (edits, options) => {
          const service = createLanguageService();
          const uri = 'file:///doc.txt';
          let text = original;
          let version = 1;
          service.diagnostics({ uri, version, text }, options);
          const full = plain(options);
          for (const e of edits) {
            const { start, end } = place(text, e);
            text = text.slice(0, start) + e.insert + text.slice(end);
            version++;
            const got = service.diagnostics({ uri, version, text }, options);
            if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
            expect(JSON.stringify(got.diagnostics)).toBe(full(text));
          }
        }),
        { numRuns: name.startsWith('generated') ? 40 : name.includes('corpus') ? 10 : 25, seed: 9 },
      );
      // The comparison must have covered answers of the fast path, not only full checks.
      if (name.startsWith('generated')) expect(fast).toBeGreaterThan(10);
      // Hundreds of full checks: a correctness test whose duration follows the machine's load (it hit the
      // suite's 30 s default at load 12 while taking 7.6 s alone), so its limit is generous, not a timing claim.
    }, 180_000);
  }
});

describe('the fast path is taken for edits inside body prose', () => {
  it('one letter typed or deleted inside the words of khoản/điểm lines: most edits skip the full check', () => {
    let text = generateDocument({ bytes: 60_000, seed: 4 });
    const service = createLanguageService();
    const uri = 'file:///g.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // Deterministic positions: the end of the third word of every third khoản/điểm line.
    const lines = [...text.matchAll(/^(?:\d+\.|[a-đ]\)) (\S+ \S+ )(\S{3,})/gmu)].filter((_, i) => i % 3 === 0);
    let fast = 0;
    let total = 0;
    for (const m of lines.slice(0, 40)) {
      const at = text.indexOf(m[0], 0) + m[0].length - 1;
      const del = total % 2 === 1;
      const next = del ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + 'x' + text.slice(at);
      if (next === text) continue;
      text = next;
      version++;
      const got = service.diagnostics({ uri, version, text });
      const analysis = service.analysis({ uri, version, text });
      if (analysis.incremental.size > 0) fast++;
      total++;
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    expect(total).toBeGreaterThanOrEqual(30);
    // A word with a capital pair, a keyword or a reference beside it goes to the full check: a few, not most.
    expect(fast / total).toBeGreaterThan(0.8);
  });

  it('the word right after a label and the middle of table cells: fast, equal to a full check; a changed capital is not', () => {
    let text = generateDocument({ bytes: 60_000, seed: 6 });
    const service = createLanguageService();
    const uri = 'file:///t.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // The end of the first word after "a) "/"2. ", and of the second word of a row's text cell.
    const afterLabel = [...text.matchAll(/^(?:\d+\.|[a-đ]\)) \p{Ll}{2,}(?= )/gmu)].map((m) => m.index! + m[0].length).filter((_, i) => i % 5 === 0).slice(0, 12);
    const inCells = [...text.matchAll(/^\| \d+ \| \p{L}+ \p{Ll}{2,}(?=[ ,])/gmu)].map((m) => m.index! + m[0].length).slice(0, 12);
    expect(afterLabel.length).toBeGreaterThanOrEqual(10);
    expect(inCells.length).toBeGreaterThanOrEqual(6);
    // Later positions first: earlier edits never move them.
    const at = [...afterLabel.map((p) => ({ p, cell: false })), ...inCells.map((p) => ({ p, cell: true }))].sort((a, b) => b.p - a.p);
    const fast = { label: 0, cell: 0 };
    for (const { p, cell } of at) {
      text = text.slice(0, p) + 'x' + text.slice(p);
      version++;
      const got = service.diagnostics({ uri, version, text });
      if (service.analysis({ uri, version, text }).incremental.size > 0) fast[cell ? 'cell' : 'label']++;
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    expect(fast.label).toBeGreaterThanOrEqual(afterLabel.length - 2);
    expect(fast.cell).toBeGreaterThanOrEqual(inCells.length - 2);
    // "a) tổ" → "a) Tổ": the parser reads the case of the word after a label (run-on "; b) Xyz").
    const m = /^[a-đ]\) (\p{Ll})/mu.exec(text)!;
    const upper = text.slice(0, m.index + 3) + text.slice(m.index + 4);
    const capital = upper.slice(0, m.index + 3) + m[1].toUpperCase() + upper.slice(m.index + 3);
    for (const t of [upper, capital]) {
      version++;
      const got = service.diagnostics({ uri, version, text: t });
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(t));
    }
  });

  it('the words of a Điều title and the first word of a table cell: fast, equal to a full check', () => {
    let text = generateDocument({ bytes: 60_000, seed: 6 });
    const service = createLanguageService();
    const uri = 'file:///h.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // A letter before a title's first word ("Điều 3. oNguyên tắc"), one deleted inside its second, and one typed
    // before the text of a row's third cell; later positions first.
    const titles = [...text.matchAll(/^Điều \d+\. (?=\p{L}+ (\p{L}{3}))/gmu)];
    const cells = [...text.matchAll(/^\| \d+ \| [^|\n]+ \| (?=\p{Ll})/gmu)].slice(0, 12);
    expect(titles.length).toBeGreaterThanOrEqual(8);
    expect(cells.length).toBeGreaterThanOrEqual(6);
    const at = [
      ...titles.flatMap((m) => [{ p: m.index! + m[0].length, del: false }, { p: m.index! + m[0].length + text.slice(m.index! + m[0].length).indexOf(' ') + 2, del: true }]),
      ...cells.map((m) => ({ p: m.index! + m[0].length, del: false })),
    ].sort((a, b) => b.p - a.p);
    let fast = 0;
    for (const { p, del } of at) {
      text = del ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + 'o' + text.slice(p);
      version++;
      const got = service.diagnostics({ uri, version, text });
      if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    expect(fast).toBeGreaterThanOrEqual(at.length - 3);
  });

  it('a line break, a reference number or a heading goes to the full check', () => {
    const text = fixture('lsp/quyet-dinh.txt');
    const service = createLanguageService();
    const uri = 'file:///q.txt';
    service.diagnostics({ uri, version: 1, text });
    const at = text.indexOf('Điều 2');
    expect(at).toBeGreaterThan(0);
    const edits = [text.slice(0, at + 6) + '1' + text.slice(at + 6), text.slice(0, at) + '\n' + text.slice(at)];
    edits.forEach((t, i) => {
      service.diagnostics({ uri, version: 2 + 2 * i, text: text });
      const got = service.diagnostics({ uri, version: 3 + 2 * i, text: t });
      expect(service.analysis({ uri, version: 3 + 2 * i, text: t }).incremental.size).toBe(0);
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(t));
    });
  });
});

describe('edits inside citations are answered from the previous version', () => {
  it('a letter or digit typed or deleted in the citations of a generated document: fast, equal to a full check', () => {
    let text = generateDocument({ bytes: 60_000, seed: 4 });
    const service = createLanguageService();
    const uri = 'file:///c.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // Inside the number, the type, the date and the issuer of body citations; later positions first (earlier edits never move them).
    const inside = [...text.matchAll(/(?<=\p{Ll} )(?:Nghị định|Quyết định|Thông tư|Nghị quyết) số \d+\/[^ \n]+ ngày \d+ tháng \d+ năm \d+ của [^\n.;]+/gu)];
    const at = inside.flatMap((m, i) => [m.index! + 3 + (i % 5), m.index! + m[0].indexOf('/') + 2, m.index! + m[0].indexOf('tháng') + 6, m.index! + m[0].length - 2]);
    at.sort((a, b) => b - a);
    expect(at.length).toBeGreaterThanOrEqual(20);
    let fast = 0;
    let changed = 0;
    const before = new Set(service.diagnostics({ uri, version, text }).diagnostics.filter((d) => d.code.startsWith('citation/')).map((d) => d.message));
    for (const [k, p] of at.entries()) {
      text = k % 3 === 2 ? text.slice(0, p) + text.slice(p + 1) : text.slice(0, p) + (k % 3 === 0 ? 'x' : '7') + text.slice(p);
      version++;
      const got = service.diagnostics({ uri, version, text });
      if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
      if (got.diagnostics.some((d) => d.code.startsWith('citation/') && !before.has(d.message))) changed++;
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    // Most are answered fast, and the answers really change (a citation made inconsistent, a number misread…).
    expect(fast / at.length).toBeGreaterThan(0.7);
    expect(changed).toBeGreaterThan(0);
  });
});

/**
 * Citations of a few numbers, each cited several times: dates, issuers and titles that disagree
 * (citation/inconsistent), a wrong type, a date the registry contradicts, an ended decree, two citations on a line.
 */
function citingDocument(): string {
  const body = [
    '1. Thực hiện theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư.',
    '2. Áp dụng Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2021 của Chính phủ về công tác văn thư và Nghị định số 102/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đăng ký biện pháp bảo đảm.',
    '3. Các đơn vị thực hiện Nghị định số 30/2020/NĐ-CP của Bộ Nội vụ, Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính.',
    '4. Quyết định số 102/2017/NĐ-CP và Nghị định số 102/2017/NĐ-CP được áp dụng cho các đơn vị thuộc Bộ.',
    '5. Thực hiện Nghị định số 99/2022/NĐ-CP ngày 01 tháng 01 năm 2022 của Chính phủ về đăng ký biện pháp bảo đảm.',
  ].join('\n');
  // No no-break space (a normalised character keeps the citation path away) and no doubled word.
  const base = fixture('lsp/quyet-dinh.txt').replace('của của', 'của').replace(/\u00a0/gu, ' ');
  return base.replace('1. Các đơn vị thuộc và trực thuộc Bộ.\n2. Công chức, viên chức làm công tác cải cách hành chính (CCHC).', body);
}

describe('edits that change how citations read: the citation rules judge again only the numbers concerned', () => {
  it('random characters typed or deleted in numbers, dates, issuers, types and between citations: equal to a full check', () => {
    const original = citingDocument();
    const from = original.indexOf('1. Thực hiện theo');
    const to = original.indexOf('\n', original.indexOf('5. Thực hiện'));
    const codes = (ds: { code: string; message: string }[]) => ds.filter((d) => d.code.startsWith('citation/')).map((d) => `${d.code} ${d.message}`).join('\n');
    const before = codes(checkDocument(original).diagnostics);
    expect(before).toMatch(/citation\/inconsistent[^\n]*ngày ban hành/u);
    expect(before).toMatch(/citation\/registry-mismatch/u);
    expect(before).toMatch(/citation\/not-in-force/u);
    let fast = 0;
    let edits = 0;
    let changed = 0;
    const step = fc.record({
      at: fc.integer({ min: 0, max: to - from - 1 }),
      // Digits, separators and letters of numbers, dates, types and issuers; a deletion (merging two tokens or
      // two citations, or breaking one into two readings).
      insert: fc.constantFrom('', '', '0', '1', '2', '9', '/', '-', 'a', 'x', 'Đ', 'C', 'P', 'T', ' '),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), fc.constantFrom<CheckOptions>({}, { lang: 'en' }), (steps, options) => {
        const service = createLanguageService();
        const uri = 'file:///cite.txt';
        let text = original;
        let version = 1;
        service.diagnostics({ uri, version, text }, options);
        let end = to;
        for (const { at, insert } of steps) {
          const p = from + (at % Math.max(1, end - from));
          text = insert ? text.slice(0, p) + insert + text.slice(p) : text.slice(0, p) + text.slice(p + 1);
          end += insert ? 1 : -1;
          version++;
          const got = service.diagnostics({ uri, version, text }, options);
          edits++;
          if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
          const want = checkDocument(text, options).diagnostics;
          if (options.lang !== 'en' && codes(want) !== before) changed++;
          expect(JSON.stringify(got.diagnostics)).toBe(JSON.stringify(want));
        }
      }),
      { numRuns: 120, seed: 21 },
    );
    // The citation path answered most of them, and the answers really changed (not only the same findings moved).
    expect(fast / edits).toBeGreaterThan(0.5);
    expect(changed).toBeGreaterThan(20);
  }, 180_000);
});

describe('an edit beside a citation that leaves every citation reading as it did', () => {
  it('only the rules that read the text run again: "đ" → "đã" before a cited ended document silences citation/not-in-force', () => {
    // No no-break space (a normalised character keeps the citation path away) and no doubled word.
    const base = fixture('lsp/quyet-dinh.txt').replace('của của', 'của').replace(/\u00a0/gu, ' ');
    let text = base.replace('1. Bảo đảm sự lãnh đạo thống nhất của Bộ trưởng.', '1. Bảo đảm sự lãnh đạo thống nhất đ theo Nghị định số 102/2017/NĐ-CP ngày 01 tháng 9 năm 2017 của Chính phủ về đăng ký biện pháp bảo đảm.');
    const service = createLanguageService();
    const uri = 'file:///n.txt';
    let version = 1;
    const notInForce = () => service.diagnostics({ uri, version, text }).diagnostics.filter((d) => d.code === 'citation/not-in-force').length;
    const counts: number[] = [notInForce()];
    const at = text.indexOf('nhất đ') + 6;
    // Typed, deleted, typed again; then a letter typed and deleted in the word after the citation's issuer.
    const after = text.indexOf('đăng ký') + 2;
    const edits = [(t: string) => t.slice(0, at) + 'ã' + t.slice(at), (t: string) => t.slice(0, at) + t.slice(at + 1), (t: string) => t.slice(0, at) + 'ã' + t.slice(at),
      (t: string) => t.slice(0, after + 1) + 'x' + t.slice(after + 1), (t: string) => t.slice(0, after + 1) + t.slice(after + 2)];
    for (const edit of edits) {
      text = edit(text);
      version++;
      const got = service.diagnostics({ uri, version, text });
      expect(service.analysis({ uri, version, text }).incremental.size).toBeGreaterThan(0);
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
      counts.push(notInForce());
    }
    // The registry knows 102/2017/NĐ-CP replaced in 2023: reported, silenced by "đã", reported again.
    expect(counts.slice(0, 3)).toEqual([1, 0, 1]);
  });
});

describe('the citations move lazily', () => {
  it('quiet edits before citations, then an edit in a citation: both fast, equal to a full check, only the citations read there moved', () => {
    let text = generateDocument({ bytes: 60_000, seed: 4 });
    const service = createLanguageService();
    const uri = 'file:///l.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // How many of the base's citations wait for edits made since they were read (EditBase.citationsAt).
    const base = () => [...service.analysis({ uri, version, text }).bases.values()][0];
    const lag = () => base()?.citationsAt.filter((at) => at < base()!.edits.length).length ?? -1;
    const CITED = /(?<=\p{Ll} )(?:Nghị định|Quyết định|Thông tư) số \d+\/[^ \n]+ ngày \d+ tháng \d+ năm \d+/gu;
    const fast = { quiet: 0, citation: 0, lagged: 0, waiting: 0 };
    for (let k = 0; k < 12; k++) {
      // Two letters typed into the third word of khoản/điểm lines before the k-th citation (none on those lines)…
      const cits = [...text.matchAll(CITED)];
      const cite = cits[Math.min(cits.length - 1, 2 + 3 * k)];
      const prose = [...text.slice(0, cite.index).matchAll(/^(?:\d+\.|[a-đ]\)) \p{Ll}+ \p{Ll}+ (\p{Ll}{3,})(?= \p{Ll})(?![^\n]*số \d)/gmu)];
      for (const m of prose.slice(-2)) {
        const at = m.index! + m[0].length - 1;
        text = text.slice(0, at) + 'x' + text.slice(at);
        version++;
        const got = service.diagnostics({ uri, version, text });
        if (service.analysis({ uri, version, text }).incremental.size > 0) fast.quiet++;
        expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
      }
      // …then a digit typed into its number (the quiet edits moved it) or a letter deleted from its type.
      const moved = [...text.matchAll(CITED)][Math.min(cits.length - 1, 2 + 3 * k)];
      const at = k % 2 === 0 ? moved.index! + moved[0].indexOf('/') : moved.index! + 3;
      if (lag() > 0) fast.lagged++;
      text = k % 2 === 0 ? text.slice(0, at) + '7' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      version++;
      const got = service.diagnostics({ uri, version, text });
      if (service.analysis({ uri, version, text }).incremental.size > 0) {
        fast.citation++;
        // The citations read around the edit are where they are now; the others wait (none was copied), unless
        // too many edits piled up and the list was brought to the text.
        const b = base()!;
        expect(b.citationsAt.some((at) => at === b.edits.length)).toBe(true);
        if (lag() > 0) fast.waiting++;
      }
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    expect(fast.quiet).toBeGreaterThanOrEqual(16);
    expect(fast.citation).toBeGreaterThanOrEqual(8);
    expect(fast.lagged).toBeGreaterThanOrEqual(8);
    expect(fast.waiting).toBeGreaterThanOrEqual(4);
  });
});

describe('edits that change the references of a line are answered from the previous version', () => {
  it('a digit typed or deleted in "Điều N", a letter typed into "khoản": fast, equal to a full check', () => {
    let text = generateDocument({ bytes: 60_000, seed: 7 });
    const service = createLanguageService();
    const uri = 'file:///r.txt';
    let version = 1;
    service.diagnostics({ uri, version, text });
    // References in the middle of body lines ("theo quy định tại khoản 2 Điều 14;"), later positions first.
    const refs = [...text.matchAll(/(?<=\p{Ll} )(?:khoản \d+ )?Điều \d+(?=[;.,]| như)/gu)].filter((m) => !/^Điều \d+\./u.test(text.slice(m.index!)));
    const at = refs.map((m, i) => ({ p: m.index! + m[0].length - 1, kind: i % 3 })).sort((a, b) => b.p - a.p);
    expect(at.length).toBeGreaterThanOrEqual(15);
    let fast = 0;
    const unresolved = () => service.diagnostics({ uri, version, text }).diagnostics.filter((d) => d.code === 'reference/unresolved').length;
    const counts = new Set([unresolved()]);
    for (const { p, kind } of at) {
      const khoan = text.lastIndexOf('khoản', p);
      text =
        kind === 0 ? text.slice(0, p) + '9' + text.slice(p) // Điều 14 → Điều 194
        : kind === 1 ? text.slice(0, p) + text.slice(p + 1) // Điều 14 → Điều 1
        : khoan > p - 20 && khoan >= 0 ? text.slice(0, khoan + 2) + 'x' + text.slice(khoan + 2) // "khxoản": the chain loses its khoản
        : text.slice(0, p) + text.slice(p + 1);
      version++;
      const got = service.diagnostics({ uri, version, text });
      if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
      counts.add(got.diagnostics.filter((d) => d.code === 'reference/unresolved').length);
      expect(JSON.stringify(got.diagnostics)).toBe(plain()(text));
    }
    expect(fast / at.length).toBeGreaterThan(0.7);
    // The answers really change: references made unresolved (or resolved) along the way.
    expect(counts.size).toBeGreaterThan(1);
  });
});

/**
 * A table written with what the table rules and the others find in rows: a header, the "|---|" line, group rows in
 * capitals, a gap in the row numbers, a row with a cell too many, empty cells, a deadline, a citation and a
 * reference in cells, a double space in a cell, a row followed by a line in lower case.
 */
const TABLE = [
  '| STT | Nội dung công việc | Cơ quan chủ trì | Thời hạn |',
  '|---|---|---|---|',
  '| I | CẢI CÁCH THỂ CHẾ | | |',
  '| 1 | rà soát văn bản theo Nghị định số 30/2020/NĐ-CP | Sở Tư pháp | 30/6/2025 |',
  '| 2 | thực hiện khoản 2 Điều 3 | Sở Nội vụ | 31/12/2025 |',
  '| 4 | công khai  kết quả | Văn phòng | | thừa |',
  '| II | ĐIỀU KHOẢN THI HÀNH | | |',
  '| 1 | tổng hợp, báo cáo | Sở Nội vụ | hằng năm |',
  'các cơ quan thực hiện theo bảng trên.',
  '',
].join('\n');

/** A generated document with the table before its Nơi nhận. */
const tableDocument = () => generateDocument({ bytes: 12_000, seed: 5 }).replace('\nNơi nhận:', `\n${TABLE}\nNơi nhận:`);

describe('a space typed or deleted beside a cell border of a table row', () => {
  const documents: [string, string][] = [
    ['generated 30 KB', generateDocument({ bytes: 30_000, seed: 8 })],
    ['a written table', tableDocument()],
  ];
  for (const [name, original] of documents) {
    it(`random spaces around the "|" of rows (and letters among them) on ${name}: equal to a full check, mostly fast`, () => {
      let fast = 0;
      let edits = 0;
      fc.assert(
        fc.property(
          fc.array(fc.record({ at: fc.noBias(fc.integer({ min: 0, max: 9_999 })), side: fc.constantFrom(-1, 0, 1), op: fc.constantFrom('space', 'space', 'delete', 'delete', 'letter') }), { minLength: 1, maxLength: 6 }),
          fc.constantFrom<CheckOptions>({}, { lang: 'en' }),
          (steps, options) => {
            const service = createLanguageService();
            const uri = 'file:///table.txt';
            let text = original;
            let version = 1;
            service.diagnostics({ uri, version, text }, options);
            for (const step of steps) {
              // The "|" of table rows (the "|---|" line included), and a place beside one.
              const bars = [...text.matchAll(/(?<=^[ \t]*\|.*)\|/gmu)].map((m) => m.index!);
              const bar = bars[step.at % bars.length];
              const at = Math.max(0, Math.min(text.length - 1, bar + step.side));
              const next =
                step.op === 'space' ? text.slice(0, at) + ' ' + text.slice(at)
                : step.op === 'letter' ? text.slice(0, at) + 'a' + text.slice(at)
                : text[at] === ' ' ? text.slice(0, at) + text.slice(at + 1) : text;
              if (next === text) continue;
              text = next;
              version++;
              const got = service.diagnostics({ uri, version, text }, options);
              edits++;
              if (service.analysis({ uri, version, text }).incremental.size > 0) fast++;
              expect(JSON.stringify(got.diagnostics)).toBe(plain(options)(text));
            }
          },
        ),
        { numRuns: 30, seed: 4 },
      );
      expect(fast).toBeGreaterThan(edits / 3);
    }, 180_000);
  }
  it('the space before a group row\'s last border, deleted: fast (it was a full check)', () => {
    const text = tableDocument();
    const service = createLanguageService();
    service.diagnostics({ uri: 'u', version: 1, text });
    const at = text.indexOf('THI HÀNH |') + 'THI HÀNH'.length;
    const next = text.slice(0, at) + text.slice(at + 1);
    const got = service.diagnostics({ uri: 'u', version: 2, text: next });
    expect(service.analysis({ uri: 'u', version: 2, text: next }).incremental.size).toBe(1);
    expect(JSON.stringify(got.diagnostics)).toBe(plain()(next));
  });
});

describe('the stretches are moved in place: only the latest base answers', () => {
  it('after an edit answered from a base, that base refuses the next edit; the base it made answers it, equal to a full check', () => {
    const text = generateDocument({ bytes: 30_000, seed: 8 });
    const service = createLanguageService();
    service.diagnostics({ uri: 'u', version: 1, text });
    const first = service.analysis({ uri: 'u', version: 1, text }).bases.get(optionsKey({}))!;
    // Letters typed inside the words of body lines, each an edit the quiet path takes.
    const words = [...text.matchAll(/^(?:\d+\.|[a-đ]\)) \p{Ll}+ \p{Ll}+ (\p{Ll}{3,})/gmu)].map((m) => m.index! + m[0].length - 1);
    let current = first;
    let now = text;
    let answered = 0;
    for (const at of words.slice(0, 12).reverse()) {
      const next = now.slice(0, at) + 'x' + now.slice(at);
      const r = diagnosticsAfterEdit(current, next, {});
      if (!r) continue;
      answered++;
      expect(JSON.stringify(r.result.diagnostics)).toBe(plain()(next));
      expect(diagnosticsAfterEdit(current, next.slice(0, at) + 'y' + next.slice(at), {})).toBeUndefined();
      current = r.base;
      now = next;
    }
    expect(answered).toBeGreaterThanOrEqual(8);
    expect(current.generation).toBe(answered);
  });
});

describe('what the fast path must leave to the full check', () => {
  // A quote makes the document an amending one: "Nay sửa đổi khoản 7 Điều 9" speaks of the amended document
  // (no unresolved reference); "Nay sửax đổi" does not (references/resolve.ts amendingAt).
  const plainBase = fixture('lsp/quyet-dinh.txt').replace('của của', 'của');
  // Without quotes: "bãi", "bỏ" are then plain words (AMEND_WORD), and Điều 5 is the next Điều.
  const titled = plainBase.replace('Nơi nhận:', 'Điều 5. Các quy định bãi bỏ trước đây\n\nNơi nhận:');
  const base = plainBase
    .replace('Điều 4. Hiệu lực thi hành\n', 'Điều 4. Sửa đổi\n1. Nay sửa đổi khoản 7 Điều 9.\n2. Khoản 1 Điều 2 như sau:\n“1. Các đơn vị thuộc Bộ.”\n\nĐiều 5. Hiệu lực thi hành\n');
  it.each([
    ['an amending verb before a reference, made into another word ("sửa" → "sửax")', base, 'Nay sửa', 'x'],
    ['an amending verb made from another word ("đi" → "đổi")', base.replace('Nay sửa đổi', 'Nay sửa đi'), 'Nay sửa đ', 'ổ'],
    ['"Lưu:" made in a body line (it closes the Nơi nhận)', base.replace('lãnh đạo thống', 'lãnh đạo, Lư : thống'), 'Lư', 'u'],
    ['a Điều title that is its content made a title ("bãi bỏ" → "bãix bỏ": structure/empty)', titled, 'định bãi', 'x'],
    ['a lone capital at a table cell\'s start (a Roman row number) made a word', base.replace('Nơi nhận:', '| STT | Nội dung |\n|---|---|\n| I | NHÓM MỘT |\n| 1 | việc một |\n| 2 | việc hai |\n| C | NHÓM HAI |\n| 1 | việc ba |\n\nNơi nhận:'), '| C', 'a'],
    ['"lưu" typed in a body line holding a citation', base.replace('Bảo đảm sự lãnh đạo', 'Bảo đảm sự lư trữ theo Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ, lãnh đạo'), 'sự lư', 'u'],
  ])('%s', (_, text, anchor, insert) => {
    const service = createLanguageService();
    service.diagnostics({ uri: 'u', version: 1, text });
    const at = text.indexOf(anchor) + anchor.length;
    const next = text.slice(0, at) + insert + text.slice(at);
    const got = service.diagnostics({ uri: 'u', version: 2, text: next });
    expect(JSON.stringify(got.diagnostics)).toBe(plain()(next));
  });
  it('the amending verb really decides there (the case above is not vacuous)', () => {
    const unresolved = (t: string) => checkDocument(t).diagnostics.filter((d) => d.code === 'reference/unresolved').length;
    expect(unresolved(base.replace('Nay sửa đổi', 'Nay sửax đổi'))).toBe(unresolved(base) + 1);
  });
  it('a title that is its content really decides structure/empty there (the case above is not vacuous)', () => {
    const empty = (t: string) => checkDocument(t).diagnostics.filter((d) => d.code === 'structure/empty').length;
    expect(empty(titled.replace('bãi bỏ trước', 'bãix bỏ trước'))).toBe(empty(titled) + 1);
  });
});

describe('Rule.local: a line-local rule finds on a prose line alone what it finds there in the whole document', () => {
  const local = RULES.filter((r) => r.local === 'line');
  it('the local rules are the character-level text rules', () => {
    expect(local.map((r) => r.code).sort()).toEqual(['text/spacing', 'text/unicode']);
  });
  for (const [name, text] of DOCUMENTS) {
    it(name, () => {
      const r = checkDocument(text);
      const base = editBase(r.parse, '', { diagnostics: r.diagnostics, failures: r.failures });
      if (!base) return; // a document the fast path never starts from (directives, doubled words)
      const lineStarts = new Set<number>();
      for (const stretches of [base.quiet, base.rescan]) for (let k = 0; k < stretches.length; k += 2) lineStarts.add(text.lastIndexOf('\n', stretches[k]) + 1);
      if (name.startsWith('generated')) expect(lineStarts.size).toBeGreaterThan(20);
      const codes = new Set(local.map((x) => x.code));
      for (const ls of lineStarts) {
        let le = text.indexOf('\n', ls);
        if (le < 0) le = text.length;
        const inDocument = r.diagnostics.filter((d) => codes.has(d.code) && d.range.start >= ls && d.range.end <= le);
        const alone = lineDiagnostics(text.slice(ls, le), {})!.map((d) => ({ ...d, range: { start: d.range.start + ls, end: d.range.end + ls }, ...(d.fix ? { fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, range: { start: e.range.start + ls, end: e.range.end + ls } })) } } : {}) }));
        expect(alone).toEqual(inDocument);
      }
    });
  }
});
