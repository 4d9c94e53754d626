/**
 * Dates as citations state them: "ngày 12/9/2022", "ngày 12-9-2022",
 * "ngày 12 tháng 9 năm 2022" (wrapped lines included), and the year alone of
 * a law cited by name ("Luật Thanh tra năm 2022"). Pure; never throws.
 */

export interface CitedDate {
  day: number;
  month: number;
  year: number;
  /** "2022-09-12" (as written, even when impossible). */
  iso: string;
  /** False for 31/02, 0/13… */
  valid: boolean;
  form: 'numeric' | 'words';
  /** Offsets of the date (from "ngày") in the text read. */
  start: number;
  end: number;
}

const S = '[ \\t]*(?:\\n[ \\t]*)?';
// A word gap, read one way only (see tokenize.ts GAP).
const W = '[ \\t]+(?:\\n[ \\t]*)?|\\n[ \\t]*';
export const DATE_AT = new RegExp(
  `(?:ngày|Ngày)(?:${W})(\\d{1,2})(?:${S}([/.-])${S}(\\d{1,2})${S}\\2${S}(\\d{4})|(?:${W})tháng(?:${W})(\\d{1,2})(?:${W})năm(?:${W})(\\d{4}))(?![\\d])`,
  'uy',
);

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function validDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
}

/** The date starting exactly at `pos` ("ngày …"), or undefined. */
export function readDateAt(text: string, pos: number): CitedDate | undefined {
  DATE_AT.lastIndex = pos;
  const m = DATE_AT.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[3] ?? m[5]);
  const year = Number(m[4] ?? m[6]);
  return {
    day,
    month,
    year,
    iso: isoDate(year, month, day),
    valid: validDate(year, month, day),
    form: m[3] ? 'numeric' : 'words',
    start: pos,
    end: DATE_AT.lastIndex,
  };
}

/** "12/9/2022", "15/6/2023" alone (a Danh mục cell), or undefined. */
export function parseNumericDate(s: string): { iso: string; valid: boolean } | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(s.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return { iso: isoDate(y, mo, d), valid: validDate(y, mo, d) };
}

/** "2022-09-12" → "12/9/2022" (vi) for messages. */
export function showDate(iso: string, lang: 'vi' | 'en' = 'vi'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return iso;
  if (lang === 'en') return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/** "12 tháng 9 năm 2022" (the form a căn cứ line uses, ND30 Phụ lục I II.4 with leading zeros). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return iso;
  const month = Number(m[2]);
  return `${m[3]} tháng ${month <= 2 ? m[2] : month} năm ${m[1]}`;
}
