import { formatIsoDate } from '../engine/review/dates';
import { drillStatus } from '../engine/review/drill';
import { documentAnchor, insertFrontMatterKey } from '../engine/authoring/insertions';
import type { Rule } from '../engine/rule';

const DRILL_DATE_TODAY = 'drill-date-today';

export const drillStale: Rule = {
  id: 'drill-stale',
  description: 'last_tested of a disaster-recovery or incident-response document is older than its test_cycle, or missing.',
  defaultSeverity: 'warning',
  // Only the people who ran the drill can say it happened.
  fixes: { [DRILL_DATE_TODAY]: 'suggestion' },
  check({ doc, analysis, today, report, range }) {
    const drill = drillStatus(doc, analysis, today);
    if (!drill || drill.state === 'fresh' || (doc.frontMatter && !doc.frontMatter.data)) return;
    const date = formatIsoDate(today);
    if (!drill.tested) {
      // A type inferred from the headings never chose the drill convention: ask for a date only of a chosen type.
      if (analysis.typeSource === 'inferred') return;
      const anchor = documentAnchor(doc);
      const edit = insertFrontMatterKey(doc, `last_tested: ${date}`);
      report({
        message: `No drill date: add last_tested to the front matter (${drill.cycleText} test cycle) once the plan has been exercised`,
        range: range(anchor.start, anchor.end),
        fixes: edit ? [{ id: DRILL_DATE_TODAY, title: 'Set last_tested to today', edits: [edit] }] : [],
      });
      return;
    }
    const { value, start, end } = drill.tested;
    // `last_tested: TODO` (as a new document has it) is the placeholder rule's finding.
    if (/^(?:TODO|TBD|FIXME)$/i.test(value)) return;
    const message =
      drill.state === 'invalid'
        ? `Drill date "${value}" is not a real YYYY-MM-DD date`
        : `Drill overdue by ${drill.late} day${drill.late === 1 ? '' : 's'}: last tested ${value}, due ${formatIsoDate(drill.due!)} (${drill.cycleText} test cycle)`;
    report({ message, range: range(start, end), fixes: [{ id: DRILL_DATE_TODAY, title: `Set last_tested to today (${date})`, edits: [{ range: range(start, end), newText: date }] }] });
  },
};
