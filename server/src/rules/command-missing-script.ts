import * as path from 'node:path';
import { toDocumentOffset } from '../engine/document/codeBlocks';
import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { isFillIn, shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from '../engine/shell/analysis';

/** Programs whose first operand is a script they run: `bash scripts/x.sh`, `python3 tools/check.py`, `. ./env.sh`. */
const INTERPRETERS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'source', '.', 'python', 'python3', 'node', 'ruby', 'perl', 'pwsh', 'deno', 'bun']);

/**
 * A workspace path: relative, with a folder part (`./x.sh`, `scripts/x.sh`, `../ops/x.py`), no expansion,
 * no `~`. A word such as `x.sh` alone is a program looked up on PATH, not a path.
 */
const RELATIVE_PATH = /^(?:\.{1,2}\/)?(?:[\w@%+.-]+\/)*[\w@%+.-]+$/;

export const commandMissingScript: Rule = {
  id: 'command-missing-script',
  description: 'A command runs a workspace path (./scripts/x.sh) that does not exist.',
  defaultSeverity: 'error',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check(context) {
    for (const { block, shell } of shellBlocks(context.doc)) {
      for (const command of shell.commands) {
        const script = scriptOf(command, shell);
        if (!script) continue;
        const target = script.value!;
        if (bases(context).some((base) => context.fs.stat(path.resolve(base, target)) === 'file')) continue;
        const start = toDocumentOffset(block, script.start);
        const end = toDocumentOffset(block, script.end);
        const suggestion = suggest(context, target);
        report(context, target, suggestion, start, end);
      }
    }
  },
};

function scriptOf(command: ShellCommand, shell: ShellAnalysis): ShellWord | undefined {
  const candidates = [command.program];
  if (INTERPRETERS.has(command.program.value ?? '')) {
    const operand = command.args.find((arg) => !(arg.value ?? '').startsWith('-'));
    if (operand) candidates.push(operand);
  }
  return candidates.find((word) => isWorkspacePath(word) && !isFillIn(shell, word));
}

function isWorkspacePath(word: ShellWord): boolean {
  const value = word.value;
  return value !== undefined && value.includes('/') && !value.startsWith('/') && !value.endsWith('/') && RELATIVE_PATH.test(value);
}

/** A relative path in a runbook is run from the document's folder or from the workspace root. */
function bases({ doc, config }: RuleContext): string[] {
  return [...new Set([path.dirname(doc.path), config.root])];
}

/** The file of the nearest existing folder whose name is closest to the one the command names. */
function suggest(context: RuleContext, target: string): string | undefined {
  for (const base of bases(context)) {
    const folder = path.resolve(base, path.dirname(target));
    const entries = context.fs.readDirectory(folder);
    if (!entries) continue;
    const files = entries.filter((name) => context.fs.stat(path.join(folder, name)) === 'file');
    const match = closest(path.basename(target), files);
    // Keep the writer's spelling of the folder: only the file name changes.
    if (match) return target.slice(0, target.length - path.basename(target).length) + match;
  }
  return undefined;
}

function report(context: RuleContext, target: string, suggestion: string | undefined, start: number, end: number): void {
  const fixes = changeTo(context.range(start, end), suggestion);
  context.report({
    message: `Script "${target}" does not exist relative to this document or the workspace root${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    range: context.range(start, end),
    fixes,
  });
}
