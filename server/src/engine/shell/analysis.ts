import { syntax, type Assign, type CallExpr, type FuncDecl, type Node, type ParseError, type Pos, type Redirect, type Stmt, type Word, type WordIter } from 'mvdan-sh';
import { codeBlocks, type CodeBlock } from '../document/codeBlocks';
import type { OpsDocument } from '../document/parse';
import { RecentCache } from '../recentCache';
import { commandRunBy } from './remote';
import { isShellBlock, shellScript, type ShellScript } from './script';

/** A word of a command line, by offsets into the block's content. */
export interface ShellWord {
  /** The word's value when it is plain literal text; undefined when it expands (`$X`, `$(…)`, quotes with expansions). */
  value: string | undefined;
  start: number;
  end: number;
  /** The offsets of the text between the quotes, when the word is one quoted string (`'…'` or `"…"`). */
  quoted?: { start: number; end: number };
}

/** One simple command: the program a reader runs and its arguments, wrappers such as `sudo` unwrapped. */
export interface ShellCommand {
  program: ShellWord;
  args: ShellWord[];
  /** `sudo`, `env`, `timeout`, `microk8s`…: the commands that ran the program. */
  wrappers: string[];
  /**
   * The CLI the program is, as the rules know it: `kubectl` for `oc` (OpenShift's kubectl) and for
   * kubectl run through a distribution (`microk8s kubectl`); else the program's own name.
   */
  tool: string | undefined;
  /**
   * How the command reaches the machine, container or shell it runs in, when that is not the
   * reader's own shell: "ssh db1" for `ssh db1 'df -h'`, "kubectl exec" for `kubectl exec pod -- ls`.
   */
  via?: string;
  /** A shell the command opens for the lines after it: "ssh db1" for `ssh db1`, "kubectl exec" for `kubectl exec -it pod -- bash`. */
  opens?: string;
  /**
   * The shell of its own it runs in (`( … )`, `$( … )`, `sh -c '…'`, `ssh host '…'`), by an id
   * unique in the block; undefined: the reader's shell. A `cd` or `exit` in one moves only the
   * commands after it in the same one.
   */
  subshell?: string;
  /** The files its output redirects write (`> out.txt`, `2>> err.log`). */
  writes: ShellWord[];
}

/**
 * A variable a block sets, and what from: a loop over words, a line `read` reads, or a value.
 * ShellCheck's profile asks whether a value may hold blanks or file names.
 */
export interface ShellVariable {
  name: string;
  kind: 'loop' | 'read' | 'value';
  /** The words it takes its value from (a loop's items, an assignment's value). */
  words: ShellValueWord[];
}

export interface ShellValueWord {
  /** Unquoted `*`, `?` or `[`: a glob that expands to file names. */
  glob: boolean;
  /** Literal text with blanks in it, other than a list of options (`"-a -b"`). */
  spaced: boolean;
  /** The programs of each of its command substitutions, in order (`$(ls /var/log | grep app)` → ["ls", "grep"]). */
  substituted: string[][];
  /** The variables it expands. */
  expanded: string[];
}

/** Programs that are another CLI under a different name. */
const SAME_CLI: Record<string, string> = { oc: 'kubectl', 'kubectl.exe': 'kubectl', 'oc.exe': 'kubectl' };

/**
 * Distributions that bundle a CLI as their subcommand (`microk8s kubectl get pods`, `k3s crictl ps`,
 * `minikube kubectl -- get pods`): the bundled CLI is the program.
 */
const BUNDLERS: Record<string, readonly string[]> = {
  microk8s: ['kubectl', 'helm', 'helm3', 'ctr', 'istioctl', 'linkerd'],
  'microk8s.kubectl': [],
  k3s: ['kubectl', 'crictl', 'ctr'],
  k0s: ['kubectl', 'ctr'],
  minikube: ['kubectl'],
};

