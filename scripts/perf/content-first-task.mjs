#!/usr/bin/env node
/**
 * What the browser extension's content script does in its first task, counted
 * without a browser: evaluates a built content script in Node (a vm script,
 * with just enough of `browser`, `document` and `window` stubbed for its top
 * level and the synchronous part of `main()`) and counts the zod schemas and
 * checks that evaluation builds (zod's core calls `postProcessor` for every
 * instance it constructs). The count is deterministic: a schema built at the
 * top level is work in the page's first — and on the bench's page longest —
 * task; one built on first use (`z.lazy`) is counted once, as the lazy shell.
 * Also prints the file's size. For a time, measure in Chromium
 * (scripts/perf/page-ab.mjs --trace); for machine instructions run this under
 * callgrind with `--eval-only` (no counting hook) against an empty file.
 *   node scripts/perf/content-first-task.mjs A/dist-ext/chrome-mv3/content-scripts/portal.js [B/...] [--eval-only]
 * Build with `node node_modules/wxt/bin/wxt.mjs build -b chrome`.
 */
import { readFileSync, statSync } from 'node:fs';
import vm from 'node:vm';

const args = process.argv.slice(2);
const evalOnly = args.includes('--eval-only');
const files = args.filter((a) => a !== '--eval-only');

process.on('unhandledRejection', () => {});

function stubBrowser() {
  const event = { addListener() {}, removeListener() {}, hasListener: () => false };
  const never = () => new Promise(() => {});
  const api = {
    runtime: { id: 'content-first-task', onMessage: event, sendMessage: never, getURL: (p) => p },
    storage: { local: { get: never, set: never, remove: never, onChanged: event }, session: {}, sync: {}, managed: {}, onChanged: event },
  };
  const el = { setAttribute() {}, getAttribute: () => null, removeAttribute() {}, addEventListener() {}, querySelector: () => null, querySelectorAll: () => [] };
  return {
    chrome: api,
    browser: api,
    document: { ...el, documentElement: el, dispatchEvent() {}, location: { hostname: 'vbpl.vn', href: 'http://vbpl.vn/' } },
    window: { postMessage() {}, addEventListener() {}, dispatchEvent() {} },
  };
}

for (const file of files) {
  const code = readFileSync(file, 'utf8');
  const counts = {};
  let built = 0;
  // One context per file: each script gets its own zod (its own globalThis.__zod_globalConfig).
  const sandbox = { ...stubBrowser(), console, performance, setTimeout, clearTimeout, crypto: globalThis.crypto, Event, EventTarget, AbortController, URL, CustomEvent: class extends Event {} };
  sandbox.globalThis = sandbox;
  if (!evalOnly) {
    sandbox.__zod_globalConfig = {
      postProcessor(inst) {
        built++;
        const def = inst._zod.def;
        const kind = def.type && !def.check ? def.type : `check ${def.check}`;
        counts[kind] = (counts[kind] ?? 0) + 1;
      },
    };
  }
  let outcome = 'ran';
  try {
    vm.runInNewContext(code, sandbox, { filename: file });
  } catch (e) {
    outcome = `stopped: ${String(e).slice(0, 200)}`;
  }
  if (evalOnly) continue;
  const kinds = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${file}\n  bytes ${statSync(file).size}; zod instances built ${built} (${kinds}); ${outcome}`);
}
