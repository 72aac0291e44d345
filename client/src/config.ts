import * as vscode from 'vscode';

/** The files that configure OpsDocs, wherever they sit in the workspace. */
export const CONFIG_GLOB = '**/.opsdocs.{yaml,yml,json}';
/** The documents the server follows on disk once the workspace has been validated. */
export const DOCUMENT_GLOB = '**/*.md';

/** Typed access to every OpsDocs setting, in one place. */
export const settings = {
  reviewNotifications(): boolean {
    return vscode.workspace.getConfiguration('opsdocs').get<boolean>('reviewNotifications.enabled', true);
  },
};
