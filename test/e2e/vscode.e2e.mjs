#!/usr/bin/env node
/**
 * The VS Code extension in real VS Code (code-server), driven through the
 * page with playwright-core + Debian Chromium. Run by
 * scripts/e2e/run-vscode-e2e.sh, which prepares the server and the
 * throw-away workspace (test/e2e/vscode-workspace.mjs). Each check prints
 * PASS, FAIL or SKIP (with the reason); the exit status is 1 if one failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const URL = process.env.VANBAN_E2E_URL;
const WS = process.env.VANBAN_E2E_WS;
const RUN = process.env.VANBAN_E2E_RUN;
if (!URL || !WS || !RUN) throw new Error('run through scripts/e2e/run-vscode-e2e.sh');
const SHOTS = process.env.VANBAN_E2E_SCREENSHOTS && process.env.VANBAN_E2E_MODE !== 'web' ? path.resolve(root, process.env.VANBAN_E2E_SCREENSHOTS) : path.join(RUN, 'screens');
/** The pictures the README shows; the others stay in the run directory. */
const README_SHOTS = new Set(['vscode-ask', 'vscode-problems', 'vscode-hover', 'vscode-outline', 'vscode-inspect', 'vscode-quickfix', 'vscode-citations', 'vscode-template', 'vscode-completion']);
const shotPath = (name) => path.join(README_SHOTS.has(name) ? SHOTS : path.join(RUN, 'screens'), `${name}.png`);
mkdirSync(SHOTS, { recursive: true });
mkdirSync(path.join(RUN, 'screens'), { recursive: true });
const hasSeed = existsSync(path.join(WS, 'qd-971-2024.txt'));
/** "node": the extension host is a Node process; "web": the browser's web-worker extension host. */
const MODE = process.env.VANBAN_E2E_MODE === 'web' ? 'web' : 'node';

const results = [];
function report(status, name, detail = '') {
  results.push({ status, name });
  console.log(`${status} [${MODE}] ${name}${detail ? ` — ${detail}` : ''}`);
}
async function check(name, fn) {
  const started = Date.now();
  try {
    const detail = await fn();
    report('PASS', name, `${detail ?? ''} (${((Date.now() - started) / 1000).toFixed(1)} s)`.trim());
  } catch (e) {
    report('FAIL', name, e instanceof Error ? e.message : String(e));
    await page.screenshot({ path: path.join(RUN, `fail-${results.length}.png`) }).catch(() => undefined);
  }
}
const skip = (name, reason) => report('SKIP', name, reason);

/** Polls `fn` until it returns a truthy value. */
async function waitFor(what, fn, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
/** Editor text uses U+00A0 for spaces (vscode-e2e.md, pitfall 2). */
const norm = (s) => (s ?? '').replace(/\u00a0/gu, ' ');
const text = async (selector) => norm(await page.locator(selector).first().innerText({ timeout: 2000 }).catch(() => ''));
const attr = async (selector, name) => norm((await page.locator(selector).first().getAttribute(name, { timeout: 2000 }).catch(() => '')) ?? '');

/** A screenshot of the window, or of the box around `locator` widened by `margin` (kept small for the README). */
async function shot(name, locator, margin = { left: 0, top: 0, right: 0, bottom: 0 }) {
  let clip;
  if (locator) {
    const b = await locator.first().boundingBox();
    if (b) {
      const vp = page.viewportSize();
      const x = Math.max(0, b.x - margin.left);
      const y = Math.max(0, b.y - margin.top);
      clip = { x, y, width: Math.min(vp.width - x, b.width + margin.left + margin.right), height: Math.min(vp.height - y, b.height + margin.top + margin.bottom) };
    }
  }
  await page.screenshot({ path: shotPath(name), ...(clip ? { clip } : {}) });
}

/**
 * Gives the workbench the keyboard focus: a click in the open editor's text, or in the empty editor area when
 * no file is open. Not a fixed point of the editor part: with a file open, (40, 40) is its breadcrumbs bar, and
 * the picker that click opened made the workbench inert — the palette retries then clicked it open again
 * (a CI run failed so, four times in a row).
 */
async function focusWorkbench() {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  if ((await lines.count()) > 0) await lines.click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  else await page.locator('.part.editor').click({ position: { x: 40, y: 40 } }).catch(() => undefined);
  await page.keyboard.press('Escape');
}

/**
 * Opens the command palette holding `text`. Tries again when the palette is
 * not usable: on a loaded CI machine a transient dialog can make the
 * workbench inert for a moment, or the palette closes when focus moves (a
 * CI run failed once on exactly this, never locally).
 */
async function openPalette(text) {
  const input = page.locator('.quick-input-widget input');
  let last;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(text, { timeout: 5000 });
      return input;
    } catch (e) {
      last = e;
      await page.screenshot({ path: path.join(RUN, 'screens', `palette-retry-${Date.now()}.png`) }).catch(() => undefined);
      await page.keyboard.press('Escape');
      await focusWorkbench();
    }
  }
  throw last;
}

