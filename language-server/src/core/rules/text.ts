/**
 * Rule area "text": what is wrong with the characters themselves, before any
 * structure. Add a rule: write it below with `defineRule` and list it in
 * `textRules`.
 */
import type { TextEdit } from '../diagnostics/diagnostic.ts';
import type { NormalizationEvent, NormalizationKind } from '../text/normalize.ts';
import { defineRule, type AnyRule } from './rule.ts';

// ---------------------------------------------------------------------------
// text/unicode
// ---------------------------------------------------------------------------

type UnicodeKind = 'nfd' | 'eth' | 'nbsp' | 'zero-width';

export interface UnicodeArgs {
  kind: UnicodeKind;
  /** Number of characters (NBSP, zero-width) or decomposed letters (NFD) in the run. */
  count: number;
  /** The run, widened to whole words, as it reads after the fix (NFC), for the message. */
  fixed: string;
  /** Code points of the offending characters, "U+200B" style (zero-width). */
  codePoints: string[];
}

const REPORTED: ReadonlySet<NormalizationKind> = new Set<NormalizationKind>(['nfd', 'eth', 'nbsp', 'zero-width']);

/**
 * Two events of the same kind belong to one run when they touch; decomposed
 * letters also when only letters, digits, marks, spaces or tabs lie between
 * them on the same line ("việc thực hiện" typed in NFD is one finding, not
 * three). Punctuation and line breaks end a run. Each "Ð" is its own finding.
 */
const NFD_GAP = /^[\p{L}\p{N}\p{M} \t]*$/u;

function sameRun(original: string, prev: NormalizationEvent, next: NormalizationEvent): boolean {
  if (prev.kind !== next.kind || prev.kind === 'eth') return false;
  if (prev.end === next.start) return true;
  return prev.kind === 'nfd' && next.start - prev.end <= 200 && NFD_GAP.test(original.slice(prev.end, next.start));
}

const quote = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${t.length > 40 ? t.slice(0, 39) + '…' : t}”`;
};

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** `middle` with the rest of the words it cuts into on either side, NFC, for display only. */
function wordsAround(original: string, start: number, end: number, middle: string): string {
  let s = start;
  while (s > 0 && start - s < 30 && WORD_CHAR.test(original[s - 1])) s--;
  let e = end;
  while (e < original.length && e - end < 30 && WORD_CHAR.test(original[e])) e++;
  return (original.slice(s, start) + middle + original.slice(end, e)).normalize('NFC');
}

const hex = (c: number) => 'U+' + c.toString(16).toUpperCase().padStart(4, '0');

export const unicode = defineRule<UnicodeArgs>({
  code: 'text/unicode',
  severity: 'warning',
  description: {
    vi: 'Chữ tổ hợp (NFD), “Ð” thay cho “Đ”, dấu cách không ngắt, ký tự vô hình',
    en: 'Decomposed (NFD) letters, “Ð” used for “Đ”, non-breaking spaces, zero-width characters',
  },
  message: {
    vi: (a) => {
      switch (a.kind) {
        case 'nfd':
          return `Chữ tổ hợp (NFD) ở ${quote(a.fixed)}: nên chuyển sang dạng dựng sẵn (NFC)`;
        case 'eth':
          return 'Ký tự “Ð” (U+00D0, chữ Eth) dùng thay cho “Đ” (U+0110): nên thay bằng “Đ”';
        case 'nbsp':
          return a.count === 1
            ? 'Dấu cách không ngắt (NBSP, U+00A0): nên thay bằng dấu cách thường'
            : `${a.count} dấu cách không ngắt (NBSP, U+00A0) liền nhau: nên thay bằng dấu cách thường`;
        case 'zero-width':
          return a.count === 1
            ? `Ký tự vô hình (độ rộng 0, ${a.codePoints[0]}): nên xoá`
            : `${a.count} ký tự vô hình (độ rộng 0, ${a.codePoints.join(', ')}) liền nhau: nên xoá`;
      }
    },
    en: (a) => {
      switch (a.kind) {
        case 'nfd':
          return `Decomposed letters (NFD) in ${quote(a.fixed)}: convert to precomposed form (NFC)`;
        case 'eth':
          return '“Ð” (U+00D0, Eth) used for “Đ” (U+0110): replace it with “Đ”';
        case 'nbsp':
          return a.count === 1
            ? 'Non-breaking space (U+00A0): replace it with a normal space'
            : `${a.count} non-breaking spaces (U+00A0) in a row: replace them with normal spaces`;
        case 'zero-width':
          return a.count === 1
            ? `Zero-width character (${a.codePoints[0]}): remove it`
            : `${a.count} zero-width characters (${a.codePoints.join(', ')}) in a row: remove them`;
      }
    },
  },
  fixTitle: {
    vi: (a) =>
      ({
        nfd: 'Chuyển sang dạng dựng sẵn (NFC)',
        eth: 'Thay “Ð” bằng “Đ”',
        nbsp: 'Thay bằng dấu cách thường',
        'zero-width': 'Xoá ký tự vô hình',
      })[a.kind],
    en: (a) =>
      ({
        nfd: 'Convert to precomposed form (NFC)',
        eth: 'Replace “Ð” with “Đ”',
        nbsp: 'Replace with a normal space',
        'zero-width': 'Remove the zero-width character',
      })[a.kind],
  },
  check({ original, source }, report) {
    const events = source.events;
    let i = 0;
    while (i < events.length) {
      const first = events[i];
      if (!REPORTED.has(first.kind)) {
        i++;
        continue;
      }
      // Collect the run.
      let j = i + 1;
      while (j < events.length && sameRun(original, events[j - 1], events[j])) j++;
      const run = events.slice(i, j);
      const last = run[run.length - 1];
      // One edit for the run: each event's replacement, the text between copied as is.
      let newText = '';
      let count = 0;
      const codePoints: string[] = [];
      for (let k = 0; k < run.length; k++) {
        const e = run[k];
        if (k > 0) newText += original.slice(run[k - 1].end, e.start);
        newText += e.replacement;
        count += e.kind === 'nfd' ? 1 : e.end - e.start;
        if (e.kind === 'zero-width') {
          const cp = hex(original.charCodeAt(e.start));
          if (!codePoints.includes(cp)) codePoints.push(cp);
        }
      }
      const range = { start: first.start, end: last.end };
      const edit: TextEdit = { range, newText };
      const fixed = first.kind === 'nfd' ? wordsAround(original, range.start, range.end, newText) : newText;
      report({ range, args: { kind: first.kind as UnicodeKind, count, fixed, codePoints }, edits: [edit] });
      i = j;
    }
  },
});

export const textRules: readonly AnyRule[] = [unicode];
