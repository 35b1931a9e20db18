/**
 * Who is told what, in the transition's transaction: the sender (the officer who made the dossier and whoever sent
 * it last) when it comes back, is decided or rejected; the receiving level's appraisers when it arrives.
 */
import type { Queryable } from '../../server/db.ts';
import { defineNotificationKind } from '../notifications/kinds.ts';
import { notify, usersWithPermissionOver } from '../notifications/notify.ts';
import type { DossierRow } from './repo.ts';

defineNotificationKind('dossier.returned', { vi: 'Hồ sơ số {id} "{title}" bị trả lại: {reason}', en: 'Dossier {id} "{title}" was returned: {reason}' });
defineNotificationKind('dossier.decided', { vi: 'Hồ sơ số {id} "{title}" đã có quyết định {number}', en: 'Dossier {id} "{title}" was decided {number}' });
defineNotificationKind('dossier.rejected', { vi: 'Hồ sơ số {id} "{title}" không được chấp nhận: {reason}', en: 'Dossier {id} "{title}" was rejected: {reason}' });
defineNotificationKind('dossier.arrived', { vi: 'Hồ sơ số {id} "{title}" đã được gửi đến, cần tiếp nhận', en: 'Dossier {id} "{title}" has arrived and waits to be received' });

const TO_SENDER: Record<string, string> = { returned: 'dossier.returned', decided: 'dossier.decided', rejected: 'dossier.rejected' };

async function senders(q: Queryable, d: DossierRow): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    "select actor_id as id from dossier_event where dossier_id = $1 and action in ('submit', 'resubmit', 'fast_track') and actor_id is not null order by id desc limit 1",
    [d.id],
  );
  return [d.createdBy, ...rows.map((r) => r.id)];
}

/** Notifies after a state change (same transaction). */
export async function noticeOf(q: Queryable, d: DossierRow, to: string, reason: Record<string, unknown> | null): Promise<void> {
  const link = `/dossiers/${d.id}`;
  const base = { entity: 'dossier', entityId: d.id, link };
  const kind = TO_SENDER[to];
  if (kind) {
    const returns = (reason?.returnReasons as { note: string }[] | undefined)?.map((r) => r.note).join('; ');
    const decision = (reason?.decision as { number?: string } | undefined)?.number ?? d.decisionNumber ?? '';
    await notify(q, { ...base, userIds: await senders(q, d), kind, params: { id: d.id, title: d.title, reason: returns ?? (reason?.text as string | undefined) ?? '', number: decision } });
  }
  if (to === 'submitted' || to === 'resubmitted') {
    await notify(q, { ...base, userIds: await usersWithPermissionOver(q, 'dossier.appraise', d.receiverUnitId), kind: 'dossier.arrived', params: { id: d.id, title: d.title } });
  }
}
