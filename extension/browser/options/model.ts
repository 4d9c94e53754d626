/**
 * What the options page shows and changes, as plain functions over the
 * settings (the page itself only draws them): rule severities, message
 * language, the sites the content script runs on, what it marks, and rules
 * taken from a project's `.vanbanrc.json`.
 */
import { parseConfig } from '../../../language-server/src/core/config/config.ts';
import type { Severity } from '../../../language-server/src/core/diagnostics/diagnostic.ts';
import { RULES } from '../../../language-server/src/core/rules/registry.ts';
import type { Settings } from '../lib/settings.ts';
import { PORTALS } from '../lib/sites.ts';

export type RuleChoice = 'default' | Severity | 'off';
export const RULE_CHOICES: readonly RuleChoice[] = ['default', 'error', 'warning', 'info', 'hint', 'off'];

export const CHOICE_LABEL: Record<RuleChoice, { vi: string; en: string }> = {
  default: { vi: 'Mặc định', en: 'Default' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
  hint: { vi: 'Gợi ý', en: 'Hint' },
  off: { vi: 'Tắt', en: 'Off' },
};

export interface RuleRow {
  code: string;
  /** The area ("numbering" of "numbering/dieu"), for grouping. */
  area: string;
  description: string;
  defaultSeverity: Severity;
  choice: RuleChoice;
}

/** Every rule the checker has, with the user's choice for it. */
export function ruleRows(settings: Settings): RuleRow[] {
  return RULES.map((r) => ({
    code: r.code,
    area: r.code.split('/')[0],
    description: r.description[settings.lang],
    defaultSeverity: r.severity,
    choice: settings.rules[r.code] ?? 'default',
  }));
}

export function withRuleChoice(settings: Settings, code: string, choice: RuleChoice): Settings {
  const rules = { ...settings.rules };
  if (choice === 'default') delete rules[code];
  else rules[code] = choice;
  return { ...settings, rules };
}

/**
 * Takes the rules (and language) of a `.vanbanrc.json`: what validates
 * replaces the current choices for those codes; the message says what did
 * not (the file's own config/invalid message).
 */
export function importVanbanrc(settings: Settings, text: string, fileName: string): { settings: Settings; imported: number; problem?: string } {
  const known = new Set(RULES.map((r) => r.code));
  const { config, diagnostics } = parseConfig(text, fileName, { lang: settings.lang, knownCodes: known });
  const next: Settings = { ...settings, rules: { ...settings.rules, ...config.rules } };
  if (config.lang) next.lang = config.lang;
  return { settings: next, imported: Object.keys(config.rules).length, problem: diagnostics[0]?.message };
}

/** The rule choices as a `.vanbanrc.json` (the same file the CLI and the editors read). */
export function exportVanbanrc(settings: Settings): string {
  return `${JSON.stringify({ rules: settings.rules, lang: settings.lang }, null, 2)}\n`;
}

export interface SiteRow {
  host: string;
  name: string;
  enabled: boolean;
}

/** The portals, then any other host the user switched off. */
export function siteRows(settings: Settings): SiteRow[] {
  const rows: SiteRow[] = [];
  for (const p of PORTALS) for (const host of p.hosts) rows.push({ host, name: p.id === 'gov' ? host : p.name, enabled: !settings.disabledSites.includes(host) });
  for (const host of settings.disabledSites) if (!rows.some((r) => r.host === host)) rows.push({ host, name: host, enabled: false });
  return rows;
}
