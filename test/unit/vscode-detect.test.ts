/** Which plain-text files the VS Code extension offers to open as `vanban` (extension/vscode/detect.ts). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snippetToText } from '../../extension/templates/snippet.ts';
import { TEMPLATES, templateSnippet } from '../../extension/templates/templates.ts';
import { DETECT_MAX_CHARS, detectVanban } from '../../extension/vscode/detect.ts';
import { corpusFiles, hasCorpus, readCorpus, SEED_004 } from '../helpers/corpus.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('detectVanban', () => {
  const yes: [string, string][] = [
    ['a header in two columns', 'BỘ NỘI VỤ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 15/QĐ-BNV\nHà Nội, ngày 05 tháng 01 năm 2026\nQUYẾT ĐỊNH\n'],
    ['the Quốc hiệu split over two lines', 'CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nKẾ HOẠCH\n'],
    ['a Markdown conversion', '# CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n**Độc lập - Tự do - Hạnh phúc**\n\n**Điều 1.** Phạm vi\n'],
    ['a body copied without its header', 'Căn cứ Luật Tổ chức Chính phủ;\nTheo đề nghị của Bộ trưởng.\nQUYẾT ĐỊNH:\nĐiều 1. Nội dung.\n'],
    ['a draft with a blank number', 'Số:      /TTr-CCHC\nHà Nội, ngày 15 tháng 3 năm 2026\nĐiều 1. Nội dung.\n'],
    ['decomposed (NFD) letters and NBSP', 'CO\u0323\u0302NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc\u00a0lập - Tự do - Hạnh phúc\nNơi nhận:\n'],
  ];
  it.each(yes)('yes: %s', (_, text) => expect(detectVanban(text).looksLikeVanban).toBe(true));

  const no: [string, string][] = [
    ['an empty file', ''],
    ['a README', '# vanban\n\nChecks documents. See Điều 1. of the spec.\n\n- Căn cứ is a keyword\n'],
    ['Vietnamese prose', 'Hôm nay trời đẹp. Chúng tôi đi họp ở Hà Nội, ngày mai về.\n'],
    ['a list of numbers', '1. one\n2. two\na) x\nb) y\n'],
    ['only the motto, quoted in an essay', 'Khẩu hiệu “Độc lập - Tự do - Hạnh phúc” được in trên mọi văn bản.\n'],
  ];
  it.each(no)('no: %s', (_, text) => expect(detectVanban(text).looksLikeVanban).toBe(false));

  it('names what it found', () => {
    expect(detectVanban(yes[0][1]).signals).toEqual(['quoc-hieu', 'tieu-ngu', 'so-ky-hieu', 'ngay-thang', 'ten-loai']);
  });

  it('reads only the top of a huge file', () => {
    const text = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n' + 'x'.repeat(DETECT_MAX_CHARS) + '\nĐiều 1. Late\n';
    expect(detectVanban(text).signals).toEqual(['quoc-hieu']);
  });

  it('recognises every template', () => {
    for (const t of TEMPLATES) expect(detectVanban(snippetToText(templateSnippet(t.id, { year: 2026, month: 1, day: 5 }))).looksLikeVanban, t.id).toBe(true);
  });

  it('does not take the repository README or the rule catalog for a document', () => {
    expect(detectVanban(readFileSync(path.join(root, 'README.md'), 'utf8')).looksLikeVanban).toBe(false);
  });

  // Seeds 000–003 are news articles about documents, not documents: they must not be taken.
  it.skipIf(!hasCorpus)('recognises seed 004 and every real document of the corpus', () => {
    const files = [SEED_004, ...corpusFiles('real')];
    expect(files.length).toBeGreaterThan(0);
    const missed = files.filter((f) => !detectVanban(readCorpus(f)).looksLikeVanban).map((f) => path.basename(f));
    expect(missed).toEqual([]);
  });

  it.skipIf(!hasCorpus)('does not take the news articles among the seeds', () => {
    const news = corpusFiles('seeds').filter((f) => !f.endsWith(path.basename(SEED_004)));
    expect(news.length).toBe(4);
    for (const f of news) expect(detectVanban(readCorpus(f)).looksLikeVanban, path.basename(f)).toBe(false);
  });
});
