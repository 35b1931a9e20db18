import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, type AuditEntry, audit } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { assertChangeable, loadUnitInScope, unitSnapshot } from './commands.ts';
import { reorgHandlers } from './hooks.ts';
import * as repo from './repo.ts';
import type { UnitAsOf, UnitKind } from './types.ts';

export interface NewUnitSpec {
  code: string;
  kind: UnitKind;
  name: string;
  shortName?: string | null;
  parentId?: number | null;
}

export interface MergeInput {
  sourceIds: number[];
  /** An existing unit that absorbs the sources, or a new unit (A + B → C). */
  target: { unitId: number } | NewUnitSpec;
  effectiveOn: string;
  note?: string | null;
}

async function createSuccessor(q: Queryable, scope: Scope, spec: NewUnitSpec, defaultParent: number | null, on: string, eventId: number): Promise<number> {
  if (await repo.findUnitByCode(q, spec.code)) throw new AppError('DUPLICATE_CODE', { code: spec.code, field: 'code' });
  const parentId = spec.parentId === undefined ? defaultParent : spec.parentId;
  if (parentId !== null) await loadUnitInScope(q, scope, parentId);
  else if (!scope.all) throw new AppError('FORBIDDEN', { field: 'parentId' });
  return repo.insertUnit(q, { code: spec.code, kind: spec.kind, name: nfc(spec.name), shortName: spec.shortName ? nfc(spec.shortName) : null, parentId, establishedOn: on, eventId });
}

/** Moves a unit's active sub-units under another unit from a date. */
async function moveChildren(q: Queryable, fromId: number, toId: number, on: string, eventId: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const childId of await repo.activeChildren(q, fromId, on)) {
    const child = (await repo.findUnit(q, childId)) as UnitAsOf;
    await repo.addVersion(q, childId, on, { name: child.name, shortName: child.shortName, parentId: toId }, eventId);
    entries.push({ action: 'org.move', entity: 'org_unit', entityId: childId, orgUnitId: childId, before: unitSnapshot(child), after: unitSnapshot(await repo.findUnit(q, childId)) });
  }
  return entries;
}

async function followers(q: Queryable, kind: 'merge' | 'split', fromUnitIds: number[], toUnitId: number, effectiveOn: string, eventId: number): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (const handler of reorgHandlers()) entries.push(...(await handler(q, { kind, fromUnitIds, toUnitId, effectiveOn, eventId })));
  return entries;
}

/**
 * Merges units into one (A + B → C, or A into B) from a date: sources are dissolved, their
 * sub-units and people move to the successor, and lineage links keep their history reachable.
 * @throws AppError NOT_FOUND | ORG_MERGE_INVALID | ORG_NOT_ACTIVE | ORG_DATE_INVALID | DUPLICATE_CODE
 */
export async function mergeUnits(db: Db, actor: Actor, scope: Scope, input: MergeInput): Promise<UnitAsOf> {
  const sourceIds = [...new Set(input.sourceIds)];
  const absorbing = 'unitId' in input.target;
  if (sourceIds.length < (absorbing ? 1 : 2)) throw new AppError('ORG_MERGE_INVALID', { field: 'sourceIds', reason: absorbing ? 'cần ít nhất 1 đơn vị nguồn' : 'cần ít nhất 2 đơn vị nguồn' });
  return db.tx(async (q) => {
    const sources: UnitAsOf[] = [];
    for (const id of sourceIds) {
      const unit = await loadUnitInScope(q, scope, id);
      await assertChangeable(q, unit, input.effectiveOn);
      sources.push(unit);
    }
    const eventId = await repo.insertEvent(q, 'merge', input.effectiveOn, input.note ?? null, actor.id, sourceIds);
    let targetId: number;
    if ('unitId' in input.target) {
      targetId = input.target.unitId;
      if (sourceIds.includes(targetId)) throw new AppError('ORG_MERGE_INVALID', { field: 'target', reason: 'đơn vị nhận không được nằm trong các đơn vị nguồn' });
      const target = await loadUnitInScope(q, scope, targetId);
      if (target.dissolvedOn || target.establishedOn > input.effectiveOn) throw new AppError('ORG_NOT_ACTIVE', { code: target.code, date: input.effectiveOn });
      const targetAncestors = await repo.ancestorsOf(q, targetId);
      if (sourceIds.some((s) => targetAncestors.includes(s))) throw new AppError('ORG_CYCLE', { field: 'target' });
    } else {
      targetId = await createSuccessor(q, scope, input.target, sources[0].parentId, input.effectiveOn, eventId);
    }
    await repo.addEventUnits(q, eventId, [targetId]);
    const entries: AuditEntry[] = [];
    for (const source of sources) {
      entries.push(...(await moveChildren(q, source.id, targetId, input.effectiveOn, eventId)));
      await repo.insertLineage(q, source.id, targetId, eventId, input.effectiveOn);
    }
    entries.push(...(await followers(q, 'merge', sourceIds, targetId, input.effectiveOn, eventId)));
    for (const source of sources) {
      await repo.closeUnit(q, source.id, input.effectiveOn);
      entries.push({ action: 'org.merge', entity: 'org_unit', entityId: source.id, orgUnitId: source.id, before: unitSnapshot(source), after: { ...unitSnapshot(await repo.findUnit(q, source.id)), successorId: targetId } });
    }
    const target = (await repo.findUnit(q, targetId)) as UnitAsOf;
    entries.push({ action: absorbing ? 'org.absorb' : 'org.create', entity: 'org_unit', entityId: targetId, orgUnitId: targetId, before: null, after: { ...unitSnapshot(target), predecessorIds: sourceIds } });
    await audit(q, actor, entries);
    return target;
  });
}

