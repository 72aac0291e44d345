import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import configSchema from '../../schemas/opsdocs.schema.json';
import { ConfigResolver, parseConfig } from '../../server/src/engine/config/config';
import { LineIndex } from '../../server/src/engine/document/text';
import { RULES, RULE_IDS } from '../../server/src/rules';
import { memoryFileSystem } from '../helpers/engine';

function problemsOf(text: string, file = '/ws/.opsdocs.yaml') {
  const lines = new LineIndex(text);
  return parseConfig(file, text).problems.map((p) => ({ message: p.message, at: lines.positionAt(p.start) }));
}

describe('config', () => {
  it('reads a valid config and merges types with the built-ins', () => {
    const { config, problems } = parseConfig(
      '/ws/.opsdocs.yaml',
      ['docs: "docs/**/*.md"', 'review:', '  cycle: monthly', 'rules:', '  placeholder: off', '  review-stale: [error, {}]', 'types:', '  - id: runbook', '    match: "runbooks/**"', '  - id: payment-runbook', '    extends: runbook', '    sections: [Overview, Refunds]'].join('\n'),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.docs, ['docs/**/*.md']);
    assert.equal(config.review.cycle, 'monthly');
    assert.equal(config.review.warnDays, 14);
    assert.deepEqual(config.rules.placeholder, { severity: 'off', options: {} });
    assert.equal(config.rules['review-stale'].severity, 'error');
    const runbook = config.types.find((t) => t.id === 'runbook')!;
    assert.deepEqual(runbook.match, ['runbooks/**']);
    assert.equal(runbook.sections.length, 6, 'an override keeps the built-in sections');
    assert.deepEqual(config.types.find((t) => t.id === 'payment-runbook')!.sections.map((s) => s.name), ['Overview', 'Refunds']);
  });

  it('places a YAML syntax error and keeps the defaults', () => {
    const text = 'review:\n  cycle: monthly\n  warnDays: [1\n';
    const { config, problems } = parseConfig('/ws/.opsdocs.yaml', text);
    assert.equal(config.review.cycle, 'quarterly');
    assert.match(problems[0].message, /^Invalid YAML/);
  });

  it('names an unknown key, with a suggestion, at the key', () => {
    assert.deepEqual(problemsOf('docs: "**/*.md"\nreveiw:\n  cycle: monthly\n'), [
      { message: 'Unknown key "reveiw"; did you mean "review"?', at: { line: 1, character: 0 } },
    ]);
  });

  it('names an unknown rule id at the id', () => {
    assert.deepEqual(problemsOf('rules:\n  section-mising: off\n'), [
      { message: 'Unknown key "section-mising"; did you mean "section-missing"?', at: { line: 1, character: 2 } },
    ]);
  });

  it('names a value of the wrong kind at the value', () => {
    assert.deepEqual(problemsOf('review:\n  warnDays: soon\n'), [{ message: '"review.warnDays" must be an integer', at: { line: 1, character: 12 } }]);
    assert.deepEqual(problemsOf('review:\n  cycle: fortnightly\n'), [
      { message: '"review.cycle" must be a review cycle such as 30d, 2w, 6m, 1y, monthly, quarterly or yearly', at: { line: 1, character: 9 } },
    ]);
    assert.deepEqual(problemsOf('rules:\n  placeholder: loud\n'), [
      { message: '"rules.placeholder" must be one of: "off", "info", "warning", "error"', at: { line: 1, character: 15 } },
    ]);
  });

  it('rejects extends of a type that does not exist', () => {
    assert.deepEqual(problemsOf('types:\n  - id: mine\n    extends: runbok\n'), [
      { message: '"runbok" is not a built-in type; did you mean "runbook"?', at: { line: 2, character: 13 } },
    ]);
  });

  it('names a requiredDocs entry that is neither a path nor a type', () => {
    assert.deepEqual(problemsOf('requiredDocs:\n  - docs/backup.md\n  - postmortem\n  - runbok\n'), [
      { message: '"runbok" is neither a path nor a document type; did you mean "runbook"?', at: { line: 3, character: 4 } },
    ]);
    assert.deepEqual(problemsOf('types:\n  - id: game-day\n    sections: [Plan]\nrequiredDocs: [game-day]\n'), []);
  });

  it('names globs that cannot match as meant', () => {
    assert.deepEqual(problemsOf('docs: "docs/**/*.{md"\nignore: ["/abs/**", "a]b"]\ntypes:\n  - id: runbook\n    match: "run[books/*.md"\n'), [
      { message: 'Glob "docs/**/*.{md" has an unclosed "{"', at: { line: 0, character: 6 } },
      { message: 'Glob "/abs/**" is absolute: globs are relative to the folder of this file', at: { line: 1, character: 9 } },
      { message: 'Glob "a]b" has an unmatched "]"', at: { line: 1, character: 20 } },
      { message: 'Glob "run[books/*.md" has an unclosed "["', at: { line: 4, character: 11 } },
    ]);
  });

  it('reads alerts as globs or as { files, annotations, baseUrl }, and links.slugs', () => {
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', 'alerts: "rules/*.yml"\n').config.alerts, { files: ['rules/*.yml'], annotations: ['runbook_url', 'runbook', 'link'], baseUrl: [] });
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', '').config.alerts.files, undefined, 'unset: found by content');
    const full = parseConfig('/ws/.opsdocs.yaml', 'alerts:\n  files: [rules/*.yml]\n  annotations: playbook\n  baseUrl: https://github.com/acme/ops/blob/main/\nlinks:\n  slugs: gitlab\n').config;
    assert.deepEqual(full.alerts, { files: ['rules/*.yml'], annotations: ['playbook'], baseUrl: ['https://github.com/acme/ops/blob/main/'] });
    assert.deepEqual(full.links, { slugs: 'gitlab' });
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', 'alerts: []\n').config.alerts.files, []);
    assert.equal(problemsOf('links:\n  slugs: bitbucket\n').length, 1);
    assert.deepEqual(problemsOf('alerts:\n  files: "/abs/*.yml"\n'), [{ message: 'Glob "/abs/*.yml" is absolute: globs are relative to the folder of this file', at: { line: 1, character: 9 } }]);
  });

  it('keeps the last good config in force while the file is broken', () => {
    const files: Record<string, string> = { '/ws/.opsdocs.yaml': 'review:\n  cycle: monthly\n', '/ws/a.md': '# A' };
    const resolver = new ConfigResolver(memoryFileSystem(files), '/ws');
    assert.equal(resolver.resolve('/ws/a.md').config.review.cycle, 'monthly');
    files['/ws/.opsdocs.yaml'] = 'review:\n  cycle: [\n';
    resolver.clear();
    const broken = resolver.resolve('/ws/a.md');
    assert.ok(broken.problems.length > 0);
    assert.equal(broken.config.review.cycle, 'monthly', 'the last good config, not the defaults');
    files['/ws/.opsdocs.yaml'] = 'review:\n  cycle: yearly\n';
    resolver.clear();
    assert.equal(resolver.resolve('/ws/a.md').config.review.cycle, 'yearly');
  });

  it('reads .opsdocs.json with positions', () => {
    const problems = parseConfig('/ws/.opsdocs.json', '{\n  "rules": { "placeholder": 3 }\n}').problems;
    assert.equal(problems.length, 1);
    assert.equal(new LineIndex('{\n  "rules": { "placeholder": 3 }\n}').positionAt(problems[0].start).line, 1);
  });

  it('finds the nearest config upward and caches it', () => {
    const fs = memoryFileSystem({
      '/ws/.opsdocs.yaml': 'review:\n  cycle: monthly\n',
      '/ws/team/.opsdocs.yml': 'review:\n  cycle: yearly\n',
      '/ws/team/docs/a.md': '# A',
      '/ws/b.md': '# B',
    });
    const resolver = new ConfigResolver(fs, '/ws');
    assert.equal(resolver.resolve('/ws/team/docs/a.md').config.review.cycle, 'yearly');
    assert.equal(resolver.resolve('/ws/b.md').config.review.cycle, 'monthly');
    assert.equal(new ConfigResolver(memoryFileSystem({}), '/x').resolve('/x/a.md').config.file, undefined);
  });

  it('ships a schema that lists every rule id of the product, and every implemented rule is one of them', () => {
    const schemaRules = Object.keys((configSchema as { properties: { rules: { properties: object } } }).properties.rules.properties);
    assert.deepEqual(schemaRules, [...RULE_IDS]);
    for (const rule of RULES) assert.ok((RULE_IDS as readonly string[]).includes(rule.id), rule.id);
  });

  it('the package points VS Code at the shipped schema', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    assert.equal(manifest.contributes.jsonValidation[0].url, './schemas/opsdocs.schema.json');
  });
});
