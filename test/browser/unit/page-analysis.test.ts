/**
 * What the background hands the content script for a page: citations with
 * their canonical number and hover-card facts (completed by the registry
 * learned while reading), internal references per pinpoint chain with their
 * target's first lines, and the reference and citation findings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzePage } from '../../../extension/browser/background/analyze.ts';
import { learn, type LearnedEntry } from '../../../extension/browser/background/learned.ts';
import { localRegistry } from '../../../extension/browser/background/registry.ts';
import { AnalysisSchema, type Analysis } from '../../../extension/browser/lib/messages.ts';
import { unitPreview } from '../../../extension/browser/page/cards.ts';

const PAGE = [
  'BỘ NỘI VỤ',
  'Số: 971/QĐ-BNV',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Hà Nội, ngày 30 tháng 12 năm 2024',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch cải cách hành chính năm 2025',
  'BỘ TRƯỞNG BỘ NỘI VỤ',
  'Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;',
  'Căn cứ Bộ luật Tố tụng hình sự số 101/2015/QH13;',
  'QUYẾT ĐỊNH:',
  'Điều 1. Phạm vi',
  '1. Theo Nghị quyết số 76/NQ- CP và khoản 2 Điều này.',
  '2. Nội dung khác.',
  'Điều 2. Hiệu lực',
  'Thực hiện theo khoản 1 Điều 1 và khoản 7 Điều 1 của Quyết định này; Nghị định số 63/2022/NĐ-CP.',
].join('\n');

const LEARNED: LearnedEntry = {
  number: '101/2015/QH13',
  type: 'Bộ luật',
  issuer: 'Quốc hội',
  issued: '2015-11-27',
  effective: '2018-01-01',
  status: 'Còn hiệu lực',
  signerTitle: 'Chủ tịch Quốc hội',
  signer: 'Nguyễn Sinh Hùng',
  url: 'https://vbpl.vn/TW/Pages/vbpq-thuoctinh.aspx?ItemID=96172',
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-01-01T00:00:00.000Z',
};

describe('page analysis', () => {
  let a: Analysis;
  beforeAll(async () => {
    fakeBrowser.reset();
    const { firstSeen: _, lastSeen: __, ...facts } = LEARNED;
    await learn(facts);
    const { registry, learned } = await localRegistry();
    a = AnalysisSchema.parse(analyzePage(PAGE, { registry, learned }));
  });
  const text = (r: { start: number; end: number }) => PAGE.slice(r.start, r.end);

  it('reads the header of the document on the page', () => {
    expect(a.document).toEqual({ type: 'QUYẾT ĐỊNH', number: '971/QĐ-BNV', title: 'Ban hành Kế hoạch cải cách hành chính năm 2025', issuer: 'BỘ NỘI VỤ', issued: '2024-12-30' });
  });

  it('gives every citation its canonical number, the header’s own number excluded', () => {
    expect(a.citations.map((c) => c.canonical)).toEqual(['63/2022/NĐ-CP', '101/2015/QH13', '76/NQ-CP', '63/2022/NĐ-CP']);
    expect(text(a.citations[0])).toMatch(/^Nghị định số 63\/2022\/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ/u);
  });

  it('fills the card from the registry when it knows the document', () => {
    const card = a.citations[0].card;
    expect(card.known).toBe(true);
    expect(card.facts).toContainEqual(['Trích yếu', 'quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ']);
    expect(card.facts).toContainEqual(['Nguồn', 'cơ sở dữ liệu của Vanban']);
  });

  it('fills the card from the citation itself when the registry does not know the document', () => {
    const card = AnalysisSchema.parse(analyzePage(PAGE)).citations[0].card;
    expect(card.known).toBe(false);
    expect(card.heading).toBe('Nghị định số 63/2022/NĐ-CP');
    expect(card.facts).toContainEqual(['Ngày ban hành', '12/09/2022']);
    expect(card.facts).toContainEqual(['Cơ quan ban hành', 'Chính phủ']);
    expect(card.facts.find(([k]) => k === 'Trích yếu')?.[1]).toMatch(/^quy định chức năng/u);
  });

  it('adds what was learned while reading: status, effective date, signer, source', () => {
    const card = a.citations[1].card;
    expect(card.known).toBe(true);
    expect(card.status).toBe('Còn hiệu lực');
    expect(card.heading).toBe('Bộ luật số 101/2015/QH13');
    expect(card.facts).toEqual(
      expect.arrayContaining([
        ['Ngày ban hành', '27/11/2015'],
        ['Cơ quan ban hành', 'Quốc hội'],
        ['Ngày có hiệu lực', '01/01/2018'],
        ['Người ký', 'Chủ tịch Quốc hội Nguyễn Sinh Hùng'],
        ['Nguồn', LEARNED.url],
      ]),
    );
  });

  it('marks each pinpoint chain: right ones ok with their target, wrong ones broken with the reason', () => {
    const refs = a.references.map((r) => [text(r), r.status, r.targets.map((t) => t.id)]);
    expect(refs).toEqual([
      ['khoản 2 Điều này', 'ok', ['body/dieu_1/khoan_2']],
      ['khoản 1 Điều 1', 'ok', ['body/dieu_1/khoan_1']],
      ['khoản 7 Điều 1', 'broken', []],
    ].map(([t, s, ids]) => [t, s, (ids as string[]).map((id) => expect.stringMatching(new RegExp(`${id.split('/').slice(-2).join('/')}$`, 'u')))]));
    const ok = a.references[0];
    expect(ok.targets[0].label).toBe('khoản 2 Điều 1');
    // The page cuts the card's first lines out of its own text at the target's range.
    expect(unitPreview(PAGE, ok.targets[0])).toBe('2. Nội dung khác.');
    expect(a.references[2].message).toMatch(/khoản 7/u);
  });

  it('lists the reference and citation findings, and nothing about the page’s layout', () => {
    const codes = a.findings.map((f) => f.code);
    expect(codes).toContain('reference/unresolved');
    expect(codes).toContain('citation/format');
    expect(codes.every((c) => c.startsWith('reference/') || c.startsWith('citation/'))).toBe(true);
  });

  it('speaks English when asked', () => {
    const en = analyzePage(PAGE, { lang: 'en' });
    expect(en.citations[0].card.facts).toContainEqual(['Issued', '12/09/2022']);
    expect(en.findings.find((f) => f.code === 'reference/unresolved')?.message).toMatch(/has no khoản 7/u);
  });
});
