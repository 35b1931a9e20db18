import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { requireUser } from '../../server/http.ts';
import { inboxOf } from './inbox.ts';
import { renderNotification } from './kinds.ts';
import { configureMail } from './mail-config.ts';
import { listForUser, markRead, unreadCount } from './repo.ts';
import * as s from './schema.ts';

const tags = ['notifications'];

/** The signed-in user's notifications (own only) and inbox. */
export function notificationRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  configureMail(config);
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/notifications', { schema: { tags, querystring: s.ZNotificationsQuery, response: { 200: s.ZNotificationsResponse } } }, async (req) => {
      const user = requireUser(req);
      const rows = await listForUser(db, user.id, { limit: req.query.limit ?? 20, beforeId: req.query.before, unreadOnly: req.query.unreadOnly === 'true' });
      const items = rows.map((r) => ({
        id: r.id, kind: r.kind, text: renderNotification(r.kind, r.params, req.locale), link: r.link, entity: r.entity,
        entityId: r.entity_id, createdAt: r.created_at, readAt: r.read_at,
      }));
      return { items, unread: await unreadCount(db, user.id) };
    });

    app.post('/notifications/read', { schema: { tags, body: s.ZReadRequest, response: { 200: s.ZReadResponse } } }, async (req) => {
      const user = requireUser(req);
      await markRead(db, user.id, req.body.ids ?? null);
      return { unread: await unreadCount(db, user.id) };
    });

    app.get('/inbox', { schema: { tags, response: { 200: s.ZInboxResponse } } }, async (req) => {
      const user = requireUser(req);
      const groups = await inboxOf(db, user, (source, error) => req.log.error({ err: error, source }, 'inbox source failed'));
      return {
        groups: groups.map((g) => ({ ...g, label: g.label?.[req.locale] ?? null })),
        total: groups.reduce((n, g) => n + g.count, 0),
        overdue: groups.reduce((n, g) => n + g.overdue, 0),
      };
    });
  };
}
