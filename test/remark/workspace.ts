/**
 * A scratch workspace where `opsdocs` is installed as npm would install it (a link in
 * node_modules to this package), with a `.remarkrc` that names the plugin, for remark-cli and
 * unified-language-server to load it through package.json's `exports`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchWorkspace } from '../helpers/cli';

export const PACKAGE_ROOT = path.join(__dirname, '..', '..');

const today = new Date().toISOString().slice(0, 10);

export const DOCUMENTS = {
  // Front matter and a GFM table: remark without remark-frontmatter or remark-gfm reads them
  // differently, and the plugin's findings must not change with that.
  'docs/alerts/disk-full.md': `---\ntype: alert-runbook\nlast_reviewed: ${today}\n---\n\n# DiskFull\n\n## Meaning\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Diagnosis\n\n\`\`\`bash\nkubectl rollout restrat deployment/api\n\`\`\`\n\n## Mitigation\n\nTODO write it\n`,
  // A fix that replaces text within the finding: `expected`.
  'docs/typo.md': `---\ntype: runbok\nlast_reviewed: ${today}\n---\n\n# Typo\n\nText.\n`,
  'docs/notes.md': '# Notes\n\nTODO later\n',
};

export function remarkWorkspace(files: Record<string, string> = {}): string {
  const root = scratchWorkspace({
    '.remarkrc': JSON.stringify({ plugins: ['opsdocs/remark'] }),
    // The user's own config: placeholders are errors here.
    '.opsdocs.yaml': 'rules:\n  placeholder: error\n',
    ...DOCUMENTS,
    ...files,
  }, 'opsdocs-remark-');
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(PACKAGE_ROOT, path.join(root, 'node_modules', 'opsdocs'), 'dir');
  return root;
}

export interface CliFinding {
  path: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What `opsdocs validate --format json` finds in the workspace, the reference for the plugin. */
export function cliFindings(stdout: string): CliFinding[] {
  const report = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<Omit<CliFinding, 'path'>> }> };
  return report.files.flatMap((file) => file.diagnostics.map(({ rule, severity, message, line, column, endLine, endColumn }) => ({ path: file.path, rule, severity, message, line, column, endLine, endColumn })));
}
