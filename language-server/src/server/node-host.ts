/** The server's host in Node: the disk (file: URIs only) and setImmediate. */
import { existsSync, readdir as readdirCallback, readFile as readFileCallback, stat as statCallback } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MAX_REGISTRY_BYTES } from '../core/registry/load.ts';
import { decodeDocument, MAX_DOCUMENT_BYTES } from '../io/encoding.ts';
import type { ServerHost, WorkspaceFile } from './host.ts';

/**
 * node:fs's callback functions as promises, not node:fs/promises: the server's thread has node:fs loaded from its
 * start, and node:fs/promises brings 10 internal modules more (its FileHandle, watchers, readline), ≈ 3.5 M
 * instructions before the first diagnostics, which only stat a few paths (findConfigFile).
 */
const stat = promisify(statCallback);
const readFile = promisify(readFileCallback);
const readdir = promisify(readdirCallback);

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.vanban', '.md']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'dist-ext', 'out', 'build']);
const CONFIG = '.vanbanrc.json';

function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * `docsFile`: the rules documentation shipped beside the bundle
 * (dist/rules.md, written by the build); rule links point into it when it exists.
 * `input`: the stream the client's messages come in on (stdin with `--stdio`), for `lastInputAt`.
 */
export function nodeHost(options: { docsFile?: string; input?: () => Readable } = {}): ServerHost {
  const docs = options.docsFile && existsSync(options.docsFile) ? pathToFileURL(options.docsFile).href : undefined;
  let lastInput = -Infinity;
  let watched = false;
  return {
    async readFile(uri) {
      const p = toPath(uri);
      if (!p) return undefined;
      try {
        // The largest file we read as text is a registry; a larger one is refused unread.
        if ((await stat(p)).size > MAX_REGISTRY_BYTES) return undefined;
        return (await readFile(p, 'utf8')).replace(/^\ufeff/u, '');
      } catch {
        return undefined;
      }
    },

    async readBytes(uri) {
      const p = toPath(uri);
      if (!p) return undefined;
      try {
        if ((await stat(p)).size > MAX_REGISTRY_BYTES) return undefined;
        const bytes = await readFile(p);
        return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
      } catch {
        return undefined;
      }
    },

    async readDocument(uri) {
      const p = toPath(uri);
      if (!p) return undefined;
      try {
        if ((await stat(p)).size > MAX_DOCUMENT_BYTES) return undefined;
        const decoded = decodeDocument(await readFile(p));
        return decoded.ok ? decoded.text : undefined;
      } catch {
        return undefined;
      }
    },

    async findConfigFile(documentUri) {
      const p = toPath(documentUri);
      if (!p) return undefined;
      let dir = path.dirname(p);
      for (;;) {
        const candidate = path.join(dir, CONFIG);
        try {
          if ((await stat(candidate)).isFile()) return pathToFileURL(candidate).href;
        } catch {
          // not here: go up
        }
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
      }
    },

    async listWorkspaceFiles(folderUris, limit) {
      const out: WorkspaceFile[] = [];
      const walk = async (dir: string): Promise<void> => {
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch {
          return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
          if (out.length >= limit) return;
          if (e.name.startsWith('.')) continue;
          const full = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!SKIPPED_DIRS.has(e.name)) await walk(full);
          } else if (e.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
            try {
              out.push({ uri: pathToFileURL(full).href, version: Math.floor((await stat(full)).mtimeMs) });
            } catch {
              // vanished meanwhile
            }
          }
        }
      };
      for (const f of folderUris) {
        const p = toPath(f);
        if (p) await walk(p);
      }
      return out;
    },

    resolvePath(p, folderUri) {
      if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(p)) return p;
      if (path.isAbsolute(p)) return pathToFileURL(p).href;
      const base = folderUri ? toPath(folderUri) : process.cwd();
      return base ? pathToFileURL(path.resolve(base, p)).href : undefined;
    },

    ruleDocumentationUrl: (code) => (docs ? `${docs}#${ruleAnchor(code)}` : undefined),

    yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),

    collectGarbage: () => fullCollection()?.(),

    // The stream is watched from the first question on (after the connection listens to it): a chunk read is seen
    // in the poll phase, before the connection handles its messages in the turns that follow.
    lastInputAt: options.input
      ? () => {
          if (!watched) {
            watched = true;
            options.input!().on('data', () => (lastInput = performance.now()));
          }
          return lastInput;
        }
      : undefined,
  };
}

let collector: (() => void) | null | undefined;

/**
 * V8's full collection as a function: `gc` when node was started with --expose-gc, else the one a new context
 * gets once the flag is set (the flag only exposes it to contexts made after it). Null when V8 refuses.
 */
function fullCollection(): (() => void) | null {
  if (collector !== undefined) return collector;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return (collector = own);
  try {
    setFlagsFromString('--expose-gc');
    const made: unknown = runInNewContext('gc');
    collector = typeof made === 'function' ? (made as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}

/** The anchor of a rule in dist/rules.md (as scripts/rules-doc.mjs writes it): "header/so-ky-hieu" → "header-so-ky-hieu". */
export function ruleAnchor(code: string): string {
  return code.replace(/\//gu, '-');
}
