import * as vscode from 'vscode';
import type { RunMode } from '../../server/src/lsp/protocol';

/** The files that configure OpsDocs, wherever they sit in the workspace. */
export const CONFIG_GLOB = '**/.opsdocs.{yaml,yml,json}';
/** The documents the server follows on disk once the workspace has been validated. */
export const DOCUMENT_GLOB = '**/*.md';

const section = () => vscode.workspace.getConfiguration('opsdocs');

/** Typed access to every OpsDocs setting, in one place. */
export const settings = {
  enabled(): boolean {
    return section().get<boolean>('enable', true);
  },
  run(): RunMode {
    return section().get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType';
  },
  reviewNotifications(): boolean {
    return section().get<boolean>('reviewNotifications.enabled', true);
  },
};
