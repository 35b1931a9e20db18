import type { Db, Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope } from '../auth/scope.ts';
import { type OpenSessionInput, openCouncilSession } from '../councils/sessions.ts';
import { subtreeInScope } from '../eligibility/service.ts';
import { loadUnitInScope } from '../org/commands.ts';
import { conclusionOf } from './conclude.ts';
import { proposeCandidates } from './propose.ts';
import { readRegistrations } from './registration-source.ts';
import * as repo from './repo.ts';
import { reviewRulesFor } from './rules-data.ts';

// The annual review's use cases (bình xét cuối năm). Each write is one short transaction, in the actor's scope
// (permission review.manage), audited, with the review's version checked.

/** The review in scope, locked, at the version the client saw. @throws AppError NOT_FOUND | VERSION_CONFLICT */
export async function loadForWrite(q: Queryable, scope: Scope, id: number, version: number): Promise<repo.ReviewRow> {
  const r = await repo.findReview(q, id, true);
  if (!r) throw new AppError('NOT_FOUND');
  assertInScope(scope, r.org_unit_id);
  await assertVersion(q, 'annual_review', id, r.version, version);
  return r;
}

const stateError = (r: repo.ReviewRow, reason: string) => new AppError('REVIEW_STATE', { status: r.status, reason, reviewId: r.id });

/**
 * Opens the review of a unit for a year: the engine proposes the candidates (discovery over the unit and the
 * units under it, with reasons), each checked against the registrations of the year.
 * @throws AppError NOT_FOUND | REVIEW_EXISTS
 */
export async function createReview(db: Db, actor: Actor, scope: Scope, input: { orgUnitId: number; year: number }): Promise<number> {
  const unit = await loadUnitInScope(db, scope, input.orgUnitId);
  const existing = await repo.findReviewOf(db, unit.id, input.year);
  if (existing) throw new AppError('REVIEW_EXISTS', { year: input.year, reviewId: existing.id });
  const asOf = cityToday();
  const rs = reviewRulesFor(input.year);
  // Discovery reads (and refreshes digests) outside the short write transaction below.
  const registrations = await readRegistrations(db, await subtreeInScope(db, scope, unit.id) as number[], input.year);
  const candidates = await proposeCandidates(db, scope, { unitId: unit.id, year: input.year, asOf }, rs, registrations);
  return db.tx(async (q) => {
    const id = await repo.insertReview(q, { orgUnitId: unit.id, year: input.year, asOf, ruleSetId: rs.id }, actor.id);
    if (id === null) throw new AppError('REVIEW_EXISTS', { year: input.year, reviewId: (await repo.findReviewOf(q, unit.id, input.year))?.id });
    await repo.insertCandidates(q, id, candidates);
    await audit(q, actor, [{
      action: 'review.create', entity: 'annual_review', entityId: id, orgUnitId: unit.id, before: null,
      after: { year: input.year, asOf, ruleSet: rs.id, candidates: candidates.map((c) => ({ personId: c.personId, unitId: c.unitId, award: c.awardCode, status: c.status, registration: c.registration })) },
    }]);
    return id;
  });
}

/**
 * Chooses which proposed candidates go before the council (a draft review only).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | REVIEW_STATE | REVIEW_INVALID
 */
export async function chooseCandidates(db: Db, actor: Actor, scope: Scope, id: number, input: { version: number; include: number[]; exclude: number[] }): Promise<void> {
  await db.tx(async (q) => {
    const r = await loadForWrite(q, scope, id, input.version);
    if (r.status !== 'draft') throw stateError(r, 'chỉ chọn đối tượng trước khi Hội đồng họp');
    const known = new Set((await repo.candidatesOf(q, id)).map((c) => Number(c.id)));
    const unknown = [...input.include, ...input.exclude].find((c) => !known.has(c));
    if (unknown !== undefined) throw new AppError('REVIEW_INVALID', { field: 'include', reason: `đối tượng ${unknown} không thuộc đợt bình xét này` });
    await repo.setIncluded(q, id, input.include, true);
    await repo.setIncluded(q, id, input.exclude, false);
    await repo.bumpVersion(q, id);
    await audit(q, actor, [{ action: 'review.choose', entity: 'annual_review', entityId: id, orgUnitId: r.org_unit_id, before: { version: r.version }, after: { include: input.include, exclude: input.exclude, version: r.version + 1 } }]);
  });
}

export type CouncilInput = Pick<OpenSessionInput, 'title' | 'meetsOn' | 'ballot' | 'members'> & { version: number };

/**
 * Puts the chosen candidates before the unit's council (hội đồng thi đua khen thưởng): opens the councils module's
 * session in the same transaction; each council candidate points back at its review candidate (refId).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | REVIEW_STATE | COUNCIL_INVALID
 */
export async function openReviewCouncil(db: Db, actor: Actor, scope: Scope, id: number, input: CouncilInput): Promise<number> {
  return db.tx(async (q) => {
    const r = await loadForWrite(q, scope, id, input.version);
    if (r.status !== 'draft') throw stateError(r, 'Hội đồng đã được mở cho đợt này');
    const chosen = (await repo.candidatesOf(q, id)).filter((c) => c.included);
    if (chosen.length === 0) throw new AppError('REVIEW_INVALID', { field: 'candidates', reason: 'chưa chọn đối tượng nào để Hội đồng xét' });
    const session = await openCouncilSession(q, actor, scope, {
      orgUnitId: r.org_unit_id, purpose: 'annual_review', refId: id, title: input.title, meetsOn: input.meetsOn, ballot: input.ballot, members: input.members,
      candidates: chosen.map((c) => ({ personId: c.person_id, unitId: c.subject_kind === 'collective' ? c.unit_id : null, awardCode: c.award_code, refId: Number(c.id) })),
    });
    await repo.setStatus(q, id, 'council', session.id);
    await audit(q, actor, [{ action: 'review.council', entity: 'annual_review', entityId: id, orgUnitId: r.org_unit_id, before: { status: r.status, version: r.version }, after: { status: 'council', councilSessionId: session.id, version: r.version + 1 } }]);
    return session.id;
  });
}

/**
 * Concludes the review in one step once the council's vote is closed: the titles the unit may confer become a
 * draft decision of the unit per award (decisions module), the rest become dossiers to the level above (dossiers
 * module); each candidate records what became of it.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | REVIEW_STATE
 */
export async function concludeReview(db: Db, actor: Actor, scope: Scope, id: number, input: { version: number }): Promise<void> {
  await db.tx(async (q) => {
    const r = await loadForWrite(q, scope, id, input.version);
    if (r.status !== 'council' || r.council_session_id === null) throw stateError(r, 'chỉ kết thúc sau khi Hội đồng đã họp và biểu quyết');
    const unit = await loadUnitInScope(q, scope, r.org_unit_id);
    const outcome = await conclusionOf(q, actor, scope, r, unit);
    await repo.setOutcomes(q, outcome.rows);
    await repo.setStatus(q, id, 'concluded');
    await audit(q, actor, [{
      action: 'review.conclude', entity: 'annual_review', entityId: id, orgUnitId: r.org_unit_id, before: { status: r.status, version: r.version },
      after: { status: 'concluded', version: r.version + 1, decisions: outcome.decisionIds, dossiers: outcome.dossierIds, outcomes: outcome.rows.map((o) => ({ candidateId: o.id, outcome: o.outcome })) },
    }]);
  });
}
