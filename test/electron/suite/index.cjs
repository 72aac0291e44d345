// Runs inside VS Code's extension host: the extension's diagnostics and quick fix, as in test/e2e.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await condition();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function run() {
  const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
  const uri = vscode.Uri.file(path.join(folder, 'docs', 'runbooks', 'database-failover.md'));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const diagnostic = await waitFor(
    () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'section-missing'),
    60_000,
    'the section-missing diagnostic',
  );
  assert.equal(diagnostic.message, 'Missing required section "Rollback" (type runbook)');
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range);
  const insert = actions.find((a) => a.title === 'Insert section "Rollback"');
  assert.ok(insert, 'the quick fix is offered');
  assert.ok(await vscode.workspace.applyEdit(insert.edit));
  assert.match(document.getText(), /## Rollback\n\nTODO: /);
  await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.code === 'section-missing'), 30_000, 'the diagnostic to go away');
}

module.exports = { run };
