/**
 * What a code block is, whatever its fence says: shell to check, a shell-labelled block that is
 * output or another language, or no shell at all. The command rules check `shell` blocks only;
 * code-language reports the rest.
 */
import type { CodeBlock } from '../document/codeBlocks';
import { RecentCache } from '../recentCache';
import { closest } from '../closest';
import { isKnownTool, programOf, readsAsCommand } from '../shell/commandLike';
import { popularPrograms } from '../shell/programData';
import { LineLexer } from '../shell/lineLexer';
import { isOutputLine, isTableHeader } from '../shell/outputLines';
import { promptOf } from '../shell/prompts';
import { contentLanguage, readsAs, type ContentLanguage } from './contentLanguage';
import { nearLabel } from './fenceLabel';

export const SHELL_LABELS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal']);

export type BlockKind =
  /** Commands to check; `unlabelled`: a fence without a label whose lines are plainly shell. */
  | { kind: 'shell'; unlabelled: boolean }
  /** A shell-labelled block that the paragraph before it calls output ("Example output:"). */
  | { kind: 'output' }
  /** A shell-labelled block whose text is plainly another language. */
  | { kind: 'other-language'; language: ContentLanguage }
  | { kind: 'not-shell' };

/** Kinds by what decides them, so that an edit elsewhere in the document classifies no block again. */
const recent = new RecentCache<string, BlockKind>(5000);

/** Each block's kind once per parse: every command rule asks for every block. */
const byBlock = new WeakMap<CodeBlock, BlockKind>();

export function blockKind(block: CodeBlock): BlockKind {
  const known = byBlock.get(block);
  if (known) return known;
  const key = `${block.lang}\0${block.label ? 'fenced' : 'indented'}\0${SHELL_LABELS.has(block.lang) ? lastSentence(block.intro) : ''}\0${block.value}`;
  let kind = recent.get(key);
  if (!kind) {
    kind = classify(block);
    recent.set(key, kind);
  }
  byBlock.set(block, kind);
  return kind;
}

function classify(block: CodeBlock): BlockKind {
  if (SHELL_LABELS.has(block.lang)) {
    if (isOutputBlock(block)) return { kind: 'output' };
    const language = hasShellPrompt(block.value) ? undefined : contentLanguage(block.value);
    return language ? { kind: 'other-language', language } : { kind: 'shell', unlabelled: false };
  }
  if (block.lang === '' && block.label && readsAsShell(block.value)) return { kind: 'shell', unlabelled: true };
  return { kind: 'not-shell' };
}

/**
 * "Example output:", "The output is similar to:", "… should look like:", "Output:" as the last
 * sentence before the block: output, whatever it holds. Weaker words ("you should see", "it
 * prints something like") and words that say to run something introduce a command when the
 * block starts with one.
 */
const OUTPUT_INTRO =
  /\b(?:(?:example|sample|expected|typical|resulting)\s+output|output\s+(?:is|will\s+be|should\s+be|would\s+be|looks?|will\s+look|should\s+look|similar|resembles)|output\s+(?:like|similar\s+to)|should\s+(?:look|be)\s+(?:like|similar\s+to)|(?:following|below)\s+(?:output|error|message|warning|log|response)|(?:error|message|warning)\s+(?:like|similar\s+to))\b|^(?:output|result|response)s?(?: ?:)?$/i;
const WEAK_OUTPUT_INTRO = /\b(?:(?:should|will|would)\s+(?:output|print)|you\s+(?:should|will)\s+see|(?:outputs?|prints?|returns?|displays?)\s+(?:something\s+)?(?:like|similar\s+to))\b/i;
const RUN_WORDS = /\b(?:run|running|execute|type|enter|following\s+command|this\s+command\s+(?:will|to))\b/i;

export function isOutputBlock(block: CodeBlock): boolean {
  const sentence = lastSentence(block.intro);
  const strong = OUTPUT_INTRO.test(sentence);
  if ((!strong && !WEAK_OUTPUT_INTRO.test(sentence)) || hasShellPrompt(block.value)) return false;
  if (strong && !RUN_WORDS.test(sentence)) return true;
  const first = block.value.split(/\r?\n|\r/).find((line) => line.trim() !== '' && !/^\s*#/.test(line)) ?? '';
  return !readsAsCommand(first, true);
}

/** The last sentence of a paragraph ("… Example output:"). */
export function lastSentence(text: string): string {
  const sentences = text.trim().split(/(?<=[.!?])\s+/);
  return sentences[sentences.length - 1] ?? '';
}

function hasShellPrompt(text: string): boolean {
  return text.split(/\r?\n|\r/).some((line) => promptOf(line)?.kind === 'shell');
}

/**
 * Plainly shell: a `$ ` prompt before a command, or every line a known program, a continuation,
 * a comment or output under a command, with one tool at least given arguments (`kubectl get pods`,
 * not `cd x` alone) — and no other language.
 */
export function readsAsShell(text: string): boolean {
  const lines = text.split(/\r?\n|\r/);
  const prompted = lines.some((line) => {
    const prompt = promptOf(line);
    return prompt?.kind === 'shell' && readsAsCommand(line.slice(prompt.length), true);
  });
  if (prompted) return true;
  const lexer = new LineLexer();
  let tools = 0;
  let previous: 'command' | 'output' | 'none' = 'none';
  for (const line of lines) {
    const topLevel = lexer.atTopLevel;
    if (topLevel && line.trim() === '') previous = 'none';
    if (!topLevel || line.trim() === '' || /^\s*#/.test(line)) {
      lexer.read(line);
      continue;
    }
    if (readsAsCommand(line) || misspeltTool(line)) {
      if (readsAsCommand(line, true) && isKnownTool(programOf(line) ?? '')) tools++;
      previous = 'command';
      lexer.read(line);
    } else if (previous !== 'none' && (isOutputLine(line) || isTableHeader(line) || previous === 'output')) {
      previous = 'output';
    } else return false;
  }
  return tools > 0 && contentLanguage(text) === undefined;
}

/** `kubeclt get pods`: a near miss of a known tool, given arguments, is a command with a typo in it. */
function misspeltTool(line: string): boolean {
  const program = programOf(line) ?? '';
  return program.length >= 4 && /^[a-z][\w.-]*$/.test(program) && readsAsCommand(line.replace(program, closest(program, popularPrograms()) ?? program), true);
}

/** The label a misspelt one meant, when the block's text is that language (`bsh` holding commands: `bash`). */
export function misspeltLabel(block: CodeBlock): string | undefined {
  const near = nearLabel(block.lang);
  if (!near) return undefined;
  const fits = SHELL_LABELS.has(near) ? readsAsShell(block.value) : readsAs(near, block.value);
  return fits ? near : undefined;
}