export interface ShellAnalysis {
  script: ShellScript;
  /** Absent when the script parses. */
  syntaxError?: { message: string; offset: number };
  /**
   * The commands that run on the reader's machine: in their shell, its subshells and command
   * substitutions, and the command text of `sh -c '…'`, `watch '…'`, `su -c '…'`.
   */
  commands: ShellCommand[];
  /**
   * The commands another command runs on another machine or in a container, each with its `via`:
   * `df -h` of `ssh db1 'df -h'`, `ls` of `kubectl exec pod -- ls`. Not in `commands`: the
   * reader's PATH says nothing about them.
   */
  remoteCommands: ShellCommand[];
  /** Both, in the order they appear: a command, then those it runs. */
  allCommands: ShellCommand[];
  /** Functions and aliases the block defines. */
  defined: Set<string>;
  /** Variables the block sets. */
  variables: ShellVariable[];
  /**
   * `lines`: over MAX_ANALYSED_LINES, parsed for syntax only; `width`: a line over MAX_LINE_WIDTH,
   * where the parser's columns overflow, not parsed at all.
   */
  tooLong: false | 'lines' | 'width';
}

/**
 * Blocks longer than this are parsed for syntax only: walking the tree costs about 0.1 ms a line
 * (mvdan/sh compiled by GopherJS), and a runbook's commands come a few lines at a time.
 */
export const MAX_ANALYSED_LINES = 1000;
/** mvdan/sh packs a column into a few bits: past this width its positions are wrong. */
export const MAX_LINE_WIDTH = 4096;

/** Analyses by block text, so that typing prose does not parse the document's shell blocks again. */
const recent = new RecentCache<string, ShellAnalysis>(5000);

/** Each block's analysis once per parse: every command rule asks for every block. */
const byBlock = new WeakMap<CodeBlock, ShellAnalysis>();

/** Parses a shell block once (only a parser runs: nothing in it is executed). */
export function shellAnalysis(block: CodeBlock): ShellAnalysis {
  const known = byBlock.get(block);
  if (known) return known;
  const key = `${block.lang}\0${block.value}`;
  let analysis = recent.get(key);
  if (!analysis) {
    analysis = analyse(block);
    recent.set(key, analysis);
  }
  byBlock.set(block, analysis);
  return analysis;
}

/**
 * The analysis the shell parser's tree gives, every line parsed (`analyse` reads plain command
 * lines without it): for the tests that hold the two to the same result.
 */
export function parsedShellAnalysis(block: CodeBlock): ShellAnalysis {
  return analyse(block, 'always');
}

function analyse(block: CodeBlock, parser: 'when-needed' | 'always' = 'when-needed'): ShellAnalysis {
  const script = shellScript(block);
  // Same length, so offsets hold: CR line ends become what the parser reads as line ends and blanks.
  const source = script.text.replace(/\r(?!\n)/g, '\n').replace(/\r/g, ' ');
  const offsets = new ContentOffsets(source);
  const found: Found = { allCommands: [], defined: new Set(), variables: [] };
  const result = (tooLong: ShellAnalysis['tooLong'], syntaxError?: ShellAnalysis['syntaxError']): ShellAnalysis => ({
    script,
    ...(syntaxError && { syntaxError }),
    commands: found.allCommands.filter((command) => command.via === undefined),
    remoteCommands: found.allCommands.filter((command) => command.via !== undefined),
    ...found,
    tooLong,
  });
  if (offsets.widest > MAX_LINE_WIDTH) return result('width');
  const scope: Scope = { source, original: block.value, offsets, base: 0, depth: 0, local: false };
  // A block over MAX_ANALYSED_LINES is the parser's, for its syntax only, as any other block is.
  const plain = parser === 'when-needed' && offsets.lineCount <= MAX_ANALYSED_LINES ? plainCommandLines(source) : undefined;
  if (plain) {
    for (const words of plain) {
      const command = unwrap(words);
      if (command) add(Object.assign(command, { via: scope.via, subshell: scope.subshell }), scope, found);
    }
    return result(false);
  }
  let file: Node;
  try {
    file = shellParser().Parse(source, '');
  } catch (error) {
    // A syntax error is command-syntax's finding; anything else is a defect, rethrown for the engine's internal-error notice.
    const message = parseErrorMessage(error);
    if (message === undefined) throw error;
    return result(false, { message, offset: offsets.of((error as ParseError).Pos) });
  }
  if (offsets.lineCount > MAX_ANALYSED_LINES) return result('lines');
  collect(file, scope, found);
  return result(false);
}

