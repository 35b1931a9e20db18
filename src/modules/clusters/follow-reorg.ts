import type { AuditEntry } from '../audit/audit.ts';
import { onReorganise } from '../org/hooks.ts';
import type { ReorgHandler } from '../org/types.ts';
import * as repo from './repo.ts';

/**
 * Cluster membership follows a merger or split: the former units' rows of the effective date's year close (kept,
 * naming the successor) and the successor takes their place, once per cluster. Earlier years stay as they were.
 */
export const moveMembersOnReorg: ReorgHandler = async (q, change) => {
  const year = Number(change.effectiveOn.slice(0, 4));
  const rows = await repo.activeMembershipsOf(q, change.fromUnitIds, year);
  const entries: AuditEntry[] = [];
  for (const r of rows) {
    const added = await repo.moveMembership(q, r.id, change.toUnitId, change.effectiveOn);
    if (added) await repo.insertScorecard(q, r.cluster_id, year, change.toUnitId);
    entries.push({ action: `cluster.member_follow_${change.kind}`, entity: 'cluster', entityId: r.cluster_id, orgUnitId: change.toUnitId, before: { year, unitId: r.unit_id }, after: { year, unitId: change.toUnitId, effectiveOn: change.effectiveOn } });
  }
  return entries;
};

onReorganise(moveMembersOnReorg);
