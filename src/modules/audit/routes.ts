import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { authorize } from '../../server/http.ts';
import { scopeCondition } from '../auth/scope.ts';

const ZAuditQuery = z.strictObject({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ZAuditRow = z.object({
  id: z.number(), at: z.string(), actorId: z.number().nullable(), actorName: z.string().nullable(), action: z.string(), entity: z.string(),
  entityId: z.string().nullable(), orgUnitId: z.number().nullable(), before: z.unknown(), after: z.unknown(), hash: z.string(),
});

/** Browsing the audit log, newest first, filtered and limited to entries in the reader's scope. */
export function auditRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/audit', { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: z.object({ items: z.array(ZAuditRow), nextBeforeId: z.number().nullable() }) } } }, async (req) => {
      const scope = await authorize(req, db, 'audit.read');
      const f = req.query;
      const params: unknown[] = [];
      const where = [scope.all ? 'true' : `(${scopeCondition(scope, 'org_unit_id', params)})`];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (f.entity) add('entity = ?', f.entity);
      if (f.entityId) add('entity_id = ?', f.entityId);
      if (f.action) add('action like ?', `${f.action}%`);
      if (f.actor) add('lower(actor_name) like ?', `%${f.actor.toLowerCase()}%`);
      if (f.from) add('at >= ?::date', f.from);
      if (f.to) add("at < ?::date + 1", f.to);
      if (f.beforeId) add('id < ?', f.beforeId);
      params.push(f.limit + 1);
      const rows = await db.query<{ id: number; at: string; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; org_unit_id: number | null; before: unknown; after: unknown; hash: string }>(
        `select id, at, actor_id, actor_name, action, entity, entity_id, org_unit_id, before, after, hash from audit_log
          where ${where.join(' and ')} order by id desc limit $${params.length}`,
        params,
      );
      const items = rows.slice(0, f.limit).map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, orgUnitId: r.org_unit_id, before: r.before, after: r.after, hash: r.hash }));
      return { items, nextBeforeId: rows.length > f.limit ? items.at(-1)?.id ?? null : null };
    });
  };
}
