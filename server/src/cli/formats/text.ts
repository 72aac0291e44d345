import type { RunReport } from '../report';
import { oneBased } from './position';

/** `path:line:column: severity message [rule]`, the shape editors' problem matchers read. */
export function formatText(report: RunReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const { line, column } = oneBased(finding);
      lines.push(`${file.relativePath}:${line}:${column}: ${finding.severity} ${finding.message} [${finding.rule}]`);
    }
  }
  const { files, errors, warnings, infos } = report.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')} in ${plural(files, 'document')}`);
  return lines.join('\n') + '\n';
}
