import type { Queryable } from '../../server/db.ts';

// Published for the rewards module's fund ledger: the awardees of the decisions an authority issued in a year (its
// own register only: a decision made elsewhere is not paid from this authority's fund).

export interface IssuedAwardee {
  awardeeId: number;
  decisionId: number;
  numberText: string;
  decidedOn: string;
  personId: number | null;
  unitId: number | null;
  awardCode: string;
}

/** Every awardee of the decisions `authorityUnitId` issued in `year`, by decision then awardee. */
export async function issuedAwardeesOf(q: Queryable, authorityUnitId: number, year: number): Promise<IssuedAwardee[]> {
  const rows = await q.query<{ id: number; decision_id: number; number_text: string; decided_on: string; person_id: number | null; unit_id: number | null; award_code: string }>(
    `select a.id, a.decision_id, d.number_text, d.decided_on::text as decided_on, a.person_id, a.unit_id, a.award_code
       from decision d join decision_awardee a on a.decision_id = d.id
      where d.authority_unit_id = $1 and d.year = $2 and d.status = 'issued' and d.external_authority is null
      order by d.decided_on, d.id, a.id`,
    [authorityUnitId, year],
  );
  return rows.map((r) => ({
    awardeeId: Number(r.id), decisionId: Number(r.decision_id), numberText: r.number_text, decidedOn: r.decided_on,
    personId: r.person_id === null ? null : Number(r.person_id), unitId: r.unit_id === null ? null : Number(r.unit_id), awardCode: r.award_code,
  }));
}

/** The authorities among `unitIds` (null: all) that issued decisions of their own in `year`. */
export async function issuingAuthorities(q: Queryable, year: number, unitIds: number[] | null): Promise<number[]> {
  const rows = await q.query<{ authority_unit_id: number }>(
    `select distinct authority_unit_id from decision
      where year = $1 and status = 'issued' and external_authority is null and ($2::bigint[] is null or authority_unit_id = any($2::bigint[]))`,
    [year, unitIds],
  );
  return rows.map((r) => Number(r.authority_unit_id));
}
