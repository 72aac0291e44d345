/**
 * Alert rule files against their runbooks, one small workspace per convention under
 * test/fixtures/alert-runbook-missing/<case>/: rule files, runbooks, maybe a config. expected.json
 * lists what the set gets, `file:line:column severity rule: message`, from alert-runbook-missing and
 * rule-file-unreadable on the rule files and runbook-orphan on the runbooks (empty: nothing).
 * UPDATE_FIXTURES=1 rewrites the expectations from the current output, to be reviewed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diskFileSystem } from '../../server/src/engine/fileSystem';
import { alertFindings } from '../../server/src/engine/workspace/alertFindings';
import { alertSetOf } from '../../server/src/engine/workspace/alerts';
import { discoverDocuments } from '../../server/src/engine/workspace/discover';
import type { Finding } from '../../server/src/engine/types';
import { testEngine, validateText } from '../helpers/engine';

const CASES = path.join(__dirname, '..', 'fixtures', 'alert-runbook-missing');
const UPDATE = process.env.UPDATE_FIXTURES === '1';
const SET_RULES = ['alert-runbook-missing', 'rule-file-unreadable', 'runbook-orphan'];

function describeFinding(root: string, file: string, finding: Finding): string {
  const at = `${path.relative(root, file).split(path.sep).join('/')}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
  return `${at} ${finding.severity} ${finding.rule}: ${finding.message}`;
}

async function findingsOf(root: string): Promise<string[]> {
  const engine = testEngine(root);
  const { config } = engine.configs.resolveFolder(root);
  const documents = discoverDocuments(config);
  const found: string[] = [];
  for (const doc of documents) {
    const result = await validateText(engine, doc, fs.readFileSync(doc, 'utf8'));
    for (const f of result.findings.filter((f) => SET_RULES.includes(f.rule))) found.push(describeFinding(root, doc, f));
  }
  for (const [file, findings] of alertFindings(config, diskFileSystem, documents)) for (const f of findings) found.push(describeFinding(root, file, f));
  return found.sort();
}

describe('alerts and their runbooks, by convention', () => {
  const cases = fs.readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it('has cases with findings and cases without', async () => {
    const expectations = cases.map((name) => JSON.parse(fs.readFileSync(path.join(CASES, name, 'expected.json'), 'utf8')) as string[]);
    assert.ok(expectations.some((e) => e.length > 0) && expectations.some((e) => e.length === 0));
  });

  for (const name of cases) {
    it(name, async () => {
      const root = path.join(CASES, name);
      const actual = await findingsOf(root);
      const expectedFile = path.join(root, 'expected.json');
      if (UPDATE) fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
      assert.deepEqual(actual, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('the rule files of a workspace', () => {
  it('are found by their content when no config names them, and each alert is read once', () => {
    const root = path.join(CASES, 'discovered');
    const { config } = testEngine(root).configs.resolveFolder(root);
    const set = alertSetOf(config, diskFileSystem);
    assert.equal(set.discovered, true);
    assert.deepEqual(set.files.map((f) => path.relative(root, f.file)).sort(), ['monitoring/alerts.yaml', 'monitoring/mimir/tenant-a.yaml']);
    assert.deepEqual(set.alerts.map((a) => a.name).sort(), ['ApiDown', 'ApiSlow', 'ApiUnowned', 'QueueStuck']);
  });
});
