/**
 * Use cases of clusters and blocks, in the caller's transaction: set up a cluster, its members and head/deputy per
 * year, score a member (self → head's verification → the Board's review → publish), declare conflicts of interest,
 * and propose the leaders into dossiers. Every write is audited; a change after submission needs a reason.
 */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, type AuditEntry, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import type { AuthUser } from '../auth/roles.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { dossiersFromReview } from '../dossiers/commands.ts';
import { rankCluster } from './ranking.ts';
import * as repo from './repo.ts';
import { type Sheet, boundsOf, sheetById } from './sheets.ts';

/** The city's emulation flag and the Chairman's Bằng khen (catalogue codes). */
export const FLAG_AWARD = 'ministerial_provincial_emulation_flag';
export const MERIT_AWARD = 'ministerial_provincial_certificate_of_merit';

export interface ClusterInput { kind: 'cluster' | 'block'; name: string; authorityUnitId: number; sheetId: string; flagCount: number; meritCount: number; invented?: boolean }

/** @throws AppError FORBIDDEN (authority outside the scope) | VALIDATION_FAILED (unknown sheet) */
export async function createCluster(q: Queryable, actor: Actor, scope: Scope, input: ClusterInput): Promise<number> {
  if (!inScope(scope, input.authorityUnitId)) throw new AppError('FORBIDDEN', { field: 'authorityUnitId' });
  if (!sheetById(input.sheetId)) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'sheetId', rule: 'unknown_sheet' }] });
  const row = { kind: input.kind, name: nfc(input.name.trim()), authority_unit_id: input.authorityUnitId, sheet_id: input.sheetId, flag_count: input.flagCount, merit_count: input.meritCount, invented: input.invented ?? false };
  const id = await repo.insertCluster(q, row);
  await audit(q, actor, [{ action: 'cluster.create', entity: 'cluster', entityId: id, orgUnitId: input.authorityUnitId, before: null, after: row }]);
  return id;
}

/** The cluster, locked and version-checked, within the manager's scope. */
async function managed(q: Queryable, scope: Scope, id: number, version?: number): Promise<repo.ClusterRow> {
  const c = await repo.findCluster(q, id, true);
  if (!c || !inScope(scope, c.authority_unit_id)) throw new AppError('NOT_FOUND');
  if (version !== undefined) await assertVersion(q, 'cluster', id, c.version, version);
  return c;
}

export interface YearInput { version: number; memberUnitIds: number[]; headUnitId: number; deputyUnitId: number | null }

/** Members, head and deputy of a year (rotation: each year its own; earlier settings stay as history). */
export async function setYear(q: Queryable, actor: Actor, scope: Scope, id: number, year: number, input: YearInput): Promise<void> {
  const c = await managed(q, scope, id, input.version);
  const members = [...new Set(input.memberUnitIds)];
  for (const [field, unit] of [['headUnitId', input.headUnitId], ['deputyUnitId', input.deputyUnitId]] as const) {
    if (unit !== null && !members.includes(unit)) throw new AppError('CLUSTER_NOT_MEMBER', { field, unitId: unit, year });
  }
  if (input.deputyUnitId === input.headUnitId) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'deputyUnitId', rule: 'same_as_head' }] });
  const before = { members: (await repo.membersOf(q, id, year)).filter((m) => m.active).map((m) => m.unit_id), role: await repo.roleOf(q, id, year) };
  await repo.setMembers(q, id, year, members);
  await repo.insertRole(q, id, year, input.headUnitId, input.deputyUnitId, actor.id);
  await repo.insertScorecards(q, id, year, members);
  await repo.bumpCluster(q, id);
  await audit(q, actor, [{ action: 'cluster.set_year', entity: 'cluster', entityId: id, orgUnitId: c.authority_unit_id, before: { year, members: before.members, headUnitId: before.role?.head_unit_id ?? null, deputyUnitId: before.role?.deputy_unit_id ?? null }, after: { year, members, headUnitId: input.headUnitId, deputyUnitId: input.deputyUnitId, version: c.version + 1 } }]);
}

