import type { OpsDocsConfig } from './config/config';
import type { DocType } from './config/docTypes';
import type { OpsDocument } from './document/parse';
import { findReviewDate, reviewStatus, type ReviewStatus } from './review/review';
import { matchEntries, matchSections, sectionHeadings, type EntryMatch, type SectionMatch } from './document/sections';
import { resolveType, type TypeSource } from './document/typing';
import type { StubKind } from './document/stubs';
import type { CalendarDate } from './review/dates';
import { parseCycle } from './review/dates';

export { toPosix, typeForPath, type TypeSource } from './document/typing';

/** What the engine knows about a document beyond its syntax; computed once, read by rules and coverage. */
export interface Analysis {
  type?: DocType;
  typeSource?: TypeSource;
  /** A moved, deprecated or pointer page: no section or review findings. */
  stub?: StubKind;
  /**
   * A document a glob types that has none, or almost none (a quarter at most), of the type's
   * sections: likely no document of that type at all, so one finding says so, not one per section.
   */
  unlikeType?: boolean;
  /** Each required section of the type, in the type's order, with the heading that provides it. */
  sections: SectionMatch[];
  entries: EntryMatch[];
  review: ReviewStatus;
}

export function analyze(doc: OpsDocument, config: OpsDocsConfig, today: CalendarDate): Analysis {
  const { type, source, stub } = resolveType(doc, config);
  const sections = type ? matchSections(type.sections, sectionHeadings(doc)) : [];
  const within = type?.entries ? sections.find((s) => s.spec.name === type.entries!.within)?.heading : undefined;
  const entries = type?.entries ? matchEntries(doc, type.entries, within) : [];
  const present = sections.filter((s) => s.heading).length;
  const unlikeType = source === 'config' && sections.length > 0 && present * 4 <= sections.length;
  return { type, typeSource: source, stub, unlikeType, sections, entries, review: reviewOf(doc, config, today) };
}

function reviewOf(doc: OpsDocument, config: OpsDocsConfig, today: CalendarDate): ReviewStatus {
  const declared = doc.frontMatter?.data?.review_cycle;
  const cycleText = typeof declared === 'string' && parseCycle(declared) ? declared : config.review.cycle;
  return reviewStatus(findReviewDate(doc), cycleText, config.review.warnDays, today);
}
