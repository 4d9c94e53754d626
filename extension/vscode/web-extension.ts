/**
 * The web extension (VS Code for the Web, vscode.dev-like hosts): the same
 * client, with the server's worker build (dist/server-worker.js) in a Web
 * Worker. There is no disk there: the server sees the open documents only.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateVanban, type Vanban } from './activate.ts';

// The web extension host is a Web Worker: `Worker` exists there (the repo's tsconfig has no DOM lib).
declare const Worker: { new (url: string): ConstructorParameters<typeof LanguageClient>[2] };

let vanban: Vanban | undefined;

/**
 * Where the worker script can be loaded from. VS Code refuses `new Worker()`
 * on a `vscode-remote:` URI (an extension installed on a remote server, as in
 * code-server), so that script is read through the file system API and
 * handed over as a blob: URL; elsewhere (vscode.dev) its URI is usable as is.
 */
async function workerUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme !== 'vscode-remote') return uri.toString(true);
  const bytes = await vscode.workspace.fs.readFile(uri);
  return URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
}

export async function activate(context: vscode.ExtensionContext): Promise<Vanban> {
  const url = await workerUrl(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-worker.js'));
  // vscode-languageclient 11: (id, name, serverOptions = the worker, clientOptions).
  vanban = await activateVanban(context, (options: LanguageClientOptions) => new LanguageClient('vanban', 'Văn bản (vanban)', new Worker(url), options));
  return vanban;
}

export async function deactivate(): Promise<void> {
  await vanban?.client.stop();
}
