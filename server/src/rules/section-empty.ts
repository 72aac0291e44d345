import { insertBlock } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  description: 'A required section has a heading but no content.',
  defaultSeverity: 'warning',
  // Guidance text under an empty heading: what to write, claiming nothing.
  fixes: { 'insert-guidance': 'fix' },
  check({ doc, analysis, report, range }) {
    for (const { spec, heading } of analysis.sections) {
      if (!heading || heading.hasContent) continue;
      const afterHeading = doc.lines.lineEnd(doc.lines.positionAt(heading.end).line);
      report({
        message: `Section "${heading.text}" is empty`,
        range: range(heading.start, heading.end),
        fixes: [{ id: 'insert-guidance', title: `Insert guidance for "${spec.name}"`, edits: [insertBlock(doc, nextLineStart(doc.text, afterHeading), [spec.template])] }],
      });
    }
  },
};

function nextLineStart(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}
