import { toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { MAX_ANALYSED_LINES, MAX_LINE_WIDTH, shellBlocks } from '../engine/shell/analysis';
import { unknownProgramUses } from '../engine/shell/lookUpProgram';

export const commandUnknown: Rule = {
  id: 'command-unknown',
  description: 'An executable that is no shell builtin, no known program, not on PATH and not in the workspace.',
  defaultSeverity: 'warning',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check(context) {
    const { doc, config, fs } = context;
    const blocks = shellBlocks(doc);
    for (const { shell, block } of blocks) if (shell.tooLong) reportTooLong(context, block, shell.tooLong);
    const toldOf = new Set<string>();
    for (const { name, block, start, end, suggestion } of unknownProgramUses(doc, config, fs, blocks)) {
      const range = context.range(toDocumentOffset(block, start), toDocumentOffset(block, end));
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
