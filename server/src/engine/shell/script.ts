import type { CodeBlock } from '../document/codeBlocks';
import { blockKind } from '../languages/blockKind';
import { isKnownProgram, readsAsCommand } from './commandLike';
import { HERE_DOC, LineLexer, type Span } from './lineLexer';
import { isAlignedRow, isOutputLine, isTableHeader, isTreeRoot, jsonRunEnd } from './outputLines';
import { promptOf, type Prompt } from './prompts';

export { SHELL_LABELS as SHELL_LANGUAGES } from '../languages/blockKind';
export const TRANSCRIPT_LANGUAGES = new Set(['console', 'shell-session', 'shellsession', 'terminal']);

/**
 * The script a shell block asks a reader to run, laid out exactly like the block's
 * content (same length, same line breaks), so parser positions map straight back:
 * prompts, other programs' lines and output are blanked, and `<placeholder>` tokens
 * a reader fills in are turned into words of the same length.
 */
export interface ShellScript {
  text: string;
  /** The block shows prompts: only the prompted lines and their continuations are commands. */
  isTranscript: boolean;
  /** Some line is left to read: a command, or a comment. */
  hasCommand: boolean;
  /** Some line was blanked as output, or as another program's input. */
  hasOutput: boolean;
  /** The `<placeholder>` tokens found, with their content offsets (`name` is what lies between `<` and `>`). */
  placeholders: Array<{ name: string; offset: number }>;
}

/** The `> ` prompt of a line that continues the command above it. */
const SECONDARY_PROMPT = /^[ \t]*> ?/;
/**
 * `<namespace>`, `<pod-name>`, `<instance label from alert>`, `<release version (e.g. v2.7.0)>`: a `<`
 * right before a word and a `>` right after one. `sort <in >out` has spaces inside, so it stays a redirect.
 */
const PLACEHOLDER = /<([A-Za-z][\w.:/@-]*(?: [\w.:/@(),-]+)*)(?<=[\w.:/@)-])>/g;
/** Inside quotes no `<` redirects: `"<pod name (from step 1)>"`, `'<your token, e.g. abc>'` are placeholders too. */
const QUOTED_PLACEHOLDER = /<([A-Za-z_][^<>'"`$\n]{0,80}?[^<>'"`$\s])>|<([A-Za-z_])>/g;

/** A block the command rules check: shell by its label and its text, or an unlabelled fence of plain shell. */
export function isShellBlock(block: CodeBlock): boolean {
  return blockKind(block).kind === 'shell';
}

interface Line {
  text: string;
  eol: string;
  prompt?: Prompt;
}

export function shellScript(block: CodeBlock): ShellScript {
  const parts = block.value.split(/(\r\n|\r|\n)/);
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i], eol: parts[i + 1] ?? '', prompt: promptOf(parts[i]) });
  const tagged = TRANSCRIPT_LANGUAGES.has(block.lang);
  const isPrompt = promptReader(lines, tagged);
  const isTranscript = lines.some(isPrompt);
  const kept = isTranscript ? transcriptCommands(lines, isPrompt) : scriptCommands(lines);
  const text = kept.map((line, i) => line + lines[i].eol).join('');
  const hasOutput = kept.some((line, i) => line.trim() === '' && lines[i].text.trim() !== '');
  return { ...maskPlaceholders(text), isTranscript, hasCommand: kept.some((line) => line.trim() !== ''), hasOutput };
}

/**
 * Which lines carry a prompt. `# ` is root's prompt only in a console transcript, and only on a line
 * that reads as a command: beside `$ ` prompts each such line counts; without them, every `# ` line
 * must read as a command and no bare line may (else the block is a script with comments).
 */
function promptReader(lines: Line[], tagged: boolean): (line: Line) => boolean {
  const rest = (line: Line) => line.text.slice((line.prompt as { length: number }).length);
  // `ls # list` is a command and its comment: a host before `#` is no program.
  const hostIsProgram = (line: Line) => isKnownProgram(line.text.trim().split(/\s/)[0]) && !line.text.trim().startsWith('#');
  for (const line of lines) if (line.prompt?.kind === 'root' && hostIsProgram(line)) line.prompt = undefined;
  const roots = lines.filter((line) => line.prompt?.kind === 'root' && rest(line).trim() !== '');
  const othersShown = lines.some((line) => line.prompt && line.prompt.kind !== 'root');
  const rootsArePrompts =
    tagged &&
    roots.length > 0 &&
    (othersShown || (roots.every((line) => readsAsCommand(rest(line))) && !lines.some((line) => !line.prompt && readsAsCommand(line.text))));
  return (line) => {
    if (line.prompt?.kind !== 'root') return line.prompt !== undefined;
    return rootsArePrompts && rest(line).trim() !== '' && (!othersShown || readsAsCommand(rest(line)));
  };
}

