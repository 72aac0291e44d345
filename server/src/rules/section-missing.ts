import { documentAnchor, insertEntryPart, insertSection } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';
import { workspaceSectionTemplate } from '../engine/authoring/templates';

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'A required section of the document type is absent.',
  defaultSeverity: 'error',
  // A heading and its guidance: the skeleton of what to write, claiming nothing.
  fixes: { 'insert-section': 'fix' },
  check({ doc, analysis, config, fs, report, range }) {
    const type = analysis.type;
    if (!type) return;
    const anchor = documentAnchor(doc);
    for (const match of analysis.sections) {
      if (match.heading) continue;
      // The workspace's own template for the type, when it has one, says what goes in the section.
      const guidance = workspaceSectionTemplate(fs, config, type.id, match.spec.name);
      report({
        message: `Missing required section "${match.spec.name}" (type ${type.id})`,
        range: range(anchor.start, anchor.end),
        fixes: [{ id: 'insert-section', title: `Insert section "${match.spec.name}"`, edits: [insertSection(doc, analysis, match.spec, guidance)] }],
      });
    }
    for (const entry of analysis.entries) {
      for (const part of entry.parts) {
        if (part.at !== undefined) continue;
        report({
          message: `Missing "${part.spec.name}" in "${entry.heading.text}" (each ${type.id} entry has ${entry.parts.map((p) => p.spec.name).join(' / ')})`,
          range: range(entry.heading.start, entry.heading.end),
          fixes: [{ id: 'insert-section', title: `Insert "${part.spec.name}"`, edits: [insertEntryPart(doc, entry, part.spec)] }],
        });
      }
    }
  },
};
