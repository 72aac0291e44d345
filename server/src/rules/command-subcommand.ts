import { toDocumentOffset } from '../engine/document/codeBlocks';
import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import type { Rule } from '../engine/rule';
import { isFillIn, shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from '../engine/shell/analysis';
import { cliSpec, readCommand, subcommandNames, type CliStep } from '../engine/shell/cliSpecs';
import { typoOf } from '../engine/shell/nearMiss';
import { COMMAND_LINE_TOOLS } from '../engine/shell/subcommands';

/** A word that can be a subcommand; paths, options, assignments and expansions cannot. */
const SUBCOMMAND = /^[a-z][a-z0-9-]*$/;

interface Unknown {
  word: ShellWord;
  /** The subcommand path up to the unknown word: "kubectl rollout". */
  parent: string;
  suggestion?: string;
}

export const commandSubcommand: Rule = {
  id: 'command-subcommand',
  description: 'An unknown subcommand of a CLI whose subcommands are known (kubectl rollout undoo).',
  defaultSeverity: 'warning',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check({ doc, report, range }) {
    for (const { block, shell } of shellBlocks(doc)) {
      for (const command of shell.commands) {
        const found = unknownSubcommand(command, shell);
        if (!found) continue;
        const start = toDocumentOffset(block, found.word.start);
        const end = toDocumentOffset(block, found.word.end);
        const name = found.word.value!;
        report({
          message: `"${found.parent} ${name}" is no ${found.parent} subcommand${found.suggestion ? `; did you mean "${found.parent} ${found.suggestion}"?` : ''}`,
          range: range(start, end),
          fixes: changeTo(range(start, end), found.suggestion),
        });
      }
    }
  },
};

function unknownSubcommand(command: ShellCommand, shell: ShellAnalysis): Unknown | undefined {
  const spec = command.tool === undefined ? undefined : cliSpec(command.tool);
  if (!spec) return undefined;
  const step = readCommand(spec, command.args, (word) => isFillIn(shell, word)).find((s): s is Extract<CliStep, { kind: 'unknown-subcommand' }> => s.kind === 'unknown-subcommand');
  if (!step || !SUBCOMMAND.test(step.word.value!)) return undefined;
  const name = step.word.value!;
  const known = subcommandNames(step.node);
  // `oc` is OpenShift's kubectl: its subcommands are kubectl's, reported under the name the reader typed.
  const parent = [command.program.value ?? command.tool, ...step.path].join(' ');
  const curated = COMMAND_LINE_TOOLS[command.tool!];
  if (curated && step.path.length === 0) {
    // Plugins and aliases add subcommands (`kubectl neat`, `git lg`, `helm diff`): only a likely typo is reported.
    const suggestion = closest(name, known);
    if (curated.extensible && (!suggestion || name.length < 4)) return undefined;
    return { word: step.word, parent, suggestion };
  }
  // Subcommands of subcommands that subcommands.ts lists are closed sets: `kubectl rollout undoo` is wrong whatever plugins exist.
  if (curated && step.path.length === 1 && Array.isArray(curated.subcommands[step.path[0]])) return { word: step.word, parent, suggestion: closest(name, known) };
  // Fig's specs are kept by hand and may lag their CLI: only a slip one typo from a subcommand of a closed set is reported.
  const suggestion = step.closed ? typoOf(name, known) : undefined;
  return suggestion ? { word: step.word, parent, suggestion } : undefined;
}
