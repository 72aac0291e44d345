import * as path from 'node:path';
import picomatch from 'picomatch';
import type { OpsDocsConfig } from '../config/config';
import type { DocType } from '../config/docTypes';
import { closest } from '../closest';
import type { OpsDocument } from './parse';
import { matchSections, sectionHeadings } from './sections';
import { stubKind, type StubKind } from './stubs';

/** Where a document's type comes from, as JSON output and the editor show it. */
export type TypeSource = 'frontmatter' | 'config' | 'inferred';

export interface Typing {
  type?: DocType;
  source?: TypeSource;
  /** Set when the page is a moved, deprecated or pointer stub rather than a document of its own. */
  stub?: StubKind;
}

/**
 * A document's type: its front matter `type`; else the first `types[].match` glob that takes
 * its path (an index or README page only when its headings agree); else, unless the config
 * says `types.infer: false`, the type its headings name. A stub is typed by front matter alone.
 */
export function resolveType(doc: OpsDocument, config: OpsDocsConfig): Typing {
  const stub = stubKind(doc);
  const declared = doc.frontMatter?.data?.type;
  if (typeof declared === 'string') {
    const type = config.types.find((t) => t.id === declared);
    if (type) return { type, source: 'frontmatter', stub };
    // A near miss of one of ours is a mistake (frontmatter-invalid says so); any other value is a
    // site generator's (Hugo's `type: docs`) and says nothing about ours.
    if (closest(declared, config.types.map((t) => t.id))) return { stub };
  }
  if (stub) return { stub };
  const byPath = typeForPath(config, doc.path);
  if (byPath && (!isIndexPage(doc.path) || namesEnoughSections(doc, byPath))) return { type: byPath, source: 'config' };
  const inferred = config.inferTypes ? inferType(doc, config.types) : undefined;
  return inferred ? { type: inferred, source: 'inferred' } : {};
}

/** The first configured type whose `match` globs take the path. */
export function typeForPath(config: OpsDocsConfig, file: string): DocType | undefined {
  const relative = toPosix(path.relative(config.root, file));
  return config.types.find((t) => t.match.length > 0 && matcherOf(t)(relative));
}

/**
 * README, index and `_index` pages introduce a folder (GitHub, MkDocs and Hugo show them as the
 * folder's page): a glob that names the folder's documents does not make them runbooks.
 */
export function isIndexPage(file: string): boolean {
  return /^(?:readme|index|_index)\.(?:md|markdown|mdx)$/i.test(path.basename(file));
}

/**
 * How many of a type's sections a document must name for its headings to type it: three at least,
 * and three in four (an alert runbook with three of Meaning / Impact / Diagnosis / Mitigation).
 * Measured on four public collections: 104 of their 104 alert runbooks reach it, and no other
 * document does for any type but a post-mortem template that names all six post-mortem sections.
 */
export function inferenceThreshold(type: DocType): number {
  return Math.max(3, Math.ceil((type.sections.length * 3) / 4));
}

/**
 * The type whose sections the headings name best, when they name enough of them. Only headings that
 * are a section's name or alias count, or a part of a heading that joins several ("Diagnosis and
 * Mitigation"): a heading that merely holds a name ("Azure AD Groups Overflow Resolution") does not.
 * A tie between two types is no answer.
 */
export function inferType(doc: OpsDocument, types: readonly DocType[]): DocType | undefined {
  const headings = sectionHeadings(doc);
  let best: { type: DocType; share: number } | undefined;
  let tied = false;
  for (const type of types) {
    if (type.sections.length < 3) continue;
    const named = matchSections(type.sections, headings, { exact: true }).filter((m) => m.heading).length;
    if (named < inferenceThreshold(type)) continue;
    const share = named / type.sections.length;
    if (best && share === best.share) tied = true;
    else if (!best || share > best.share) [best, tied] = [{ type, share }, false];
  }
  return tied ? undefined : best?.type;
}

function namesEnoughSections(doc: OpsDocument, type: DocType): boolean {
  return matchSections(type.sections, sectionHeadings(doc), { exact: true }).filter((m) => m.heading).length >= inferenceThreshold(type);
}

const matchers = new WeakMap<DocType, (path: string) => boolean>();

/** A type's globs; a glob starting with `!` leaves out what it matches (`!**\/_index.md`). */
function matcherOf(type: DocType): (path: string) => boolean {
  let matcher = matchers.get(type);
  if (!matcher) {
    const include = type.match.filter((g) => !g.startsWith('!'));
    const exclude = type.match.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
    const included = include.length > 0 ? picomatch(include, { dot: true }) : () => false;
    const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
    matcher = (file) => included(file) && !excluded(file);
    matchers.set(type, matcher);
  }
  return matcher;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
