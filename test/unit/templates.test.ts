/** Templates: every built-in one makes a document with only placeholder findings; a workspace's own override and extend them. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../server/src/engine/config/config';
import { BUILTIN_TYPES } from '../../server/src/engine/config/docTypes';
import { applyEdits } from '../../server/src/engine/edits';
import { defaultValues, newDocument, templateChoices, workspaceSectionTemplate } from '../../server/src/engine/authoring/templates';
import { memoryFileSystem, testEngine, TODAY, validateText } from '../helpers/engine';

const RUNBOOK_TEMPLATE = `---
type: runbook
owner: {{owner}}
last_reviewed: {{date}}
review_cycle: {{cycle}}
---

# {{title}}

## Overview

Say what breaks for whom when this runbook is needed.

## Prerequisites

- VPN and \`kubectl\` access to the cluster

## Procedure

1. Step one, with the command to run.

## Verification

What the reader sees when it worked.

## Rollback

How to undo each step.

## Escalation

Page the owning team; after 15 minutes, the platform lead.
`;

describe('templates', () => {
  for (const type of BUILTIN_TYPES) {
    it(`a new ${type.id} document has only placeholder findings`, async () => {
      const config = defaultConfig('/ws');
      const text = newDocument(memoryFileSystem({}), config, type.id, defaultValues(config, TODAY, 'Payments API'));
      const result = await validateText(testEngine('/ws', memoryFileSystem({})), '/ws/docs/new.md', text);
      assert.equal(result.type, type.id);
      assert.deepEqual([...new Set(result.findings.map((f) => f.rule))], ['placeholder']);
    });
  }

  it('uses the workspace template of a type, with its variables filled in', () => {
    const fs = memoryFileSystem({ '/ws/.opsdocs/templates/runbook.md': RUNBOOK_TEMPLATE });
    const config = defaultConfig('/ws');
    const text = newDocument(fs, config, 'runbook', { ...defaultValues(config, TODAY, 'Restart the API'), owner: 'team-payments' });
    assert.match(text, /^---\ntype: runbook\nowner: team-payments\nlast_reviewed: 2026-11-24\nreview_cycle: quarterly\n---\n\n# Restart the API\n/);
  });

  it('offers every configured type and every template file of the workspace', () => {
    const fs = memoryFileSystem({ '/ws/.opsdocs/templates/runbook.md': RUNBOOK_TEMPLATE, '/ws/.opsdocs/templates/change-request.md': '# {{title}}\n' });
    const choices = templateChoices(fs, defaultConfig('/ws'));
    assert.deepEqual(choices.map((c) => c.id), [...BUILTIN_TYPES.map((t) => t.id), 'change-request']);
    assert.equal(choices.find((c) => c.id === 'runbook')!.file, '/ws/.opsdocs/templates/runbook.md');
  });

  it('takes a type\'s template file from config', () => {
    const { config } = parseConfig('/ws/.opsdocs.yaml', 'types:\n  - id: runbook\n    template: templates/runbook.md\n');
    const fs = memoryFileSystem({ '/ws/templates/runbook.md': '# {{title}} ({{type}})\n' });
    assert.equal(newDocument(fs, config, 'runbook', defaultValues(config, TODAY, 'Failover')), '# Failover (runbook)\n');
  });

  it('feeds the section quick fix with the workspace template\'s guidance', async () => {
    const files = { '/ws/.opsdocs/templates/runbook.md': RUNBOOK_TEMPLATE };
    assert.equal(workspaceSectionTemplate(memoryFileSystem(files), defaultConfig('/ws'), 'runbook', 'Rollback'), 'How to undo each step.');
    const text = RUNBOOK_TEMPLATE.replace(/## Rollback\n\nHow to undo each step.\n\n/, '').replace(/\{\{(\w+)\}\}/g, (_, name) => ({ owner: 'team', date: '2026-11-24', cycle: 'quarterly', title: 'T' })[name as 'owner']);
    const engine = testEngine('/ws', memoryFileSystem({ ...files, '/ws/docs/a.md': text }));
    const missing = (await validateText(engine, '/ws/docs/a.md', text)).findings.find((f) => f.rule === 'section-missing')!;
    assert.match(applyEdits(text, missing.fixes![0].edits), /## Verification\n\nWhat the reader sees when it worked.\n\n## Rollback\n\nHow to undo each step.\n\n## Escalation/);
  });
});
