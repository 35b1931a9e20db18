import type { Queryable } from '../../server/db.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import * as repo from '../org/repo.ts';
import type { OrgPlan } from './org-plan.ts';

/** What applying an org-unit plan wrote. */
export interface UnitsWriteResult {
  created: number;
  updated: number;
  audit: AuditEntry[];
}

/**
 * Writes an org-unit plan through the org repository, so history works as for edits in the UI:
 * new units get a creation event (one per establishment date) and a first version; renamed or moved
 * units get a new version from the plan's effective date, keeping the old name and parent as history.
 * Runs inside the caller's transaction. Org files are small (hundreds of rows), so one call per unit is fine.
 */
export async function writeUnits(q: Queryable, actor: Actor, plan: OrgPlan, importId: number): Promise<UnitsWriteResult> {
  const audit: AuditEntry[] = [];
  const note = `Nhập từ Excel (lượt nhập #${importId})`;
  const ids = new Map<string, number>([...plan.existing.values()].map((u) => [u.code, u.id]));
  const events = new Map<string, { id: number; units: number[] }>();

  for (const s of plan.creates) {
    let event = events.get(s.establishedOn);
    if (!event) {
      event = { id: await repo.insertEvent(q, 'create', s.establishedOn, note, actor.id), units: [] };
      events.set(s.establishedOn, event);
    }
    const parentId = s.parentCode ? ids.get(s.parentCode) ?? null : null;
    const id = await repo.insertUnit(q, { code: s.code, kind: s.kind, name: s.name, shortName: s.shortName, parentId, establishedOn: s.establishedOn, eventId: event.id });
    ids.set(s.code, id);
    event.units.push(id);
    audit.push({ action: 'org.create', entity: 'org_unit', entityId: id, orgUnitId: id, before: null, after: { code: s.code, kind: s.kind, name: s.name, shortName: s.shortName, parentId, establishedOn: s.establishedOn, dissolvedOn: null, version: 1, importId } });
  }
  for (const event of events.values()) await repo.addEventUnits(q, event.id, event.units);

  for (const u of plan.updates) {
    const b = u.before;
    const s = u.staged;
    const parentId = s.parentCode ? ids.get(s.parentCode) ?? null : null;
    const before = { code: b.code, kind: b.kind, name: b.name, shortName: b.short_name, parentId: b.parent_id, establishedOn: b.established_on };
    if (u.versionChanged) {
      const moving = parentId !== b.parent_id;
      const kind = moving && s.name === b.name ? 'move' : moving ? 'update' : 'rename';
      const eventId = await repo.insertEvent(q, kind, plan.effectiveOn, note, actor.id, [b.id]);
      await repo.addVersion(q, b.id, plan.effectiveOn, { name: s.name, shortName: s.shortName, parentId }, eventId);
      audit.push({ action: `org.${kind}`, entity: 'org_unit', entityId: b.id, orgUnitId: b.id, before, after: { ...before, name: s.name, shortName: s.shortName, parentId, effectiveOn: plan.effectiveOn, importId } });
    }
    if (u.kindChanged) {
      await q.query('update org_unit set kind = $2 where id = $1', [b.id, s.kind]);
      await repo.bumpVersion(q, b.id);
      audit.push({ action: 'org.update', entity: 'org_unit', entityId: b.id, orgUnitId: b.id, before: { kind: b.kind }, after: { kind: s.kind, importId } });
    }
  }
  return { created: plan.creates.length, updated: plan.updates.length, audit };
}
