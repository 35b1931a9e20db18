import { describe, expect, it } from 'vitest';
import { dmy, groupVi, longDateVi } from './vn-format.ts';

describe('Vietnamese official date and number formats', () => {
  it('prints dates with leading zeros, as the decree asks', () => {
    expect(dmy('2026-02-05')).toBe('05/02/2026');
    expect(longDateVi('2026-02-05')).toBe('ngày 05 tháng 02 năm 2026');
    expect(longDateVi('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(longDateVi('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(longDateVi('2026-01-10')).toBe('ngày 10 tháng 01 năm 2026');
  });
  it('refuses what is not a date', () => {
    expect(() => dmy('8/12/2026')).toThrow(/not a calendar date/);
  });
  it('groups thousands with dots', () => {
    expect(groupVi(0)).toBe('0');
    expect(groupVi(999)).toBe('999');
    expect(groupVi(1_234_567)).toBe('1.234.567');
    expect(groupVi(-2_340_000)).toBe('-2.340.000');
  });
});
