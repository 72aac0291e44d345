import { syntax, type CallExpr, type FuncDecl, type Node, type ParseError, type Pos, type Word } from 'mvdan-sh';
import { codeBlocks, type CodeBlock } from '../document/codeBlocks';
import type { OpsDocument } from '../document/parse';
import { RecentCache } from '../recentCache';
import { isShellBlock, shellScript, type ShellScript } from './script';

/** A word of a command line, by offsets into the block's content. */
export interface ShellWord {
  /** The word's value when it is plain literal text; undefined when it expands (`$X`, `$(…)`, quotes with expansions). */
  value: string | undefined;
  start: number;
  end: number;
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
  commands: ShellCommand[];
  /** Functions and aliases the block defines. */
  defined: Set<string>;
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

/** Parses a shell block once (only a parser runs: nothing in it is executed). */
export function shellAnalysis(block: CodeBlock): ShellAnalysis {
  const key = `${block.lang}\0${block.value}`;
  let analysis = recent.get(key);
  if (!analysis) {
    analysis = analyse(block);
    recent.set(key, analysis);
  }
  return analysis;
}

function analyse(block: CodeBlock): ShellAnalysis {
  const script = shellScript(block);
  // Same length, so offsets hold: CR line ends become what the parser reads as line ends and blanks.
  const source = script.text.replace(/\r(?!\n)/g, '\n').replace(/\r/g, ' ');
  const offsets = new ContentOffsets(source);
  if (offsets.widest > MAX_LINE_WIDTH) return { script, commands: [], defined: new Set(), tooLong: 'width' };
  // Bash for every tag: `sh` is what writers put on any shell block, and bash parses POSIX shell too.
  const parser = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(syntax.LangBash));
  let file: Node;
  try {
    file = parser.Parse(source, '');
  } catch (error) {
    const message = parseErrorMessage(error);
    if (message === undefined) throw error;
    return { script, syntaxError: { message, offset: offsets.of((error as ParseError).Pos) }, commands: [], defined: new Set(), tooLong: false };
  }
  if (offsets.lineCount > MAX_ANALYSED_LINES) return { script, commands: [], defined: new Set(), tooLong: 'lines' };
  const commands: ShellCommand[] = [];
  const defined = new Set<string>();
  syntax.Walk(file, (node) => {
    if (!node) return true;
    const type = syntax.NodeType(node);
    if (type === 'FuncDecl') defined.add((node as FuncDecl).Name.Value);
    if (type === 'CallExpr') {
      const words = (node as CallExpr).Args.map((word) => toShellWord(word, offsets));
      const command = unwrap(words);
      if (command) {
        commands.push(command);
        if (command.program.value === 'alias') for (const arg of command.args) if (arg.value?.includes('=')) defined.add(arg.value.split('=')[0]);
      }
    }
    return true;
  });
  return { script, commands, defined, tooLong: false };
}

/** mvdan/sh throws a ParseError (`Text`) or a LangError (`Error()`: "1:3: arrays are a bash feature"). */
function parseErrorMessage(error: unknown): string | undefined {
  const thrown = error as Partial<ParseError> & { Error?: () => string };
  if (typeof thrown?.Pos?.Line !== 'function') return undefined;
  if (typeof thrown.Text === 'string') return thrown.Text;
  return typeof thrown.Error === 'function' ? thrown.Error().replace(/^\d+:\d+: /, '') : undefined;
}

function toShellWord(word: Word, offsets: ContentOffsets): ShellWord {
  const literal = word.Parts.length === 1 && syntax.NodeType(word.Parts[0]) === 'Lit';
  return { value: literal ? word.Lit() : undefined, start: offsets.of(word.Pos()), end: offsets.of(word.End()) };
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
  return { program, args, wrappers, tool };
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
