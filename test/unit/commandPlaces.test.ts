/**
 * Where a command runs: commands inside quoted remote commands, parsed where they stand; the
 * shell a command opens; the folder after `cd`; what a document makes before a step. And the
 * severities the rules give by place, which fixture expectations do not show.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/engine/document/parse';
import { codeBlocks } from '../../server/src/engine/document/codeBlocks';
import { shellAnalysis } from '../../server/src/engine/shell/analysis';
import { documentPlaces, isCreatedBefore } from '../../server/src/engine/shell/places';
import { findProgram } from '../../server/src/engine/programs';
import { testEngine, validateText } from '../helpers/engine';

function block(value: string) {
  const doc = parseDocument('/work/doc.md', '```bash\n' + value + '\n```\n');
  return codeBlocks(doc)[0];
}

/** Each command as `program@start`, with the text at its offsets, where it runs and what it opens. */
function commandsOf(value: string) {
  return shellAnalysis(block(value)).allCommands.map((c) => ({ program: value.slice(c.program.start, c.program.end), via: c.via, opens: c.opens }));
}

describe('commands inside quoted remote commands', () => {
  it('parses the quoted text with the same parser and maps positions back exactly', () => {
    const value = 'ssh -p 2222 admin@db1 "sudo rm -rf $DATA_DIR"\nknife ssh \'role:db\' \'sudo wipefs -a /dev/sdb\' -x ops';
    assert.deepEqual(commandsOf(value), [
      { program: 'ssh', via: undefined, opens: undefined },
      { program: 'rm', via: 'ssh admin@db1', opens: undefined },
      { program: 'knife', via: undefined, opens: undefined },
      { program: 'wipefs', via: 'knife ssh', opens: undefined },
    ]);
  });

  it('follows a quoted command over several lines and through sh -c', () => {
    const value = 'kubectl -n cache exec -it redis-0 -- sh -c \'\n  cd /data &&\n  redis-cli FLUSHALL\n\'';
    const commands = commandsOf(value);
    assert.deepEqual(commands.map((c) => c.program), ['kubectl', 'sh', 'cd', 'redis-cli']);
    assert.ok(commands.slice(1).every((c) => c.via === 'kubectl exec'));
  });

  it("runs a double-quoted command's $(…) in the reader's shell, a single-quoted one's on the host", () => {
    assert.deepEqual(commandsOf('ssh db1 "echo $(hostname)"'), [
      { program: 'ssh', via: undefined, opens: undefined },
      { program: 'echo', via: 'ssh db1', opens: undefined },
      { program: 'hostname', via: undefined, opens: undefined },
    ]);
    assert.deepEqual(commandsOf("ssh db1 'echo $(hostname)'").map((c) => [c.program, c.via]), [
      ['ssh', undefined],
      ['echo', 'ssh db1'],
      ['hostname', 'ssh db1'],
    ]);
  });

  it("keeps another machine's commands apart from the reader's, and sh -c's with them", () => {
    const analysis = shellAnalysis(block("ssh db1 'pg_ctl status'\nsh -c 'kubectl get pods'"));
    assert.deepEqual(analysis.commands.map((c) => c.program.value), ['ssh', 'sh', 'kubectl']);
    assert.deepEqual(analysis.remoteCommands.map((c) => c.program.value), ['pg_ctl']);
  });

  it('knows the shells a command opens for the lines after it, and a tunnel that opens none', () => {
    assert.equal(commandsOf('ssh bastion')[0].opens, 'ssh bastion');
    assert.equal(commandsOf('oc -n payments exec -it deploy/api -- bash')[0].opens, 'oc exec');
    assert.equal(commandsOf('oc debug node/worker-1')[0].opens, 'oc debug');
    assert.equal(commandsOf('ssh -N -L 8080:localhost:80 bastion')[0].opens, undefined);
    assert.equal(commandsOf('kubectl debug node/worker-1 --image=busybox')[0].opens, undefined);
  });
});

describe('where each command of a document runs', () => {
  const text = [
    '# Steps',
    '',
    '```bash',
    'ssh ops@bastion',
    './bin/on-bastion.sh',
    'exit',
    'cd deploy && ./local.sh',
    '(cd /opt && ./in-subshell.sh)',
    './after-subshell.sh',
    'git clone https://example.com/tools.git',
    '```',
    '',
    '```bash',
    'cd /srv/app',
    './elsewhere.sh',
    '```',
  ].join('\n');
  const places = documentPlaces(parseDocument('/work/doc.md', text));
  const at = (program: string) => places.commands.find((c) => c.command.program.value === program)!.place;

  it('keeps one shell from block to block, moved by ssh … exit and cd, not by a subshell', () => {
    assert.deepEqual(at('./bin/on-bastion.sh'), { via: 'ssh ops@bastion', cwd: undefined });
    assert.deepEqual(at('./local.sh'), { cwd: 'deploy' });
    assert.deepEqual(at('./in-subshell.sh'), { cwd: '/opt' });
    assert.deepEqual(at('./after-subshell.sh'), { cwd: 'deploy' });
    assert.deepEqual(at('./elsewhere.sh'), { cwd: '/srv/app' });
  });

  it('knows what the document makes, from where it was made on', () => {
    const clone = places.commands.find((c) => c.command.program.value === 'git')!;
    assert.ok(isCreatedBefore(places, 'deploy/tools/install.sh', clone.offset + 1));
    assert.ok(!isCreatedBefore(places, 'deploy/tools/install.sh', clone.offset));
    assert.ok(!isCreatedBefore(places, 'tools/install.sh', clone.offset + 1));
  });
});

describe('severities by place', () => {
  const fixtures = path.join(__dirname, '..', 'fixtures');

  it('command-missing-script: another repository is an info, a misspelt workspace script an error', async () => {
    const folder = path.join(fixtures, 'command-missing-script');
    const text = '# x\n\n```bash\n./deploy/examples/create.sh\n./scripts/failvoer.sh\n```\n';
    const result = await validateText(testEngine(folder), path.join(folder, 'severity.md'), text);
    const found = result.findings.filter((f) => f.rule === 'command-missing-script').map((f) => [f.range.start.line, f.severity]);
    assert.deepEqual(found, [
      [3, 'info'],
      [4, 'error'],
    ]);
  });

  it('command-shellcheck: a block ShellCheck cannot read is an info, and the next block is still checked', { skip: findProgram('shellcheck') ? undefined : 'needs shellcheck on PATH' }, async () => {
    const folder = path.join(fixtures, 'command-shellcheck');
    const text = '# x\n\n```bash\nif [ -f /etc/x.conf]; then echo y; fi\n```\n\n```bash\nhosts=(a b)\nfor h in $hosts; do ping -c1 "$h"; done\n```\n';
    const result = await validateText(testEngine(folder), path.join(folder, 'severity.md'), text);
    const found = result.findings.filter((f) => f.rule === 'command-shellcheck').map((f) => [f.range.start.line, f.severity, f.message.slice(0, 6)]);
    assert.deepEqual(found, [
      [2, 'info', 'ShellC'],
      [8, 'warning', 'SC2128'],
    ]);
  });
});
