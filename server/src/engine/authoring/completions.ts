import * as path from 'node:path';
import type { Analysis } from '../analysis';
import { allCodeBlocks } from '../document/codeBlocks';
import type { OpsDocsConfig } from '../config/config';
import { CYCLE_NAMES, formatIsoDate, parseCycle, type CalendarDate, type Cycle } from '../review/dates';
import type { DocType, SectionSpec } from '../config/docTypes';
import { DRILLED_TYPES } from '../review/drill';
import type { FileSystem } from '../fileSystem';
import { documentAnchors, MARKDOWN_FILE, targetDocument } from '../document/links';
import { slugFlavourFor } from '../document/slugs';
import type { OpsDocument } from '../document/parse';
import { REVIEW_KEYS } from '../review/review';
import type { Position, Range } from '../types';

/**
 * Completions as plain data: what the editor offers while a document is written. The language
 * server turns these into LSP items; nothing here knows of an editor.
 */
export type CompletionKind = 'section' | 'key' | 'value' | 'file' | 'folder' | 'anchor';

export interface Completion {
  label: string;
  kind: CompletionKind;
  /** Replaces `range`: the text typed so far of what is completed. */
  insertText: string;
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Matched against what was typed, when it differs from the label. */
  filterText?: string;
  /** Ask for completions again after this one is inserted (a folder, a key whose value OpsDocs knows). */
  retrigger?: boolean;
}

/** A document as the engine analysed it, and what completions and hovers read besides. */
export interface AuthoringContext {
  document: OpsDocument;
  analysis: Analysis;
  config: OpsDocsConfig;
  fs: FileSystem;
  today: CalendarDate;
}

/** Characters after which an editor should ask for completions. */
export const COMPLETION_TRIGGERS = ['#', '/', '(', ':'];

/** Most entries of a folder offered at once; a larger folder is filtered by typing anyway. */
const MAX_ENTRIES = 500;

/** What to offer at a position, in the order to show it (the type's order, the document's order). */
export function completionsAt(context: AuthoringContext, position: Position): Completion[] {
  const { document: doc } = context;
  if (position.line >= doc.lines.lineCount) return [];
  const lineStart = doc.lines.lineStart(position.line);
  const lineText = doc.lines.lineText(position.line);
  const column = Math.min(position.character, lineText.length);
  const line = { start: lineStart, text: lineText, prefix: lineText.slice(0, column), rest: lineText.slice(column), number: position.line };
  const frontMatter = frontMatterLines(doc);
  if (frontMatter && position.line >= frontMatter.first && position.line <= frontMatter.last) {
    return frontMatterCompletions(context, line, frontMatter);
  }
  if (frontMatter && position.line < frontMatter.first) return [];
  return linkCompletions(context, line) ?? headingCompletions(context, line, lineStart + column);
}

interface CursorLine {
  /** Offset of the line's start in the document. */
  start: number;
  text: string;
  /** The line up to the cursor, and after it. */
  prefix: string;
  rest: string;
  number: number;
}

function rangeOf(line: CursorLine, from: number, to: number): Range {
  return { start: { line: line.number, character: from }, end: { line: line.number, character: to } };
}

// ---------------------------------------------------------------------------------------------
// Front matter

/**
 * The lines of the YAML between the fences (1-based lines of the document, inclusive). Found by
 * lines, not by the parser, so that front matter being typed (not closed yet) still counts.
 */
function frontMatterLines(doc: OpsDocument): { first: number; last: number } | undefined {
  if (!/^---[ \t]*$/.test(doc.lines.lineText(0))) return undefined;
  for (let line = 1; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text)) return { first: 1, last: line - 1 };
    // Not closed yet: the keys end where the Markdown starts.
    if (/^#{1,6}(?:\s|$)/.test(text)) return { first: 1, last: line - 1 };
  }
  return { first: 1, last: doc.lines.lineCount - 1 };
}

interface KeySpec {
  key: string;
  detail: string;
  documentation: string;
  /** OpsDocs completes this key's value. */
  hasValues?: boolean;
  /** Only for documents of these types (and untyped ones, which may be becoming one). */
  types?: readonly string[];
}

