/**
 * The drafting page (a tab or the side panel): CodeMirror 6 talking LSP to
 * the vanban server in a Web Worker — diagnostics with quick fixes, hover,
 * completion, the outline, grammar-driven highlighting — with the draft kept
 * in extension storage as it is typed, .txt open/save and paste from Word.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { lintGutter, lintKeymap, openLintPanel } from '@codemirror/lint';
import { findReferencesKeymap, hoverTooltips, jumpToDefinitionKeymap, LSPClient, LSPPlugin, renameKeymap, serverCompletion } from '@codemirror/lsp-client';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type ViewUpdate } from '@codemirror/view';
import { pick } from '../../../language-server/src/io/encoding.ts';
import ServerWorker from './server-worker.ts?worker';
import type { Settings } from '../lib/settings.ts';
import { draftItem, settingsItem, type Draft } from '../lib/storage.ts';
import { applyServerEdits, diagnosticsWithFixes, editsFor, latestDiagnostics, type LspCodeAction } from './diagnostics.ts';
import { cleanWordText, openTextFile, saveDocxFile, saveTextFile } from './files.ts';
import { EDITOR_FONT, loadEditorFonts } from './fonts.ts';
import { vanbanHighlighting } from './highlight.ts';
import { Outline, outlineCapabilities } from './outline.ts';
import { sanitizeHtml } from './sanitize.ts';
import { workerTransport } from './transport.ts';

export const DRAFT_URI = 'file:///ban-nhap/van-ban.vanban';
const SAVE_DELAY_MS = 300;

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '17px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: EDITOR_FONT, lineHeight: '1.55' },
  '.cm-content': { padding: '16px 0', maxWidth: '52em' },
  '.cm-line': { padding: '0 24px' },
  '.cm-gutters': { backgroundColor: '#f6f8fa', borderRight: '1px solid #d0d7de', color: '#8c959f', fontFamily: 'system-ui, sans-serif', fontSize: '12px' },
  '.cm-tooltip': { fontFamily: '"Segoe UI", "Noto Sans", system-ui, sans-serif', fontSize: '13px', maxWidth: '520px' },
  '.cm-diagnostic': { fontFamily: '"Segoe UI", "Noto Sans", system-ui, sans-serif' },
});

/** Settings in the shape the server reads (`vanban.*`). */
function serverSettings(s: Settings) {
  return { vanban: { lang: s.lang, rules: s.rules } };
}

export interface DraftingPage {
  view: EditorView;
  client: LSPClient;
  /** Saves the draft now (also done on every change after a short pause and when the page hides). */
  saveNow(): Promise<void>;
}

