/**
 * Word in VS Code: "Xuất ra Word (.docx)…" lays the document out as
 * Nghị định 30 Phụ lục I describes (io/docx/export.ts) and saves it where
 * the user says; "Kiểm tra tệp Word (.docx)…" opens a .docx as a read-only
 * text view (io/docx/read.ts) in the vanban mode — the language server checks
 * its text, this file adds the layout/ diagnostics, and the view follows the
 * file when Word saves it again. Works in the web extension too (no Node API).
 */
import * as vscode from 'vscode';
import type { LayoutModel } from '../../language-server/src/core/layout/model.ts';
import { LANGUAGE_ID, SECTION, type Vanban } from './activate.ts';
import { COMMANDS } from './command-ids.ts';
import { DOCX_SCHEME, docxFileOf, docxViewUri, layoutDiagnostics, paragraphLabel } from './docx-view.ts';
import { t } from './messages.ts';

export function registerWord(context: vscode.ExtensionContext, vanban: Vanban): void {
  // Keyed by the .docx's URI (from the view's query): VS Code may hand the view's URI back encoded differently.
  const views = new Map<string, { text: string; layout: LayoutModel }>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const layoutProblems = vscode.languages.createDiagnosticCollection('vanban-layout');
  const watchers = new Map<string, vscode.Disposable>();

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const file = docxFileOf(uri.query);
      if (!file) return '';
      const { readDocx, DocxError } = await import('../../language-server/src/io/docx/read.ts');
      try {
        const read = await readDocx(await vscode.workspace.fs.readFile(vscode.Uri.parse(file)));
        views.set(file, read);
        return read.text;
      } catch (e) {
        const lang = vanban.lang();
        void vscode.window.showErrorMessage(t(lang, 'docxUnreadable', e instanceof DocxError ? e[lang] : String(e)));
        return '';
      }
    },
  };

  const refreshProblems = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== DOCX_SCHEME) return;
    const view = views.get(docxFileOf(doc.uri.query) ?? '');
    if (!view) return;
    const lang = vanban.lang();
    const rules = vscode.workspace.getConfiguration(SECTION, doc.uri).get<Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>>('rules');
    const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
    layoutProblems.set(
      doc.uri,
      layoutDiagnostics(view.text, view.layout, lang, rules).map((d) => {
        const where = paragraphLabel(view.text, view.layout, d.start, lang);
        const diag = new vscode.Diagnostic(new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end)), where ? `${d.message} [${where}]` : d.message, severity[d.severity]);
        diag.code = d.code;
        diag.source = 'vanban';
        return diag;
      }),
    );
  };

  const open = async (target?: unknown) => {
    let file = target instanceof vscode.Uri ? target : undefined;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] }, openLabel: t(vanban.lang(), 'docxOpenLabel') });
      file = picked?.[0];
    }
    if (!file) return undefined;
    const view = vscode.Uri.from(docxViewUri(file.toString(), file.path));
    if (!watchers.has(view.toString())) {
      // Word saved the file again: read it again.
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), file.path.split('/').pop()!));
      w.onDidChange(() => changed.fire(view));
      watchers.set(view.toString(), w);
    }
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(view), LANGUAGE_ID);
    refreshProblems(doc);
    return vscode.window.showTextDocument(doc, { preview: false });
  };

  const exportWord = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage(t(vanban.lang(), 'noVanbanEditor'));
      return undefined;
    }
    const doc = editor.document;
    const base = doc.uri.scheme === DOCX_SCHEME ? vscode.Uri.parse(docxFileOf(doc.uri.query) ?? '') : doc.uri;
    const name = (base.path.split('/').pop() || 'van-ban').replace(/\.[^.]*$/u, '') + (doc.uri.scheme === DOCX_SCHEME ? '.nd30.docx' : '.docx');
    const folder = doc.isUntitled ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(base, '..');
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters: { Word: ['docx'] }, saveLabel: t(vanban.lang(), 'docxSaveLabel') });
    if (!target) return undefined;
    const { exportDocx } = await import('../../language-server/src/io/docx/export.ts');
    await vscode.workspace.fs.writeFile(target, await exportDocx(doc.getText()));
    const openIt = t(vanban.lang(), 'docxOpenFile');
    void vscode.window.showInformationMessage(t(vanban.lang(), 'docxExported', target.path.split('/').pop() ?? ''), openIt).then((c) => {
      if (c === openIt) void vscode.env.openExternal(target);
    });
    return target;
  };

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, provider),
    layoutProblems,
    changed,
    vscode.workspace.onDidChangeTextDocument((e) => refreshProblems(e.document)),
    // Setting the language closes and reopens the view (events in either order): keep what was read and
    // the watcher, and drop the problems only of a view that is no longer open.
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme !== DOCX_SCHEME) return;
      const key = d.uri.toString();
      if (!vscode.workspace.textDocuments.some((x) => x.uri.toString() === key)) layoutProblems.delete(d.uri);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => refreshProblems(d)),
    vscode.commands.registerCommand(COMMANDS.exportDocx, exportWord),
    vscode.commands.registerCommand(COMMANDS.openDocx, open),
    { dispose: () => watchers.forEach((w) => w.dispose()) },
  );
}
