import type { Queryable } from '../../server/db.ts';
import { maskPersonalFields } from '../../shared/personal-data.ts';

/** The units whose entries a reader may see: all, or these (auth's `Scope`; audit sits below auth). */
export type UnitScope = { all: true } | { all: false; unitIds: number[] };

/** Units' latest names by id (org's `latestUnitNames`; org sits above audit, so the caller hands it over). */
export type UnitNamesReader = (q: Queryable, ids: number[]) => Promise<Map<number, string>>;

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
 * Unit names come from `unitNames`, one call per page.
 * @example const page = await listAudit(db, scope, { entity: 'person' }, { limit: 100 }, latestUnitNames);
 */
export async function listAudit(q: Queryable, scope: UnitScope, f: AuditFilter, page: { beforeId?: number; limit: number }, unitNames: UnitNamesReader): Promise<AuditRow[]> {
  const params: unknown[] = scope.all ? [] : [scope.unitIds];
  const where = [scope.all ? 'true' : 'a.org_unit_id = any($1::bigint[])'];
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
  const rows = await q.query<{ id: number; at: string; actor_id: number | null; actor_name: string | null; action: string; entity: string; entity_id: string | null; org_unit_id: number | null; before: unknown; after: unknown; hash: string }>(
    `select a.id, a.at, a.actor_id, a.actor_name, a.action, a.entity, a.entity_id, a.org_unit_id, a.before, a.after, a.hash
       from audit_log a where ${where.join(' and ')} order by a.id desc limit $${params.length}`,
    params,
  );
  const names = await unitNames(q, [...new Set(rows.flatMap((r) => (r.org_unit_id == null ? [] : [Number(r.org_unit_id)])))]);
  return rows.map((r) => ({
    id: r.id, at: r.at, actorId: r.actor_id, actorName: r.actor_name, action: r.action, entity: r.entity, entityId: r.entity_id, orgUnitId: r.org_unit_id,
    unitName: r.org_unit_id == null ? null : (names.get(Number(r.org_unit_id)) ?? null), before: maskPersonalFields(r.before), after: maskPersonalFields(r.after), hash: r.hash,
  }));
}
