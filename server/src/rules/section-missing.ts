import { documentAnchor, insertEntryPart, insertSection } from '../engine/authoring/insertions';
import type { Rule, RuleContext } from '../engine/rule';
import { workspaceSectionTemplate } from '../engine/authoring/templates';
import { insertMissingSectionsEdits } from '../engine/review/reviewEdit';
import { SET_TYPE_FIXES, setTypeFix } from './typeFix';

export const sectionMissing: Rule = {
  id: 'section-missing',
  description: 'A required section of the document type is absent.',
  defaultSeverity: 'error',
  fixes: {
    // A heading and its guidance: the skeleton of what to write, claiming nothing.
    'insert-section': 'fix',
    // Every section at once, on a page a glob types that has almost none: it may be no such document at all.
    'insert-sections': 'suggestion',
    ...SET_TYPE_FIXES,
  },
  check(context) {
    const { analysis } = context;
    if (!analysis.type || analysis.stub) return;
    if (analysis.unlikeType) return reportUnlikeType(context);
    reportMissing(context);
  },
};

/** One finding per missing section; warnings when the type is only inferred from headings. */
function reportMissing({ doc, analysis, config, fs, report, range }: RuleContext): void {
  const type = analysis.type!;
  const anchor = documentAnchor(doc);
  const inferred = analysis.typeSource === 'inferred';
  const severity = inferred ? 'warning' : undefined;
  const setType = setTypeFix(doc, analysis);
  const why = inferred ? `, inferred from its headings` : '';
  for (const match of analysis.sections) {
    if (match.heading) continue;
    // The workspace's own template for the type, when it has one, says what goes in the section.
    const guidance = workspaceSectionTemplate(fs, config, type.id, match.spec.name);
    report({
      message: `Missing required section "${match.spec.name}" (type ${type.id}${why})`,
      severity,
      range: range(anchor.start, anchor.end),
      fixes: [{ id: 'insert-section', title: `Insert section "${match.spec.name}"`, edits: [insertSection(doc, analysis, match.spec, guidance)] }, ...setType],
    });
  }
  for (const entry of analysis.entries) {
    for (const part of entry.parts) {
      if (part.at !== undefined) continue;
      report({
        message: `Missing "${part.spec.name}" in "${entry.heading.text}" (each ${type.id} entry has ${entry.parts.map((p) => p.spec.name).join(' / ')})`,
        severity,
        range: range(entry.heading.start, entry.heading.end),
        fixes: [{ id: 'insert-section', title: `Insert "${part.spec.name}"`, edits: [insertEntryPart(doc, entry, part.spec)] }, ...setType],
      });
    }
  }
}

/** A page a glob types that has (almost) none of the type's sections: one warning, saying how to leave it out. */
function reportUnlikeType({ doc, analysis, report, range }: RuleContext): void {
  const type = analysis.type!;
  const anchor = documentAnchor(doc);
  const present = analysis.sections.filter((s) => s.heading).length;
  const has = present === 0 ? 'none' : `only ${present}`;
  report({
    message:
      `This page has ${has} of the ${analysis.sections.length} sections of ${type.id} (${analysis.sections.map((s) => s.spec.name).join(', ')}), ` +
      `the type a types[].match glob gives it. If it is no ${type.id}, leave it out of the glob (a "!" glob) or set its type in front matter; if it is one, add the sections`,
    severity: 'warning',
    range: range(anchor.start, anchor.end),
    fixes: [{ id: 'insert-sections', title: `Insert the ${analysis.sections.length - present} missing sections of ${type.id}`, edits: insertMissingSectionsEdits(doc, analysis) }],
  });
}
