import { toDocumentOffset, codeBlocks, type CodeBlock } from '../engine/document/codeBlocks';
import type { Heading, OpsDocument } from '../engine/document/parse';
import type { Rule, RuleContext } from '../engine/rule';
import { insertBlock } from '../engine/authoring/insertions';
import { shellBlocks, type ShellCommand } from '../engine/shell/analysis';
import { destructiveAction, isDryRun } from '../engine/shell/effects';
import { lastSentence } from '../engine/languages/blockKind';

/**
 * A callout a reader cannot miss: `> **Warning**`, `> [!CAUTION]`, `> ⚠️ Danger:`, MkDocs'
 * `!!! warning`, Docusaurus' `:::danger`, Hugo's `{{< warning >}}`, a line that starts `WARNING:`.
 */
const WARNING_CALLOUT = new RegExp(
  [
    String.raw`^[ \t]*>[ \t]*(?:\[!(?:WARNING|CAUTION|DANGER|IMPORTANT)\]|\*\*(?:Warning|Caution|Danger)\b|(?:⚠️?|❗|🚨)|(?:Warning|Caution|Danger)\s*:)`,
    String.raw`^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?:warning|danger|caution|attention|error)\b`,
    String.raw`^[ \t]*:::+[ \t]*(?:warning|danger|caution)\b`,
    String.raw`\{\{[<%][ \t]*(?:warning|danger|caution|alert[^}]*(?:warning|danger))`,
    String.raw`^[ \t]*(?:\*\*|__)?(?:warning|caution|danger)(?:\*\*|__)?[ \t]*:|^[ \t]*(?:\*\*|__)(?:warning|caution|danger)\b`,
    String.raw`^[ \t]*(?:⚠️?|❗|🚨)`,
  ].join('|'),
  'im',
);
/** A section that says how to undo: Rollback, Roll back, Revert, Restore, Backout, Undo. */
const ROLLBACK_HEADING = /\b(?:roll ?back|revert|restor(?:e|ing)|back ?out|undo)/i;
/**
 * A step before the command that guards it: confirm the target, take a backup or a snapshot,
 * get the change reviewed or approved; or words that say the object comes back.
 */
const PRECAUTION = new RegExp(
  [
    String.raw`\b(?:confirm|double-check|make sure|verify (?:that|the)|check (?:that|the target))\b`,
    String.raw`\bsnapshot`,
    String.raw`\bback(?:ed|ing)?[ -]?ups?\b`,
    String.raw`\b(?:get|have|ask for|request)\b[^.\n]{0,30}\b(?:review|approv|sign-?off)`,
    String.raw`\b(?:peer|change|second-person|four-eyes) review`,
    String.raw`\bapprov(?:al|ed)\b`,
    // The writer says what comes back: "Kubernetes generates a new token", "the operator recreates it".
    String.raw`\b(?:re-?creat(?:es?|ed|ing)|regenerat(?:es?|ed|ing)|generates? a new|makes? a new one|comes? back)\b`,
  ].join('|'),
  'i',
);
/** A sentence that warns of what the command does: "This permanently deletes…", "cannot be undone", "data will be lost". */
const WARNING_SENTENCE =
  /\b(?:warning|caution|danger(?:ous)?|be careful|irreversibl[ey]|cannot be (?:undone|recovered|reverted)|can(?:no|')t be (?:undone|recovered)|unrecoverable|permanently|data loss|lose (?:(?:all|your|the|any) )?data|(?:is|are|will be) (?:lost|gone|wiped|erased|destroyed)|will (?:delete|destroy|erase|wipe|remove) (?:all|every|the|your))/i;
/**
 * Words that make the destruction the step's purpose ("To uninstall the chart:", "## Teardown",
 * "# Format the device"): the reader asked for it, so the finding is an info, not a warning.
 */
const STATED_PURPOSE =
  /\b(?:delet(?:e|es|ing)|remov(?:e|es|ing)|uninstall(?:s|ing)?|tear(?:s|ing)?[ -]?down|teardown|clean(?:s|ing)?[ -]?up|cleanup|purg(?:e|es|ing)|destroy(?:s|ing)?|wip(?:e|es|ing)|eras(?:e|es|ing)|format(?:s|ting)?|drop(?:s|ping)?)\b/i;
const SQL_LANGUAGES = new Set(['sql', 'postgresql', 'postgres', 'psql', 'mysql', 'plsql', 'tsql']);
/**
 * `DROP TABLE`, `DROP DATABASE`, `TRUNCATE`: statements that destroy data. Not `DROP INDEX`: an
 * index is rebuilt from its table, and dropping one after `CREATE INDEX CONCURRENTLY` is the
 * usual way to rebuild it.
 */
const SQL_DESTRUCTIVE = /\b(?:DROP[ \t]+(?:TABLE|DATABASE|SCHEMA|VIEW)|TRUNCATE)\b/gi;
/** Database clients and their options that take SQL to run: `psql -c 'DROP TABLE x'`, `mysql -e '…'`. */
const SQL_CLIENT_OPTIONS: Record<string, readonly string[]> = {
  psql: ['-c', '--command'],
  mysql: ['-e', '--execute'],
  mariadb: ['-e', '--execute'],
  'clickhouse-client': ['-q', '--query'],
};

/** A destructive statement or command, in document offsets. */
interface Destruction {
  name: string;
  /** How it reaches the machine it runs on ("ssh db1"), when that is not the reader's. */
  via?: string;
  start: number;
  end: number;
}

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
      if (shell.allCommands.some(isDryRun)) continue;
      const found = shell.allCommands.flatMap((command) => commandDestruction(block, command));
      if (found.length > 0 && !isGuarded(doc, block)) report(context, block, found);
    }
    for (const block of codeBlocks(doc).filter((b) => SQL_LANGUAGES.has(b.lang))) {
      const found = sqlDestruction(block.value, 0).map((d) => ({ ...d, start: toDocumentOffset(block, d.start), end: toDocumentOffset(block, d.end) }));
      if (found.length > 0 && !isGuarded(doc, block)) report(context, block, found);
    }
  },
};

