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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** "18 Nov 2019", "18th November 2019". */
const DAY_FIRST = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH}\\.?,?[ \\t]+(\\d{4})(?![\\d-])`, 'i');
/** "Nov 18, 2019", "November 18 2019". */
const MONTH_FIRST = new RegExp(`^${MONTH}\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4})(?![\\d-])`, 'i');
const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}(?![\d-])/;

/** The date text at the start of a value: an ISO date (of a timestamp too), or a date with its month named. */
export function leadingDate(value: string): string | undefined {
  return (ISO_PREFIX.exec(value) ?? DAY_FIRST.exec(value) ?? MONTH_FIRST.exec(value))?.[0];
}

/**
 * A date as writers state it in prose: YYYY-MM-DD, or with the month named ("18 Nov 2019",
 * "November 18, 2019"), which no reader can misread. `10/11/2019` is not one: which is the month?
 */
export function parseStatedDate(text: string): CalendarDate | undefined {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = MONTH_FIRST.exec(text);
  const match = dayFirst ?? monthFirst;
  if (!match || match[0].length !== text.length) return undefined;
  const [day, monthName, year] = dayFirst ? [match[1], match[2], match[3]] : [match[2], match[1], match[3]];
  const month = MONTHS.findIndex((m) => m.startsWith(monthName.toLowerCase().slice(0, 3))) + 1;
  return parseIsoDate(formatIsoDate({ year: Number(year), month, day: Number(day) }));
}

/** Whether the text names its month, so that a date that is no real one was still meant as a date. */
export function namesMonth(text: string): boolean {
  return DAY_FIRST.test(text) || MONTH_FIRST.test(text);
}

/** A date written as the sample is: "24 Nov 2026" for "18 Nov 2019", "November 24, 2026" for "March 3, 2024". */
export function formatLike(sample: string, date: CalendarDate): string {
  const dayFirst = DAY_FIRST.exec(sample);
  const monthFirst = MONTH_FIRST.exec(sample);
  if (!dayFirst && !monthFirst) return formatIsoDate(date);
  const written = (dayFirst ? dayFirst[2] : monthFirst![1]).replace(/\.$/, '');
  const full = MONTHS[date.month - 1];
  const name = written.length <= 3 || /^sept$/i.test(written) ? full.slice(0, 3) : full;
  const cased = written === written.toUpperCase() ? name.toUpperCase() : written[0] === written[0].toUpperCase() ? name[0].toUpperCase() + name.slice(1) : name;
  if (dayFirst) return `${date.day} ${cased} ${date.year}`;
  return `${cased} ${date.day}${/,/.test(monthFirst![0]) ? ',' : ''} ${date.year}`;
}
