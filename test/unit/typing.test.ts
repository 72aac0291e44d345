import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig, defaultConfig } from '../../server/src/engine/config/config';
import { BUILTIN_TYPES } from '../../server/src/engine/config/docTypes';
import { parseDocument } from '../../server/src/engine/document/parse';
import { matchSections, sectionHeadings } from '../../server/src/engine/document/sections';
import { stubKind } from '../../server/src/engine/document/stubs';
import { inferenceThreshold, inferType, isIndexPage, resolveType } from '../../server/src/engine/document/typing';

const doc = (text: string, file = '/ws/docs/page.md') => parseDocument(file, text);
const headings = (...names: string[]) => names.map((n) => `## ${n}\n\nText.\n`).join('\n');
const type = (id: string) => BUILTIN_TYPES.find((t) => t.id === id)!;

function provided(typeId: string, text: string): Record<string, string | undefined> {
  const d = doc(text);
  return Object.fromEntries(matchSections(type(typeId).sections, sectionHeadings(d)).map((m) => [m.spec.name, m.heading?.text]));
}

describe('headings that provide sections', () => {
  it('lets one heading provide each section it joins', () => {
    assert.deepEqual(provided('alert-runbook', headings('Meaning', 'Impact', 'Diagnosis and Mitigation')), {
      Meaning: 'Meaning',
      Impact: 'Impact',
      Diagnosis: 'Diagnosis and Mitigation',
      Mitigation: 'Diagnosis and Mitigation',
    });
    assert.equal(provided('alert-runbook', headings('Diagnosis & Remediation')).Mitigation, 'Diagnosis & Remediation');
    assert.equal(provided('alert-runbook', headings('Impact / Severity')).Impact, 'Impact / Severity');
  });

  it('matches word forms of names and aliases', () => {
    const got = provided('alert-runbook', headings('Meanings', 'Impacts', 'Diagnosing', 'Mitigating'));
    assert.deepEqual(Object.values(got), ['Meanings', 'Impacts', 'Diagnosing', 'Mitigating']);
    assert.equal(provided('alert-runbook', headings('Resolutions')).Mitigation, 'Resolutions');
    assert.equal(provided('runbook', headings('Verifying')).Verification, 'Verifying');
  });

  it('gives a heading that holds two names to the first of them', () => {
    const got = provided('runbook', headings('Emergency Rollback Procedures'));
    assert.equal(got.Rollback, 'Emergency Rollback Procedures');
    assert.equal(got.Procedure, undefined);
  });

  it('never lets the # title provide a section, even as the only heading', () => {
    assert.deepEqual(sectionHeadings(doc('# Mitigation\n\nText.\n')), []);
    assert.deepEqual(sectionHeadings(doc('# Rollback\n\n## Overview\n')).map((h) => h.text), ['Overview']);
    assert.deepEqual(sectionHeadings(doc('# Meaning\n\nx\n\n# Impact\n')).map((h) => h.text), ['Meaning', 'Impact'], 'several # headings are sections');
  });
});

describe('types from headings', () => {
  const infer = (text: string) => inferType(doc(text), BUILTIN_TYPES)?.id;

  it('needs three sections, and three in four of the type', () => {
    assert.equal(inferenceThreshold(type('alert-runbook')), 3);
    assert.equal(inferenceThreshold(type('runbook')), 5);
    assert.equal(inferenceThreshold(type('troubleshooting')), 3);
    assert.equal(infer(headings('Meaning', 'Impact', 'Diagnosis')), 'alert-runbook');
    assert.equal(infer(headings('Impact', 'Mitigation')), undefined);
    assert.equal(infer(headings('Overview', 'Prerequisites', 'Steps', 'Verification')), undefined, '4 of 6 runbook sections');
    assert.equal(infer(headings('Overview', 'Prerequisites', 'Steps', 'Verification', 'Rollback')), 'runbook');
  });

  it('counts only headings that are a name, alias or joined part, not headings that hold one', () => {
    assert.equal(infer(headings('Overview', 'Troubleshooting', 'Groups Overflow Resolution')), undefined);
    assert.equal(infer(headings('Meaning', 'Impact', 'Diagnosis and mitigation')), 'alert-runbook');
  });

  it('takes the type whose sections the headings name best, and none on a tie', () => {
    const postmortem = headings('Summary', 'Impact', 'Timeline', 'Root Cause', 'Resolution', 'Action Items');
    assert.equal(infer(postmortem), 'postmortem', 'all six post-mortem sections beat three of four alert-runbook ones');
    const twin = { ...type('alert-runbook'), id: 'alert-playbook' };
    assert.equal(inferType(doc(headings('Meaning', 'Impact', 'Diagnosis', 'Mitigation')), [type('alert-runbook'), twin]), undefined);
  });

  it('resolves front matter, then globs, then headings, and marks the source', () => {
    const root = defaultConfig('/ws');
    const config = { ...root, types: root.types.map((t) => (t.id === 'runbook' ? { ...t, match: ['docs/runbooks/*.md', '!docs/runbooks/draft-*.md'] } : t)) };
    const alert = headings('Meaning', 'Impact', 'Diagnosis');
    assert.deepEqual(summary(resolveType(doc(`---\ntype: postmortem\n---\n${alert}`), config)), ['postmortem', 'frontmatter']);
    assert.deepEqual(summary(resolveType(doc(alert, '/ws/docs/runbooks/a.md'), config)), ['runbook', 'config']);
    assert.deepEqual(summary(resolveType(doc(alert, '/ws/docs/runbooks/draft-a.md'), config)), ['alert-runbook', 'inferred'], 'a ! glob leaves a page out');
    assert.deepEqual(summary(resolveType(doc(alert), config)), ['alert-runbook', 'inferred']);
    assert.deepEqual(summary(resolveType(doc(`---\ntype: docs\n---\n${alert}`), config)), ['alert-runbook', 'inferred'], "a site generator's type says nothing of ours");
    assert.deepEqual(summary(resolveType(doc(`---\ntype: runbok\n---\n${alert}`), config)), [undefined, undefined], 'a near miss is a mistake, not no type');
    assert.deepEqual(summary(resolveType(doc(alert), { ...config, inferTypes: false })), [undefined, undefined]);
  });

  it('types index and README pages by a glob only when their headings agree', () => {
    const root = defaultConfig('/ws');
    const config = { ...root, types: root.types.map((t) => (t.id === 'alert-runbook' ? { ...t, match: ['alerts/**/*.md'] } : t)) };
    for (const name of ['README.md', 'readme.md', 'index.md', '_index.md']) assert.ok(isIndexPage(`/ws/alerts/${name}`), name);
    assert.ok(!isIndexPage('/ws/alerts/DiskFull.md'));
    assert.deepEqual(summary(resolveType(doc('# Alerts\n\nOne page per alert.\n', '/ws/alerts/README.md'), config)), [undefined, undefined]);
    assert.deepEqual(summary(resolveType(doc(headings('Meaning', 'Impact', 'Diagnosis'), '/ws/alerts/disk/README.md'), config)), ['alert-runbook', 'config']);
  });
});

