// The language-service façade (core/language-service.ts): plain data, offsets into the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../language-server/src/core/diagnostics/edits.ts';
import { hoverCitation } from '../../language-server/src/core/citations/hover.ts';
import { createLanguageService } from '../../language-server/src/core/language-service.ts';
import { AnalysisCache, DocumentAnalysis } from '../../language-server/src/core/language-service/analysis.ts';
import { fixAllAction, quickFixes, spanningEdit } from '../../language-server/src/core/language-service/code-actions.ts';
import { flatten, type SemanticToken } from '../../language-server/src/core/language-service/semantic-tokens.ts';
import { symbolMatcher } from '../../language-server/src/core/language-service/symbols.ts';
import { embeddedRegistry } from '../../language-server/src/core/registry/index.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';
import { foldDiacritics } from '../../language-server/src/core/text/letters.ts';
import { checkDocument, fixAll } from '../../language-server/src/core/service.ts';
import { corpusFiles, readCorpus } from '../helpers/corpus.ts';
import { KE_HOACH, QD } from '../helpers/documents.ts';

const doc = (text: string, version = 1, uri = 'untitled:t') => ({ uri, version, text });

describe('cached analysis', () => {
  const files = [...corpusFiles('seeds'), ...corpusFiles('real').slice(0, 6)];
  it.each([QD, KE_HOACH, 'Điều 1. A\n1. x\n3. y\n', '', `${QD}<!-- vanban-disable text/spacing -->\nx  y\n<!-- vanban-enable text/spacing -->\nx  y\n`].map((t, i) => [`written #${i}`, t]))('diagnostics in steps equal checkDocument (%s)', (_n, text) => {
    for (const options of [{}, { lang: 'en' as const }, { rules: { 'text/spacing': 'off' as const } }, { docType: 'ke-hoach' as const }]) {
      expect(new DocumentAnalysis('u', 1, text).diagnostics(options).diagnostics).toEqual(checkDocument(text, options).diagnostics);
    }
  });

  it.skipIf(files.length === 0).each(files)('diagnostics in steps equal checkDocument on %s', (file) => {
    const text = readCorpus(file);
    expect(new DocumentAnalysis('u', 1, text).diagnostics().diagnostics).toEqual(checkDocument(text).diagnostics);
  });

  it('steps: the parse first, then the rules a few at a time; the result is cached per option set', () => {
    const a = new DocumentAnalysis('u', 1, QD);
    const steps = a.diagnosticSteps({});
    let n = 0;
    while (!steps.next().done) n++;
    expect(n).toBeGreaterThan(5);
    expect(a.cachedDiagnostics({})).toBeDefined();
    expect(a.cachedDiagnostics({ lang: 'en' })).toBeUndefined();
    // A finished computation is handed back at once.
    const again = a.diagnosticSteps({}).next();
    expect(again.done).toBe(true);
    expect(again.value).toBe(a.cachedDiagnostics({}));
  });

  it('one analysis per uri: a new version (or other text under the same version) replaces it', () => {
    const cache = new AnalysisCache();
    const a = cache.get(doc(QD, 1));
    expect(cache.get(doc(QD, 1))).toBe(a);
    const b = cache.get(doc(QD + 'x', 2));
    expect(b).not.toBe(a);
    expect(cache.peek('untitled:t')).toBe(b);
    expect(cache.get(doc(QD, 2))).not.toBe(b);
    cache.forget('untitled:t');
    expect(cache.peek('untitled:t')).toBeUndefined();
  });
});