async function runCommand(title) {
  await openPalette(`>${title}`);
  await waitFor(`command "${title}" in the palette`, async () => norm(await page.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes(title));
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await waitFor(`${name} in quick open`, async () => norm(await page.locator('.quick-input-list .monaco-list-row').first().innerText().catch(() => '')).includes(name));
  await page.keyboard.press('Enter');
  await waitFor(`${name} in the editor tab`, async () => (await page.locator('.tabs-container .tab.active, .tabs-container .tab[aria-selected="true"]', { hasText: name }).count()) > 0);
}

async function goToLine(line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

const languageMode = () => text('#status\\.editor\\.mode');
/** "Errors: 0, Warnings: 3, Infos: 11"-like aria label of the status bar problems item, as numbers. */
async function problemCounts() {
  const label = await attr('#status\\.problems', 'aria-label');
  const n = (re) => Number(re.exec(label)?.[1] ?? 0);
  return { label, errors: n(/Errors?:\s*(\d+)/iu), warnings: n(/Warnings?:\s*(\d+)/iu), infos: n(/Infos?:\s*(\d+)/iu) };
}

/** What `vanban check --format json` says about a file: the expected diagnostics. */
function cliDiagnostics(file) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  return JSON.parse(r.stdout).files[0].diagnostics;
}

const browser = await chromium.launchPersistentContext(path.join(RUN, 'chromium'), {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.setDefaultTimeout(15_000);
// The page's console (the web extension host logs there) goes to the run directory for post-mortems.
const consoleLog = [];
page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));
try {
  await page.goto(URL);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await waitFor('the explorer', async () => (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, 60_000);
  await main();
} catch (e) {
  report('FAIL', 'e2e run', e instanceof Error ? e.stack ?? e.message : String(e));
  await page.screenshot({ path: path.join(RUN, 'fail-run.png') }).catch(() => undefined);
} finally {
  writeFileSync(path.join(RUN, 'browser-console.log'), consoleLog.join('\n'));
  await browser.close();
}
const failed = results.filter((r) => r.status === 'FAIL').length;
console.log(`\n${results.filter((r) => r.status === 'PASS').length} passed, ${failed} failed, ${results.filter((r) => r.status === 'SKIP').length} skipped`);
process.exit(failed > 0 ? 1 : 0);

async function main() {
  if (!hasSeed) {
    for (const n of ['language mode', 'Problems panel', 'registry hover', 'outline', 'renumber quick fix', 'inspect tokens'])
      skip(`seed 004: ${n}`, '../shared/corpus (seed 004) not found beside the repo');
  } else {
    await seedChecks();
    await commandChecks();
  }
  await templateChecks();
  await citationCompletionCheck();
  await wordChecks();
  await check(MODE === 'web' ? 'no server process: the worker build served the web extension host' : 'the server runs as its own Node process', async () => {
    // The extension's own files live under the run's extensions directory.
    const r = spawnSync('pgrep', ['-f', `${RUN}/ext/vanban\\.vanban-[^/]*/dist/server\\.js`], { encoding: 'utf8' });
    const pids = r.stdout.trim().split('\n').filter(Boolean);
    if (MODE === 'web' ? pids.length !== 0 : pids.length !== 1) throw new Error(`server processes: ${pids.length}`);
    return MODE === 'web' ? 'none' : `pid ${pids[0]}`;
  });
}

/** Runs one of our commands by its title (English when VS Code runs in English, Vietnamese otherwise). */
async function runVanbanCommand(...titles) {
  // The palette lists the commands known when it opens: in the web-worker host of a fresh window with no
  // document open, ours may register seconds later (a clean-clone CI run without the corpus timed out so on
  // its first command), so it is opened again until they are there.
  const title = await waitFor(
    `one of ${titles.join(' / ')}`,
    async () => {
      await openPalette('>Văn bản: ');
      return waitFor(
        'our commands in this palette',
        async () => {
          const texts = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(norm);
          return titles.map((t) => `Văn bản: ${t}`).find((t) => texts.some((x) => x.includes(t)));
        },
        5000,
      ).catch(() => undefined);
    },
    60_000,
  );
  await openPalette(`>${title}`);
  await waitFor(`${title} first`, async () => norm(await page.locator('.quick-input-list .monaco-list-row').first().innerText()).includes(title));
  await page.keyboard.press('Enter');
  return title;
}

/** Picks the quick-pick row whose label is `label` by typing it. */
async function pickByLabel(label) {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await input.fill(label);
  await waitFor(`${label} first in the list`, async () => norm(await page.locator('.quick-input-list .monaco-list-row .label-name').first().innerText()).trim() === label);
  await page.keyboard.press('Enter');
}

async function commandChecks() {
  await check('command “Show the cited documents” lists the căn cứ and goes to one', async () => {
    await openFile('qd-971-2024.txt');
    await runVanbanCommand('Xem các văn bản được trích dẫn', 'Show the Cited Documents');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await waitFor('Nghị định số 63/2022/NĐ-CP in the list', async () => (await rows.allInnerTexts()).map(norm).some((t) => t.includes('Nghị định số 63/2022/NĐ-CP')));
    const count = await page.locator('.quick-input-widget .quick-input-message, .quick-input-widget input').first().getAttribute('placeholder');
    await shot('vscode-citations', page.locator('.quick-input-widget'), { left: 10, top: 10, right: 10, bottom: 10 });
    await pickByLabel('Nghị quyết số 76/NQ-CP');
    const where = await waitFor('the cursor on line 21', async () => ((await text('#status\\.editor\\.selection')).includes('Ln 21') ? await text('#status\\.editor\\.selection') : undefined));
    return `${norm(count ?? '')}; ${where}`;
  });

  await check('command “Choose the document type” sets vanban.docType for the folder, and back to automatic', async () => {
    await runVanbanCommand('Chọn loại văn bản…', 'Choose the Document Type…');
    await pickByLabel('Kế hoạch');
    await waitFor('status bar Kế hoạch', async () => (await vanbanStatus())?.type === 'Kế hoạch');
    const settings = readFileSync(path.join(WS, '.vscode/settings.json'), 'utf8');
    if (!/"vanban\.docType":\s*"ke-hoach"/u.test(settings)) throw new Error(`.vscode/settings.json: ${settings}`);
    await runVanbanCommand('Chọn loại văn bản…', 'Choose the Document Type…');
    await pickByLabel('Tự động (theo tên loại và số ký hiệu)');
    await waitFor('status bar Quyết định again', async () => (await vanbanStatus())?.type === 'Quyết định');
    return '.vscode/settings.json: "vanban.docType": "ke-hoach", then "auto"';
  });

  await check('command “Fix all” applies every automatic fix (then the file is reverted)', async () => {
    const before = await vanbanStatus();
    await runVanbanCommand('Sửa tất cả lỗi sửa tự động được', 'Fix All Auto-fixable Problems');
    const after = await waitFor('fewer warnings', async () => {
      const s = await vanbanStatus();
      return s && s.warnings < before.warnings ? s : undefined;
    });
    await shot('vscode-fixall');
    await runCommand('File: Revert File');
    await waitFor('the warnings back after reverting', async () => (await vanbanStatus())?.warnings === before.warnings);
    return `warnings ${before.warnings} → ${after.warnings} → ${before.warnings}`;
  });

  await check('command “Renumber the document” makes Điều 1, 5, 3 into 1, 2, 3', async () => {
    await openFile('qd-971-order.vanban');
    await waitFor('the numbering error', async () => ((await vanbanStatus())?.errors ?? 0) > 0);
    await runVanbanCommand('Đánh số lại văn bản', 'Renumber the Document');
    await waitFor('no numbering error left', async () => (await vanbanStatus())?.errors === 0);
    await page.keyboard.press('Control+S');
    const saved = await waitFor('the file saved renumbered', async () => {
      const t = readFileSync(path.join(WS, 'qd-971-order.vanban'), 'utf8');
      return t.includes('Điều 2. Quyết định này có') ? t : undefined;
    });
    const labels = [...saved.matchAll(/^Điều (\d+)\./gmu)].map((m) => m[1]).join(', ');
    if (labels !== '1, 2, 3') throw new Error(`Điều ${labels}`);
    return `Điều ${labels}`;
  });

  await check('command “Check the whole workspace” checks every document and sums up', async () => {
    await runVanbanCommand('Kiểm tra toàn bộ thư mục làm việc', 'Check the Whole Workspace');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Đã kiểm tra' });
    const t = norm(await waitFor('the summary', async () => ((await toast.count()) > 0 ? toast.first().innerText() : undefined), 40_000));
    const m = /Đã kiểm tra (\d+) văn bản: (\d+) lỗi, (\d+) cảnh báo/u.exec(t);
    if (!m || Number(m[1]) !== 3) throw new Error(`summary: ${t}`);
    await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 10_000 });
    return `${m[0]}; Problems panel open`;
  });
}

