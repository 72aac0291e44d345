import type { Severity } from '../../engine/types';
import type { RunReport } from '../report';
import { oneBased } from './position';

/** GitHub's three annotation levels. */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one per finding, so that the runner annotates the pull request:
 * `::error file=docs/a.md,line=6,col=1,endLine=6,endColumn=11,title=opsdocs/section-missing::Missing…`.
 * Columns only on a one-line range: GitHub's annotations take columns on a single line only.
 */
export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const { line, column, endLine, endColumn } = oneBased(finding);
      const columns = line === endLine ? { col: column, endLine, endColumn } : { endLine };
      const properties = { file: file.relativePath, line, ...columns, title: `opsdocs/${finding.rule}` };
      const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${COMMAND[finding.severity]} ${list}::${escapeData(finding.message)}`);
    }
  }
  const { files, errors, warnings, infos } = report.summary;
  lines.push(`opsdocs: ${errors} errors, ${warnings} warnings, ${infos} infos in ${files} documents`);
  return lines.join('\n') + '\n';
}

/** The runner reads `%`, CR and LF in a command's message as escapes (as @actions/core writes them). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property, `:` and `,` end the value, so they are escaped too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
