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
  // A young generation of 2 × 4 MB instead of V8's 2 × 16 MB: a check of a large document keeps most of
  // what it allocates until it ends, so the bigger one only delays promotion; ≈ 20 MB less resident memory
  // for the same CPU (issue 9). Only a flag at start can set it — `vanban lsp` (bin/vanban.js) runs without.
  const execArgv = ['--max-semi-space-size=4'];
  // Node reads the file NODE_EXTRA_CA_CERTS names (a system's whole CA bundle on many corporate machines) at
  // start, before any of our code: ≈ 50–100 ms of every server start where it is set (issue 9). The server
  // opens no connection, so it needs no certificate; the empty value is Node's "none" (an unset variable would
  // come back from the extension host's environment, which the client merges in).
  const env = { NODE_EXTRA_CA_CERTS: '' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'], env } },
  };
  vanban = await activateVanban(context, (options: LanguageClientOptions) => new LanguageClient('vanban', 'Văn bản (vanban)', serverOptions, options));
  return vanban;
}

export async function deactivate(): Promise<void> {
  await vanban?.client.stop();
}
