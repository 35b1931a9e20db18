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

/** A column of a text document (ids, years and codes only: never a tab or a newline). */
export interface TextColumn { name: string; int?: boolean }

/**
 * One statement whose rows come back as one document, sorted by `order` (over the columns of `x`): JSON objects,
 * or for the two big tables (ratings, titles: ten rows per person and year) tab/newline-separated text, about three
 * times cheaper than JSON on PGlite. One value instead of thousands of rows is several times faster to transfer
 * and decode, on PGlite above all. Dates come back as 'YYYY-MM-DD', bigints as numbers, as from the drivers.
 */
export interface RowsSpec { sql: string; order: string; params: unknown[]; text?: TextColumn[] }

/** Runs a statement and returns its document, undecoded. */
export async function fetchDoc(q: Queryable, s: RowsSpec): Promise<string | null> {
  if (s.text) {
    const fields = s.text.map((c) => `x.${c.name}::text`).join(`, E'\\t', `);
    const [row] = await q.query<{ t: string | null }>(`select string_agg(concat(${fields}), E'\\n' order by ${s.order}) as t from (${s.sql}) x`, s.params);
    return row?.t ?? null;
  }
  const [row] = await q.query<{ j: string | null }>(`select json_agg(x order by ${s.order})::text as j from (${s.sql}) x`, s.params);
  return row?.j ?? null;
}

/** The rows of a document fetched with `fetchDoc` (the same spec's `text` columns). */
export function decodeDoc<T>(doc: string | null, text?: TextColumn[]): T[] {
  if (!doc) return [];
  if (!text) return JSON.parse(doc) as T[];
  return doc.split('\n').map((line) => {
    const cells = line.split('\t');
    const out: Record<string, unknown> = {};
    text.forEach((c, i) => {
      out[c.name] = c.int ? Number(cells[i]) : cells[i];
    });
    return out as T;
  });
}

/** Runs a spec and decodes its rows. */
export async function rowsOf<T>(q: Queryable, s: RowsSpec): Promise<T[]> {
  return decodeDoc<T>(await fetchDoc(q, s), s.text);
}

/** The rows of a statement, as JSON objects (see `RowsSpec`). */
export function jsonRows<T>(q: Queryable, sql: string, order: string, params: unknown[]): Promise<T[]> {
  return rowsOf<T>(q, { sql, order, params });
}

const specOf = (sql: string, order: string, params: unknown[], text?: TextColumn[]): RowsSpec => ({ sql, order, params, text });

const args = (p: BatchParams) => [p.ids, p.asOf, p.fromYear, p.toYear];

/** A review case open on $2 (NĐ 152 Art 4(4) freeze rule). */
export const OPEN_REVIEW = `r.opened_on <= $2::date and (r.closed_on is null or r.closed_on > $2::date)`;
/** Not withdrawn by $2. */
const NOT_REVOKED = (alias: string) => `(${alias}.revoked_on is null or ${alias}.revoked_on > $2::date)`;

export interface PersonRow { id: number; full_name: string; gender: Gender | null; under_review: boolean }
export const personSpec = (p: BatchParams): RowsSpec => specOf(
    `select p.id, p.full_name, p.gender,
            exists (select 1 from review_case r where r.person_id = p.id and ${OPEN_REVIEW}) as under_review
       from person p where p.id = any($1::bigint[])`,
    'x.id',
    [p.ids, p.asOf],
);
export const personRows = (q: Queryable, p: BatchParams) => rowsOf<PersonRow>(q, personSpec(p));

export interface EmploymentRow { id: number; person_id: number; unit_id: number; category: Category; is_leader: boolean; from_date: string; to_date: string | null }
/** Employments begun by $2 (later ones are not known on that date). */
export const employmentSpec = (p: BatchParams): RowsSpec => specOf(
    `select id, person_id, unit_id, category, is_leader, from_date, to_date from employment
      where person_id = any($1::bigint[]) and from_date <= $2::date`,
    'x.person_id, x.from_date, x.id',
    [p.ids, p.asOf],
);
export const employmentRows = (q: Queryable, p: BatchParams) => rowsOf<EmploymentRow>(q, employmentSpec(p));

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
export const ratingSpec = (p: BatchParams): RowsSpec => specOf(
    `select distinct on (r.person_id, r.year) r.person_id, r.year, r.rating from person_year_rating r
      where r.person_id = any($1::bigint[]) and r.year between $2::int and $3::int
        and not exists (select 1 from person_year_rating c where c.corrects_id = r.id)
      order by r.person_id, r.year, r.id desc`,
    'x.person_id, x.year',
    [p.ids, p.fromYear, p.toYear],
    [{ name: 'person_id', int: true }, { name: 'year', int: true }, { name: 'rating' }],
);
export const ratingRows = (q: Queryable, p: BatchParams) => rowsOf<RatingRow>(q, ratingSpec(p));

