/**
 * The people module's published readers of a batch of collectives' facts: their own yearly ratings and titles,
 * their awards (fact-readers.ts `awardRows`), open review cases, and the statistics of the people employed in them.
 * One statement each over `unit_id = any($1)`; the member statistics of every unit and year of the batch come from
 * one aggregate statement. Parameters as in fact-readers.ts.
 */
import type { Queryable } from '../../server/db.ts';
import { type BatchParams, OPEN_REVIEW, jsonRows } from './fact-readers.ts';
import type { Rating } from './types.ts';

/** The units among `ids` with a review case open on `asOf` (NĐ 152 Art 4(4) freeze rule). */
export async function unitsUnderReview(q: Queryable, ids: number[], asOf: string): Promise<Set<number>> {
  const rows = await q.query<{ unit_id: number }>(
    `select distinct r.unit_id from review_case r where r.unit_id = any($1::bigint[]) and ${OPEN_REVIEW}`,
    [ids, asOf],
  );
  return new Set(rows.map((r) => r.unit_id));
}

export interface UnitRatingRow { unit_id: number; year: number; rating: Rating; exceeded_targets: boolean | null; led_cluster: boolean | null }
/** A collective's own latest uncorrected rating per year. */
export const unitRatingRows = (q: Queryable, p: BatchParams) =>
  q.query<UnitRatingRow>(
    `select distinct on (r.unit_id, r.year) r.unit_id, r.year, r.rating, r.exceeded_targets, r.led_cluster from unit_year_rating r
      where r.unit_id = any($1::bigint[]) and r.year between $2::int and $3::int
        and not exists (select 1 from unit_year_rating c where c.corrects_id = r.id)
      order by r.unit_id, r.year, r.id desc`,
    [p.ids, p.fromYear, p.toYear],
  );

/** Emulation titles of the units (`ids` includes predecessors) not withdrawn on $2 and not corrected. */
export const unitTitleRows = (q: Queryable, p: BatchParams) =>
  q.query<{ unit_id: number; year: number; title_code: string }>(
    `select t.unit_id, t.year, t.title_code from unit_title t
      where t.unit_id = any($1::bigint[]) and t.year between $3::int and $4::int and (t.revoked_on is null or t.revoked_on > $2::date)
        and not exists (select 1 from unit_title c where c.corrects_id = t.id)
      order by t.unit_id, t.year, t.title_code`,
    [p.ids, p.asOf, p.fromYear, p.toYear],
  );

export interface MemberStatsRow {
  unit_id: number; year: number; members: number; completed: number; women: number;
  titles: Record<string, number> | null; disciplined: Record<string, number> | null;
}

/** The day membership is read on in year `y`: 31 December, or asOf ($2) in asOf's year ($4). */
const REF = (y: string) => `(case when ${y} = $4::int then $2::date else make_date(${y}, 12, 31) end)`;
/** Employment `e` covers year `y`'s reference day. */
const COVERS = (y: string) => `e.from_date <= ${REF(y)} and (e.to_date is null or e.to_date > ${REF(y)})`;

/** The people who may count as members of the units in some year of [$3, $4] (employed after its start). */
const MEMBER_EMPLOYMENT = `e.unit_id = any($1::bigint[]) and e.from_date <= $2::date and (e.to_date is null or e.to_date > make_date($3::int, 1, 1))`;

/**
 * Member statistics per unit and year: members are the people employed in the unit on 31 December (in asOf's year,
 * on asOf); completed/titles/discipline count those members' facts for that year, read as a person's are.
 * Two statements: the members' ids, then one aggregate grouping by unit and year that reads their facts by index
 * through that array (as for a batch of people) and is driven by the fact rows rather than by member-years.
 * A person holds one employment at a time (EMPLOYMENT_OVERLAP), so counting employments counts people.
 */
