import { toDocumentOffset } from '../engine/document/codeBlocks';
import { changeTo, closest, DID_YOU_MEAN } from '../engine/closest';
import type { Rule } from '../engine/rule';
import { isFillIn, shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from '../engine/shell/analysis';
import { COMMAND_LINE_TOOLS, subcommandIndex } from '../engine/shell/subcommands';

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
  description: 'An unknown subcommand of a well-known CLI (kubectl rollout undoo).',
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
  // `oc` is OpenShift's kubectl: its subcommands are kubectl's, reported under the name the reader typed.
  const program = command.program.value ?? '';
  const tool = COMMAND_LINE_TOOLS[command.tool ?? ''];
  if (!tool) return undefined;
  const index = subcommandIndex(tool, command.args);
  const word = index === undefined ? undefined : command.args[index];
  if (!word || !isCandidate(word, shell)) return undefined;
  const name = word.value!;
  const known = tool.subcommands[name];
  if (known === undefined) {
    const suggestion = closest(name, Object.keys(tool.subcommands));
    // A plugin or alias (`kubectl neat`, `git lg`) looks unknown too: report only a likely typo.
    if (tool.extensible && (!suggestion || name.length < 4)) return undefined;
    return { word, parent: program, suggestion };
  }
  // Subcommands of subcommands are closed sets: `kubectl rollout undoo` is wrong whatever plugins exist.
  const next = command.args[index! + 1];
  if (known === true || !next || !isCandidate(next, shell) || known.includes(next.value!)) return undefined;
  return { word: next, parent: `${program} ${name}`, suggestion: closest(next.value!, known) };
}

function isCandidate(word: ShellWord, shell: ShellAnalysis): boolean {
  return word.value !== undefined && SUBCOMMAND.test(word.value) && !isFillIn(shell, word);
}
