/** Reading dossiers: the user's list (sent by my units, waiting at my units) and one dossier with its whole history. */
import { type Queryable, inParallel } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import type { AuthUser } from '../auth/roles.ts';
import { resolveScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import type { EligibilityResult } from '../rules/contract.ts';
import { latestUnitNames } from '../org/names.ts';
import { loadVisible, mayAct } from './access.ts';
import { type CheckDifference, checkSubjects, differenceOf } from './checks.ts';
import { daysBetween } from './deadlines.ts';
import { unmetGuards } from './guards.ts';
import * as repo from './repo.ts';
import * as children from './repo-children.ts';
import { guardContext } from './transition.ts';
import { consultationRule, requiredParts, transitionsFrom, workflowById } from './workflow.ts';

const TERMINAL = ['forwarded', 'decided', 'rejected', 'withdrawn'];

/** A dossier as lists show it (names resolved, overdue computed on the city's today). */
export function summaryOf(d: repo.DossierRow, names: Map<number, string>) {
  const today = cityToday();
  return {
    id: d.id, title: d.title, awardType: d.awardType, awardCode: d.awardCode, awardName: catalogue().byCode.get(d.awardCode)?.nameVi ?? d.awardCode,
    year: d.year, state: d.state, stateSince: d.stateSince, dueOn: d.dueOn, overdue: Boolean(d.dueOn && d.dueOn < today && !TERMINAL.includes(d.state)),
    senderUnitId: d.senderUnitId, senderUnitName: names.get(d.senderUnitId) ?? '', receiverUnitId: d.receiverUnitId, receiverUnitName: names.get(d.receiverUnitId) ?? '',
    holderUnitId: d.holderUnitId, holderUnitName: names.get(d.holderUnitId) ?? '', hop: d.hop, sourceDossierId: d.sourceDossierId, version: d.version,
  };
}

export async function listForUser(q: Queryable, user: AuthUser, f: repo.ListFilter) {
  const scope = await resolveScope(q, user, 'dossier.read');
  const { rows, total } = await repo.listDossiers(q, scope, f);
  const names = await latestUnitNames(q, rows.flatMap((d) => [d.senderUnitId, d.receiverUnitId, d.holderUnitId]));
  return { total, items: rows.map((d) => summaryOf(d, names)) };
}

/** Today's check of each nominee against the one kept: a difference shown, not applied. */
async function differences(q: Queryable, d: repo.DossierRow, nominees: children.NomineeRow[]): Promise<(CheckDifference | null)[]> {
  if (nominees.length === 0 || TERMINAL.includes(d.state)) return nominees.map(() => null);
  try {
    const now = await checkSubjects(q, { all: true }, d.awardCode, d.year, nominees.map((n) => (n.personId ? { personId: n.personId } : { unitId: n.unitId as number })));
    return nominees.map((n, i) => differenceOf(n, now[i]));
  } catch {
    return nominees.map(() => null); // a subject no longer readable (e.g. a unit dissolved): the kept check stands
  }
}

/** One dossier with nominees (kept check + difference), parts, events, return reasons, comments, concurrences and the user's actions. */
export async function dossierDetail(q: Queryable, user: AuthUser, id: number) {
  const d = await loadVisible(q, user, id);
  const wf = workflowById(d.workflow);
  const ctx = await guardContext(q, wf, d, { action: '', version: d.version });
  const [events, reasons, comments, diffs, forwards] = await inParallel(q, [
    () => repo.eventsOf(q, id), () => children.returnReasonsOf(q, id), () => children.commentsOf(q, id), () => differences(q, d, ctx.nominees),
    () => q.query<{ id: number }>('select id from dossier where source_dossier_id = $1 order by id', [id]),
  ] as const);
  const names = await latestUnitNames(q, [d.senderUnitId, d.receiverUnitId, d.holderUnitId]);
  const actions = [];
  for (const t of transitionsFrom(wf, d.state, d.awardType)) {
    if (await mayAct(q, user, d, t.permission, t.at)) actions.push({ action: t.action, to: t.to, unmetGuards: unmetGuards(t, ctx), needs: t.guards });
  }
  const consultation = consultationRule(wf, d.awardCode);
  const end = d.decisionDate ?? d.concludedOn ?? cityToday();
  return {
    ...summaryOf(d, names),
    workflow: d.workflow, actDate: d.actDate, daysFromAct: d.actDate ? daysBetween(d.actDate, end) : null, note: d.note,
    consultation: consultation ? { ...consultation, until: d.consultationUntil } : null,
    decision: d.decisionNumber || d.decisionId ? { number: d.decisionNumber, date: d.decisionDate, decisionId: d.decisionId } : null,
    forwardedDossierIds: forwards.map((r) => r.id),
    requiredParts: requiredParts(wf, d.awardType).map((p) => ({ kind: p.kind, perNominee: p.per_nominee ?? false, basis: p.basis })),
    nominees: ctx.nominees.map((n, i) => ({
      id: n.id, subjectKind: n.subjectKind, personId: n.personId, unitId: n.unitId, name: n.name, eligible: n.eligible, checkedOn: n.checkedOn,
      overrideReason: n.overrideReason, check: n.checkResult as unknown as EligibilityResult, difference: diffs[i],
    })),
    parts: ctx.parts,
    events: events.map((e) => ({ id: e.id, at: e.at, actor: e.actorName, action: e.action, from: e.fromState, to: e.toState, reason: e.reason })),
    returnReasons: reasons,
    comments,
    concurrences: ctx.concurrences,
    actions,
  };
}