export async function memberStatsRows(q: Queryable, p: BatchParams): Promise<MemberStatsRow[]> {
  const [{ ids }] = await q.query<{ ids: string }>(
    `select coalesce(json_agg(distinct e.person_id), '[]')::text as ids from employment e where ${MEMBER_EMPLOYMENT}`,
    [p.ids, p.asOf, p.fromYear],
  );
  const memberIds = JSON.parse(ids) as number[];
  if (memberIds.length === 0) return [];
  return jsonRows<MemberStatsRow>(
    q,
    `with e as materialized (
       select e.unit_id, e.person_id, e.from_date, e.to_date from employment e where ${MEMBER_EMPLOYMENT}
     ), spans as (
       -- the years [fy, ly] whose reference day each employment covers
       select e.unit_id, (p.gender = 'female')::int as female, greatest($3::int, extract(year from e.from_date)::int) as fy,
              case when e.to_date is null or e.to_date > $2::date then $4::int
                   when extract(year from e.to_date)::int = $4::int then $4::int - 1
                   else least($4::int, extract(year from e.to_date)::int - 1) end as ly
         from e join (select id, gender from person where id = any($5::bigint[])) p on p.id = e.person_id
     ), deltas as (
       -- members per year as a running sum: +1 from the first year covered, -1 after the last
       select unit_id, y, sum(d)::int as d, sum(w)::int as w from (
         select unit_id, fy as y, 1 as d, female as w from spans where fy <= ly
         union all
         select unit_id, ly + 1, -1, -female from spans where fy <= ly and ly < $4::int) x
        group by 1, 2
     ), counts as (
       select unit_id, y, members, women from (
         select u.unit_id, y.y, sum(coalesce(d.d, 0)) over w as members, sum(coalesce(d.w, 0)) over w as women
           from (select distinct unit_id from deltas) u
          cross join generate_series($3::int, $4::int) as y(y)
           left join deltas d on d.unit_id = u.unit_id and d.y = y.y
         window w as (partition by u.unit_id order by y.y)) x
        where members > 0
     ), completed as (
       select e.unit_id, r.year as y, count(*)::int as n
         from (select distinct on (r.person_id, r.year) r.person_id, r.year, r.rating from person_year_rating r
                where r.person_id = any($5::bigint[]) and r.year between $3::int and $4::int
                  and not exists (select 1 from person_year_rating c where c.corrects_id = r.id)
                order by r.person_id, r.year, r.id desc) r
         join e on e.person_id = r.person_id
        where r.rating in ('excellent', 'good', 'completed') and ${COVERS('r.year')}
        group by 1, 2
     ), titled as (
       select unit_id, y, jsonb_object_agg(title_code, n) as titles from (
         select e.unit_id, t.year as y, t.title_code, count(distinct t.person_id)::int as n
           from person_title t join e on e.person_id = t.person_id
          where t.person_id = any($5::bigint[]) and t.year between $3::int and $4::int
            and (t.revoked_on is null or t.revoked_on > $2::date)
            and not exists (select 1 from person_title c where c.corrects_id = t.id)
            and ${COVERS('t.year')}
          group by 1, 2, 3) x group by 1, 2
     ), disciplined as (
       select unit_id, y, jsonb_object_agg(level, n) as disciplined from (
         select e.unit_id, y.y, d.level, count(distinct d.person_id)::int as n
           from person_discipline d join e on e.person_id = d.person_id
          cross join lateral generate_series(greatest($3::int, extract(year from d.from_date)::int),
                                             least($4::int, coalesce(extract(year from d.to_date - 1)::int, $4::int))) as y(y)
          where d.person_id = any($5::bigint[]) and d.from_date <= $2::date
            and (d.revoked_on is null or d.revoked_on > $2::date) and ${COVERS('y.y')}
          group by 1, 2, 3) x group by 1, 2
     )
     select c.unit_id, c.y as year, c.members::int as members, coalesce(cp.n, 0) as completed, c.women::int as women, t.titles, d.disciplined
       from counts c
       left join completed cp on cp.unit_id = c.unit_id and cp.y = c.y
       left join titled t on t.unit_id = c.unit_id and t.y = c.y
       left join disciplined d on d.unit_id = c.unit_id and d.y = c.y`,
    'x.unit_id, x.year',
    [p.ids, p.asOf, p.fromYear, p.toYear, memberIds],
  );
}