export interface ScoreInput { criterion: string; points?: number; count?: number; passed?: boolean }

/** Points of each entry, checked against the sheet: unknown criterion, a score outside its bounds (naming it). */
export function pointsOf(sheet: Sheet, entries: ScoreInput[]): { criterion: string; points: number }[] {
  const seen = new Set<string>();
  return entries.map((e, i) => {
    const leaf = sheet.leaves.get(e.criterion);
    if (!leaf) throw new AppError('VALIDATION_FAILED', { issues: [{ field: `scores.${i}.criterion`, rule: 'unknown_criterion' }] });
    if (seen.has(e.criterion)) throw new AppError('VALIDATION_FAILED', { issues: [{ field: `scores.${i}.criterion`, rule: 'duplicate' }] });
    seen.add(e.criterion);
    let points: number | undefined = e.points;
    if (e.passed !== undefined && leaf.kind === 'pass_fail') points = e.passed ? leaf.max : 0;
    if (e.count !== undefined && leaf.kind === 'per_occurrence') points = Math.min(e.count * leaf.each, leaf.cap);
    if (points === undefined) throw new AppError('VALIDATION_FAILED', { issues: [{ field: `scores.${i}.points`, rule: 'required' }] });
    const { min, max } = boundsOf(leaf);
    const passFailOk = leaf.kind !== 'pass_fail' || points === 0 || points === leaf.max;
    if (points < min || points > max || !passFailOk) throw new AppError('CLUSTER_SCORE_ABOVE_MAX', { field: `scores.${i}.points`, criterion: e.criterion, name: leaf.name, min, max, points });
    return { criterion: e.criterion, points: Math.round(points * 100) / 100 };
  });
}

/**
 * The reviewer's own unit: one they are assigned at, or one inside their scope when that scope stops below the
 * cluster's authority (a ward officer's ward). The Board, whose scope covers the authority, owns only where assigned.
 */
function ownUnit(user: AuthUser, scope: Scope, authorityUnitId: number, unitId: number): boolean {
  if (user.roles.some((r) => r.orgUnitId === unitId)) return true;
  return !inScope(scope, authorityUnitId) && inScope(scope, unitId);
}

async function cardFor(q: Queryable, c: repo.ClusterRow, year: number, unitId: number, version: number): Promise<repo.ScorecardRow> {
  if (!(await repo.isActiveMember(q, c.id, year, unitId))) throw new AppError('CLUSTER_NOT_MEMBER', { field: 'unitId', unitId, year });
  const card = await repo.scorecard(q, c.id, year, unitId, true);
  if (!card) throw new AppError('NOT_FOUND');
  await assertVersion(q, 'cluster_scorecard', card.id, card.version, version);
  return card;
}

function changes(before: repo.ScoreRow[], stage: 'self_points' | 'verified_points' | 'final_points', rows: { criterion: string; points: number }[]) {
  const prev = new Map(before.map((b) => [b.criterion, b.final_points ?? b.verified_points ?? b.self_points]));
  const own = new Map(before.map((b) => [b.criterion, b[stage]]));
  return rows.filter((r) => own.get(r.criterion) !== r.points).map((r) => ({ criterion: r.criterion, before: prev.get(r.criterion) ?? null, after: r.points }));
}

export interface WriteInput { version: number; scores: ScoreInput[]; reason?: string | null }

