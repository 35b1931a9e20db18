/**
 * The people module's published readers of a batch of people's facts (the tables of migrations 0003 and 0009):
 * each is one statement over `person_id = any($1)`, so a batch of 5,000 people costs the same small number of
 * statements as one person. Eligibility builds the rule engine's input from them (its loaders and, through the
 * digest's document, discovery). Rows are plain: what the statements return, as the drivers decode them.
 * Parameters: $1 ids, $2 asOf, and where years are read $3 first year, $4 last year.
 */
import type { Queryable } from '../../server/db.ts';
import { type RowsSpec, type TextColumn, rowsOf } from './fact-docs.ts';
import type { Category, Gender, Rating } from './types.ts';

export { decodeDoc, fetchDoc, jsonRows, rowsOf, type RowsSpec, type TextColumn } from './fact-docs.ts';

/** The stored values of the fact tables' checked columns (migrations 0003, 0009). */
export type LeaveKind = 'maternity' | 'sick' | 'unpaid' | 'training' | 'injury' | 'other';
export type DisciplineLevel = 'reprimand' | 'warning' | 'salary_downgrade' | 'demotion' | 'dismissal_from_post' | 'dismissal';
export type WorkScope = 'grassroots' | 'ministerial_provincial' | 'national';
export type AwardType = 'merit' | 'sudden' | 'movement' | 'contribution' | 'seniority' | 'external';

export interface BatchParams {
  ids: number[];
  asOf: string;
  fromYear: number;
  toYear: number;
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

export interface WorkRow { kind: 'initiative' | 'science'; person_id: number; year: number; name: string; scope: WorkScope; used_for_award: string | null; accepted: boolean | null }
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

export interface EmployedPage {
  asOf: string;
  /** Ids above this one. */
  after: number;
  limit: number;
  /** Only people employed in these units; 'all' = anywhere. */
  unitIds: number[] | 'all';
}

/** The next keyset page of the people employed on `asOf` (in `unitIds`), by ascending id: one statement. */
export async function employedPeoplePage(q: Queryable, p: EmployedPage): Promise<number[]> {
  const scoped = p.unitIds !== 'all';
  return (await q.query<{ id: number }>(
    `select distinct e.person_id as id from employment e
      where e.from_date <= $1::date and (e.to_date is null or e.to_date > $1::date) and e.person_id > $2::bigint
        ${scoped ? 'and e.unit_id = any($4::bigint[])' : ''}
      order by 1 limit $3::int`,
    scoped ? [p.asOf, p.after, p.limit, p.unitIds] : [p.asOf, p.after, p.limit],
  )).map((r) => r.id);
}
