import type { Db, Queryable } from '../../server/db.ts';
import type { Rating } from '../../shared/enums.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope } from '../auth/scope.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { latestUnitNames } from '../org/names.ts';
import { recordPersonRatings, recordUnitRatings } from '../people/year-ratings.ts';
import { type CapCount, type CapSettings, countCap, worsens } from './cap.ts';
import * as repo from './repo.ts';
import { schemeById } from './schemes.ts';

export interface DecisionItem {
  id: number;
  version: number;
  /** The head's rating; when absent, the proposal's (else the self-assessment's). */
  rating?: Rating | null;
}

/** The cap settings in force (catalogue settings: uncertain values). */
export async function capSettings(q: Queryable): Promise<CapSettings> {
  const s = await currentSettings(q);
  return { base: s.evaluation_cap_base === 'good_or_better' ? 'good_or_better' : 'good', minOne: s.evaluation_cap_min_one !== false };
}

const groupKey = (e: Pick<repo.Evaluation, 'groupUnitId' | 'year' | 'subjectKind' | 'peerGroup'>) => `${e.groupUnitId}|${e.year}|${e.subjectKind}|${e.peerGroup}`;

/** The lock a decision holds on a peer group while it counts the cap (exported for the concurrency test). */
export const lockPeerGroup = (q: Queryable, g: Pick<repo.Evaluation, 'groupUnitId' | 'year' | 'subjectKind' | 'peerGroup'>) => q.query('select pg_advisory_xact_lock(7310023, hashtext($1))', [groupKey(g)]);

/** A group's cap count with some ratings replaced (the decision being made), or null when its scheme has no cap. */
export interface GroupCap {
  groupUnitId: number; year: number; subjectKind: string; peerGroup: string; schemeId: string; outstanding: boolean; count: CapCount; basis: string;
}

/**
 * Counts the cap of the peer groups of some evaluations, from their decided ratings with `override` applied.
 * Groups whose scheme has no cap (Decree 90/2020) are left out.
 */
export async function groupCaps(q: Queryable, members: repo.Evaluation[], override: Map<number, Rating> = new Map()): Promise<{ before: Map<string, GroupCap>; after: Map<string, GroupCap> }> {
  const settings = await capSettings(q);
  const before = new Map<string, GroupCap>();
  const after = new Map<string, GroupCap>();
  const byGroup = new Map<string, repo.Evaluation[]>();
  for (const e of members) byGroup.set(groupKey(e), [...(byGroup.get(groupKey(e)) ?? []), e]);
  const years = [...new Set(members.map((m) => m.year))];
  const outstanding = new Set<string>();
  for (const y of years) for (const id of (await repo.capExceptions(q, [...new Set(members.map((m) => m.groupUnitId))], y)).keys()) outstanding.add(`${id}|${y}`);
  for (const [key, list] of byGroup) {
    const scheme = schemeById(list[0].schemeId);
    if (!scheme?.cap) continue;
    const head = list[0];
    const isOutstanding = outstanding.has(`${head.groupUnitId}|${head.year}`);
    const base = { groupUnitId: head.groupUnitId, year: head.year, subjectKind: head.subjectKind, peerGroup: head.peerGroup, schemeId: scheme.id, outstanding: isOutstanding, basis: scheme.cap.basis };
    before.set(key, { ...base, count: countCap(list.map((e) => e.decidedRating), scheme.cap, settings, isOutstanding) });
    after.set(key, { ...base, count: countCap(list.map((e) => override.get(e.id) ?? e.decidedRating), scheme.cap, settings, isOutstanding) });
  }
  return { before, after };
}

/**
 * The unit head's decision on one or many evaluations (evaluation.decide over the deciding unit), all or none:
 * the cap is checked per peer group with the decisions applied together, then each changed rating becomes the
 * subject's rating for the year through the people module (a correction row when one exists), audited.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | VALIDATION_FAILED (no rating to decide) | EVALUATION_CAP_EXCEEDED
 */
export async function decideEvaluations(db: Db, actor: Actor, scope: Scope, items: DecisionItem[]): Promise<repo.Evaluation[]> {
  return db.tx(async (q) => {
    const locked = await repo.lockEvaluations(q, [...new Set(items.map((i) => i.id))]);
    const byId = new Map(locked.map((e) => [e.id, e]));
    const decisions = new Map<number, Rating>();
    for (const [n, item] of items.entries()) {
      const e = byId.get(item.id);
      if (!e) throw new AppError('NOT_FOUND', { field: `items.${n}.id` });
      assertInScope(scope, e.groupUnitId);
      await assertVersion(q, 'evaluation', e.id, e.version, item.version);
      const rating = item.rating ?? e.proposedRating ?? e.selfRating;
      if (!rating) throw new AppError('VALIDATION_FAILED', { issues: [{ field: `items.${n}.rating`, rule: 'required' }] });
      decisions.set(e.id, rating);
    }
    await assertCap(q, locked, decisions);
    const changed = locked.filter((e) => e.decidedRating !== decisions.get(e.id));
    await repo.writeDecisions(q, actor.id, locked.map((e) => ({ id: e.id, rating: decisions.get(e.id) as Rating, score: decisions.get(e.id) === e.proposedRating ? e.proposedScore : null })));
    const people = changed.filter((e) => e.personId !== null).map((e) => ({ personId: e.personId as number, year: e.year, rating: decisions.get(e.id) as Rating, unitId: e.unitId }));
    const units = changed.filter((e) => e.personId === null).map((e) => ({ unitId: e.unitId, year: e.year, rating: decisions.get(e.id) as Rating }));
    await recordPersonRatings(q, actor, people, { source: 'evaluation' });
    await recordUnitRatings(q, actor, units, { source: 'evaluation' });
    const after = await repo.lockEvaluations(q, locked.map((e) => e.id));
    const beforeById = new Map(locked.map((e) => [e.id, e]));
    await audit(q, actor, after.map((a) => ({ action: 'evaluation.decide', entity: 'evaluation', entityId: a.id, orgUnitId: a.unitId, before: beforeById.get(a.id), after: a })));
    return after;
  });
}

/** @throws AppError EVALUATION_CAP_EXCEEDED naming the group, the numbers and the rule */
async function assertCap(q: Queryable, decided: repo.Evaluation[], decisions: Map<number, Rating>): Promise<void> {
  const groups = [...new Map(decided.map((e) => [groupKey(e), { groupUnitId: e.groupUnitId, year: e.year, subjectKind: e.subjectKind, peerGroup: e.peerGroup }])).values()];
  // Two heads deciding in one peer group at once must not both pass the count (write skew): one waits for the other.
  const byKey = new Map(decided.map((e) => [groupKey(e), e]));
  for (const key of [...byKey.keys()].sort()) await lockPeerGroup(q, byKey.get(key) as repo.Evaluation);
  const members = await repo.evaluationsOfGroups(q, groups);
  const { before, after } = await groupCaps(q, members, decisions);
  for (const [key, a] of after) {
    const b = before.get(key) as GroupCap;
    if (!worsens(b.count, a.count)) continue;
    const settings = await capSettings(q);
    const unitName = (await latestUnitNames(q, [a.groupUnitId])).get(a.groupUnitId) ?? String(a.groupUnitId);
    throw new AppError('EVALUATION_CAP_EXCEEDED', {
      unitId: a.groupUnitId, unitName, year: a.year, peerGroup: a.peerGroup, excellent: a.count.excellent, base: a.count.base,
      baseRating: settings.base, pct: a.count.pct, max: a.count.max, outstanding: a.outstanding, basis: a.basis,
    });
  }
}
