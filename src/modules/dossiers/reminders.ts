/**
 * Deadline reminders (issue 12 §7–8): every morning a recurring job tells whoever holds an open dossier that its
 * deadline (in working days, set by each state of workflow.yaml) is the next working day, or that it has passed.
 * The dossier row records the day it was reminded, in the statement that picks it, so a dossier is reminded once a
 * day whichever app instance runs the job.
 */
import { defineJob } from '../../server/jobs.ts';
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { defineNotificationKind } from '../notifications/kinds.ts';
import { notify, usersWithPermissionOver } from '../notifications/notify.ts';

defineNotificationKind('dossier.due', { vi: 'Hồ sơ số {id} "{title}" đến hạn xử lý ngày {dueOn}', en: 'Dossier {id} "{title}" is due on {dueOn}' });
defineNotificationKind('dossier.overdue', { vi: 'Hồ sơ số {id} "{title}" đã quá hạn xử lý (hạn {dueOn})', en: 'Dossier {id} "{title}" is overdue (due {dueOn})' });

interface DueDossier { id: number; title: string; dueOn: string; holderUnitId: number; senderUnitId: number }

/** Who acts next on a dossier: its sender's officers while it sits with the sender, else the receiving level's appraisers and deciders. */
async function holdersOf(q: Queryable, d: DueDossier): Promise<number[]> {
  if (d.holderUnitId === d.senderUnitId) return usersWithPermissionOver(q, 'dossier.write', d.holderUnitId);
  const [appraisers, deciders] = [await usersWithPermissionOver(q, 'dossier.appraise', d.holderUnitId), await usersWithPermissionOver(q, 'dossier.decide', d.holderUnitId)];
  return [...new Set([...appraisers, ...deciders])];
}

/**
 * Reminds the holders of every open dossier due by the next working day after `today`, or overdue, and not yet
 * reminded today; returns how many dossiers it reminded.
 */
export async function remindDeadlines(q: Queryable, today: string): Promise<number> {
  const until = await addWorkingDays(q, today, 1);
  const due = await q.query<DueDossier>(
    `update dossier set reminded_on = $1::date
      where due_on is not null and due_on <= $2::date and concluded_on is null and (reminded_on is null or reminded_on < $1::date)
      returning id::int, title, due_on::text as "dueOn", holder_unit_id::int as "holderUnitId", sender_unit_id::int as "senderUnitId"`,
    [today, until],
  );
  for (const d of due) {
    const kind = d.dueOn < today ? 'dossier.overdue' : 'dossier.due';
    await notify(q, { userIds: await holdersOf(q, d), kind, params: { id: d.id, title: d.title, dueOn: d.dueOn.split('-').reverse().join('/') }, link: `/dossiers/${d.id}`, entity: 'dossier', entityId: d.id });
  }
  return due.length;
}

/** 07:00 in the city, every day. */
export const deadlineReminders = defineJob<Record<string, never>>('dossiers.deadline-reminders', async (_data, ctx) => {
  await ctx.db.tx((q) => remindDeadlines(q, cityToday()));
}, { cron: '0 7 * * *' });
