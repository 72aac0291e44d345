/**
 * Blocks of plain command lines are read without the shell parser; what the rules get must be what
 * the parser's tree gives: every shell block of the fixtures, the sample and (where they are beside
 * the checkout) the shared corpora, and generated lines of wrappers, remote commands and words that
 * look plain but are not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../server/src/engine/document/parse';
import { codeBlocks, type CodeBlock } from '../../server/src/engine/document/codeBlocks';
import { isShellBlock } from '../../server/src/engine/shell/script';
import { parsedShellAnalysis, shellAnalysis } from '../../server/src/engine/shell/analysis';

const repo = path.join(import.meta.dirname, '..', '..');
const corpora = path.join(repo, '..', 'shared', 'corpora');

function shellBlocksIn(folder: string): CodeBlock[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => {
      const file = path.join(folder, name);
      return codeBlocks(parseDocument(file, fs.readFileSync(file, 'utf8'))).filter(isShellBlock);
    });
}

function blockOf(text: string): CodeBlock {
  return codeBlocks(parseDocument('/generated.md', `\`\`\`bash\n${text}\n\`\`\`\n`))[0];
}

function assertSame(block: CodeBlock): void {
  assert.deepEqual(shellAnalysis(block), parsedShellAnalysis(block), JSON.stringify(block.value));
}

test('every shell block of the fixtures, the sample and the corpora reads as the parser reads it', () => {
  const blocks = [...shellBlocksIn(path.join(repo, 'test', 'fixtures')), ...shellBlocksIn(path.join(repo, 'sample')), ...shellBlocksIn(corpora)];
  assert.ok(blocks.length > 200, `${blocks.length} shell blocks`);
  for (const block of blocks) assertSame(block);
});

test('wrappers, remote commands, reads and aliases on plain lines read as the parser reads them', () => {
  const lines = [
    'kubectl -n payments rollout status deployment/app-1',
    'sudo -u postgres psql -c select',
    'sudo systemctl restart nginx.service',
    'env LANG=C sort file.txt',
    'timeout 5 curl -fsS http://localhost:8080/healthz',
    'ssh db1 df -h',
    'kubectl exec -it pod-0 -- bash',
    'kubectl exec pod-0 -- ls /var/lib',
    'microk8s kubectl get pods',
    'minikube kubectl -- get pods',
    'read -p name answer',
    'alias k=kubectl',
    'oc get pods',
    'xargs -n 1 echo',
    'command -v jq',
    '  helm upgrade --install app chart/ --set image.tag=1.2.3  ',
    '',
    'kubectl get pods\n\nkubectl get svc',
    // Over MAX_ANALYSED_LINES: parsed for its syntax only, its commands not read.
    Array.from({ length: 1200 }, (_, i) => `kubectl -n app-${i} get pods`).join('\n'),
  ];
  for (const line of lines) assertSame(blockOf(line));
});

test('lines the parser must read are left to it, and give its result', () => {
  const lines = ['FOO=bar make', 'export KUBECONFIG=/etc/k.conf', 'time make', 'if true', 'for x in a b', 'echo a # note', 'echo ~/x', 'ls *.log', 'echo $HOME', "echo 'a b'", 'a | b', 'a && b', 'a; b', 'cat <file', 'echo x > out.txt', 'echo \\', 'declare -A map', 'let x=1', 'done'];
  for (const line of lines) assertSame(blockOf(line));
});
