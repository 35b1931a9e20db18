import { nameColumns } from '../modules/people/derive.ts';
import type { Queryable } from '../server/db.ts';
import { insertColumns } from './bulk.ts';
import type { GenHistory } from './history-types.ts';
import type { GenPerson } from './people-gen.ts';

type Ids = Map<string, number>;

/** Inserts people and their employments, set-based; returns person ids in the order of `people`. */
export async function writePeople(q: Queryable, unitIds: Ids, people: GenPerson[]): Promise<{ personIds: number[]; employments: number }> {
  const unit = (code: string) => unitIds.get(code) as number;
  const names = people.map((p) => nameColumns(p.fullName));
  const rows = await insertColumns<{ id: number; national_id: string }>(
    q,
    `insert into person (national_id, full_name, gender, birth_date, search_text, sort_key, current_unit_id)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::bigint[]) returning id, national_id`,
    [
      people.map((p) => p.nationalId), names.map((n) => n.fullName), people.map((p) => p.gender), people.map((p) => p.birthDate),
      names.map((n) => n.searchText), names.map((n) => n.sortKey), people.map((p) => unit((p.employments.at(-1) ?? p.employments[0]).unitCode)),
    ],
  );
  const idByNationalId = new Map(rows.map((r) => [r.national_id, Number(r.id)]));
  const personIds = people.map((p) => idByNationalId.get(p.nationalId) as number);
  const jobs = people.flatMap((p, i) => p.employments.map((e) => ({ person: personIds[i], ...e })));
  await insertColumns(
    q,
    `insert into employment (person_id, unit_id, position, category, is_leader, from_date, to_date, end_reason)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bool[], $6::date[], $7::date[], $8::text[])`,
    [jobs.map((j) => j.person), jobs.map((j) => unit(j.unitCode)), jobs.map((j) => j.position), jobs.map((j) => j.category), jobs.map((j) => j.isLeader), jobs.map((j) => j.from), jobs.map((j) => j.to), jobs.map((j) => j.endReason)],
  );
  return { personIds, employments: jobs.length };
}

/** Inserts the years of ratings, titles and awards, set-based. */
export async function writeHistory(q: Queryable, unitIds: Ids, personIds: number[], h: GenHistory): Promise<void> {
  const unit = (code: string | null) => (code === null ? null : (unitIds.get(code) as number));
  const person = (i: number | null) => (i === null ? null : personIds[i]);
  await insertColumns(
    q,
    `insert into person_year_rating (person_id, year, rating, unit_id, source)
     select p, y, r, u, 'demo' from unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) as t(p, y, r, u)`,
    [h.ratings.map((r) => person(r.person)), h.ratings.map((r) => r.year), h.ratings.map((r) => r.rating), h.ratings.map((r) => unit(r.unitCode))],
  );
  await insertColumns(
    q,
    `insert into person_title (person_id, year, title_code, unit_id, decision_no, decision_date)
     select * from unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[], $5::text[], $6::date[])`,
    [h.titles.map((t) => person(t.person)), h.titles.map((t) => t.year), h.titles.map((t) => t.titleCode), h.titles.map((t) => unit(t.unitCode)), h.titles.map((t) => t.decisionNo), h.titles.map((t) => t.decisionDate)],
  );
  await insertColumns(
    q,
    `insert into unit_title (unit_id, year, title_code, decision_no, decision_date)
     select * from unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::date[])`,
    [h.unitTitles.map((t) => unit(t.unitCode)), h.unitTitles.map((t) => t.year), h.unitTitles.map((t) => t.titleCode), h.unitTitles.map((t) => t.decisionNo), h.unitTitles.map((t) => t.decisionDate)],
  );
  await insertColumns(
    q,
    `insert into award_record (person_id, unit_id, form_code, award_type, decision_no, decision_date, period_from, period_to, issuer_unit_id)
     select p, u, f, 'merit', n, d, pf, pt, i from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::date[], $6::int[], $7::int[], $8::bigint[]) as t(p, u, f, n, d, pf, pt, i)`,
    [h.awards.map((a) => person(a.person)), h.awards.map((a) => unit(a.unitCode)), h.awards.map((a) => a.formCode), h.awards.map((a) => a.decisionNo), h.awards.map((a) => a.decisionDate), h.awards.map((a) => a.periodFrom), h.awards.map((a) => a.periodTo), h.awards.map((a) => unit(a.issuerCode))],
  );
}