export async function startDraftingPage(root: HTMLElement): Promise<DraftingPage> {
  const doc = root.ownerDocument;
  const [settings, draft] = await Promise.all([settingsItem.get(), draftItem.get(), loadEditorFonts(doc)]);
  let name = draft.name;

  const $ = <T extends HTMLElement>(sel: string) => root.querySelector(sel) as T;
  const status = $('#status');
  const saved = $('#saved');
  const outlineBox = $('#outline');

  const client = new LSPClient({
    rootUri: 'file:///ban-nhap/',
    initializationOptions: { diagnosticMode: 'push', settings: serverSettings(settings) },
    sanitizeHTML: (html) => sanitizeHtml(html, doc),
    timeout: 15_000,
    extensions: [
      serverCompletion(),
      hoverTooltips(),
      keymap.of([...renameKeymap, ...jumpToDefinitionKeymap, ...findReferencesKeymap]),
      diagnosticsWithFixes(),
      outlineCapabilities,
    ],
  }).connect(workerTransport(new ServerWorker({ name: 'vanban-lsp' })));

  let saveTimer = -1;
  const save = async () => {
    clearTimeout(saveTimer);
    saveTimer = -1;
    const d: Draft = { text: view.state.doc.toString(), name, savedAt: Date.now() };
    await draftItem.set(d);
    saved.textContent = `Đã lưu bản nháp lúc ${new Date(d.savedAt).toLocaleTimeString('vi-VN')}`;
    root.dataset.savedVersion = String(d.savedAt);
  };

  let outline: Outline;
  let outlineTimer = -1;
  const onUpdate = (u: ViewUpdate) => {
    if (!u.docChanged) return;
    clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => void save(), SAVE_DELAY_MS);
    clearTimeout(outlineTimer);
    outlineTimer = window.setTimeout(() => void outline.refresh(), 600);
  };

  const view = new EditorView({
    parent: $('#editor'),
    state: EditorState.create({
      doc: draft.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        autocompletion(),
        search({ top: true }),
        highlightSelectionMatches(),
        EditorView.lineWrapping,
        lintGutter(),
        vanbanHighlighting(),
        theme,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
        client.plugin(DRAFT_URI, 'vanban'),
        EditorView.updateListener.of(onUpdate),
        EditorView.domEventHandlers({
          paste(event, v) {
            const text = event.clipboardData?.getData('text/plain');
            if (!text) return false;
            event.preventDefault();
            v.dispatch(v.state.replaceSelection(cleanWordText(text)), { userEvent: 'input.paste', scrollIntoView: true });
            return true;
          },
        }),
      ],
    }),
  });
  outline = new Outline(view, outlineBox, { empty: 'Chưa có cấu trúc (Điều, Chương, mục…).' });

  // The status line: counts of the last diagnostics the server sent for the text on screen.
  const showStatus = () => {
    const last = latestDiagnostics.get(view);
    if (!last) return;
    const n = [0, 0, 0, 0, 0];
    for (const d of last.diagnostics) n[d.severity ?? 1]++;
    status.textContent = last.diagnostics.length === 0 ? 'Không có lỗi nào.' : `${n[1]} lỗi, ${n[2]} cảnh báo, ${n[3] + n[4]} gợi ý`;
    root.dataset.diagnostics = String(last.diagnostics.length);
    void outline.refresh();
  };
  const statusTimer = window.setInterval(showStatus, 250);

  $('#open').addEventListener('click', async () => {
    const picked = await openTextFile(doc);
    if (!picked) return;
    const lang = (await settingsItem.get()).lang;
    if (!picked.file.ok) {
      // Nothing is replaced: the draft on screen stays as it was.
      status.textContent = `${picked.name}: ${pick(picked.file.message, lang)}`;
      return;
    }
    name = picked.name.replace(/\.[^.]+$/u, '') + '.txt';
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: picked.file.text }, userEvent: 'input.open' });
    if (picked.file.notice) status.textContent = pick(picked.file.notice, lang);
  });
  $('#save').addEventListener('click', () => saveTextFile(doc, name, view.state.doc.toString()));
  $('#save-docx').addEventListener('click', () => void saveDocxFile(doc, name, view.state.doc.toString()));
  $('#problems').addEventListener('click', () => {
    openLintPanel(view);
  });
  $('#fix-all').addEventListener('click', async () => {
    const plugin = LSPPlugin.get(view);
    if (!plugin) return;
    plugin.client.sync();
    const version = plugin.client.workspace.getFile(DRAFT_URI)?.version ?? -1;
    const end = plugin.toPosition(plugin.syncedDoc.length, plugin.syncedDoc);
    const actions =
      (await client
        .request<unknown, LspCodeAction[] | null>('textDocument/codeAction', {
          textDocument: { uri: DRAFT_URI },
          range: { start: { line: 0, character: 0 }, end },
          context: { diagnostics: [], only: ['source.fixAll'] },
        })
        .catch(() => null)) ?? [];
    const all = actions.find((a) => a.kind?.startsWith('source.fixAll'));
    if (all) applyServerEdits(view, editsFor(all, DRAFT_URI), version);
  });

  settingsItem.watch((s) => client.notification('workspace/didChangeConfiguration', { settings: serverSettings(s) }));
  const flush = () => {
    if (saveTimer !== -1) void save();
  };
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') flush();
  });
  doc.defaultView?.addEventListener('pagehide', flush);
  doc.defaultView?.addEventListener('beforeunload', () => clearInterval(statusTimer));

  view.focus();
  return { view, client, saveNow: save };
}
