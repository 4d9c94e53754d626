/**
 * A rehearsal of typing, run once by a fresh server on a short built-in text.
 *
 * Why: the first keystrokes that take each incremental path in a fresh process
 * pay for what V8 does on a first call — compiling the functions of the path
 * (they are lazily compiled, then interpreted until hot) and the regular
 * expressions it meets first (each is compiled on its first match attempt,
 * once for one-byte and once for two-byte text; a Vietnamese text is two-byte).
 * On the bench's 1 MB document that made the first quiet keystroke cost
 * ≈ 5 ms instead of 1, and the first that broke an issuer's name ("Bộ trưởng"
 * → "Bộ trưởkng", which tries every issuer pattern starting with "Bộ") ≈ 14 ms
 * instead of 2–3, in the language service alone. Typing over a short text that
 * holds the same constructs (units, references, citations with issuers, a
 * table) pays those costs once, where no one waits for them; the answers are
 * thrown away.
 *
 * The text and the edits are fixed: the rehearsal does the same work on every
 * start. It uses its own language service, so the documents the client opened
 * are never touched.
 */
import type { CheckOptions } from '../service.ts';
import type { LanguageService } from '../language-service.ts';

/** A short Thông tư with the constructs the incremental paths read (not checked for being a good document). */
export const REHEARSAL_TEXT = [
  'BỘ NỘI VỤ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 05/2024/TT-BNV',
  'Hà Nội, ngày 10 tháng 4 năm 2024',
  'THÔNG TƯ',
  'Hướng dẫn công tác văn thư, lưu trữ',
  'Căn cứ Luật Lưu trữ số 33/2024/QH15;',
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
  'Theo đề nghị của Vụ trưởng Vụ Pháp chế;',
  'Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn công tác văn thư, lưu trữ.',
  'Chương I',
  'QUY ĐỊNH CHUNG',
  'Điều 1. Phạm vi điều chỉnh',
  '1. Thông tư này hướng dẫn công tác văn thư theo quy định tại Điều 2 và khoản 2 Điều 3.',
  '2. Cơ quan, tổ chức thực hiện theo quy định của Thông tư số 01/2023/TT-BNV ngày 08 tháng 3 năm 2023 của Bộ trưởng Bộ Nội vụ.',
  'Điều 2. Nguyên tắc thực hiện',
  '1. Các bộ, cơ quan ngang bộ có trách nhiệm thực hiện như sau:',
  'a) chủ trì, phối hợp với Ủy ban nhân dân cấp tỉnh theo quy định tại điểm b khoản 1 Điều này;',
  'b) báo cáo định kỳ theo quy định của Quyết định số 28/2018/QĐ-TTg ngày 12 tháng 7 năm 2018 của Thủ tướng Chính phủ;',
  '- Sở Nội vụ tổng hợp, đánh giá kết quả thực hiện hằng năm;',
  '- Ủy ban nhân dân cấp huyện công khai kết quả trên địa bàn.',
  '2. Doanh nghiệp nhà nước bảo đảm kinh phí theo Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ.',
  'Chương II',
  'ĐIỀU KHOẢN THI HÀNH',
  'Điều 3. Hiệu lực thi hành',
  '1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2024.',
  '2. Quyết định số 15/2019/QĐ-UBND ngày 20 tháng 5 năm 2019 của Ủy ban nhân dân tỉnh Nam Định hết hiệu lực kể từ ngày Thông tư này có hiệu lực.',
  'Nơi nhận:',
  '- Thủ tướng Chính phủ;',
  '- Lưu: VT, PC.',
  'BỘ TRƯỞNG',
  'Nguyễn Văn An',
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ',
  '(Kèm theo Thông tư số 05/2024/TT-BNV ngày 10 tháng 4 năm 2024 của Bộ trưởng Bộ Nội vụ)',
  '| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |',
  '|---|---|---|---|',
  '| I | NHIỆM VỤ CHUNG | | |',
  '| 1 | xây dựng kế hoạch về công tác văn thư | Sở Nội vụ | 25/12/2024 |',
  '| 2 | tổng hợp, đánh giá kết quả | các bộ, cơ quan ngang bộ | 12/05/2025 |',
  '',
].join('\n');

/** Letters typed: a plain one, and a two-byte one such as drafters type. */
const TYPED = ['a', 'ư'];

/** Lines of the body a drafter types in: the content of a khoản, điểm or "-" item, and a table's rows. */
const TYPED_LINE = /^(?:\d+\. |[a-zđ]\) |- |\| \d)/u;

/**
 * The places typed at, in the body's content lines (not the list of recipients): a word in the middle of each; on a line that cites a
 * document, every other word from the number on (the number, the date, the issuer's name: breaking a name
 * tries every issuer pattern with the same first word); then a space deleted before each inner cell border of
 * the table's rows. Each edit is undone by the next one, so every edit lands on the text as written.
 */
function* edits(text: string): Generator<string> {
  let typed = 0;
  const typeAt = (at: number) => text.slice(0, at) + TYPED[typed++ % TYPED.length] + text.slice(at);
  let body = true;
  for (let ls = 0, le = 0; ls < text.length; ls = le + 1) {
    le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le);
    if (line === 'Nơi nhận:') body = false;
    if (!TYPED_LINE.test(line) || !(body || line.startsWith('|'))) continue;
    const words = [...line.matchAll(/\p{Ll}{2,}/gu)].map((m) => ls + m.index + 1);
    const cited = line.search(/ số \d/u);
    const places = cited < 0 ? words.slice(words.length >> 1, (words.length >> 1) + 1) : words.filter((at, i) => at > ls + cited && i % 2 === 0);
    for (const at of places) {
      yield typeAt(at);
      yield text;
    }
  }
  for (const m of text.matchAll(/ \|(?=.)/gu)) {
    yield text.slice(0, m.index) + text.slice(m.index + 1);
    yield text;
  }
}

/**
 * Types over REHEARSAL_TEXT with `service` (a service of its own: it opens one document) and the options the
 * server checks with; one edit and its diagnostics per step. Returns how many answers came from an earlier
 * version (the incremental paths) and how many edits there were.
 */
export function* rehearseTyping(service: LanguageService, checkOptions: CheckOptions): Generator<void, { fast: number; edits: number }, void> {
  // A layout (a .docx's) takes every edit to the full check: the paths rehearsed are those of plain text.
  const options = { ...checkOptions, layout: undefined };
  const uri = 'vanban-rehearsal:typing';
  let version = 1;
  service.diagnostics({ uri, version, text: REHEARSAL_TEXT }, options);
  let fast = 0;
  let count = 0;
  for (const text of edits(REHEARSAL_TEXT)) {
    yield;
    const doc = { uri, version: ++version, text };
    service.diagnostics(doc, options);
    // The line index the server converts the answer with, moved from the version before (text-change.ts).
    void service.analysis(doc).lines;
    count++;
    if (service.analysis(doc).incremental.size > 0) fast++;
  }
  service.forget(uri);
  return { fast, edits: count };
}