/** Self-scoring by the member unit while the card is a draft. */
export async function selfScore(q: Queryable, actor: Actor, scope: Scope, id: number, year: number, unitId: number, input: WriteInput): Promise<void> {
  const c = await repo.findCluster(q, id);
  if (!c) throw new AppError('NOT_FOUND');
  if (!inScope(scope, unitId)) throw new AppError('FORBIDDEN', { field: 'unitId' });
  const card = await cardFor(q, c, year, unitId, input.version);
  if (card.state !== 'draft') throw new AppError('CLUSTER_STATE', { state: card.state, cardId: card.id });
  const rows = pointsOf(sheetById(c.sheet_id) as Sheet, input.scores);
  const diff = changes(await repo.scoresOf(q, card.id), 'self_points', rows);
  await repo.writeScores(q, card.id, 'self', rows, actor.id);
  await audit(q, actor, [{ action: 'cluster.self_score', entity: 'cluster_scorecard', entityId: card.id, orgUnitId: unitId, before: { version: card.version }, after: { clusterId: id, year, unitId, changes: diff, version: card.version + 1 } }]);
}

/** The unit submits its self-scoring; from then on every change needs a reason. */
export async function submit(q: Queryable, actor: Actor, scope: Scope, id: number, year: number, unitId: number, version: number): Promise<void> {
  const c = await repo.findCluster(q, id);
  if (!c) throw new AppError('NOT_FOUND');
  if (!inScope(scope, unitId)) throw new AppError('FORBIDDEN', { field: 'unitId' });
  const card = await cardFor(q, c, year, unitId, version);
  if (card.state !== 'draft') throw new AppError('CLUSTER_STATE', { state: card.state, cardId: card.id });
  const scored = new Set((await repo.scoresOf(q, card.id)).filter((s) => s.self_points !== null).map((s) => s.criterion));
  const missing = [...(sheetById(c.sheet_id) as Sheet).leaves.keys()].filter((k) => !scored.has(k));
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', { issues: missing.map((m) => ({ field: `scores.${m}`, rule: 'required' })) });
  await repo.setCardState(q, card.id, 'submitted');
  await audit(q, actor, [{ action: 'cluster.submit', entity: 'cluster_scorecard', entityId: card.id, orgUnitId: unitId, before: { state: 'draft', version: card.version }, after: { state: 'submitted', version: card.version + 1 } }]);
}

async function assertNotRecused(q: Queryable, user: AuthUser, scope: Scope, c: repo.ClusterRow, year: number, unitId: number): Promise<void> {
  if (ownUnit(user, scope, c.authority_unit_id, unitId)) throw new AppError('CLUSTER_OWN_UNIT', { unitId });
  if (await repo.hasConflict(q, c.id, year, user.id, unitId)) throw new AppError('CLUSTER_RECUSED', { unitId });
}

function needReason(diff: unknown[], reason: string | null | undefined): string | null {
  const r = reason?.trim() ? nfc(reason.trim()) : null;
  if (diff.length > 0 && !r) throw new AppError('CLUSTER_REASON_REQUIRED', { field: 'reason' });
  return r;
}

/**
 * Verification by the head (or, for the head's own card, the deputy): the verifier's scope covers the head's unit;
 * a reviewer may not verify their own unit, nor one they declared a conflict with. Changed scores need a reason.
 */
export async function verify(q: Queryable, actor: Actor, user: AuthUser, scope: Scope, id: number, year: number, unitId: number, input: WriteInput): Promise<void> {
  const c = await repo.findCluster(q, id);
  if (!c) throw new AppError('NOT_FOUND');
  const role = await repo.roleOf(q, id, year);
  const verifiers = role ? [role.head_unit_id, ...(role.deputy_unit_id !== null ? [role.deputy_unit_id] : [])] : [];
  if (!verifiers.some((u) => inScope(scope, u))) throw new AppError('FORBIDDEN', { permission: 'cluster.score', reason: 'head_or_deputy' });
  await assertNotRecused(q, user, scope, c, year, unitId);
  const card = await cardFor(q, c, year, unitId, input.version);
  if (card.state !== 'submitted') throw new AppError('CLUSTER_STATE', { state: card.state, cardId: card.id });
  const rows = pointsOf(sheetById(c.sheet_id) as Sheet, input.scores);
  const diff = changes(await repo.scoresOf(q, card.id), 'verified_points', rows);
  const reason = needReason(diff.filter((d) => d.before !== d.after), input.reason);
  // Criteria the head leaves out keep the unit's own points as verified.
  const kept = (await repo.scoresOf(q, card.id)).filter((s) => !rows.some((r) => r.criterion === s.criterion)).map((s) => ({ criterion: s.criterion, points: s.self_points as number }));
  await repo.writeScores(q, card.id, 'verified', [...rows, ...kept], user.id);
  await repo.setCardState(q, card.id, 'verified');
  await audit(q, actor, [{ action: 'cluster.verify', entity: 'cluster_scorecard', entityId: card.id, orgUnitId: unitId, before: { state: card.state, version: card.version }, after: { state: 'verified', changes: diff, reason, version: card.version + 2 } }]);
}

