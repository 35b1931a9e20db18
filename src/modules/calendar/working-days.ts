import type { Queryable } from '../../server/db.ts';
import { daysOffBetween } from './repo.ts';

/**
 * Working days (ngày làm việc) for deadlines: Monday to Friday, less the days off of `calendar_day` (holidays,
 * compensatory days), plus its make-up working days (làm bù). Published for the modules above (dossiers,
 * evaluations, reviews): `addWorkingDays`, `workingDaysBetween`, `isWorkingDay`, and `loadWorkingCalendar` to
 * answer many dates from one query.
 */
export interface WorkingCalendar {
  isWorkingDay(date: string): boolean;
  /** The n-th working day after `from` (n < 0: before; n = 0: `from`), `from` itself not counted. */
  addWorkingDays(from: string, n: number): string;
  /**
   * Working days in (from, to]; when `to` is before `from`, minus those in (to, from]. So it adds up over a middle
   * date, and `workingDaysBetween(d, addWorkingDays(d, n)) = n` for n ≥ 0 (for n < 0 when d is a working day).
   */
  workingDaysBetween(from: string, to: string): number;
}

const DAY_MS = 86_400_000;
const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The date `n` calendar days after `date`. */
export const shiftDate = (date: string, n: number): string => fromMs(toMs(date) + n * DAY_MS);
const weekend = (date: string) => {
  const d = new Date(toMs(date)).getUTCDay();
  return d === 0 || d === 6;
};

/** A calendar over the given days off and make-up working days (those outside the loaded years follow the week). */
export function workingCalendar(daysOff: ReadonlySet<string>, workingWeekendDays: ReadonlySet<string>): WorkingCalendar {
  const isWorkingDay = (date: string) => (weekend(date) ? workingWeekendDays.has(date) : !daysOff.has(date));
  return {
    isWorkingDay,
    addWorkingDays(from, n) {
      const step = n < 0 ? -1 : 1;
      let date = from;
      for (let left = Math.abs(n); left > 0; ) {
        date = shiftDate(date, step);
        if (isWorkingDay(date)) left--;
      }
      return date;
    },
    workingDaysBetween(from, to) {
      if (to < from) return 0 - this.workingDaysBetween(to, from); // 0 - 0 is +0, not -0
      let count = 0;
      for (let date = shiftDate(from, 1); date <= to; date = shiftDate(date, 1)) if (isWorkingDay(date)) count++;
      return count;
    },
  };
}

/** The calendar of the years `fromYear`..`toYear` from one query. */
export async function loadWorkingCalendar(q: Queryable, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  const rows = await daysOffBetween(q, `${fromYear}-01-01`, `${toYear}-12-31`);
  const off = new Set<string>();
  const worked = new Set<string>();
  for (const r of rows) (r.kind === 'working_saturday' ? worked : off).add(r.day);
  return workingCalendar(off, worked);
}

const yearOf = (date: string) => Number(date.slice(0, 4));
/** Calendar days that surely hold `n` working days: 5 in 7, plus the longest run of days off (Tết) and a margin. */
const spanFor = (n: number) => Math.ceil((Math.abs(n) * 7) / 5) + 30 + Math.ceil(Math.abs(n) / 20) * 10;

export async function isWorkingDay(q: Queryable, date: string): Promise<boolean> {
  return (await loadWorkingCalendar(q, yearOf(date), yearOf(date))).isWorkingDay(date);
}

export async function addWorkingDays(q: Queryable, from: string, n: number): Promise<string> {
  const edge = shiftDate(from, (n < 0 ? -1 : 1) * spanFor(n));
  const years = [yearOf(from), yearOf(edge)].sort((a, b) => a - b);
  return (await loadWorkingCalendar(q, years[0], years[1])).addWorkingDays(from, n);
}

export async function workingDaysBetween(q: Queryable, from: string, to: string): Promise<number> {
  const years = [yearOf(from), yearOf(to)].sort((a, b) => a - b);
  return (await loadWorkingCalendar(q, years[0], years[1])).workingDaysBetween(from, to);
}