export interface TitleRow { person_id: number; year: number; title_code: string }
/** Titles not withdrawn by $2 and not corrected by a later row. */
export const titleSpec = (p: BatchParams): RowsSpec => specOf(
    `select t.person_id, t.year, t.title_code from person_title t
      where t.person_id = any($1::bigint[]) and t.year between $3::int and $4::int and ${NOT_REVOKED('t')}
        and not exists (select 1 from person_title c where c.corrects_id = t.id)`,
    'x.person_id, x.year, x.title_code',
    args(p),
    [{ name: 'person_id', int: true }, { name: 'year', int: true }, { name: 'title_code' }],
);
export const titleRows = (q: Queryable, p: BatchParams) => rowsOf<TitleRow>(q, titleSpec(p));

export interface WorkRow { kind: 'initiative' | 'science'; person_id: number; year: number; name: string; scope: Scope; used_for_award: string | null; accepted: boolean | null }
/** Initiatives (sáng kiến) and science projects (đề tài khoa học) not withdrawn by $2, in one statement. */
export const workSpec = (p: BatchParams): RowsSpec => specOf(
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
export const workRows = (q: Queryable, p: BatchParams) => rowsOf<WorkRow>(q, workSpec(p));

export interface DisciplineRow { person_id: number; level: DisciplineLevel; from_date: string; to_date: string | null }
/** Disciplinary measures decided by $2, not withdrawn, overlapping the years [$3, $4]. */
export const disciplineSpec = (p: BatchParams): RowsSpec => specOf(
    `select d.id, d.person_id, d.level, d.from_date, d.to_date from person_discipline d
      where d.person_id = any($1::bigint[]) and d.from_date <= $2::date and ${NOT_REVOKED('d')}
        and (d.to_date is null or d.to_date > make_date($3::int, 1, 1)) and d.from_date < make_date($4::int + 1, 1, 1)`,
    'x.person_id, x.from_date, x.id',
    args(p),
);
export const disciplineRows = (q: Queryable, p: BatchParams) => rowsOf<DisciplineRow>(q, disciplineSpec(p));

export interface LeaveRow { person_id: number; kind: LeaveKind; from_date: string; to_date: string }
/** Leave begun by $2 overlapping the years [$3, $4]. */
export const leaveSpec = (p: BatchParams): RowsSpec => specOf(
    `select l.id, l.person_id, l.kind, l.from_date, l.to_date from person_leave l
      where l.person_id = any($1::bigint[]) and l.from_date <= $2::date
        and l.to_date > make_date($3::int, 1, 1) and l.from_date < make_date($4::int + 1, 1, 1)`,
    'x.person_id, x.from_date, x.id',
    args(p),
);
export const leaveRows = (q: Queryable, p: BatchParams) => rowsOf<LeaveRow>(q, leaveSpec(p));

export interface AwardRow { owner_id: number; form_code: string; award_type: AwardType; decision_no: string | null; decision_date: string; period_from: number | null; period_to: number | null }
/** Commendations decided by `asOf` and not withdrawn on it, of people or of units (`owner_id`). */
export const awardSpec = (owner: 'person_id' | 'unit_id', ids: number[], asOf: string): RowsSpec =>
  specOf(
    `select a.id, a.${owner} as owner_id, a.form_code, a.award_type, a.decision_no, a.decision_date, a.period_from, a.period_to
       from award_record a
      where a.${owner} = any($1::bigint[]) and a.decision_date <= $2::date and ${NOT_REVOKED('a')}`,
    'x.owner_id, x.decision_date, x.id',
    [ids, asOf],
  );
export const awardRows = (q: Queryable, owner: 'person_id' | 'unit_id', ids: number[], asOf: string) => rowsOf<AwardRow>(q, awardSpec(owner, ids, asOf));

/** An award as a tuple, the shape of a history digest's entry (a digest's carries its withdrawal date after these). */
export type AwardFact = readonly [id: number, form: string, type: AwardType, no: string | null, date: string, from: number | null, to: number | null, ...rest: unknown[]];

export const awardFact = (r: AwardRow & { id?: number }): AwardFact => [r.id ?? 0, r.form_code, r.award_type, r.decision_no, r.decision_date, r.period_from, r.period_to];

/** An award as the contract's prior award (`decisionNo` omitted when unknown). */
export function toPriorAward(a: AwardFact) {
  return { code: a[1], decisionDate: a[4], periodFrom: a[5], periodTo: a[6], type: a[2], ...(a[3] ? { decisionNo: a[3] } : {}) };
}
