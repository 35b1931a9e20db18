/**
 * Certificates are made when a decision is issued, in the issuing transaction (decisions' `onDecisionIssued`): one
 * per awardee, with the next register numbers of the authority and year (gap-free: the counter row is locked until
 * the issue commits, and a failed issue gives them back), an unguessable code and a short code. What the certificate
 * prints is kept as it is on that day. A decision made elsewhere (Thủ tướng, a ministry) brings its own certificates.
 */
import type { Queryable } from '../../server/db.ts';
import { audit } from '../audit/audit.ts';
import { onDecisionIssued } from '../decisions/hooks.ts';
import type { IssuedDecision } from '../decisions/types.ts';
import { decisionDetail } from '../decisions/view.ts';
import { latestUnitNames } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { blanks } from './blanks.ts';
import { CODE_LENGTH, SHORT_CODE_LENGTH, randomCode } from './codes.ts';
import * as repo from './repo.ts';

/** The achievement line of a blank's template: "{award}" and "{period}" ("2025" or "2021–2025"). */
export function awardText(template: string, awardName: string, periodFrom: number, periodTo: number): string {
  const period = periodFrom === periodTo ? String(periodFrom) : `${periodFrom}–${periodTo}`;
  return template.replaceAll('{award}', awardName).replaceAll('{period}', period);
}

export async function makeCertificates(q: Queryable, issued: IssuedDecision): Promise<void> {
  const d = await decisionDetail(q, { all: true }, issued.decisionId);
  if (d.externalAuthority !== null || d.awardees.length === 0) return;
  const year = Number(issued.decidedOn.slice(0, 4));
  const personIds = d.awardees.flatMap((a) => (a.personId ? [a.personId] : []));
  const employment = new Map((await peopleWithOpenEmployment(q, personIds)).map((p) => [p.id, p.unit_id ?? p.last_unit_id]));
  const unitNames = await latestUnitNames(q, [...employment.values()]);
  const first = await repo.takeRegisterNumbers(q, issued.authorityUnitId, year, d.awardees.length);
  let pending: repo.NewCertificate[] = d.awardees.map((a, i) => {
    const unitId = a.personId ? employment.get(a.personId) : null;
    return {
      decision_id: d.id, awardee_id: a.id, authority_unit_id: issued.authorityUnitId, year, register_number: first + i,
      code: randomCode(CODE_LENGTH), short_code: randomCode(SHORT_CODE_LENGTH), subject_kind: a.personId ? 'person' : 'unit',
      full_name: a.name, unit_name: unitId ? (unitNames.get(unitId) ?? null) : null,
      award_code: a.awardCode, award_name: a.awardName,
      award_text: awardText(blanks().forAward(a.awardCode).award_text, a.awardName, d.periodFrom, d.periodTo),
      decision_number: issued.number, decided_on: issued.decidedOn, authority_name: d.authorityName, signer_title: d.signerTitle, signer_name: d.signerName,
    };
  });
  // A short code already taken (≈ 49 bits: rare, not impossible over the years) is drawn again.
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt === 5) throw new Error('certificate codes: no free code after 5 draws');
    const done = await repo.insertCertificates(q, pending);
    pending = pending.filter((c) => !done.has(c.awardee_id)).map((c) => ({ ...c, code: randomCode(CODE_LENGTH), short_code: randomCode(SHORT_CODE_LENGTH) }));
  }
  await audit(q, { id: null, name: `quyết định ${issued.number}` }, [{
    action: 'certificate.issue', entity: 'decision', entityId: d.id, orgUnitId: issued.authorityUnitId, before: null,
    after: { certificates: d.awardees.length, year, registerFrom: first, registerTo: first + d.awardees.length - 1 },
  }]);
}

onDecisionIssued(makeCertificates);
