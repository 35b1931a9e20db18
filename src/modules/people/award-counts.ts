import type { Queryable } from '../../server/db.ts';

/** An award code and a year to count. */
export interface AwardYear {
  code: string;
  year: number;
}

/** How many of an award a unit got in a year. */
export interface UnitAwardCount {
  kind: 'title' | 'form';
  code: string;
  year: number;
  /** The unit recorded on the title or form, else the person's current unit; null when neither is known. */
  unitId: number | null;
  n: number;
}

/**
 * What was already given, per unit, for every (code, year) asked: titles (people's and collectives') by their
 * year, forms by their decision's year; revoked ones left out. One statement whatever the number of pairs —
 * eligibility's caps add these up over their subtrees.
 */
export async function awardCountsByUnit(q: Queryable, asked: { titles: AwardYear[]; forms: AwardYear[] }): Promise<UnitAwardCount[]> {
  if (asked.titles.length === 0 && asked.forms.length === 0) return [];
  const rows = await q.query<{ kind: 'title' | 'form'; code: string; year: number; unit_id: number | null; n: number }>(
    `with t(code, year) as (select * from unnest($1::text[], $2::int[])),
          f(code, year) as (select * from unnest($3::text[], $4::int[]))
     select 'title' as kind, x.code, x.year, x.unit_id, count(*)::int as n
       from (select pt.title_code as code, pt.year, coalesce(pt.unit_id, p.current_unit_id) as unit_id
               from person_title pt join person p on p.id = pt.person_id
              where pt.revoked_on is null and (pt.title_code, pt.year) in (select code, year from t)
             union all
             select ut.title_code, ut.year, ut.unit_id from unit_title ut
              where ut.revoked_on is null and (ut.title_code, ut.year) in (select code, year from t)) x
      group by x.code, x.year, x.unit_id
     union all
     select 'form', a.form_code, extract(year from a.decision_date)::int, coalesce(a.unit_id, p.current_unit_id), count(*)::int
       from award_record a left join person p on p.id = a.person_id
      where a.revoked_on is null and (a.form_code, extract(year from a.decision_date)::int) in (select code, year from f)
      group by a.form_code, extract(year from a.decision_date)::int, coalesce(a.unit_id, p.current_unit_id)`,
    [asked.titles.map((k) => k.code), asked.titles.map((k) => k.year), asked.forms.map((k) => k.code), asked.forms.map((k) => k.year)],
  );
  return rows.map((r) => ({ kind: r.kind, code: r.code, year: Number(r.year), unitId: r.unit_id === null ? null : Number(r.unit_id), n: Number(r.n) }));
}