/** The Outline view, with the folder tree above it collapsed so it gets the height of the side bar. */
async function showOutline() {
  await runCommand('Explorer: Focus on Outline View');
  const folders = page.locator('.explorer-viewlet .pane-header[aria-expanded="true"]', { hasText: 'ws' });
  if ((await folders.count()) > 0) await folders.first().click();
  await page.locator('.outline-pane').waitFor();
}

/** The text of the editor lines on screen, top to bottom. */
async function visibleLines() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .view-lines .view-line')]
      .map((el) => ({ top: parseFloat(el.style.top), text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}

/** Our status bar item: "⚖ Quyết định  ⊗ 0  ⚠ 3". */
async function vanbanStatus() {
  const label = await page.evaluate(() => {
    const el = [...document.querySelectorAll('.statusbar-item')].find((e) => /^Văn bản:|^Document:/u.test(e.getAttribute('aria-label') ?? ''));
    return el?.getAttribute('aria-label') ?? '';
  });
  const m = /^(?:Văn bản|Document): (.+?) — (\d+) (?:lỗi|errors), (\d+) (?:cảnh báo|warnings)/u.exec(norm(label));
  return m ? { type: m[1], errors: Number(m[2]), warnings: Number(m[3]) } : undefined;
}

async function seedChecks() {
  await check('seed 004 as .txt: the extension offers the vanban mode and it becomes “Văn bản”', async () => {
    await openFile('qd-971-2024.txt');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'văn bản hành chính' });
    await toast.waitFor({ timeout: 20_000 });
    await shot('vscode-ask', toast, { left: 420, top: 90, right: 10, bottom: 40 });
    await toast.locator('a.monaco-button', { hasText: 'Mở ở chế độ Văn bản' }).click();
    return waitFor('language mode Văn bản', async () => ((await languageMode()) === 'Văn bản' ? 'Văn bản' : undefined));
  });

  const expected = cliDiagnostics(path.join(WS, 'qd-971-2024.txt'));
  const count = (sev) => expected.filter((d) => d.severity === sev).length;
  await check('Problems: the diagnostics `vanban check` finds, in the status bar and the Problems panel', async () => {
    const want = { errors: count('error'), warnings: count('warning') };
    const status = await waitFor(`status bar ${JSON.stringify(want)}`, async () => {
      const s = await vanbanStatus();
      return s && s.errors === want.errors && s.warnings === want.warnings ? s : undefined;
    });
    if (status.type !== 'Quyết định') throw new Error(`status bar type ${status.type}`);
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    const shown = expected.filter((d) => d.severity === 'warning' || d.severity === 'error').slice(0, 5);
    await waitFor('the warnings in the Problems panel', async () => {
      const t = norm(await panel.innerText());
      return shown.every((d) => t.includes(d.message)) && t.includes('vanban');
    });
    await shot('vscode-problems');
    await page.keyboard.press('Control+Shift+M'); // hide the panel again
    return `${want.errors} errors, ${want.warnings} warnings, ${count('info')} infos; status bar “${status.type}”`;
  });

  await check('hover on a cited Nghị định shows its registry card', async () => {
    await goToLine(18, 1);
    // Tokens of the same colour share one span: take the innermost span that starts with the number.
    const token = page.locator('.editor-group-container.active .view-lines .view-line span span', { hasText: /^\s?63\/2022\/NĐ-CP/u }).first();
    await token.hover({ position: { x: 22, y: 6 } });
    const hover = page.locator('.monaco-hover:not(.hidden)');
    const t = await waitFor('a hover with the registry card', async () => {
      const h = norm(await hover.innerText().catch(() => ''));
      // The card of core/citations/hover.ts: type and number — issuer, the registry's trích yếu, its facts.
      return h.includes('Nghị định số 63/2022/NĐ-CP — Chính phủ') && h.includes('cơ cấu tổ chức của Bộ Nội vụ') && /Ngày ban hành: 12\/9\/2022/u.test(h) ? h : undefined;
    }, 10_000);
    await shot('vscode-hover', hover, { left: 10, top: 10, right: 10, bottom: 30 });
    await page.keyboard.press('Escape');
    return t.split('\n').filter((l) => l.trim()).slice(0, 2).join(' / ');
  });

  await check('outline lists Điều 1–3 and the sections of the Kế hoạch', async () => {
    await showOutline();
    const rows = page.locator('.outline-pane .monaco-list-row');
    const labels = async () => (await rows.allInnerTexts()).map(norm);
    await waitFor('Điều 1–3 in the outline', async () => {
      const l = await labels();
      return ['Điều 1', 'Điều 2', 'Điều 3'].every((d) => l.some((x) => x.startsWith(d)));
    });
    // Open the attached Kế hoạch and read its roman sections.
    const attachment = rows.filter({ hasText: 'Văn bản kèm theo' }).first();
    await attachment.locator('.monaco-tl-twistie').click();
    // The sections the parser finds in the attached Kế hoạch (`vanban outline`): I–IV in seed 004.
    const outline = JSON.parse(spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'outline', '--format', 'json', path.join(WS, 'qd-971-2024.txt')], { encoding: 'utf8' }).stdout);
    const want = outline.children.find((n) => n.kind === 'attachment').children.filter((n) => n.kind === 'section').map((n) => `${n.number}. ${n.title}`);
    if (want.length < 3) throw new Error(`vanban outline finds ${want.length} sections`);
    const sections = await waitFor(`${want.join(' / ')} in the outline`, async () => {
      const l = await labels();
      return want.every((w) => l.some((x) => x.startsWith(w))) ? want : undefined;
    });
    await goToLine(35, 3);
    const crumbs = await waitFor('breadcrumbs on Điều 2', async () => {
      const b = await text('.editor-group-container.active .breadcrumbs-control');
      return b.includes('Điều 2') ? b : undefined;
    });
    await shot('vscode-outline', page.locator('.monaco-workbench'), { left: 0, top: 0, right: -330, bottom: -360 });
    return `${sections.join(' / ')}; breadcrumbs “${crumbs.replace(/\s+/gu, ' ').trim()}”`;
  });

  await check('“Inspect Editor Tokens” shows the grammar scope on a “Điều 2.” line', async () => {
    await goToLine(35, 3);
    await page.setViewportSize({ width: 1280, height: 1200 }); // room for the whole inspector
    await runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = page.locator('.token-inspect-widget');
    const t = await waitFor('the token inspector', async () => {
      const w = norm(await widget.innerText().catch(() => ''));
      return w.includes('entity.name.section.dieu.vanban') ? w : undefined;
    });
    await shot('vscode-inspect', widget, { left: 40, top: 40, right: 20, bottom: 10 });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
    return /language\s*(\S+)/u.exec(t)?.[0] ?? '';
  });

  await check('renumber quick fix on an injected gap (Điều 4 after Điều 2) fixes the numbering and the references', async () => {
    await openFile('qd-971-gap.vanban');
    await waitFor('language mode Văn bản', async () => (await languageMode()) === 'Văn bản');
    await waitFor('the numbering error in the status bar', async () => ((await vanbanStatus())?.errors ?? 0) > 0);
    await goToLine(37, 6);
    await waitFor('the squiggle under “4”', async () => (await page.locator('.editor-group-container.active .squiggly-error').count()) > 0);
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Đánh số lại' }).first();
    await item.waitFor();
    await shot('vscode-quickfix', page.locator('.action-widget'), { left: 90, top: 60, right: 260, bottom: 20 });
    const title = norm(await item.innerText());
    await item.click();
    await page.keyboard.press('Control+S');
    const file = path.join(WS, 'qd-971-gap.vanban');
    const saved = await waitFor('the file saved with Điều 3', async () => {
      const t = readFileSync(file, 'utf8');
      return t.includes('Điều 3. Chánh Văn phòng Bộ,') ? t : undefined;
    });
    if (!saved.includes('- Như Điều 3;')) throw new Error(`numbering fixed by “${title}”, but the reference “Như Điều 4” was not rewritten to “Như Điều 3”`);
    return title;
  });
}

