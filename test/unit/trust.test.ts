/**
 * Restricted Mode: in a workspace the user has not trusted, no checker program runs on its
 * documents (ShellCheck, PlantUML); the checks that need no program still do.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findProgram } from '../../server/src/engine/programs';
import { memoryFileSystem, testEngine, validateText } from '../helpers/engine';

const DOC = [
  '# Checkers',
  '',
  '```plantuml',
  '@startuml',
  'OnCall -> Database: promote replica',
  'this is not plantuml ((',
  '@enduml',
  '```',
  '',
  '```bash',
  'for f in $(ls *.log); do echo $f; done',
  '```',
  '',
  '```plantuml',
  '@startuml',
  'A -> B',
  '```',
  '',
].join('\n');

async function rulesOf(trusted: boolean): Promise<string[]> {
  const engine = testEngine('/ws', memoryFileSystem({}), trusted);
  const { findings } = await validateText(engine, '/ws/checkers.md', DOC);
  return findings.map((f) => `${f.rule}: ${f.message}`);
}

describe('Restricted Mode', () => {
  const missing = ['plantuml', 'shellcheck'].filter((program) => !findProgram(program));
  it('runs no checker program, and keeps the checks that need none', { skip: missing.length > 0 && `needs ${missing.join(', ')} on PATH` }, async () => {
    const trusted = await rulesOf(true);
    assert.ok(trusted.some((f) => f.startsWith('diagram-plantuml: PlantUML rejects')), 'trusted: PlantUML checks the diagram');
    assert.ok(trusted.some((f) => f.startsWith('command-shellcheck: SC')), 'trusted: ShellCheck checks the block');
    const restricted = await rulesOf(false);
    assert.deepEqual(restricted.filter((f) => /PlantUML rejects|^command-shellcheck/.test(f)), []);
    assert.ok(restricted.some((f) => f.startsWith('diagram-plantuml: ') && /@enduml/.test(f)), 'the bounds are still checked');
  });
});
