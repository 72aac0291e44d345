import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES } from '../../rules';
import { NOTICE_INTERNAL, NOTICE_SKIPPED } from '../../engine/engine';
import { DOC_REQUIRED_MISSING } from '../../engine/workspace/requiredDocs';
import { ALERT_RUNBOOK_MISSING, RULE_FILE_UNREADABLE } from '../../engine/workspace/alertFindings';
import { ruleDocumentationUrl } from '../../engine/ruleDocs';
import type { Finding, Fix, Severity } from '../../engine/types';
import type { RunReport } from '../report';
import { oneBased } from './position';

declare const SERVER_VERSION: string;

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

const NOTICES = [
  { id: NOTICE_SKIPPED, description: 'A document OpsDocs declined to check (binary or too large).', defaultSeverity: 'info' as Severity },
  { id: NOTICE_INTERNAL, description: 'A rule failed on a document; its findings are missing.', defaultSeverity: 'info' as Severity },
];

/** SARIF 2.1.0, one result per finding, for code-scanning dashboards. */
export function formatSarif(report: RunReport): string {
  const descriptors = [...RULES, DOC_REQUIRED_MISSING, ALERT_RUNBOOK_MISSING, RULE_FILE_UNREADABLE, ...NOTICES];
  const index = new Map(descriptors.map((rule, i) => [rule.id, i]));
  const log: Sarif.Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'opsdocs',
            version: SERVER_VERSION,
            rules: descriptors.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: ruleDocumentationUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(report.cwd + '/').href } },
        results: report.files.flatMap((file) =>
          file.findings.map((finding) => toResult(finding, file.relativePath, index.get(finding.rule))),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function toResult(finding: Finding, uri: string, ruleIndex: number | undefined): Sarif.Result {
  const location = { uri, uriBaseId: 'SRCROOT' };
  const { line, column, endLine, endColumn } = oneBased(finding);
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: line, startColumn: column, endLine, endColumn } } }],
    fixes: (finding.fixes ?? []).map((fix) => toSarifFix(fix, location)),
  };
}

function toSarifFix(fix: Fix, artifactLocation: Sarif.ArtifactLocation): Sarif.Fix {
  return {
    description: { text: fix.title },
    // SARIF has no kinds of fix: a property says whether `--fix` applies it or only a person may.
    properties: { kind: fix.kind },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({
          deletedRegion: {
            startLine: edit.range.start.line + 1,
            startColumn: edit.range.start.character + 1,
            endLine: edit.range.end.line + 1,
            endColumn: edit.range.end.character + 1,
          },
          insertedContent: { text: edit.newText },
        })),
      },
    ],
  };
}
