/** Calendar dates and review cycles, in whole days, free of time zones. */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface Cycle {
  amount: number;
  unit: 'day' | 'month';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `undefined` for text that is not a real YYYY-MM-DD date (2026-02-30 included). */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function todayLocal(now = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

function toDayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function addCycle(date: CalendarDate, cycle: Cycle): CalendarDate {
  const result =
    cycle.unit === 'day'
      ? new Date(Date.UTC(date.year, date.month - 1, date.day + cycle.amount))
      : addMonthsClamped(date, cycle.amount);
  return { year: result.getUTCFullYear(), month: result.getUTCMonth() + 1, day: result.getUTCDate() };
}

/** Jan 31 plus one month is Feb 28 (or 29), not Mar 3. */
function addMonthsClamped(date: CalendarDate, months: number): Date {
  const firstOfTarget = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(date.day, lastDay)));
}

const NAMED_CYCLES: Record<string, Cycle> = {
  daily: { amount: 1, unit: 'day' },
  weekly: { amount: 7, unit: 'day' },
  biweekly: { amount: 14, unit: 'day' },
  monthly: { amount: 1, unit: 'month' },
  quarterly: { amount: 3, unit: 'month' },
  'semi-annually': { amount: 6, unit: 'month' },
  yearly: { amount: 12, unit: 'month' },
  annually: { amount: 12, unit: 'month' },
};

/** The cycle names `review_cycle` and `test_cycle` accept, besides `<n>d|w|m|y`. */
export const CYCLE_NAMES: readonly string[] = Object.keys(NAMED_CYCLES);

export const CYCLE_PATTERN = '^(\\d+[dwmy]|daily|weekly|biweekly|monthly|quarterly|semi-annually|yearly|annually)$';

/** `30d`, `2w`, `6m`, `1y` or a named cycle (`monthly`, `quarterly`, …). */
export function parseCycle(text: string): Cycle | undefined {
  const named = NAMED_CYCLES[text.trim().toLowerCase()];
  if (named) return named;
  const match = /^(\d+)\s*([dwmy])$/i.exec(text.trim());
  if (!match || Number(match[1]) === 0) return undefined;
  const amount = Number(match[1]);
  switch (match[2].toLowerCase()) {
    case 'd':
      return { amount, unit: 'day' };
    case 'w':
      return { amount: amount * 7, unit: 'day' };
    case 'm':
      return { amount, unit: 'month' };
    default:
      return { amount: amount * 12, unit: 'month' };
  }
}
