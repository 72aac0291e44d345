import { codeBlocks, type CodeBlock } from '../engine/document/codeBlocks';
import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import { blockKind, misspeltLabel } from '../engine/languages/blockKind';
import type { Rule, RuleContext } from '../engine/rule';
import { tomlProblem } from '../engine/examples/toml';
import { looksLikeToml } from '../engine/examples/tomlShape';
import { shellAnalysis } from '../engine/shell/analysis';
import { promptOf } from '../engine/shell/prompts';
import { TRANSCRIPT_LANGUAGES } from '../engine/shell/script';
import type { ProposedFix, Severity } from '../engine/types';

/** The fix id of a new label for the fence; a suggestion: the label says what the block is, and a person knows best. */
const RELABEL = 'relabel';

export const YAML_LABELS = ['yaml', 'yml'];

export const codeLanguage: Rule = {
  id: 'code-language',
  description: 'A fence whose content is another language than its label (PromQL in bash), a misspelt label, or an unlabelled shell block.',
  defaultSeverity: 'warning',
  fixes: { [RELABEL]: 'suggestion', [DID_YOU_MEAN]: 'suggestion' },
  async check(context) {
    for (const block of codeBlocks(context.doc)) {
      if (!block.label) continue;
      const kind = blockKind(block);
      if (kind.kind === 'other-language') {
        const { name, label } = kind.language;
        report(context, block, `This \`${block.lang}\` block reads as ${name}, not shell: label it \`${label}\` (its lines are not checked as commands)`, label);
      } else if (kind.kind === 'output' || (kind.kind === 'shell' && !kind.unlabelled && holdsOutputOnly(block))) {
        if (TRANSCRIPT_LANGUAGES.has(block.lang)) continue;
        const label = hasPrompts(block) ? 'console' : 'text';
        report(context, block, `This \`${block.lang}\` block holds output and no command: label it \`${label}\``, label, 'info');
      } else if (kind.kind === 'shell' && kind.unlabelled) {
        const shell = shellAnalysis(block);
        if (shell.syntaxError) continue;
        const label = shell.script.isTranscript ? 'console' : 'bash';
        report(context, block, `This block holds shell commands and has no language: label it \`${label}\` (its commands are checked as shell)`, label, 'info');
      } else if (await isTomlUnderYaml(block)) {
        report(context, block, `This \`${block.lang}\` block reads as TOML, not YAML: label it \`toml\``, 'toml');
      } else {
        const meant = misspeltLabel(block);
        if (!meant) continue;
        const range = context.range(block.label.start, block.label.end);
        context.report({ message: `Unknown fence language \`${block.lang}\`; did you mean \`${meant}\`?`, range, fixes: changeTo(range, meant) });
      }
    }
  },
};

/**
 * `[server]` and `key = value` lines under a yaml label, which TOML's own parser reads: TOML.
 * example-yaml leaves TOML-shaped blocks to this rule (one finding, not a YAML error).
 */
async function isTomlUnderYaml(block: CodeBlock): Promise<boolean> {
  return YAML_LABELS.includes(block.lang) && looksLikeToml(block.value) && (await tomlProblem(block.value)) === undefined;
}

/** A block the writer labelled shell that, prompts and output set aside, runs nothing. */
function holdsOutputOnly(block: CodeBlock): boolean {
  const { script } = shellAnalysis(block);
  return !script.hasCommand && script.hasOutput;
}

function hasPrompts(block: CodeBlock): boolean {
  return block.value.split(/\r?\n|\r/).some((line) => promptOf(line) !== undefined && promptOf(line)!.kind !== 'root');
}

/** A finding on the fence's label (on the fence itself when it has none), with the new label as a suggestion. */
function report(context: RuleContext, block: CodeBlock, message: string, label: string, severity?: Severity): void {
  const { start, end } = block.label!;
  const fenceStart = block.node.position!.start.offset!;
  const range = start === end ? context.range(fenceStart, start) : context.range(start, end);
  const fix: ProposedFix = { id: RELABEL, title: `Label the block \`${label}\``, edits: [{ range: context.range(start, end), newText: label }] };
  context.report({ message, range, severity, fixes: [fix] });
}