describe('semantic tokens', () => {
  const t = (start: number, end: number, type: SemanticToken['type']): SemanticToken => ({ start, end, type, modifiers: [] });
  it.each([
    ['disjoint tokens stay', [t(0, 3, 'label'), t(5, 9, 'heading')], [[0, 3, 'label'], [5, 9, 'heading']]],
    ['a reference inside a heading cuts it in three', [t(0, 20, 'heading'), t(5, 10, 'reference')], [[0, 5, 'heading'], [5, 10, 'reference'], [10, 20, 'heading']]],
    ['a reference at the end of a heading', [t(0, 10, 'heading'), t(6, 10, 'reference')], [[0, 6, 'heading'], [6, 10, 'reference']]],
    ['a citation holding a reference', [t(0, 30, 'citation'), t(0, 12, 'reference')], [[0, 12, 'reference'], [12, 30, 'citation']]],
    ['empty tokens are dropped', [t(4, 4, 'label')], []],
  ])('%s', (_name, input, expected) => {
    expect(flatten(input).map((x) => [x.start, x.end, x.type])).toEqual(expected);
  });

  it('never overlap, sorted, covering exactly the union of the input (property)', () => {
    const token = fc.record({ start: fc.nat({ max: 200 }), len: fc.nat({ max: 60 }), type: fc.constantFrom<SemanticToken['type']>('label', 'heading', 'reference', 'citation') });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (raw) => {
        const input = raw.map((r) => t(r.start, r.start + r.len, r.type));
        const out = flatten(input);
        for (let i = 1; i < out.length; i++) expect(out[i].start).toBeGreaterThanOrEqual(out[i - 1].end);
        const covered = (ts: SemanticToken[]) => new Set(ts.flatMap((x) => Array.from({ length: x.end - x.start }, (_, k) => x.start + k)));
        expect([...covered(out)].sort((a, b) => a - b)).toEqual([...covered(input)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('outline names and symbol search', () => {
  it.each([
    ['dieu 3', 'Điều 3. Tổ chức thực hiện', 0],
    ['to chuc', 'Điều 3. Tổ chức thực hiện', 0],
    ['thuc dieu', 'Điều 3. Tổ chức thực hiện', 2],
    ['Điều 3', 'Điều 30. Hiệu lực', 1],
    ['dieu 3', 'Điều 3. Hiệu lực; Điều 30', 0],
    ['dieu 3', 'Điều 13. Hiệu lực', -1],
    ['', 'anything', 0],
  ])('"%s" against "%s" scores %i', (query, name, score) => {
    expect(symbolMatcher(query)(name)).toBe(score);
  });

  it('folds diacritics, đ and case', () => {
    expect(foldDiacritics('  ĐIỀU  Đặc biệt Ứng ')).toBe('dieu dac biet ung');
  });

  it('workspace symbols: indexed documents without their text, open ones at their version', () => {
    const ls = createLanguageService();
    ls.indexDocument(doc(QD, 1, 'file:///a.txt'), 'vi');
    const open = doc(KE_HOACH, 3, 'file:///b.txt');
    const found = ls.workspaceSymbols('muc dich', 'vi', [open]);
    expect(found.map((s) => [s.uri, s.name])).toEqual([['file:///b.txt', 'I. MỤC ĐÍCH, YÊU CẦU']]);
    expect(found[0].start).toEqual({ line: 7, character: 0 });
    expect(ls.workspaceSymbols('dieu 2', 'vi').map((s) => s.name)).toEqual(['Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.']);
    ls.unindex('file:///a.txt');
    expect(ls.workspaceSymbols('dieu 2', 'vi')).toEqual([]);
  });
});

describe('completion', () => {
  const ls = createLanguageService();
  /** Labels offered at the "|" of the text. */
  const at = (withCursor: string) => {
    const offset = withCursor.indexOf('|');
    return ls.completions(doc(withCursor.replace('|', '')), offset, { lang: 'vi' });
  };
  const body = 'QUYẾT ĐỊNH:\nĐiều 1. Một\nNội dung.\nĐiều 2. Hai\n1. a\n2. b\na) x\nb) y\n';
  it.each([
    ['a new line after điểm b', `${body}|`, ['Điểm c', 'Khoản 3', 'Điều 3']],
    ['"Đi" typed on a new line', `${body}Đi|`, ['Điểm c', 'Khoản 3', 'Điều 3']],
    ['inside a sentence: no label', `${body}Theo |`, []],
    ['"khoản " in a sentence: the other khoản of the Điều', `${body}c) theo khoản |`, ['khoản 1']],
    ['"điểm " in a sentence: the other điểm of the khoản', `${body}c) theo điểm |`, ['điểm a', 'điểm b']],
    ['"Điều " in a sentence: the other Điều of the document', `${body}c) theo Điều |`, ['Điều 1']],
    ['a plan: the next roman section', 'KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Mục đích\nII. NHIỆM VỤ\n|', ['Khoản 1', 'Phần III']],
  ])('%s', (_name, text, labels) => {
    expect(at(text).map((c) => c.label)).toEqual(labels);
  });

  it('the entry replaces what was typed of the label', () => {
    const [, , dieu] = at(`${body}Đi|`);
    expect(dieu.insertText).toBe('Điều 3. ');
    expect(dieu.replace).toEqual({ start: body.length, end: body.length + 2 });
  });
});

describe('code actions', () => {
  const text = 'Điều 1. Một\nCác đơn vị của của Bộ và và các đơn vị.\n';
  const diagnostics = checkDocument(text).diagnostics;

  it('a quick fix per fixable diagnostic, "fix every", and "disable for this line" that really silences it', () => {
    const line2 = { start: text.indexOf('Các'), end: text.indexOf('các đơn') };
    const actions = quickFixes(text, diagnostics, line2, 'vi');
    const repeated = diagnostics.filter((d) => d.code === 'text/repeated-word');
    expect(repeated.length).toBe(2);
    expect(actions.filter((a) => a.isPreferred).length).toBe(2);
    const every = actions.find((a) => a.title.startsWith('Sửa mọi lỗi text/repeated-word'))!;
    expect(applyEdits(text, every.edits)).toBe('Điều 1. Một\nCác đơn vị của Bộ và các đơn vị.\n');
    const disable = actions.find((a) => a.title === 'Tắt text/repeated-word cho dòng này')!;
    const silenced = applyEdits(text, disable.edits);
    expect(silenced).toBe('Điều 1. Một\n<!-- vanban-disable-next-line text/repeated-word -->\nCác đơn vị của của Bộ và và các đơn vị.\n');
    expect(checkDocument(silenced).diagnostics.map((d) => d.code)).not.toContain('text/repeated-word');
  });

  it('fix-all equals fixAll, as exact edits when one round is enough', () => {
    const all = fixAllAction(text, diagnostics, {}, 'vi')!;
    expect(applyEdits(text, all.edits)).toBe(fixAll(text).text);
    expect(all.edits.length).toBe(2);
  });

  it.skipIf(corpusFiles('seeds').length === 0).each(corpusFiles('seeds'))('fix-all equals fixAll on %s', (file) => {
    const t = readCorpus(file);
    const all = fixAllAction(t, checkDocument(t).diagnostics, {}, 'vi');
    expect(all ? applyEdits(t, all.edits) : t).toBe(fixAll(t).text);
  });

  it('spanningEdit turns one text into the other and never splits a surrogate pair (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '😀', 'ệ', '\u0301') , maxLength: 40 });
    fc.assert(
      fc.property(text, text, (before, after) => {
        const e = spanningEdit(before, after);
        expect(applyEdits(before, [e])).toBe(after);
        const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
        expect(isLow(before.charCodeAt(e.range.start))).toBe(false);
      }),
    );
  });
});

describe('structure features', () => {
  const ls = createLanguageService();
  const text = `${QD}<!-- vanban-disable text/spacing -->\nx  y\n<!-- vanban-enable text/spacing -->\n`;

  it('folding: multi-line units, and disable…enable blocks as comments', () => {
    const regions = ls.foldingRegions(doc(text));
    expect(regions.some((r) => r.kind === 'comment' && text.slice(r.range.start).startsWith('<!-- vanban-disable'))).toBe(true);
    for (const r of regions) expect(text.slice(r.range.start, r.range.end)).toContain('\n');
  });

  it('selection ranges grow strictly, from the word to the whole text', () => {
    const offset = text.indexOf('Quy chế làm việc') + 2;
    const [chain] = ls.selectionRanges(doc(text), [offset]);
    expect(text.slice(chain[0].start, chain[0].end)).toBe('Quy');
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i].start).toBeLessThanOrEqual(chain[i - 1].start);
      expect(chain[i].end).toBeGreaterThanOrEqual(chain[i - 1].end);
      expect(chain[i].end - chain[i].start).toBeGreaterThan(chain[i - 1].end - chain[i - 1].start);
    }
    expect(chain[chain.length - 1]).toEqual({ start: 0, end: text.length });
  });

  it('inlay hints only after a bare single "Điều N" naming a titled Điều', () => {
    const t = 'QUYẾT ĐỊNH:\nĐiều 1. Phạm vi\nÁp dụng Điều 2 cho mọi đơn vị; các Điều 1, 2 có hiệu lực.\nĐiều 2. Hiệu lực\nNội dung.\n';
    const hints = ls.inlayHints(doc(t), { start: 0, end: t.length });
    expect(hints.map((h) => [t.slice(0, h.offset).split('\n').pop(), h.label])).toEqual([['Áp dụng Điều 2', 'Hiệu lực']]);
  });

  it('hover explains the rules of the diagnostics under the cursor once they are computed', () => {
    const t = 'Điều 1. Một\nCác đơn vị của của Bộ.\n';
    const d = doc(t, 7);
    const offset = t.indexOf('của Bộ');
    expect(ls.hover(d, offset, {})).toBeUndefined();
    ls.diagnostics(d, {});
    const h = ls.hover(d, offset, { lang: 'en' });
    expect(h).toBeUndefined();
    const vi = ls.hover(d, offset, {})!;
    expect(vi.markdown).toMatch(/^\*\*text\/repeated-word\*\* \(cảnh báo\) — /);
  });

  it('hover on a citation cited more than once names its lines from the analysis\'s line index, moved by edits', () => {
    const cite = 'Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ';
    let t = `Điều 1. Căn cứ\n1. Theo ${cite}.\n2. Thực hiện ${cite};\n\n3. Xem ${cite}.\n`;
    let version = 1;
    const at = (k: number) => t.split('30/2020').slice(0, k + 1).join('30/2020').length + 2;
    // Lines inserted and removed before the citations: the line index is moved from the version before (text-change.ts).
    for (const edit of [(s: string) => 'Mở đầu\n\n' + s, (s: string) => s.replace('\n\n3.', '\n3.'), (s: string) => s.replace('Mở đầu\n', '')]) {
      ls.diagnostics(doc(t, version), {});
      void ls.hover(doc(t, version), at(0), {});
      t = edit(t);
      version++;
      void ls.diagnostics(doc(t, version), {});
      for (const k of [0, 1, 2]) {
        const expected = hoverCitation(parseDocument(t), at(k), { registry: embeddedRegistry() })!.markdown;
        expect(expected).toMatch(/Được dẫn 3 lần trong văn bản này: dòng \d+, \d+/u);
        expect(ls.hover(doc(t, version), at(k), {})!.markdown.startsWith(expected)).toBe(true);
      }
    }
  });
});