/** The Board's review: same rules of recusal; changes need a reason. */
export async function review(q: Queryable, actor: Actor, user: AuthUser, scope: Scope, id: number, year: number, unitId: number, input: WriteInput): Promise<void> {
  const c = await repo.findCluster(q, id);
  if (!c || !inScope(scope, c.authority_unit_id)) throw new AppError('NOT_FOUND');
  await assertNotRecused(q, user, scope, c, year, unitId);
  const card = await cardFor(q, c, year, unitId, input.version);
  if (card.state !== 'verified') throw new AppError('CLUSTER_STATE', { state: card.state, cardId: card.id });
  const rows = pointsOf(sheetById(c.sheet_id) as Sheet, input.scores);
  const diff = changes(await repo.scoresOf(q, card.id), 'final_points', rows);
  const reason = needReason(diff.filter((d) => d.before !== d.after), input.reason);
  const kept = (await repo.scoresOf(q, card.id)).filter((s) => !rows.some((r) => r.criterion === s.criterion)).map((s) => ({ criterion: s.criterion, points: (s.verified_points ?? s.self_points) as number }));
  await repo.writeScores(q, card.id, 'final', [...rows, ...kept], user.id);
  await repo.setCardState(q, card.id, 'reviewed');
  await audit(q, actor, [{ action: 'cluster.review', entity: 'cluster_scorecard', entityId: card.id, orgUnitId: unitId, before: { state: card.state, version: card.version }, after: { state: 'reviewed', changes: diff, reason, version: card.version + 2 } }]);
}

/** Publishes the year's results once every member's card is reviewed: the cards lock. */
export async function publish(q: Queryable, actor: Actor, scope: Scope, id: number, year: number, version: number): Promise<void> {
  const c = await managed(q, scope, id, version);
  const cards = await repo.scorecardsOf(q, id, year);
  const members = new Set((await repo.membersOf(q, id, year)).filter((m) => m.active).map((m) => m.unit_id));
  const pending = cards.filter((x) => members.has(x.unit_id) && x.state !== 'reviewed' && x.state !== 'published');
  if (cards.length === 0 || pending.length > 0) throw new AppError('CLUSTER_STATE', { state: pending[0]?.state ?? 'draft', unitIds: pending.map((p) => p.unit_id) });
  const n = await repo.publishCards(q, id, year);
  await repo.bumpCluster(q, id);
  await audit(q, actor, [{ action: 'cluster.publish', entity: 'cluster', entityId: id, orgUnitId: c.authority_unit_id, before: { year, version: c.version }, after: { year, published: n, version: c.version + 1 } }]);
}

/** A reviewer declares a conflict of interest with a member: recused from scoring it that year. */
export async function declareConflict(q: Queryable, actor: Actor, user: AuthUser, id: number, year: number, unitId: number, reason: string): Promise<void> {
  const c = await repo.findCluster(q, id);
  if (!c) throw new AppError('NOT_FOUND');
  if (!(await repo.isActiveMember(q, id, year, unitId))) throw new AppError('CLUSTER_NOT_MEMBER', { field: 'unitId', unitId, year });
  if (await repo.declareConflict(q, id, year, user.id, unitId, nfc(reason.trim()))) {
    await audit(q, actor, [{ action: 'cluster.conflict', entity: 'cluster', entityId: id, orgUnitId: unitId, before: null, after: { year, userId: user.id, unitId, reason } }]);
  }
}

