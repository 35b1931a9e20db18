import type { Queryable } from '../../server/db.ts';
import type { Role } from './roles.ts';

/**
 * Who is told about something (notifications, issue 12 §7): accounts are auth's, so the modules above ask here
 * rather than reading app_user and user_role themselves.
 */

/** Active (not disabled) accounts holding one of `roles` on one of `unitIds`. */
export async function activeUsersWithRolesOn(q: Queryable, roles: readonly Role[], unitIds: readonly number[]): Promise<number[]> {
  if (roles.length === 0 || unitIds.length === 0) return [];
  const rows = await q.query<{ id: number }>(
    `select distinct u.id from user_role r join app_user u on u.id = r.user_id
      where r.role = any($1::text[]) and r.org_unit_id = any($2::bigint[]) and not u.disabled order by u.id`,
    [roles, unitIds],
  );
  return rows.map((r) => Number(r.id));
}

export interface Contact {
  displayName: string;
  email: string | null;
  locale: 'vi' | 'en';
}

/** Name, e-mail and language of active accounts by id (disabled and unknown ids are absent). */
export async function activeContacts(q: Queryable, ids: readonly number[]): Promise<Map<number, Contact>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: number; display_name: string; email: string | null; locale: 'vi' | 'en' }>(
    'select id, display_name, email, locale from app_user where id = any($1::bigint[]) and not disabled',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [Number(r.id), { displayName: r.display_name, email: r.email, locale: r.locale }]));
}
