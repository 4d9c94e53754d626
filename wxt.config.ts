// Placeholder: the browser extension (portal content script, CodeMirror editor
// page with the language server in a Web Worker) comes in a later issue.
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: 'extension',
  outDir: 'dist-ext',
  webExt: { disabled: true },
});
