import type { ShellWord } from './analysis';
import { figSpec, namesOf, type SpecNode, type SpecOption } from './programData';
import { COMMAND_LINE_TOOLS, type CommandLineTool } from './subcommands';

/**
 * A command line read against its CLI's spec, word by word, the way the CLI's own parser would:
 * subcommands, options (with `--opt=value`, `-abc` and values in the next word), positional
 * arguments. The reading stops where the spec cannot say what a word is (a plugin, an alias, a
 * command passed on to another program, an option the spec lacks): nothing past that point is judged.
 */
export type CliStep =
  | { kind: 'subcommand'; word: ShellWord; node: SpecNode; path: string[] }
  | { kind: 'option'; word: ShellWord; name: string; option: SpecOption; node: SpecNode; path: string[]; missingValue: boolean }
  | { kind: 'unknown-option'; word: ShellWord; name: string; node: SpecNode; path: string[]; scope: SpecOption[]; complete: boolean }
  | { kind: 'unknown-subcommand'; word: ShellWord; node: SpecNode; path: string[]; closed: boolean }
  | { kind: 'argument'; word: ShellWord; node: SpecNode; path: string[]; index: number };

/** Options every CLI takes, whether or not its spec lists them. */
const ALWAYS_KNOWN: SpecOption[] = [{ n: ['-h', '--help'] }, { n: '--version' }];

const merged = new Map<string, SpecNode | undefined>();

/**
 * The spec of a CLI as OpsDocs reads it: Fig's, with what subcommands.ts adds for the CLIs whose
 * Fig spec lags (kubectl's global options, git's plumbing commands, `kubectl auth whoami`…).
 */
export function cliSpec(tool: string): SpecNode | undefined {
  if (!merged.has(tool)) {
    const fig = figSpec(tool);
    const curated = COMMAND_LINE_TOOLS[tool];
    merged.set(tool, curated ? withCurated(fig ?? { n: tool }, curated) : fig);
  }
  return merged.get(tool);
}

function withCurated(fig: SpecNode, tool: CommandLineTool): SpecNode {
  const subcommands = [...(fig.s ?? [])].map((s) => resolve(s));
  for (const [name, nested] of Object.entries(tool.subcommands)) {
    let node = subcommands.find((s) => namesOf(s).includes(name));
    if (!node) subcommands.push((node = { n: name, x: 1 }));
    if (nested === true) continue;
    const children = [...(node.s ?? [])];
    for (const child of nested) if (!children.some((c) => namesOf(c).includes(child))) children.push({ n: child, x: 1 });
    subcommands[subcommands.indexOf(node)] = { ...node, s: children };
  }
  const globals: SpecOption[] = [
    ...tool.valuedOptions.map((n): SpecOption => ({ n, v: 1, p: 1 })),
    ...tool.flagOptions.map((n): SpecOption => ({ n, p: 1 })),
  ];
  return { ...fig, s: subcommands, o: [...(fig.o ?? []), ...globals] };
}

/** A node whose spec lives in another record (`aws s3` → `aws/s3`), with that record's content. */
function resolve(node: SpecNode): SpecNode {
  if (typeof node.l !== 'string') return node;
  const loaded = figSpec(node.l);
  return loaded ? { ...loaded, n: node.n, d: node.d ?? loaded.d, l: undefined } : { ...node, l: 1 };
}

/** `-`/`_` spellings of one option are one option (`--to-revision`, Fig's `--to_revision`). */
const canonical = (name: string) => name.replace(/_/g, '-');

/** Each scope's options by canonical name (the first that has it), made on the first look-up. */
const optionIndexes = new WeakMap<SpecOption[], Map<string, SpecOption>>();

function findOption(scope: SpecOption[], name: string): SpecOption | undefined {
  let index = optionIndexes.get(scope);
  if (!index) {
    index = new Map();
    for (const option of scope) for (const n of namesOf(option)) if (!index.has(canonical(n))) index.set(canonical(n), option);
    optionIndexes.set(scope, index);
  }
  return index.get(canonical(name));
}

/** Whether a subcommand's set of subcommands is all there is: no generated ones, no plugin hook, no argument in their place. */
export function isClosed(node: SpecNode): boolean {
  return !!node.s?.length && !node.g && node.l === undefined && !node.a && node.c === undefined;
}

/**
 * Whether the spec lists this subcommand's options, so that an option it lacks is worth a look:
 * the subcommand has options of its own in the spec (a spec that names a subcommand without
 * options has not described them), or the spec gives every option at its root and none below
 * (systemctl's are global). Subcommands OpsDocs adds to a spec (subcommands.ts) have none.
 */
function optionsListed(node: SpecNode, root: SpecNode): boolean {
  if (node.x) return false;
  if (hasOwnOptions(node)) return true;
  return node !== root && hasOwnOptions(root) && allOptionsAtRoot(root);
}

const hasOwnOptions = (node: SpecNode) => !!node.o?.some((o) => !namesOf(o).some((n) => n === '--help' || n === '-h'));

const optionsAtRoot = new WeakMap<SpecNode, boolean>();

function allOptionsAtRoot(root: SpecNode): boolean {
  if (!optionsAtRoot.has(root)) {
    const below = (node: SpecNode): boolean => (node.s ?? []).some((s) => hasOwnOptions(s) || typeof s.l === 'string' || below(s));
    optionsAtRoot.set(root, !below(root));
  }
  return optionsAtRoot.get(root)!;
}

