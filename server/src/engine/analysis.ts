import * as path from 'node:path';
import picomatch from 'picomatch';
import type { OpsDocsConfig } from './config/config';
import type { DocType } from './config/docTypes';
import type { OpsDocument } from './document/parse';
import { findReviewDate, reviewStatus, type ReviewStatus } from './review/review';
import { matchEntries, matchSections, sectionHeadings, type EntryMatch, type SectionMatch } from './document/sections';
import type { CalendarDate } from './review/dates';
import { parseCycle } from './review/dates';

/** What the engine knows about a document beyond its syntax; computed once, read by rules and coverage. */
export interface Analysis {
  type?: DocType;
  typeSource?: 'frontmatter' | 'config';
  /** Each required section of the type, in the type's order, with the heading that provides it. */
  sections: SectionMatch[];
  entries: EntryMatch[];
  review: ReviewStatus;
}

export function analyze(doc: OpsDocument, config: OpsDocsConfig, today: CalendarDate): Analysis {
  const { type, source } = resolveType(doc, config);
  const sections = type ? matchSections(type.sections, sectionHeadings(doc)) : [];
  const within = type?.entries ? sections.find((s) => s.spec.name === type.entries!.within)?.heading : undefined;
  const entries = type?.entries ? matchEntries(doc, type.entries, within) : [];
  return { type, typeSource: source, sections, entries, review: reviewOf(doc, config, today) };
}

function resolveType(doc: OpsDocument, config: OpsDocsConfig): { type?: DocType; source?: 'frontmatter' | 'config' } {
  const declared = doc.frontMatter?.data?.type;
  if (typeof declared === 'string') {
    const type = config.types.find((t) => t.id === declared);
    return type ? { type, source: 'frontmatter' } : {};
  }
  const type = typeForPath(config, doc.path);
  return type ? { type, source: 'config' } : {};
}

/** The first configured type whose `match` globs take the path. */
export function typeForPath(config: OpsDocsConfig, file: string): DocType | undefined {
  const relative = toPosix(path.relative(config.root, file));
  return config.types.find((t) => t.match.length > 0 && matcherOf(t)(relative));
}

function reviewOf(doc: OpsDocument, config: OpsDocsConfig, today: CalendarDate): ReviewStatus {
  const declared = doc.frontMatter?.data?.review_cycle;
  const cycleText = typeof declared === 'string' && parseCycle(declared) ? declared : config.review.cycle;
  return reviewStatus(findReviewDate(doc), cycleText, config.review.warnDays, today);
}

const matchers = new WeakMap<DocType, (path: string) => boolean>();

function matcherOf(type: DocType): (path: string) => boolean {
  let matcher = matchers.get(type);
  if (!matcher) {
    matcher = picomatch(type.match, { dot: true });
    matchers.set(type, matcher);
  }
  return matcher;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
