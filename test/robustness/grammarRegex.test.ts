/**
 * The injection grammar's regular expressions run on every line VS Code shows: each is checked
 * for catastrophic backtracking with recheck, as the engine's are (regex.test.ts). Oniguruma's
 * inline `(?i:…)` groups are read as plain groups under the `i` flag, which recheck understands.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSync } from 'recheck';

const GRAMMAR = path.join(__dirname, '..', '..', 'syntaxes', 'opsdocs.injection.tmLanguage.json');

const patterns: Array<{ at: string; source: string }> = [];
const collect = (node: unknown, at: string) => {
  if (Array.isArray(node)) node.forEach((child, i) => collect(child, `${at}[${i}]`));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') patterns.push({ at: `${at}.${key}`, source: value });
      else collect(value, `${at}.${key}`);
    }
  }
};
collect(JSON.parse(fs.readFileSync(GRAMMAR, 'utf8')), '$');

describe(`regular expressions of the injection grammar (${patterns.length})`, () => {
  it('finds the patterns to check', () => assert.ok(patterns.length >= 10));

  for (const { at, source } of patterns) {
    it(at, () => {
      const result = checkSync(source.replace(/\(\?i:/g, '(?:'), 'i', { timeout: 10_000 });
      assert.notEqual(result.status, 'vulnerable', result.status === 'vulnerable' ? `${result.complexity.type}: attack ${JSON.stringify(result.attack.pattern)}` : '');
    });
  }
});