async function templateChecks() {
  await check('new Kế hoạch from the ND30 template: vanban mode, today’s date, no problem, sections in the outline', async () => {
    // Without the corpus nothing was clicked yet: the keyboard reaches the workbench only once something in it has focus.
    await focusWorkbench();
    // runVanbanCommand presses Enter only once the command is the first row: on the loaded CI machine Enter
    // pressed before the list had filtered ran another command, and the template list never came.
    const row = await runVanbanCommand('Tạo văn bản mới từ mẫu…', 'New Document from a Model…');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Kế hoạch' }).first().waitFor();
    await input.fill('Kế hoạch');
    await waitFor('Kế hoạch first in the list', async () => norm(await page.locator('.quick-input-list .monaco-list-row .label-name').first().innerText()).trim() === 'Kế hoạch');
    await page.keyboard.press('Enter');
    await waitFor('language mode Văn bản', async () => (await languageMode()) === 'Văn bản');
    await page.keyboard.press('Escape'); // leave snippet mode
    const today = new Date();
    const dateLine = await waitFor('the date line', async () => (await visibleLines()).find((l) => /ngày \d+ tháng \d+ năm \d{4}/u.test(l)));
    const [, dd, mm, yyyy] = /ngày (\d+) tháng (\d+) năm (\d{4})/u.exec(dateLine);
    if (Number(dd) !== today.getDate() || Number(mm) !== today.getMonth() + 1 || Number(yyyy) !== today.getFullYear()) throw new Error(`date line ${dateLine}`);
    if ((today.getDate() < 10) !== dd.startsWith('0') || (today.getMonth() + 1 < 3) !== mm.startsWith('0')) throw new Error(`ND30 padding: ${dateLine}`);
    const status = await waitFor('our status bar: Kế hoạch, 0 errors, 0 warnings', async () => {
      const s = await vanbanStatus();
      return s && s.type === 'Kế hoạch' && s.errors === 0 && s.warnings === 0 ? s : undefined;
    });
    await showOutline();
    await waitFor('sections I–III in the outline', async () => {
      const l = (await page.locator('.outline-pane .monaco-list-row').allInnerTexts()).map(norm);
      return ['I', 'II', 'III'].every((r) => l.some((x) => new RegExp(`^(?:Phần |Mục )?${r}\\b`, 'u').test(x)));
    });
    await shot('vscode-template', page.locator('.monaco-workbench'), { left: 0, top: 0, right: -200, bottom: -150 });
    return `“${row}”; ${dateLine.trim()}; status ${status.type} ${status.errors}/${status.warnings}`;
  });
}

