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
 * Checks the version a client sent against a row's current one, which its owner has just read and locked
 * (`select version … for update`): audit names no other module's table. On mismatch throws 409 with what others
 * changed since, read from the log.
 * @example const [row] = await q.query('select version from app_user where id = $1 for update', [id]); await assertVersion(q, 'app_user', id, row?.version, sent);
 * @throws AppError NOT_FOUND (no row: `current` undefined) | VERSION_CONFLICT
 */
export async function assertVersion(q: Queryable, entity: string, id: number, current: number | undefined, sent: number): Promise<void> {
  if (current === undefined) throw new AppError('NOT_FOUND');
  if (current === sent) return;
  const changes = await changesSince(q, entity, id, sent);
  throw new AppError('VERSION_CONFLICT', {
    currentVersion: current,
    yourVersion: sent,
    fields: [...new Set(changes.flatMap((c) => c.fields))],
    changes,
  });
}
