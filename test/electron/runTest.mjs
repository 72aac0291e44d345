/**
 * The extension test through @vscode/test-electron, for machines with desktop VS Code
 * (here, where it cannot be downloaded, test/e2e runs the same checks in code-server).
 * `VSCODE_EXECUTABLE` names an installed VS Code; without it, test-electron downloads one.
 * Usage: npm run test:electron
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdocs-electron-'));
fs.cpSync(path.join(root, 'sample'), workspace, { recursive: true });

try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test', 'electron', 'suite', 'index.cjs'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`the extension tests failed: ${error}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
