import type { Heading, OpsDocument } from './parse';
import type { EntrySpec, SectionSpec } from '../config/docTypes';
import { holdsName, isName, normalizeHeading, partsOf, stemsOf, type Stems } from './headingWords';

export interface SectionMatch {
  spec: SectionSpec;
  heading?: Heading;
}

export { normalizeHeading };

const namesBySpec = new WeakMap<SectionSpec, Stems[]>();

/** The section's name and aliases, as stems. */
function names(spec: SectionSpec): Stems[] {
  let stems = namesBySpec.get(spec);
  if (!stems) {
    stems = [spec.name, ...spec.aliases].map(stemsOf).filter((s) => s.length > 0);
    namesBySpec.set(spec, stems);
  }
  return stems;
}

/**
 * The headings that can hold required sections: all of them but a leading title
 * (`# Payment Service Rollback` names the document, not its Rollback section), even when
 * the title is the document's only heading. With several `#` headings there is no title:
 * the document's sections are at the top level.
 */
export function sectionHeadings(doc: OpsDocument): Heading[] {
  const [first, ...rest] = doc.headings;
  const isTitle = first?.depth === 1 && rest.every((h) => h.depth > 1);
  return isTitle ? rest : doc.headings;
}

/** A heading as the matcher sees it: its words, and the parts it joins ("Diagnosis and Mitigation"). */
interface Candidate {
  heading: Heading;
  whole: Stems;
  parts: Stems[];
  /** Taken as a whole, or through one of its parts. */
  taken: boolean;
  takenParts: Set<number>;
}

/**
 * Pairs each required section with the heading that provides it. A heading is the section's
 * name or alias (any word form), or joins it with others ("Diagnosis and Mitigation" provides
 * both), or holds it as whole words ("Emergency Rollback Procedures"). Exact names win over
 * joined parts, and those over headings that merely hold a name; a heading serves one section,
 * or one section per part it joins. With `exact`, only names and joined parts count (type inference
 * wants no guesswork).
 */
export function matchSections(specs: readonly SectionSpec[], headings: readonly Heading[], options: { exact?: boolean } = {}): SectionMatch[] {
  const candidates: Candidate[] = headings.map((heading) => ({ heading, whole: stemsOf(heading.text), parts: partsOf(heading.text), taken: false, takenParts: new Set() }));
  const matches: SectionMatch[] = specs.map((spec) => ({ spec }));
  const take = (test: (candidate: Candidate, name: Stems) => number | 'whole' | undefined) => {
    for (const match of matches) {
      if (match.heading) continue;
      for (const candidate of candidates) {
        const got = names(match.spec).map((name) => test(candidate, name)).find((g) => g !== undefined);
        if (got === undefined) continue;
        match.heading = candidate.heading;
        if (got === 'whole') candidate.taken = true;
        else candidate.takenParts.add(got);
        break;
      }
    }
  };
  const free = (c: Candidate) => !c.taken && c.takenParts.size === 0;
  const partWhere = (c: Candidate, test: (part: Stems) => boolean) => {
    if (c.taken) return undefined;
    const index = c.parts.findIndex((part, i) => !c.takenParts.has(i) && test(part));
    return index >= 0 ? index : undefined;
  };
  take((c, name) => (free(c) && isName(c.whole, name) ? 'whole' : undefined));
  take((c, name) => (c.parts.length > 1 ? partWhere(c, (part) => isName(part, name)) : undefined));
  if (!options.exact) take((c, name) => partWhere(c, (part) => holdsName(part, name)));
  return matches;
}

export interface EntryMatch {
  heading: Heading;
  /** Each part with the offset of its label, if present. */
  parts: Array<{ spec: SectionSpec; at?: number }>;
  /** Whether the entry labels its parts with bold text (`**Symptoms**:`) rather than headings. */
  usesBoldLabels: boolean;
}

const BOLD_LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)([^*_\r\n]{1,60}?)[ \t]*(?::[ \t]*)?(?:\*\*|__)/gm;

/** Troubleshooting-style entries and the parts each of them has. */
export function matchEntries(doc: OpsDocument, spec: EntrySpec, within?: Heading): EntryMatch[] {
  const candidates = sectionHeadings(doc);
  const children = within ? directChildren(candidates, within) : [];
  const entries = candidates.filter((h) => children.includes(h) || spec.headingPattern.test(normalizeHeading(h.text)));
  return entries.map((heading) => matchEntry(doc, spec, heading, candidates));
}

function directChildren(headings: readonly Heading[], parent: Heading): Heading[] {
  const inside = headings.filter((h) => h.start > parent.start && h.start < parent.sectionEnd);
  const depth = Math.min(...inside.map((h) => h.depth));
  return inside.filter((h) => h.depth === depth);
}

function matchEntry(doc: OpsDocument, spec: EntrySpec, heading: Heading, headings: readonly Heading[]): EntryMatch {
  // Each label as the parts it joins ("**Diagnosis & Resolution**:" labels two parts), with where it is.
  const labels: Array<{ parts: Stems[]; at: number }> = [];
  const body = doc.text.slice(heading.end, heading.sectionEnd);
  for (const match of body.matchAll(BOLD_LABEL)) labels.push({ parts: partsOf(match[1]), at: heading.end + match.index! + match[0].indexOf(match[1]) });
  const usesBoldLabels = labels.length > 0;
  for (const sub of headings) {
    if (sub.start > heading.start && sub.start < heading.sectionEnd) labels.push({ parts: partsOf(sub.text), at: sub.start });
  }
  const labelFor = (part: SectionSpec) => labels.find((label) => label.parts.some((words) => names(part).some((name) => isName(words, name))))?.at;
  const parts = spec.parts.map((part) => ({ spec: part, at: labelFor(part) }));
  return { heading, parts, usesBoldLabels };
}
