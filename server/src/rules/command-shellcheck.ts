import { lineColumnToDocumentOffset, type CodeBlock } from '../engine/document/codeBlocks';
import type { Rule, RuleContext } from '../engine/rule';
import { shellBlocks } from '../engine/shell/analysis';
import { SHELLCHECK_SEVERITY, shellCheck, type ShellCheckComment } from '../engine/shell/shellcheck';
import type { ProposedFix } from '../engine/types';

/**
 * Codes that are wrong for runbook snippets: parse errors are command-syntax's (SC1xxx);
 * a reader's environment sets what a snippet reads (SC2154), a later step uses what it sets
 * (SC2034), an interactive `cd` needs no `|| exit` (SC2164), `exit` leaves a debug shell rather
 * than the script (SC2317), and `$` in single quotes is a Go template's or jq's (SC2016).
 */
const SKIPPED_BY_DEFAULT = [2154, 2034, 2164, 2317, 2016];
const DEFAULT_TIMEOUT_MS = 5000;

/** Where each block's lines start in the one script ShellCheck reads for the whole document. */
interface Part {
  block: CodeBlock;
  firstLine: number;
  lineCount: number;
}

export const commandShellcheck: Rule = {
  id: 'command-shellcheck',
  description: 'A ShellCheck finding on a shell block, when shellcheck is installed.',
  defaultSeverity: 'warning',
  // ShellCheck's rewrite changes the command a reader runs (quoting can break a step).
  fixes: { shellcheck: 'suggestion' },
  async check(context) {
    if (context.config.commands.shellcheck === 'off') return;
    const { script, parts } = documentScript(context);
    if (parts.length === 0) return;
    const comments = await shellCheck(script, Number(context.options.timeout) || DEFAULT_TIMEOUT_MS);
    if (!comments) return;
    const skipped = new Set([...SKIPPED_BY_DEFAULT, ...codes(context.options.exclude)]);
    for (const comment of comments) {
      if (comment.code < 2000 || skipped.has(comment.code)) continue;
      const start = toDocument(parts, comment.line, comment.column);
      const end = toDocument(parts, comment.endLine, comment.endColumn);
      if (start === undefined || end === undefined) continue;
      context.report({
        message: `SC${comment.code}: ${comment.message}`,
        severity: SHELLCHECK_SEVERITY[comment.level],
        range: context.range(start, Math.max(start, end)),
        fixes: shellCheckFix(context, parts, comment),
      });
    }
  },
};

/**
 * The document's shell blocks that parse, one after another, so that a variable set in one step
 * counts as set in the next. Each block keeps its own lines, so positions map back.
 */
function documentScript({ doc }: RuleContext): { script: string; parts: Part[] } {
  const parts: Part[] = [];
  const texts: string[] = [];
  let line = 1;
  for (const { block, shell } of shellBlocks(doc)) {
    if (shell.syntaxError || shell.tooLong || block.lang === 'zsh') continue;
    const text = shell.script.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
    const lineCount = text.split('\n').length;
    parts.push({ block, firstLine: line, lineCount });
    texts.push(text);
    line += lineCount;
  }
  return { script: texts.join('\n') + '\n', parts };
}

function toDocument(parts: Part[], line: number, column: number): number | undefined {
  const part = parts.find((p) => line >= p.firstLine && line < p.firstLine + p.lineCount);
  return part && lineColumnToDocumentOffset(part.block, line - part.firstLine + 1, column);
}

/** ShellCheck's own fix (`"$x"` for `$x`), when it offers one. */
function shellCheckFix(context: RuleContext, parts: Part[], comment: ShellCheckComment): ProposedFix[] {
  const replacements = comment.fix?.replacements ?? [];
  const edits = replacements.map((r) => {
    const start = toDocument(parts, r.line, r.column);
    const end = toDocument(parts, r.endLine, r.endColumn);
    return start === undefined || end === undefined ? undefined : { range: context.range(start, end), newText: r.replacement };
  });
  if (edits.length === 0 || edits.some((e) => e === undefined)) return [];
  return [{ id: 'shellcheck', title: `Apply ShellCheck's fix for SC${comment.code}`, edits: edits as NonNullable<(typeof edits)[number]>[] }];
}

function codes(value: unknown): number[] {
  return Array.isArray(value) ? value.map((code) => Number(String(code).replace(/^SC/i, ''))).filter(Number.isFinite) : [];
}
