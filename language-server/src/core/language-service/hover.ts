/**
 * Hover text (Markdown) from what the checker knows at a place: the rules of
 * the diagnostics there (what the rule asks, whether it fixes itself, a link
 * to its documentation). Internal references and citations add their own
 * sections through the features of their layers.
 */
import type { Diagnostic, Lang } from '../diagnostics/diagnostic.ts';
import { getRule } from '../rules/registry.ts';
import { escapeMarkdown } from '../text/markdown.ts';

const SEVERITY_WORD: Record<string, [string, string]> = {
  error: ['lỗi', 'error'],
  warning: ['cảnh báo', 'warning'],
  info: ['thông tin', 'info'],
  hint: ['gợi ý', 'hint'],
};

/** One paragraph per rule reported at the place. */
export function ruleHelp(diagnostics: readonly Diagnostic[], lang: Lang, docUrl?: (code: string) => string | undefined): string | undefined {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const d of diagnostics) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    const rule = getRule(d.code);
    const sev = SEVERITY_WORD[d.severity]?.[lang === 'en' ? 1 : 0] ?? d.severity;
    const fixable = d.fix ? (lang === 'en' ? ' Fixable automatically.' : ' Sửa tự động được.') : '';
    const url = docUrl?.(d.code);
    const link = url ? ` [${lang === 'en' ? 'Rule documentation' : 'Tài liệu quy tắc'}](${url})` : '';
    const about = rule ? rule.description[lang] : '';
    parts.push(`**${d.code}** (${sev})${about ? ' — ' + escapeMarkdown(about) : ''}${fixable}${link}`);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}
