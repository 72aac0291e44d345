import { RecentCache } from '../recentCache';
import type { Heading, OpsDocument } from './parse';
import type { EntrySpec, SectionSpec } from '../config/docTypes';
import { isName, nameAt, normalizeHeading, partsOf, stemsOf, type Stems } from './headingWords';

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
  let headings = sectionHeadingsOf.get(doc);
  if (!headings) {
    const [first, ...rest] = doc.headings;
    const isTitle = first?.depth === 1 && rest.every((h) => h.depth > 1);
    headings = isTitle ? rest : doc.headings;
    sectionHeadingsOf.set(doc, headings);
  }
  return headings;
}

/** One array per document, so that every type is matched against one index of its headings. */
const sectionHeadingsOf = new WeakMap<OpsDocument, Heading[]>();

/** A heading's words as the matcher reads them, worked out once per heading. */
interface HeadingWords {
  whole: Stems;
  /** The parts it joins ("Diagnosis and Mitigation"), or the whole as its one part. */
  parts: Stems[];
  /** The first letters of each of its words, to pass over headings that cannot hold a name. */
  prefixes: Set<string>;
}

const wordsByHeading = new WeakMap<Heading, HeadingWords>();
/** By text too: each keystroke's parse makes new headings, most with the words of the last one's. */
const wordsByText = new RecentCache<string, HeadingWords>(5000);

function wordsOf(heading: Heading): HeadingWords {
  let words = wordsByHeading.get(heading);
  if (!words) {
    words = wordsByText.get(heading.text);
    if (!words) {
      const whole = stemsOf(heading.text);
      words = { whole, parts: partsOf(heading.text), prefixes: new Set(whole.map(prefixOf)) };
      wordsByText.set(heading.text, words);
    }
    wordsByHeading.set(heading, words);
  }
  return words;
}

/** Stems the matcher takes for one word share their first four letters (see sameStem). */
function prefixOf(stem: string): string {
  return stem.slice(0, 4);
}

function keyOf(stems: Stems): string {
  return `${stems.length}:${prefixOf(stems[0] ?? '')}`;
}

/** The headings of one document as the matcher reads them, indexed once for every type matched against them. */
interface HeadingIndex {
  words: HeadingWords[];
  /** Headings by the key of their words. */
  whole: Map<string, number[]>;
  /** The parts of headings that join several, by the key of their words. */
  parts: Map<string, Array<[heading: number, part: number]>>;
}

const indexes = new WeakMap<readonly Heading[], HeadingIndex>();

function indexOf(headings: readonly Heading[]): HeadingIndex {
  let index = indexes.get(headings);
  if (index) return index;
  index = { words: headings.map(wordsOf), whole: new Map(), parts: new Map() };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  index.words.forEach((words, i) => {
    push(index!.whole, keyOf(words.whole), i);
    if (words.parts.length > 1) words.parts.forEach((part, j) => push(index!.parts, keyOf(part), [i, j] as [number, number]));
  });
  indexes.set(headings, index);
  return index;
}

/** What one matching has taken of the headings: a heading whole, or some of its parts. */
interface Taken {
  whole: boolean[];
  parts: Array<Set<number> | undefined>;
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
  const index = indexOf(headings);
  const taken: Taken = { whole: [], parts: [] };
  const matches: SectionMatch[] = specs.map((spec) => ({ spec }));
  const first = (spec: SectionSpec, find: (name: Stems) => [number, number | undefined] | undefined) =>
    names(spec).map(find).reduce<[number, number | undefined] | undefined>((best, hit) => (hit && (!best || hit[0] < best[0]) ? hit : best), undefined);
  const assign = (match: SectionMatch, [heading, part]: [number, number | undefined]) => {
    match.heading = headings[heading];
    if (part === undefined) taken.whole[heading] = true;
    else (taken.parts[heading] ??= new Set()).add(part);
  };
  for (const match of matches) {
    const hit = first(match.spec, (name) => {
      const heading = index.whole.get(keyOf(name))?.find((i) => !taken.whole[i] && !taken.parts[i] && isName(index.words[i].whole, name));
      return heading === undefined ? undefined : [heading, undefined];
    });
    if (hit) assign(match, hit);
  }
  for (const match of matches) {
    if (match.heading) continue;
    const hit = first(match.spec, (name) => index.parts.get(keyOf(name))?.find(([i, j]) => !taken.whole[i] && !taken.parts[i]?.has(j) && isName(index.words[i].parts[j], name)));
    if (hit) assign(match, hit);
  }
  if (!options.exact) takeHeld(headings, index, taken, matches);
  return matches;
}

/**
 * Headings that hold names as words, in document order: each part gives the section whose name
 * comes first in it, the topic before its head noun ("Emergency Rollback Procedures" is the
 * Rollback section, not the Procedure).
 */
function takeHeld(headings: readonly Heading[], index: HeadingIndex, taken: Taken, matches: SectionMatch[]): void {
  index.words.forEach((words, i) => {
    if (taken.whole[i]) return;
    words.parts.forEach((part, j) => {
      if (taken.parts[i]?.has(j)) return;
      let best: { match: SectionMatch; at: number } | undefined;
      for (const match of matches) {
        if (match.heading) continue;
        for (const name of names(match.spec)) {
          if (!words.prefixes.has(prefixOf(name[0]))) continue;
          const at = nameAt(part, name);
          if (at >= 0 && at < (best?.at ?? Infinity)) best = { match, at };
        }
      }
      if (!best) return;
      best.match.heading = headings[i];
      (taken.parts[i] ??= new Set()).add(j);
    });
  });
}

export interface EntryMatch {
  heading: Heading;
  /** Each part with the offset of its label, if present. */
  parts: Array<{ spec: SectionSpec; at?: number }>;
  /** Whether the entry labels its parts with bold text (`**Symptoms**:`) rather than headings. */
  usesBoldLabels: boolean;
}

/** `**Symptoms**:`, `- **Cause:**`: the label, its spaces trimmed by whoever reads it. */
const BOLD_LABEL = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)([^*_\r\n:]{1,60}):?(?:\*\*|__)/gm;

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
