/**
 * Month arithmetic for `monthsWorked` and `leave` (pure). Periods are half-open [from, to), dates 'YYYY-MM-DD';
 * a null `to` is still running. Dates become day numbers once per period: this runs for every person of a city.
 */
export interface Period {
  from: string;
  to: string | null;
}

/** A period as day numbers since 1970-01-01; `to` is Infinity while running. */
export interface DayPeriod {
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const toDays = (p: Period): DayPeriod => ({ from: dayNumber(p.from), to: p.to === null ? Number.POSITIVE_INFINITY : dayNumber(p.to) });

const boundsCache = new Map<number, number[]>();
/** The first day of each month of the year and of the next year's January (13 day numbers). */
function monthBounds(year: number): number[] {
  let b = boundsCache.get(year);
  if (!b) boundsCache.set(year, (b = Array.from({ length: 13 }, (_, m) => Date.UTC(year, m, 1) / DAY_MS)));
  return b;
}

/** Rounds to one decimal. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The share (0–1) of a month the period covers. */
function monthShare(p: DayPeriod, b: number[], month: number): number {
  const covered = Math.min(b[month + 1], p.to) - Math.max(b[month], p.from);
  return covered > 0 ? covered / (b[month + 1] - b[month]) : 0;
}

/** Months (fractional) of the year the period covers. */
export function monthsInYear(p: DayPeriod, year: number): number {
  const b = monthBounds(year);
  let sum = 0;
  for (let m = 0; m < 12; m++) sum += monthShare(p, b, m);
  return sum;
}

/**
 * Months at work in a year: a month counts when some employment covers its 15th, less the share of it spent on
 * leave that is not work (at most the whole month).
 */
export function monthsWorked(year: number, employments: DayPeriod[], nonWorkLeave: DayPeriod[]): number {
  const b = monthBounds(year);
  let sum = 0;
  for (let m = 0; m < 12; m++) {
    const fifteenth = b[m] + 14;
    if (!employments.some((e) => e.from <= fifteenth && e.to > fifteenth)) continue;
    let away = 0;
    for (const l of nonWorkLeave) away += monthShare(l, b, m);
    sum += 1 - Math.min(1, away);
  }
  return round1(Math.min(12, sum));
}

/** The calendar years a period touches, clipped to [fromYear, toYear]. */
export function yearsOf(p: Period, fromYear: number, toYear: number): number[] {
  const first = Math.max(fromYear, Number(p.from.slice(0, 4)));
  // the last day inside the period is the day before `to`
  const last = p.to === null ? toYear : Math.min(toYear, Number(p.to.slice(0, 4)) - (p.to.endsWith('-01-01') ? 1 : 0));
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