/**
 * Proposes the published ranking's leaders (flag_count) for the city's emulation flag and the next (merit_count) for
 * Bằng khen, in one step, as dossiers from the head's unit to the cluster's authority, through dossiers'
 * `dossiersFromReview` (idempotent: a repeat answers the same dossiers).
 * @throws AppError CLUSTER_STATE (not published, or a full tie at the boundary)
 */
export async function propose(q: Queryable, actor: Actor, scope: Scope, id: number, year: number): Promise<{ awardCode: string; dossierId: number; unitIds: number[] }[]> {
  const c = await managed(q, scope, id);
  const done = await repo.proposalsOf(q, id, year);
  if (done.length > 0) return done.map((d) => ({ awardCode: d.award_code, dossierId: d.dossier_id, unitIds: d.unit_ids.map(Number) })).sort((x, y) => Number(y.awardCode === FLAG_AWARD) - Number(x.awardCode === FLAG_AWARD));
  const ranking = await rankCluster(q, c, year);
  if (ranking.rows.length === 0 || ranking.rows.some((r) => r.state !== 'published')) throw new AppError('CLUSTER_STATE', { state: ranking.rows.find((r) => r.state !== 'published')?.state ?? 'draft' });
  const role = await repo.roleOf(q, id, year);
  const cut = (n: number) => {
    const before = ranking.rows[n - 1];
    const after = ranking.rows[n];
    if (before && after && before.rank === after.rank) throw new AppError('CLUSTER_STATE', { state: 'tie', unitIds: [before.unitId, after.unitId] });
  };
  if (c.flag_count > 0) cut(c.flag_count);
  if (c.merit_count > 0) cut(c.flag_count + c.merit_count);
  const flag = ranking.rows.slice(0, c.flag_count).map((r) => r.unitId);
  const merit = ranking.rows.slice(c.flag_count, c.flag_count + c.merit_count).map((r) => r.unitId);
  const groups = [{ awardCode: FLAG_AWARD, unitIds: flag }, { awardCode: MERIT_AWARD, unitIds: merit }].filter((g) => g.unitIds.length > 0);
  // Dossiers' one-step creation with this ranking as its source (its own idempotency key and texts, not a review's).
  const kindName = c.kind === 'cluster' ? 'cụm' : 'khối';
  const sent = await dossiersFromReview(q, actor, scope, {
    reviewId: 0, year, senderUnitId: role?.head_unit_id ?? c.authority_unit_id, receiverUnitId: c.authority_unit_id,
    groups: groups.map((g) => ({ awardCode: g.awardCode, nominees: g.unitIds.map((u) => ({ unitId: u })) })),
    source: {
      awardType: 'merit', key: `cluster-${id}-${year}`,
      title: (awardName) => `Đề nghị tặng ${awardName} năm ${year} (${kindName} thi đua ${c.name})`,
      note: `Từ kết quả xếp hạng năm ${year} của ${kindName} thi đua ${c.name}`,
    },
  });
  const out = sent.map((s) => ({ ...s, unitIds: (groups.find((g) => g.awardCode === s.awardCode) as { unitIds: number[] }).unitIds }));
  const entries: AuditEntry[] = [];
  for (const o of out) {
    await repo.insertProposal(q, id, year, o.awardCode, o.dossierId, o.unitIds);
    entries.push({ action: 'cluster.propose', entity: 'cluster', entityId: id, orgUnitId: c.authority_unit_id, before: null, after: { year, ...o } });
  }
  await audit(q, actor, entries);
  return out;
}
