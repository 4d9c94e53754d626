/**
 * Rule area "chu-ky": the signing authority (ND30 Phụ lục I II.7.b, Điều 13):
 * "KT." (ký thay, a deputy signs for the head) must be followed by a deputy's
 * title (THỨ TRƯỞNG, PHÓ …); "TM." (thay mặt) names a collective body
 * (CHÍNH PHỦ, ỦY BAN NHÂN DÂN, HỘI ĐỒNG …), not a person's title; the old
 * "K/T" is written "KT." today.
 */
import type { HeaderField } from '../syntax/tree.ts';
import { defineRule, type AnyRule } from './rule.ts';
import { ruleNodes } from './rule-nodes.ts';
import { lazy } from '../lazy.ts';

const PREFIX = /^(K\/T|KT|TM|TL|TUQ|Q)([ \t]*\.|(?=\s))\s*/u;
const DEPUTY = /^(?:PHÓ|THỨ TRƯỞNG)(?![\p{L}])/u;
/** Titles of a single person: wrong after "TM.". */
const INDIVIDUAL = lazy(() => /^(?:BỘ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH ÁN|VIỆN TRƯỞNG|CHÁNH VĂN PHÒNG|HIỆU TRƯỞNG|THỐNG ĐỐC|CHỦ NHIỆM|TRƯỞNG BAN|THỦ TRƯỞNG|TỔNG KIỂM TOÁN|TỔNG THƯ KÝ|PHÓ [\p{Lu} ]+|THỨ TRƯỞNG)(?![\p{L}])/u);

export interface ThamQuyenArgs {
  problem: 'old-kt' | 'no-dot' | 'spacing' | 'kt-deputy' | 'tm-collective';
  prefix: string;
  title: string;
  next?: string;
}

export const thamQuyen = defineRule<ThamQuyenArgs>({
  code: 'chu-ky/tham-quyen',
  severity: 'warning',
  description: {
    vi: 'Dùng sai KT./TM./Q./TL./TUQ.: “KT.” không có chức vụ cấp phó đi sau, “TM.” không đứng trước tên tập thể, dạng cũ “K/T”',
    en: 'KT./TM./Q./TL./TUQ. misused: “KT.” not followed by a deputy title, “TM.” not followed by a collective body, the old “K/T”',
  },
  message: {
    vi: (a) =>
      ({
        'old-kt': `“K/T” là cách viết cũ: viết “KT.” (ký thay) — “${a.title}”`,
        'no-dot': `Thiếu dấu chấm sau “${a.prefix}”: viết “${a.prefix}.” — “${a.title}”`,
        spacing: `Viết “${a.prefix}.” liền, rồi một dấu cách trước chức vụ — “${a.title}”`,
        'kt-deputy': a.next
          ? `“${a.title}” (ký thay) phải có chức vụ cấp phó ở dòng dưới (THỨ TRƯỞNG, PHÓ …), không phải “${a.next}”`
          : `“${a.title}” (ký thay) thiếu chức vụ cấp phó của người ký ở dòng dưới (THỨ TRƯỞNG, PHÓ …)`,
        'tm-collective': `“TM.” (thay mặt) đứng trước tên tập thể (CHÍNH PHỦ, ỦY BAN NHÂN DÂN, HỘI ĐỒNG …), không phải chức vụ cá nhân: “${a.title}”`,
      })[a.problem],
    en: (a) =>
      ({
        'old-kt': `“K/T” is the old form: write “KT.” (signing for) — “${a.title}”`,
        'no-dot': `Missing full stop after “${a.prefix}”: write “${a.prefix}.” — “${a.title}”`,
        spacing: `Write “${a.prefix}.” with no space before the full stop and one space before the title — “${a.title}”`,
        'kt-deputy': a.next
          ? `“${a.title}” (signing for the head) needs a deputy title on the next line (THỨ TRƯỞNG, PHÓ …), not “${a.next}”`
          : `“${a.title}” (signing for the head) lacks the deputy title of the signer on the next line (THỨ TRƯỞNG, PHÓ …)`,
        'tm-collective': `“TM.” (on behalf of) goes before a collective body (CHÍNH PHỦ, ỦY BAN NHÂN DÂN, HỘI ĐỒNG …), not a person’s title: “${a.title}”`,
      })[a.problem],
  },
  fixTitle: {
    vi: (a) => (a.problem === 'old-kt' ? 'Thay “K/T” bằng “KT.”' : `Viết “${a.prefix}.”`),
    en: (a) => (a.problem === 'old-kt' ? 'Replace “K/T” with “KT.”' : `Write “${a.prefix}.”`),
  },
  check(ctx, report) {
    for (const node of ruleNodes(ctx.tree).chuKy) {
      if (!node.signature) continue;
      const titles: HeaderField[] = node.signature.titles;
      titles.forEach((t, i) => {
        // Match on the parser's (normalised) text; the prefix letters are ASCII, so offsets from the start agree.
        const text = t.text;
        const m = PREFIX.exec(text);
        if (!m) return;
        const prefix = m[1];
        const rest = text.slice(m[0].length).replace(/\s+/gu, ' ').trim();
        // "KT BỘ TRƯỞNG" only counts as a prefix when a title follows it.
        if (!m[2] && prefix !== 'K/T' && !/^\p{Lu}{2,}/u.test(rest)) return;
        if (!m[2] && rest === '') return;
        if (rest === '' && !titles[i + 1]) return;
        const title = t.text;
        if (prefix === 'K/T') {
          const old = { start: t.range.start, end: t.range.start + 3 + m[2].length };
          report({ range: old, args: { problem: 'old-kt', prefix, title }, edits: [{ range: old, newText: 'KT.' }] });
        } else if (!m[2]) {
          const at = t.range.start + prefix.length;
          report({ range: { start: t.range.start, end: at }, args: { problem: 'no-dot', prefix, title }, edits: [{ range: { start: at, end: at }, newText: '.' }] });
        } else if ((m[2] !== '.' || m[0] === m[1] + m[2]) && rest !== '' && ctx.original.startsWith(m[0], t.range.start)) {
          // "KT . BỘ TRƯỞNG", "KT.BỘ TRƯỞNG" (the written text, not the folded title, is what the fix replaces).
          const range = { start: t.range.start, end: t.range.start + m[0].length };
          report({ range, args: { problem: 'spacing', prefix, title }, edits: [{ range, newText: `${prefix}. ` }] });
        }
        if (prefix === 'KT' || prefix === 'K/T') {
          // "TM. CHÍNH PHỦ KT." ⏎ "THỦ TƯỚNG" ⏎ "PHÓ THỦ TƯỚNG": a bare "KT." names the head on the next line.
          const next = titles[i + (rest === '' ? 2 : 1)];
          if (!next) {
            report({ range: t.range, args: { problem: 'kt-deputy', prefix, title } });
          } else if (!DEPUTY.test(next.text.replace(PREFIX, ''))) {
            // Stacked "TL. …" / "KT. …" / "PHÓ …" is legal; a further prefix defers the check to it.
            if (!PREFIX.test(next.text)) report({ range: next.range, args: { problem: 'kt-deputy', prefix, title, next: next.text } });
          }
        }
        if (prefix === 'TM' && INDIVIDUAL().test(rest)) {
          report({ range: t.range, args: { problem: 'tm-collective', prefix, title } });
        }
      });
    }
  },
});

export const chuKyRules: readonly AnyRule[] = [thamQuyen];
