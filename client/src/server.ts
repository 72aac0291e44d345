import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONFIG_GLOB, DOCUMENT_GLOB, settings } from './config';

/** Starts the bundled language server and hands it Markdown documents and OpsDocs config files. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
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
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher(CONFIG_GLOB), vscode.workspace.createFileSystemWatcher(DOCUMENT_GLOB)],
    },
    diagnosticCollectionName: 'opsdocs',
    // In Restricted Mode the server runs no program on the workspace's behalf (git, checkers).
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      run: settings.run(),
      // VS Code's Markdown support completes link paths and anchors itself: ours would show twice.
      linkCompletions: !vscode.workspace.getConfiguration('markdown').get<boolean>('suggest.paths.enabled', true),
    },
  };
  // The id 'opsdocs' makes the client honour the `opsdocs.trace.server` setting.
  return new LanguageClient('opsdocs', 'OpsDocs', serverOptions, clientOptions);
}