function summary(typing: ReturnType<typeof resolveType>): [string | undefined, string | undefined] {
  return [typing.type?.id, typing.source];
}

describe('stubs', () => {
  it('recognises moved, deprecated and pointer pages', () => {
    assert.equal(stubKind(doc('# DiskFull\n\nThis alert has been moved to [VolumeFull](VolumeFull.md).\n')), 'moved');
    assert.equal(stubKind(doc('# DiskFull\n\nRenamed to VolumeFull in release 3.\n')), 'moved');
    assert.equal(stubKind(doc('# [Deprecated] DiskFull\n\nYou can safely silence it.\n')), 'deprecated');
    assert.equal(stubKind(doc('# DiskFull\n\n> **Deprecated**: replaced by VolumeFull.\n\n## Meaning\n\nOld text.\n')), 'deprecated');
    assert.equal(stubKind(doc('# DiskFull\n\nThis runbook is no longer maintained.\n')), 'deprecated');
    assert.equal(stubKind(doc('# DiskFull\n\nSee [VolumeFull](VolumeFull.md)\n')), 'link-only');
    assert.equal(stubKind(doc('# DiskFull\n\nSee [VolumeFull]({{< ref "./VolumeFull.md" >}})\n')), 'link-only', "Hugo's ref shortcode");
  });

  it('leaves real documents alone', () => {
    const moved = '# Upgrading\n\nThe settings moved to the ConfigMap in 2.0.\n\n' + headings('Before', 'During', 'After') + '\n```bash\nkubectl apply -f cm.yaml\n```\n';
    assert.equal(stubKind(doc(moved)), undefined, 'a long document that mentions a move');
    assert.equal(stubKind(doc('# Notes\n\nThe v1.1 release changes nothing you need to act on, and deprecates an old flag that nobody uses. Follow the [regular upgrade](x.md).\n')), undefined);
    assert.equal(stubKind(doc('# DiskFull\n\nSee [the dashboard](https://grafana/d/disk).\n\n```bash\ndf -h\n```\n')), undefined, 'a link and a command');
    assert.equal(stubKind(doc(headings('Meaning', 'Impact'))), undefined);
  });
});

describe('types in config', () => {
  it('reads types as a list, or as a mapping with infer and define', () => {
    assert.equal(parseConfig('/ws/.opsdocs.yaml', 'types:\n  - id: runbook\n    match: "r/*.md"\n').config.inferTypes, true);
    const { config, problems } = parseConfig('/ws/.opsdocs.yaml', 'types:\n  infer: false\n  define:\n    - id: runbook\n      match: ["r/*.md", "!r/README.md"]\n');
    assert.deepEqual(problems, []);
    assert.equal(config.inferTypes, false);
    assert.deepEqual(config.types.find((t) => t.id === 'runbook')!.match, ['r/*.md', '!r/README.md']);
  });

  it('places problems inside the mapping form', () => {
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', 'types:\n  infer: sometimes\n').problems.map((p) => [p.message, p.start]), [['"types.infer" must be a boolean', 16]]);
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', 'types:\n  infr: false\n').problems.map((p) => p.message), ['Unknown key "infr"; did you mean "infer"?']);
    assert.deepEqual(parseConfig('/ws/.opsdocs.yaml', 'types:\n  - id: Bad\n').problems.map((p) => p.message), ['"types.0.id" must be a lower-case id such as runbook or payment-runbook']);
    const extendsTypo = parseConfig('/ws/.opsdocs.yaml', 'types:\n  define:\n    - id: x\n      extends: runbok\n');
    assert.deepEqual(extendsTypo.problems.map((p) => p.message), ['"runbok" is not a built-in type; did you mean "runbook"?']);
    assert.equal(extendsTypo.problems[0].start, 'types:\n  define:\n    - id: x\n      extends: '.length);
  });
});