/** A transcript: prompted lines and their continuations are commands; the rest is output, blanked. */
function transcriptCommands(lines: Line[], isPrompt: (line: Line) => boolean): string[] {
  const lexer = new LineLexer();
  let hereDocEnd: string | undefined;
  return lines.map((line) => {
    const { text } = line;
    if (hereDocEnd !== undefined) {
      // A here-document's body is data, shown with or without `> ` prompts: not checked.
      if (text.replace(SECONDARY_PROMPT, '').trim() === hereDocEnd) hereDocEnd = undefined;
      return blank(text);
    }
    let kept: string;
    const secondary = SECONDARY_PROMPT.exec(text)?.[0];
    if (!lexer.atTopLevel && (secondary !== undefined || !lexer.onlyAfterOperator)) kept = blank(secondary ?? '') + text.slice(secondary?.length ?? 0);
    else if (isPrompt(line) && line.prompt!.kind !== 'other') kept = blank(text.slice(0, (line.prompt as { length: number }).length)) + text.slice((line.prompt as { length: number }).length);
    else return blank(text);
    const hereDoc = HERE_DOC.exec(kept);
    if (hereDoc) {
      hereDocEnd = hereDoc[2];
      kept = kept.slice(0, hereDoc.index) + blank(hereDoc[0]) + kept.slice(hereDoc.index + hereDoc[0].length);
    }
    lexer.read(kept);
    return kept;
  });
}

/**
 * A script without prompts: a line that cannot begin a command is output, blanked; so is a table
 * from its header to a blank line, rows aligned in columns, a JSON value, and the lines right under
 * output that are indented, start with `-` or read as no known command.
 */
function scriptCommands(lines: Line[]): string[] {
  const lexer = new LineLexer();
  const kept: string[] = [];
  let previous: 'command' | 'output' | 'blank' | 'comment' = 'blank';
  let inTable = false;
  let outputUntil = -1;
  const texts = lines.map((line) => line.text);
  for (let i = 0; i < lines.length; i++) {
    const { text } = lines[i];
    if (!lexer.atTopLevel) {
      lexer.read(text);
      kept.push(text);
      continue;
    }
    if (text.trim() === '') {
      inTable = false;
      previous = 'blank';
      kept.push(text);
      continue;
    }
    if (i > outputUntil) outputUntil = jsonRunEnd(texts, i) ?? -1;
    inTable = inTable || isTableHeader(text);
    const output =
      i <= outputUntil ||
      inTable ||
      isOutputLine(text) ||
      isAlignedRow(texts, i) ||
      isTreeRoot(texts, i) ||
      (previous === 'output' && (/^[ \t]/.test(text) || !readsAsCommand(text))) ||
      (previous !== 'command' && /^[ \t]*-/.test(text));
    if (output) {
      previous = 'output';
      kept.push(blank(text));
      continue;
    }
    previous = /^[ \t]*#/.test(text) ? 'comment' : 'command';
    lexer.read(text);
    kept.push(text);
  }
  return kept;
}

function blank(text: string): string {
  return ' '.repeat(text.length);
}

/** `<placeholder>`s become words of the same length; inside quotes any `<…>` that is not a comparison is one. */
function maskPlaceholders(text: string): Pick<ShellScript, 'text' | 'placeholders'> {
  const placeholders: ShellScript['placeholders'] = [];
  const spans: Array<Span & { name: string }> = [];
  for (const match of text.matchAll(PLACEHOLDER)) spans.push({ start: match.index!, end: match.index! + match[0].length, name: match[1] });
  for (const quoted of text.includes('<') ? quotedSpans(text) : []) {
    for (const match of text.slice(quoted.start, quoted.end).matchAll(QUOTED_PLACEHOLDER)) {
      const start = quoted.start + match.index!;
      if (!spans.some((s) => s.start < start + match[0].length && s.end > start)) spans.push({ start, end: start + match[0].length, name: match[1] ?? match[2] });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let masked = '';
  let at = 0;
  for (const span of spans) {
    placeholders.push({ name: span.name, offset: span.start });
    masked += text.slice(at, span.start) + '_' + span.name.replace(/\W/g, '_') + '_';
    at = span.end;
  }
  return { text: masked + text.slice(at), placeholders };
}

/** The quoted stretches of a script, by offsets. */
function quotedSpans(text: string): Span[] {
  const lexer = new LineLexer();
  const spans: Span[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const span of lexer.read(line)) spans.push({ start: lineStart + span.start, end: lineStart + span.end });
    lineStart += line.length + 1;
  }
  return spans;
}
