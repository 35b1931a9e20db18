import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import type { ModuleDeps } from '../../server/app.ts';
import { authorize } from '../../server/http.ts';
import { listAudit } from './query.ts';

/** Audit filters, shared with the Excel export of the log. */
export const ZAuditFilter = z.strictObject({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
});

const ZAuditQuery = ZAuditFilter.extend({
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

const ZAuditRow = z.object({
  id: z.number(), at: z.string(), actorId: z.number().nullable(), actorName: z.string().nullable(), action: z.string(), entity: z.string(),
  entityId: z.string().nullable(), orgUnitId: z.number().nullable(), unitName: z.string().nullable(), before: z.unknown(), after: z.unknown(), hash: z.string(),
});

/** Browsing the audit log, newest first, filtered and limited to entries in the reader's scope. */
export function auditRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/audit', { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: z.object({ items: z.array(ZAuditRow), nextBeforeId: z.number().nullable() }) } } }, async (req) => {
      const scope = await authorize(req, db, 'audit.read');
      const { beforeId, limit, ...filter } = req.query;
      const rows = await listAudit(db, scope, filter, { beforeId, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items, nextBeforeId: rows.length > limit ? items.at(-1)?.id ?? null : null };
    });
  };
}
