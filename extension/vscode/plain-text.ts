/**
 * Plain-text (.txt) and Markdown files that look like a Vietnamese
 * administrative document (detect.ts) are switched to the `vanban` mode,
 * offered the switch, or left alone, as `vanban.plainText.detect` says
 * ("auto", "ask", "never"). Asked once per file; "Never ask again" turns the
 * setting to "never".
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, SECTION, type Vanban } from './activate.ts';
import { detectMode, detectVanban } from './detect.ts';
import { t } from './messages.ts';

const CANDIDATE_LANGUAGES = new Set(['plaintext', 'markdown']);
const DECLINED_KEY = 'vanban.plainText.declined';

export function watchPlainTextDocuments(context: vscode.ExtensionContext, vanban: Vanban): vscode.Disposable {
  const asked = new Set<string>(context.workspaceState.get<string[]>(DECLINED_KEY, []));

  const consider = async (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    if (!doc || !CANDIDATE_LANGUAGES.has(doc.languageId)) return;
    const key = doc.uri.toString();
    const mode = detectMode(vscode.workspace.getConfiguration(SECTION, doc.uri).get('plainText.detect'));
    if (mode === 'never' || asked.has(key)) return;
    const found = detectVanban(doc.getText());
    if (!found.looksLikeVanban) return;
    asked.add(key);
    if (mode === 'auto') {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
      return;
    }
    const lang = vanban.lang();
    const name = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
    const yes = t(lang, 'askYes');
    const never = t(lang, 'askNever');
    const answer = await vscode.window.showInformationMessage(t(lang, 'askPlainText', name), yes, t(lang, 'askNo'), never);
    if (answer === yes) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    } else {
      void context.workspaceState.update(DECLINED_KEY, [...asked].slice(-500));
      if (answer === never) await vscode.workspace.getConfiguration(SECTION).update('plainText.detect', 'never', vscode.ConfigurationTarget.Global);
    }
  };

  for (const editor of vscode.window.visibleTextEditors) void consider(editor);
  return vscode.window.onDidChangeActiveTextEditor((editor) => void consider(editor));
}
