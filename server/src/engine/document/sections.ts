import type { Heading, OpsDocument } from './parse';
import type { EntrySpec, SectionSpec } from '../config/docTypes';

export interface SectionMatch {
  spec: SectionSpec;
  heading?: Heading;
}

/** "2.1 Emergency Rollback:" and "🔙 emergency rollback" both become "emergency rollback". */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:step\s+)?(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z][.)])\s+/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function names(spec: SectionSpec): string[] {
  return [spec.name, ...spec.aliases].map(normalizeHeading);
}

/**
 * The headings that can hold required sections: all of them but a single leading
 * title (`# Payment Service Rollback` names the document, not its Rollback section).
 */
export function sectionHeadings(doc: OpsDocument): Heading[] {
  const [first, ...rest] = doc.headings;
  const isTitle = first?.depth === 1 && rest.length > 0 && rest.every((h) => h.depth > 1);
  return isTitle ? rest : doc.headings;
}

/**
 * Pairs each required section with the heading that provides it. Exact names win
 * over headings that merely contain a name, and no heading serves two sections.
 */
export function matchSections(specs: readonly SectionSpec[], headings: readonly Heading[]): SectionMatch[] {
  const used = new Set<Heading>();
  const matches: SectionMatch[] = specs.map((spec) => ({ spec }));
  const normalized = headings.map((h) => ` ${normalizeHeading(h.text)} `);
  const passes: Array<(heading: string, name: string) => boolean> = [
    (heading, name) => heading === ` ${name} `,
    (heading, name) => heading.includes(` ${name} `),
  ];
  for (const pass of passes) {
    for (const match of matches) {
      if (match.heading) continue;
      const wanted = names(match.spec);
      const index = headings.findIndex((h, i) => !used.has(h) && wanted.some((name) => pass(normalized[i], name)));
      if (index >= 0) {
        match.heading = headings[index];
        used.add(headings[index]);
      }
    }
  }
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
  const labels = new Map<string, number>();
  const body = doc.text.slice(heading.end, heading.sectionEnd);
  for (const match of body.matchAll(BOLD_LABEL)) {
    const label = normalizeHeading(match[1]);
    if (!labels.has(label)) labels.set(label, heading.end + match.index! + match[0].indexOf(match[1]));
  }
  const usesBoldLabels = labels.size > 0;
  for (const sub of headings) {
    if (sub.start > heading.start && sub.start < heading.sectionEnd) {
      const label = normalizeHeading(sub.text);
      if (!labels.has(label)) labels.set(label, sub.start);
    }
  }
  const parts = spec.parts.map((part) => ({ spec: part, at: names(part).map((n) => labels.get(n)).find((at) => at !== undefined) }));
  return { heading, parts, usesBoldLabels };
}
