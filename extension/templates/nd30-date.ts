/**
 * Dates as Nghị định 30/2020/NĐ-CP (Phụ lục I, Mục II.4) wants them on the
 * "địa danh, ngày … tháng … năm …" line: a day below 10 and the months 1 and 2
 * take a leading zero, nothing else does — "ngày 05 tháng 01 năm 2026",
 * "ngày 15 tháng 3 năm 2026". Snippet date variables ($CURRENT_MONTH) pad
 * every month, hence this code.
 */

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** The calendar date of `date` in the local time zone of the machine. */
export function calendarDate(date: Date): CalendarDate {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** "ngày 05 tháng 01 năm 2026" */
export function nd30Date({ year, month, day }: CalendarDate): string {
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month < 3 ? `0${month}` : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Hà Nội, ngày 05 tháng 01 năm 2026" */
export function placeAndDate(place: string, date: CalendarDate): string {
  return `${place}, ${nd30Date(date)}`;
}
