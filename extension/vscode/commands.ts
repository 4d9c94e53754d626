/**
 * The commands of the extension (titles in package.nls*.json):
 * new document from an ND30 template, renumber, fix all, the cited
 * documents, the document type, and a check of the whole workspace.
 */
import * as vscode from 'vscode';
import { calendarDate } from '../templates/nd30-date.ts';
import { TEMPLATES, templateSnippet, type TemplateId } from '../templates/templates.ts';
import type { DocType } from '../../language-server/src/core/syntax/tree.ts';
import { LANGUAGE_ID, SECTION, type Vanban } from './activate.ts';
import { citedDocuments } from './citations.ts';
import { COMMANDS, FIX_ALL_KIND, RENUMBER_KIND } from './command-ids.ts';
import { checkWorkspace } from './check-workspace.ts';
import { DOC_TYPE_LABELS, t } from './messages.ts';
import { renumberEdits } from './renumber.ts';
import { registerWord } from './docx.ts';


export function registerCommands(context: vscode.ExtensionContext, vanban: Vanban): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  reg(COMMANDS.newDocument, (id?: unknown) => newDocument(vanban, typeof id === 'string' ? (id as TemplateId) : undefined));
  reg(COMMANDS.renumber, () => withVanbanEditor(vanban, (editor) => renumber(vanban, editor)));
  reg(COMMANDS.fixAll, () => withVanbanEditor(vanban, (editor) => fixAll(vanban, editor)));
  reg(COMMANDS.showCitations, () => withVanbanEditor(vanban, (editor) => showCitations(vanban, editor)));
  reg(COMMANDS.chooseDocType, (docType?: unknown) => chooseDocType(vanban, typeof docType === 'string' ? docType : undefined));
  reg(COMMANDS.checkWorkspace, () => checkWorkspace(vanban));
  registerWord(context, vanban);
}

async function withVanbanEditor(vanban: Vanban, fn: (editor: vscode.TextEditor) => Promise<unknown>): Promise<unknown> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage(t(vanban.lang(), 'noVanbanEditor'));
    return undefined;
  }
  return fn(editor);
}

/** A new untitled document in the `vanban` mode with the template inserted as a snippet, dated today. */
async function newDocument(vanban: Vanban, preset?: TemplateId): Promise<vscode.TextEditor | undefined> {
  const lang = vanban.lang();
  let id = TEMPLATES.find((x) => x.id === preset)?.id;
  if (!id) {
    const pick = await vscode.window.showQuickPick(
      TEMPLATES.map((x) => ({ label: x.title[lang], description: `${lang === 'vi' ? 'Mẫu' : 'Model'} ${x.mau}`, detail: x.detail[lang], id: x.id })),
      { placeHolder: t(lang, 'pickTemplate'), matchOnDetail: true },
    );
    if (!pick) return undefined;
    id = pick.id;
  }
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(templateSnippet(id, calendarDate(new Date()))));
  return editor;
}

function wholeDocument(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

/** The server's code actions of one kind over the whole document. */
async function actionsOfKind(doc: vscode.TextDocument, kind: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>('vscode.executeCodeActionProvider', doc.uri, wholeDocument(doc), kind);
  const want = vscode.CodeActionKind.Empty.append(kind);
  return (all ?? []).filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && want.contains(a.kind));
}

async function applyAction(action: vscode.CodeAction): Promise<boolean> {
  let ok = true;
  if (action.edit) ok = await vscode.workspace.applyEdit(action.edit);
  if (ok && action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return ok;
}

async function fixAll(vanban: Vanban, editor: vscode.TextEditor): Promise<boolean> {
  const [action] = await actionsOfKind(editor.document, FIX_ALL_KIND);
  if (!action) {
    void vscode.window.showInformationMessage(t(vanban.lang(), 'nothingToFix'));
    return false;
  }
  const ok = await applyAction(action);
  if (ok) vscode.window.setStatusBarMessage(t(vanban.lang(), 'fixed', action.title), 4000);
  return ok;
}

/**
 * Renumbers every scope of the document (Điều, khoản, điểm, Chương, mục…).
 * The server's renumbering refactor, which also rewrites the references to
 * the moved units, when it offers one; else the numbering fixes of the core.
 */
async function renumber(vanban: Vanban, editor: vscode.TextEditor): Promise<boolean> {
  const doc = editor.document;
  const [action] = await actionsOfKind(doc, RENUMBER_KIND);
  if (action) return applyAction(action);
  const edits = renumberEdits(doc.getText());
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(t(vanban.lang(), 'nothingToRenumber'));
    return false;
  }
  const ok = await editor.edit((b) => {
    for (const e of edits) b.replace(new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  });
  if (ok) vscode.window.setStatusBarMessage(t(vanban.lang(), 'renumbered', edits.length), 4000);
  return ok;
}

async function showCitations(vanban: Vanban, editor: vscode.TextEditor): Promise<void> {
  const lang = vanban.lang();
  const cited = citedDocuments(editor.document.getText());
  if (cited.length === 0) {
    void vscode.window.showInformationMessage(t(lang, 'noCitations'));
    return;
  }
  const items = cited.map((c) => ({
    label: c.text,
    description: t(lang, 'citationCount', c.places.length),
    detail: c.places.slice(0, 12).map((p) => t(lang, 'lineN', p.line + 1)).join(', ') + (c.places.length > 12 ? ', …' : ''),
    place: c.places[0],
  }));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: t(lang, 'pickCitation', cited.length), matchOnDescription: true });
  if (!pick) return;
  const range = new vscode.Range(pick.place.line, pick.place.start, pick.place.line, pick.place.end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/**
 * The document type decides what the rules expect (a Kế hoạch has no "QUYẾT
 * ĐỊNH:" line…). It is the `vanban.docType` setting of the document's folder
 * (the server reads it like a `.vanbanrc.json` "docType").
 */
async function chooseDocType(vanban: Vanban, preset?: string): Promise<void> {
  const lang = vanban.lang();
  let value = preset;
  if (!value) {
    const types = (Object.keys(DOC_TYPE_LABELS) as DocType[]).filter((d) => d !== 'unknown');
    const pick = await vscode.window.showQuickPick(
      [{ label: t(lang, 'docTypeAuto'), value: 'auto' }, ...types.map((d) => ({ label: DOC_TYPE_LABELS[d][lang], description: d, value: d as string }))],
      { placeHolder: t(lang, 'pickDocType') },
    );
    if (!pick) return;
    value = pick.value;
  }
  const uri = vscode.window.activeTextEditor?.document.uri;
  const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION, folder?.uri).update('docType', value, target);
  const label = value === 'auto' ? t(lang, 'docTypeAuto') : (DOC_TYPE_LABELS[value as DocType]?.[lang] ?? value);
  vscode.window.setStatusBarMessage(t(lang, 'docTypeSet', label), 4000);
}
