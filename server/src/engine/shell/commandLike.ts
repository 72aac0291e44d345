import { SHELL_BUILTINS } from './knownCommands';
import { knownPrograms } from './programData';

/** Words that run the command after them (`sudo systemctl …`): the program is the next word. */
const PREFIXES = new Set(['sudo', 'doas', 'env', 'time', 'nohup', 'exec', 'command', 'watch', 'timeout', 'nice']);

/**
 * Words of plain English that a program's arguments rarely are all made of
 * (`# make sure the pod is running` is a comment, `# systemctl status kubelet` a root prompt).
 */
const FUNCTION_WORDS = new Set('a an the to of for with that this it its you your be is are was if and or in on at by from as not then when which'.split(' '));

/** A program name OpsDocs knows without looking at a machine: a shell builtin or a program of Debian or Fig (programData.ts). */
export function isKnownProgram(name: string): boolean {
  return SHELL_BUILTINS.has(name) || isKnownTool(name);
}

/** A program of Debian or Fig, not a builtin (`select`, `{` begin other languages too). */
export function isKnownTool(name: string): boolean {
  // Debian ships libwww-perl's GET, HEAD and POST: a line that starts with one is an HTTP request.
  return knownPrograms().has(name) && name !== name.toUpperCase();
}

/** A path a reader runs: `/usr/bin/x`, `./bin/x`, `~/x`. */
const PROGRAM_PATH = /^(?:\/|\.{1,2}\/|~\/)[\w@%+./-]+$/;

/** The words of a line, up to a comment. */
function wordsOf(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const comment = words.findIndex((word) => word.startsWith('#'));
  return comment < 0 ? words : words.slice(0, comment);
}

/** The program a line runs, after `VAR=value` assignments and prefixes such as `sudo`. */
export function programOf(text: string): string | undefined {
  const words = wordsOf(text);
  let i = 0;
  while (i < words.length && (/^[A-Za-z_]\w*=/.test(words[i]) || (PREFIXES.has(words[i]) && i + 1 < words.length))) i++;
  return words[i];
}

/**
 * Whether a line starts with a known program, or a path to one, and does not read as a sentence.
 * `withArguments`: the program must be given something to work on (`kubectl get pods`, not `make`).
 */
export function readsAsCommand(text: string, withArguments = false): boolean {
  const words = wordsOf(text);
  const program = programOf(text);
  if (program === undefined || !(isKnownProgram(program) || PROGRAM_PATH.test(program))) return false;
  if (withArguments && words[words.length - 1] === program) return false;
  return !readsAsProse(words);
}

/** Four or more plain lower-case words, some of them words of grammar: a sentence, not a command. */
function readsAsProse(words: string[]): boolean {
  return words.length >= 4 && words.every((word) => /^[a-z]+[,.:;]?$/.test(word)) && words.some((word) => FUNCTION_WORDS.has(word.replace(/[,.:;]$/, '')));
}
