import { toDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import { changeTo, DID_YOU_MEAN } from '../engine/closest';
import type { Rule, RuleContext } from '../engine/rule';
import { isFillIn, shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from '../engine/shell/analysis';
import { cliSpec, optionNames, readCommand, type CliStep } from '../engine/shell/cliSpecs';
import { builtInPart, RESOURCE_NAMES, resourceType } from '../engine/shell/kubernetesResources';
import { typoOf } from '../engine/shell/nearMiss';

/**
 * Unknown options, options without their value, and unknown Kubernetes resource types, read
 * against Fig's spec of the CLI (cliSpecs.ts). A spec may lag its CLI, so only what the spec
 * describes completely is judged, and an unknown option only when it is a slip of a known one.
 */
export const commandOption: Rule = {
  id: 'command-option',
  description: 'An unknown option or resource type of a CLI whose options are known (kubectl get pods --namepsace).',
  defaultSeverity: 'warning',
  fixes: { [DID_YOU_MEAN]: 'suggestion' },
  check(context) {
    const resources = new Set(context.config.commands.resources.map((r) => r.toLowerCase()));
    for (const { block, shell } of shellBlocks(context.doc)) {
      for (const command of shell.commands) {
        const spec = command.tool === undefined ? undefined : cliSpec(command.tool);
        if (!spec) continue;
        const steps = readCommand(spec, command.args, (word) => isFillIn(shell, word));
        const at = place(context, block);
        for (const step of steps) checkOption(at, command, step);
        if (command.tool === 'kubectl') checkResources(at, command, shell, steps, resources);
      }
    }
  },
};

interface Place {
  context: RuleContext;
  /** A range over block content offsets, as the document sees it. */
  range: (start: number, end: number) => ReturnType<RuleContext['range']>;
}

function place(context: RuleContext, block: CodeBlock): Place {
  return { context, range: (start, end) => context.range(toDocumentOffset(block, start), toDocumentOffset(block, end)) };
}

const commandName = (command: ShellCommand, path: string[]) => [command.program.value ?? command.tool, ...path].join(' ');

function checkOption({ context, range }: Place, command: ShellCommand, step: CliStep): void {
  if (step.kind === 'option' && step.missingValue) {
    context.report({ message: `"${step.name}" of "${commandName(command, step.path)}" needs a value`, range: range(step.word.start, step.word.end) });
  }
  if (step.kind !== 'unknown-option' || !step.complete || isNegation(step.name, step.scope)) return;
  const suggestion = typoOf(step.name, optionNames(step.scope));
  if (!suggestion) return;
  const at = range(step.word.start, step.word.start + step.name.length);
  context.report({
    message: `"${step.name}" is no option of "${commandName(command, step.path)}"; did you mean "${suggestion}"?`,
    range: at,
    fixes: changeTo(at, suggestion),
  });
}

/** `--no-verify` for `--verify` and back: many CLIs take both forms of a flag. */
function isNegation(name: string, scope: Extract<CliStep, { kind: 'unknown-option' }>['scope']): boolean {
  const names = new Set(optionNames(scope));
  return name.startsWith('--no-') ? names.has(`--${name.slice(5)}`) : names.has(`--no-${name.slice(2)}`);
}

// ---------------------------------------------------------------------------------------------
// Kubernetes resource types

/** Subcommands whose first argument is a resource type (`get pods`), a list of them, or TYPE/NAME. */
const TYPE_FIRST = new Set(['get', 'describe', 'delete', 'edit', 'patch', 'label', 'annotate', 'scale', 'autoscale', 'expose', 'wait', 'taint', 'explain']);
/** Subcommands whose subcommands take TYPE/NAME or TYPE NAME (`rollout status deploy/api`, `set image deploy/api`). */
const TYPE_FIRST_BELOW = new Set(['rollout', 'set']);
/** Subcommands whose first argument is a pod's name, or TYPE/NAME (`logs deploy/api`). */
const NAME_FIRST = new Set(['logs', 'exec', 'attach', 'port-forward']);
/** Options that name the objects in files instead (`delete -f x.yaml`). */
const FROM_FILES = new Set(['-f', '--filename', '-k', '--kustomize']);

function checkResources(at: Place, command: ShellCommand, shell: ShellAnalysis, steps: CliStep[], configured: ReadonlySet<string>): void {
  if (steps.some((s) => s.kind === 'unknown-option' || (s.kind === 'option' && FROM_FILES.has(s.name)))) return;
  const args = steps.filter((s): s is Extract<CliStep, { kind: 'argument' }> => s.kind === 'argument');
  const first = args[0];
  if (!first || first.word.value === undefined && !isFillIn(shell, first.word)) return;
  const [verb] = first.path;
  const typeFirst = TYPE_FIRST.has(verb) || (TYPE_FIRST_BELOW.has(verb) && first.path.length === 2);
  if (!typeFirst && !NAME_FIRST.has(verb)) return;
  if (isFillIn(shell, first.word)) {
    const name = placeholderName(shell, first.word);
    if (typeFirst && verb !== 'explain' && args.length === 1 && name && NAME_PLACEHOLDER.test(name) && !TYPE_PLACEHOLDER.test(name)) needsType(at, command, first, name);
    return;
  }
  const value = first.word.value!;
  if (!typeFirst && !value.includes('/')) return;
  if (typeFirst && verb !== 'explain' && args.length === 1 && isObjectName(value) && !isKnownType(value, configured)) {
    needsType(at, command, first, value);
    return;
  }
  let offset = first.word.start;
  for (const item of value.split(',')) {
    // `explain deploy.spec.replicas` names fields after the type, others a group (`deployments.apps`).
    const typed = item.split('/')[0];
    const type = verb === 'explain' ? typed.split('.')[0] : builtInPart(typed.toLowerCase());
    if (type && !isKnownType(type, configured)) reportType(at, command, first.path, type, offset, configured);
    offset += item.length + 1;
    if (item.includes('/')) break;
  }
}

function isKnownType(type: string, configured: ReadonlySet<string>): boolean {
  const lower = type.toLowerCase();
  return lower === '' || RESOURCE_NAMES.has(lower) || configured.has(lower) || lower.includes('{{') || lower.startsWith('$');
}

/**
 * A type a reader meant as one of kubectl's, one slip away; any other unknown type is most
 * likely a CRD's (`cephclusters`), and kept quiet.
 */
function reportType({ context, range }: Place, command: ShellCommand, path: string[], type: string, offset: number, configured: ReadonlySet<string>): void {
  const suggestion = typoOf(type.toLowerCase(), [...RESOURCE_NAMES, ...configured]);
  if (!suggestion) return;
  const at = range(offset, offset + type.length);
  context.report({
    message: `"${type}" is no Kubernetes resource type of "${commandName(command, path)}"; did you mean "${suggestion}"?`,
    range: at,
    fixes: changeTo(at, suggestion),
  });
}

/** A pod's or node's name rather than a type: types have no digits after a dash (`api-7d9f8-x2x9z`, `etcd-0`). */
function isObjectName(value: string): boolean {
  return !value.includes('/') && !value.includes(',') && /-[^-]*\d/.test(value);
}

/** `<pod-name>`, `<name>`, `<node_id>`: a placeholder for an object's name, not for its type. */
const NAME_PLACEHOLDER = /name|(?:^|[-_ ])id$/i;
const TYPE_PLACEHOLDER = /type|kind|resource/i;

function needsType({ context, range }: Place, command: ShellCommand, first: Extract<CliStep, { kind: 'argument' }>, name: string): void {
  const shown = commandName(command, first.path);
  // `<pod-name>` says which type it is a name of.
  const type = name.split(/[^A-Za-z]+/).map((part) => resourceType(part)).find(Boolean);
  const at = range(first.word.start, first.word.end);
  const before = range(first.word.start, first.word.start);
  context.report({
    message: `"${shown}" needs a resource type before the name "${name}"${type ? `: ${shown} ${type.singular} ${name}` : ' (TYPE NAME, or TYPE/NAME)'}`,
    range: at,
    fixes: type ? changeTo(before, `${type.singular} `, `${type.singular} ${name}`) : [],
  });
}

/** The `<placeholder>` a word is, as written. */
function placeholderName(shell: ShellAnalysis, word: ShellWord): string | undefined {
  const found = shell.script.placeholders.find((p) => p.offset < word.end && p.offset + p.name.length + 2 > word.start);
  return found && `<${found.name}>`;
}
