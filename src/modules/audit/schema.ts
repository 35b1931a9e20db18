import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';

/** Audit filters, shared by the browsing route and the Excel export of the log (imports/schema.ts). */
export const ZAuditFilter = z.strictObject({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
});

export const ZAuditQuery = ZAuditFilter.extend({
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

export const ZAuditRow = z.object({
  id: z.number(), at: z.string(), actorId: z.number().nullable(), actorName: z.string().nullable(), action: z.string(), entity: z.string(),
  entityId: z.string().nullable(), orgUnitId: z.number().nullable(), unitName: z.string().nullable(), before: z.unknown(), after: z.unknown(), hash: z.string(),
});

/** A page of the log, newest first; `nextBeforeId` asks for the next one. */
export const ZAuditPage = z.object({ items: z.array(ZAuditRow), nextBeforeId: z.number().nullable() });
