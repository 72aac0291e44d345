import { isMap, isPair, isScalar } from 'yaml';
import type { Analysis } from '../analysis';
import { addCycle, daysBetween, parseCycle, parseIsoDate, type CalendarDate } from './dates';
import type { OpsDocument } from '../document/parse';

/** The types whose plans are only as good as their last drill (the seeds' "DR testing schedule"). */
export const DRILLED_TYPES = ['disaster-recovery', 'incident-response'];

export interface DrillStatus {
  state: 'fresh' | 'overdue' | 'invalid' | 'none';
  cycleText: string;
  /** `last_tested` as written, with the offsets of its value. */
  tested?: { value: string; start: number; end: number };
  due?: CalendarDate;
  /** Days past due (positive when overdue). */
  late?: number;
}

/** Undefined for documents of types that are not drilled. */
export function drillStatus(doc: OpsDocument, analysis: Analysis, today: CalendarDate): DrillStatus | undefined {
  if (!analysis.type || !DRILLED_TYPES.includes(analysis.type.id)) return undefined;
  const declared = doc.frontMatter?.data?.test_cycle;
  const cycleText = typeof declared === 'string' && parseCycle(declared) ? declared : 'quarterly';
  const tested = lastTested(doc);
  if (!tested) return { state: 'none', cycleText };
  const date = parseIsoDate(tested.value);
  if (!date) return { state: 'invalid', cycleText, tested };
  const due = addCycle(date, parseCycle(cycleText)!);
  const late = daysBetween(due, today);
  return { state: late > 0 ? 'overdue' : 'fresh', cycleText, tested, due, late };
}

function lastTested(doc: OpsDocument): DrillStatus['tested'] {
  const fm = doc.frontMatter;
  if (!fm?.data || !isMap(fm.yaml.contents)) return undefined;
  const pair = fm.yaml.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'last_tested');
  if (!pair || !isScalar(pair.value) || !pair.value.range) return undefined;
  const quoted = pair.value.type === 'QUOTE_DOUBLE' || pair.value.type === 'QUOTE_SINGLE' ? 1 : 0;
  return { value: String(pair.value.value), start: fm.contentStart + pair.value.range[0] + quoted, end: fm.contentStart + pair.value.range[1] - quoted };
}
