// The browser extension (WXT): the portal content script, the popup, the
// options page and the drafting page (CodeMirror + the language server in a
// Web Worker). `npm run build:browser` → dist-ext/chrome-mv3,
// `npm run build:browser -- -b firefox` → dist-ext/firefox-mv2.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
// @ts-expect-error: a build script (plain .mjs, no types)
import { explicitClassesVitePlugin } from './scripts/explicit-classes.mjs';

export default defineConfig({
  srcDir: 'extension/browser',
  entrypointsDir: 'entrypoints',
  publicDir: 'extension/browser/public',
  outDir: 'dist-ext',
  webExt: { disabled: true },
  // Auto-imports stay off: every module says where its names come from, so
  // `tsc` and the unit tests see the same code the bundler sees.
  imports: false,
  suppressWarnings: { firefoxDataCollection: true },
  // The core's \p{…} literals as explicit ranges in the bundles, as scripts/build.mjs does (scripts/explicit-classes.mjs).
  vite: () => ({ plugins: [explicitClassesVitePlugin(fileURLToPath(new URL('.', import.meta.url)).replace(/\/$/u, ''))] }),
  manifest: ({ browser }) => ({
    name: 'Vanban — Văn bản hành chính',
    short_name: 'Vanban',
    description:
      'Kiểm tra dẫn chiếu và trích dẫn trên các cổng văn bản pháp luật, soạn thảo văn bản hành chính theo Nghị định 30/2020/NĐ-CP. Mọi thứ chạy trên máy của bạn.',
    // storage: settings, the learned registry and the draft. activeTab +
    // scripting: check a page outside the portals when the user asks (the
    // action button), nothing more. No host permission beyond the portals the
    // content script is declared for.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Vanban' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'vanban@vanban.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  }),
});
