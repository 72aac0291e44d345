import * as path from 'node:path';
import { toDocumentOffset, type CodeBlock } from '../engine/codeBlocks';
import { closest } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { isFillIn, MAX_ANALYSED_LINES, MAX_LINE_WIDTH, shellBlocks } from '../engine/shell/analysis';
import { COMMON_TOOLS, SHELL_BUILTINS } from '../engine/shell/knownCommands';
import { pathExecutables } from '../engine/programs';

/** A program name as a reader would type it; anything else (`{{`, `...`, `$CMD`) is not a name to look up. */
const PROGRAM_NAME = /^[A-Za-z_][\w.+-]*$/;
/** Folders of a workspace that hold the programs its runbooks call by name. */
export const PROGRAM_FOLDERS = ['.', 'bin', 'scripts', 'tools', 'hack'];

export const commandUnknown: Rule = {
  id: 'command-unknown',
  description: 'An executable that is no shell builtin, no known tool, not on PATH and not in the workspace.',
  defaultSeverity: 'warning',
  check(context) {
    const blocks = shellBlocks(context.doc);
    const defined = new Set(blocks.flatMap(({ shell }) => [...shell.defined]));
    const known = new Set([...context.config.commands.known, ...((context.options.known as string[] | undefined) ?? [])]);
    const isKnown = (name: string) => SHELL_BUILTINS.has(name) || COMMON_TOOLS.has(name) || known.has(name) || defined.has(name);
    for (const { block, shell } of blocks) {
      if (shell.tooLong) reportTooLong(context, block, shell.tooLong);
      for (const { program } of shell.commands) {
        const name = program.value;
        if (name === undefined || !PROGRAM_NAME.test(name) || isFillIn(shell, program) || isKnown(name)) continue;
        if (pathExecutables().has(name) || inWorkspace(context, name)) continue;
        const start = toDocumentOffset(block, program.start);
        const end = toDocumentOffset(block, program.end);
        const suggestion = closest(name, [...COMMON_TOOLS, ...known]);
        context.report({
          message: `"${name}" is no shell builtin, known tool, program on PATH or workspace script${suggestion ? `; did you mean "${suggestion}"?` : `; add it to commands.known in .opsdocs.yaml if readers have it`}`,
          range: context.range(start, end),
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ range: context.range(start, end), newText: suggestion }], isPreferred: true }] : [],
        });
      }
    }
  },
};

function reportTooLong({ range, report }: RuleContext, block: CodeBlock, reason: 'lines' | 'width'): void {
  const start = block.node.position!.start.offset!;
  report({
    message:
      reason === 'lines'
        ? `Commands of this ${block.lineOffsets.length}-line block are not looked up: blocks over ${MAX_ANALYSED_LINES} lines are checked for syntax only`
        : `This block is not checked: it has a line over ${MAX_LINE_WIDTH} characters, which the shell parser cannot place`,
    severity: 'info',
    range: range(start, start + 3),
  });
}

function inWorkspace({ doc, config, fs }: RuleContext, name: string): boolean {
  const folders = [path.dirname(doc.path), ...PROGRAM_FOLDERS.map((folder) => path.join(config.root, folder))];
  return folders.some((folder) => fs.stat(path.join(folder, name)) === 'file');
}
