import { afterEach, describe, expect, it } from 'vitest';
import { cityTimeZone, cityToday, cityYear, setCityTimeZone } from './clock.ts';

afterEach(() => setCityTimeZone('Asia/Ho_Chi_Minh'));

describe('the web clock', () => {
  it("gives the city's date in the zone the server tells, not the browser's", () => {
    // The test runs with TZ=UTC (vitest.config.ts): the browser's own date of this instant is 1 January.
    const now = new Date('2026-01-01T18:30:00Z');
    expect(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`).toBe('2026-1-1');
    expect(cityToday(now)).toBe('2026-01-02');
    expect(cityYear(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
  });

  it('takes the zone from the server and ignores a name it does not know', () => {
    const now = new Date('2026-01-01T18:30:00Z');
    setCityTimeZone('America/New_York');
    expect(cityToday(now)).toBe('2026-01-01');
    setCityTimeZone('Not/AZone');
    setCityTimeZone(undefined);
    expect(cityTimeZone()).toBe('America/New_York');
  });
});
