/** Finding and reading `.vanbanrc.json` for the CLI (the parsing itself is pure, in core/config). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import { CONFIG_FILE_NAME, invalidConfig, MAX_CONFIG_BYTES, parseConfig, type ConfigResult } from '../core/config/config.ts';
import { RULES } from '../core/rules/registry.ts';

export interface LoadedConfig extends ConfigResult {
  /** The config file as displayed, or undefined when none applies. */
  file?: string;
}

const KNOWN_CODES = new Set(RULES.map((r) => r.code));

export class ConfigLoader {
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  private readonly byDir = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly lang: Lang,
    private readonly explicit?: string,
  ) {}

  /** The config for a document (`fsPath` undefined for stdin: searched from the working folder). */
  async forDocument(fsPath: string | undefined): Promise<LoadedConfig> {
    if (this.explicit !== undefined) return this.load(this.explicit);
    const dir = path.resolve(fsPath === undefined ? '.' : path.dirname(fsPath));
    const found = await this.nearest(dir);
    return found === undefined ? { config: { rules: {} }, diagnostics: [] } : this.load(found);
  }

  private nearest(dir: string): Promise<string | undefined> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = (async () => {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        try {
          if ((await stat(candidate)).isFile()) return path.relative(process.cwd(), candidate) || candidate;
        } catch {
          // not here: go up
        }
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.nearest(parent);
      })();
      this.byDir.set(dir, p);
    }
    return p;
  }

  private load(file: string): Promise<LoadedConfig> {
    let p = this.byFile.get(file);
    if (!p) {
      p = (async (): Promise<LoadedConfig> => {
        const en = this.lang === 'en';
        try {
          const st = await stat(file);
          if (st.size > MAX_CONFIG_BYTES) {
            return { file, config: { rules: {} }, diagnostics: [invalidConfig(file, '', `tệp lớn hơn ${MAX_CONFIG_BYTES} byte`, `file larger than ${MAX_CONFIG_BYTES} bytes`, this.lang)] };
          }
          const text = await readFile(file, 'utf8');
          return { file, ...parseConfig(text, file, { lang: this.lang, knownCodes: KNOWN_CODES }) };
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code ?? String(e);
          void en;
          return { file, config: { rules: {} }, diagnostics: [invalidConfig(file, '', `không đọc được tệp (${code})`, `cannot read the file (${code})`, this.lang)] };
        }
      })();
      this.byFile.set(file, p);
    }
    return p;
  }
}
