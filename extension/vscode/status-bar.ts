/**
 * A status bar item for the active `vanban` document: its type (as the
 * parser reads it, or as `vanban.docType` sets it) and its error and warning
 * counts. Clicking it chooses the document type.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './command-ids.ts';
import { docTypeOf } from './doc-type.ts';
import { LANGUAGE_ID, SECTION, type Vanban } from './activate.ts';
import { DOC_TYPE_LABELS, t } from './messages.ts';

const DEBOUNCE_MS = 400;

export function createStatusBar(vanban: Vanban): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('vanban.status', vscode.StatusBarAlignment.Left, 90);
  item.name = t(vanban.lang(), 'statusName');
  item.command = COMMANDS.chooseDocType;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let docType: { uri: string; version: number; type: ReturnType<typeof docTypeOf> } | undefined;

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    const lang = vanban.lang();
    if (!docType || docType.uri !== doc.uri.toString() || docType.version !== doc.version) {
      const setting = vscode.workspace.getConfiguration(SECTION, doc.uri).get<string>('docType', 'auto');
      docType = { uri: doc.uri.toString(), version: doc.version, type: docTypeOf(doc.getText(), setting) };
    }
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    const label = DOC_TYPE_LABELS[docType.type][lang];
    item.text = `$(law) ${label}  $(error) ${errors}  $(warning) ${warnings}`;
    item.tooltip = t(lang, 'statusTooltip', label, errors, warnings);
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  const subs = [
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) later();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) {
        docType = undefined;
        update();
      }
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) later();
    }),
  ];
  update();
  return vscode.Disposable.from(item, ...subs, { dispose: () => clearTimeout(timer) });
}
