/**
 * The web app's clock: "today" is the city's calendar day, in the time zone the server tells (/auth/me `timeZone`,
 * CITY_TIME_ZONE on the server), never the browser's, so the tree, the panels and the server agree on the date at
 * any hour (src/shared/clock.ts does the same on the server, with the same conversion).
 */
import { DEFAULT_CITY_TIME_ZONE, dateIn, isTimeZone } from '../../../src/shared/clock.ts';

let zone = DEFAULT_CITY_TIME_ZONE;

/** Takes the zone the server tells (lib/me.ts, on every /auth/me and sign-in); an unknown name keeps the last one. */
export function setCityTimeZone(timeZone: string | undefined): void {
  if (timeZone && isTimeZone(timeZone)) zone = timeZone;
}

export const cityTimeZone = (): string => zone;

/** Today in the city as YYYY-MM-DD (`now` for tests). */
export const cityToday = (now: Date = new Date()): string => dateIn(zone, now);

/** This year in the city. */
export const cityYear = (now: Date = new Date()): number => Number(cityToday(now).slice(0, 4));
