import type { Queryable } from '../../server/db.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import { applyUnitsBatch } from '../org/commands-batch.ts';
import type { OrgPlan } from './org-plan.ts';

/** What applying an org-unit plan wrote. */
export interface UnitsWriteResult {
  created: number;
  updated: number;
  audit: AuditEntry[];
}

/**
 * Writes an org-unit plan through the org module's batch command, so history works as for edits in the UI:
 * new units get a creation event (one per establishment date) and a first version; renamed or moved units get a
 * new version from the plan's effective date, keeping the old name and parent as history. Runs inside the
 * caller's transaction.
 */
export function writeUnits(q: Queryable, actor: Actor, plan: OrgPlan, importId: number): Promise<UnitsWriteResult> {
  return applyUnitsBatch(q, actor, {
    creates: plan.creates.map((s) => ({ code: s.code, kind: s.kind, name: s.name, shortName: s.shortName, parentCode: s.parentCode, establishedOn: s.establishedOn })),
    updates: plan.updates.map((u) => ({
      before: u.before, kind: u.staged.kind, name: u.staged.name, shortName: u.staged.shortName, parentCode: u.staged.parentCode,
      versionChanged: u.versionChanged, kindChanged: u.kindChanged,
    })),
    effectiveOn: plan.effectiveOn,
    known: plan.existing,
    note: `Nhập từ Excel (lượt nhập #${importId})`,
    tag: { importId },
  });
}
