import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate, workingCalendar } from './working-days.ts';

// A small calendar: Tết 2026 off, a compensatory Monday, a make-up Saturday.
const cal = workingCalendar(new Set(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-27']), new Set(['2026-08-22']));
const dates = fc.integer({ min: 0, max: 700 }).map((n) => shiftDate('2025-09-01', n));

describe('workingCalendar', () => {
  it('counts back what it added: workingDaysBetween(d, addWorkingDays(d, n)) = n (n < 0: from a working day)', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -120, max: 120 }), (d, n) => {
      fc.pre(n >= 0 || cal.isWorkingDay(d));
      expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
    }));
    // Going back from a day off: the first working day before it, one working day "before" though none lies between.
    expect(cal.addWorkingDays('2026-02-21', -1)).toBe('2026-02-13');
    expect(cal.workingDaysBetween('2026-02-21', '2026-02-13')).toBe(0);
  });

  it('lands on a working day whenever n ≠ 0, and never before (after) it for n > 0 (< 0)', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0), (d, n) => {
      const r = cal.addWorkingDays(d, n);
      expect(cal.isWorkingDay(r)).toBe(true);
      expect(n > 0 ? r > d : r < d).toBe(true);
    }));
  });

  it('is antisymmetric and adds up over a middle date', () => {
    fc.assert(fc.property(dates, dates, dates, (a, b, c) => {
      expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, a)).toBe(0);
      expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(cal.workingDaysBetween(a, c));
    }));
  });

  it('keeps the week: weekends off, weekdays worked, but for the listed days', () => {
    expect(['2026-02-14', '2026-02-15', '2026-02-16', '2026-04-27'].map(cal.isWorkingDay)).toEqual([false, false, false, false]);
    expect(['2026-02-13', '2026-02-23', '2026-08-22', '2026-04-28'].map(cal.isWorkingDay)).toEqual([true, true, true, true]);
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
  });
});
