// A decision's document is issued with the decision, in the issuing transaction (decisions' onDecisionIssued): from
// the draft text if one was edited, with the number and date just given. If it cannot be made, the issue fails and
// the number is given back. A decision made elsewhere (recorded with another body's number) has no paper made here.
import { onDecisionIssued } from '../decisions/hooks.ts';
import type { IssuedDecision } from '../decisions/types.ts';
import type { Queryable } from '../../server/db.ts';
import { findDecision } from '../decisions/repo.ts';
import { issueDocument } from './service.ts';

export async function issueDecisionDocument(q: Queryable, issued: IssuedDecision): Promise<void> {
  const row = await findDecision(q, issued.decisionId);
  if (!row || row.external_authority !== null) return;
  // The issuing user's own audit entry (decision.issue) is in the same transaction; this one names the step.
  await issueDocument(q, { id: null, name: 'decision.issue' }, { kind: 'decision', refId: issued.decisionId });
}

onDecisionIssued(issueDecisionDocument);
