import { toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { isFillIn, MAX_ANALYSED_LINES, MAX_LINE_WIDTH, shellBlocks } from '../engine/shell/analysis';
import { closestProgram, configuredPrograms, lookUpProgram } from '../engine/shell/lookUpProgram';

/** A program name as a reader would type it; anything else (`{{`, `...`, `$CMD`) is not a name to look up. */
const PROGRAM_NAME = /^[A-Za-z_][\w.+-]*$/;

export const commandUnknown: Rule = {
  id: 'command-unknown',
  description: 'An executable that is no shell builtin, no known program, not on PATH and not in the workspace.',
  defaultSeverity: 'warning',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check(context) {
    const { doc, config, fs } = context;
    const blocks = shellBlocks(doc);
    const lookup = { doc, config, fs, defined: new Set(blocks.flatMap(({ shell }) => [...shell.defined])), known: configuredPrograms(config) };
    const toldOf = new Set<string>();
    for (const { block, shell } of blocks) {
      if (shell.tooLong) reportTooLong(context, block, shell.tooLong);
      for (const { program } of shell.commands) {
        const name = program.value;
        if (name === undefined || !PROGRAM_NAME.test(name) || isFillIn(shell, program) || lookUpProgram(lookup, name).kind !== 'unknown') continue;
        const range = context.range(toDocumentOffset(block, program.start), toDocumentOffset(block, program.end));
        const suggestion = closestProgram(lookup, name);
        if (suggestion) {
          context.report({
            message: `"${name}" is no shell builtin, known tool, program on PATH or workspace script; did you mean "${suggestion}"?`,
            range,
            fixes: changeTo(range, suggestion),
          });
        } else if (!toldOf.has(name)) {
          // Most likely a tool of the writer's site: worth a note once, not a warning at every use.
          toldOf.add(name);
          context.report({ message: `"${name}" is not known to OpsDocs; add it to commands.known in .opsdocs.yaml if readers have it`, severity: 'info', range });
        }
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
