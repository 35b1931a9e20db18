import type { Db } from '../../server/db.ts';
import { type Actor, audit } from '../audit/audit.ts';

/** Sets the signed-in user's language for messages and the web app (audited). */
export async function changeOwnLocale(db: Db, actor: Actor, user: { id: number; locale: 'vi' | 'en' }, locale: 'vi' | 'en'): Promise<void> {
  await db.tx(async (q) => {
    await q.query('update app_user set locale = $2 where id = $1', [user.id, locale]);
    await audit(q, actor, [{ action: 'user.locale', entity: 'app_user', entityId: user.id, before: { locale: user.locale }, after: { locale } }]);
  });
}
