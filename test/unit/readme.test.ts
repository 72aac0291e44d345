/** Keeps the README true: every rule and built-in type it must document is there. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_TYPES } from '../../server/src/engine/config/docTypes';
import { RULES } from '../../server/src/rules';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every rule with its default severity', () => {
    for (const rule of RULES) assert.ok(README.includes(`### \`${rule.id}\` [${rule.defaultSeverity}]`), rule.id);
  });

  it("says of each rule's quick fixes whether they are fixes or suggestions, as the rule declares them", () => {
    for (const rule of RULES) {
      const start = README.indexOf(`### \`${rule.id}\` [`);
      const next = README.indexOf('\n### ', start + 1);
      const section = README.slice(start, next < 0 ? undefined : next);
      const kinds = new Set(Object.values(rule.fixes ?? {}));
      assert.equal(/\*\*Quick fix\b/.test(section), kinds.size > 0, `${rule.id}: a "Quick fix" line exactly when the rule declares fixes`);
      assert.equal(section.includes('*fix*'), kinds.has('fix'), `${rule.id}: names a *fix* exactly when it declares one`);
      assert.equal(section.includes('*suggestion*'), kinds.has('suggestion'), `${rule.id}: names a *suggestion* exactly when it declares one`);
    }
  });

  it('lists every built-in type with its required sections in order', () => {
    for (const type of BUILTIN_TYPES) {
      const row = README.split('\n').find((line) => line.startsWith(`| \`${type.id}\` |`));
      assert.ok(row, type.id);
      assert.ok(row.includes(type.sections.map((s) => s.name).join(' · ')), type.id);
    }
  });
});
