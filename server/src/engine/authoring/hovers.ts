import * as path from 'node:path';
import { toDocumentOffset, type CodeBlock } from '../document/codeBlocks';
import { describeCycle, guidance, type AuthoringContext } from './completions';
import { daysBetween, formatIsoDate, parseCycle } from '../review/dates';
import { drillStatus } from '../review/drill';
import type { Heading } from '../document/parse';
import { sectionHeadings } from '../document/sections';
import { isFillIn, shellBlocks, type ShellAnalysis, type ShellCommand, type ShellWord } from '../shell/analysis';
import { closestProgram, configuredPrograms, lookUpProgram } from '../shell/lookUpProgram';
import { cliSpec, readCommand, subcommandNames, type CliStep } from '../shell/cliSpecs';
import { namesOf } from '../shell/programData';
import type { Position, Range } from '../types';

/** A hover as plain data: Markdown, and the text it is about. */
export interface Hover {
  markdown: string;
  range: Range;
}

/** Subcommands listed in a hover before "and N more". */
const MAX_LISTED = 60;

/** What OpsDocs knows of the thing under the cursor: a review date, a section heading, a command. */
export function hoverAt(context: AuthoringContext, position: Position): Hover | undefined {
  const doc = context.document;
  if (position.line >= doc.lines.lineCount) return undefined;
  const offset = doc.lines.offsetAt(position);
  return reviewHover(context, position.line) ?? drillHover(context, position.line) ?? typeHover(context, position.line) ?? headingHover(context, position.line) ?? commandHover(context, offset);
}

function lineOf(context: AuthoringContext, offset: number): number {
  return context.document.lines.positionAt(offset).line;
}

