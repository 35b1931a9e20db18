import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Queryable } from '../../server/db.ts';
import { type UnitNamesReader, type UnitScope, listAudit } from './query.ts';
import { ZAuditPage, ZAuditQuery } from './schema.ts';

/**
 * What the audit routes are handed by the app (server/app.ts): auth and org sit above audit (they write to the
 * log), so audit imports neither and takes their functions instead.
 */
export interface AuditRouteDeps extends ModuleDeps {
  /** Checks that the signed-in user holds the permission and returns where (server/http.ts `authorize`). */
  authorize: (req: FastifyRequest, q: Queryable, permission: 'audit.read') => Promise<UnitScope>;
  /** Units' latest names (org's `latestUnitNames`). */
  unitNames: UnitNamesReader;
}

/** Browsing the audit log, newest first, filtered and limited to entries in the reader's scope. */
export function auditRoutes({ db, authorize, unitNames }: AuditRouteDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get('/audit', { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditPage } } }, async (req) => {
      const scope = await authorize(req, db, 'audit.read');
      const { beforeId, limit, ...filter } = req.query;
      const rows = await listAudit(db, scope, filter, { beforeId, limit: limit + 1 }, unitNames);
      const items = rows.slice(0, limit);
      return { items, nextBeforeId: rows.length > limit ? items.at(-1)?.id ?? null : null };
    });
  };
}
