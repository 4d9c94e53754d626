/**
 * What the Node entry (extension.ts) and the web entry (web-extension.ts)
 * share: the language client options, the commands, the status bar and the
 * offer to open plain-text documents in the `vanban` mode. Only the way the
 * server is started differs (a Node process, or a Web Worker).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands.ts';
import { clientLang, type Lang } from './messages.ts';
import { watchPlainTextDocuments } from './plain-text.ts';
import { createStatusBar } from './status-bar.ts';

export const LANGUAGE_ID = 'vanban';
export const SECTION = 'vanban';

export interface Vanban {
  client: BaseLanguageClient;
  /** Starts the server if it is not running yet; resolves when it has answered `initialize`. */
  ready(): Promise<void>;
  /** The language of the client's own messages, as `vanban.lang` says now. */
  lang(): Lang;
}

export function clientOptions(): LanguageClientOptions {
  return {
    // Every scheme: file, untitled (new documents from a template), vscode-vfs (VS Code for the Web).
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls the `vanban` section per document (workspace/configuration) and registers for its changes.
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
  };
}

export async function activateVanban(context: vscode.ExtensionContext, createClient: (options: LanguageClientOptions) => BaseLanguageClient): Promise<Vanban> {
  const client = createClient(clientOptions());
  let started: Promise<void> | undefined;
  const vanban: Vanban = {
    client,
    ready: () => (started ??= client.start()),
    lang: () => clientLang(vscode.workspace.getConfiguration(SECTION).get('lang'), vscode.env.language),
  };
  registerCommands(context, vanban);
  context.subscriptions.push(createStatusBar(vanban), watchPlainTextDocuments(context, vanban), { dispose: () => void client.stop() });
  // The extension also wakes for .txt and .md files (to offer the vanban mode):
  // the server process starts with the first vanban document only.
  const isVanban = (d: vscode.TextDocument) => d.languageId === LANGUAGE_ID;
  if (vscode.workspace.textDocuments.some(isVanban)) await vanban.ready();
  else {
    const wait = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!isVanban(d)) return;
      wait.dispose();
      void vanban.ready();
    });
    context.subscriptions.push(wait);
  }
  return vanban;
}
