/**
 * Resolving the settings of each document, with caching: the client's
 * `vanban` section (workspace/configuration per document when the client
 * supports it, else what didChangeConfiguration or initializationOptions
 * carried) and the nearest `.vanbanrc.json`. `invalidate` drops what changed;
 * the server then re-validates the open documents.
 */
import type { Connection } from 'vscode-languageserver';
import type { Lang } from '../core/diagnostics/diagnostic.ts';
import type { Logger } from './guard.ts';
import type { ServerHost } from './host.ts';
import type { RegistryResolver } from './registry.ts';
import { DEFAULT_SETTINGS, mergeSettings, readClientSettings, readProjectConfig, type ClientSettings, type EffectiveSettings, type ProjectConfig } from './settings.ts';

export class SettingsResolver {
  private readonly perDocument = new Map<string, Promise<EffectiveSettings>>();
  private readonly projects = new Map<string, Promise<ProjectConfig | undefined>>();
  private readonly reportedProblems = new Set<string>();
  /** Settings pushed by the client (didChangeConfiguration, initializationOptions). */
  private pushed: ClientSettings = DEFAULT_SETTINGS;
  /** Counts invalidations: part of every pulled-diagnostics result id. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
    private readonly log: Logger,
    private readonly canPull: boolean,
    private readonly localeLang: Lang | undefined,
    /** Called when a project file is (re)read, with its config/invalid diagnostics (maybe none). */
    private readonly onProjectConfig: (project: ProjectConfig) => void,
    private readonly registries: RegistryResolver,
    /** The workspace folders (registry paths are relative to them). */
    private readonly folders: () => readonly string[],
  ) {}

  /** Settings pushed by the client (the `vanban` section, or the whole settings object holding it). */
  setPushed(raw: unknown): void {
    this.pushed = this.read(raw);
  }

  invalidate(): void {
    this.perDocument.clear();
    this.projects.clear();
    this.generation++;
  }

  /** A `.vanbanrc.json` changed on disk. */
  invalidateProject(uri: string): void {
    this.projects.delete(uri);
    this.perDocument.clear();
    this.generation++;
  }

  forget(documentUri: string): void {
    this.perDocument.delete(documentUri);
  }

  /** Settings for a document; they fall back to the defaults if the client or the disk fail. */
  forDocument(uri: string): Promise<EffectiveSettings> {
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.resolve(uri);
      this.perDocument.set(uri, p);
    }
    return p;
  }

  /** The language of messages that are not about one document (logs, server-wide notes). */
  get defaultLang(): Lang {
    return this.pushed.lang !== 'auto' ? this.pushed.lang : (this.localeLang ?? 'vi');
  }

  private async resolve(uri: string): Promise<EffectiveSettings> {
    const [client, project] = await Promise.all([this.clientSettings(uri), this.project(uri)]);
    const settings = mergeSettings(client, project, this.localeLang);
    try {
      settings.check.registry = await this.registries.forDocument(uri, settings.registry, this.folders(), settings.check.lang);
    } catch (e) {
      this.log.error(`registry for ${uri} failed, using the embedded one: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    return settings;
  }

  private async clientSettings(uri: string): Promise<ClientSettings> {
    if (!this.canPull) return this.pushed;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'vanban' });
      return raw === null || raw === undefined ? this.pushed : this.read(raw);
    } catch (e) {
      this.log.warn(`workspace/configuration failed, using the settings pushed so far: ${String(e)}`);
      return this.pushed;
    }
  }

  private read(raw: unknown): ClientSettings {
    // Some clients push { vanban: {...} }, others the section itself.
    const section = raw && typeof raw === 'object' && 'vanban' in (raw as object) ? (raw as { vanban: unknown }).vanban : raw;
    const { settings, problems } = readClientSettings(section);
    for (const p of problems) {
      if (this.reportedProblems.has(p)) continue;
      this.reportedProblems.add(p);
      this.log.warn(`settings: ${p} (ignored)`);
    }
    return settings;
  }

  private async project(documentUri: string): Promise<ProjectConfig | undefined> {
    let file: string | undefined;
    try {
      file = await this.host.findConfigFile(documentUri);
    } catch (e) {
      this.log.warn(`looking for .vanbanrc.json above ${documentUri} failed: ${String(e)}`);
    }
    if (!file) return undefined;
    let p = this.projects.get(file);
    if (!p) {
      const uri = file;
      p = (async () => {
        const text = await this.host.readFile(uri).catch(() => undefined);
        if (text === undefined) return undefined;
        const project = readProjectConfig(uri, text, this.defaultLang);
        this.onProjectConfig(project);
        return project;
      })();
      this.projects.set(file, p);
    }
    return p;
  }
}
