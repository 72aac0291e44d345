import * as path from 'node:path';
import { Document, isMap, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { analyze, toPosix } from '../analysis';
import { CONFIG_FILE_NAMES, defaultConfig, type OpsDocsConfig } from '../config/config';
import { MAX_DOCUMENT_LENGTH, MAX_NESTING, nestingDepth } from '../engine';
import type { FileSystem } from '../fileSystem';
import { parseDocument } from '../document/parse';
import { isIndexPage } from '../document/typing';
import { todayLocal, type CalendarDate } from '../review/dates';
import { unknownProgramUses } from '../shell/lookUpProgram';
import { alertSetOf } from './alerts';
import { discoverDocuments } from './discover';

/**
 * `opsdocs init` and OpsDocs: Configure Workspace…: what a first `.opsdocs.yaml` of a folder
 * should say, read from its documents and rule files under the built-in defaults, each choice
 * with the figures behind it. Plain data; renderConfigProposal writes it as commented YAML.
 */
export interface ConfigProposal {
  root: string;
  /** Markdown documents the default `docs` globs find under the root. */
  documents: number;
  /** A type per folder whose documents mostly have that type's sections. */
  types: FolderType[];
  /** Documents typed by their headings outside the proposed folders (inference keeps typing them). */
  inferredElsewhere: Array<{ path: string; type: string }>;
  alerts: AlertProposal;
  /** Programs the documents run that OpsDocs does not know, most used first. */
  programs: ProgramProposal[];
  /** Unknown names that look like a typo of a known program: fixed in the document, not configured. */
  typos: number;
  review: ReviewProposal;
}

export interface FolderType {
  /** The folder, relative to the root, with forward slashes ('' for the root). */
  folder: string;
  glob: string;
  type: string;
  typeTitle: string;
  /** Documents under the folder whose headings infer the type. */
  inferred: number;
  /** Documents under the folder a glob can type (no README or index page, no stub, no front matter type). */
  of: number;
}

export interface AlertProposal {
  /** Rule files found by their content (groups: with alert: rules), relative, with their alert counts. */
  files: Array<{ path: string; alerts: number }>;
  /** Annotation keys the alerts name their runbooks with, most used first. */
  annotations: Array<{ key: string; alerts: number }>;
  alerts: number;
  /** Alerts with none of the annotation keys. */
  withoutRunbook: number;
}

export interface ProgramProposal {
  name: string;
  /** Documents that run it, relative. */
  documents: string[];
}

export interface ReviewProposal {
  cycle: string;
  warnDays: number;
  /** Typed documents (what review-missing asks a date of), and how many of them state one. */
  typed: number;
  stating: number;
  /** Whether any document states a review date: the collection has adopted them. */
  adopted: boolean;
  /** The cycle documents state most (front matter review_cycle), when any does. */
  statedCycle?: { cycle: string; documents: number };
}

/** A folder's documents are proposed a type when at least this many, and three in four of them, have it. */
const MIN_DOCUMENTS = 3;
const SHARE = 3 / 4;

/** The config file of a folder, when it has one: init never overwrites it, nor writes beside it. */
export function existingConfigFile(root: string, fs: FileSystem): string | undefined {
  return CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((file) => fs.stat(file) === 'file');
}

export function proposeConfig(root: string, fs: FileSystem, today: CalendarDate = todayLocal()): ConfigProposal {
  const config = defaultConfig(path.resolve(root));
  const files = discoverDocuments(config);
  const eligible: Array<{ path: string; type?: string }> = [];
  const inferred: Array<{ path: string; type: string }> = [];
  const programs = new Map<string, Set<string>>();
  const typos = new Set<string>();
  const review = { typed: 0, stating: 0, cycles: new Map<string, number>() };
  for (const file of files) {
    const text = fs.readFile(file);
    if (text === undefined || text.length > MAX_DOCUMENT_LENGTH || text.slice(0, 8192).includes('\u0000') || nestingDepth(text) > MAX_NESTING) continue;
    let document;
    try {
      document = parseDocument(file, text);
    } catch {
      continue;
    }
    const relative = toPosix(path.relative(config.root, file));
    const analysis = analyze(document, config, today);
    if (analysis.typeSource === 'inferred' && analysis.type) inferred.push({ path: relative, type: analysis.type.id });
    if (!analysis.stub && !isIndexPage(file) && analysis.typeSource !== 'frontmatter') eligible.push({ path: relative, type: analysis.typeSource === 'inferred' ? analysis.type?.id : undefined });
    if (analysis.type && !analysis.stub) {
      review.typed++;
      if (analysis.review.state !== 'none') review.stating++;
    }
    const cycle = document.frontMatter?.data?.review_cycle;
    if (typeof cycle === 'string' && cycle.trim()) review.cycles.set(cycle.trim(), (review.cycles.get(cycle.trim()) ?? 0) + 1);
    for (const use of unknownProgramUses(document, config, fs)) {
      if (use.suggestion) typos.add(use.name);
      else programs.set(use.name, (programs.get(use.name) ?? new Set()).add(relative));
    }
  }
  const types = folderTypes(eligible, config);
  const covered = (p: string) => types.some((t) => t.type === inferred.find((i) => i.path === p)?.type && (t.folder === '' || p.startsWith(`${t.folder}/`)));
  const statedCycle = [...review.cycles].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return {
    root: config.root,
    documents: files.length,
    types,
    inferredElsewhere: inferred.filter((i) => !covered(i.path)),
    alerts: alertProposal(config, fs),
    programs: [...programs]
      .map(([name, documents]) => ({ name, documents: [...documents].sort() }))
      .sort((a, b) => b.documents.length - a.documents.length || a.name.localeCompare(b.name)),
    typos: typos.size,
    review: {
      cycle: statedCycle?.[0] ?? config.review.cycle,
      warnDays: config.review.warnDays,
      typed: review.typed,
      stating: review.stating,
      adopted: review.stating > 0,
      statedCycle: statedCycle && { cycle: statedCycle[0], documents: statedCycle[1] },
    },
  };
}

/**
 * The folders to type by glob: from the root down, the first folder where enough documents have
 * one type, narrowed while one subfolder holds every one of them (`content/runbooks/`, not `./`).
 */
function folderTypes(documents: Array<{ path: string; type?: string }>, config: OpsDocsConfig): FolderType[] {
  const proposals: FolderType[] = [];
  const under = (folder: string) => documents.filter((d) => folder === '' || d.path.startsWith(`${folder}/`));
  const visit = (folder: string) => {
    const here = under(folder);
    const counts = new Map<string, number>();
    for (const d of here) if (d.type) counts.set(d.type, (counts.get(d.type) ?? 0) + 1);
    const [best] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    if (best && best[1] >= MIN_DOCUMENTS && best[1] >= here.length * SHARE) {
      let at = folder;
      for (;;) {
        const typed = under(at).filter((d) => d.type === best[0]);
        const child = subfolders(at, typed).find((c) => typed.every((d) => d.path.startsWith(`${c}/`)));
        if (!child) break;
        at = child;
      }
      const inFolder = under(at);
      const type = config.types.find((t) => t.id === best[0])!;
      proposals.push({
        folder: at,
        glob: at === '' ? '**/*.md' : `${escapeGlob(at)}/**/*.md`,
        type: type.id,
        typeTitle: type.title,
        inferred: inFolder.filter((d) => d.type === best[0]).length,
        of: inFolder.length,
      });
      return;
    }
    for (const child of subfolders(folder, here)) visit(child);
  };
  visit('');
  return proposals;
}

/** A folder's name as a glob matches it literally (`docs/[old]` holds brackets, not a class). */
function escapeGlob(folder: string): string {
  return folder.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** The immediate subfolders of a folder that hold some of the documents. */
function subfolders(folder: string, documents: Array<{ path: string }>): string[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const names = new Set<string>();
  for (const d of documents) {
    const rest = d.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash > 0) names.add(prefix + rest.slice(0, slash));
  }
  return [...names].sort();
}

function alertProposal(config: OpsDocsConfig, fs: FileSystem): AlertProposal {
  const set = alertSetOf(config, fs);
  const keys = new Map<string, number>();
  for (const alert of set.alerts) if (alert.runbook) keys.set(alert.runbook.key, (keys.get(alert.runbook.key) ?? 0) + 1);
  return {
    files: set.files.filter((f) => f.alerts.length > 0).map((f) => ({ path: toPosix(path.relative(config.root, f.file)), alerts: f.alerts.length })),
    annotations: [...keys].map(([key, alerts]) => ({ key, alerts })).sort((a, b) => b.alerts - a.alerts || a.key.localeCompare(b.key)),
    alerts: set.alerts.length,
    withoutRunbook: set.alerts.filter((a) => !a.runbook).length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** A path as a comment can hold it: on one line. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
const MAX_LISTED_DOCUMENTS = 3;

/** The proposal as the text of `.opsdocs.yaml`: every choice with a comment that says why. */
export function renderConfigProposal(proposal: ConfigProposal): string {
  const content: Record<string, unknown> = {};
  if (proposal.types.length > 0) {
    const byType = new Map<string, FolderType[]>();
    for (const t of proposal.types) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
    content.types = [...byType].map(([id, folders]) => ({ id, match: folders.map((f) => f.glob) }));
  }
  const { alerts } = proposal;
  if (alerts.files.length > 0) {
    content.alerts = { files: alerts.files.map((f) => f.path), ...(alerts.annotations.length > 0 && { annotations: alerts.annotations.map((a) => a.key) }) };
  }
  content.review = { cycle: proposal.review.cycle, warnDays: proposal.review.warnDays };
  const doc = new Document(content);
  doc.commentBefore = [
    ` OpsDocs configuration, proposed by \`opsdocs init\` from the ${plural(proposal.documents, 'Markdown document')} under this folder.`,
    ' Each choice says why it was made: keep, change or remove it. Reference: https://github.com/opsdocs/opsdocs#configuration',
    ' Documents are found by the default docs glob (**/*.md, less node_modules, .git and .gitignore).',
  ].join('\n');
  const root = doc.contents as unknown as { items: Pair<Scalar, Node>[] };
  const pairOf = (key: string) => root.items.find((p) => p.key.value === key);

  const types = pairOf('types');
  if (types && isSeq(types.value)) {
    types.key.commentBefore = [
      ' Types by folder: a folder where most documents have the sections of one type has them typed by a glob,',
      ' so that one that lacks them is told which. README and index pages are typed by it only when their headings agree.',
      ...elsewhereLines(proposal),
    ].join('\n');
    for (const entry of types.value.items) {
      if (!isMap(entry)) continue;
      const match = entry.get('match', true);
      if (!isSeq(match)) continue;
      for (const item of match.items as Scalar[]) {
        const folder = proposal.types.find((t) => t.glob === item.value)!;
        const where = folder.folder === '' ? 'in this folder' : `under ${oneLine(folder.folder)}/`;
        item.commentBefore = ` ${folder.inferred} of ${plural(folder.of, 'document')} ${where} have the sections of ${article(folder.typeTitle)} ${folder.typeTitle.toLowerCase()}`;
      }
    }
  }
  const alertsPair = pairOf('alerts');
  if (alertsPair) {
    const files = alerts.files.length;
    const lines = [
      ` ${plural(files, 'Prometheus rule file')} (groups: with alert: rules) found by ${files === 1 ? 'its' : 'their'} content, with ${plural(alerts.alerts, 'alert')}:`,
      ...alerts.files.map((f) => `   ${oneLine(f.path)}: ${plural(f.alerts, 'alert')}`),
      ' Listed, a rule file added later is not read until it is listed too; remove `files` to find them by content again.',
    ];
    if (alerts.annotations.length > 0) {
      const used = alerts.annotations.map((a) => `${a.key} (${plural(a.alerts, 'alert')})`).join(', ');
      lines.push(` Their alerts name their runbooks in ${used}${alerts.withoutRunbook > 0 ? `; ${alerts.withoutRunbook} name none` : ''}.`);
    } else {
      lines.push(' None of their alerts names a runbook (runbook_url, runbook or link): add annotations naming the key your alerts will use.');
    }
    alertsPair.key.commentBefore = lines.join('\n');
  }
  const review = pairOf('review')!;
  review.key.commentBefore = reviewLines(proposal.review).join('\n');
  // Adopting review dates asks one of every typed document at once: a person's choice, offered commented out.
  if (!proposal.review.adopted && proposal.review.typed > 0 && isMap(review.value)) review.value.comment = ' required: true';
  // A blank line between choices; the first follows the header's.
  for (const pair of root.items.slice(1)) pair.key.spaceBefore = true;

  const after: string[] = [];
  if (proposal.types.length === 0) {
    after.push(
      ` Types: no folder has ${MIN_DOCUMENTS} or more documents, three in four of them with the sections of one type, so none is typed by a glob.`,
      ...elsewhereLines(proposal),
      ' A folder can be typed by a glob (types: [{ id: runbook, match: runbooks/**/*.md }]), or a document by its front matter (type: runbook).',
      '',
    );
  }
  if (alerts.files.length === 0) {
    after.push(
      ' No Prometheus rule file (groups: with alert: rules) was found: OpsDocs keeps looking for them by content.',
      ' Rule files elsewhere, or rendered from templates, can be named: alerts: [monitoring/rules/**/*.yaml]',
      '',
    );
  }
  after.push(...programLines(proposal));
  doc.comment = after.join('\n');
  return doc.toString({ lineWidth: 0 });
}

function article(title: string): string {
  return /^[aeiou]/i.test(title) ? 'an' : 'a';
}

function elsewhereLines(proposal: ConfigProposal): string[] {
  const others = proposal.inferredElsewhere;
  if (others.length === 0) return [];
  const listed = others.slice(0, MAX_LISTED_DOCUMENTS).map((o) => `${oneLine(o.path)} (${o.type})`).join(', ');
  const outside = proposal.types.length > 0 ? ` ${plural(others.length, 'other document')} outside these folders` : ` ${plural(others.length, 'document')}`;
  return [`${outside} ${others.length === 1 ? 'is' : 'are'} typed by ${others.length === 1 ? 'its' : 'their'} headings still: ${listed}${others.length > MAX_LISTED_DOCUMENTS ? ', …' : ''}.`];
}

function reviewLines(review: ReviewProposal): string[] {
  if (review.typed === 0) {
    return [
      ' Review dates: review-missing asks one of typed documents only, and no document has a type yet',
      ' (front matter type, a types glob, or headings with most of a type\'s sections).',
      ' Once a document states one (front matter last_reviewed: YYYY-MM-DD), the collection has adopted review dates.',
    ];
  }
  if (!review.adopted) {
    return [
      ` Review dates: no document states one yet, so review-missing asks none of the ${plural(review.typed, 'typed document')}.`,
      ' To adopt them, uncomment `required: true` below: every typed document without a date is then reported.',
      ' Stating one date (front matter last_reviewed: YYYY-MM-DD, or OpsDocs: Mark Document as Reviewed) adopts them too.',
      ' Each document is due a review after this cycle (front matter review_cycle overrides it).',
    ];
  }
  const lines = [` Review dates: ${review.stating} of ${plural(review.typed, 'typed document')} state one; those without are reported by review-missing.`];
  if (review.statedCycle) lines.push(` The cycle is the one documents state most (review_cycle: ${review.statedCycle.cycle} in ${plural(review.statedCycle.documents, 'document')}).`);
  else lines.push(' No document states a review_cycle: the default cycle, quarterly, is kept.');
  return lines;
}

function programLines(proposal: ConfigProposal): string[] {
  const { programs, typos } = proposal;
  if (programs.length === 0) {
    return [` Every program the documents run is known to OpsDocs${typos > 0 ? `, but for ${plural(typos, 'name')} that look${typos === 1 ? 's' : ''} like a typo (command-unknown suggests the program meant)` : ''}.`];
  }
  const lines = [
    ` ${plural(programs.length, 'program')} the documents run ${programs.length === 1 ? 'is' : 'are'} not known to OpsDocs (command-unknown notes each).`,
    ' Uncomment those your readers have; leave out what is a mistake in the document.',
  ];
  if (typos > 0) lines.push(` ${plural(typos, 'other name')} look${typos === 1 ? 's' : ''} like a typo of a known program and ${typos === 1 ? 'is' : 'are'} not listed.`);
  lines.push(' commands:', '   known:');
  for (const program of programs) {
    const docs = program.documents;
    const listed = docs.slice(0, MAX_LISTED_DOCUMENTS).map(oneLine).join(', ') + (docs.length > MAX_LISTED_DOCUMENTS ? ', …' : '');
    lines.push(`     - ${program.name} # ${plural(docs.length, 'document')}: ${listed}`);
  }
  return lines;
}

/** One line of what was proposed, for the terminal and the editor's message. */
export function proposalSummary(proposal: ConfigProposal): string {
  return [
    `${plural(proposal.types.length, 'folder')} typed`,
    `${plural(proposal.alerts.files.length, 'rule file')}`,
    `${plural(proposal.programs.length, 'unknown program')} to review`,
    proposal.review.adopted ? 'review dates in use' : 'review dates not yet adopted',
  ].join(', ');
}
