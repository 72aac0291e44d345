/**
 * The program data (scripts/generate-programs.mjs) and what command-unknown makes of it: which
 * programs are known, which unknown names are typos (warning, with a suggestion) and which are
 * a site's own tools (info, once a document).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../../server/src/engine/config/config';
import { diskFileSystem } from '../../server/src/engine/fileSystem';
import { parseDocument } from '../../server/src/engine/document/parse';
import { lookUpProgram } from '../../server/src/engine/shell/lookUpProgram';
import { isTypoOf } from '../../server/src/engine/shell/nearMiss';
import { figSpec, knownPrograms, popularPrograms } from '../../server/src/engine/shell/programData';
import { cliSpec } from '../../server/src/engine/shell/cliSpecs';
import { testEngine, validateText } from '../helpers/engine';

const root = path.join(__dirname, 'no-such-workspace');

function kindOf(name: string): string {
  const doc = parseDocument(path.join(root, 'a.md'), '# A\n');
  return lookUpProgram({ doc, config: defaultConfig(root), fs: diskFileSystem, defined: new Set(), known: new Set() }, name).kind;
}

describe('program data', () => {
  it("knows Debian's executables, Fig's CLIs and the supplement, whatever this machine's PATH holds", () => {
    for (const name of ['kubectl', 'psql', 'nvme', 'drbdadm', 'pg_ctl', 'GET', 'terraform', 'gcloud', 'helm', 'oc', 'velero', 'awk']) assert.equal(kindOf(name), 'known', name);
    assert.equal(kindOf('kubectl-neat'), 'kubectl-plugin');
    assert.equal(kindOf('frobnicate-cluster'), 'unknown');
    assert.ok(knownPrograms().size > 40000, `${knownPrograms().size} known programs`);
  });

  it("makes Fig's CLIs and Debian's standard system popular, not every Debian executable", () => {
    for (const name of ['kubectl', 'systemctl', 'journalctl', 'grep', 'docker']) assert.ok(popularPrograms().has(name), name);
    assert.ok(!popularPrograms().has('drbdadm'));
    assert.ok(popularPrograms().size < 3000);
  });

  it("reads Fig's specs lazily, sub-specs and versions resolved", () => {
    assert.ok(figSpec('aws/s3')?.s?.some((s) => s.n === 'sync'));
    assert.ok(cliSpec('az')?.s?.some((s) => s.n === 'aks'));
    assert.equal(figSpec('no-such-cli'), undefined);
    // subcommands.ts adds what Fig's kubectl spec lacks.
    assert.ok(cliSpec('kubectl')?.o?.some((o) => o.n === '--context'));
  });
});

describe('near misses', () => {
  it('takes slips of the hand for typos', () => {
    for (const [typo, meant] of [['kubeclt', 'kubectl'], ['kubctl', 'kubectl'], ['sytemctl', 'systemctl'], ['dokcer', 'docker'], ['--namepsace', '--namespace'], ['-namespace', '--namespace']]) {
      assert.ok(isTypoOf(typo, meant), `${typo} → ${meant}`);
    }
  });

  it('takes versions, names built on another, short and capitalised words for names of their own', () => {
    for (const [word, known] of [['s5cmd', 's3cmd'], ['helm3', 'helm'], ['kubectl-neat', 'kubectl'], ['argocd-server', 'argocd'], ['gti', 'git'], ['Find', 'find'], ['ubectl', 'kubectl']]) {
      assert.ok(!isTypoOf(word, known), `${word} is not ${known}`);
    }
  });
});

describe('command-unknown severities', () => {
  const run = async (body: string) => {
    const result = await validateText(testEngine(root), path.join(root, 'a.md'), `# A\n\n\`\`\`bash\n${body}\n\`\`\`\n`);
    return result.findings.filter((f) => f.rule === 'command-unknown').map((f) => `${f.severity}: ${f.message}`);
  };

  it('warns of a typo of a popular program, with the suggestion', async () => {
    assert.deepEqual(await run('kubeclt get pods'), ['warning: "kubeclt" is no shell builtin, known tool, program on PATH or workspace script; did you mean "kubectl"?']);
  });

  it("notes a site's tool once a document, as info", async () => {
    assert.deepEqual(await run('acme-deploy --all\nacme-deploy --status'), ['info: "acme-deploy" is not known to OpsDocs; add it to commands.known in .opsdocs.yaml if readers have it']);
  });

  it('takes an English word for prose, not a typo ("prints" is no printf)', async () => {
    assert.deepEqual(await run('prints the value'), ['info: "prints" is not known to OpsDocs; add it to commands.known in .opsdocs.yaml if readers have it']);
  });
});

describe('command-option on slips of the hand', () => {
  it('finds most options with two neighbouring letters swapped, and suggests the option meant', async () => {
    const fixture = path.join(__dirname, '..', 'fixtures', 'command-option', 'good-runbook-commands.md');
    const lines = fs.readFileSync(fixture, 'utf8').split('```bash\n')[1].split('```')[0].trimEnd().split('\n');
    const typos: Array<{ line: string; meant: string }> = [];
    for (const line of lines) {
      const match = /(?<=\s)--([a-z][a-z-]{4,})(?==|\s|$)/.exec(line);
      const option = match?.[1];
      if (!option) continue;
      let i = Math.floor(option.length / 2);
      if (option[i] === option[i - 1] || option[i] === '-' || option[i - 1] === '-') i++;
      if (i >= option.length || option[i] === '-' || option[i - 1] === '-') continue;
      const typo = option.slice(0, i - 1) + option[i] + option[i - 1] + option.slice(i + 1);
      typos.push({ line: line.slice(0, match.index) + `--${typo}` + line.slice(match.index + option.length + 2), meant: `--${option}` });
    }
    const text = `# Typos\n\n\`\`\`bash\n${typos.map((t) => t.line).join('\n')}\n\`\`\`\n`;
    const result = await validateText(testEngine(root), path.join(root, 'typos.md'), text);
    const found = result.findings.filter((f) => f.rule === 'command-option');
    for (const finding of found) {
      const typo = typos[finding.range.start.line - 3];
      assert.ok(finding.message.endsWith(`did you mean "${typo.meant}"?`), `${typo.line}: ${finding.message}`);
    }
    assert.ok(found.length >= 0.8 * typos.length, `found ${found.length} of ${typos.length}`);
  });
});
