import { describe, it } from 'vitest';
import { KE_HOACH, QD } from '../helpers/documents.ts';
import { runCase, type RuleCase } from '../helpers/rules.ts';

describe('chu-ky/tham-quyen', () => {
  const cases: RuleCase[] = [
    { name: 'KT. BỘ TRƯỞNG / THỨ TRƯỞNG', text: QD, vi: [] },
    { name: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH', text: KE_HOACH, vi: [] },
    { name: 'the head signs directly', text: QD.replace('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG', 'BỘ TRƯỞNG'), vi: [] },
    {
      name: 'old "K/T" → "KT."',
      text: QD.replace('KT. BỘ TRƯỞNG', 'K/T BỘ TRƯỞNG'),
      vi: ['“K/T” là cách viết cũ: viết “KT.”'],
      en: ['“K/T” is the old form'],
      fixed: QD.replace('KT. BỘ TRƯỞNG', 'KT. BỘ TRƯỞNG'),
    },
    { name: '"KT" without its full stop', text: QD.replace('KT. BỘ TRƯỞNG', 'KT BỘ TRƯỞNG'), vi: ['Thiếu dấu chấm sau “KT”'], fixed: QD },
    { name: '"KT." alone on its line above the title', text: QD.replace('KT. BỘ TRƯỞNG', 'KT.\nBỘ TRƯỞNG'), vi: [] },
    { name: '"KT . BỘ TRƯỞNG" (a space before the full stop)', text: QD.replace('KT. BỘ TRƯỞNG', 'KT . BỘ TRƯỞNG'), vi: ['Viết “KT.” liền, rồi một dấu cách trước chức vụ'], en: ['Write “KT.” with no space before the full stop'], fixed: QD },
    { name: '"KT.BỘ TRƯỞNG" (no space after the full stop)', text: QD.replace('KT. BỘ TRƯỞNG', 'KT.BỘ TRƯỞNG'), vi: ['Viết “KT.” liền, rồi một dấu cách trước chức vụ'], fixed: QD },
    {
      name: 'KT. followed by the head’s own title',
      text: QD.replace('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG', 'KT. BỘ TRƯỞNG\nCHÁNH VĂN PHÒNG'),
      vi: ['“KT. BỘ TRƯỞNG” (ký thay) phải có chức vụ cấp phó ở dòng dưới (THỨ TRƯỞNG, PHÓ …), không phải “CHÁNH VĂN PHÒNG”'],
      en: ['needs a deputy title'],
    },
    {
      name: 'TM. before a person’s title',
      text: QD.replace('KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG', 'TM. BỘ TRƯỞNG\nTHỨ TRƯỞNG'),
      vi: ['“TM.” (thay mặt) đứng trước tên tập thể'],
      en: ['goes before a collective body'],
    },
  ];
  it.each(cases)('$name', (c) => runCase('chu-ky/tham-quyen', c));
});
