import type { Queryable } from '../../server/db.ts';
import type { AwardType, DecisionStatus } from './types.ts';

export interface DecisionRow {
  id: number;
  authority_unit_id: number;
  kind: string;
  status: DecisionStatus;
  year: number | null;
  number: number | null;
  number_text: string | null;
  external_authority: string | null;
  decided_on: string | null;
  signer_name: string | null;
  signer_title: string | null;
  summary: string | null;
  award_code: string;
  award_type: AwardType;
  period_from: number;
  period_to: number;
  version: number;
  created_at: string;
  issued_at: string | null;
}

export interface AwardeeRow {
  id: number;
  decision_id: number;
  person_id: number | null;
  unit_id: number | null;
  award_code: string;
  dossier_id: number | null;
  nominee_id: number | null;
}

const COLUMNS = `id, authority_unit_id, kind, status, year, number, number_text, external_authority, decided_on::text, signer_name,
  signer_title, summary, award_code, award_type, period_from, period_to, version, created_at, issued_at`;

/** A decision, locked for this transaction when `lock` (every write takes the row first: one issue wins). */
export async function findDecision(q: Queryable, id: number, lock = false): Promise<DecisionRow | null> {
  const rows = await q.query<DecisionRow>(`select ${COLUMNS} from decision where id = $1${lock ? ' for update' : ''}`, [id]);
  return rows[0] ?? null;
}

export interface DecisionFields {
  authorityUnitId: number;
  kind: string;
  externalAuthority: string | null;
  numberText: string | null;
  decidedOn: string | null;
  signerName: string | null;
  signerTitle: string | null;
  summary: string | null;
  awardCode: string;
  awardType: AwardType;
  periodFrom: number;
  periodTo: number;
}

const fieldValues = (f: DecisionFields) => [f.authorityUnitId, f.kind, f.externalAuthority, f.numberText, f.decidedOn, f.signerName, f.signerTitle, f.summary, f.awardCode, f.awardType, f.periodFrom, f.periodTo];

