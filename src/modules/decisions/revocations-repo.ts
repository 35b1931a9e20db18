import type { Queryable } from '../../server/db.ts';

// SQL of revocations (decision_revocation, decision_revocation_awardee; migration 0041).

export const REVOCATION_GROUNDS = ['fraudulent_declaration', 'false_documents', 'unlawful_procedure', 'later_violation', 'stripped', 'other'] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

export interface RevocationRow {
  id: number;
  decision_id: number;
  authority_unit_id: number;
  kind: string;
  year: number;
  number: number | null;
  number_text: string;
  external_authority: string | null;
  decided_on: string;
  signer_name: string;
  signer_title: string | null;
  ground: RevocationGround;
  reason: string;
  legal_basis: string;
  version: number;
  created_at: string;
}

export interface RevokedAwardeeRow {
  id: number;
  revocation_id: number;
  awardee_id: number;
  certificate_recovered_on: string | null;
  money_amount: number | null;
  money_recovered_on: string | null;
  recovery_note: string | null;
  version: number;
}

const COLUMNS = `id, decision_id, authority_unit_id, kind, year, number, number_text, external_authority, decided_on::text, signer_name, signer_title,
  ground, reason, legal_basis, version, created_at`;
const AWARDEE_COLUMNS = `id, revocation_id, awardee_id, certificate_recovered_on::text, money_amount::float8 as money_amount, money_recovered_on::text,
  recovery_note, version`;

export interface RevocationFields {
  decisionId: number;
  authorityUnitId: number;
  kind: string;
  year: number;
  number: number | null;
  numberText: string;
  externalAuthority: string | null;
  decidedOn: string;
  signerName: string;
  signerTitle: string | null;
  ground: RevocationGround;
  reason: string;
  legalBasis: string;
}

export async function insertRevocation(q: Queryable, f: RevocationFields, awardeeIds: number[], actorId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into decision_revocation (decision_id, authority_unit_id, kind, year, number, number_text, external_authority, decided_on, signer_name, signer_title, ground, reason, legal_basis, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) returning id`,
    [f.decisionId, f.authorityUnitId, f.kind, f.year, f.number, f.numberText, f.externalAuthority, f.decidedOn, f.signerName, f.signerTitle, f.ground, f.reason, f.legalBasis, actorId],
  );
  await q.query('insert into decision_revocation_awardee (revocation_id, awardee_id) select $1, unnest($2::bigint[])', [row.id, awardeeIds]);
  return row.id;
}

export async function revocationsOf(q: Queryable, decisionId: number): Promise<RevocationRow[]> {
  return q.query<RevocationRow>(`select ${COLUMNS} from decision_revocation where decision_id = $1 order by decided_on, id`, [decisionId]);
}

export async function findRevocation(q: Queryable, id: number): Promise<RevocationRow | null> {
  const [row] = await q.query<RevocationRow>(`select ${COLUMNS} from decision_revocation where id = $1`, [id]);
  return row ?? null;
}

export async function revokedAwardees(q: Queryable, revocationIds: number[]): Promise<RevokedAwardeeRow[]> {
  if (revocationIds.length === 0) return [];
  return q.query<RevokedAwardeeRow>(`select ${AWARDEE_COLUMNS} from decision_revocation_awardee where revocation_id = any($1::bigint[]) order by revocation_id, awardee_id`, [revocationIds]);
}

/** One revoked awardee of a revocation, locked for this transaction when `lock`. */
export async function findRevokedAwardee(q: Queryable, revocationId: number, awardeeId: number, lock = false): Promise<RevokedAwardeeRow | null> {
  const [row] = await q.query<RevokedAwardeeRow>(
    `select ${AWARDEE_COLUMNS} from decision_revocation_awardee where revocation_id = $1 and awardee_id = $2${lock ? ' for update' : ''}`,
    [revocationId, awardeeId],
  );
  return row ?? null;
}

export interface Recovery {
  certificateRecoveredOn: string | null;
  moneyAmount: number | null;
  moneyRecoveredOn: string | null;
  note: string | null;
}

export async function updateRecovery(q: Queryable, id: number, r: Recovery, actorId: number | null): Promise<void> {
  await q.query(
    `update decision_revocation_awardee set certificate_recovered_on = $2, money_amount = $3, money_recovered_on = $4, recovery_note = $5,
            version = version + 1, updated_by = $6, updated_at = now() where id = $1`,
    [id, r.certificateRecoveredOn, r.moneyAmount, r.moneyRecoveredOn, r.note, actorId],
  );
}

/** A revocation changes its decision: the decision's version moves on (a client holding the old one gets 409). */
export async function bumpDecisionVersion(q: Queryable, decisionId: number): Promise<number> {
  const [row] = await q.query<{ version: number }>('update decision set version = version + 1 where id = $1 returning version', [decisionId]);
  return row.version;
}

/** The revoked awards of a person, from the register: which award of which decision, revoked by which decision. */
export async function revokedOfPerson(q: Queryable, personId: number): Promise<{ awardee_id: number; decision_id: number; award_code: string; decision_number: string | null; decision_date: string | null; period_from: number; period_to: number; revocation_id: number; number_text: string; decided_on: string; reason: string }[]> {
  return q.query(
    `select a.id as awardee_id, d.id as decision_id, a.award_code, d.number_text as decision_number, d.decided_on::text as decision_date, d.period_from, d.period_to,
            r.id as revocation_id, r.number_text, r.decided_on::text as decided_on, r.reason
       from decision_awardee a join decision d on d.id = a.decision_id
       join decision_revocation_awardee ra on ra.awardee_id = a.id join decision_revocation r on r.id = ra.revocation_id
      where a.person_id = $1 order by r.decided_on desc, a.id`,
    [personId],
  );
}
