import type { Db } from '../../server/db.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope, inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { findUnit } from '../org/repo.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import * as repo from './registrations.ts';

export interface SaveInput {
  unitId: number;
  year: number;
  /** The version read, for an existing registration. */
  version?: number | null;
  targets?: string | null;
  items: { subjectKind: 'individual' | 'collective'; personId?: number | null; subjectUnitId?: number | null; awardCode: string; target?: string | null }[];
}

const EDITABLE: repo.RegistrationStatus[] = ['draft', 'returned'];

/** Checks the items: awards of the catalogue for the subject kind; people and units in the writer's scope. */
async function checkItems(db: Db, scope: Scope, input: SaveInput): Promise<repo.RegistrationItem[]> {
  const issues: FieldIssue[] = [];
  const cat = catalogue();
  const people = new Map((await peopleWithOpenEmployment(db, input.items.flatMap((i) => (i.personId ? [i.personId] : [])))).map((p) => [p.id, p]));
  const items = input.items.map((i, n) => {
    const award = cat.byCode.get(i.awardCode);
    const kind = i.subjectKind === 'individual' ? 'individual' : 'collective';
    if (!award) issues.push({ field: `items.${n}.awardCode`, rule: 'invalid_value' });
    else if (!award.subjects.includes(kind)) issues.push({ field: `items.${n}.awardCode`, rule: 'invalid_value' });
    if (kind === 'individual') {
      const p = i.personId ? people.get(i.personId) : undefined;
      if (!p || !inScope(scope, p.current_unit_id)) issues.push({ field: `items.${n}.personId`, rule: 'subject_out_of_scope' });
    } else if (!inScope(scope, i.subjectUnitId ?? input.unitId)) issues.push({ field: `items.${n}.subjectUnitId`, rule: 'subject_out_of_scope' });
    return { subjectKind: kind, personId: kind === 'individual' ? (i.personId ?? null) : null, subjectUnitId: kind === 'collective' ? (i.subjectUnitId ?? input.unitId) : null, awardCode: i.awardCode, target: i.target ?? null } as repo.RegistrationItem;
  });
  if (issues.length) throw new AppError('VALIDATION_FAILED', { issues });
  return items;
}

/**
 * A unit registers (or edits its draft or returned registration of) the titles it aims for in a year.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | REGISTRATION_STATE | VALIDATION_FAILED
 */
export async function saveRegistration(db: Db, actor: Actor, scope: Scope, input: SaveInput): Promise<repo.Registration> {
  assertInScope(scope, input.unitId);
  const items = await checkItems(db, scope, input);
  return db.tx(async (q) => {
    const current = await repo.registrationOfUnit(q, input.unitId, input.year);
    if (current) {
      const locked = await repo.findRegistration(q, current.id, true);
      await assertVersion(q, 'emulation_registration', current.id, locked?.version, input.version ?? 0);
      if (!EDITABLE.includes(current.status)) throw new AppError('REGISTRATION_STATE', { status: current.status, action: 'edit' });
    }
    const id = await repo.saveRegistration(q, { id: current?.id ?? null, unitId: input.unitId, year: input.year, targets: input.targets ?? null, items });
    const after = (await repo.findRegistration(q, id)) as repo.Registration;
    await audit(q, actor, [{ action: current ? 'registration.update' : 'registration.create', entity: 'emulation_registration', entityId: id, orgUnitId: input.unitId, before: current, after }]);
    return after;
  });
}

type Move = 'submit' | 'approve' | 'return';
const FROM: Record<Move, repo.RegistrationStatus[]> = { submit: ['draft', 'returned'], approve: ['submitted'], return: ['submitted'] };
const TO: Record<Move, repo.RegistrationStatus> = { submit: 'submitted', approve: 'approved', return: 'returned' };

/**
 * Submits (the unit, registration.write over it), approves or returns with a reason (the level above:
 * registration.approve over the unit's superior; a top unit's by whoever covers everything).
 * @throws AppError NOT_FOUND | FORBIDDEN | VERSION_CONFLICT | REGISTRATION_STATE
 */
export async function moveRegistration(db: Db, actor: Actor, scope: Scope, id: number, move: Move, input: { version: number; reason?: string | null }): Promise<repo.Registration> {
  return db.tx(async (q) => {
    const before = await repo.findRegistration(q, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    if (move === 'submit') assertInScope(scope, before.unitId);
    else {
      const unit = await findUnit(q, before.unitId);
      const above = unit?.parentId ?? null;
      if (!(above === null ? scope.all : inScope(scope, above))) throw inScope(scope, before.unitId) ? new AppError('FORBIDDEN', { reason: 'level_above' }) : new AppError('NOT_FOUND');
    }
    await assertVersion(q, 'emulation_registration', id, before.version, input.version);
    if (!FROM[move].includes(before.status)) throw new AppError('REGISTRATION_STATE', { status: before.status, action: move });
    if (move === 'return' && !input.reason?.trim()) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'reason', rule: 'required' }] });
    await repo.setStatus(q, id, TO[move], actor.id, move === 'return' ? (input.reason as string).trim() : null);
    const after = (await repo.findRegistration(q, id)) as repo.Registration;
    await audit(q, actor, [{ action: `registration.${move}`, entity: 'emulation_registration', entityId: id, orgUnitId: before.unitId, before: { status: before.status, version: before.version }, after: { status: after.status, returnReason: after.returnReason, version: after.version } }]);
    return after;
  });
}