/** A word that starts an option, not a value such as `-`, `-1` or `-5m`. */
const isOption = (value: string) => /^-[^\d\s-]|^--[^\s]/.test(value);

/** The options known at each subcommand path of a CLI, made once: kubectl's global options alone are many, and every command reads them. */
const optionsByPath = new WeakMap<SpecNode, Map<string, SpecOption[]>>();

function optionsAt(spec: SpecNode, path: readonly string[], nodes: readonly SpecNode[]): SpecOption[] {
  let byPath = optionsByPath.get(spec);
  if (!byPath) optionsByPath.set(spec, (byPath = new Map()));
  const key = path.join('\0');
  let options = byPath.get(key);
  if (!options) byPath.set(key, (options = [...nodes.flatMap((n) => n.o ?? []), ...ALWAYS_KNOWN]));
  return options;
}

export function readCommand(spec: SpecNode, args: readonly ShellWord[], isFillIn: (word: ShellWord) => boolean): CliStep[] {
  const steps: CliStep[] = [];
  const nodes: SpecNode[] = [spec];
  const path: string[] = [];
  let node = spec;
  let positionals = 0;
  const scope = () => optionsAt(spec, path, nodes);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const value = word.value;
    if (value === '--') break;
    if (value !== undefined && isOption(value) && !isFillIn(word) && !(node.m && positionals > 0)) {
      const read = readOption({ node, path: [...path] }, spec, scope(), word, value, args[i + 1]);
      steps.push(...read.steps);
      if (read.stop) break;
      i += read.skip;
      continue;
    }
    // A positional word: a subcommand while the node has them, else an argument.
    if (node.s?.length && positionals === 0) {
      const child = value === undefined || isFillIn(word) ? undefined : node.s.find((s) => namesOf(s).includes(value));
      if (!child) {
        if (value !== undefined && !isFillIn(word)) steps.push({ kind: 'unknown-subcommand', word, node, path: [...path], closed: isClosed(node) });
        break;
      }
      node = resolve(child);
      nodes.push(node);
      path.push(value!);
      steps.push({ kind: 'subcommand', word, node, path: [...path] });
      if (node.l === 1 || node.g) break;
      continue;
    }
    steps.push({ kind: 'argument', word, node, path: [...path], index: positionals });
    positionals++;
    // A command of its own (`sudo CMD…`, `docker run IMAGE CMD…`), or, for a CLI without
    // subcommands, more arguments than the spec declares (`ssh host ls -la`): the words from here
    // on are another program's. Subcommands' parsers take options after any argument (`kubectl label node x k=v --overwrite`).
    if ((node.c !== undefined && positionals > node.c) || (node === spec && node.a !== -1 && positionals > (node.a ?? 0))) break;
  }
  return steps;
}

interface OptionRead {
  steps: CliStep[];
  /** Words after this one that the option took as its value. */
  skip: number;
  /** The reading cannot go on: an option the spec lacks may take the next word or not. */
  stop: boolean;
}

function readOption(at: { node: SpecNode; path: string[] }, root: SpecNode, scope: SpecOption[], word: ShellWord, value: string, next: ShellWord | undefined): OptionRead {
  const { node } = at;
  const equals = value.indexOf('=');
  const name = equals > 0 ? value.slice(0, equals) : value;
  const option = findOption(scope, name);
  if (option) {
    const takesNext = !!option.v && equals < 0;
    const missingValue = takesNext && !option.o && !option.k && (next === undefined || (next.value !== undefined && next.value.startsWith('--') && !!findOption(scope, next.value.split('=')[0])));
    return { steps: [{ kind: 'option', word, name, option, ...at, missingValue }], skip: takesNext && !missingValue ? option.v! : 0, stop: false };
  }
  // `-abc`: flags that take no value, the last of which may take one, in the next word or attached (`-it`, `-xzf file`, `-n5`, `-oKey=value`).
  if (!node.f && !value.startsWith('--')) return readShortFlags(at, scope, word, value);
  return { steps: [{ kind: 'unknown-option', word, name, ...at, scope, complete: optionsListed(node, root) }], skip: 0, stop: true };
}

function readShortFlags(at: { node: SpecNode; path: string[] }, scope: SpecOption[], word: ShellWord, value: string): OptionRead {
  const steps: CliStep[] = [];
  for (let i = 1; i < value.length; i++) {
    const flag = findOption(scope, `-${value[i]}`);
    // A letter no flag has: the spec may lack it, or the word is one option (`-name`): nothing to judge.
    if (!flag) return { steps: [{ kind: 'unknown-option', word, name: value.split('=')[0], ...at, scope, complete: false }], skip: 0, stop: true };
    steps.push({ kind: 'option', word, name: `-${value[i]}`, option: flag, ...at, missingValue: false });
    if (flag.v) return { steps, skip: i === value.length - 1 && !flag.o ? flag.v : 0, stop: false };
  }
  return { steps, skip: 0, stop: false };
}

/** The subcommand names of a node, every alias included. */
export function subcommandNames(node: SpecNode): string[] {
  return (node.s ?? []).flatMap(namesOf);
}

/** The options of a scope by every name they have. */
export function optionNames(scope: SpecOption[]): string[] {
  return scope.flatMap(namesOf);
}