/**
 * A plain word: letters, digits and punctuation that neither quotes, expands, globs, redirects nor
 * separates commands (`kubectl -n app rollout status deployment/api`, `systemctl restart nginx.service`).
 */
const PLAIN_WORD = /^[A-Za-z0-9_./:,@%+=-]+$/;
/** Words that open shell syntax of their own when they come first (a clause, a declaration, `time`), and so are left to the parser. */
const SYNTAX_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in', 'function', 'select', 'time', 'coproc', 'declare', 'local', 'export', 'readonly', 'typeset', 'nameref', 'let']);

/**
 * The words of each line when every line is one simple command of plain words, as most runbook
 * blocks are: the parser's tree would say the same, at a hundredth of the cost (mvdan/sh runs
 * through GopherJS). Undefined when any line needs the parser.
 */
function plainCommandLines(source: string): ShellWord[][] | undefined {
  const commands: ShellWord[][] = [];
  let lineStart = 0;
  while (lineStart <= source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? source.length : newline;
    const words: ShellWord[] = [];
    for (let at = lineStart; at < lineEnd; ) {
      while (at < lineEnd && (source[at] === ' ' || source[at] === '\t')) at++;
      let end = at;
      while (end < lineEnd && source[end] !== ' ' && source[end] !== '\t') end++;
      if (end === at) break;
      const value = source.slice(at, end);
      if (!PLAIN_WORD.test(value)) return undefined;
      words.push({ value, start: at, end });
      at = end;
    }
    if (words.length > 0) {
      // An assignment before the program, or a word that opens a clause, is the parser's to read.
      if (SYNTAX_WORDS.has(words[0].value!) || words[0].value!.includes('=')) return undefined;
      commands.push(words);
    }
    lineStart = lineEnd + 1;
  }
  return commands;
}

/** Bash for every tag: `sh` is what writers put on any shell block, and bash parses POSIX shell too. */
function shellParser() {
  return syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
}

/** mvdan/sh throws a ParseError (`Text`) or a LangError (`Error()`: "1:3: arrays are a bash feature"). */
function parseErrorMessage(error: unknown): string | undefined {
  const thrown = error as Partial<ParseError> & { Error?: () => string };
  if (typeof thrown?.Pos?.Line !== 'function') return undefined;
  if (typeof thrown.Text === 'string') return thrown.Text;
  return typeof thrown.Error === 'function' ? thrown.Error().replace(/^\d+:\d+: /, '') : undefined;
}

/**
 * A stretch of the block the parser read: the whole script, or the command text inside quotes
 * (`ssh db1 'sudo rm -rf /data'`), parsed on its own and placed back by its offset.
 */
interface Scope {
  /** The whole block's script, and the block's own text (the same layout) for names. */
  source: string;
  original: string;
  offsets: ContentOffsets;
  /** Where the parsed text starts in the script. */
  base: number;
  via?: string;
  /** The shell of its own the parsed text runs in (`sh -c '…'`); undefined: the reader's. */
  subshell?: string;
  depth: number;
  /**
   * Text of a double-quoted word: its `$(…)` runs in the reader's shell before the outer command
   * does, and the walk of the whole block has found it already.
   */
  local: boolean;
}

interface Found {
  allCommands: ShellCommand[];
  defined: Set<string>;
  variables: ShellVariable[];
}

/** Node types whose commands run in a shell of their own. */
const SUBSHELLS = new Set(['Subshell', 'CmdSubst', 'ProcSubst']);
/** `ssh a "ssh b 'sh -c …'"` is as deep as runbooks go. */
const MAX_NESTING = 4;

