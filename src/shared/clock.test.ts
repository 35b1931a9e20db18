import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CITY_TIME_ZONE, cityNow, cityTimeZone, cityToday, cityYear, dateIn, isTimeZone, setCityTimeZone, useFixedClock, useSystemClock, wallClockIn } from './clock.ts';

afterEach(() => {
  useSystemClock();
  setCityTimeZone(DEFAULT_CITY_TIME_ZONE);
});

describe('the city clock', () => {
  it('takes the date in Hà Nội, not in UTC: 18:30 UTC on 1 January is 01:30 on 2 January', () => {
    const instant = new Date('2026-01-01T18:30:00Z');
    expect(dateIn('Asia/Ho_Chi_Minh', instant)).toBe('2026-01-02');
    expect(dateIn('UTC', instant)).toBe('2026-01-01');
    expect(wallClockIn('Asia/Ho_Chi_Minh', instant)).toEqual({ date: '2026-01-02', time: '01:30:00' });
    // The last second of the day in Hà Nội, and the first of the next.
    expect(dateIn('Asia/Ho_Chi_Minh', new Date('2026-01-01T16:59:59Z'))).toBe('2026-01-01');
    expect(dateIn('Asia/Ho_Chi_Minh', new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
  });

  it('stops at a fixed instant for tests and gives the real time back', () => {
    useFixedClock('2026-01-01T18:30:00Z');
    expect(cityTimeZone()).toBe('Asia/Ho_Chi_Minh');
    expect(cityToday()).toBe('2026-01-02');
    expect(cityYear()).toBe(2026);
    expect(cityNow().toISOString()).toBe('2026-01-01T18:30:00.000Z');
    useFixedClock('2025-12-31T17:30:00Z');
    expect([cityToday(), cityYear()]).toEqual(['2026-01-01', 2026]);
    useSystemClock();
    expect(Math.abs(cityNow().getTime() - Date.now())).toBeLessThan(5_000);
    expect(() => useFixedClock('not a time')).toThrow(/Not an instant/);
  });

  it('follows the configured zone and refuses an unknown one, naming it', () => {
    useFixedClock('2026-01-01T18:30:00Z');
    setCityTimeZone('America/New_York');
    expect(cityToday()).toBe('2026-01-01');
    expect(isTimeZone('Asia/Hanoi')).toBe(false);
    expect(() => setCityTimeZone('Asia/Hanoi')).toThrow(/Unknown time zone: Asia\/Hanoi/);
    expect(cityTimeZone()).toBe('America/New_York');
  });
});
