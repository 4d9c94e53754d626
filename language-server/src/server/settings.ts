/**
 * Settings of a document: the client's `vanban.*` settings (pulled with
 * workspace/configuration per document, or pushed with
 * didChangeConfiguration by clients that cannot be asked) merged with the
 * nearest `.vanbanrc.json`. An explicit editor setting wins over the project
 * file, key by key (rule by rule); the project file wins over the defaults.
 * The message language: `vanban.lang` if not "auto", else the project file's
 * "lang", else the locale the client gave in `initialize`, else Vietnamese.
 *
 * Each key is validated on its own (zod): a wrong value is logged and
 * ignored, the other keys still apply.
 */
import { z } from 'zod';
import type { Lang, Severity } from '../core/diagnostics/diagnostic.ts';
import { DOC_TYPES, SEVERITY_VALUES, parseConfig, type VanbanConfig } from '../core/config/config.ts';
import type { Diagnostic } from '../core/diagnostics/diagnostic.ts';
import { RULES } from '../core/rules/registry.ts';
import type { CheckOptions } from '../core/service.ts';
import type { DocType } from '../core/syntax/tree.ts';

export interface ClientSettings {
  lang: 'auto' | Lang;
  rules: Record<string, Severity | 'off'>;
  docType: 'auto' | DocType;
  /** Registry files (paths relative to the workspace folder, or absolute, or file: URIs). */
  registry: string[];
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = { lang: 'auto', rules: {}, docType: 'auto', registry: [], inlayHints: false };

const CODE = /^[a-z-]+\/[a-z-]+$/u;
const KEYS = {
  lang: z.enum(['auto', 'vi', 'en']),
  rules: z.record(z.string().regex(CODE), z.enum(SEVERITY_VALUES)),
  docType: z.enum(['auto', ...DOC_TYPES] as [string, ...string[]]),
  registry: z.array(z.string().min(1).max(4096)).max(100),
  inlayHints: z.union([z.boolean(), z.object({ enabled: z.boolean() }).transform((o) => o.enabled)]),
};

/**
 * Reads the `vanban` section a client sent. Returns the settings and a line
 * per key that was wrong (for the log). Unknown keys are left alone (clients
 * send their own, such as `trace`).
 */
export function readClientSettings(raw: unknown): { settings: ClientSettings; problems: string[] } {
  const settings: ClientSettings = { ...DEFAULT_SETTINGS, rules: {}, registry: [] };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['vanban: expected an object of settings'] };
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
    if (!Object.prototype.hasOwnProperty.call(obj, key) || obj[key] === undefined || obj[key] === null) continue;
    const r = KEYS[key].safeParse(obj[key]);
    if (!r.success) {
      problems.push(`vanban.${key}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
      continue;
    }
    (settings as unknown as Record<string, unknown>)[key] = r.data;
  }
  // A rule code the checker does not know is most likely a typo: say so, keep the rest.
  for (const code of Object.keys(settings.rules)) {
    if (!KNOWN_CODES.has(code)) {
      problems.push(`vanban.rules.${code}: unknown rule code`);
      delete settings.rules[code];
    }
  }
  return { settings, problems };
}

const KNOWN_CODES = new Set<string>([...RULES.map((r) => r.code), 'config/invalid']);

/** The locale of `initialize` ("en-US", "vi") as a message language. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const l = locale.toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('vi')) return 'vi';
  return undefined;
}

export interface ProjectConfig {
  /** The file's uri. */
  uri: string;
  config: VanbanConfig;
  /** Its one config/invalid diagnostic, if it is wrong. */
  diagnostics: Diagnostic[];
}

/** Parses a `.vanbanrc.json` the server read. */
export function readProjectConfig(uri: string, text: string, lang: Lang): ProjectConfig {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)) || uri;
  return { uri, ...parseConfig(text, name, { lang, knownCodes: KNOWN_CODES }) };
}

/** What the checks of one document run with (`check.registry` is added by the resolver). */
export interface EffectiveSettings {
  check: CheckOptions & { lang: Lang };
  inlayHints: boolean;
  registry: string[];
  project?: ProjectConfig;
}

export function mergeSettings(client: ClientSettings, project: ProjectConfig | undefined, localeLang: Lang | undefined): EffectiveSettings {
  const lang: Lang = client.lang !== 'auto' ? client.lang : (project?.config.lang ?? localeLang ?? 'vi');
  const rules = { ...(project?.config.rules ?? {}), ...client.rules };
  const docType = client.docType !== 'auto' ? (client.docType as DocType) : project?.config.docType;
  const check: EffectiveSettings['check'] = { lang, rules };
  if (docType) check.docType = docType;
  const out: EffectiveSettings = { check, inlayHints: client.inlayHints, registry: client.registry };
  if (project) out.project = project;
  return out;
}
