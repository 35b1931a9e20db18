import type { Queryable } from '../../server/db.ts';
import type { NotificationParams } from './kinds.ts';

export interface NotificationRow {
  id: number;
  user_id: number;
  kind: string;
  params: NotificationParams;
  link: string | null;
  entity: string | null;
  entity_id: number | null;
  created_at: string;
  read_at: string | null;
  emailed_at: string | null;
}

const COLUMNS = 'id, user_id, kind, params, link, entity, entity_id, created_at, read_at, emailed_at';

export async function insertNotifications(
  q: Queryable,
  n: { userIds: number[]; kind: string; params: NotificationParams; link: string | null; entity: string | null; entityId: number | null },
): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `insert into notification (user_id, kind, params, link, entity, entity_id)
     select u, $2::text, $3::jsonb, $4::text, $5::text, $6::bigint from unnest($1::bigint[]) as u returning id`,
    [n.userIds, n.kind, JSON.stringify(n.params), n.link, n.entity, n.entityId],
  );
  return rows.map((r) => Number(r.id));
}

/** A user's notifications, latest first (keyset on id). */
export function listForUser(q: Queryable, userId: number, opts: { limit: number; beforeId?: number; unreadOnly?: boolean }): Promise<NotificationRow[]> {
  return q.query(
    `select ${COLUMNS} from notification
      where user_id = $1 and ($2::bigint is null or id < $2) and (not $3 or read_at is null)
      order by id desc limit $4`,
    [userId, opts.beforeId ?? null, opts.unreadOnly ?? false, opts.limit],
  );
}

export async function unreadCount(q: Queryable, userId: number): Promise<number> {
  const [row] = await q.query<{ n: number }>('select count(*)::int as n from notification where user_id = $1 and read_at is null', [userId]);
  return row.n;
}

/** Marks the user's own notifications read: the ids given, or all. Others' ids are silently not touched. */
export async function markRead(q: Queryable, userId: number, ids: number[] | null): Promise<void> {
  await q.query(
    'update notification set read_at = now() where user_id = $1 and read_at is null and ($2::bigint[] is null or id = any($2::bigint[]))',
    [userId, ids],
  );
}

/** The notifications of an e-mail job not yet sent. */
export function unsent(q: Queryable, ids: number[]): Promise<NotificationRow[]> {
  return q.query(`select ${COLUMNS} from notification where id = any($1::bigint[]) and emailed_at is null order by id`, [ids]);
}

export async function markEmailed(q: Queryable, id: number): Promise<void> {
  await q.query('update notification set emailed_at = now() where id = $1 and emailed_at is null', [id]);
}
