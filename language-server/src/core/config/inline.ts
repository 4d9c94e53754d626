/**
 * Inline control comments (../shared/spec/rules.md "Inline control"), each on
 * a line of its own:
 *
 *   <!-- vanban-disable CODE[, CODE] -->        off from the next line on
 *   <!-- vanban-enable CODE[, CODE] -->         on again from the next line
 *   <!-- vanban-disable-next-line CODE -->      off for the next line only
 *   // vanban-disable …                         the same, as a line comment
 *
 * No CODE means every rule. A diagnostic is dropped when the line it starts on
 * is switched off for its code.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { scannedDirectiveMarkers } from '../rules/text-scan.ts';
import type { SourceText } from '../text/normalize.ts';
import { createLineIndex } from '../text/positions.ts';

const DIRECTIVE = /^[ \t]*(?:<!--[ \t]*(vanban-(?:disable-next-line|disable|enable))\b([^\n]*?)-->|\/\/[ \t]*(vanban-(?:disable-next-line|disable|enable))\b([^\n]*))[ \t]*$/u;

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty: all rules. */
  codes: string[];
  line: number;
}

/**
 * Whether the text may hold a directive at all: every one says "vanban-disable" or "vanban-enable".
 * The longer needle lets the native search skip ahead ("vanban-" alone was a slow pass over a law).
 */
const MAY_HAVE_DIRECTIVE = /vanban-(?:dis|en)able/u;

export function findDirectives(text: string): Directive[] {
  // Every directive line holds "<!--" or "//": searches for a first unit that is rare in prose ("<", "/"),
  // ≈ 5× faster than one for "vanban" over a law without any (the usual case). Then "vanban", a plain
  // character scan ≈ 2× faster than the regex, and the regex confirms.
  if (!text.includes('<!--') && !text.includes('//')) return [];
  if (!text.includes('vanban') || !MAY_HAVE_DIRECTIVE.test(text)) return [];
  const starts = createLineIndex(text).lineStarts;
  const out: Directive[] = [];
  for (let l = 0; l < starts.length; l++) {
    const end = l + 1 < starts.length ? starts[l + 1] : text.length;
    const line = text.slice(starts[l], end).replace(/\r?\n$|\r$/u, '');
    if (!line.includes('vanban-')) continue;
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const kind = (m[1] ?? m[3]).slice('vanban-'.length) as Directive['kind'];
    const codes = (m[2] ?? m[4] ?? '')
      .split(/[,\s]+/u)
      .map((c) => c.trim())
      .filter((c) => c.length > 0);
    out.push({ kind, codes, line: l });
  }
  return out;
}

/**
 * Drops the diagnostics the comments switch off. `source`, the parse of `text`: when the text rules'
 * pass already read it and saw neither "<!--" nor "//", the search below is skipped (it reads the whole
 * text once more, ≈ 0.15 ms of a law's check, mostly cache misses at the end of the check).
 */
export function applyDirectives(text: string, diagnostics: Diagnostic[], source?: SourceText): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  if (source && source.original === text && scannedDirectiveMarkers(source) === false) return diagnostics;
  const directives = findDirectives(text);
  if (directives.length === 0) return diagnostics;
  const lines = createLineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const suppressed = (d: Diagnostic): boolean => {
    const line = lineOf(d.range.start);
    // Walk the directives above the line in order: "disable" (all) then "enable X"
    // leaves X on and the rest off; a directive without codes resets every code.
    let all = false;
    const perCode = new Map<string, boolean>();
    for (const dir of directives) {
      if (dir.line >= line) break;
      if (dir.kind === 'disable-next-line') {
        if (dir.line === line - 1 && (dir.codes.length === 0 || dir.codes.includes(d.code))) return true;
        continue;
      }
      const off = dir.kind === 'disable';
      if (dir.codes.length === 0) {
        all = off;
        perCode.clear();
      } else {
        for (const c of dir.codes) perCode.set(c, off);
      }
    }
    return perCode.get(d.code) ?? all;
  };
  return diagnostics.filter((d) => !suppressed(d));
}
