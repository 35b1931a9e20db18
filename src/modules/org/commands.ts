import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope } from '../auth/scope.ts';
import { occupantsOf } from './hooks.ts';
import * as repo from './repo.ts';
import type { UnitAsOf, UnitKind } from './types.ts';

const snapshot = (u: UnitAsOf | null) => u && { code: u.code, kind: u.kind, name: u.name, shortName: u.shortName, parentId: u.parentId, establishedOn: u.establishedOn, dissolvedOn: u.dissolvedOn, version: u.version };

/** The event a new version is: a move keeps the name, a rename keeps the parent, both at once is an update. */
export const changeKindOf = (moving: boolean, renamed: boolean): 'move' | 'update' | 'rename' => (moving && !renamed ? 'move' : moving ? 'update' : 'rename');

/** @throws AppError NOT_FOUND when the unit does not exist or lies outside the scope. */
export async function loadUnitInScope(q: Queryable, scope: Scope, id: number): Promise<UnitAsOf> {
  const unit = await repo.findUnit(q, id);
  if (!unit) throw new AppError('NOT_FOUND');
  assertInScope(scope, id);
  return unit;
}

/**
 * A change on `on` must come after the unit's last change; with `sameDay`, a change on the very day of the last
 * one is a correction of it (returned: the version it replaces), not refused.
 * @throws AppError ORG_NOT_ACTIVE | ORG_DATE_INVALID when a change on `on` cannot apply to the unit.
 */
export async function assertChangeable(q: Queryable, unit: UnitAsOf, on: string, sameDay = false): Promise<repo.OpenVersion | null> {
  if (unit.dissolvedOn || on < unit.establishedOn) throw new AppError('ORG_NOT_ACTIVE', { code: unit.code, date: on });
  const last = await repo.latestVersionStart(q, unit.id);
  if (sameDay && last === on) return repo.openVersion(q, unit.id);
  if (last && on <= last) throw new AppError('ORG_DATE_INVALID', { field: 'effectiveOn', reason: `phải sau ngày thay đổi gần nhất ${last}`, after: last });
  return null;
}

async function assertParentUsable(q: Queryable, scope: Scope, parentId: number | null, on: string): Promise<void> {
  if (parentId === null) return;
  const parent = await loadUnitInScope(q, scope, parentId);
  if (parent.establishedOn > on || (parent.dissolvedOn && parent.dissolvedOn <= on)) throw new AppError('ORG_NOT_ACTIVE', { code: parent.code, date: on, field: 'parentId' });
}

export interface CreateUnitInput {
  code: string;
  kind: UnitKind;
  name: string;
  shortName?: string | null;
  parentId: number | null;
  establishedOn: string;
}

/**
 * Creates a unit under a parent the actor covers.
 * @throws AppError DUPLICATE_CODE | NOT_FOUND | ORG_NOT_ACTIVE | FORBIDDEN
 */
export async function createUnit(db: Db, actor: Actor, scope: Scope, input: CreateUnitInput): Promise<UnitAsOf> {
  if (input.parentId === null && !scope.all) throw new AppError('FORBIDDEN', { field: 'parentId' });
  return db.tx(async (q) => {
    await assertParentUsable(q, scope, input.parentId, input.establishedOn);
    if (await repo.findUnitByCode(q, input.code)) throw new AppError('DUPLICATE_CODE', { code: input.code, field: 'code' });
    const eventId = await repo.insertEvent(q, 'create', input.establishedOn, null, actor.id);
    const id = await repo.insertUnit(q, { ...input, name: nfc(input.name), shortName: input.shortName ? nfc(input.shortName) : null, eventId });
    await repo.addEventUnits(q, eventId, [id]);
    const created = await repo.findUnit(q, id);
    await audit(q, actor, [{ action: 'org.create', entity: 'org_unit', entityId: id, orgUnitId: id, before: null, after: snapshot(created) }]);
    return created as UnitAsOf;
  });
}