export async function insertDecision(q: Queryable, f: DecisionFields, actorId: number | null): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into decision (authority_unit_id, kind, external_authority, number_text, decided_on, signer_name, signer_title, summary, award_code, award_type, period_from, period_to, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id`,
    [...fieldValues(f), actorId],
  );
  return row.id;
}

export async function updateDraft(q: Queryable, id: number, f: DecisionFields): Promise<void> {
  await q.query(
    `update decision set authority_unit_id = $2, kind = $3, external_authority = $4, number_text = $5, decided_on = $6, signer_name = $7,
            signer_title = $8, summary = $9, award_code = $10, award_type = $11, period_from = $12, period_to = $13, version = version + 1
      where id = $1`,
    [id, ...fieldValues(f)],
  );
}

export async function replaceAwardees(q: Queryable, decisionId: number, rows: { personId: number | null; unitId: number | null; awardCode: string; dossierId: number | null; nomineeId: number | null; holderUnitId: number | null }[]): Promise<void> {
  await q.query('delete from decision_awardee where decision_id = $1', [decisionId]);
  if (rows.length === 0) return;
  await q.query(
    `insert into decision_awardee (decision_id, person_id, unit_id, award_code, dossier_id, nominee_id, holder_unit_id)
     select $1, * from unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[])`,
    [decisionId, rows.map((r) => r.personId), rows.map((r) => r.unitId), rows.map((r) => r.awardCode), rows.map((r) => r.dossierId), rows.map((r) => r.nomineeId), rows.map((r) => r.holderUnitId)],
  );
}

/** Whether an issued decision awards someone in these units (a reader who covers an awardee may read it). */
export async function awardsWithin(q: Queryable, decisionId: number, unitIds: number[]): Promise<boolean> {
  const rows = await q.query('select 1 from decision_awardee where decision_id = $1 and holder_unit_id = any($2::bigint[]) limit 1', [decisionId, unitIds]);
  return rows.length > 0;
}

export async function awardeesOf(q: Queryable, decisionIds: number[]): Promise<AwardeeRow[]> {
  if (decisionIds.length === 0) return [];
  return q.query<AwardeeRow>(
    'select id, decision_id, person_id, unit_id, award_code, dossier_id, nominee_id from decision_awardee where decision_id = any($1::bigint[]) order by decision_id, id',
    [decisionIds],
  );
}

/**
 * The next number of an authority, kind and year: the counter row is created if missing, then incremented, which
 * locks it until the issuing transaction ends. A concurrent issue of the same series waits here and reads the
 * committed value (PostgreSQL re-reads an updated row under READ COMMITTED), so numbers are consecutive; a
 * rolled-back issue rolls the counter back with it, so there is no gap.
 */
export async function takeNextNumber(q: Queryable, authorityUnitId: number, kind: string, year: number): Promise<number> {
  await q.query('insert into decision_number_counter (authority_unit_id, kind, year) values ($1, $2, $3) on conflict do nothing', [authorityUnitId, kind, year]);
  const [row] = await q.query<{ last_number: number }>(
    'update decision_number_counter set last_number = last_number + 1 where authority_unit_id = $1 and kind = $2 and year = $3 returning last_number',
    [authorityUnitId, kind, year],
  );
  return row.last_number;
}

export async function markIssued(q: Queryable, id: number, v: { year: number; number: number | null; numberText: string; decidedOn: string; signerName: string | null; signerTitle: string | null; actorId: number | null }): Promise<void> {
  await q.query(
    `update decision set status = 'issued', year = $2, number = $3, number_text = $4, decided_on = $5, signer_name = $6, signer_title = $7,
            issued_by = $8, issued_at = now(), version = version + 1 where id = $1`,
    [id, v.year, v.number, v.numberText, v.decidedOn, v.signerName, v.signerTitle, v.actorId],
  );
}

export async function markDiscarded(q: Queryable, id: number): Promise<void> {
  await q.query("update decision set status = 'discarded', version = version + 1 where id = $1", [id]);
}

/** A decision made elsewhere already recorded with this number and year by the same authority (or the same unit). */
export async function findExternal(q: Queryable, authority: string, numberText: string, exceptId: number | null): Promise<number | null> {
  const [row] = await q.query<{ id: number }>(
    "select id from decision where external_authority = $1 and number_text = $2 and status <> 'discarded' and id is distinct from $3 limit 1",
    [authority, numberText, exceptId],
  );
  return row?.id ?? null;
}

export interface ListFilter {
  unitIds: number[] | null;
  status?: DecisionStatus;
  year?: number;
  awardCode?: string;
  personId?: number;
  limit: number;
  offset: number;
}

/** A page of decisions in scope (null unitIds: all), newest first, with the total. */
export async function listDecisions(q: Queryable, f: ListFilter): Promise<{ rows: (DecisionRow & { awardees: number })[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, v: unknown) => { params.push(v); where.push(sql.replaceAll('?', `$${params.length}`)); };
  // The authority's register, or an issued decision awarding someone the reader covers.
  if (f.unitIds) add(`(d.authority_unit_id = any(?::bigint[]) or (d.status = 'issued' and exists (select 1 from decision_awardee x where x.decision_id = d.id and x.holder_unit_id = any(?::bigint[]))))`, f.unitIds);
  if (f.status) add('d.status = ?', f.status);
  if (f.year) add('coalesce(d.year, extract(year from d.decided_on)::int, d.period_to) = ?', f.year);
  if (f.awardCode) add('(d.award_code = ? or exists (select 1 from decision_awardee x where x.decision_id = d.id and x.award_code = ?))', f.awardCode);
  if (f.personId) add('exists (select 1 from decision_awardee x where x.decision_id = d.id and x.person_id = ?)', f.personId);
  const cond = where.length ? `where ${where.join(' and ')}` : '';
  const [count] = await q.query<{ n: number }>(`select count(*)::int as n from decision d ${cond}`, params);
  const rows = await q.query<DecisionRow & { awardees: number }>(
    `select ${COLUMNS},
            (select count(*)::int from decision_awardee x where x.decision_id = d.id) as awardees
       from decision d ${cond}
      order by (d.status = 'draft') desc, d.decided_on desc nulls first, d.id desc
      limit ${f.limit} offset ${f.offset}`,
    params,
  );
  return { rows, total: count.n };
}
