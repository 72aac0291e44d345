/**
 * Fixture-driven rule tests: test/fixtures/<rule-id>/<case>.md is a document; beside it,
 * <case>.json lists the findings of that rule (empty or absent: none), and
 * <case>.fixed.md, when present, is the document after every fix of that rule (what `--fix` does), and
 * <case>.suggested.md after the first suggestion of each finding (what a person may accept).
 * UPDATE_FIXTURES=1 rewrites the expectations from the current output, to be reviewed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { applyEdits } from '../../server/src/engine/edits';
import { findProgram } from '../../server/src/engine/programs';
import type { Finding, Fix, FixKind } from '../../server/src/engine/types';
import { testEngine, validateText } from '../helpers/engine';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const UPDATE = process.env.UPDATE_FIXTURES === '1';

/** Rules whose cases cannot be plain files, with the test that covers them instead. */
const TESTED_ELSEWHERE: Record<string, string> = {
  'review-drift': 'needs a git history of its own: test/unit/reviewDrift.test.ts',
};
const FIXTURE_RULES = RULES.filter((rule) => !(rule.id in TESTED_ELSEWHERE));

/**
 * Cases named tool-*.md need the rule's checker program; CI installs it, and elsewhere they are
 * skipped with a reason rather than passed.
 */
const CHECKERS: Record<string, string> = { 'command-shellcheck': 'shellcheck', 'diagram-plantuml': 'plantuml' };
function missingChecker(ruleId: string, name: string): string | undefined {
  const program = CHECKERS[ruleId];
  return program && path.basename(name).startsWith('tool-') && !findProgram(program) ? `needs ${program} on PATH` : undefined;
}

interface Expected {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Only when the rule graded the finding below its default severity. */
  severity?: string;
  fixes?: Array<{ title: string; kind: string }>;
}

function toExpected(finding: Finding, defaultSeverity: string): Expected {
  return {
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    message: finding.message,
    ...(finding.severity !== defaultSeverity ? { severity: finding.severity } : {}),
    ...(finding.fixes?.length ? { fixes: finding.fixes.map((f) => ({ title: f.title, kind: f.kind })) } : {}),
  };
}

function casesOf(ruleId: string): string[] {
  const folder = path.join(FIXTURES, ruleId);
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !/\.(fixed|suggested)\.md$/.test(f))
    .map((f) => path.join(folder, f));
}

/** Applies the first fix of the kind of each finding of one rule, one at a time, until none is left. */
async function fixRule(ruleId: string, file: string, text: string, kind: FixKind): Promise<string> {
  const engine = testEngine(path.dirname(file));
  const ofKind = (fix: Fix) => fix.kind === kind && fix.id !== 'disable-line';
  let current = text;
  for (let i = 0; i < 20; i++) {
    const finding = (await validateText(engine, file, current)).findings.find((f) => f.rule === ruleId && f.fixes?.some(ofKind));
    if (!finding) return current;
    current = applyEdits(current, finding.fixes!.find(ofKind)!.edits);
  }
  throw new Error('fixes did not converge');
}

/** Compares the document after the fixes of one kind with <case>.<outcome>.md (absent: unchanged). */
async function checkOutcome(ruleId: string, file: string, text: string, kind: FixKind): Promise<void> {
  const outcomeFile = file.replace(/\.md$/, kind === 'fix' ? '.fixed.md' : '.suggested.md');
  const outcome = await fixRule(ruleId, file, text, kind);
  if (UPDATE) outcome === text ? fs.rmSync(outcomeFile, { force: true }) : fs.writeFileSync(outcomeFile, outcome);
  assert.equal(outcome, fs.existsSync(outcomeFile) ? fs.readFileSync(outcomeFile, 'utf8') : text, `after every ${kind}`);
}

describe('rules over fixtures', () => {
  it('has a fixture folder with good and bad cases for every rule', () => {
    for (const rule of FIXTURE_RULES) {
      const cases = casesOf(rule.id).map((f) => path.basename(f));
      assert.ok(cases.some((c) => c.startsWith('good')), `${rule.id} needs a good case`);
      assert.ok(cases.some((c) => !c.startsWith('good')), `${rule.id} needs a bad case`);
    }
  });

  for (const rule of FIXTURE_RULES) {
    describe(rule.id, () => {
      for (const file of casesOf(rule.id)) {
        const name = path.relative(path.join(FIXTURES, rule.id), file);
        it(name, { skip: missingChecker(rule.id, name) }, async () => {
          const text = fs.readFileSync(file, 'utf8');
          const result = await validateText(testEngine(path.dirname(file)), file, text);
          const failures = result.findings.filter((f) => f.rule === 'internal-error').map((f) => f.message);
          assert.deepEqual(failures, [], 'no rule fails on a fixture');
          const actual = result.findings.filter((f) => f.rule === rule.id).map((f) => toExpected(f, rule.defaultSeverity));
          const expectedFile = file.replace(/\.md$/, '.json');
          if (UPDATE) {
            if (actual.length > 0) fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
            else fs.rmSync(expectedFile, { force: true });
          }
          const expected = fs.existsSync(expectedFile) ? JSON.parse(fs.readFileSync(expectedFile, 'utf8')) : [];
          assert.deepEqual(actual, expected);
          if (name.startsWith('good')) assert.equal(actual.length, 0, 'a good case has no findings');
          if (actual.some((f) => f.fixes)) {
            await checkOutcome(rule.id, file, text, 'fix');
            await checkOutcome(rule.id, file, text, 'suggestion');
          }
        });
      }
    });
  }
});
