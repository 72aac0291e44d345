import type { Rule } from '../engine/rule';

export const sectionOrder: Rule = {
  id: 'section-order',
  description: "Required sections are out of the document type's order.",
  defaultSeverity: 'warning',
  check({ analysis, report, range }) {
    // An inferred type was never chosen, nor its order: the order of a document's own convention
    // (a post-mortem template that puts Resolution before Impact) is house style, not a fault.
    if (analysis.stub || analysis.unlikeType || analysis.typeSource === 'inferred') return;
    const present = analysis.sections
      .map((match, order) => ({ match, order }))
      .filter(({ match }) => match.heading)
      .sort((a, b) => a.match.heading!.start - b.match.heading!.start);
    let latest: (typeof present)[number] | undefined;
    for (const item of present) {
      if (latest && item.order < latest.order) {
        const heading = item.match.heading!;
        report({
          message: `Expected section "${item.match.spec.name}" before "${latest.match.spec.name}" (type ${analysis.type!.id} order: ${analysis.sections.map((s) => s.spec.name).join(', ')})`,
          range: range(heading.start, heading.end),
        });
      } else {
        latest = item;
      }
    }
  },
};
