/** Deadlines in working days, from the calendar module (holidays-vn.csv, edited by an admin), and the act clock. */
export { addWorkingDays } from '../calendar/working-days.ts';

const DAY_MS = 86_400_000;

/** Days (calendar) between two dates, for the clock of a sudden award (act → decision). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
