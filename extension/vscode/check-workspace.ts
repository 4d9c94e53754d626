/**
 * "Check the whole workspace": every .vanban/.vbhc file, and the .txt/.md
 * files that look like documents (unless `vanban.plainText.detect` is
 * "never"), is opened in the background in the `vanban` mode, so the server
 * checks it and the Problems panel lists what it found; then a summary.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, SECTION, type Vanban } from './activate.ts';
import { detectVanban } from './detect.ts';
import { t } from './messages.ts';

const MAX_FILES = 500;
const EXCLUDE = '**/{node_modules,dist,out,build,.git}/**';
/** How long the Problems panel must stay unchanged before the summary is counted. */
const QUIET_MS = 1500;
const TIMEOUT_MS = 30_000;

export async function checkWorkspace(vanban: Vanban): Promise<{ files: number; errors: number; warnings: number } | undefined> {
  const lang = vanban.lang();
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t(lang, 'noWorkspace'));
    return undefined;
  }
  const plainText = vscode.workspace.getConfiguration(SECTION).get<string>('plainText.detect', 'ask') !== 'never';
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t(lang, 'checkingWorkspace'), cancellable: true }, async (_p, token) => {
    const own = await vscode.workspace.findFiles('**/*.{vanban,vbhc}', EXCLUDE, MAX_FILES, token);
    const plain = plainText ? await vscode.workspace.findFiles('**/*.{txt,md}', EXCLUDE, MAX_FILES, token) : [];
    const docs: vscode.TextDocument[] = [];
    for (const uri of [...own, ...plain].slice(0, MAX_FILES)) {
      if (token.isCancellationRequested) break;
      let doc = await vscode.workspace.openTextDocument(uri);
      if (doc.languageId !== LANGUAGE_ID) {
        if (!detectVanban(doc.getText()).looksLikeVanban) continue;
        doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      }
      docs.push(doc);
    }
    if (docs.length === 0) {
      void vscode.window.showInformationMessage(t(lang, 'noDocuments'));
      return { files: 0, errors: 0, warnings: 0 };
    }
    await diagnosticsSettled(docs.map((d) => d.uri), token);
    let errors = 0;
    let warnings = 0;
    for (const d of docs) {
      for (const diag of vscode.languages.getDiagnostics(d.uri)) {
        if (diag.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (diag.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    // The Problems panel takes the focus: opened before the summary, so the focus has settled when the user
    // (or the e2e, which on a loaded CI machine once had its command palette closed by it) reads the summary.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    void vscode.window.showInformationMessage(t(lang, 'checkedWorkspace', docs.length, errors, warnings));
    return { files: docs.length, errors, warnings };
  });
}

/** Resolves when diagnostics of `uris` have stopped changing for a moment (or after a timeout). */
function diagnosticsSettled(uris: vscode.Uri[], token: vscode.CancellationToken): Promise<void> {
  const wanted = new Set(uris.map((u) => u.toString()));
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(quiet);
      clearTimeout(limit);
      sub.dispose();
      cancel.dispose();
      resolve();
    };
    const arm = () => {
      clearTimeout(quiet);
      quiet = setTimeout(done, QUIET_MS);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => wanted.has(u.toString()))) arm();
    });
    const cancel = token.onCancellationRequested(done);
    const limit = setTimeout(done, TIMEOUT_MS);
    arm();
  });
}
