/**
 * The signature block (thẩm quyền ký, ND30 Phụ lục I II.7): an optional
 * "KT."/"TM."/"Q."/"TL."/"TUQ." (or the old "K/T"), title lines in capitals,
 * then the signer's name. Sources may flatten it onto one line, even into the
 * "Lưu:" line before it or the attached document's title after it
 * ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH …"), so it is read word
 * by word from a span of the normalised text and reports where it ends.
 */
import type { HeaderField, SignatureInfo } from './tree.ts';
import { fold } from './header.ts';

export interface SignatureParse {
  info: SignatureInfo;
  start: number;
  end: number;
}

const PREFIX = /^(?:KT|TM|TL|TUQ|Q|K\/T|T\/M|Q\/)\.?$/u;
/** "KT.BỘ" — a prefix glued to the title's first word. */
const GLUED_PREFIX = /^(?:KT|TM|TL|TUQ|Q|K\/T|T\/M)\.(?=\p{Lu})/u;
const CAPS_WORD = /^[^\p{Ll}\p{Lu}]*\p{Lu}[^\p{Ll}]*$/u; // the first capital splits the word: linear
const NAME_WORD = /^\p{Lu}[\p{Ll}]+$|^\p{Lu}$/u;
const SIGNED = /^\(?(?:Đã|đã)$|^ký\)?$|^\[$|^\($|^\)$|^\(Đã ký\)$/u;
/** Title heads that begin a new title line when a source flattened the block. */
const TITLE_SPLIT = new Set(['PHÓ', 'THỨ', 'CHÁNH', 'TỔNG', 'CHỦ']);
const SENTENCE_TITLE = /^(?:Phó\s+)?(?:Chủ tịch|Bộ trưởng|Thủ tướng|Chánh án|Viện trưởng|Giám đốc|Thứ trưởng|Tổng Kiểm toán|Chủ nhiệm)(?![\p{L}\d])[^\n]*/u;

/**
 * Reads a signature starting at `from` (which must be at a prefix or a
 * capitals title). Returns undefined when the words there do not form one.
 */
export function parseSignature(text: string, from: number, to: number): SignatureParse | undefined {
  const words: { s: number; e: number; w: string; nl: boolean }[] = [];
  const re = /\S+/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let prev = from;
  while ((m = re.exec(text)) && m.index < to) {
    words.push({ s: m.index, e: m.index + m[0].length, w: m[0], nl: text.slice(prev, m.index).includes('\n') });
    prev = m.index + m[0].length;
    if (words.length > 40) break;
  }
  if (!words.length) return undefined;

  const titles: HeaderField[] = [];
  let prefix: HeaderField | undefined;
  let i = 0;
  let cur: { s: number; e: number } | undefined;
  const closeTitle = () => {
    if (cur) titles.push({ text: fold(text.slice(cur.s, cur.e)), range: { start: cur.s, end: cur.e } });
    cur = undefined;
  };

  // A title written in sentence case on its own line ("Chủ tịch Quốc hội").
  const sentence = SENTENCE_TITLE.exec(text.slice(words[0].s, to));
  if (sentence && !PREFIX.test(words[0].w)) {
    const e = words[0].s + sentence[0].trimEnd().length;
    titles.push({ text: fold(text.slice(words[0].s, e)), range: { start: words[0].s, end: e } });
    while (i < words.length && words[i].s < e) i++;
  }

  for (; i < words.length; i++) {
    const { w, s, e, nl } = words[i];
    const glued = GLUED_PREFIX.exec(w);
    if (PREFIX.test(w) || glued) {
      closeTitle();
      const pe = glued ? s + glued[0].length : e;
      if (!prefix) prefix = { text: text.slice(s, pe), range: { start: s, end: pe } };
      cur = { s, e };
      continue;
    }
    if (w === '.' && cur && prefix && cur.e === prefix.range.end) {
      // "KT . BỘ TRƯỞNG": the prefix's dot set apart.
      cur.e = prefix.range.end = e;
      prefix.text = text.slice(prefix.range.start, e);
      continue;
    }
    if (SIGNED.test(w)) {
      closeTitle();
      continue;
    }
    if (CAPS_WORD.test(w) && /\p{Lu}{2}|^\p{Lu}[,.]?$/u.test(w) && !(titles.length && !cur && NAME_WORD.test(w))) {
      // A prefix alone on its line ("KT." ⏎ "BỘ TRƯỞNG") belongs to the title below it.
      const startsNew = cur && !isPrefixOnly(text, cur) && (nl || (TITLE_SPLIT.has(w) && !text.slice(cur.s, cur.e).endsWith(',')));
      if (startsNew) closeTitle();
      if (!cur) cur = { s, e };
      else cur.e = e;
      continue;
    }
    break;
  }
  closeTitle();
  if (!titles.length) return undefined;
  // Drafter's initials before the title ("Trung Anh BỘ TRƯỞNG") are handled by the caller.
  let name: HeaderField | undefined;
  const nameStart = i;
  let j = i;
  // A name is written on one line: "Nguyễn Văn A" ⏎ "Phụ lục" is not a four-word name.
  while (j < words.length && j - nameStart < 5 && NAME_WORD.test(words[j].w) && !(j > nameStart && words[j].nl)) j++;
  if (j - nameStart >= 2) {
    name = { text: fold(text.slice(words[nameStart].s, words[j - 1].e)), range: { start: words[nameStart].s, end: words[j - 1].e } };
  } else {
    j = nameStart;
  }
  const last = name ? name.range.end : titles[titles.length - 1].range.end;
  return { info: { prefix, titles, name }, start: words[0].s, end: last };
}

function isPrefixOnly(text: string, cur: { s: number; e: number }): boolean {
  const t = text.slice(cur.s, cur.e);
  // "KT ." counts as "KT.".
  return PREFIX.test(t.endsWith('.') ? `${t.slice(0, -1).trimEnd()}.` : t);
}

/** Signature heads in capitals ("BỘ TRƯỞNG", "CHỦ TỊCH QUỐC HỘI", "THỦ TƯỚNG"…). */
export const SIGNATURE_HEAD = /^(?:PHÓ\s+)?(?:BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|CHỦ TỊCH|CHÁNH ÁN|VIỆN TRƯỞNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|CHỦ NHIỆM|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN NHÀ NƯỚC|TỔNG THƯ KÝ|HIỆU TRƯỞNG|VỤ TRƯỞNG|KIỂM TOÁN TRƯỞNG)(?![\p{L}])/u;
export const SENTENCE_SIGNATURE_HEAD = SENTENCE_TITLE;
