/**
 * The bundled sample workspace, shaped like the seeds' documentation set, gets the findings a
 * reviewer would expect, and its clean documents none (on the fixed test date).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requiredDocsStatus } from '../../server/src/engine/workspace/coverage';
import { discoverDocuments } from '../../server/src/engine/workspace/discover';
import { diskFileSystem } from '../../server/src/engine/fileSystem';
import { alertFindings } from '../../server/src/engine/workspace/alertFindings';
import { requiredDocsFindings } from '../../server/src/engine/workspace/requiredDocs';
import { testEngine, validateText } from '../helpers/engine';

const SAMPLE = path.join(__dirname, '..', '..', 'sample');

const EXPECTED = [
  ['.opsdocs.yaml', 'doc-required-missing', 'Required document docs/runbooks/backup_restore.md does not exist'],
  ['.opsdocs.yaml', 'doc-required-missing', 'No document of type postmortem exists, but requiredDocs asks for one'],
  ['docs/production/architecture_overview.md', 'absolute-path', 'Machine-specific path "/Users/mohammadabdelrahman" will not exist on a reader\'s machine; use a path relative to the repository'],
  ['docs/production/operations_manual.md', 'command-destructive', '"redis-cli flushall" destroys data or state, with no dry run or confirmation before it, no warning in its section and no rollback section in the document'],
  ['docs/production/troubleshooting_guide.md', 'section-missing', 'Missing "Resolution" in "Issue: Database Connection Errors" (each troubleshooting entry has Symptoms / Diagnosis / Resolution)'],
  ['docs/runbooks/database-failover.md', 'section-missing', 'Missing required section "Rollback" (type runbook)'],
  ['docs/runbooks/scale-workers.md', 'review-stale', 'Review overdue by 83 days: last reviewed 2026-06-02, due 2026-09-02 (quarterly cycle)'],
  ['docs/production/README.md', 'link-anchor', 'No heading of "deployment_guide.md" has the anchor "#rollbak"; did you mean "#rollback"?'],
  ['docs/runbooks/scale-workers.md', 'command-subcommand', '"kubectl rollout restrat" is no kubectl rollout subcommand; did you mean "kubectl rollout restart"?'],
  ['docs/runbooks/scale-workers.md', 'placeholder', 'Placeholder "TODO" left in the document'],
];

describe('the sample workspace', () => {
  it('gets exactly the findings a reviewer would expect', async () => {
    // Untrusted: review-drift would read this repository's own history, which differs per clone.
    const engine = testEngine(SAMPLE, diskFileSystem, false);
    const { config } = engine.configs.resolveFolder(SAMPLE);
    const files = discoverDocuments(config);
    const found: string[][] = [];
    const types: Array<{ path: string; type?: string }> = [];
    for (const file of files) {
      const result = await validateText(engine, file, fs.readFileSync(file, 'utf8'));
      types.push({ path: file, type: result.type });
      for (const f of result.findings) found.push([path.relative(SAMPLE, file), f.rule, f.message]);
    }
    const status = requiredDocsStatus(config, types, (f) => fs.existsSync(f));
    for (const f of requiredDocsFindings(config, fs.readFileSync(config.file!, 'utf8'), status)) found.push(['.opsdocs.yaml', f.rule, f.message]);
    for (const [file, findings] of alertFindings(config, diskFileSystem, files)) for (const f of findings) found.push([path.relative(SAMPLE, file), f.rule, f.message]);
    assert.deepEqual(found.sort(), EXPECTED.map((e) => [...e]).sort());
    assert.equal(files.length, 10);
  });
});
