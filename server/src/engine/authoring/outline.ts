import type { OpsDocument } from '../document/parse';

/** A heading and the prose right under it (up to the next heading of any level): the unit of search. */
export interface OutlineSection {
  heading: string;
  depth: number;
  /** Zero-based line of the heading (where the text starts, for the text before any heading). */
  line: number;
  /** The text from the end of the heading: its first line is the rest of the heading's line. */
  text: string;
}

export interface Outline {
  title?: string;
  /** The front matter's YAML, searchable as text. */
  frontMatter?: string;
  sections: OutlineSection[];
}

export function outlineOf(doc: OpsDocument): Outline {
  const sections: OutlineSection[] = [];
  const bodyStart = doc.frontMatter?.end ?? 0;
  const firstHeading = doc.headings[0]?.start ?? doc.text.length;
  const preamble = doc.text.slice(bodyStart, firstHeading);
  if (preamble.trim()) sections.push({ heading: '', depth: 0, line: doc.lines.positionAt(bodyStart).line, text: preamble });
  doc.headings.forEach((heading, i) => {
    const end = doc.headings[i + 1]?.start ?? doc.text.length;
    sections.push({ heading: heading.text, depth: heading.depth, line: doc.lines.positionAt(heading.end).line, text: doc.text.slice(heading.end, end) });
  });
  const fm = doc.frontMatter;
  return {
    title: doc.headings.find((h) => h.depth === 1)?.text,
    frontMatter: fm ? doc.text.slice(fm.contentStart, fm.contentEnd) : undefined,
    sections,
  };
}
