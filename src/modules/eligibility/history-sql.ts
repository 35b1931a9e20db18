/**
 * Set-based reads of a batch of people's history: each function is one query over `person_id = any($1)`,
 * so a batch of 5,000 people costs the same small number of statements as one person.
 * Parameters: $1 ids, $2 asOf, and where years are read $3 first year, $4 last year.
 */
import type { Queryable } from '../../server/db.ts';
import type { AwardType, DisciplineLevel, Rating, Scope } from '../rules/contract.ts';

type Gender = 'female' | 'male';
type Category = 'civil_servant' | 'public_employee' | 'worker' | 'farmer' | 'armed_forces' | 'other';
export type LeaveKind = 'maternity' | 'sick' | 'unpaid' | 'training' | 'injury' | 'other';

export interface BatchParams {
  ids: number[];
  asOf: string;
  fromYear: number;
  toYear: number;
}

/**
 * Runs a query and returns its rows decoded from one JSON document, sorted by `order` (over the columns of `x`):
 * one value instead of thousands of rows is several times faster to transfer and decode, on PGlite above all.
 * Dates come back as 'YYYY-MM-DD', bigints as numbers, as from the drivers.
 */
export async function jsonRows<T>(q: Queryable, sql: string, order: string, params: unknown[]): Promise<T[]> {
  const [row] = await q.query<{ j: string | null }>(`select json_agg(x order by ${order})::text as j from (${sql}) x`, params);
  return row?.j ? (JSON.parse(row.j) as T[]) : [];
}

/**
 * Like `jsonRows` for the two big tables (ratings, titles: ten rows per person and year): rows of short codes come
 * back as one tab/newline-separated text, about three times cheaper than JSON objects on PGlite. Only for columns
 * that never hold a tab or a newline (ids, years, codes).
 */
export async function textRows<T>(q: Queryable, sql: string, order: string, params: unknown[], columns: { name: keyof T & string; int?: boolean }[]): Promise<T[]> {
  const fields = columns.map((c) => `x.${c.name}::text`).join(`, E'\\t', `);
  const [row] = await q.query<{ t: string | null }>(`select string_agg(concat(${fields}), E'\\n' order by ${order}) as t from (${sql}) x`, params);
  if (!row?.t) return [];
  return row.t.split('\n').map((line) => {
    const cells = line.split('\t');
    const out: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      out[c.name] = c.int ? Number(cells[i]) : cells[i];
    });
    return out as T;
  });
}

const args = (p: BatchParams) => [p.ids, p.asOf, p.fromYear, p.toYear];

/** A review case open on $2 (NĐ 152 Art 4(4) freeze rule). */
export const OPEN_REVIEW = `r.opened_on <= $2::date and (r.closed_on is null or r.closed_on > $2::date)`;
/** Not withdrawn by $2. */
const NOT_REVOKED = (alias: string) => `(${alias}.revoked_on is null or ${alias}.revoked_on > $2::date)`;

export interface PersonRow { id: number; full_name: string; gender: Gender | null; under_review: boolean }
export const personRows = (q: Queryable, p: BatchParams) =>
  jsonRows<PersonRow>(
    q,
    `select p.id, p.full_name, p.gender,
            exists (select 1 from review_case r where r.person_id = p.id and ${OPEN_REVIEW}) as under_review
       from person p where p.id = any($1::bigint[])`,
    'x.id',
    [p.ids, p.asOf],
  );

export interface EmploymentRow { id: number; person_id: number; unit_id: number; category: Category; is_leader: boolean; from_date: string; to_date: string | null }
/** Employments begun by $2 (later ones are not known on that date). */
export const employmentRows = (q: Queryable, p: BatchParams) =>
  jsonRows<EmploymentRow>(
    q,
    `select id, person_id, unit_id, category, is_leader, from_date, to_date from employment
      where person_id = any($1::bigint[]) and from_date <= $2::date`,
    'x.person_id, x.from_date, x.id',
    [p.ids, p.asOf],
  );

/** Each unit's name valid on `asOf` (else its earliest). */
export async function unitNames(q: Queryable, unitIds: number[], asOf: string): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await q.query<{ unit_id: number; name: string }>(
    `select distinct on (unit_id) unit_id, name from org_unit_version where unit_id = any($1::bigint[])
      order by unit_id, (valid_from <= $2::date) desc, valid_from desc`,
    [unitIds, asOf],
  );
  return new Map(rows.map((r) => [r.unit_id, r.name]));
}

