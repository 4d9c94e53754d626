/**
 * The drafting page's Web Worker: the vanban language server's worker entry,
 * with zod set up first (no eval probe under the extension's CSP).
 */
import '../lib/zod-setup.ts';
import '../../../language-server/src/server/worker.ts';
