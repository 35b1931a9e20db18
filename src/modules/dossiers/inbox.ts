/**
 * The inbox source "dossiers": what waits at the user's units — to receive and appraise (the receiving level's
 * appraisers), to decide (its leaders), to fix and resubmit (the sender's officers) — with deadlines.
 */
import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import type { Permission } from '../auth/roles.ts';
import type { Scope } from '../auth/scope.ts';
import { type InboxGroup, registerInboxSource } from '../notifications/inbox.ts';
import { latestUnitNames } from '../org/names.ts';
import * as repo from './repo.ts';

const GROUPS: { kind: string; permission: Permission; states: string[]; vi: string; en: string }[] = [
  { kind: 'dossiers.to_appraise', permission: 'dossier.appraise', states: ['submitted', 'resubmitted', 'received', 'appraisal', 'council', 'consultation'], vi: 'Hồ sơ chờ tiếp nhận, thẩm định', en: 'Dossiers to receive and appraise' },
  { kind: 'dossiers.to_decide', permission: 'dossier.decide', states: ['council', 'consultation'], vi: 'Hồ sơ chờ quyết định', en: 'Dossiers awaiting a decision' },
  { kind: 'dossiers.to_fix', permission: 'dossier.write', states: ['returned'], vi: 'Hồ sơ bị trả lại cần bổ sung', en: 'Returned dossiers to complete' },
];

async function group(q: Queryable, g: (typeof GROUPS)[number], scope: Scope): Promise<InboxGroup> {
  const units = scope.all ? 'all' : scope.unitIds;
  if (units !== 'all' && units.length === 0) return { kind: g.kind, label: { vi: g.vi, en: g.en }, count: 0, overdue: 0, items: [] };
  const { count, overdue } = await repo.heldCounts(q, units, g.states, cityToday());
  const rows = await repo.heldAt(q, units, g.states, 50);
  const names = await latestUnitNames(q, rows.map((r) => r.holderUnitId));
  const today = cityToday();
  return {
    kind: g.kind, label: { vi: g.vi, en: g.en }, count, overdue,
    items: rows.map((d) => ({
      kind: g.kind, entity: 'dossier', entityId: d.id, title: d.title, unitId: d.holderUnitId, unitName: names.get(d.holderUnitId) ?? null,
      dueOn: d.dueOn, overdue: Boolean(d.dueOn && d.dueOn < today), link: `/dossiers/${d.id}`,
    })),
  };
}

registerInboxSource('dossiers', async (q, _user, scopeFor) => Promise.all(GROUPS.map(async (g) => group(q, g, await scopeFor(g.permission)))));