function keySpecs(config: OpsDocsConfig): KeySpec[] {
  const cycles = 'A cycle: `30d`, `2w`, `6m`, `1y`, `weekly`, `monthly`, `quarterly`, `yearly`.';
  return [
    { key: 'title', detail: 'document title', documentation: "The document's title, as search and the coverage report show it." },
    { key: 'type', detail: 'document type', documentation: 'The document type: which sections the document must have, in which order.', hasValues: true },
    { key: 'owner', detail: 'owning team or person', documentation: 'Who keeps this document current.' },
    {
      key: 'last_reviewed',
      detail: 'review date (YYYY-MM-DD)',
      documentation: 'When the document was last reviewed. `review-stale` and `review-due-soon` count its cycle from this date.',
      hasValues: true,
    },
    {
      key: 'review_cycle',
      detail: `review cycle (default ${config.review.cycle})`,
      documentation: `How often the document must be reviewed, when not every \`${config.review.cycle}\` (the config's \`review.cycle\`). ${cycles}`,
      hasValues: true,
    },
    { key: 'tags', detail: 'list of tags', documentation: 'Tags, as a YAML list: `tags: [database, failover]`.' },
    {
      key: 'last_tested',
      detail: 'last drill (YYYY-MM-DD)',
      documentation: 'When the procedure was last exercised in a drill. `drill-stale` counts `test_cycle` from this date.',
      hasValues: true,
      types: DRILLED_TYPES,
    },
    {
      key: 'test_cycle',
      detail: 'drill cycle (default quarterly)',
      documentation: `How often the procedure must be drilled (default \`quarterly\`). ${cycles}`,
      hasValues: true,
      types: DRILLED_TYPES,
    },
    {
      key: 'reviewed_by',
      detail: 'reviewer',
      documentation: 'Who reviewed the document last; **OpsDocs: Mark Document as Reviewed** writes it when `review.reviewer` is configured.',
      hasValues: config.review.reviewer !== undefined,
    },
  ];
}

const KEY_LINE = /^([A-Za-z_][\w-]*)[ \t]*:([ \t]*)(\S*)$/;

function frontMatterCompletions(context: AuthoringContext, line: CursorLine, lines: { first: number; last: number }): Completion[] {
  const valueLine = KEY_LINE.exec(line.prefix);
  if (valueLine) {
    const [, key, spaces, typed] = valueLine;
    const from = line.prefix.length - typed.length;
    const to = line.prefix.length + /^\S*/.exec(line.rest)![0].length;
    // Right after the colon the value needs its blank.
    const lead = spaces === '' ? ' ' : '';
    return valueCompletions(context, key).map((item) => ({
      ...item,
      kind: 'value' as const,
      insertText: lead + item.insertText,
      filterText: lead + item.label,
      range: rangeOf(line, from, to),
    }));
  }
  if (!/^[A-Za-z_]?[\w-]*$/.test(line.prefix)) return [];
  const doc = context.document;
  const present = new Set<string>();
  for (let n = lines.first; n <= lines.last; n++) {
    const key = n === line.number ? undefined : /^([A-Za-z_][\w-]*)[ \t]*:/.exec(doc.lines.lineText(n))?.[1];
    if (key) present.add(key);
  }
  if ([...present].some((key) => REVIEW_KEYS.includes(key))) present.add('last_reviewed');
  const typeId = context.analysis.type?.id;
  const to = line.prefix.length + /^[\w-]*/.exec(line.rest)![0].length;
  const rest = line.rest.slice(to - line.prefix.length);
  // Completing a key that already has its colon replaces the name only.
  const hasColon = /^[ \t]*:/.test(rest);
  return keySpecs(context.config)
    .filter((spec) => !present.has(spec.key))
    .filter((spec) => !spec.types || !typeId || spec.types.includes(typeId))
    .map((spec) => ({
      label: spec.key,
      kind: 'key' as const,
      insertText: hasColon ? spec.key : `${spec.key}: `,
      range: rangeOf(line, 0, to),
      detail: spec.detail,
      documentation: spec.documentation,
      retrigger: spec.hasValues && !hasColon,
    }));
}

type ValueItem = Omit<Completion, 'kind' | 'range'>;

