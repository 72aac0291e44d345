import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addCycle, daysBetween, formatLike, parseCycle, parseIsoDate, parseStatedDate } from '../../server/src/engine/review/dates';

describe('dates and cycles', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.equal(parseIsoDate('2026-02-29'), undefined);
    assert.equal(parseIsoDate('2026-02-30'), undefined);
    assert.equal(parseIsoDate('2026-13-01'), undefined);
    assert.equal(parseIsoDate('2026-1-01'), undefined);
    assert.equal(parseIsoDate('10/19/2025'), undefined);
  });

  it('reads every cycle form of the spec', () => {
    assert.deepEqual(parseCycle('30d'), { amount: 30, unit: 'day' });
    assert.deepEqual(parseCycle('2w'), { amount: 14, unit: 'day' });
    assert.deepEqual(parseCycle('monthly'), { amount: 1, unit: 'month' });
    assert.deepEqual(parseCycle('quarterly'), { amount: 3, unit: 'month' });
    assert.deepEqual(parseCycle('yearly'), { amount: 12, unit: 'month' });
    assert.deepEqual(parseCycle('1y'), { amount: 12, unit: 'month' });
    assert.equal(parseCycle('0d'), undefined);
    assert.equal(parseCycle('fortnightly'), undefined);
  });

  it('adds months without spilling into the next month', () => {
    assert.deepEqual(addCycle({ year: 2026, month: 1, day: 31 }, { amount: 1, unit: 'month' }), { year: 2026, month: 2, day: 28 });
    assert.deepEqual(addCycle({ year: 2026, month: 11, day: 30 }, { amount: 3, unit: 'month' }), { year: 2027, month: 2, day: 28 });
    assert.deepEqual(addCycle({ year: 2026, month: 12, day: 20 }, { amount: 30, unit: 'day' }), { year: 2027, month: 1, day: 19 });
  });

  it('counts days across a leap day', () => {
    assert.equal(daysBetween({ year: 2024, month: 2, day: 28 }, { year: 2024, month: 3, day: 1 }), 2);
    assert.equal(daysBetween({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 2, day: 28 }), -1);
  });

  it('reads dates stated in prose: YYYY-MM-DD, or with the month named', () => {
    const nov18 = { year: 2019, month: 11, day: 18 };
    for (const text of ['2019-11-18', '18 Nov 2019', '18th November 2019', 'Nov 18, 2019', 'November 18 2019', 'nov. 18, 2019']) assert.deepEqual(parseStatedDate(text), nov18, text);
    for (const text of ['31 Feb 2026', '11/18/2019', '18.11.2019', 'Nov 2019', '18 Nov', 'Brumaire 18, 2019']) assert.equal(parseStatedDate(text), undefined, text);
  });

  it('writes a date as the one it replaces was written', () => {
    const today = { year: 2026, month: 6, day: 4 };
    assert.equal(formatLike('2019-11-18', today), '2026-06-04');
    assert.equal(formatLike('18 Nov 2019', today), '4 Jun 2026');
    assert.equal(formatLike('18 November 2019', today), '4 June 2026');
    assert.equal(formatLike('March 3, 2024', today), 'June 4, 2026');
    assert.equal(formatLike('march 3 2024', today), 'june 4 2026');
    assert.equal(formatLike('10/19/2026', today), '2026-06-04', 'an unreadable date becomes YYYY-MM-DD');
  });
});