export interface SplitInput {
  sourceId: number;
  successors: NewUnitSpec[];
  /** Index of the successor that takes the source's people and sub-units (default the first). */
  peopleTo?: number;
  effectiveOn: string;
  note?: string | null;
}

/**
 * Splits a unit into new units (A → B + C) from a date; the chosen successor takes its people
 * and sub-units, and both successors carry its history through lineage.
 * @throws AppError NOT_FOUND | ORG_MERGE_INVALID | ORG_NOT_ACTIVE | ORG_DATE_INVALID | DUPLICATE_CODE
 */
export async function splitUnit(db: Db, actor: Actor, scope: Scope, input: SplitInput): Promise<UnitAsOf[]> {
  const heir = input.peopleTo ?? 0;
  if (input.successors.length < 2) throw new AppError('ORG_MERGE_INVALID', { field: 'successors', reason: 'cần ít nhất 2 đơn vị mới' });
  if (heir < 0 || heir >= input.successors.length) throw new AppError('ORG_MERGE_INVALID', { field: 'peopleTo', reason: 'đơn vị nhận người không có trong danh sách' });
  const codes = input.successors.map((s) => s.code);
  if (new Set(codes).size !== codes.length) throw new AppError('ORG_MERGE_INVALID', { field: 'successors', reason: 'mã đơn vị mới bị trùng' });
  return db.tx(async (q) => {
    const source = await loadUnitInScope(q, scope, input.sourceId);
    await assertChangeable(q, source, input.effectiveOn);
    const eventId = await repo.insertEvent(q, 'split', input.effectiveOn, input.note ?? null, actor.id, [source.id]);
    const ids: number[] = [];
    for (const spec of input.successors) ids.push(await createSuccessor(q, scope, spec, source.parentId, input.effectiveOn, eventId));
    await repo.addEventUnits(q, eventId, ids);
    const entries = await moveChildren(q, source.id, ids[heir], input.effectiveOn, eventId);
    for (const id of ids) await repo.insertLineage(q, source.id, id, eventId, input.effectiveOn);
    entries.push(...(await followers(q, 'split', [source.id], ids[heir], input.effectiveOn, eventId)));
    await repo.closeUnit(q, source.id, input.effectiveOn);
    entries.push({ action: 'org.split', entity: 'org_unit', entityId: source.id, orgUnitId: source.id, before: unitSnapshot(source), after: { ...unitSnapshot(await repo.findUnit(q, source.id)), successorIds: ids } });
    const created: UnitAsOf[] = [];
    for (const id of ids) created.push((await repo.findUnit(q, id)) as UnitAsOf); // one connection: one at a time
    for (const unit of created) entries.push({ action: 'org.create', entity: 'org_unit', entityId: unit.id, orgUnitId: unit.id, before: null, after: { ...unitSnapshot(unit), predecessorIds: [source.id] } });
    await audit(q, actor, entries);
    return created;
  });
}
