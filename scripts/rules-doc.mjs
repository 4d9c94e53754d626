// Writes dist/rules.md, the rule documentation the language server links to
// from every diagnostic (codeDescription) and from hover: one anchor per code
// ("header/so-ky-hieu" → #header-so-ky-hieu), with severity, fix and the
// description in Vietnamese and English, taken from the built core so it never
// drifts from the rules that run. Called by scripts/build.mjs.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Codes that are not rules of the registry but reach users as diagnostics. */
export const EXTRA_CODES = [
  { code: 'config/invalid', severity: 'warning', fix: false, vi: 'Tệp .vanbanrc.json không hợp lệ (JSON sai, khoá hoặc giá trị không được hỗ trợ); phần đúng vẫn được dùng.', en: 'An invalid .vanbanrc.json (malformed JSON, unknown key or value); the parts that are right are still used.' },
  { code: 'io/unreadable', severity: 'error', fix: false, vi: 'Tệp không đọc hoặc không giải mã được (CLI).', en: 'A file that cannot be read or decoded (CLI).' },
  { code: 'registry/invalid', severity: 'warning', fix: false, vi: 'Tệp cơ sở dữ liệu văn bản (thiết lập vanban.registry) không hợp lệ: JSON sai hoặc một mục sai trường; các mục đúng vẫn được dùng.', en: 'A registry file (the vanban.registry setting) is invalid: malformed JSON or an entry with a wrong field; the valid entries are still used.' },
  { code: 'io/too-large', severity: 'info', fix: false, vi: 'Văn bản quá lớn để máy chủ ngôn ngữ phân tích khi soạn thảo; kiểm tra bằng `vanban check`.', en: 'A document too large for the language server to analyse while editing; check it with `vanban check`.' },
];

export function ruleAnchor(code) {
  return code.replace(/\//g, '-');
}

export function renderRulesDoc(rules) {
  const entries = [
    ...rules.map((r) => ({ code: r.code, severity: r.severity, fix: !!r.fixTitle, vi: r.description.vi, en: r.description.en })),
    ...EXTRA_CODES,
  ];
  const areas = [...new Set(entries.map((e) => e.code.split('/')[0]))];
  const out = [
    '# vanban — quy tắc kiểm tra / rules',
    '',
    'Sinh tự động từ bộ quy tắc của bản build này (scripts/rules-doc.mjs). Mức độ là mặc định; đổi bằng `.vanbanrc.json` hoặc thiết lập `vanban.rules`.',
    'Generated from the rules of this build. Severities are defaults; change them in `.vanbanrc.json` or the `vanban.rules` setting.',
    '',
  ];
  for (const area of areas) {
    out.push(`## ${area}`, '');
    for (const e of entries.filter((x) => x.code.split('/')[0] === area)) {
      out.push(`<a id="${ruleAnchor(e.code)}"></a>`, '', `### ${e.code}`, '', `- Mức độ / severity: **${e.severity}**`, `- Sửa tự động / fix: ${e.fix ? 'có / yes' : 'không / no'}`, '', e.vi, '', `*${e.en}*`, '');
    }
  }
  return out.join('\n');
}

export async function writeRulesDoc(root) {
  const { RULES } = await import(pathToFileURL(`${root}/dist/core.js`).href + `?t=${Date.now()}`);
  writeFileSync(`${root}/dist/rules.md`, renderRulesDoc(RULES));
}
