/**
 * Every regular expression literal in the engine and its rules, checked for catastrophic
 * backtracking with recheck (automaton and fuzz analysis, the fuzzer seeded so that every machine
 * finds the same). A new regex is checked the day it lands.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';

const SOURCES = path.join(__dirname, '..', '..', 'server', 'src');

function regexLiterals(file: string): Array<{ source: string; flags: string; line: number }> {
  const text = fs.readFileSync(file, 'utf8');
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Array<{ source: string; flags: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isRegularExpressionLiteral(node)) {
      const literal = node.text;
      const end = literal.lastIndexOf('/');
      found.push({ source: literal.slice(1, end), flags: literal.slice(end + 1), line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

const files = fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(SOURCES, f));
const literals = files.flatMap((file) => regexLiterals(file).map((r) => ({ ...r, file: path.relative(SOURCES, file) })));

describe(`regular expressions of server/src (${literals.length})`, () => {
  it('finds the literals to check', () => assert.ok(literals.length > 50));

  for (const regex of literals) {
    it(`${regex.file}:${regex.line} /${regex.source.length > 60 ? regex.source.slice(0, 60) + '…' : regex.source}/`, () => {
      const result = checkSync(regex.source, regex.flags.replace(/[gy]/g, ''), { timeout: 10_000, randomSeed: 1 });
      assert.notEqual(result.status, 'vulnerable', `${result.status === 'vulnerable' ? `${result.complexity.type}: attack ${JSON.stringify(result.attack.pattern)}` : ''}`);
    });
  }
});
