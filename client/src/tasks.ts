import * as path from 'node:path';
import * as vscode from 'vscode';

/** A task of type `opsdocs` in tasks.json, as package.json's taskDefinitions describes it. */
interface OpsDocsTaskDefinition extends vscode.TaskDefinition {
  paths?: string[];
  config?: string;
  maxWarnings?: number;
}

const TYPE = 'opsdocs';

/**
 * `opsdocs validate` as a task, for people who run their checks through Tasks: the bundled CLI,
 * with the `$opsdocs` problem matcher reading its text output into the Problems panel.
 */
export function registerTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  return vscode.tasks.registerTaskProvider(TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => validateTask(cli, { type: TYPE }, folder)),
    resolveTask: (task) => {
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? validateTask(cli, task.definition as OpsDocsTaskDefinition, folder) : undefined;
    },
  });
}

function validateTask(cli: string, definition: OpsDocsTaskDefinition, folder: vscode.WorkspaceFolder): vscode.Task {
  const args = ['validate', ...(definition.paths ?? []), '--format', 'text'];
  if (definition.config) args.push('--config', definition.config);
  if (definition.maxWarnings !== undefined) args.push('--max-warnings', String(definition.maxWarnings));
  // The extension host's executable runs scripts as Node.js with ELECTRON_RUN_AS_NODE (VS Code is Electron; code-server is Node).
  const execution = new vscode.ProcessExecution(process.execPath, [cli, ...args], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, 'validate', 'opsdocs', execution, '$opsdocs');
  task.group = vscode.TaskGroup.Test;
  task.detail = `opsdocs ${args.join(' ')}`;
  return task;
}