function collect(file: Node, scope: Scope, found: Found): void {
  const stack: Array<{ type: string; node: Node }> = [];
  syntax.Walk(file, (node) => {
    if (!node) {
      stack.pop();
      return true;
    }
    const type = syntax.NodeType(node);
    const parent = stack[stack.length - 1];
    stack.push({ type, node });
    if (type === 'FuncDecl') found.defined.add((node as FuncDecl).Name.Value);
    else if (type === 'WordIter') found.variables.push({ name: (node as WordIter).Name.Value, kind: 'loop', words: (node as WordIter).Items.map((w) => valueWord(w, scope)) });
    else if (type === 'Assign') addAssignment(node as Assign, scope, found);
    else if (type === 'CallExpr') {
      if (scope.local && stack.some((entry) => SUBSHELLS.has(entry.type) && entry.type !== 'Subshell')) return true;
      const command = unwrap((node as CallExpr).Args.map((word) => toShellWord(word, scope)));
      if (!command) return true;
      command.via = scope.via;
      const subshell = [...stack].reverse().find((entry) => SUBSHELLS.has(entry.type));
      command.subshell = subshell ? `${scope.base + scope.offsets.of(subshell.node.Pos())}` : scope.subshell;
      command.writes = parent?.type === 'Stmt' ? outputTargets(parent.node as Stmt, scope) : [];
      add(command, scope, found);
    }
    return true;
  });
}

function add(command: ShellCommand, scope: Scope, found: Found): void {
  found.allCommands.push(command);
  const name = command.program.value;
  if (name === 'alias') for (const arg of command.args) if (arg.value?.includes('=')) found.defined.add(arg.value.split('=')[0]);
  if (name === 'read' || name === 'mapfile' || name === 'readarray') {
    for (const arg of operands(command.args, ['-p', '-d', '-t', '-n', '-N', '-u', '-C', '-c', '-O', '-s'])) found.variables.push({ name: arg, kind: 'read', words: [] });
  }
  addNested(command, scope, found);
}

/** The literal operands of a command, skipping options and the values of those that take one. */
function operands(args: ShellWord[], valued: string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value === undefined) continue;
    if (value.startsWith('-')) i += valued.includes(value) ? 1 : 0;
    else names.push(value);
  }
  return names;
}

/**
 * The commands a command runs somewhere else or in a shell of its own (`ssh db1 'df -h'`,
 * `kubectl exec pod -- sh -c '…'`), parsed where they stand; and the shell it opens for the
 * lines after it (`ssh db1`, `kubectl exec -it pod -- bash`).
 */
function addNested(command: ShellCommand, scope: Scope, found: Found): void {
  const run = commandRunBy(command, scope.original);
  if (!run || scope.depth >= MAX_NESTING) return;
  const inner: Scope = { ...scope, via: run.via ?? scope.via, subshell: `${command.program.start}:${scope.depth + 1}`, depth: scope.depth + 1 };
  if (run.shell) {
    // A shell on the reader's own machine (`bash`) moves them nowhere.
    if (inner.via !== undefined) command.opens = inner.via;
    return;
  }
  if (run.words) {
    const nested = unwrap(run.words);
    if (!nested) return;
    Object.assign(nested, { via: inner.via, subshell: inner.subshell });
    add(nested, inner, found);
    if (nested.opens !== undefined) command.opens = nested.opens;
  } else if (run.script?.quoted) {
    const { start, end } = run.script.quoted;
    const text = scope.source.slice(start, end);
    const local = scope.source[start - 1] === '"';
    let file: Node;
    try {
      file = shellParser().Parse(text, '');
    } catch {
      // A quoted command that does not parse runs nothing OpsDocs can name; command-syntax is about the block.
      return;
    }
    collect(file, { ...inner, offsets: new ContentOffsets(text), base: start, local }, found);
  }
}

/** The targets of a statement's output redirects (`> out.txt`, `2>> err.log`, `&> all.log`). */
function outputTargets(stmt: Stmt, scope: Scope): ShellWord[] {
  return stmt.Redirs.filter((redirect) => isOutput(redirect, scope)).map((redirect) => toShellWord(redirect.Word, scope));
}

