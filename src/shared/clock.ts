/**
 * The city's clock: which calendar day it is where the city is. Every "today" of the app (a default `asOf`, a
 * default year, "not in the future", a dated file name) is this date, on the server (`cityToday`) and in the web
 * app (web/src/lib/clock.ts, with the zone the server tells in /auth/me). A date taken in UTC or in the browser's
 * zone would disagree with it between midnight and 07:00 in Hà Nội. Instants (audit `at`, sessions, logs) stay
 * instants: only the city's date goes through here.
 */

/** Vietnam keeps UTC+7 all year; a city elsewhere sets CITY_TIME_ZONE (server/config.ts). */
export const DEFAULT_CITY_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA with 2-digit parts and h23: fixed-width numbers whatever the runtime's default locale.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name the runtime knows (IANA, e.g. `Asia/Ho_Chi_Minh`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day and wall-clock time of an instant in a zone: `{ date: 'YYYY-MM-DD', time: 'HH:mm:ss' }`. */
export function wallClockIn(timeZone: string, instant: Date): { date: string; time: string } {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD. */
export const dateIn = (timeZone: string, instant: Date): string => wallClockIn(timeZone, instant).date;

// The server's clock: one zone for the process (set from the config at start-up), and a fixed instant in tests.
let zone = DEFAULT_CITY_TIME_ZONE;
let fixed: Date | null = null;

/**
 * Sets the city's time zone (buildApp does, from CITY_TIME_ZONE).
 * @throws RangeError naming the zone when the runtime does not know it.
 */
export function setCityTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone} (CITY_TIME_ZONE takes an IANA name, e.g. ${DEFAULT_CITY_TIME_ZONE})`);
  zone = timeZone;
}

/** The city's time zone. */
export const cityTimeZone = (): string => zone;

/** Now: the real time, or the instant a test fixed. */
export const cityNow = (): Date => (fixed ? new Date(fixed) : new Date());

/** Today in the city, as YYYY-MM-DD. */
export const cityToday = (): string => dateIn(zone, cityNow());

/** The current year in the city. */
export const cityYear = (): number => Number(cityToday().slice(0, 4));

/**
 * Tests: stops the clock at an instant (ISO 8601 with its offset), e.g. `useFixedClock('2026-01-01T18:30:00Z')`
 * is 01:30 on 2 January in Hà Nội. `useSystemClock()` gives the real time back.
 */
export function useFixedClock(iso: string): void {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${iso}`);
  fixed = d;
}

export function useSystemClock(): void {
  fixed = null;
}