export interface ChangeUnitInput {
  version: number;
  effectiveOn: string;
  name?: string;
  shortName?: string | null;
  parentId?: number | null;
  note?: string | null;
}

/**
 * Renames and/or moves a unit from a date, keeping the former name and parent as history. A change on the day of
 * the unit's last change corrects that change: a new version and event replace it (the corrected ones stay, named
 * by `corrects_id` / `corrects_event_id`), audited as `org.correct`.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | ORG_CYCLE | ORG_DATE_INVALID | ORG_NOT_ACTIVE
 */
export async function changeUnit(db: Db, actor: Actor, scope: Scope, id: number, input: ChangeUnitInput): Promise<UnitAsOf> {
  return db.tx(async (q) => {
    const before = await loadUnitInScope(q, scope, id);
    await assertVersion(q, 'org_unit', id, await repo.lockVersion(q, id), input.version);
    const corrected = await assertChangeable(q, before, input.effectiveOn, true);
    const newParent = input.parentId;
    const moving = newParent !== undefined && newParent !== before.parentId;
    if (moving) {
      if (newParent === null && !scope.all) throw new AppError('FORBIDDEN', { field: 'parentId' });
      if (newParent !== null) {
        if ((await repo.ancestorsOf(q, newParent)).includes(id)) throw new AppError('ORG_CYCLE', { field: 'parentId' });
        await assertParentUsable(q, scope, newParent, input.effectiveOn);
      }
    }
    const next = {
      name: input.name !== undefined ? nfc(input.name) : before.name,
      shortName: input.shortName !== undefined ? (input.shortName ? nfc(input.shortName) : null) : before.shortName,
      parentId: moving ? (input.parentId as number | null) : before.parentId,
    };
    const kind = changeKindOf(moving, next.name !== before.name);
    const eventId = await repo.insertEvent(q, kind, input.effectiveOn, input.note ?? null, actor.id, [id], corrected?.eventId ?? null);
    if (corrected) await repo.correctVersion(q, id, corrected.id, input.effectiveOn, next, eventId);
    else await repo.addVersion(q, id, input.effectiveOn, next, eventId);
    const after = await repo.findUnit(q, id);
    const action = corrected ? 'org.correct' : `org.${kind}`;
    const correction = corrected ? { correctsEventId: corrected.eventId } : {};
    await audit(q, actor, [{ action, entity: 'org_unit', entityId: id, orgUnitId: id, before: snapshot(before), after: { ...snapshot(after), effectiveOn: input.effectiveOn, ...correction } }]);
    return after as UnitAsOf;
  });
}

/**
 * Dissolves a unit that has no active sub-units and nobody working in it.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | ORG_NOT_EMPTY | ORG_DATE_INVALID
 */
export async function dissolveUnit(db: Db, actor: Actor, scope: Scope, id: number, input: { version: number; effectiveOn: string; note?: string | null }): Promise<UnitAsOf> {
  return db.tx(async (q) => {
    const before = await loadUnitInScope(q, scope, id);
    await assertVersion(q, 'org_unit', id, await repo.lockVersion(q, id), input.version);
    await assertChangeable(q, before, input.effectiveOn);
    const children = await repo.activeChildren(q, id, input.effectiveOn);
    const people = await occupantsOf(q, id, input.effectiveOn);
    if (children.length > 0 || people > 0) throw new AppError('ORG_NOT_EMPTY', { code: before.code, children: children.length, people });
    await repo.insertEvent(q, 'dissolve', input.effectiveOn, input.note ?? null, actor.id, [id]);
    await repo.closeUnit(q, id, input.effectiveOn);
    const after = await repo.findUnit(q, id);
    await audit(q, actor, [{ action: 'org.dissolve', entity: 'org_unit', entityId: id, orgUnitId: id, before: snapshot(before), after: snapshot(after) }]);
    return after as UnitAsOf;
  });
}

export { snapshot as unitSnapshot };
