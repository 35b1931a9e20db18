import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { DAY_KINDS } from './repo.ts';

export const ZCalendarDay = z.object({
  id: z.number(),
  date: z.string(),
  kind: z.enum(DAY_KINDS),
  name: z.string(),
  source: z.string().nullable(),
  version: z.number(),
});

export const ZDaysQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(2100).optional() });
export const ZDaysResponse = z.object({
  year: z.number(),
  /** Saturdays and Sundays are days off unless listed as `working_saturday`. */
  weekendsOff: z.literal(true),
  days: z.array(ZCalendarDay),
});

export const ZAddDayRequest = z.strictObject({
  date: ZCalendarDate,
  kind: z.enum(DAY_KINDS),
  name: z.string().trim().min(1).max(300),
  source: z.string().trim().max(1000).nullish(),
});

export const ZDayParams = z.strictObject({ date: ZCalendarDate });
export const ZVersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });
export const ZRemoved = z.object({ date: z.string(), removed: z.literal(true) });