function isOutput(redirect: Redirect, scope: Scope): boolean {
  const op = scope.source.slice(at(redirect.OpPos, scope), at(redirect.Word.Pos(), scope)).trim();
  return /^&?>{1,2}\|?$/.test(op);
}

function addAssignment(assign: Assign, scope: Scope, found: Found): void {
  if (assign.Naked) return;
  const words = assign.Array ? assign.Array.Elems.map((elem) => elem.Value).filter((w): w is Word => !!w) : assign.Value ? [assign.Value] : [];
  found.variables.push({ name: assign.Name.Value, kind: 'value', words: words.map((w) => valueWord(w, scope)) });
}

/** What a value is made of: globs, blanks, the programs whose output it holds, the variables it expands. */
function valueWord(word: Word, scope: Scope): ShellValueWord {
  const value: ShellValueWord = { glob: false, spaced: false, substituted: [], expanded: [] };
  const programs: string[][] = [];
  for (const part of word.Parts) {
    const type = syntax.NodeType(part);
    if (type === 'ExtGlob' || (type === 'Lit' && /(?<!\\)[*?[]/.test(literalOf(part)))) value.glob = true;
  }
  // Each substitution's programs in order (`$(grep key f | awk …)`: grep, awk): what the value holds is the last one's output.
  const stack: string[] = [];
  syntax.Walk(word, (node) => {
    if (!node) {
      if (stack.pop() === 'CmdSubst') value.substituted.push(programs.pop() ?? []);
      return true;
    }
    const type = syntax.NodeType(node);
    stack.push(type);
    if (type === 'ParamExp') value.expanded.push((node as unknown as { Param: { Value: string } }).Param.Value);
    if (type === 'CmdSubst') programs.push([]);
    if (type === 'CallExpr' && programs.length > 0) {
      const command = unwrap((node as CallExpr).Args.map((w) => toShellWord(w, scope)));
      if (command?.program.value) programs[programs.length - 1].push(command.program.value);
    }
    return true;
  });
  const text = literalText(word.Parts).trim();
  value.spaced = /\s/.test(text) && !text.split(/\s+/).every((token) => token.startsWith('-'));
  return value;
}

/** The literal text of a word's parts, quoted or not, without what expands. */
function literalText(parts: Node[]): string {
  return parts
    .map((part) => {
      const type = syntax.NodeType(part);
      if (type === 'Lit' || type === 'SglQuoted') return literalOf(part);
      return type === 'DblQuoted' ? literalText((part as unknown as { Parts: Node[] }).Parts) : '';
    })
    .join('');
}

function literalOf(node: Node): string {
  return (node as unknown as { Value?: string }).Value ?? '';
}

function at(pos: Pos, scope: Scope): number {
  return scope.base + scope.offsets.of(pos);
}

function toShellWord(word: Word, scope: Scope): ShellWord {
  const parts = word.Parts;
  const type = parts.length === 1 ? syntax.NodeType(parts[0]) : undefined;
  const shellWord: ShellWord = { value: type === 'Lit' ? word.Lit() : undefined, start: at(word.Pos(), scope), end: at(word.End(), scope) };
  // `'…'` and `"…"` are one character each side; `$'…'` is an escape-sequence string, not a command.
  const dollar = (parts[0] as unknown as { Dollar?: boolean } | undefined)?.Dollar;
  if ((type === 'SglQuoted' || type === 'DblQuoted') && !dollar) shellWord.quoted = { start: shellWord.start + 1, end: shellWord.end - 1 };
  return shellWord;
}

/**
 * Commands that run another command given as their arguments, with the options of theirs
 * that take a value (so that the value is not mistaken for the program).
 */
const WRAPPERS: Record<string, { valued: string[]; positional?: number }> = {
  sudo: { valued: ['-u', '-g', '-U', '-C', '-h', '-p', '-r', '-t', '-D', '--user', '--group'] },
  doas: { valued: ['-u', '-C'] },
  env: { valued: ['-u', '-C', '-S', '--unset', '--chdir'] },
  time: { valued: ['-f', '-o'] },
  nohup: { valued: [] },
  exec: { valued: ['-a'] },
  command: { valued: [] },
  builtin: { valued: [] },
  nice: { valued: ['-n', '--adjustment'] },
  ionice: { valued: ['-c', '-n', '-p'] },
  timeout: { valued: ['-s', '-k', '--signal', '--kill-after'], positional: 1 },
  watch: { valued: ['-n', '-d', '--interval'] },
  xargs: { valued: ['-I', '-n', '-P', '-L', '-d', '-s', '-a', '-E', '--max-args', '--max-procs', '--delimiter', '--arg-file'] },
  stdbuf: { valued: ['-i', '-o', '-e'] },
  chroot: { valued: [], positional: 1 },
  strace: { valued: ['-e', '-o', '-p', '-s'] },
};

function unwrap(words: ShellWord[]): ShellCommand | undefined {
  const wrappers: string[] = [];
  let i = 0;
  while (i < words.length) {
    const name = words[i].value;
    const wrapper = name !== undefined ? WRAPPERS[name] : undefined;
    // `command -v x` asks about x and `env` alone lists the environment: neither runs anything.
    if (!wrapper || (name === 'command' && /^-[vV]$/.test(words[i + 1]?.value ?? ''))) break;
    let j = i + 1;
    while (j < words.length) {
      const option = words[j].value ?? '';
      if (name === 'env' && /^\w+=/.test(option)) j++;
      else if (option.startsWith('-') && option !== '-' && option !== '--') j += wrapper.valued.includes(option) ? 2 : 1;
      else {
        if (option === '--') j++;
        break;
      }
    }
    j += wrapper.positional ?? 0;
    if (j >= words.length) break;
    wrappers.push(name!);
    i = j;
  }
  if (i >= words.length) return undefined;
  const bundled = BUNDLERS[words[i].value ?? ''];
  if (bundled?.includes(words[i + 1]?.value ?? '')) {
    wrappers.push(words[i].value!);
    i++;
    // `minikube kubectl -- get pods`: the `--` ends minikube's own options.
    const args = words.slice(i + 1);
    return command(words[i], args[0]?.value === '--' ? args.slice(1) : args, wrappers);
  }
  return command(words[i], words.slice(i + 1), wrappers);
}

function command(program: ShellWord, args: ShellWord[], wrappers: string[]): ShellCommand {
  const name = program.value;
  const tool = name === 'microk8s.kubectl' ? 'kubectl' : name !== undefined ? (SAME_CLI[name] ?? name) : undefined;
  return { program, args, wrappers, tool, writes: [] };
}

/** Maps the parser's positions (1-based line, column in UTF-8 bytes) to offsets in the script. */
class ContentOffsets {
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  get widest(): number {
    let widest = 0;
    for (let i = 0; i < this.lineStarts.length; i++) widest = Math.max(widest, (this.lineStarts[i + 1] ?? this.text.length + 1) - 1 - this.lineStarts[i]);
    return widest;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  of(pos: Pos): number {
    const line = Math.min(Math.max(pos.Line(), 1), this.lineStarts.length) - 1;
    const start = this.lineStarts[line];
    let bytes = pos.Col() - 1;
    let at = start;
    while (bytes > 0 && at < this.text.length && this.text[at] !== '\n') {
      const code = this.text.codePointAt(at)!;
      bytes -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      at += code >= 0x10000 ? 2 : 1;
    }
    return at;
  }
}

/** The shell blocks of a document, each parsed once. */
export function shellBlocks(doc: OpsDocument): Array<{ block: CodeBlock; shell: ShellAnalysis }> {
  return codeBlocks(doc).filter(isShellBlock).map((block) => ({ block, shell: shellAnalysis(block) }));
}

/** Whether a word holds a `<placeholder>` the reader fills in (masked in the parsed script). */
export function isFillIn(shell: ShellAnalysis, word: ShellWord): boolean {
  return shell.script.placeholders.some((p) => p.offset < word.end && p.offset + p.name.length + 2 > word.start) || /\{\{|\}\}/.test(word.value ?? '');
}
