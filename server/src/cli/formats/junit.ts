import type { RunReport } from '../report';
import { oneBased } from './position';

/** JUnit XML: a test suite per document, a failing test case per finding, for CI test tabs. */
export function formatJunit(report: RunReport): string {
  const suites = report.files.map((file) => {
    const failures = file.findings.filter((f) => f.severity !== 'info');
    const cases =
      file.findings.length === 0
        ? [`    <testcase classname="${xml(file.relativePath)}" name="opsdocs"/>`]
        : file.findings.map((finding) => {
            const { line, column } = oneBased(finding);
            const name = `${finding.rule} ${line}:${column}`;
            const body =
              finding.severity === 'info'
                ? `<system-out>${xml(finding.message)}</system-out>`
                : `<failure type="${finding.severity}" message="${xml(finding.message)}">${xml(`${file.relativePath}:${line}:${column} ${finding.message}`)}</failure>`;
            return `    <testcase classname="${xml(file.relativePath)}" name="${xml(name)}">${body}</testcase>`;
          });
    return [
      `  <testsuite name="${xml(file.relativePath)}" tests="${Math.max(1, file.findings.length)}" failures="${failures.length}" errors="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const failures = report.summary.errors + report.summary.warnings;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="opsdocs" failures="${failures}">`, ...suites, '</testsuites>', ''].join('\n');
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
