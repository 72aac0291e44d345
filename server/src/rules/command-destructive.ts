import { toDocumentOffset, codeBlocks, type CodeBlock } from '../engine/document/codeBlocks';
import type { Heading, OpsDocument } from '../engine/document/parse';
import type { Rule, RuleContext } from '../engine/rule';
import { insertBlock } from '../engine/authoring/insertions';
import { shellBlocks } from '../engine/shell/analysis';
import { destructiveAction, isDryRun } from '../engine/shell/effects';

/** `> **Warning**`, `> [!CAUTION]`, `> ⚠️ Danger:`: a callout a reader cannot miss. */
const WARNING_CALLOUT = /^[ \t]*>[ \t]*(?:\[!(?:WARNING|CAUTION|DANGER|IMPORTANT)\]|\*\*(?:Warning|Caution|Danger)\b|(?:⚠️?|❗|🚨)|(?:Warning|Caution|Danger)\s*:)/im;
/** A section that says how to undo: Rollback, Roll back, Revert, Restore, Backout, Undo. */
const ROLLBACK_HEADING = /\b(?:roll ?back|revert|restor(?:e|ing)|back ?out|undo)/i;
/** A step before the command that asks the reader to confirm the target first. */
const CONFIRMATION = /\b(?:confirm|double-check|make sure|verify (?:that|the)|check (?:that|the target))\b/i;
const SQL_LANGUAGES = new Set(['sql', 'postgresql', 'postgres', 'psql', 'mysql', 'plsql', 'tsql']);
/** `DROP TABLE`, `DROP DATABASE`, `TRUNCATE`: statements that destroy data. */
const SQL_DESTRUCTIVE = /\b(?:DROP[ \t]+(?:TABLE|DATABASE|SCHEMA|INDEX|VIEW)|TRUNCATE)\b/gi;

export const commandDestructive: Rule = {
  id: 'command-destructive',
  description: 'A destructive command with no dry run, confirmation, warning or rollback near it.',
  defaultSeverity: 'warning',
  // The callout adds a warning and changes no command.
  fixes: { 'caution-callout': 'fix' },
  check(context) {
    const { doc } = context;
    if (doc.headings.some((h) => ROLLBACK_HEADING.test(h.text))) return;
    for (const { block, shell } of shellBlocks(doc)) {
      const rehearsed = shell.commands.some(isDryRun);
      for (const command of shell.commands) {
        const action = destructiveAction(command);
        if (!action || rehearsed || isGuarded(doc, block)) continue;
        const start = toDocumentOffset(block, action.words[0].start);
        const end = toDocumentOffset(block, action.words[action.words.length - 1].end);
        report(context, block, action.name, start, end);
      }
    }
    for (const block of codeBlocks(doc).filter((b) => SQL_LANGUAGES.has(b.lang))) {
      for (const match of block.value.matchAll(SQL_DESTRUCTIVE)) {
        if (isGuarded(doc, block)) break;
        const start = toDocumentOffset(block, match.index!);
        report(context, block, match[0].toUpperCase().replace(/\s+/g, ' '), start, start + match[0].length);
      }
    }
  },
};

/** A warning callout in the block's section, or a confirmation step in the section before the block. */
function isGuarded(doc: OpsDocument, block: CodeBlock): boolean {
  const blockStart = block.node.position!.start.offset!;
  const section = sectionAround(doc, blockStart);
  const sectionText = doc.text.slice(section.start, section.end);
  if (WARNING_CALLOUT.test(sectionText)) return true;
  return CONFIRMATION.test(doc.text.slice(section.start, blockStart));
}

/** The extent of the innermost section holding an offset; the whole document when no heading does. */
function sectionAround(doc: OpsDocument, offset: number): { start: number; end: number } {
  let found: Heading | undefined;
  for (const heading of doc.headings) if (heading.start <= offset && heading.sectionEnd > offset) found = heading;
  return found ? { start: found.start, end: found.sectionEnd } : { start: 0, end: doc.text.length };
}

function report(context: RuleContext, block: CodeBlock, action: string, start: number, end: number): void {
  const { doc, range } = context;
  const fenceStart = block.node.position!.start.offset!;
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(fenceStart).line);
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, fenceStart))![0];
  const callout = [`${indent}> [!CAUTION]`, `${indent}> \`${action}\` cannot be undone: check the target before you run it.`];
  const edit = insertBlock(doc, lineStart, callout);
  context.report({
    message: `"${action}" destroys data or state, with no dry run or confirmation before it, no warning in its section and no rollback section in the document`,
    range: range(start, end),
    fixes: [{ id: 'caution-callout', title: 'Insert a caution callout above the block', edits: [edit] }],
  });
}
