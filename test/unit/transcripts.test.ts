/**
 * Which lines of a shell block are commands: the script the command rules read keeps them in
 * place and blanks prompts, other programs' lines and output (same length, same line breaks).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeBlock } from '../../server/src/engine/document/codeBlocks';
import { shellScript } from '../../server/src/engine/shell/script';

function commandsOf(value: string, lang = 'bash'): string[] {
  const { text } = shellScript({ lang, value } as CodeBlock);
  assert.equal(text.length, value.length, 'the script keeps the block’s layout');
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

describe('transcripts', () => {
  it('find every shell prompt form on any line, and keep the command after it', () => {
    const prompts = ['$ ', '% ', '❯ ', '$> ', 'ops@bastion:~$ ', 'root@pod-7:/# ', '[root@db-1 data]# ', 'sh-5.1# ', 'bash-4.4$ ', 'mbp:~ ops$ ', 'mon-a# ', '(venv) $ '];
    for (const prompt of prompts) {
      assert.deepEqual(commandsOf(`ls -l /srv\ntotal 0\n${prompt}uptime\n 10:00:01 up 3 days`), ['uptime'], prompt);
    }
  });

  it('read `# ` as root’s prompt in a console transcript only, and as a comment in a script', () => {
    assert.deepEqual(commandsOf('# systemctl is-active nginx\nactive', 'console'), ['systemctl is-active nginx']);
    assert.deepEqual(commandsOf('toolbox-1 # rbd ls replicapool\nimage-1', 'console'), ['rbd ls replicapool']);
    assert.deepEqual(commandsOf('ls /srv # the data\nkubectl get pods # and the pods', 'console'), ['ls /srv # the data', 'kubectl get pods # and the pods']);
    assert.deepEqual(commandsOf('# Make sure the pod is gone first\nkubectl get pods', 'console'), ['# Make sure the pod is gone first', 'kubectl get pods']);
    assert.deepEqual(commandsOf('$ id -u\n0\n# make sure the disk is the right one\n# lsblk -f', 'console'), ['id -u', 'lsblk -f']);
  });

  it('leave other programs’ lines out', () => {
    const lines = ['postgres=# SELECT 1;', 'app=> \\dt', 'mysql> SHOW DATABASES;', '127.0.0.1:6379> KEYS *', 'irb(main):001:0> User.count', 'gpg/card> admin', '(gdb) bt', 'sqlite> .tables', '>>> import os', 'rs0:PRIMARY> rs.status()'];
    for (const line of lines) assert.deepEqual(commandsOf(`$ start-repl\n${line}\nresult`), ['start-repl'], line);
  });

  it('keep continuations of a prompted command, with or without `> `', () => {
    assert.deepEqual(commandsOf('$ kubectl drain node-1 \\\n    --ignore-daemonsets\nnode/node-1 drained'), ['kubectl drain node-1 \\', '--ignore-daemonsets']);
    assert.deepEqual(commandsOf("$ echo 'one\n> two'\none\ntwo"), ["echo 'one", "two'"]);
  });

  it('blank lines that cannot begin a command when a block shows no prompt', () => {
    const output = [
      'Oct 18 19:39:36 web-1 nginx[123]: worker process exited',
      'I0611 11:13:35.048771       1 controller.go:245] synced',
      '2026-06-11T11:13:35Z ERROR lost connection',
      'Status:   Running',
      'Pool name .......: rbd',
      '-rw-r--r-- 1 root root 42 Jun 11 11:13 app.conf',
      '1) "queue:emails"',
      '...',
      'deployment.apps/api restarted',
      '├── app.conf',
    ];
    for (const line of output) assert.deepEqual(commandsOf(`systemctl status nginx\n${line}`), ['systemctl status nginx'], line);
    assert.deepEqual(commandsOf('kubectl get pods\nNAME    READY   STATUS\napi-0   1/1     Running\n\nkubectl get svc'), ['kubectl get pods', 'kubectl get svc']);
    assert.deepEqual(commandsOf('kubectl get cm app -o json\n{\n  "data": { "mode": "safe" }\n}'), ['kubectl get cm app -o json']);
  });

  it('keep what a command carries into the next lines: quotes, here-documents, `case` patterns', () => {
    assert.deepEqual(commandsOf("kubectl patch cm app -p '{\n  \"data\": {\"mode\": \"safe\"}\n}'"), ["kubectl patch cm app -p '{", '"data": {"mode": "safe"}', "}'"]);
    assert.deepEqual(commandsOf('cat <<EOF > app.conf\nStatus: safe\nEOF'), ['cat <<EOF > app.conf', 'Status: safe', 'EOF']);
    assert.deepEqual(commandsOf('case "$1" in\n  1) echo one ;;\nesac'), ['case "$1" in', '1) echo one ;;', 'esac']);
  });

  it('turn a `<placeholder>` into a word, inside quotes whatever it holds', () => {
    const { text, placeholders } = shellScript({ lang: 'bash', value: `kubectl logs "<pod (from step 1)>" -n '<namespace, e.g. web>' <container name>` } as CodeBlock);
    assert.equal(text, `kubectl logs "_pod__from_step_1__" -n '_namespace__e_g__web_' _container_name_`);
    assert.deepEqual(placeholders.map((p) => p.name), ['pod (from step 1)', 'namespace, e.g. web', 'container name']);
    assert.equal(shellScript({ lang: 'bash', value: 'sort <in >out' } as CodeBlock).text, 'sort <in >out');
  });
});
