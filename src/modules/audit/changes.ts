import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';

export interface ChangeSince {
  at: string;
  actor: string | null;
  action: string;
  fields: string[];
}

/**
 * What others changed on a record after the version a client last saw, read from the audit log.
 * Used to answer a stale save with 409 and the list of changes instead of overwriting them.
 */
export async function changesSince(q: Queryable, entity: string, entityId: number, version: number): Promise<ChangeSince[]> {
  const rows = await q.query<{ at: string; actor_name: string | null; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    `select at, actor_name, action, before, after from audit_log
      where entity = $1 and entity_id = $2 and coalesce((after->>'version')::int, 0) > $3 order by id`,
    [entity, String(entityId), version],
  );
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor_name,
    action: r.action,
    fields: Object.keys({ ...r.before, ...r.after }).filter(
      (k) => k !== 'version' && JSON.stringify(r.before?.[k]) !== JSON.stringify(r.after?.[k]),
    ),
  }));
}

/**
 * Locks a versioned row and checks the client's version; on mismatch throws 409 with what changed.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT
 */
export async function expectVersion(q: Queryable, table: 'org_unit' | 'person' | 'app_user', entity: string, id: number, version: number): Promise<void> {
  const rows = await q.query<{ version: number }>(`select version from ${table} where id = $1 for update`, [id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  if (rows[0].version !== version) {
    const changes = await changesSince(q, entity, id, version);
    throw new AppError('VERSION_CONFLICT', {
      currentVersion: rows[0].version,
      yourVersion: version,
      fields: [...new Set(changes.flatMap((c) => c.fields))],
      changes,
    });
  }
}