/**
 * Completion of a citation from the registry, typed at the end of the open document (the new Kế hoạch):
 * "Nghị định số 63" lists the registry's numbers starting so; the chosen one is written out in full
 * (ND30 Phụ lục I II.6.b: number, date, issuer, trích yếu).
 */
async function citationCompletionCheck() {
  await check('typing “Nghị định số 63” offers the registry’s numbers and inserts the full citation', async () => {
    await waitFor('language mode Văn bản', async () => (await languageMode()) === 'Văn bản');
    await page.locator('.editor-group-container.active .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Căn cứ Nghị định số 63');
    const widget = page.locator('.editor-widget.suggest-widget.visible');
    if (!(await widget.isVisible())) await page.keyboard.press('Control+Space');
    const row = widget.locator('.monaco-list-row', { hasText: '63/2022/NĐ-CP' }).first();
    await row.waitFor();
    const offered = (await widget.locator('.monaco-list-row .label-name').allInnerTexts()).map(norm);
    // Focus the entry and open its details (the trích yếu) beside the list for the picture.
    const focused = async () => norm(await widget.locator('.monaco-list-row.focused').first().innerText().catch(() => ''));
    for (let i = 0; i < offered.length && !(await focused()).includes('63/2022/NĐ-CP'); i++) await page.keyboard.press('ArrowDown');
    const details = page.locator('.suggest-details-container .suggest-details, .suggest-widget .details').first();
    if (!(await details.isVisible().catch(() => false))) await page.keyboard.press('Control+Space');
    await details.waitFor({ timeout: 3000 }).catch(() => undefined);
    const boxes = [await widget.boundingBox(), await details.boundingBox().catch(() => null)].filter(Boolean);
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 170);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - 30);
    const width = Math.min(page.viewportSize().width - x, Math.max(...boxes.map((b) => b.x + b.width)) + 10 - x);
    const height = Math.max(...boxes.map((b) => b.y + b.height)) + 10 - y;
    await page.screenshot({ path: shotPath('vscode-completion'), clip: { x, y, width, height } });
    await widget.locator('.monaco-list-row', { hasText: '63/2022/NĐ-CP' }).first().click();
    // Word wrap is on: the inserted line spans several view lines.
    const line = await waitFor('the full citation in the text', async () => {
      const lines = await visibleLines();
      const at = lines.findIndex((l) => l.includes('Căn cứ Nghị định số 63/2022/NĐ-CP ngày'));
      return at < 0 ? undefined : lines.slice(at, at + 4).join(' ').replace(/\s+/gu, ' ');
    });
    if (!/63\/2022\/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ/u.test(line)) throw new Error(`inserted: ${line}`);
    await page.keyboard.press('Control+Z');
    return `offered ${offered.join(', ')}; inserted “${line.trim().slice(0, 100)}…”`;
  });
}

