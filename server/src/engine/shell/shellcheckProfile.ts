import type { ShellAnalysis, ShellVariable } from './analysis';
import type { ShellCheckComment } from './shellcheck';

/**
 * ShellCheck for documents, not scripts. A reader types a runbook's steps one at a time at a
 * prompt, sees what each prints, and fills in the values the next one needs; advice meant for
 * a script that runs unattended is noise there. Chosen from what ShellCheck says on the public
 * runbook collections (bench/shellcheck-profile.ts prints it per code); `profile: script` in the
 * rule's options gives ShellCheck's full advice instead.
 */
export const DOCUMENT_PROFILE: Readonly<Record<number, string>> = {
  1083: '`jsonpath={.status.hostIP}` and Go templates mean their braces literally',
  1090: 'ShellCheck cannot follow a `source` of a file it is not given',
  1091: 'ShellCheck cannot follow a `source` of a file it is not given',
  2154: "the reader's environment, or an earlier step, sets what a snippet reads",
  2034: 'a later step uses what a snippet sets',
  2164: 'at a prompt a failed `cd` is seen: no `|| exit` needed',
  2317: '`exit` leaves a debug shell or a remote one, not a script',
  2016: "`$` in single quotes is a Go template's, jq's or awk's",
  2155: 'declaring and assigning apart only matters to a script that checks exit codes',
  2207: "splitting a command's output into an array is what a reader means at a prompt",
  2156: 'a `find -exec sh -c` one-off step does not take hostile file names',
  2024: '`sudo cmd > file` writes as the reader, to a file of theirs: a failure is seen',
  2009: '`ps aux | grep x` shows a reader the processes; pgrep does not',
  2006: 'backticks work at every prompt: a style preference',
};

/** Word splitting: an unquoted `$VAR` (SC2086) or `$(cmd)` (SC2046). */
const SPLITTING = new Set([2086, 2046]);

/** Programs whose output is file names, where blanks and globs do appear. */
const FILE_LISTERS = new Set(['ls', 'find', 'locate', 'fd', 'fdfind', 'git']);
/** Programs that pass lines through: what they print is what came before them (or, heading a pipeline, lines of files). */
const FILTERS = new Set(['grep', 'egrep', 'fgrep', 'head', 'tail', 'sort', 'uniq', 'tac']);

/**
 * Whether a pipeline prints file names or whole lines of text: its last program that is no
 * filter lists files, or a grep at its head prints lines of files. `$(grep key f | awk '{print $3}')`
 * prints a field, `$(kubectl get pods -o name)` names.
 */
function printsWords(programs: readonly string[]): boolean {
  let i = programs.length - 1;
  while (i > 0 && FILTERS.has(programs[i])) i--;
  return FILE_LISTERS.has(programs[i] ?? '') || (i === 0 && FILTERS.has(programs[0] ?? '') && programs[0].endsWith('grep'));
}

/** A block's analysis and the script text ShellCheck read, to look at what a comment is about. */
export interface CommentedBlock {
  shell: ShellAnalysis;
  /** Content offset of the start of each of the block's lines. */
  lineStarts: number[];
}

/**
 * Whether a comment that the document profile keeps by its code is noise where it stands:
 * word splitting of a value the reader has seen, or a list item taken for a flag.
 */
export function isNoiseInDocument(comment: ShellCheckComment, block: CommentedBlock, variables: Map<string, ShellVariable[]>): boolean {
  const start = (block.lineStarts[comment.line - 1] ?? 0) + comment.column - 1;
  const end = (block.lineStarts[comment.endLine - 1] ?? 0) + comment.endColumn - 1;
  if (comment.code === 2215) return isListItem(block, comment.line);
  return SPLITTING.has(comment.code) && isSeenValue(comment.code, start, end, block.shell, variables);
}

/**
 * `- item` and `---` begin a list item or rule a writer pasted (a YAML or Markdown list),
 * which SC2215 takes for a flag used as a command; a flag on a line of its own
 * (`  --namespace prod`, a missing `\`) stays reported.
 */
function isListItem(block: CommentedBlock, line: number): boolean {
  const start = block.lineStarts[line - 1] ?? 0;
  const text = block.shell.script.text.slice(start, block.lineStarts[line] ?? undefined).trim();
  return /^-(?:\s|$)/.test(text) || /^-{3,}$/.test(text);
}

/**
 * Whether a word-splitting comment is about a value the reader has seen: a name (a pod, a
 * namespace, a node) never holds blanks or globs, so quoting it changes nothing. Splitting is
 * kept where it bites: a variable that holds file names (a loop over a glob or `ls`), lines of
 * text (`read`), or a literal with blanks; a `$(ls …)`, `$(find …)` or `$(grep …)`; and any
 * operand of `[ … ]`/`test`, where an empty value breaks the test.
 */
function isSeenValue(code: number, start: number, end: number, shell: ShellAnalysis, variables: Map<string, ShellVariable[]>): boolean {
  const inTest = shell.commands.some((c) => (c.program.value === '[' || c.program.value === 'test') && c.args.some((arg) => arg.start <= start && end <= arg.end));
  if (inTest) return false;
  if (code === 2046) {
    const inner = shell.commands.filter((c) => c.program.start >= start && c.program.end <= end).sort((a, b) => a.program.start - b.program.start);
    return !printsWords(inner.map((c) => c.program.value ?? ''));
  }
  const name = /^\$\{?#?([A-Za-z_]\w*)/.exec(shell.script.text.slice(start, end))?.[1];
  return name === undefined || !holdsWords(name, variables, new Set());
}

/** Whether a variable may hold several words or a glob, from how the document sets it. */
function holdsWords(name: string, variables: Map<string, ShellVariable[]>, seen: Set<string>): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return (variables.get(name) ?? []).some(
    (variable) =>
      variable.kind === 'read' ||
      variable.words.some((word) => word.glob || word.spaced || word.substituted.some(printsWords) || word.expanded.some((from) => holdsWords(from, variables, seen))),
  );
}

/** Every variable the document's blocks set, by name. */
export function documentVariables(shells: ShellAnalysis[]): Map<string, ShellVariable[]> {
  const variables = new Map<string, ShellVariable[]>();
  for (const shell of shells) for (const variable of shell.variables) variables.set(variable.name, [...(variables.get(variable.name) ?? []), variable]);
  return variables;
}

/** The content offset of each line start of a text. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}
