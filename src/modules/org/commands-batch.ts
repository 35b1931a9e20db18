import type { Queryable } from '../../server/db.ts';
import type { Actor, AuditEntry } from '../audit/audit.ts';
import type { LatestUnit } from './by-code.ts';
import { changeKindOf, unitSnapshot } from './commands.ts';
import * as repo from './repo.ts';
import type { UnitAsOf, UnitKind } from './types.ts';

// Many units created and changed at once (an Excel import), with the history, events and audit snapshots of the
// single-unit commands (commands.ts). The caller has checked every row (scope, dates, cycles): rows that would be
// refused are not in the batch.

/** A unit to create; its parent is named by code (a stored unit or one created earlier in the same batch). */
export interface NewUnitRow {
  code: string;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  parentCode: string | null;
  establishedOn: string;
}

/** A stored unit's new name, short name, parent or kind. */
export interface UnitChangeRow {
  before: LatestUnit;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  parentCode: string | null;
  /** Name, short name or parent differ: a new version from the batch's effective date. */
  versionChanged: boolean;
  kindChanged: boolean;
}

export interface UnitsBatch {
  /** Parents before children. */
  creates: NewUnitRow[];
  updates: UnitChangeRow[];
  /** The day renames and moves take effect. */
  effectiveOn: string;
  /** Stored units the rows' parent codes may name. */
  known: Map<string, LatestUnit>;
  /** The note of every event the batch records. */
  note: string;
  /** Added to every audit entry's `after` (e.g. `{ importId }`). */
  tag: Record<string, unknown>;
}

const asOf = (u: LatestUnit): UnitAsOf => ({
  id: u.id, code: u.code, kind: u.kind, name: u.name, shortName: u.short_name, parentId: u.parent_id,
  establishedOn: u.established_on, dissolvedOn: u.dissolved_on, version: u.version,
});

/**
 * Writes a batch of units inside the caller's transaction: new units get one creation event per establishment
 * date and a first version; renamed or moved units a new version from `effectiveOn`, keeping the old name and
 * parent as history; a changed kind is a plain update. Returns the audit entries for the caller to write with
 * its own. Files of units are small (hundreds of rows): one statement or two per unit.
 */
export async function applyUnitsBatch(q: Queryable, actor: Actor, b: UnitsBatch): Promise<{ created: number; updated: number; audit: AuditEntry[] }> {
  const audit: AuditEntry[] = [];
  const ids = new Map<string, number>([...b.known.values()].map((u) => [u.code, u.id]));
  const parentOf = (code: string | null) => (code ? ids.get(code) ?? null : null);
  const events = new Map<string, { id: number; units: number[] }>();

  for (const s of b.creates) {
    let event = events.get(s.establishedOn);
    if (!event) {
      event = { id: await repo.insertEvent(q, 'create', s.establishedOn, b.note, actor.id), units: [] };
      events.set(s.establishedOn, event);
    }
    const parentId = parentOf(s.parentCode);
    const id = await repo.insertUnit(q, { code: s.code, kind: s.kind, name: s.name, shortName: s.shortName, parentId, establishedOn: s.establishedOn, eventId: event.id });
    ids.set(s.code, id);
    event.units.push(id);
    const created: UnitAsOf = { id, code: s.code, kind: s.kind, name: s.name, shortName: s.shortName, parentId, establishedOn: s.establishedOn, dissolvedOn: null, version: 1 };
    audit.push({ action: 'org.create', entity: 'org_unit', entityId: id, orgUnitId: id, before: null, after: { ...unitSnapshot(created), ...b.tag } });
  }
  for (const event of events.values()) await repo.addEventUnits(q, event.id, event.units);

  for (const u of b.updates) {
    const before = asOf(u.before);
    let version = before.version;
    if (u.versionChanged) {
      const parentId = parentOf(u.parentCode);
      const kind = changeKindOf(parentId !== before.parentId, u.name !== before.name);
      const eventId = await repo.insertEvent(q, kind, b.effectiveOn, b.note, actor.id, [before.id]);
      await repo.addVersion(q, before.id, b.effectiveOn, { name: u.name, shortName: u.shortName, parentId }, eventId);
      version++;
      const after = { ...before, name: u.name, shortName: u.shortName, parentId, version };
      audit.push({ action: `org.${kind}`, entity: 'org_unit', entityId: before.id, orgUnitId: before.id, before: unitSnapshot(before), after: { ...unitSnapshot(after), effectiveOn: b.effectiveOn, ...b.tag } });
    }
    if (u.kindChanged) {
      await repo.setKind(q, before.id, u.kind);
      audit.push({ action: 'org.update', entity: 'org_unit', entityId: before.id, orgUnitId: before.id, before: { kind: before.kind, version }, after: { kind: u.kind, version: version + 1, ...b.tag } });
    }
  }
  return { created: b.creates.length, updated: b.updates.length, audit };
}