function valueCompletions(context: AuthoringContext, key: string): ValueItem[] {
  const { config, today } = context;
  if (key === 'type') return config.types.map(typeItem);
  if (key === 'review_cycle' || key === 'test_cycle') {
    const fallback = key === 'review_cycle' ? config.review.cycle : 'quarterly';
    const names = [...CYCLE_NAMES, '30d', '2w', '6m', '1y'];
    return names.map((name) => ({
      label: name,
      insertText: name,
      detail: `${describeCycle(parseCycle(name)!)}${name === fallback ? ' (the default)' : ''}`,
    }));
  }
  if (REVIEW_KEYS.includes(key) || key === 'last_tested') {
    const date = formatIsoDate(today);
    return [{ label: date, insertText: date, detail: 'today' }];
  }
  if (key === 'reviewed_by' && config.review.reviewer) {
    return [{ label: config.review.reviewer, insertText: config.review.reviewer, detail: 'review.reviewer of the config' }];
  }
  return [];
}

function typeItem(type: DocType): ValueItem {
  const sections = type.sections.map((s) => s.name).join(' · ');
  return {
    label: type.id,
    insertText: type.id,
    detail: type.title,
    documentation: `${type.description}\n\nRequired sections: ${sections || 'none'}`.trim(),
  };
}

/** `{ amount: 3, unit: 'month' }` → "every 3 months". */
export function describeCycle(cycle: Cycle): string {
  if (cycle.unit === 'day') {
    if (cycle.amount % 7 === 0) return cycle.amount === 7 ? 'every week' : `every ${cycle.amount / 7} weeks`;
    return cycle.amount === 1 ? 'every day' : `every ${cycle.amount} days`;
  }
  if (cycle.amount % 12 === 0) return cycle.amount === 12 ? 'every year' : `every ${cycle.amount / 12} years`;
  return cycle.amount === 1 ? 'every month' : `every ${cycle.amount} months`;
}

// ---------------------------------------------------------------------------------------------
// Headings

function headingCompletions(context: AuthoringContext, line: CursorLine, offset: number): Completion[] {
  const marker = /^ {0,3}(#{1,6})/.exec(line.prefix);
  const { analysis, document: doc } = context;
  if (!marker || !analysis.type || insideCodeBlock(doc, offset)) return [];
  const hashes = marker[1];
  const afterHashes = line.prefix.slice(marker[0].length);
  const blank = afterHashes.length - trimStartBlanks(afterHashes).length;
  // `#tag` or `####### x` is no heading.
  if (afterHashes !== '' && blank === 0) return [];
  const from = afterHashes === '' ? line.prefix.length : marker[0].length + blank;
  const to = trimEndBlanks(line.text).length;
  const range = rangeOf(line, from, Math.max(from, to));
  const lead = afterHashes === '' ? ' ' : '';
  const type = analysis.type;
  const items: Completion[] = [];
  const entry = analysis.entries.find((e) => e.heading.start < offset && offset <= e.heading.sectionEnd && e.heading.depth < hashes.length);
  for (const part of entry?.parts ?? []) {
    if (part.at !== undefined) continue;
    items.push(sectionItem(part.spec, `part of the ${type.id} entry "${entry!.heading.text}"`, lead, range));
  }
  analysis.sections.forEach((match, index) => {
    if (match.heading) return;
    const specs = type.sections;
    const after = specs[index - 1]?.name;
    const before = specs[index + 1]?.name;
    const place = [after && `after *${after}*`, before && `before *${before}*`].filter(Boolean).join(', ');
    items.push(sectionItem(match.spec, `required by ${type.id}`, lead, range, `Section ${index + 1} of ${specs.length}${place ? `, ${place}` : ''}.`));
  });
  return items;
}

function trimStartBlanks(text: string): string {
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  return text.slice(start);
}

function trimEndBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

function sectionItem(spec: SectionSpec, detail: string, lead: string, range: Range, place?: string): Completion {
  const parts = [guidance(spec)];
  if (place) parts.push(place);
  if (spec.aliases.length > 0) parts.push(`Also accepted: ${spec.aliases.join(', ')}.`);
  return {
    label: spec.name,
    kind: 'section',
    insertText: lead + spec.name,
    filterText: lead + spec.name,
    range,
    detail,
    documentation: parts.join('\n\n'),
  };
}

/** A section's template without its `TODO:` marker: what the type expects there. */
export function guidance(spec: SectionSpec): string {
  return spec.template.replace(/^\s*TODO:?\s*/i, '').trim();
}

function insideCodeBlock(doc: OpsDocument, offset: number): boolean {
  return allCodeBlocks(doc).some(({ node }) => node.position!.start.offset! < offset && offset <= node.position!.end.offset!);
}

// ---------------------------------------------------------------------------------------------
// Links

/** `](dest` of a link or image, or `[id]: dest` of a definition, up to the cursor. */
const LINK_DESTINATION = /\]\([ \t]*(<?)([^\s()<>]*)$/;
const DEFINITION_DESTINATION = /^ {0,3}\[[^\]]+\]:[ \t]*(<?)([^\s<>]*)$/;
const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** Undefined when the cursor is in no link destination. */
function linkCompletions(context: AuthoringContext, line: CursorLine): Completion[] | undefined {
  const match = LINK_DESTINATION.exec(line.prefix) ?? DEFINITION_DESTINATION.exec(line.prefix);
  if (!match) return undefined;
  const [, bracket, typed] = match;
  if (EXTERNAL.test(typed)) return [];
  const bracketed = bracket === '<';
  const hash = typed.indexOf('#');
  if (hash >= 0) {
    const fragment = typed.slice(hash + 1);
    const from = line.prefix.length - fragment.length;
    const to = line.prefix.length + /^[^\s)>]*/.exec(line.rest)![0].length;
    return anchorItems(context, typed.slice(0, hash), rangeOf(line, from, to));
  }
  const slash = typed.lastIndexOf('/');
  const partial = typed.slice(slash + 1);
  const from = line.prefix.length - partial.length;
  const to = line.prefix.length + /^[^\s/#)>]*/.exec(line.rest)![0].length;
  return pathItems(context, typed.slice(0, slash + 1), partial, bracketed, rangeOf(line, from, to));
}

