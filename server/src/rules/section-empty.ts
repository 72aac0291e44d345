import { insertBlock } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';
import { SET_TYPE_FIXES, setTypeFix } from './typeFix';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  description: 'A required section has a heading but no content.',
  defaultSeverity: 'warning',
  // Guidance text under an empty heading: what to write, claiming nothing.
  fixes: { 'insert-guidance': 'fix', ...SET_TYPE_FIXES },
  check({ doc, analysis, report, range }) {
    if (analysis.stub || analysis.unlikeType) return;
    const severity = analysis.typeSource === 'inferred' ? 'warning' : undefined;
    const reported = new Set<unknown>();
    for (const { spec, heading } of analysis.sections) {
      // A heading that provides two sections ("Diagnosis and Mitigation") is one empty section.
      if (!heading || heading.hasContent || reported.has(heading)) continue;
      reported.add(heading);
      const afterHeading = doc.lines.lineEnd(doc.lines.positionAt(heading.end).line);
      report({
        message: `Section "${heading.text}" is empty${analysis.typeSource === 'inferred' && analysis.type ? ` (type ${analysis.type.id}, inferred from its headings)` : ''}`,
        severity,
        range: range(heading.start, heading.end),
        fixes: [{ id: 'insert-guidance', title: `Insert guidance for "${spec.name}"`, edits: [insertBlock(doc, nextLineStart(doc.text, afterHeading), [spec.template])] }, ...setTypeFix(doc, analysis)],
      });
    }
  },
};

function nextLineStart(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}
