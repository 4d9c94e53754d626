/**
 * The VS Code extension (desktop, and code-server): the language server runs
 * as its own Node process (dist/server.js), spoken to over Node IPC.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { activateVanban, type Vanban } from './activate.ts';

let vanban: Vanban | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<Vanban> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  vanban = await activateVanban(context, (options: LanguageClientOptions) => new LanguageClient('vanban', 'Văn bản (vanban)', serverOptions, options));
  return vanban;
}

export async function deactivate(): Promise<void> {
  await vanban?.client.stop();
}
