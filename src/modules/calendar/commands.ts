import type { Db } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type CalendarDayRow, type DayKind, lockDay, markRemoved, upsertDay } from './repo.ts';

export interface CalendarDay {
  id: number;
  date: string;
  kind: DayKind;
  name: string;
  source: string | null;
  version: number;
}

export const presentDay = (r: CalendarDayRow): CalendarDay => ({ id: r.id, date: r.day, kind: r.kind, name: r.name, source: r.source, version: r.version });
const snapshot = (r: CalendarDayRow) => ({ date: r.day, kind: r.kind, name: r.name, removed: r.removed, version: r.version });

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * Adds a day off or a make-up working day (an admin's correction of the calendar, e.g. a year's Tết once the
 * Government announces it). A removed day comes back with the new kind and name.
 * @throws AppError CALENDAR_DAY_KIND_MISMATCH | CALENDAR_DAY_EXISTS
 */
export async function addDay(db: Db, actor: Actor, input: { date: string; kind: DayKind; name: string; source?: string | null }): Promise<CalendarDay> {
  // Weekends are off already and weekdays worked already: a day that would change nothing is a mistake to name.
  if (isWeekend(input.date) !== (input.kind === 'working_saturday')) throw new AppError('CALENDAR_DAY_KIND_MISMATCH', { field: 'date', date: input.date, kind: input.kind });
  return db.tx(async (q) => {
    const before = await lockDay(q, input.date);
    if (before && !before.removed) throw new AppError('CALENDAR_DAY_EXISTS', { field: 'date', date: input.date, name: before.name });
    const row = await upsertDay(q, { day: input.date, kind: input.kind, name: input.name, source: input.source ?? null });
    await audit(q, actor, [{ action: 'calendar.add', entity: 'calendar_day', entityId: row.id, before: before ? snapshot(before) : null, after: snapshot(row) }]);
    return presentDay(row);
  });
}

/**
 * Removes a day from the calendar (it becomes an ordinary day of its week). The row stays, marked removed, so a
 * later seed does not bring it back and its history stays readable.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT
 */
export async function removeDay(db: Db, actor: Actor, date: string, version: number): Promise<void> {
  await db.tx(async (q) => {
    const before = await lockDay(q, date);
    if (!before || before.removed) throw new AppError('NOT_FOUND');
    await assertVersion(q, 'calendar_day', before.id, before.version, version);
    const after = await markRemoved(q, before.id);
    await audit(q, actor, [{ action: 'calendar.remove', entity: 'calendar_day', entityId: before.id, before: snapshot(before), after: snapshot(after) }]);
  });
}
