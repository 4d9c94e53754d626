/**
 * Laws cited by name without a number ("Luật Tổ chức Chính phủ ngày 19 tháng 6
 * năm 2015", "Bộ luật Hình sự"): the name's canonical form, which law of a name
 * a citation means (date, year, the only one, the one in force), and the hover
 * saying which when the citation does not.
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../language-server/src/core/citations/index.ts';
import { hoverCitation } from '../../language-server/src/core/citations/hover.ts';
import { lawNameKey, pickLaw } from '../../language-server/src/core/registry/laws.ts';
import { createRegistry, layerFromData, type EntryData } from '../../language-server/src/core/registry/index.ts';
import { lookupInDocument } from '../../language-server/src/core/rules/citation-registry.ts';
import { parseDocument } from '../../language-server/src/core/syntax/parse.ts';

describe('the canonical form of a law name', () => {
  it.each([
    ['Luật', 'Tổ chức Chính phủ', 'luat to chuc chinh phu'],
    ['Luật', 'TỔ CHỨC CHÍNH PHỦ', 'luat to chuc chinh phu'],
    ['Luật', 'Luật Tổ chức Chính phủ', 'luat to chuc chinh phu'],
    ['Luật', 'Tổ chức Chính phủ'.normalize('NFD'), 'luat to chuc chinh phu'],
    ['Luật', 'An tòan, vệ sinh lao động', 'luat an toan ve sinh lao dong'],
    ['Luật', 'An toàn, vệ sinh lao động', 'luat an toan ve sinh lao dong'],
    ['Bộ luật', 'Hình sự __', 'bo luat hinh su'],
    ['Bộ luật', 'Hàng hải Việt Nam', 'bo luat hang hai'],
    ['Hiến pháp', 'nước Cộng hòa xã hội chủ nghĩa Việt Nam', 'hien phap'],
    ['Luật', 'Đất đai', 'luat dat dai'],
    ['Pháp lệnh', 'Ưu đãi người có công', 'phap lenh uu dai nguoi co cong'],
  ])('%s %s → %s', (type, name, key) => expect(lawNameKey(type, name)).toBe(key));
});

const law = (e: Partial<EntryData>): EntryData => ({ type: 'Luật', ...e });

describe('which law of a name a citation means', () => {
  const dn2005 = law({ number: '60/2005/QH11', title: 'Doanh nghiệp', dateIssued: '2005-11-29', status: 'het-hieu-luc-toan-bo' });
  const dn2014 = law({ number: '68/2014/QH13', title: 'Doanh nghiệp', dateIssued: '2014-11-26', status: 'het-hieu-luc-toan-bo' });
  const dn2020 = law({ number: '59/2020/QH14', title: 'Doanh nghiệp', dateIssued: '2020-06-17' });
  const dnByName2014 = law({ name: 'Luật Doanh nghiệp', dateIssued: '2014-11-26' });
  const dd2013 = law({ number: '45/2013/QH13', title: 'Đất đai', dateIssued: '2013-11-29' });
  const dd2024 = law({ number: '31/2024/QH15', title: 'Đất đai', dateIssued: '2024-01-18' });
  const byNameOnly = law({ name: 'Luật Ngân sách nhà nước', dateIssued: '2015-06-25' });

  it.each<[string, EntryData[], string | undefined, number | undefined, string | undefined, string | undefined, string | undefined]>([
    // name, candidates, cited date, cited year, the citing document's date → expected number/name, how
    ['the date picks one', [dn2005, dn2014, dn2020], '2014-11-26', undefined, undefined, '68/2014/QH13', 'date'],
    ['a date of no law of that name falls to its year', [dn2005, dn2014, dn2020], '2014-11-20', undefined, undefined, '68/2014/QH13', 'year'],
    ['"năm 2020" picks that year', [dn2005, dn2014, dn2020], undefined, 2020, undefined, '59/2020/QH14', 'year'],
    ['a year no law of that name has: none, not another year', [dn2005, dn2014, dn2020], undefined, 2000, undefined, undefined, undefined],
    ['a name-only entry of a numbered law\'s year is that law', [dn2014, dnByName2014, dn2020], '2014-11-26', undefined, undefined, '68/2014/QH13', 'date'],
    ['no date: the one in force (the others are known to be out of force)', [dn2005, dn2014, dn2020], undefined, undefined, undefined, '59/2020/QH14', 'in-force'],
    ['no date in a 2019 document: the law of 2020 did not exist, the 2014 one is the only earlier one in force then', [dn2014, dn2020], undefined, undefined, '2019-04-05', '68/2014/QH13', 'only'],
    ['no date, two laws whose status is unknown: ambiguous', [dd2013, dd2024], undefined, undefined, undefined, undefined, undefined],
    ['no date, one law of that name', [byNameOnly], undefined, undefined, undefined, 'Luật Ngân sách nhà nước', 'only'],
    ['no date, one law of that name, issued after the citing document: none', [byNameOnly], undefined, undefined, '2010-01-01', undefined, undefined],
  ])('%s', (_name, candidates, date, year, asOf, expected, by) => {
    const r = pickLaw(candidates, date, year, asOf);
    expect(r ? (r.entry.number ?? r.entry.name) : undefined).toBe(expected);
    expect(r?.by).toBe(by);
  });
});

describe('laws by name through the registry', () => {
  const reg = createRegistry([layerFromData({
    format: 'vanban-registry',
    version: 1,
    entries: [
      { number: '68/2014/QH13', type: 'Luật', title: 'Doanh nghiệp', dateIssued: '2014-11-26', status: 'het-hieu-luc-toan-bo', statusDate: '2021-01-01' },
      { number: '59/2020/QH14', type: 'Luật', title: 'DOANH NGHIỆP', dateIssued: '2020-06-17', relations: [{ kind: 'replaces', number: '68/2014/QH13' }] },
      { number: '45/2013/QH13', type: 'Luật', title: 'Đất đai', dateIssued: '2013-11-29' },
      { number: '31/2024/QH15', type: 'Luật', title: 'Đất đai', dateIssued: '2024-01-18' },
      // A consolidated text carries the law's name and is not the law.
      { number: '07/VBHN-VPQH', type: 'Luật', title: 'Doanh nghiệp', dateIssued: '2022-01-25' },
      { number: '100/2015/QH13', type: 'Bộ luật', title: 'Hình sự __', dateIssued: '2015-11-27' },
      { name: 'Bộ luật Hàng hải Việt Nam', type: 'Bộ luật', dateIssued: '2015-11-25' },
    ],
  }, 'laws.json')]);
  const resolve = (text: string) => {
    const parse = parseDocument(text);
    const cits = findCitations(parse);
    return lookupInDocument(reg, cits[cits.length - 1], cits, '2025-06-01');
  };

  it.each([
    ['Căn cứ Luật Doanh nghiệp ngày 26 tháng 11 năm 2014;', '68/2014/QH13'],
    ['Căn cứ Luật Doanh nghiệp năm 2020;', '59/2020/QH14'],
    ['theo quy định của Luật Doanh nghiệp.', '59/2020/QH14'],
    ['theo quy định của Bộ luật Hình sự.', '100/2015/QH13'],
    ['Căn cứ Bộ luật Hàng hải năm 2015;', 'Bộ luật Hàng hải Việt Nam'],
    ['Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;', '31/2024/QH15'],
    // Two laws of that name, neither known to be out of force: the name alone cannot tell.
    ['theo quy định của Luật Đất đai.', undefined],
    // …but the same document citing it with its date earlier can.
    ['Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\ntheo quy định của Luật Đất đai.', '31/2024/QH15'],
    // The same date twice is one law; two dates leave the name alone to tell (it cannot); another name lends nothing.
    ['Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nLuật Đất đai ngày 18 tháng 01 năm 2024 và Luật Doanh nghiệp; theo Luật Đất đai.', '31/2024/QH15'],
    ['Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nLuật Đất đai ngày 29 tháng 11 năm 2013; theo Luật Đất đai.', undefined],
    ['Căn cứ Luật Doanh nghiệp ngày 26 tháng 11 năm 2014;\ntheo quy định của Luật Đất đai.', undefined],
  ])('%s → %s', (text, expected) => {
    const e = resolve(text);
    expect(e ? (e.number ?? e.name) : undefined).toBe(expected);
  });

  it('the hover says why a law cited without its date is that one', () => {
    const text = 'Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\nthực hiện theo quy định của Luật Doanh nghiệp.';
    const h = hoverCitation(parseDocument(text), text.indexOf('Doanh nghiệp'), { registry: reg })!;
    expect(h.entry?.number).toBe('59/2020/QH14');
    expect(h.markdown).toContain('văn bản duy nhất chưa hết hiệu lực');
    const en = hoverCitation(parseDocument(text), text.indexOf('Doanh nghiệp'), { registry: reg, lang: 'en' })!;
    expect(en.markdown).toContain('the only one not known to be out of force');
    // A dated citation needs no such line.
    const dated = hoverCitation(parseDocument(text), text.indexOf('Đất đai'), { registry: reg })!;
    expect(dated.entry?.number).toBe('31/2024/QH15');
    expect(dated.markdown).not.toContain('Trích dẫn không ghi ngày');
  });
});
