import '../../lib/zod-setup.ts';
import { startDraftingPage } from '../../editor/app.ts';

const root = document.getElementById('app')!;
void startDraftingPage(root).then((page) => {
  // For the e2e tests and the devtools console: the page's own objects, on an extension page no web page can reach.
  (window as unknown as { vanban: unknown }).vanban = page;
});
