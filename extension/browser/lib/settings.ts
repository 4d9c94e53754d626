/**
 * The extension's settings, as kept in extension storage. Whatever storage
 * holds is read through zod: a value another version wrote, or one somebody
 * edited by hand, never breaks the extension — the parts that are right are
 * kept and the rest falls back to the defaults.
 */
import * as z from 'zod/mini';
import { SEVERITY_VALUES } from '../../../language-server/src/core/config/severity-values.ts';

export const RULE_CODE = /^[a-z-]+\/[a-z0-9-]+$/u;
const HOST = /^[a-z0-9.-]{1,253}$/u;

const LANGS = ['vi', 'en'] as const;

/** zod/mini, built on first use (the content script's first settings read): see lib/messages.ts. */
export const SettingsSchema = z.lazy(() =>
  z.object({
    /** Message language of diagnostics, hover cards and panels. */
    lang: z.enum(LANGS),
    /** Per-rule severity overrides (the `.vanbanrc.json` "rules" shape). */
    rules: z.record(z.string().check(z.regex(RULE_CODE)), z.enum(SEVERITY_VALUES)),
    /** Hosts where the content script does nothing. */
    disabledSites: z.array(z.string().check(z.regex(HOST))).check(z.maxLength(1000)),
    /** What the content script shows. */
    annotate: z.object({
      citations: z.boolean(),
      references: z.boolean(),
      panel: z.boolean(),
    }),
  }),
);

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  lang: 'vi',
  rules: {},
  disabledSites: [],
  annotate: { citations: true, references: true, panel: true },
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function plainObject(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Reads settings from whatever storage held: each field that validates is
 * kept, each that does not falls back to its default and is named in
 * `problems` (key paths such as "rules.text/spacing").
 */
export function readSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };
  const problems: string[] = [];
  const obj = plainObject(raw);
  if (!obj) return { settings: structuredClone(DEFAULT_SETTINGS), problems: raw === undefined || raw === null ? [] : ['(gốc)'] };
  const settings = structuredClone(DEFAULT_SETTINGS);

  // The schema's `lang` (z.enum(LANGS)) accepts exactly these strings.
  if ((LANGS as readonly unknown[]).includes(obj.lang)) settings.lang = obj.lang as Settings['lang'];
  else if (obj.lang !== undefined) problems.push('lang');

  const rules = plainObject(obj.rules);
  if (rules) {
    for (const [code, sev] of Object.entries(rules)) {
      const ok = !FORBIDDEN_KEYS.has(code) && RULE_CODE.test(code) && (SEVERITY_VALUES as readonly unknown[]).includes(sev);
      if (ok) settings.rules[code] = sev as Settings['rules'][string];
      else problems.push(`rules.${code}`);
    }
  } else if (obj.rules !== undefined) problems.push('rules');

  if (Array.isArray(obj.disabledSites)) {
    const hosts = obj.disabledSites.filter((h): h is string => typeof h === 'string' && HOST.test(h)).slice(0, 1000);
    if (hosts.length !== obj.disabledSites.length) problems.push('disabledSites');
    settings.disabledSites = hosts;
  } else if (obj.disabledSites !== undefined) problems.push('disabledSites');

  const annotate = plainObject(obj.annotate);
  if (annotate) {
    for (const k of ['citations', 'references', 'panel'] as const) {
      if (typeof annotate[k] === 'boolean') settings.annotate[k] = annotate[k] as boolean;
      else if (annotate[k] !== undefined) problems.push(`annotate.${k}`);
    }
  } else if (obj.annotate !== undefined) problems.push('annotate');

  for (const k of Object.keys(obj)) if (!(k in DEFAULT_SETTINGS)) problems.push(k);
  return { settings, problems };
}

export function siteEnabled(settings: Settings, host: string): boolean {
  const h = host.toLowerCase();
  return !settings.disabledSites.some((d) => h === d || h.endsWith(`.${d}`));
}

export function withSite(settings: Settings, host: string, enabled: boolean): Settings {
  const h = host.toLowerCase();
  const rest = settings.disabledSites.filter((d) => d !== h);
  return { ...settings, disabledSites: enabled ? rest : [...rest, h] };
}
