/** Creating a draft and changing its nominees (the sender, while it is a draft or returned). */
import type { Db, Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/roles.ts';
import { type Scope, inScope, resolveScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { latestUnitNames } from '../org/names.ts';
import { assertEditable, assertMayAct, loadVisible } from './access.ts';
import { assertHigherLevel } from './levels.ts';
import { type SubjectRef, checkSubjects } from './checks.ts';
import * as repo from './repo.ts';
import * as children from './repo-children.ts';
import { assertDossierVersion } from './transition.ts';
import { type AwardType, workflowOn } from './workflow.ts';

const actorOfUser = (u: AuthUser): Actor => ({ id: u.id, name: u.username });

export interface CreateDossierInput {
  title: string;
  awardType: AwardType;
  awardCode: string;
  year?: number | null;
  senderUnitId: number;
  receiverUnitId: number;
  actDate?: string | null;
  note?: string | null;
  idempotencyKey?: string | null;
  nominees?: SubjectRef[];
}

/**
 * Creates a draft at the sender's unit, with its first nominees. A repeated request with the same idempotency key
 * (a double click) answers the dossier the first one made.
 * @throws AppError FORBIDDEN (sender outside the scope) | UNKNOWN_AWARD | DOSSIER_DUPLICATE_NOMINEE | NOT_FOUND
 */
export async function createDossier(db: Db, user: AuthUser, input: CreateDossierInput): Promise<{ id: number; created: boolean }> {
  if (!catalogue().byCode.has(input.awardCode)) throw new AppError('UNKNOWN_AWARD', { award: input.awardCode, field: 'awardCode' });
  return db.tx(async (q) => {
    const scope = await resolveScope(q, user, 'dossier.write');
    if (!inScope(scope, input.senderUnitId)) throw new AppError('FORBIDDEN', { field: 'senderUnitId', permission: 'dossier.write' });
    return createIn(q, actorOfUser(user), scope, input);
  });
}

/** Creates a draft in the caller's transaction (the sender already checked against `scope`). */
async function createIn(q: Queryable, actor: Actor, scope: Scope, input: CreateDossierInput): Promise<{ id: number; created: boolean }> {
  const userId = actor.id as number;
  await assertHigherLevel(q, input.senderUnitId, input.receiverUnitId, 'receiverUnitId', false);
  if (input.idempotencyKey) {
    const existing = await repo.dossierByKey(q, userId, input.idempotencyKey);
    if (existing) return { id: existing, created: false };
  }
  const id = await repo.insertDossier(q, {
    title: nfc(input.title.trim()), awardType: input.awardType, awardCode: input.awardCode, year: input.year ?? null, workflow: workflowOn(cityToday()).id,
    senderUnitId: input.senderUnitId, receiverUnitId: input.receiverUnitId, hop: 1, sourceDossierId: null, actDate: input.actDate ?? null,
    note: input.note ? nfc(input.note) : null, createdBy: userId, idempotencyKey: input.idempotencyKey ?? null,
  });
  // A concurrent twin with the same key committed first: answer its dossier.
  if (id === null) return { id: (await repo.dossierByKey(q, userId, input.idempotencyKey as string)) as number, created: false };
  await repo.insertEvent(q, { dossierId: id, actorId: userId, actorName: actor.name, action: 'create', fromState: null, toState: 'draft', reason: null });
  const d = (await repo.findDossier(q, id)) as repo.DossierRow;
  for (const s of input.nominees ?? []) await addNomineeIn(q, scope, d, s);
  await audit(q, actor, [{ action: 'dossier.create', entity: 'dossier', entityId: id, orgUnitId: input.senderUnitId, before: null, after: { ...input, version: 1 } }]);
  return { id, created: true };
}

export interface FromReviewInput {
  reviewId: number;
  year: number;
  senderUnitId: number;
  receiverUnitId: number;
  groups: { awardCode: string; nominees: SubjectRef[] }[];
  /** Another source than the annual review (issue 14: a movement's final review): its award type, key and texts. */
  source?: { awardType: AwardType; key: string; title: (awardName: string) => string; note: string };
}

/**
 * The annual review's candidates for awards above the unit: one draft dossier per award (type merit) from the
 * reviewing unit to the level above, in the caller's transaction. A repeated call for the same review answers the
 * same dossiers (idempotency key per review and award).
 * @throws AppError FORBIDDEN (sender outside the scope) | UNKNOWN_AWARD | DOSSIER_DUPLICATE_NOMINEE | NOT_FOUND
 */
export async function dossiersFromReview(q: Queryable, actor: Actor, scope: Scope, input: FromReviewInput): Promise<{ awardCode: string; dossierId: number }[]> {
  if (!inScope(scope, input.senderUnitId)) throw new AppError('FORBIDDEN', { field: 'senderUnitId' });
  const out: { awardCode: string; dossierId: number }[] = [];
  for (const g of input.groups) {
    const award = catalogue().byCode.get(g.awardCode);
    if (!award) throw new AppError('UNKNOWN_AWARD', { award: g.awardCode, field: 'awardCode' });
    const { id } = await createIn(q, actor, scope, {
      title: input.source?.title(award.nameVi) ?? `Đề nghị tặng ${award.nameVi} năm ${input.year}`, awardType: input.source?.awardType ?? 'merit', awardCode: g.awardCode, year: input.year,
      senderUnitId: input.senderUnitId, receiverUnitId: input.receiverUnitId, note: input.source?.note ?? `Từ kết quả bình xét số ${input.reviewId}`,
      idempotencyKey: `${input.source?.key ?? `review-${input.reviewId}`}-${g.awardCode}`, nominees: g.nominees,
    });
    out.push({ awardCode: g.awardCode, dossierId: id });
  }
  return out;
}

/** Refuses a subject already proposed for the award in a dossier still in progress, naming where it is. */
async function assertNotPending(q: Queryable, d: repo.DossierRow, s: SubjectRef, name: string): Promise<void> {
  // Serialise proposals of one subject for one award, so two dossiers cannot take it at the same moment.
  await q.query('select pg_advisory_xact_lock(hashtext($1))', [`dossier-nominee:${d.awardCode}:${s.personId ? `p${s.personId}` : `u${s.unitId}`}`]);
  const other = await children.pendingElsewhere(q, { personId: s.personId ?? null, unitId: s.unitId ?? null }, d.awardCode, d.id);
  if (!other) return;
  const holder = (await latestUnitNames(q, [other.holderUnitId])).get(other.holderUnitId) ?? String(other.holderUnitId);
  throw new AppError('DOSSIER_DUPLICATE_NOMINEE', { field: s.personId ? 'personId' : 'unitId', name, award: catalogue().byCode.get(d.awardCode)?.nameVi ?? d.awardCode, awardCode: d.awardCode, dossierId: other.dossierId, holderUnitId: other.holderUnitId, holderUnitName: holder, state: other.state });
}

async function addNomineeIn(q: Queryable, scope: Scope, d: repo.DossierRow, s: SubjectRef): Promise<number> {
  if ((s.personId === undefined) === (s.unitId === undefined)) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'personId', rule: 'person_or_unit' }] });
  const [check] = await checkSubjects(q, scope, d.awardCode, d.year, [s]);
  const present = await children.nomineesOf(q, d.id);
  if (present.some((n) => (s.personId && n.personId === s.personId) || (s.unitId && n.unitId === s.unitId))) {
    throw new AppError('DOSSIER_DUPLICATE_NOMINEE', { field: s.personId ? 'personId' : 'unitId', name: check.name, award: d.awardCode, awardCode: d.awardCode, dossierId: d.id, holderUnitId: d.holderUnitId, holderUnitName: '', state: d.state });
  }
  await assertNotPending(q, d, s, check.name);
  return children.insertNominee(q, {
    dossierId: d.id, subjectKind: s.personId ? 'individual' : 'collective', personId: s.personId ?? null, unitId: s.unitId ?? null, name: check.name,
    checkResult: check.result as unknown as Record<string, unknown>, checkedOn: cityToday(), eligible: check.eligible, overrideReason: null,
  });
}

