import type { Queryable } from '../../server/db.ts';
import { enqueue } from '../../server/jobs.ts';
import { POLICY, type Permission } from '../auth/roles.ts';
import { activeUsersWithRolesOn } from '../auth/recipients.ts';
import { ancestorChains } from '../org/tree-walks.ts';
import { sendEmails } from './email.ts';
import { type NotificationParams, isNotificationKind } from './kinds.ts';
import { mailEnabled } from './mail-config.ts';
import { insertNotifications } from './repo.ts';

export interface NotifyInput {
  userIds: number[];
  /** A kind declared with `defineNotificationKind`. */
  kind: string;
  params?: NotificationParams;
  /** Where the notification leads in the app: a path such as `/dossiers/12`. */
  link?: string | null;
  entity?: string | null;
  entityId?: number | null;
}

/** An app path: one leading slash, so a link can never point to another site (`//evil`, `javascript:`). */
const APP_PATH = /^\/(?!\/)[^\s\\]*$/;

/**
 * Tells users about something, in the caller's transaction (rolled back with it): one in-app notification each,
 * and, when SMTP_URL is set, an e-mail job sent after the commit (never inside the request).
 * @example await notify(q, { userIds, kind: 'dossier.returned', params: { code, reason }, link: `/dossiers/${id}`, entity: 'dossier', entityId: id });
 * @throws Error for an undeclared kind or a link that is not an app path (programming errors)
 */
export async function notify(q: Queryable, input: NotifyInput): Promise<void> {
  if (!isNotificationKind(input.kind)) throw new Error(`Notification kind ${input.kind} is not declared (defineNotificationKind)`);
  const link = input.link ?? null;
  if (link !== null && !APP_PATH.test(link)) throw new Error(`Notification link must be an app path: ${link}`);
  const userIds = [...new Set(input.userIds.map(Number))].filter((id) => Number.isInteger(id) && id > 0);
  if (userIds.length === 0) return;
  const ids = await insertNotifications(q, { userIds, kind: input.kind, params: input.params ?? {}, link, entity: input.entity ?? null, entityId: input.entityId ?? null });
  if (mailEnabled()) await enqueue(q, sendEmails, { notificationIds: ids });
}

/**
 * Active users who hold `permission` over a unit: a role that grants it on the unit or on one of its ancestors
 * (by latest parent), as scopes are drawn (auth/scope.ts).
 */
export async function usersWithPermissionOver(q: Queryable, permission: Permission, unitId: number): Promise<number[]> {
  const chain = (await ancestorChains(q, [unitId])).get(unitId) ?? [unitId];
  return activeUsersWithRolesOn(q, POLICY[permission], chain);
}
