import * as fs from 'node:fs';

export const MERGE_FORMATS = ['json', 'junit'] as const;
export type MergeFormat = (typeof MERGE_FORMATS)[number];

export interface MergeOptions {
  files: string[];
  format: MergeFormat;
}

interface JsonDiagnostic {
  severity: string;
}

interface JsonReport {
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
}

/**
 * `opsdocs merge`: one result from the results of several runs (the shards of a CI matrix), in the
 * format they were written in. SARIF needs no merge: code scanning joins the uploads of a run.
 * Exit status as validate's: 1 when the joined results hold an error.
 */
export function mergeCommand(options: MergeOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const texts: string[] = [];
  for (const file of options.files) {
    try {
      texts.push(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      err.write(`opsdocs: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  try {
    if (options.format === 'json') {
      const merged = mergeJson(texts.map((text, i) => parseJsonReport(text, options.files[i])));
      out.write(JSON.stringify(merged, null, 2) + '\n');
      return merged.summary.errors > 0 ? 1 : 0;
    }
    const { xml, failures } = mergeJunit(texts.map((text, i) => ({ text, file: options.files[i] })));
    out.write(xml);
    return failures > 0 ? 1 : 0;
  } catch (error) {
    err.write(`opsdocs: ${(error as Error).message}\n`);
    return 2;
  }
}

function parseJsonReport(text: string, file: string): JsonReport {
  let report: JsonReport;
  try {
    report = JSON.parse(text) as JsonReport;
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(report?.files)) throw new Error(`${file} is not the output of opsdocs validate --format json`);
  return report;
}

/** The files of every report, each once (a path two shards both report keeps its first report). */
export function mergeJson(reports: JsonReport[]): JsonReport {
  const byPath = new Map<string, JsonReport['files'][number]>();
  for (const report of reports) for (const file of report.files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  const files = [...byPath.values()];
  const all = files.flatMap((f) => f.diagnostics);
  const count = (severity: string) => all.filter((d) => d.severity === severity).length;
  return { files, summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') } };
}

const SUITE_FAILURES = /^<testsuite [^>]*\bfailures="(\d+)"/;

/** The `<testsuite>` elements of a JUnit report, found by scanning (a regex over them backtracks). */
function testSuites(text: string): string[] {
  const suites: string[] = [];
  for (let start = text.indexOf('<testsuite '); start >= 0; start = text.indexOf('<testsuite ', start + 1)) {
    const tagEnd = text.indexOf('>', start);
    if (tagEnd < 0) break;
    const close = text[tagEnd - 1] === '/' ? tagEnd + 1 : text.indexOf('</testsuite>', tagEnd);
    if (close < 0) break;
    const end = text[tagEnd - 1] === '/' ? close : close + '</testsuite>'.length;
    suites.push(text.slice(start, end));
    start = end - 1;
  }
  return suites;
}

/** The test suites of every JUnit report under one `<testsuites>`, with the failures summed. */
export function mergeJunit(reports: Array<{ text: string; file: string }>): { xml: string; failures: number } {
  const suites: string[] = [];
  let failures = 0;
  for (const { text, file } of reports) {
    if (!/<testsuites\b/.test(text)) throw new Error(`${file} is not the output of opsdocs validate --format junit`);
    for (const suite of testSuites(text)) {
      suites.push(`  ${suite}`);
      failures += Number(SUITE_FAILURES.exec(suite)?.[1] ?? 0);
    }
  }
  return { xml: ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="opsdocs" failures="${failures}">`, ...suites, '</testsuites>', ''].join('\n'), failures };
}
