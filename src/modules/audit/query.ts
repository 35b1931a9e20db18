import type { Queryable } from '../../server/db.ts';
import { maskPersonalFields } from '../../shared/personal-data.ts';
import { type Scope, scopeCondition } from '../auth/scope.ts';

/** Filters of the audit log, shared by the browsing route and the Excel export. */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export interface AuditRow {
  id: number; at: string; actorId: number | null; actorName: string | null; action: string; entity: string;
  entityId: string | null; orgUnitId: number | null; unitName: string | null; before: unknown; after: unknown; hash: string;
}

/**
 * One page of the audit log, newest first, within the reader's scope: entries before `beforeId`. CCCDs and
 * birth dates in before/after are masked for every reader: the log says who changed what, and reading the
 * full values is the audited read of GET /people/:id/personal-data (the stored entries and their hashes stay whole).
 * @example const page = await listAudit(db, scope, { entity: 'person' }, { limit: 100 });
 */
export async function listAudit(q: Queryable, scope: Scope, f: AuditFilter, page: { beforeId?: number; limit: number }): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const where = [scope.all ? 'true' : `(${scopeCondition(scope, 'a.org_unit_id', params)})`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.entity) add('a.entity = ?', f.entity);
  if (f.entityId) add('a.entity_id = ?', f.entityId);
  if (f.action) add('a.action like ?', `${f.action}%`);
  if (f.actor) add('lower(a.actor_name) like ?', `%${f.actor.toLowerCase()}%`);
  if (f.from) add('a.at >= ?::date', f.from);
  if (f.to) add('a.at < ?::date + 1', f.to);
  if (page.beforeId) add('a.id < ?', page.beforeId);
  params.push(page.limit);
  const rows = await q.query<{ id: number; at: string; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; org_unit_id: number | null; unit_name: string | null; before: unknown; after: unknown; hash: string }>(
    `select a.id, a.at, a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.org_unit_id, a.before, a.after, a.hash,
            (select v.name from org_unit_version v where v.unit_id = a.org_unit_id order by v.valid_from desc limit 1) as unit_name
       from audit_log a where ${where.join(' and ')} order by a.id desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({ id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, orgUnitId: r.org_unit_id, unitName: r.unit_name, before: maskPersonalFields(r.before), after: maskPersonalFields(r.after), hash: r.hash }));
}
