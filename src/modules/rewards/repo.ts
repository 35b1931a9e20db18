import type { Queryable } from '../../server/db.ts';

// SQL of the rewards module: the yearly fund of an authority and the payments to awardees.

export interface FundRow {
  id: number;
  authority_unit_id: number;
  year: number;
  budget: number;
  note: string | null;
  version: number;
  updated_at: string;
}

export interface PaymentRow {
  id: number;
  awardee_id: number;
  decision_id: number;
  amount: number;
  paid_on: string;
  note: string | null;
  version: number;
  recorded_at: string;
}

const FUND_COLUMNS = 'id, authority_unit_id, year, budget, note, version, updated_at';
const PAYMENT_COLUMNS = 'id, awardee_id, decision_id, amount, paid_on::text as paid_on, note, version, recorded_at';

/** The fund of an authority for a year; `lock` holds it until the transaction ends (issuers of one fund queue). */
export async function findFund(q: Queryable, authorityUnitId: number, year: number, lock = false): Promise<FundRow | undefined> {
  const [row] = await q.query<FundRow>(`select ${FUND_COLUMNS} from reward_fund where authority_unit_id = $1 and year = $2${lock ? ' for update' : ''}`, [authorityUnitId, year]);
  return row;
}

/** The funds of a year, of the given authorities (null: all). */
export async function fundsOfYear(q: Queryable, year: number, unitIds: number[] | null): Promise<FundRow[]> {
  return q.query<FundRow>(`select ${FUND_COLUMNS} from reward_fund where year = $1 and ($2::bigint[] is null or authority_unit_id = any($2::bigint[]))`, [year, unitIds]);
}

export async function insertFund(q: Queryable, f: { authorityUnitId: number; year: number; budget: number; note: string | null; actorId: number | null }): Promise<FundRow> {
  const [row] = await q.query<FundRow>(
    `insert into reward_fund (authority_unit_id, year, budget, note, updated_by) values ($1, $2, $3, $4, $5) returning ${FUND_COLUMNS}`,
    [f.authorityUnitId, f.year, f.budget, f.note, f.actorId],
  );
  return row;
}

export async function updateFund(q: Queryable, id: number, f: { budget: number; note: string | null; actorId: number | null }): Promise<FundRow> {
  const [row] = await q.query<FundRow>(
    `update reward_fund set budget = $2, note = $3, updated_by = $4, updated_at = now(), version = version + 1 where id = $1 returning ${FUND_COLUMNS}`,
    [id, f.budget, f.note, f.actorId],
  );
  return row;
}

export async function paymentsOf(q: Queryable, awardeeIds: number[]): Promise<Map<number, PaymentRow>> {
  if (awardeeIds.length === 0) return new Map();
  const rows = await q.query<PaymentRow>(`select ${PAYMENT_COLUMNS} from reward_payment where awardee_id = any($1::bigint[])`, [awardeeIds]);
  return new Map(rows.map((r) => [Number(r.awardee_id), r]));
}

export async function findPayment(q: Queryable, awardeeId: number): Promise<PaymentRow | undefined> {
  const [row] = await q.query<PaymentRow>(`select ${PAYMENT_COLUMNS} from reward_payment where awardee_id = $1 for update`, [awardeeId]);
  return row;
}

export async function insertPayment(q: Queryable, p: { awardeeId: number; decisionId: number; amount: number; paidOn: string; note: string | null; actorId: number | null }): Promise<PaymentRow> {
  const [row] = await q.query<PaymentRow>(
    `insert into reward_payment (awardee_id, decision_id, amount, paid_on, note, recorded_by) values ($1, $2, $3, $4, $5, $6) returning ${PAYMENT_COLUMNS}`,
    [p.awardeeId, p.decisionId, p.amount, p.paidOn, p.note, p.actorId],
  );
  return row;
}

export async function updatePayment(q: Queryable, id: number, p: { amount: number; paidOn: string; note: string | null; actorId: number | null }): Promise<PaymentRow> {
  const [row] = await q.query<PaymentRow>(
    `update reward_payment set amount = $2, paid_on = $3, note = $4, recorded_by = $5, recorded_at = now(), version = version + 1 where id = $1 returning ${PAYMENT_COLUMNS}`,
    [id, p.amount, p.paidOn, p.note, p.actorId],
  );
  return row;
}
