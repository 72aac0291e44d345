import { lineColumnToDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import type { Rule, RuleContext } from '../engine/rule';
import { MAX_ANALYSED_LINES, MAX_LINE_WIDTH, shellBlocks, type ShellAnalysis } from '../engine/shell/analysis';
import { isFatal, SHELLCHECK_SEVERITY, shellCheck, type ShellCheckComment, type ShellCheckResult } from '../engine/shell/shellcheck';
import { documentVariables, DOCUMENT_PROFILE, isNoiseInDocument, lineStartsOf } from '../engine/shell/shellcheckProfile';
import type { ProposedFix } from '../engine/types';

const DEFAULT_TIMEOUT_MS = 5000;
/**
 * A run that stops at a block ShellCheck cannot read is run again without that block; after this
 * many, the blocks left are checked one by one, so that a document of many such blocks costs a
 * bounded number of whole-document runs.
 */
const MAX_DOCUMENT_RUNS = 4;

/** A block as ShellCheck reads it: its script, laid out line for line like the block. */
interface Part {
  block: CodeBlock;
  shell: ShellAnalysis;
  text: string;
  lineStarts: number[];
}

/** Parts joined into one script, so that a variable set in one step counts as set in the next. */
interface Joined {
  script: string;
  placed: Array<{ part: Part; firstLine: number }>;
}

interface Outcome {
  comments: Array<{ part: Part; comment: ShellCheckComment; line: number; endLine: number }>;
  /** Blocks ShellCheck could not read, with the first thing it said about each. */
  unreadable: Array<{ part: Part; comment: ShellCheckComment }>;
  /** Blocks left unchecked because ShellCheck timed out or failed. */
  unchecked: Part[];
  failure?: 'timeout' | 'failed';
}

export const commandShellcheck: Rule = {
  id: 'command-shellcheck',
  description: 'A ShellCheck finding on a shell block, when shellcheck is installed.',
  defaultSeverity: 'warning',
  // ShellCheck's rewrite changes the command a reader runs (quoting can break a step).
  fixes: { shellcheck: 'suggestion' },
  runsProgram: true,
  async check(context) {
    // In Restricted Mode no checker runs on the workspace's text (VS Code's trust prompt said so).
    if (context.config.commands.shellcheck === 'off' || !context.trusted) return;
    const parts = checkableParts(context);
    if (parts.length === 0) return;
    const timeoutMs = Number(context.options.timeout) || DEFAULT_TIMEOUT_MS;
    const outcome = await checkParts(parts, timeoutMs);
    if (!outcome) return;
    for (const { part, comment } of outcome.unreadable) {
      notice(context, part.block, `ShellCheck could not read this block (SC${comment.code}: ${comment.message}), so it does not check it; the document's other shell blocks are checked`);
    }
    if (outcome.failure && outcome.unchecked.length > 0) {
      const reason = outcome.failure === 'timeout' ? `did not finish within ${timeoutMs} ms` : 'failed';
      const count = outcome.unchecked.length === 1 ? 'this block is' : `this block and ${outcome.unchecked.length - 1} more are`;
      notice(context, outcome.unchecked[0].block, `ShellCheck ${reason}: ${count} not checked by ShellCheck${outcome.failure === 'timeout' ? ' (rules.command-shellcheck timeout sets the limit)' : ''}`);
    }
    const forDocuments = context.options.profile !== 'script';
    const skipped = skippedCodes(context.options.exclude, forDocuments);
    const variables = documentVariables(parts.map((part) => part.shell));
    for (const { part, comment, line, endLine } of outcome.comments) {
      if (skipped.has(comment.code)) continue;
      if (forDocuments && isNoiseInDocument({ ...comment, line, endLine }, { shell: part.shell, lineStarts: part.lineStarts }, variables)) continue;
      const start = lineColumnToDocumentOffset(part.block, line, comment.column);
      const end = lineColumnToDocumentOffset(part.block, endLine, comment.endColumn);
      context.report({
        message: `SC${comment.code}: ${comment.message}`,
        severity: SHELLCHECK_SEVERITY[comment.level],
        // A point (SC1132 at its `&`) is shown as the character there.
        range: context.range(start, end > start ? end : Math.min(start + 1, context.doc.lines.lineEnd(context.doc.lines.positionAt(start).line))),
        fixes: shellCheckFix(context, part, line - comment.line, comment),
      });
    }
  },
};

/**
 * The blocks ShellCheck is given; each other block gets a notice that says why not. A block that
 * does not parse is command-syntax's error (a notice only when that rule is off).
 */
function checkableParts(context: RuleContext): Part[] {
  const parts: Part[] = [];
  const syntaxOff = context.config.rules['command-syntax']?.severity === 'off';
  for (const { block, shell } of shellBlocks(context.doc)) {
    if (block.lang === 'zsh') notice(context, block, 'ShellCheck does not read zsh: this block is not checked by ShellCheck');
    else if (shell.syntaxError && syntaxOff) notice(context, block, `This block does not parse (${shell.syntaxError.message}), so ShellCheck does not check it`);
    // A block this long is an export or a log, not steps; ShellCheck would spend its whole timeout on it.
    else if (shell.tooLong === 'lines') notice(context, block, `ShellCheck does not check this ${block.lineOffsets.length}-line block: blocks over ${MAX_ANALYSED_LINES} lines are checked for syntax only`);
    else if (shell.tooLong === 'width') notice(context, block, `ShellCheck does not check this block: it has a line over ${MAX_LINE_WIDTH} characters`);
    else if (!shell.syntaxError) {
      // Tabs count as one column, as in the block; a shebang after the first line is ShellCheck's error, a comment to bash.
      const text = shell.script.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(/^([ \t]*)#!/gm, '$1# ');
      parts.push({ block, shell, text, lineStarts: lineStartsOf(shell.script.text) });
    }
  }
  return parts;
}

/** ShellCheck over the parts; a part it cannot read is set aside and the others checked again without it. */
async function checkParts(parts: Part[], timeoutMs: number): Promise<Outcome | undefined> {
  const outcome: Outcome = { comments: [], unreadable: [], unchecked: [] };
  let remaining = parts;
  for (let run = 0; remaining.length > 0; run++) {
    if (run === MAX_DOCUMENT_RUNS) return checkEach(remaining, timeoutMs, outcome);
    const joined = join(remaining);
    const result = await shellCheck(joined.script, timeoutMs);
    if (result.status === 'missing') return undefined;
    if (result.status !== 'checked') return { ...outcome, unchecked: remaining, failure: result.status };
    const culprit = unreadablePart(joined, result.comments);
    if (!culprit) return { ...outcome, comments: place(joined, result.comments) };
    outcome.unreadable.push(culprit);
    remaining = remaining.filter((part) => part !== culprit.part);
  }
  return outcome;
}

/** The last resort of a document with many blocks ShellCheck cannot read: each block alone. */
async function checkEach(parts: Part[], timeoutMs: number, outcome: Outcome): Promise<Outcome> {
  for (const [i, part] of parts.entries()) {
    const joined = join([part]);
    const result: ShellCheckResult = await shellCheck(joined.script, timeoutMs);
    if (result.status !== 'checked') return { ...outcome, unchecked: parts.slice(i), failure: result.status === 'timeout' ? 'timeout' : 'failed' };
    const culprit = unreadablePart(joined, result.comments);
    if (culprit) outcome.unreadable.push(culprit);
    else outcome.comments.push(...place(joined, result.comments));
  }
  return outcome;
}

/** One script of the parts, a blank line between two, so that a trailing `\` cannot join a block to the next. */
function join(parts: Part[]): Joined {
  const placed: Joined['placed'] = [];
  let line = 1;
  for (const part of parts) {
    placed.push({ part, firstLine: line });
    line += part.lineStarts.length + 1;
  }
  return { script: parts.map((part) => part.text).join('\n\n') + '\n', placed };
}

/**
 * The part ShellCheck stopped in, and what it said first about it. Its parse errors can land at
 * the end of the script (an unclosed quote); the earliest comment of the failure (SC1009 names
 * the construct, at its start) is in the block at fault.
 */
function unreadablePart(joined: Joined, comments: ShellCheckComment[]): { part: Part; comment: ShellCheckComment } | undefined {
  const fatal = comments.filter(isFatal);
  if (fatal.length === 0) return undefined;
  const failure = comments.filter((c) => isFatal(c) || c.code === 1009).sort((a, b) => a.line - b.line || a.column - b.column);
  const part = partAt(joined, failure[0].line);
  const own = fatal.filter((c) => partAt(joined, c.line) === part);
  // "You need a space before the ]" says more than "Couldn't parse this test expression. Fix to allow more checks."
  const specific = own.filter((c) => !GENERIC_PARSE_ERROR.test(c.message));
  const said = specific[specific.length - 1] ?? own[0] ?? fatal[0];
  return { part, comment: { ...said, message: said.message.replace(GENERIC_PARSE_ERROR, '').replace(/\.$/, '') } };
}

/** The tail ShellCheck puts on the parse errors that sum up others. */
const GENERIC_PARSE_ERROR = / ?Fix (?:to allow more checks|any mentioned problems and try again)\.$/;

function partAt(joined: Joined, line: number): Part {
  let found = joined.placed[0];
  for (const entry of joined.placed) if (entry.firstLine <= line) found = entry;
  return found.part;
}

/** Each comment with its part and its lines in the part's block. */
function place(joined: Joined, comments: ShellCheckComment[]): Outcome['comments'] {
  return comments.flatMap((comment) => {
    const entry = [...joined.placed].reverse().find((p) => p.firstLine <= comment.line);
    if (!entry) return [];
    const line = comment.line - entry.firstLine + 1;
    const endLine = comment.endLine - entry.firstLine + 1;
    // A comment on the blank line between two blocks belongs to neither.
    if (line > entry.part.lineStarts.length) return [];
    return [{ part: entry.part, comment, line, endLine: Math.min(endLine, entry.part.lineStarts.length) }];
  });
}

/**
 * Codes not reported: the `exclude` option's, and unless `profile: script` the document profile's.
 * ShellCheck's parse errors never are: a notice says the block was not read.
 */
function skippedCodes(exclude: unknown, forDocuments: boolean): Set<number> {
  const skipped = new Set(Array.isArray(exclude) ? exclude.map((code) => Number(String(code).replace(/^SC/i, ''))).filter(Number.isFinite) : []);
  if (forDocuments) for (const code of Object.keys(DOCUMENT_PROFILE)) skipped.add(Number(code));
  return skipped;
}

/** ShellCheck's own fix (`"$x"` for `$x`), when it offers one. `shift` maps its lines from the joined script to the block's. */
function shellCheckFix(context: RuleContext, part: Part, shift: number, comment: ShellCheckComment): ProposedFix[] {
  const replacements = comment.fix?.replacements ?? [];
  const lines = part.lineStarts.length;
  if (replacements.length === 0 || replacements.some((r) => r.line + shift < 1 || r.endLine + shift > lines)) return [];
  const edits = replacements.map((r) => ({
    range: context.range(lineColumnToDocumentOffset(part.block, r.line + shift, r.column), lineColumnToDocumentOffset(part.block, r.endLine + shift, r.endColumn)),
    newText: r.replacement,
  }));
  return [{ id: 'shellcheck', title: `Apply ShellCheck's fix for SC${comment.code}`, edits }];
}

/** An info at the block's opening fence: why ShellCheck says nothing about it. */
function notice({ report, range }: RuleContext, block: CodeBlock, message: string): void {
  const start = block.node.position!.start.offset!;
  report({ message, severity: 'info', range: range(start, start + 3) });
}