/** The file or folder a destination names, relative to the document (or, with a leading `/`, to the config's folder). */
function resolveDestination(context: AuthoringContext, destination: string): string {
  const decoded = safeDecode(destination);
  const base = decoded.startsWith('/') ? context.config.root : path.dirname(context.document.path);
  return path.resolve(base, decoded.replace(/^\/+/, ''));
}

function pathItems(context: AuthoringContext, folderPart: string, partial: string, bracketed: boolean, range: Range): Completion[] {
  const folder = resolveDestination(context, folderPart || '.');
  const names = context.fs.readDirectory(folder);
  if (!names) return [];
  const items: Array<Completion & { order: number }> = [];
  for (const name of names) {
    if ((name.startsWith('.') && !partial.startsWith('.')) || name === 'node_modules') continue;
    const file = path.join(folder, name);
    if (file === context.document.path) continue;
    const kind = context.fs.stat(file);
    if (!kind) continue;
    const written = bracketed ? name : encodeDestination(name);
    items.push({
      label: kind === 'directory' ? `${name}/` : name,
      kind: kind === 'directory' ? 'folder' : 'file',
      insertText: kind === 'directory' ? `${written}/` : written,
      filterText: kind === 'directory' ? `${written}/` : written,
      range,
      detail: kind === 'directory' ? 'folder' : MARKDOWN_FILE.test(name) ? 'Markdown document' : 'file',
      retrigger: kind === 'directory' || undefined,
      order: kind === 'directory' ? 0 : MARKDOWN_FILE.test(name) ? 1 : 2,
    });
    if (items.length >= MAX_ENTRIES) break;
  }
  items.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label));
  return items.map(({ order: _order, ...item }) => item);
}

/** Blanks and parentheses cannot stand in a bare destination. */
function encodeDestination(name: string): string {
  return name.replace(/[ ()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

function anchorItems(context: AuthoringContext, filePart: string, range: Range): Completion[] {
  const { document: doc, fs } = context;
  let target: OpsDocument | undefined = doc;
  let where = 'this document';
  if (filePart) {
    const file = resolveDestination(context, filePart);
    if (!MARKDOWN_FILE.test(file) || fs.stat(file) !== 'file') return [];
    target = file === doc.path ? doc : targetDocument(fs, file);
    where = path.basename(file);
  }
  if (!target) return [];
  const seen = new Set<string>();
  const items: Completion[] = [];
  // The ids of the host that renders the target (GitHub's when unknown).
  for (const { id, heading } of documentAnchors(target, slugFlavourFor(context.config, target.path, fs)).offered) {
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({
      label: id,
      kind: 'anchor',
      insertText: id,
      range,
      detail: heading !== undefined ? `heading "${heading}" in ${where}` : `anchor in ${where}`,
    });
  }
  return items;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` is no escape: the path typed so far is completed as written.
    return text;
  }
}