export interface RatingRow { person_id: number; year: number; rating: Rating }
/** The latest rating per person and year among the rows no other row corrects. */
export const ratingRows = (q: Queryable, p: BatchParams) =>
  textRows<RatingRow>(
    q,
    `select distinct on (r.person_id, r.year) r.person_id, r.year, r.rating from person_year_rating r
      where r.person_id = any($1::bigint[]) and r.year between $2::int and $3::int
        and not exists (select 1 from person_year_rating c where c.corrects_id = r.id)
      order by r.person_id, r.year, r.id desc`,
    'x.person_id, x.year',
    [p.ids, p.fromYear, p.toYear],
    [{ name: 'person_id', int: true }, { name: 'year', int: true }, { name: 'rating' }],
  );

export interface TitleRow { person_id: number; year: number; title_code: string }
/** Titles not withdrawn by $2 and not corrected by a later row. */
export const titleRows = (q: Queryable, p: BatchParams) =>
  textRows<TitleRow>(
    q,
    `select t.person_id, t.year, t.title_code from person_title t
      where t.person_id = any($1::bigint[]) and t.year between $3::int and $4::int and ${NOT_REVOKED('t')}
        and not exists (select 1 from person_title c where c.corrects_id = t.id)`,
    'x.person_id, x.year, x.title_code',
    args(p),
    [{ name: 'person_id', int: true }, { name: 'year', int: true }, { name: 'title_code' }],
  );

export interface WorkRow { kind: 'initiative' | 'science'; person_id: number; year: number; name: string; scope: Scope; used_for_award: string | null; accepted: boolean | null }
/** Initiatives (sáng kiến) and science projects (đề tài khoa học) not withdrawn by $2, in one statement. */
export const workRows = (q: Queryable, p: BatchParams) =>
  jsonRows<WorkRow>(
    q,
    `select 'initiative' as kind, i.person_id, i.year, i.name, i.scope, i.used_for_award, null::boolean as accepted, i.id
       from person_initiative i
      where i.person_id = any($1::bigint[]) and i.year between $3::int and $4::int and ${NOT_REVOKED('i')}
     union all
     select 'science', s.person_id, s.year, s.name, s.scope, null, s.accepted, s.id
       from person_science_project s
      where s.person_id = any($1::bigint[]) and s.year between $3::int and $4::int and ${NOT_REVOKED('s')}`,
    'x.kind, x.person_id, x.year, x.id',
    args(p),
  );

export interface DisciplineRow { person_id: number; level: DisciplineLevel; from_date: string; to_date: string | null }
/** Disciplinary measures decided by $2, not withdrawn, overlapping the years [$3, $4]. */
export const disciplineRows = (q: Queryable, p: BatchParams) =>
  jsonRows<DisciplineRow>(
    q,
    `select d.id, d.person_id, d.level, d.from_date, d.to_date from person_discipline d
      where d.person_id = any($1::bigint[]) and d.from_date <= $2::date and ${NOT_REVOKED('d')}
        and (d.to_date is null or d.to_date > make_date($3::int, 1, 1)) and d.from_date < make_date($4::int + 1, 1, 1)`,
    'x.person_id, x.from_date, x.id',
    args(p),
  );

export interface LeaveRow { person_id: number; kind: LeaveKind; from_date: string; to_date: string }
/** Leave begun by $2 overlapping the years [$3, $4]. */
export const leaveRows = (q: Queryable, p: BatchParams) =>
  jsonRows<LeaveRow>(
    q,
    `select l.id, l.person_id, l.kind, l.from_date, l.to_date from person_leave l
      where l.person_id = any($1::bigint[]) and l.from_date <= $2::date
        and l.to_date > make_date($3::int, 1, 1) and l.from_date < make_date($4::int + 1, 1, 1)`,
    'x.person_id, x.from_date, x.id',
    args(p),
  );

export interface AwardRow { owner_id: number; form_code: string; award_type: AwardType; decision_no: string | null; decision_date: string; period_from: number | null; period_to: number | null }
/** Commendations decided by `asOf` and not withdrawn on it, of people or of units (`owner_id`). */
export const awardRows = (q: Queryable, owner: 'person_id' | 'unit_id', ids: number[], asOf: string) =>
  jsonRows<AwardRow>(
    q,
    `select a.id, a.${owner} as owner_id, a.form_code, a.award_type, a.decision_no, a.decision_date, a.period_from, a.period_to
       from award_record a
      where a.${owner} = any($1::bigint[]) and a.decision_date <= $2::date and ${NOT_REVOKED('a')}`,
    'x.owner_id, x.decision_date, x.id',
    [ids, asOf],
  );

/** An award row as the contract's prior award (`decisionNo` omitted when unknown). */
export function toPriorAward(r: AwardRow) {
  return {
    code: r.form_code, decisionDate: r.decision_date, periodFrom: r.period_from, periodTo: r.period_to, type: r.award_type,
    ...(r.decision_no ? { decisionNo: r.decision_no } : {}),
  };
}
