import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_GLOB } from './config';

let client: LanguageClient | undefined;

/** Starts the bundled language server and hands it Markdown documents and OpsDocs config files. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: CONFIG_GLOB },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(CONFIG_GLOB) },
    diagnosticCollectionName: 'opsdocs',
  };
  // The id 'opsdocs' makes the client honour the `opsdocs.trace.server` setting.
  client = new LanguageClient('opsdocs', 'OpsDocs', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