function ago(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function inDays(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

// ---------------------------------------------------------------------------------------------
// Dates

function reviewHover(context: AuthoringContext, line: number): Hover | undefined {
  const { analysis, document: doc, today } = context;
  const status = analysis.review;
  const review = status.review;
  if (!review || lineOf(context, review.start) !== line) return undefined;
  const declared = doc.frontMatter?.data?.review_cycle;
  const cycleSource = typeof declared === 'string' && parseCycle(declared) ? 'front matter `review_cycle`' : "the config's `review.cycle`";
  const cycle = `${status.cycleText} cycle (${describeCycle(status.cycle)}, from ${cycleSource})`;
  const lines = [`**Review date** \`${review.value}\` (${review.source === 'frontmatter' ? `front matter \`${review.label}\`` : `"${review.label}" line`})`];
  if (status.state === 'invalid') {
    lines.push(review.date ? `This date is in the future: ${inDays(daysBetween(today, review.date))}.` : 'This is not a real date in YYYY-MM-DD form.');
    lines.push(`Cycle: ${cycle}.`);
  } else {
    lines.push(`Reviewed ${ago(daysBetween(review.date!, today))}.`);
    const due = formatIsoDate(status.due!);
    const left = status.daysLeft!;
    if (status.state === 'overdue') lines.push(`**Overdue** by ${-left} ${-left === 1 ? 'day' : 'days'}: the review was due ${due}.`);
    else if (status.state === 'due-soon') lines.push(`**Due soon**: next review due ${due}, ${inDays(left)}.`);
    else lines.push(`Next review due ${due}, ${inDays(left)}.`);
    lines.push(`Cycle: ${cycle}.`);
  }
  return { markdown: lines.join('\n\n'), range: doc.lines.range(review.start, review.end) };
}

function drillHover(context: AuthoringContext, line: number): Hover | undefined {
  const { analysis, document: doc, today } = context;
  const status = drillStatus(doc, analysis, today);
  if (!status?.tested || lineOf(context, status.tested.start) !== line) return undefined;
  const cycle = `${status.cycleText} \`test_cycle\`${doc.frontMatter?.data?.test_cycle === undefined ? ' (the default)' : ''}`;
  const lines = [`**Last drill** \`${status.tested.value}\``];
  if (status.state === 'invalid') lines.push('This is not a real date in YYYY-MM-DD form.');
  else {
    const due = formatIsoDate(status.due!);
    const since = daysSince(context, status.tested.value);
    lines.push(since < 0 ? `This date is in the future: ${inDays(-since)}.` : `Drilled ${ago(since)}.`);
    lines.push(status.state === 'overdue' ? `**Overdue** by ${status.late} days: the next drill was due ${due}.` : `Next drill due ${due}, ${inDays(-status.late!)}.`);
  }
  lines.push(`Cycle: ${cycle}.`);
  return { markdown: lines.join('\n\n'), range: doc.lines.range(status.tested.start, status.tested.end) };
}

function daysSince(context: AuthoringContext, iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return daysBetween({ year, month, day }, context.today);
}

/** On the front matter `type:` line: what the type asks of the document. */
function typeHover(context: AuthoringContext, line: number): Hover | undefined {
  const { analysis, document: doc } = context;
  const fm = doc.frontMatter;
  if (!analysis.type || analysis.typeSource !== 'frontmatter' || !fm) return undefined;
  const match = /^type[ \t]*:[ \t]*(\S+)/.exec(doc.lines.lineText(line));
  const lineStart = doc.lines.lineStart(line);
  if (!match || lineStart < fm.contentStart || lineStart >= fm.contentEnd) return undefined;
  const start = lineStart + match[0].length - match[1].length;
  return { markdown: typeSummary(context), range: doc.lines.range(start, start + match[1].length) };
}

/** Where the type comes from; an inferred one says how to confirm it. */
function typeOrigin({ analysis }: AuthoringContext): string {
  switch (analysis.typeSource) {
    case 'frontmatter':
      return 'Type from front matter `type`.';
    case 'config':
      return 'Type from a `types[].match` glob of the config.';
    default:
      return `Type **inferred** from the headings: set \`type: ${analysis.type!.id}\` in front matter to confirm it (its missing sections are then errors), or turn inference off with \`types: { infer: false }\` in the config.`;
  }
}

function typeSummary({ analysis }: AuthoringContext): string {
  const type = analysis.type!;
  const present = analysis.sections.filter((s) => s.heading).length;
  const missing = analysis.sections.filter((s) => !s.heading).map((s) => s.spec.name);
  const lines = [`**${type.title}** (\`${type.id}\`): ${type.description}`];
  lines.push(`Required sections, in order: ${type.sections.map((s) => s.name).join(' · ')}.`);
  if (type.sections.length > 0) lines.push(`${present} of ${type.sections.length} present${missing.length ? `; missing: ${missing.join(', ')}` : ''}.`);
  if (type.entries) lines.push(`Each entry under ${type.entries.within} needs: ${type.entries.parts.map((p) => p.name).join(' · ')}.`);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Headings

function headingHover(context: AuthoringContext, line: number): Hover | undefined {
  const { analysis, document: doc } = context;
  const type = analysis.type;
  const heading = doc.headings.find((h) => lineOf(context, h.start) <= line && line <= lineOf(context, Math.max(h.start, h.end - 1)));
  if (!heading || (!type && !analysis.stub)) return undefined;
  const range = doc.lines.range(heading.start, heading.end);
  if (analysis.stub && heading === doc.headings[0]) return { markdown: STUB_TEXT[analysis.stub], range };
  if (!type) return undefined;
  const index = analysis.sections.findIndex((s) => s.heading === heading);
  if (index >= 0) return { markdown: sectionText(context, index, heading), range };
  const entry = analysis.entries.find((e) => e.heading === heading);
  if (entry) {
    const parts = entry.parts.map((p) => `${p.spec.name} ${p.at !== undefined ? '✓' : '✗ missing'}`).join(' · ');
    return { markdown: `**${type.title} entry**: each needs ${entry.parts.map((p) => p.spec.name).join(', ')}.\n\n${parts}`, range };
  }
  const part = partOf(context, heading);
  if (part) return { markdown: part, range };
  if (!sectionHeadings(doc).includes(heading)) return { markdown: `${typeSummary(context)}\n\n${typeOrigin(context)}`, range };
  const required = type.sections.map((s) => s.name).join(' · ');
  return { markdown: `Not a required section of \`${type.id}\`: extra sections may go anywhere.\n\nRequired, in order: ${required}.`, range };
}

const STUB_TEXT = {
  moved: 'A **moved page**: it says where its content went. OpsDocs asks no sections or review date of it.',
  deprecated: 'A **deprecated page**: it says it is no longer in use. OpsDocs asks no sections or review date of it.',
  'link-only': 'A **pointer page**: only a link elsewhere. OpsDocs asks no sections or review date of it.',
} as const;

function sectionText({ analysis }: AuthoringContext, index: number, heading: Heading): string {
  const type = analysis.type!;
  const { spec } = analysis.sections[index];
  const provides = heading.text.toLowerCase() === spec.name.toLowerCase() ? '' : ` (as "${heading.text}")`;
  const lines = [`**${spec.name}**${provides}: required section ${index + 1} of ${type.sections.length} of \`${type.id}\``];
  lines.push(guidance(spec));
  const after = type.sections[index - 1]?.name;
  const before = type.sections[index + 1]?.name;
  const place = [after && `after *${after}*`, before && `before *${before}*`].filter(Boolean).join(', ');
  if (place) lines.push(`Comes ${place}.`);
  if (spec.aliases.length > 0) lines.push(`Also accepted as: ${spec.aliases.join(', ')}.`);
  if (!heading.hasContent) lines.push('This section is empty.');
  return lines.join('\n\n');
}

/** A sub-heading that provides a part of a troubleshooting entry (Symptoms, Diagnosis, Resolution). */
function partOf({ analysis }: AuthoringContext, heading: Heading): string | undefined {
  for (const entry of analysis.entries) {
    const part = entry.parts.find((p) => p.at === heading.start);
    if (part) return `**${part.spec.name}**: part of the ${analysis.type!.id} entry "${entry.heading.text}"\n\n${guidance(part.spec)}`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Commands

function commandHover(context: AuthoringContext, offset: number): Hover | undefined {
  const { document: doc } = context;
  const blocks = shellBlocks(doc);
  const inside = blocks.find(({ block }) => block.node.position!.start.offset! < offset && offset < block.node.position!.end.offset!);
  if (!inside) return undefined;
  const defined = new Set(blocks.flatMap(({ shell }) => [...shell.defined]));
  const cursor = toContentOffset(inside.block, offset);
  if (cursor === undefined) return undefined;
  // Compared in the block's own offsets: mapping every word to the document would cost a scan each.
  const covers = (word: ShellWord) => word.start <= cursor && cursor <= word.end && word.start < word.end;
  const rangeOf = (word: ShellWord) => doc.lines.range(toDocumentOffset(inside.block, word.start), toDocumentOffset(inside.block, word.end));
  for (const command of inside.shell.commands) {
    if (covers(command.program)) return { markdown: programText(context, command, inside.shell, defined), range: rangeOf(command.program) };
    if (!command.args.some(covers)) continue;
    const step = stepsOf(command, inside.shell).find((s) => covers(s.word));
    const markdown = step && stepText(command, step);
    return markdown ? { markdown, range: rangeOf(step.word) } : undefined;
  }
  return undefined;
}

function stepsOf(command: ShellCommand, shell: ShellAnalysis): CliStep[] {
  const spec = command.tool === undefined ? undefined : cliSpec(command.tool);
  return spec ? readCommand(spec, command.args, (word) => isFillIn(shell, word)) : [];
}

function programText(context: AuthoringContext, command: ShellCommand, shell: ShellAnalysis, defined: Set<string>): string {
  const name = command.program.value;
  const lines: string[] = [];
  const via = command.wrappers.length > 0 ? ` Run through ${command.wrappers.map((w) => `\`${w}\``).join(', ')}.` : '';
  if (name === undefined) return `This word expands when the command runs: OpsDocs does not look it up.${via}`;
  if (isFillIn(shell, command.program)) return `\`${name}\`: a placeholder the reader fills in.${via}`;
  lines.push(`\`${name}\`: ${describeProgram(context, name, defined)}${via}`);
  const spec = command.tool === undefined ? undefined : cliSpec(command.tool);
  if (spec) {
    if (spec.d) lines.push(spec.d);
    const names = subcommandNames(spec).sort();
    if (names.length > 0) lines.push(`Subcommands \`command-subcommand\` knows: ${listed(names)}.`);
    const first = stepsOf(command, shell).find((s) => s.kind === 'subcommand');
    if (first?.kind === 'subcommand' && first.node.s?.length) lines.push(`\`${name} ${first.path[0]}\`: ${subcommandNames(first.node).join(', ')}.`);
  }
  return lines.join('\n\n');
}

function listed(names: string[]): string {
  const more = names.length > MAX_LISTED ? `, and ${names.length - MAX_LISTED} more` : '';
  return `${names.slice(0, MAX_LISTED).join(', ')}${more}`;
}

/** What the spec says of a subcommand or option word. */
function stepText(command: ShellCommand, step: CliStep): string | undefined {
  const program = command.program.value ?? command.tool!;
  const parent = (path: string[]) => [program, ...path].join(' ');
  switch (step.kind) {
    case 'subcommand': {
      const full = parent(step.path);
      const of = parent(step.path.slice(0, -1));
      const subs = step.node.s?.length ? `; its subcommands: ${listed(subcommandNames(step.node))}` : '';
      return [`\`${full}\`: a ${of} subcommand${subs}.`, step.node.d].filter(Boolean).join('\n\n');
    }
    case 'unknown-subcommand': {
      const of = parent(step.path);
      return `\`${of} ${step.word.value}\`: not a ${of} subcommand OpsDocs knows (a plugin or alias, a subcommand newer than its spec, or a typo).`;
    }
    case 'option': {
      const names = namesOf(step.option).map((n) => `\`${n}\``).join(', ');
      const value = step.option.v ? (step.option.o ? ' Takes an optional value.' : ' Takes a value.') : '';
      return [`${names}: an option of \`${parent(step.path)}\`.${value}`, step.option.d].filter(Boolean).join('\n\n');
    }
    case 'unknown-option':
      return `\`${step.name}\`: not an option of \`${parent(step.path)}\` in its spec; OpsDocs reads no further on this line.`;
    case 'argument':
      return undefined;
  }
}

/** The offset in a block's content of a document offset on one of its content lines. */
function toContentOffset(block: CodeBlock, offset: number): number | undefined {
  let line = block.lineOffsets.length - 1;
  while (line >= 0 && block.lineOffsets[line] > offset) line--;
  if (line < 0) return undefined;
  const value = block.value;
  let lineStart = 0;
  for (let i = 0, n = 0; n < line && i < value.length; i++) {
    if (value[i] === '\n' || (value[i] === '\r' && value[i + 1] !== '\n')) {
      n++;
      lineStart = i + 1;
    }
  }
  return lineStart + (offset - block.lineOffsets[line]);
}

/** What `command-unknown` and `command-missing-script` make of a program name. */
function describeProgram(context: AuthoringContext, name: string, defined: Set<string>): string {
  const { config, document: doc, fs } = context;
  if (name.includes('/')) {
    if (path.isAbsolute(name)) return 'an absolute path: OpsDocs does not look it up.';
    const bases = [...new Set([path.dirname(doc.path), config.root])];
    const found = bases.map((base) => path.resolve(base, name)).find((file) => fs.stat(file) === 'file');
    return found
      ? `a script in the workspace (\`${toPosix(path.relative(config.root, found)) || name}\`).`
      : 'a workspace path that does not exist, from the document\'s folder or the workspace root (`command-missing-script`).';
  }
  const lookup = { doc, config, fs, defined, known: configuredPrograms(config) };
  const found = lookUpProgram(lookup, name);
  switch (found.kind) {
    case 'defined':
      return "a function or alias defined in this document's shell blocks.";
    case 'builtin':
      return 'a shell builtin or keyword.';
    case 'configured':
      return 'listed in `commands.known` of the config.';
    case 'known':
      return "a known tool (Debian's packages, Fig's autocomplete specs): OpsDocs expects readers of runbooks to have it.";
    case 'kubectl-plugin':
      return 'a kubectl plugin (`kubectl-<name>`, run as `kubectl <name>`).';
    case 'workspace':
      return `a program in the workspace (\`${toPosix(path.relative(config.root, found.file))}\`).`;
    case 'on-path':
      return "not a tool OpsDocs knows, but on this machine's PATH; readers may not have it (add it to `commands.known`).";
    case 'unknown': {
      const suggestion = closestProgram(lookup, name);
      return suggestion
        ? `unknown: no shell builtin, known tool, program on PATH or workspace script (\`command-unknown\`); did you mean \`${suggestion}\`?`
        : 'not known to OpsDocs: perhaps a tool of your site (add it to `commands.known`; `command-unknown`).';
    }
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