/** Answers VS Code's own file dialog (a quick input holding a path, once the command palette has gone). */
async function fileDialog(file) {
  const input = page.locator('.quick-input-widget input');
  await waitFor('the file dialog', async () => (await input.inputValue().catch(() => '')).startsWith('/'));
  // The simple file dialog sets its own value in steps (the folder, then after listing it): ours must come last.
  await waitFor(`the file dialog at ${file}`, async () => {
    if ((await input.inputValue().catch(() => '')) !== file) await input.fill(file);
    await new Promise((r) => setTimeout(r, 300));
    return (await input.inputValue().catch(() => '')) === file;
  });
  await page.keyboard.press('Enter');
}

/** The Word commands (extension/vscode/docx.ts) on quyet-dinh-mau.docx of the workspace. */
async function wordChecks() {
  const docx = path.join(WS, 'quyet-dinh-mau.docx');
  await check('command “Check a Word file” shows a .docx as text, with the server’s and the layout diagnostics', async () => {
    await runVanbanCommand('Kiểm tra tệp Word (.docx)…', 'Check a Word File (.docx)…');
    await fileDialog(docx);
    // Reading the .docx (mammoth) in the web-worker host of a loaded machine took over 20 s once.
    await waitFor('the .docx in a tab', async () => (await page.locator('.tabs-container .tab', { hasText: 'quyet-dinh-mau.docx' }).count()) > 0, 45_000);
    await waitFor('language mode Văn bản', async () => (await languageMode()) === 'Văn bản');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor();
    // The panel's list is virtual: show only this file's rows so that they are all in the page.
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.fill('quyet-dinh-mau.docx');
    const t = await waitFor('a layout and a text diagnostic in the Problems panel', async () => {
      const x = norm(await panel.innerText());
      return x.includes('Lề trang chưa đúng ND30: lề trên 15 mm') && x.includes('Khoản 3 đứng sau khoản 1') ? x : undefined;
    }, 30_000);
    await shot('vscode-docx');
    await filter.fill('');
    await page.keyboard.press('Control+Shift+M');
    return /\[đoạn \d+ [^\]]*\]/u.exec(t)?.[0] ?? 'layout/margins and numbering/khoan';
  });
  await check('command “Export to Word” saves the open document in the ND30 layout', async () => {
    const out = path.join(WS, 'quyet-dinh-mau.nd30.docx');
    await runVanbanCommand('Xuất ra Word (.docx)…', 'Export to Word (.docx)…');
    await fileDialog(out);
    const bytes = await waitFor('the .docx written', async () => (existsSync(out) ? readFileSync(out) : undefined), 30_000);
    const xml = bytes.subarray(0, 2).toString('latin1');
    if (xml !== 'PK') throw new Error('not a zip');
    const r = spawnSync(process.execPath, [path.join(root, 'bin/vanban.js'), 'check', '--format', 'json', out], { encoding: 'utf8' });
    const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d) => d.code);
    if (codes.some((c) => c.startsWith('layout/'))) throw new Error(`layout diagnostics on the export: ${codes.join(', ')}`);
    return `${bytes.length} bytes, no layout diagnostic (the 15 mm margin is back to 20 mm)`;
  });
}
