/** Command-line parsing: a small strict parser so errors read well in Vietnamese. */
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { UsageError } from './input.ts';

export type Format = 'text' | 'json' | 'sarif';

export interface Options {
  format: Format;
  lang: Lang;
  /** --lang was given (it then wins over the config file's "lang"). */
  langGiven: boolean;
  config?: string;
  registry: string[];
  date?: string;
  fix: boolean;
  stdout: boolean;
  /** export: the output format flag (`--docx`) and file (`-o FILE`, `-` for stdout). */
  docx: boolean;
  output?: string;
  help: boolean;
  version: boolean;
  paths: string[];
}

const VALUE_OPTIONS = new Set(['--format', '--lang', '--config', '--registry', '--date', '-o', '--output']);
const FLAG_OPTIONS = new Set(['--fix', '--stdout', '--help', '-h', '--version', '-V', '--docx']);

/** The language is needed to report errors in the parse itself, so look for it first. */
export function sniffLang(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
    if (argv[i] === '--') break;
  }
  return 'vi';
}

export function parseOptions(argv: readonly string[], lang: Lang): Options {
  const o: Options = { format: 'text', lang, langGiven: false, registry: [], fix: false, stdout: false, docx: false, help: false, version: false, paths: [] };
  const err = (vi: string, en: string) => new UsageError(lang === 'en' ? en : vi);
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (a === '--') {
      o.paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      o.paths.push(a);
      continue;
    }
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    if (FLAG_OPTIONS.has(a)) {
      if (value !== undefined) throw err(`Tuỳ chọn ${a} không nhận giá trị`, `Option ${a} takes no value`);
      if (a === '--fix') o.fix = true;
      else if (a === '--stdout') o.stdout = true;
      else if (a === '--docx') o.docx = true;
      else if (a === '--help' || a === '-h') o.help = true;
      else o.version = true;
      continue;
    }
    if (!VALUE_OPTIONS.has(a)) throw err(`Tuỳ chọn không hợp lệ: ${a}`, `Unknown option: ${a}`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw err(`Thiếu giá trị cho ${a}`, `Missing value for ${a}`);
    }
    switch (a) {
      case '--format':
        if (value !== 'text' && value !== 'json' && value !== 'sarif') {
          throw err(`--format phải là text, json hoặc sarif (nhận được "${value}")`, `--format must be text, json or sarif (got "${value}")`);
        }
        o.format = value;
        break;
      case '--lang':
        if (value !== 'vi' && value !== 'en') throw err(`--lang phải là vi hoặc en (nhận được "${value}")`, `--lang must be vi or en (got "${value}")`);
        o.lang = value;
        o.langGiven = true;
        break;
      case '--config':
        o.config = value;
        break;
      case '-o':
      case '--output':
        o.output = value;
        break;
      case '--registry':
        o.registry.push(value);
        break;
      case '--date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value + 'T00:00:00Z'))) {
          throw err(`--date phải có dạng YYYY-MM-DD (nhận được "${value}")`, `--date must be YYYY-MM-DD (got "${value}")`);
        }
        o.date = value;
        break;
    }
  }
  return o;
}
