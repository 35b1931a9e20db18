/**
 * Dossiers and the decisions register (H4): deciding a dossier without a number makes a decision draft answering
 * its nominees (numbered when issued); issuing a decision closes every dossier it answers and writes its number on
 * them and on the dossiers they were forwarded from.
 */
import type { Queryable } from '../../server/db.ts';
import { cityYear } from '../../shared/clock.ts';
import { audit } from '../audit/audit.ts';
import type { AuthUser } from '../auth/roles.ts';
import { resolveScope } from '../auth/scope.ts';
import { createDecisionDraft } from '../decisions/commands.ts';
import { onDecisionIssued } from '../decisions/hooks.ts';
import type { IssuedDecision } from '../decisions/types.ts';
import type { DossierRow } from './repo.ts';
import * as repo from './repo.ts';
import type { NomineeRow } from './repo-children.ts';

/** A decision draft of the receiving level for the dossier's nominees. @returns its id */
export async function draftDecisionFor(q: Queryable, user: AuthUser, d: DossierRow, nominees: NomineeRow[], kind: string | null | undefined): Promise<number> {
  const scope = await resolveScope(q, user, 'decision.issue');
  const year = d.year ?? cityYear() - 1;
  const draft = await createDecisionDraft(q, { id: user.id, name: user.username }, scope, {
    authorityUnitId: d.receiverUnitId, kind: kind ?? 'QĐ-UBND', awardCode: d.awardCode, awardType: d.awardType, periodFrom: year, periodTo: year, summary: d.title,
    awardees: nominees.map((n) => ({ personId: n.personId, unitId: n.unitId, dossierId: d.id, nomineeId: n.id })),
  });
  return draft.id;
}

const OPEN = ['submitted', 'received', 'appraisal', 'resubmitted', 'council', 'consultation'];

/** Closes the dossiers an issued decision answers (in the issuing transaction). */
export async function closeAnswered(q: Queryable, issued: IssuedDecision): Promise<void> {
  const ids = [...new Set(issued.awardees.flatMap((a) => (a.dossierId ? [a.dossierId] : [])))].sort((x, y) => x - y);
  const actor = { id: null, name: `quyết định ${issued.number}` };
  for (const id of ids) {
    const d = await repo.lockDossier(q, id);
    if (!d) continue;
    const closing = OPEN.includes(d.state);
    await repo.changeState(q, id, { state: closing ? 'decided' : d.state, holderUnitId: closing ? d.receiverUnitId : d.holderUnitId, dueOn: closing ? null : d.dueOn, concludedOn: issued.decidedOn, decisionNumber: issued.number, decisionDate: issued.decidedOn, decisionId: issued.decisionId },
      { actorId: null, actorName: actor.name, action: 'decision_issued', fromState: d.state, reason: { decision: { number: issued.number, date: issued.decidedOn, decisionId: issued.decisionId } } });
    // The dossiers this one was forwarded from carry the answer too.
    await q.query(
      `with recursive chain(id) as (select source_dossier_id from dossier where id = $1 and source_dossier_id is not null
         union select d.source_dossier_id from dossier d join chain c on d.id = c.id where d.source_dossier_id is not null)
       update dossier set decision_number = $2, decision_date = $3, decision_id = $4 where id in (select id from chain)`,
      [id, issued.number, issued.decidedOn, issued.decisionId],
    );
    await audit(q, actor, [{ action: 'dossier.decision_issued', entity: 'dossier', entityId: id, orgUnitId: d.receiverUnitId, before: { state: d.state, version: d.version }, after: { state: closing ? 'decided' : d.state, decisionId: issued.decisionId, number: issued.number, version: d.version + 1 } }]);
  }
}

onDecisionIssued(closeAnswered);
