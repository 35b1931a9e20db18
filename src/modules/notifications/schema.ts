import { z } from 'zod';

export const ZNotification = z.object({
  id: z.number(),
  kind: z.string(),
  /** Rendered in the reader's language from the kind's text and the params. */
  text: z.string(),
  link: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.number().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const ZNotificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** Keyset: notifications older than this id (the last of the previous page). */
  before: z.coerce.number().int().positive().optional(),
  unreadOnly: z.enum(['true', 'false']).optional(),
});

export const ZNotificationsResponse = z.object({ items: z.array(ZNotification), unread: z.number() });

export const ZReadRequest = z.strictObject({
  /** The notifications to mark read; absent: all of the user's. */
  ids: z.array(z.number().int().positive()).max(500).optional(),
});
export const ZReadResponse = z.object({ unread: z.number() });

export const ZInboxItem = z.object({
  kind: z.string(),
  entity: z.string(),
  entityId: z.number(),
  title: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  link: z.string(),
});

export const ZInboxGroup = z.object({
  source: z.string(),
  kind: z.string(),
  /** In the reader's language; null when the source gave none. */
  label: z.string().nullable(),
  count: z.number(),
  overdue: z.number(),
  items: z.array(ZInboxItem),
});

export const ZInboxResponse = z.object({ groups: z.array(ZInboxGroup), total: z.number(), overdue: z.number() });
