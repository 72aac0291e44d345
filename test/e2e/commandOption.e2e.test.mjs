/** command-option in a real VS Code: an option that does not exist, in the Problems panel, and its did-you-mean applied. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscodeForSuite } from './workbench.mjs';

const RUNBOOK = `---
type: runbook
last_reviewed: ${new Date().toISOString().slice(0, 10)}
---

# Payments pods

## Overview

Lists the payment service's pods.

## Prerequisites

kubectl access to the cluster.

## Procedure

\`\`\`bash
kubectl get pods --namepsace payments
\`\`\`

## Verification

Every pod is Running.

## Rollback

Nothing to roll back: the procedure only reads.

## Escalation

Page the payments on-call.
`;

describe('command-option in VS Code', () => {
  const suite = vscodeForSuite({ prepare: (workspace) => fs.writeFileSync(path.join(workspace, 'docs', 'runbooks', 'payments-pods.md'), RUNBOOK) });

  it('shows an unknown option in the Problems panel and applies its did-you-mean', async () => {
    await suite.vscode.openFile('payments-pods.md');
    await suite.vscode.showProblems();
    const message = '"--namepsace" is no option of "kubectl get"; did you mean "--namespace"?';
    await suite.vscode.fixProblem(message, 'Change to "--namespace"', 'failure-command-option-fix.png');
    assert.match(suite.vscode.read('docs/runbooks/payments-pods.md'), /\nkubectl get pods --namespace payments\n/);
  });
});
