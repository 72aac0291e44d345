/**
 * Fix All in a real VS Code applies the fixes and no suggestion: on a runbook of the sample
 * workspace with a stray character after a link (a fix: the link then lands on exactly one file)
 * and a subcommand typo (a suggestion: the closest subcommand need not be the meant one), the link
 * is mended and the command stays as written.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { vscodeForSuite } from './workbench.mjs';

/** Reviewed today, so that no review finding (all suggestions) comes in between. */
const document = (link) => `---
title: Restart the API
type: runbook
owner: team-platform
last_reviewed: ${new Date().toISOString().slice(0, 10)}
review_cycle: quarterly
---

# Restart the API

## Overview

Restarts the API pods when they stop answering their health checks. When the analysis queue keeps
growing instead, follow [the scaling runbook](${link}).

## Prerequisites

Access to the \`sergas\` namespace.

## Procedure

\`\`\`bash
kubectl -n sergas rollout restrat deployment/api
\`\`\`

## Verification

\`\`\`bash
kubectl -n sergas rollout status deployment/api --timeout=5m
\`\`\`

## Rollback

Nothing to roll back: a restart keeps the running version.

## Escalation

Page the platform on-call.
`;

describe('Fix All in VS Code', () => {
  const suite = vscodeForSuite({
    prepare: (workspace) => fs.writeFileSync(path.join(workspace, 'docs', 'runbooks', 'restart-api.md'), document('scale-workers.md.')),
  });

  it('applies the fix and leaves the suggestion to the reader', async () => {
    const fixable = 'Link target "scale-workers.md." does not exist';
    const suggested = '"kubectl rollout restrat" is no kubectl rollout subcommand';
    await suite.vscode.openFile('restart-api.md');
    await suite.vscode.showProblems();
    try {
      await suite.vscode.waitForProblem(fixable);
      await suite.vscode.waitForProblem(suggested);
      await suite.vscode.openFile('restart-api.md');
      await suite.vscode.runCommand('Fix All');
      await suite.vscode.waitForNoProblem(fixable);
      await suite.vscode.save();
      await suite.vscode.waitForProblem(suggested);
      await suite.vscode.screenshot('fix-all.png');
    } catch (error) {
      await suite.vscode.screenshot('failure-fix-all.png');
      throw error;
    }
    assert.equal(suite.vscode.read('docs/runbooks/restart-api.md'), document('scale-workers.md'));
  });
});
