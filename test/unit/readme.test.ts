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

  it('lists every built-in type with its required sections in order', () => {
    for (const type of BUILTIN_TYPES) {
      const row = README.split('\n').find((line) => line.startsWith(`| \`${type.id}\` |`));
      assert.ok(row, type.id);
      assert.ok(row.includes(type.sections.map((s) => s.name).join(' · ')), type.id);
    }
  });
});
