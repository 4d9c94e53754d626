/**
 * Does a plain-text (.txt, .md) file look like a Vietnamese administrative
 * document? Decides whether the extension offers the `vanban` language for
 * it (setting `vanban.plainText.detect`: auto, ask, never). Pure and cheap:
 * only the first lines are read, with the parser's own line patterns.
 */
import { classifyLineStart, type LineStartKind } from '../../language-server/src/core/syntax/patterns.ts';

/** How much of the file is looked at: headers and căn cứ sit at the top. */
export const DETECT_MAX_LINES = 400;
export const DETECT_MAX_CHARS = 64 * 1024;

export type Signal = 'quoc-hieu' | 'tieu-ngu' | 'so-ky-hieu' | 'ngay-thang' | 'ten-loai' | LineStartKind;

export interface Detection {
  looksLikeVanban: boolean;
  /** What was found, in order of first appearance (for the "why" in the prompt and for tests). */
  signals: Signal[];
}

// The full Quốc hiệu anywhere on a line (old texts run the header into one line); its halves alone on a line.
const QUOC_HIEU = /CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|^CỘNG H(?:ÒA|OÀ) XÃ HỘI$|^CHỦ NGHĨA VIỆT NAM$/u;
const TIEU_NGU = /^Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc$/u;
const SO_KY_HIEU = /^Số\s*:\s*[\d.…\s]*\/[\p{L}\d&/-]+/u;
const NGAY_THANG = /,\s*ngày\s+[\d.…]+\s+tháng\s+[\d.…]+\s+năm\s+[\d.…]+/u;
const TEN_LOAI = /^(?:QUYẾT ĐỊNH|NGHỊ ĐỊNH|NGHỊ QUYẾT|THÔNG TƯ|LUẬT|CHỈ THỊ|KẾ HOẠCH|TỜ TRÌNH|BÁO CÁO|THÔNG BÁO|HƯỚNG DẪN|QUY CHẾ|QUY ĐỊNH|CÔNG ĐIỆN|BIÊN BẢN)$/u;

/** The structural signals that count toward a document without its header (a text copied from a portal). */
const BODY_SIGNALS = new Set<Signal>(['can-cu', 'enactment', 'dieu', 'noi-nhan', 'signature', 'chuong', 'de-nghi']);

/** Markdown decoration a converted document may carry: "# ", "**Điều 1.**", "> ". */
function stripMarkdown(line: string): string {
  return line
    .replace(/^(?:#{1,6}\s+|>\s*)+/u, '')
    .replace(/\*\*|__/gu, '')
    .replace(/^[*_]([^*_]+)[*_]$/u, '$1')
    .trim();
}

export function detectVanban(text: string): Detection {
  const signals: Signal[] = [];
  const add = (s: Signal) => {
    if (!signals.includes(s)) signals.push(s);
  };
  const head = text.slice(0, DETECT_MAX_CHARS).normalize('NFC');
  const lines = head.split(/\r?\n/u, DETECT_MAX_LINES);
  for (const raw of lines) {
    const line = stripMarkdown(raw.replace(/\u00a0/gu, ' '));
    if (!line) continue;
    if (QUOC_HIEU.test(line)) add('quoc-hieu');
    else if (TIEU_NGU.test(line)) add('tieu-ngu');
    else if (TEN_LOAI.test(line)) add('ten-loai');
    if (SO_KY_HIEU.test(line)) add('so-ky-hieu');
    if (NGAY_THANG.test(line)) add('ngay-thang');
    const start = classifyLineStart(line);
    if (start && !start.weak && BODY_SIGNALS.has(start.kind)) add(start.kind);
  }
  const national = signals.includes('quoc-hieu') || signals.includes('tieu-ngu');
  const header = ['so-ky-hieu', 'ngay-thang', 'ten-loai'].filter((s) => signals.includes(s as Signal)).length;
  const body = signals.filter((s) => BODY_SIGNALS.has(s)).length;
  // The national motto plus anything else of a header or body; or, without it,
  // a document-like header (số + date) with a body, or three kinds of body line.
  const looksLikeVanban = (national && header + body >= 1) || (header >= 2 && body >= 1) || body >= 3;
  return { looksLikeVanban, signals };
}

export type DetectMode = 'auto' | 'ask' | 'never';

/** The `vanban.plainText.detect` setting; anything unknown means "ask". */
export function detectMode(value: unknown): DetectMode {
  return value === 'auto' || value === 'never' ? value : 'ask';
}