/** Runs a change of a draft's contents: locked, version checked, editable, the sender's officer; bumps the version. */
async function editDraft<T>(db: Db, user: AuthUser, id: number, version: number, action: string, change: (q: Queryable, d: repo.DossierRow) => Promise<{ result: T; audit: Record<string, unknown> }>): Promise<T & { version: number }> {
  return db.tx(async (q) => {
    const d = await loadVisible(q, user, id, true);
    await assertDossierVersion(q, d, version);
    await assertMayAct(q, user, d, action, 'dossier.write', 'sender');
    assertEditable(d);
    const out = await change(q, d);
    const next = await repo.touch(q, id);
    await audit(q, actorOfUser(user), [{ action: `dossier.${action}`, entity: 'dossier', entityId: id, orgUnitId: d.senderUnitId, before: { version: d.version }, after: { ...out.audit, version: next } }]);
    return { ...out.result, version: next };
  });
}

/** @throws AppError NOT_FOUND | VERSION_CONFLICT | DOSSIER_ACTION_FORBIDDEN | DOSSIER_NOT_EDITABLE | DOSSIER_DUPLICATE_NOMINEE */
export function addNominee(db: Db, user: AuthUser, id: number, input: SubjectRef & { version: number }) {
  return editDraft(db, user, id, input.version, 'add_nominee', async (q, d) => {
    const scope = await resolveScope(q, user, 'dossier.write');
    const nomineeId = await addNomineeIn(q, scope, d, { personId: input.personId, unitId: input.unitId });
    return { result: { nomineeId }, audit: { nomineeId, personId: input.personId ?? null, unitId: input.unitId ?? null } };
  });
}

/** @throws AppError NOT_FOUND (nominee not in this dossier) | VERSION_CONFLICT | DOSSIER_NOT_EDITABLE */
export function removeNominee(db: Db, user: AuthUser, id: number, nomineeId: number, version: number) {
  return editDraft(db, user, id, version, 'remove_nominee', async (q) => {
    const n = (await children.nomineesOf(q, id)).find((x) => x.id === nomineeId);
    if (!n) throw new AppError('NOT_FOUND', { field: 'nomineeId' });
    await children.deleteNominee(q, nomineeId);
    return { result: {}, audit: { nomineeId, removed: n.name } };
  });
}

/** Sends a nominee the engine does not pass on, with the reason (the guard checks_pass_or_overridden). */
export function overrideCheck(db: Db, user: AuthUser, id: number, nomineeId: number, input: { version: number; reason: string | null }) {
  return editDraft(db, user, id, input.version, 'override_check', async (q) => {
    if (!(await children.nomineesOf(q, id)).some((x) => x.id === nomineeId)) throw new AppError('NOT_FOUND', { field: 'nomineeId' });
    const reason = input.reason?.trim() ? nfc(input.reason.trim()) : null;
    await children.setOverride(q, nomineeId, reason);
    return { result: {}, audit: { nomineeId, overrideReason: reason } };
  });
}

export { editDraft };
