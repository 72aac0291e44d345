/** fast-check generators of runbook-like Markdown: every construct the rules read, and the faults they must survive. */
import fc from 'fast-check';

const word = fc.constantFrom('payments', 'Rollback', 'TODO', 'FIXME', 'kubectl', '<namespace>', '${SERVICE}', '{{VERSION}}', 'Overview', 'Diagnosis', 'é', '日本', '🚀', '\t', '\\', '`', '*', '_', '[', ']', '<', '>', '&amp;', '|', '#', '"', "'", '/Users/alice/x', 'AKIAZ7Q4M2P9L3X8K1V6');
const text = fc.oneof(
  { weight: 4, arbitrary: fc.array(word, { maxLength: 8 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const date = fc.oneof(
  fc.constantFrom('2026-02-30', '2025-10-19', '2026-11-24', '2027-01-01', '10/19/2025', 'yesterday', '2026-13-01', ''),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .record({
      type: fc.constantFrom('runbook', 'alert-runbook', 'troubleshooting', 'disaster-recovery', 'incident-response', 'runbok', 'docs', '[x'),
      reviewed: date,
      cycle: fc.constantFrom('monthly', 'quarterly', '30d', '2w', 'fortnightly', '[', ''),
      tested: date,
      extra: fc.constantFrom('', 'tags: a', 'owner: TODO', 'tags: [a, b]', ': :', '- list', 'title: "unclosed'),
    })
    .map((fm) => `---\ntype: ${fm.type}\nlast_reviewed: ${fm.reviewed}\nreview_cycle: ${fm.cycle}\nlast_tested: ${fm.tested}\n${fm.extra}\n---\n`),
  fc.constant('---\ntitle: never closed\n'),
);

const LANGUAGES = ['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'json', 'yaml', 'yml', 'mermaid', 'plantuml', 'puml', 'sql', 'promql', ''];
const codeLine = fc.oneof(
  fc.constantFrom(
    '$ kubectl -n <namespace> get pods',
    'kubectl rollout undoo deployment/x',
    'if [ -f x ]; then',
    'echo "unterminated',
    'rm -rf /var/lib/app',
    './scripts/missing.sh --now',
    '{ "a": 1, }',
    'key: [unclosed',
    'graph TD; A-->B',
    'sequenceDiagram',
    '@startuml',
    '@enduml',
    'DROP TABLE users;',
    'export TOKEN=q8Zk3VvT1pR9sLw2Hx7cYb4Nf6Jm0Qa5Ue8Gd2Ko',
    'cat <<EOF',
    'EOF',
    '  output line',
    'fi',
  ),
  text,
);
const fence = fc
  .tuple(fc.constantFrom(...LANGUAGES), fc.array(codeLine, { maxLength: 8 }), fc.constantFrom('```', '~~~', '````'), fc.boolean())
  .map(([lang, lines, marker, closed]) => `${marker}${lang}\n${lines.join('\n')}\n${closed ? marker : ''}`);

const block = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), text).map(([depth, t]) => `${'#'.repeat(depth)} ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('## Overview', '## Prerequisites', '## Procedure', '## Verification', '## Rollback', '## Escalation', '## Meaning', '## Impact', '## Diagnosis', '## Mitigation', '## Common Issues', '### Issue: latency', '**Symptoms**: slow', '**Last Updated**: 2025-10-19') },
  { weight: 4, arbitrary: text },
  { weight: 2, arbitrary: fence },
  { weight: 1, arbitrary: fc.tuple(text, fc.constantFrom('./a.md', '../x.md#rollback', '#rollback', 'https://example.com', 'scripts/run.sh', '<bad>', '%zz', '')).map(([t, url]) => `[${t}](${url})`) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |\n|${cells.map(() => '---').join('|')}|\n| ${cells.join(' | ')} |`) },
  { weight: 1, arbitrary: fc.constantFrom('<div>', '</div>', '<!-- opsdocs-disable placeholder -->', '<!-- opsdocs-enable -->', '<!-- opsdocs-disable-next-line -->', '<a name="x"></a>', '<!--', '-->') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '1. ', '> ', '  - ', '\t- ', '- [ ] '), text).map(([marker, t]) => marker + t) },
);

/** A whole document, with its line ends, an optional byte order mark and stray tabs. */
export const documentArbitrary = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([fm, blocks, eol, bom]) => (bom ? '\uFEFF' : '') + (fm + blocks.join('\n\n') + '\n').replace(/\n/g, eol));

/** Bytes that are not valid UTF-8, read as a Markdown file would be. */
export const invalidUtf8Arbitrary = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => new TextDecoder('utf-8').decode(Buffer.concat([Buffer.from('# Doc\n\n'), bytes])));
