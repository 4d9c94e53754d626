/**
 * The web extension (VS Code for the Web, vscode.dev-like hosts): the same
 * client, with the server's worker build (dist/server-worker.js) in a Web
 * Worker. There is no disk there: the server sees the open documents only.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateVanban, type Vanban } from './activate.ts';

// The web extension host is a Web Worker: `Worker` exists there (the repo's tsconfig has no DOM lib).
declare const Worker: { new (url: string): ConstructorParameters<typeof LanguageClient>[3] };

let vanban: Vanban | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Vanban> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-worker.js');
  vanban = await activateVanban(context, (options: LanguageClientOptions) => {
    const worker = new Worker(main.toString(true));
    return new LanguageClient('vanban', 'Văn bản (vanban)', options, worker);
  });
  return vanban;
}

export async function deactivate(): Promise<void> {
  await vanban?.client.stop();
}
