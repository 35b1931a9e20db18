import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import type { Scope } from '../auth/scope.ts';
import { inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import * as repo from './repo.ts';
import type { DecisionView } from './types.ts';

const awardName = (code: string) => catalogue().byCode.get(code)?.nameVi ?? code;

/** Decisions with their authority's and awardees' names (one statement per kind of name). */
export async function presentDecisions(q: Queryable, rows: repo.DecisionRow[], withAwardees = true): Promise<DecisionView[]> {
  const awardees = withAwardees ? await repo.awardeesOf(q, rows.map((r) => r.id)) : [];
  const people = new Map((await peopleWithOpenEmployment(q, [...new Set(awardees.flatMap((a) => (a.person_id ? [a.person_id] : [])))])).map((p) => [p.id, p.full_name]));
  const units = await latestUnitNames(q, [...rows.map((r) => r.authority_unit_id), ...awardees.map((a) => a.unit_id)]);
  return rows.map((r) => ({
    id: r.id, authorityUnitId: r.authority_unit_id, authorityName: units.get(r.authority_unit_id) ?? '', kind: r.kind, status: r.status,
    year: r.year, number: r.number, numberText: r.number_text, externalAuthority: r.external_authority, decidedOn: r.decided_on,
    signerName: r.signer_name, signerTitle: r.signer_title, summary: r.summary, awardCode: r.award_code, awardName: awardName(r.award_code),
    awardType: r.award_type, periodFrom: r.period_from, periodTo: r.period_to, version: r.version, createdAt: r.created_at, issuedAt: r.issued_at,
    awardees: awardees.filter((a) => a.decision_id === r.id).map((a) => ({
      id: a.id, personId: a.person_id, unitId: a.unit_id,
      name: (a.person_id ? people.get(a.person_id) : units.get(a.unit_id as number)) ?? '',
      awardCode: a.award_code, awardName: awardName(a.award_code), dossierId: a.dossier_id, nomineeId: a.nominee_id,
    })),
  }));
}

/**
 * A decision whose register (its authority) lies in the scope.
 * @throws AppError NOT_FOUND when it does not exist or lies outside the scope (a guessed id reveals nothing)
 */
export async function loadInScope(q: Queryable, scope: Scope, id: number, lock = false): Promise<repo.DecisionRow> {
  const row = await repo.findDecision(q, id, lock);
  if (!row || !inScope(scope, row.authority_unit_id)) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * A decision the reader may see: its authority is in the scope, or it is issued and awards someone the scope covers.
 * @throws AppError NOT_FOUND otherwise
 */
export async function decisionDetail(q: Queryable, scope: Scope, id: number): Promise<DecisionView> {
  const row = await repo.findDecision(q, id);
  const visible = row && (inScope(scope, row.authority_unit_id) || (row.status === 'issued' && !scope.all && (await repo.awardsWithin(q, id, scope.unitIds))));
  if (!row || !visible) throw new AppError('NOT_FOUND');
  const [view] = await presentDecisions(q, [row]);
  return view;
}
