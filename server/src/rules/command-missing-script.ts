import * as path from 'node:path';
import { toDocumentOffset } from '../engine/document/codeBlocks';
import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { isFillIn, type ShellAnalysis, type ShellCommand, type ShellWord } from '../engine/shell/analysis';
import { documentPlaces, isCreatedBefore } from '../engine/shell/places';
import type { Range } from '../engine/types';

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
    const places = documentPlaces(context.doc);
    const isFile = (target: string) => bases(context).some((base) => context.fs.stat(path.resolve(base, target)) === 'file');
    const isFolder = (target: string) => bases(context).some((base) => context.fs.stat(path.resolve(base, target)) === 'directory');
    for (const { block, shell, command, place, offset } of places.commands) {
      const script = scriptOf(command, shell);
      // On another machine, in a container, or in a folder outside the workspace (`cd /opt/app`, `cd ..`): not the workspace's script.
      if (!script || place.via !== undefined || place.cwd === undefined || path.posix.isAbsolute(place.cwd) || place.cwd.startsWith('..')) continue;
      const typed = script.value!;
      const target = path.posix.normalize(path.posix.join(place.cwd, typed));
      // Where the reader is after a `cd`, or where the writer may have meant them to be (the start).
      if (isCreatedBefore(places, target, offset) || isFile(target) || (place.cwd !== '' && isFile(typed))) continue;
      const range = context.range(toDocumentOffset(block, script.start), toDocumentOffset(block, script.end));
      const folder = place.cwd !== '' && !isFolder(place.cwd) ? place.cwd : path.posix.dirname(target);
      if (!isFolder(folder)) reportElsewhere(context, typed, place.cwd, folder, range);
      else report(context, typed, place.cwd, suggest(context, place.cwd, typed), range);
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
function suggest(context: RuleContext, cwd: string, typed: string): string | undefined {
  for (const base of bases(context)) {
    const folder = path.resolve(base, cwd, path.dirname(typed));
    const entries = context.fs.readDirectory(folder);
    if (!entries) continue;
    const files = entries.filter((name) => context.fs.stat(path.join(folder, name)) === 'file');
    const match = closest(path.basename(typed), files);
    // Keep the writer's spelling of the folder: only the file name changes.
    if (match) return typed.slice(0, typed.length - path.basename(typed).length) + match;
  }
  return undefined;
}

function report(context: RuleContext, typed: string, cwd: string, suggestion: string | undefined, range: Range): void {
  context.report({
    message: `Script "${typed}"${ranIn(cwd)} does not exist relative to this document or the workspace root${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
    range,
    fixes: changeTo(range, suggestion),
  });
}

/** A folder the workspace does not have: the script is another repository's (a project's own docs, a tool's checkout). */
function reportElsewhere(context: RuleContext, typed: string, cwd: string, folder: string, range: Range): void {
  context.report({
    message: `Script "${typed}"${ranIn(cwd)} is not in this workspace: there is no folder "${folder}" here, so it likely belongs to another repository`,
    severity: 'info',
    range,
  });
}

function ranIn(cwd: string): string {
  return cwd === '' ? '' : ` (run in "${cwd}")`;
}
