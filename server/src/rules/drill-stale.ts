import { isMap, isPair, isScalar } from 'yaml';
import { addCycle, daysBetween, formatIsoDate, parseCycle, parseIsoDate } from '../engine/dates';
import { documentAnchor, insertFrontMatterKey } from '../engine/insertions';
import type { Rule, RuleContext } from '../engine/rule';
import type { Fix } from '../engine/types';

/** The types whose plans are only as good as their last drill (the seeds' "DR testing schedule"). */
export const DRILLED_TYPES = ['disaster-recovery', 'incident-response'];

export const drillStale: Rule = {
  id: 'drill-stale',
  description: 'last_tested of a disaster-recovery or incident-response document is older than its test_cycle, or missing.',
  defaultSeverity: 'warning',
  check(context) {
    const { doc, analysis, today, report, range } = context;
    if (!analysis.type || !DRILLED_TYPES.includes(analysis.type.id)) return;
    const drill = drillOf(context);
    const cycleText = typeof doc.frontMatter?.data?.test_cycle === 'string' && parseCycle(doc.frontMatter.data.test_cycle) ? doc.frontMatter.data.test_cycle : 'quarterly';
    const setToday = (start: number, end: number): Fix => ({ title: `Set last_tested to today (${formatIsoDate(today)})`, edits: [{ range: range(start, end), newText: formatIsoDate(today) }], isPreferred: true });
    if (!drill) {
      const anchor = documentAnchor(doc);
      const edit = insertFrontMatterKey(doc, `last_tested: ${formatIsoDate(today)}`);
      report({
        message: `No drill date: add last_tested to the front matter (${cycleText} test cycle) once the plan has been exercised`,
        range: range(anchor.start, anchor.end),
        fixes: edit ? [{ title: 'Set last_tested to today', edits: [edit] }] : [],
      });
      return;
    }
    const date = parseIsoDate(drill.value);
    if (!date) {
      report({ message: `Drill date "${drill.value}" is not a real YYYY-MM-DD date`, range: range(drill.start, drill.end), fixes: [setToday(drill.start, drill.end)] });
      return;
    }
    const due = addCycle(date, parseCycle(cycleText)!);
    const late = daysBetween(due, today);
    if (late <= 0) return;
    report({
      message: `Drill overdue by ${late} day${late === 1 ? '' : 's'}: last tested ${drill.value}, due ${formatIsoDate(due)} (${cycleText} test cycle)`,
      range: range(drill.start, drill.end),
      fixes: [setToday(drill.start, drill.end)],
    });
  },
};

/** `last_tested` in front matter, with the offsets of its value. */
function drillOf({ doc }: RuleContext): { value: string; start: number; end: number } | undefined {
  const fm = doc.frontMatter;
  if (!fm?.data || !isMap(fm.yaml.contents)) return undefined;
  const pair = fm.yaml.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'last_tested');
  if (!pair || !isScalar(pair.value) || !pair.value.range) return undefined;
  const quoted = pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { value: String(pair.value.value), start: fm.contentStart + pair.value.range[0] + quoted, end: fm.contentStart + pair.value.range[1] - quoted };
}
