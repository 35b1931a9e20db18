/**
 * One step of the workflow, as workflow.yaml declares it. In one short transaction: the dossier's row is locked
 * (two officers at once: the second waits, then finds a new version → 409 VERSION_CONFLICT with the events since),
 * a repeated request (same idempotency key) answers what the first did, then state, role and level, guards;
 * the state change, its event, the effects and the audit entry are written together or not at all.
 */
import type { Db, Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { changesSince } from '../audit/changes.ts';
import type { AuthUser } from '../auth/roles.ts';
import { scopeMemo } from '../auth/scope.ts';
import { assertMayAct, loadVisible, unitAt } from './access.ts';
import { addWorkingDays } from './deadlines.ts';
import { afterEvent, freezeChecks, patchOf } from './effects.ts';
import { type GuardContext, type TransitionInput, assertGuards } from './guards.ts';
import { afterTransition } from './hooks.ts';
import { assertHigherLevel } from './levels.ts';
import { noticeOf } from './notices.ts';
import * as repo from './repo.ts';
import * as children from './repo-children.ts';
import { type DossierState, type Transition, type Workflow, workflowById } from './workflow.ts';

export type { TransitionInput } from './guards.ts';

/** @throws AppError VERSION_CONFLICT with the dossier's state and the events written since the version sent */
export async function assertDossierVersion(q: Queryable, d: repo.DossierRow, sent: number): Promise<void> {
  if (d.version === sent) return;
  const events = await repo.eventsSinceVersion(q, d.id, sent);
  const changes = await changesSince(q, 'dossier', d.id, sent);
  throw new AppError('VERSION_CONFLICT', {
    currentVersion: d.version, yourVersion: sent, state: d.state,
    fields: [...new Set(changes.flatMap((c) => c.fields))],
    events: events.map((e) => ({ at: e.at, actor: e.actorName, action: e.action, from: e.fromState, to: e.toState })),
  });
}

/** @throws AppError DOSSIER_ACTION_NOT_ALLOWED (unknown action, wrong state or award type), naming the states it starts from */
export function transitionFor(wf: Workflow, d: repo.DossierRow, action: string): Transition {
  const t = wf.transitions.find((x) => x.action === action);
  if (!t) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action, state: d.state, rule: 'unknown_action' });
  if (!t.from.includes(d.state)) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action, state: d.state, rule: 'state', allowedFrom: t.from });
  if (t.award_types && !t.award_types.includes(d.awardType)) throw new AppError('DOSSIER_ACTION_NOT_ALLOWED', { action, state: d.state, rule: 'award_type', awardTypes: t.award_types });
  return t;
}

export async function guardContext(q: Queryable, wf: Workflow, d: repo.DossierRow, input: TransitionInput): Promise<GuardContext> {
  const { nominees, parts, concurrences } = await children.childrenOf(q, d.id);
  return { wf, dossier: d, nominees, parts, concurrences, input, today: cityToday() };
}

export interface TransitionResult {
  dossierId: number;
  state: DossierState;
  version: number;
  /** The next level's dossier a forward created. */
  forwardedTo: number | null;
  /** True when the request repeated an earlier one (same idempotency key) and nothing new was done. */
  repeated: boolean;
}

/**
 * Takes one step on a dossier for a signed-in user (the permission and level come from workflow.yaml).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | DOSSIER_ACTION_NOT_ALLOWED | DOSSIER_ACTION_FORBIDDEN | DOSSIER_GUARD_FAILED
 */
export async function transition(db: Db, user: AuthUser, id: number, input: TransitionInput): Promise<TransitionResult> {
  const actor: Actor = { id: user.id, name: user.username };
  return db.tx(async (q) => {
    const scopeOf = scopeMemo(q, user); // the read scope and the acting permission's: usually one walk of the tree
    const d = await loadVisible(q, user, id, true, scopeOf);
    const earlier = input.idempotencyKey ? await repo.eventByKey(q, user.id, input.idempotencyKey) : null;
    if (earlier?.dossierId === id && earlier.action === input.action) return { dossierId: id, state: d.state, version: d.version, forwardedTo: null, repeated: true };
    if (earlier) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'idempotencyKey', rule: 'used_for_another_request' }] });
    await assertDossierVersion(q, d, input.version);
    const wf = workflowById(d.workflow);
    const t = transitionFor(wf, d, input.action);
    await assertMayAct(q, user, d, t.action, t.permission, t.at, scopeOf);
    const c = await guardContext(q, wf, d, input);
    if (t.effects.includes('freeze_checks')) await freezeChecks(q, c);
    assertGuards(t, c);
    if (t.effects.includes('forward_to_next_level') && input.forwardTo) await assertHigherLevel(q, d.receiverUnitId, input.forwardTo, 'forwardTo', true);

    const target = wf.states[t.to];
    const holderUnitId = unitAt(d, target.holder);
    const patch = await patchOf(q, user, t.effects, c);
    const dueOn = patch.dueOn !== undefined ? patch.dueOn : target.due_days ? await addWorkingDays(q, c.today, target.due_days) : null;
    const concludedOn = target.terminal ? c.today : null;
    const reason = reasonOf(input);
    const eventId = await repo.changeState(q, id, { ...patch, state: t.to, holderUnitId, dueOn, concludedOn }, { actorId: actor.id, actorName: actor.name, action: t.action, fromState: d.state, reason, idempotencyKey: input.idempotencyKey ?? null });
    const { forwardedTo } = await afterEvent(q, actor, t.effects, c, eventId);
    const version = d.version + 1;
    await noticeOf(q, { ...d, ...patch, decisionNumber: patch.decisionNumber ?? d.decisionNumber }, t.to, reason);
    await afterTransition(q, actor, { dossier: { ...d, state: t.to, holderUnitId, version }, action: t.action, from: d.state, to: t.to, reason });
    // Last: audit() takes the log's one lock until commit, so nothing else waits behind more round trips than needed.
    await audit(q, actor, [{
      action: `dossier.${t.action}`, entity: 'dossier', entityId: id, orgUnitId: holderUnitId,
      before: { state: d.state, holderUnitId: d.holderUnitId, version: d.version },
      after: { state: t.to, holderUnitId, dueOn, version, reason, forwardedTo },
    }]);
    return { dossierId: id, state: t.to, version, forwardedTo, repeated: false };
  });
}

/** What the event keeps of the request: the free-text reason and the structured parts of it. */
function reasonOf(input: TransitionInput): Record<string, unknown> | null {
  const r: Record<string, unknown> = {};
  if (input.reason?.trim()) r.text = input.reason.trim();
  if (input.returnReasons?.length) r.returnReasons = input.returnReasons;
  if (input.decision) r.decision = input.decision;
  if (input.forwardTo) r.forwardTo = input.forwardTo;
  return Object.keys(r).length ? r : null;
}
