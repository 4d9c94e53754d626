/**
 * `.vanbanrc.json`: per-rule severity or "off", a document-type override and
 * the message language. Pure: the caller reads the file and passes its text
 * and name. A bad file never stops checking: it yields ONE diagnostic
 * (`config/invalid`) naming the file and the key path, and the defaults (for
 * the keys that are wrong) are used.
 *
 * ```json
 * {
 *   "rules": { "text/spacing": "off", "header/ngay-thang": "error" },
 *   "docType": "ke-hoach",
 *   "lang": "en"
 * }
 * ```
 */
import { z } from 'zod';
import type { Diagnostic, Lang, Severity } from '../diagnostics/diagnostic.ts';
import type { DocType } from '../syntax/tree.ts';
import { findHostileKeys, jsonErrorText } from './json-guard.ts';
import { SEVERITY_VALUES } from './severity-values.ts';

export { SEVERITY_VALUES };

export const CONFIG_FILE_NAME = '.vanbanrc.json';
/** Larger files are refused unread (a config is a few lines). */
export const MAX_CONFIG_BYTES = 64 * 1024;

export const DOC_TYPES: readonly DocType[] = [
  'quyet-dinh', 'nghi-dinh', 'nghi-quyet', 'thong-tu', 'thong-tu-lien-tich', 'luat', 'bo-luat', 'phap-lenh', 'lenh',
  'chi-thi', 'ke-hoach', 'cong-van', 'to-trinh', 'bao-cao', 'thong-bao', 'huong-dan', 'quy-che', 'quy-dinh',
  'chuong-trinh', 'de-an', 'phuong-an', 'bien-ban', 'cong-dien', 'van-ban-hop-nhat', 'unknown',
];

const schema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string().regex(/^[a-z-]+\/[a-z-]+$/u, 'mã quy tắc dạng “vùng/tên”'), z.enum(SEVERITY_VALUES)).optional(),
    docType: z.enum(DOC_TYPES as [DocType, ...DocType[]]).optional(),
    lang: z.enum(['vi', 'en']).optional(),
    /** Registry files (paths relative to the config file) added on top of the embedded registry. */
    registry: z.array(z.string().min(1).max(1000)).max(50).optional(),
  })
  .strict();

export interface VanbanConfig {
  rules: Record<string, Severity | 'off'>;
  docType?: DocType;
  lang?: Lang;
  /** Registry files, as written (relative to the config file). */
  registry?: string[];
}

export interface ConfigResult {
  config: VanbanConfig;
  /** At most one `config/invalid` diagnostic, range at offset 0 of the CONFIG file. */
  diagnostics: Diagnostic[];
}

/** The one `config/invalid` diagnostic (range at the start of the config file). */
export function invalidConfig(file: string, path: string, vi: string, en: string, lang: Lang): Diagnostic {
  const where = path ? `${file}: ${path}` : file;
  return {
    code: 'config/invalid',
    severity: 'warning',
    message: lang === 'en' ? `Invalid configuration ${where}: ${en} (defaults used)` : `Cấu hình không hợp lệ ${where}: ${vi} (dùng giá trị mặc định)`,
    range: { start: 0, end: 0 },
  };
}

/** A config is two levels deep ("rules" → code); anything far deeper is hostile or broken. */
const MAX_DEPTH = 16;

/** The key path of the first forbidden key ("rules.__proto__"), or of the first value nested deeper than MAX_DEPTH. */
function hostileKeyPath(value: unknown): { path: string; why: 'forbidden' | 'deep' } | undefined {
  const [bad] = findHostileKeys(value, { maxDepth: MAX_DEPTH, limit: 1 });
  if (!bad) return undefined;
  return bad.why === 'deep' ? { path: bad.path.slice(0, 3).join('.') + '…', why: 'deep' } : { path: bad.path.join('.'), why: 'forbidden' };
}

/**
 * Parses a `.vanbanrc.json` text. `file` is how the file is named in the
 * message. `knownCodes` (the registry's codes, `config/invalid` aside) makes
 * an unknown rule code an error too.
 */
