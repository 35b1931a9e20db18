import nodemailer from 'nodemailer';
import { defineJob } from '../../server/jobs.ts';
import { activeContacts } from '../auth/recipients.ts';
import { renderNotification } from './kinds.ts';
import { markEmailed, unsent } from './repo.ts';

const SUBJECT_PREFIX = { vi: '[Thi đua - Khen thưởng]', en: '[Emulation & Commendation]' } as const;
const OPEN = { vi: 'Xem trên hệ thống', en: 'Open in the app' } as const;

/**
 * Sends the e-mails of a `notify` (a pg-boss job, retried with backoff when the SMTP server fails): one message per
 * recipient with an address, in their language. Each sent notification is marked at once, so a retry after a
 * partial failure sends only the rest.
 */
export const sendEmails = defineJob<{ notificationIds: number[] }>('notifications.email', async (data, ctx) => {
  if (!ctx.config.smtpUrl) return; // SMTP_URL removed since the job was queued: in-app only.
  const rows = await unsent(ctx.db, data.notificationIds);
  if (rows.length === 0) return;
  const contacts = await activeContacts(ctx.db, rows.map((r) => r.user_id));
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  try {
    for (const row of rows) {
      const to = contacts.get(Number(row.user_id));
      if (!to?.email) {
        await markEmailed(ctx.db, row.id); // nobody to write to: settled, not retried
        continue;
      }
      const text = renderNotification(row.kind, row.params, to.locale);
      const url = row.link ? `${ctx.config.publicUrl}${row.link}` : ctx.config.publicUrl;
      await transport.sendMail({
        from: ctx.config.mailFrom,
        to: { name: to.displayName, address: to.email },
        subject: `${SUBJECT_PREFIX[to.locale]} ${text}`.slice(0, 250),
        text: `${to.displayName},\n\n${text}\n\n${OPEN[to.locale]}: ${url}\n`,
      });
      await markEmailed(ctx.db, row.id);
    }
  } finally {
    transport.close();
  }
}, { retryLimit: 5, retryDelay: 60, retryBackoff: true });
