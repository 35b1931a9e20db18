/**
 * What a transition does besides moving the state, named by `effects` in workflow.yaml: freezing the nominees'
 * checks at submission, the return reasons, the consultation window, the next level's dossier, the decision.
 */
import type { Queryable } from '../../server/db.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuthUser } from '../auth/roles.ts';
import { checkSubjects } from './checks.ts';
import { addWorkingDays } from './deadlines.ts';
import { draftDecisionFor } from './decision-link.ts';
import type { GuardContext } from './guards.ts';
import * as repo from './repo.ts';
import * as children from './repo-children.ts';
import { type Effect, consultationRule } from './workflow.ts';

/** Checks every nominee again and keeps the result on the nominee (before the guards read them). */
export async function freezeChecks(q: Queryable, c: GuardContext): Promise<void> {
  const all = { all: true as const }; // access was settled on the dossier; the nominees were checked in scope when added
  const checks = await checkSubjects(q, all, c.dossier.awardCode, c.dossier.year, c.nominees.map((n) => (n.personId ? { personId: n.personId } : { unitId: n.unitId as number })));
  for (const [i, n] of c.nominees.entries()) {
    const fresh = checks[i];
    await children.updateNomineeCheck(q, n.id, fresh.result, c.today, fresh.eligible);
    c.nominees[i] = { ...n, checkResult: fresh.result as unknown as Record<string, unknown>, checkedOn: c.today, eligible: fresh.eligible };
  }
}

/** Fields of the dossier an effect sets along with the state. */
export type EffectPatch = Partial<Pick<repo.StatePatch, 'consultationUntil' | 'concludedOn' | 'decisionNumber' | 'decisionDate' | 'decisionId' | 'dueOn'>>;

/** Effects that run before the state changes and give fields to set with it. */
export async function patchOf(q: Queryable, user: AuthUser, effects: Effect[], c: GuardContext): Promise<EffectPatch> {
  const patch: EffectPatch = {};
  if (effects.includes('open_consultation_window')) {
    const rule = consultationRule(c.wf, c.dossier.awardCode);
    if (rule) {
      // The posting runs `days` working days from tomorrow; the council meets after it closes.
      patch.consultationUntil = await addWorkingDays(q, c.today, rule.days);
      patch.dueOn = patch.consultationUntil;
    }
  }
  if (effects.includes('record_decision')) {
    const given = c.input.decision;
    if (given?.number?.trim()) {
      // A decision already made (on paper, or elsewhere): its number and date as given.
      patch.decisionNumber = given.number.trim();
      patch.decisionDate = given.date ?? c.today;
      patch.decisionId = given.decisionId ?? null;
    } else {
      // The register's draft answering the nominees: numbered when issued, which writes the number here.
      patch.decisionId = given?.decisionId ?? (await draftDecisionFor(q, user, c.dossier, c.nominees, given?.kind));
    }
  }
  return patch;
}

/** Effects that run after the event is written (they point at it), returning a new dossier's id when one is made. */
export async function afterEvent(q: Queryable, actor: Actor, effects: Effect[], c: GuardContext, eventId: number): Promise<{ forwardedTo: number | null }> {
  if (effects.includes('record_return_reasons')) await children.insertReturnReasons(q, c.dossier.id, eventId, c.input.returnReasons ?? []);
  if (effects.includes('resolve_return_reasons')) await children.resolveReturnReasons(q, c.dossier.id, eventId);
  if (effects.includes('forward_to_next_level') && c.input.forwardTo) return { forwardedTo: await forwardCopy(q, actor, c, c.input.forwardTo) };
  return { forwardedTo: null };
}

/**
 * The next level's dossier: a draft held by the forwarding unit, addressed to `to`, linked to its source, with the
 * nominees (their kept checks) and parts copied; the forwarding unit adds its own submission and sends it.
 */
async function forwardCopy(q: Queryable, actor: Actor, c: GuardContext, to: number): Promise<number> {
  const d = c.dossier;
  const id = (await repo.insertDossier(q, {
    title: d.title, awardType: d.awardType, awardCode: d.awardCode, year: d.year, workflow: d.workflow, senderUnitId: d.receiverUnitId, receiverUnitId: to,
    hop: d.hop + 1, sourceDossierId: d.id, actDate: d.actDate, note: d.note, createdBy: actor.id as number, idempotencyKey: null,
  })) as number;
  const nomineeMap = new Map<number, number>();
  for (const n of c.nominees) nomineeMap.set(n.id, await children.insertNominee(q, { ...n, dossierId: id }));
  await q.query(
    `insert into dossier_part (dossier_id, kind, nominee_id, file_name, size_bytes, sha256, content, created_by)
     select $1, kind, (select m.new_id from unnest($3::bigint[], $4::bigint[]) as m(old_id, new_id) where m.old_id = p.nominee_id), file_name, size_bytes, sha256, content, $5
       from dossier_part p where dossier_id = $2 and kind <> 'submission_letter'`,
    [id, d.id, [...nomineeMap.keys()], [...nomineeMap.values()], actor.id],
  );
  await repo.insertEvent(q, { dossierId: id, actorId: actor.id, actorName: actor.name, action: 'create_from_forward', fromState: null, toState: 'draft', reason: { sourceDossierId: d.id } });
  return id;
}
