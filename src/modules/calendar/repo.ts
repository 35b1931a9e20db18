import type { Queryable } from '../../server/db.ts';

export const DAY_KINDS = ['holiday', 'compensatory_day_off', 'working_saturday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDayRow {
  id: number;
  day: string;
  kind: DayKind;
  name: string;
  source: string | null;
  removed: boolean;
  version: number;
}

const COLUMNS = 'id, day, kind, name, source, removed, version';

/** The days off and make-up working days (not removed) between two dates, inclusive. */
export function daysOffBetween(q: Queryable, from: string, to: string): Promise<Pick<CalendarDayRow, 'day' | 'kind'>[]> {
  return q.query('select day, kind from calendar_day where day between $1 and $2 and not removed', [from, to]);
}

/** The days off and make-up working days of a year (removed ones left out). */
export function daysOfYear(q: Queryable, year: number): Promise<CalendarDayRow[]> {
  return q.query(`select ${COLUMNS} from calendar_day where day between $1 and $2 and not removed order by day`, [`${year}-01-01`, `${year}-12-31`]);
}

/** The row of a date, locked for a change. */
export async function lockDay(q: Queryable, day: string): Promise<CalendarDayRow | undefined> {
  const [row] = await q.query<CalendarDayRow>(`select ${COLUMNS} from calendar_day where day = $1 for update`, [day]);
  return row;
}

/** Adds a day, or brings back a removed one with the new kind and name (its version goes on). */
export async function upsertDay(q: Queryable, d: { day: string; kind: DayKind; name: string; source: string | null }): Promise<CalendarDayRow> {
  const [row] = await q.query<CalendarDayRow>(
    `insert into calendar_day (day, kind, name, source) values ($1, $2, $3, $4)
     on conflict (day) do update set kind = excluded.kind, name = excluded.name, source = excluded.source,
       removed = false, version = calendar_day.version + 1, updated_at = now()
     returning ${COLUMNS}`,
    [d.day, d.kind, d.name, d.source],
  );
  return row;
}

export async function markRemoved(q: Queryable, id: number): Promise<CalendarDayRow> {
  const [row] = await q.query<CalendarDayRow>(
    `update calendar_day set removed = true, version = version + 1, updated_at = now() where id = $1 returning ${COLUMNS}`,
    [id],
  );
  return row;
}
