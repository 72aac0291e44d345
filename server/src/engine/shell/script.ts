import type { CodeBlock } from '../document/codeBlocks';

export const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal']);
const TRANSCRIPT_LANGUAGES = new Set(['console', 'shell-session', 'shellsession', 'terminal']);

/**
 * The script a shell block asks a reader to run, laid out exactly like the block's
 * content (same length, same line breaks), so parser positions map straight back:
 * prompts and output lines of a transcript are blanked, and `<placeholder>` tokens
 * a reader fills in are turned into words of the same length.
 */
export interface ShellScript {
  text: string;
  isTranscript: boolean;
  /** The `<placeholder>` tokens found, with their content offsets. */
  placeholders: Array<{ name: string; offset: number }>;
}

/** `$ cmd`, or in a block tagged as a transcript also `# cmd` (root) and `% cmd` (zsh); optionally after `user@host:~`. */
const PROMPT = /^([ \t]*(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?)?\$[ \t])/;
const TAGGED_PROMPT = /^([ \t]*(?:[\w.-]+@[\w.-]+(?::[^\s$#%]*)?)?[$#%][ \t])/;
/** The `> ` prompt of a line that continues the command above it. */
const SECONDARY_PROMPT = /^[ \t]*> ?/;
/** `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the start of a here-document and its delimiter. */
const HERE_DOC = /(?<!<)<<-?(?!<)[ \t]*['"]?([\w.-]+)['"]?/;
/**
 * `<namespace>`, `<pod-name>`, `<instance label from alert>`: a `<` right before a
 * word and a `>` right after one. `sort <in >out` has spaces inside, so it stays a redirect.
 */
const PLACEHOLDER = /<([A-Za-z][\w.:/@-]*(?: [\w.:/@-]+)*)>/g;

export function isShellBlock(block: CodeBlock): boolean {
  return SHELL_LANGUAGES.has(block.lang);
}

export function shellScript(block: CodeBlock): ShellScript {
  const lines = block.value.split(/(\r\n|\r|\n)/);
  const tagged = TRANSCRIPT_LANGUAGES.has(block.lang);
  const isTranscript = tagged || firstCommandLineHasPrompt(lines);
  // In a `shell` block that merely shows prompts, `# …` stays a comment.
  const prompt = tagged ? TAGGED_PROMPT : PROMPT;
  let continuing = false;
  let hereDocEnd: string | undefined;
  let inOutput = false;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const eol = lines[i + 1] ?? '';
    let kept = line;
    if (!isTranscript) {
      // Output pasted under a command, from its table header (`NAME   READY   STATUS`) to a blank line.
      inOutput = line.trim() !== '' && (inOutput || isTableHeader(line));
      if (inOutput) kept = ' '.repeat(line.length);
    } else {
      if (hereDocEnd !== undefined) {
        // A here-document's body is data, shown with or without `> ` prompts: not checked.
        if (line.replace(SECONDARY_PROMPT, '').trim() === hereDocEnd) hereDocEnd = undefined;
        kept = ' '.repeat(line.length);
      } else {
        const secondary: string | undefined = continuing ? SECONDARY_PROMPT.exec(line)?.[0] : undefined;
        const shown: string | undefined = continuing ? secondary : prompt.exec(line)?.[1];
        if (shown) kept = ' '.repeat(shown.length) + line.slice(shown.length);
        else if (!continuing) kept = ' '.repeat(line.length);
        continuing = (shown !== undefined || continuing) && /\\$/.test(line);
        const hereDoc = shown !== undefined || continuing ? HERE_DOC.exec(kept) : null;
        if (hereDoc) {
          hereDocEnd = hereDoc[1];
          kept = kept.slice(0, hereDoc.index) + ' '.repeat(hereDoc[0].length) + kept.slice(hereDoc.index + hereDoc[0].length);
        }
      }
    }
    out.push(kept, eol);
  }
  const placeholders: ShellScript['placeholders'] = [];
  const text = out.join('').replace(PLACEHOLDER, (match, name: string, offset: number) => {
    placeholders.push({ name, offset });
    return '_' + name.replace(/[^\w]/g, '_') + '_';
  });
  return { text, isTranscript, placeholders };
}

/** A shell block whose first command line starts with `$ ` is a transcript, whatever its tag. */
function firstCommandLineHasPrompt(lines: string[]): boolean {
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#!')) continue;
    return /^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?)?\$[ \t]/.test(line);
  }
  return false;
}

/** `NAMESPACE   NAME   READY   STATUS`: two or more upper-case columns, as kubectl, docker and ps print them. */
function isTableHeader(line: string): boolean {
  const columns = line.trim().split(/ {2,}|\t/);
  return columns.length >= 2 && columns.every((column) => /^[A-Z][A-Z0-9_%().:/ -]*$/.test(column));
}
