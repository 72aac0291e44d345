/**
 * Diagrams in a real VS Code: the built-in Markdown preview of a runbook draws its Mermaid block as
 * SVG (with the bundled Mermaid, offline) and shows Mermaid's error for a broken one; PlantUML
 * renders when Debian's plantuml is installed; OpsDocs: Open Diagram Preview shows the block under
 * the cursor. Needs client/src/extension.ts to return `{ extendMarkdownIt }` from `activate` and
 * the command `opsdocs.openDiagramPreview` registered.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscodeForSuite, waitFor } from './workbench.mjs';

const RUNBOOK = `---
type: runbook
---

# Diagram drill

## Procedure

\`\`\`mermaid
flowchart LR
  A[Primary unreachable] --> B{Replica lag < 30 s?}
  B -- yes --> C[Promote replica]
  B -- no --> D[Page the DBA lead]
\`\`\`

\`\`\`mermaid
sequenceDiagram
  Alertmanager->>On-call page
\`\`\`

\`\`\`plantuml
Alertmanager -> OnCall : page
\`\`\`
`;

function hasPlantUml() {
  try {
    execFileSync('sh', ['-c', 'command -v plantuml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs a palette command, retrying while its extension is still activating (the palette lists it late). */
async function runCommandSoon(vscode, title, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.runCommand(title);
    } catch (error) {
      if (attempt === attempts) throw error;
      await vscode.page.keyboard.press('Escape');
    }
  }
}

/** Puts the cursor on a line of the active editor (Quick Open `:line`), and waits until it is there. */
async function goToLine(vscode, line) {
  // Retried: an Enter that lands before Quick Open has read the ":line" goes nowhere.
  for (let attempt = 1; ; attempt++) {
    await vscode.page.keyboard.press('Control+P');
    const input = vscode.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await vscode.page.waitForTimeout(300);
    await vscode.page.keyboard.press('Enter');
    try {
      await vscode.page.locator(`.statusbar-item:has-text("Ln ${line},")`).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await vscode.page.keyboard.press('Escape');
    }
  }
}

/** The webview frames' documents (VS Code nests each webview's content in an inner iframe). */
async function frameWith(page, selector, timeoutMs = 60_000) {
  let found;
  await waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (await frame.$(selector).catch(() => null)) return (found = frame);
      }
      return false;
    },
    timeoutMs,
    () => `no webview shows ${selector}`,
  );
  return found;
}

describe('diagrams in the Markdown preview and the diagram panel', () => {
  const suite = vscodeForSuite({ prepare: (workspace) => fs.writeFileSync(path.join(workspace, 'docs', 'runbooks', 'diagram-drill.md'), RUNBOOK) });

  it('draws Mermaid as SVG in the built-in preview and shows Mermaid’s error for a broken block', async () => {
    await suite.vscode.openFile('diagram-drill.md');
    try {
      await runCommandSoon(suite.vscode, 'Markdown: Open Preview to the Side');
      // A PlantUML render refreshes the preview (a new page): look the frame up again for each check.
      if (hasPlantUml()) await frameWith(suite.vscode.page, '.opsdocs-plantuml > .opsdocs-diagram-output img');
      const drawn = await frameWith(suite.vscode.page, '.opsdocs-mermaid > .opsdocs-diagram-output svg');
      assert.match(await drawn.textContent('.opsdocs-mermaid svg'), /Promote\s*replica/, 'Mermaid may wrap a label into lines without a space');
      const broken = await frameWith(suite.vscode.page, '.opsdocs-mermaid .opsdocs-diagram-error');
      assert.match(await broken.textContent('.opsdocs-mermaid .opsdocs-diagram-error'), /^Mermaid:Parse error on line 2:/);
      await suite.vscode.runCommand('Notifications: Clear All Notifications');
      await suite.vscode.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await suite.vscode.page.waitForTimeout(500);
      await suite.vscode.screenshot('preview-diagrams.png');
    } catch (error) {
      await suite.vscode.screenshot('failure-preview.png');
      throw error;
    }
  });

  it('opens the diagram under the cursor in the diagram panel', async () => {
    await suite.vscode.runCommand('View: Close All Editor Groups');
    await suite.vscode.openFile('diagram-drill.md');
    await goToLine(suite.vscode, 10);
    try {
      await runCommandSoon(suite.vscode, 'OpsDocs: Open Diagram Preview');
      const panel = await frameWith(suite.vscode.page, '#opsdocs-view svg');
      assert.match(await panel.textContent('#opsdocs-title'), /diagram-drill\.md: diagram 1 \(line 9\)/);
      assert.equal(await panel.isDisabled('#opsdocs-export-svg'), false);
    } catch (error) {
      await suite.vscode.screenshot('failure-diagram-panel.png');
      throw error;
    }
  });
});