function commandDestruction(block: CodeBlock, command: ShellCommand): Destruction[] {
  const action = destructiveAction(command);
  const via = command.via;
  if (action) return [{ name: action.name, via, start: toDocumentOffset(block, action.words[0].start), end: toDocumentOffset(block, action.words[action.words.length - 1].end) }];
  const options = SQL_CLIENT_OPTIONS[command.tool ?? ''];
  if (!options) return [];
  const found: Destruction[] = [];
  command.args.forEach((arg, i) => {
    const sql = options.includes(command.args[i - 1]?.value ?? '') ? arg.quoted ?? (arg.value !== undefined ? arg : undefined) : undefined;
    if (!sql) return;
    const text = block.value.slice(sql.start, sql.end);
    for (const d of sqlDestruction(text, sql.start)) found.push({ name: d.name, via, start: toDocumentOffset(block, d.start), end: toDocumentOffset(block, d.end) });
  });
  return found;
}

/** The destructive statements of SQL text, in offsets from `base`. */
function sqlDestruction(sql: string, base: number): Destruction[] {
  return [...sql.matchAll(SQL_DESTRUCTIVE)].map((match) => ({ name: match[0].toUpperCase().replace(/\s+/g, ' '), start: base + match.index!, end: base + match.index! + match[0].length }));
}

/**
 * Whether the writer guarded the block: a warning callout in its section; a confirmation, backup,
 * snapshot or review step, or a warning sentence, before it in its section; a warning sentence in
 * the paragraph right after it; or a warning in the block's own comments.
 */
function isGuarded(doc: OpsDocument, block: CodeBlock): boolean {
  const blockStart = block.node.position!.start.offset!;
  const blockEnd = block.node.position!.end.offset!;
  const section = sectionAround(doc, blockStart);
  if (WARNING_CALLOUT.test(doc.text.slice(section.start, section.end))) return true;
  const before = doc.text.slice(section.start, blockStart);
  if (PRECAUTION.test(before) || WARNING_SENTENCE.test(before)) return true;
  if (WARNING_SENTENCE.test(paragraphAfter(doc.text, blockEnd))) return true;
  return commentLines(block).some((line) => WARNING_SENTENCE.test(line));
}

/** The block's comment lines, shell's `#` and SQL's `--`. */
function commentLines(block: CodeBlock): string[] {
  return block.value.split(/\r?\n/).filter((line) => /^\s*(?:--|#)/.test(line));
}

/** Whether the section's heading, the sentence before the block or a comment in it says the destruction is the point. */
function statesPurpose(doc: OpsDocument, block: CodeBlock): boolean {
  const heading = headingAround(doc, block.node.position!.start.offset!);
  return [heading?.text ?? '', lastSentence(block.intro), ...commentLines(block)].some((text) => STATED_PURPOSE.test(text));
}

/** The first paragraph after an offset: up to a blank line, a heading or a fence. */
function paragraphAfter(text: string, offset: number): string {
  const rest = text.slice(offset).replace(/^[ \t]*\r?\n(?:[ \t]*\r?\n)*/, '');
  const end = rest.search(/\r?\n[ \t]*(?:\r?\n|#{1,6}\s|```|~~~)/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The extent of the innermost section holding an offset; the whole document when no heading does. */
function sectionAround(doc: OpsDocument, offset: number): { start: number; end: number } {
  const found = headingAround(doc, offset);
  return found ? { start: found.start, end: found.sectionEnd } : { start: 0, end: doc.text.length };
}

function headingAround(doc: OpsDocument, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const heading of doc.headings) if (heading.start <= offset && heading.sectionEnd > offset) found = heading;
  return found;
}

/** One finding a block, at its first destructive command, naming the others. */
function report(context: RuleContext, block: CodeBlock, found: Destruction[]): void {
  const { doc, range } = context;
  const names = [...new Set(found.map((d) => d.name))];
  const fenceStart = block.node.position!.start.offset!;
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(fenceStart).line);
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, fenceStart))![0];
  const listed = names.map((name) => `\`${name}\``).join(', ');
  const callout = [`${indent}> [!CAUTION]`, `${indent}> ${listed} cannot be undone: check the target before you run ${names.length > 1 ? 'them' : 'it'}.`];
  const edit = insertBlock(doc, lineStart, callout);
  const others = names.length > 1 ? ` (and ${names.slice(1).map((name) => `"${name}"`).join(', ')} in the same block)` : '';
  const via = found[0].via ? `, run through ${found[0].via},` : '';
  context.report({
    severity: statesPurpose(doc, block) ? 'info' : undefined,
    message: `"${names[0]}"${via}${others} destroys data or state, with no dry run or confirmation before it, no warning in its section and no rollback section in the document`,
    range: range(found[0].start, found[0].end),
    fixes: [{ id: 'caution-callout', title: 'Insert a caution callout above the block', edits: [edit] }],
  });
}