export function parseConfig(text: string, file: string, options: { lang?: Lang; knownCodes?: ReadonlySet<string> } = {}): ConfigResult {
  const lang = options.lang ?? 'vi';
  const empty: VanbanConfig = { rules: {} };
  if (text.length > MAX_CONFIG_BYTES) {
    return { config: empty, diagnostics: [invalidConfig(file, '', `tệp lớn hơn ${MAX_CONFIG_BYTES} byte`, `file larger than ${MAX_CONFIG_BYTES} bytes`, lang)] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/u, ''));
  } catch (e) {
    const why = jsonErrorText(text, e);
    return { config: empty, diagnostics: [invalidConfig(file, '', `JSON sai cú pháp (${why.vi})`, `malformed JSON (${why.en})`, lang)] };
  }
  // JSON.parse makes "__proto__" an own property; find it before anything copies the object.
  const bad = hostileKeyPath(raw);
  if (bad?.why === 'forbidden') return { config: empty, diagnostics: [invalidConfig(file, bad.path, 'khoá bị cấm', 'forbidden key', lang)] };
  if (bad) return { config: empty, diagnostics: [invalidConfig(file, bad.path, `lồng quá sâu (hơn ${MAX_DEPTH} cấp)`, `nested too deep (more than ${MAX_DEPTH} levels)`, lang)] };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { config: empty, diagnostics: [invalidConfig(file, '', 'cần một đối tượng JSON { … }', 'expected a JSON object { … }', lang)] };
  }

  const parsed = schema.safeParse(raw);
  const config: VanbanConfig = { rules: {} };
  const issues: { path: string; vi: string; en: string }[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
      const base = issue.path.map(String);
      if (keys.length > 0) {
        for (const k of keys) issues.push({ path: [...base, k].join('.'), vi: 'khoá không được hỗ trợ', en: 'unknown key' });
      } else if (base[0] === 'rules' && base.length === 2) {
        issues.push({ path: base.join('.'), vi: `mức độ phải là ${SEVERITY_VALUES.join(', ')}`, en: `severity must be one of ${SEVERITY_VALUES.join(', ')}` });
      } else if (base[0] === 'docType') {
        issues.push({ path: 'docType', vi: 'loại văn bản không được hỗ trợ', en: 'unsupported document type' });
      } else if (base[0] === 'lang') {
        issues.push({ path: 'lang', vi: 'phải là "vi" hoặc "en"', en: 'must be "vi" or "en"' });
      } else {
        issues.push({ path: base.join('.') || '(gốc)', vi: issue.message, en: issue.message });
      }
    }
  }
  // Keep every part that is right; the wrong ones fall back to defaults.
  const obj = raw as Record<string, unknown>;
  const rules = obj.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [code, sev] of Object.entries(rules as Record<string, unknown>)) {
      if (!(SEVERITY_VALUES as readonly unknown[]).includes(sev) || !/^[a-z-]+\/[a-z-]+$/u.test(code)) continue;
      if (options.knownCodes && !options.knownCodes.has(code)) {
        issues.push({ path: `rules.${code}`, vi: 'mã quy tắc không tồn tại', en: 'unknown rule code' });
        continue;
      }
      config.rules[code] = sev as Severity | 'off';
    }
  } else if (rules !== undefined && !issues.some((i) => i.path.startsWith('rules'))) {
    issues.push({ path: 'rules', vi: 'cần một đối tượng { "mã": "mức độ" }', en: 'expected an object { "code": "severity" }' });
  }
  if (typeof obj.docType === 'string' && (DOC_TYPES as readonly string[]).includes(obj.docType)) config.docType = obj.docType as DocType;
  if (obj.lang === 'vi' || obj.lang === 'en') config.lang = obj.lang;
  if (Array.isArray(obj.registry)) config.registry = obj.registry.filter((f): f is string => typeof f === 'string' && f.length > 0);

  if (issues.length === 0) return { config, diagnostics: [] };
  // ONE diagnostic: the first problem by name, the count of the others.
  const first = issues[0];
  const more = issues.length - 1;
  const d = invalidConfig(
    file,
    first.path,
    first.vi + (more ? ` (và ${more} lỗi khác: ${issues.slice(1).map((i) => i.path).join(', ')})` : ''),
    first.en + (more ? ` (and ${more} more: ${issues.slice(1).map((i) => i.path).join(', ')})` : ''),
    lang,
  );
  return { config, diagnostics: [d] };
}
