import { type Queryable, inParallel } from '../../server/db.ts';
import type { Category, Employment, Gender, Rating } from './types.ts';
import { cityToday } from '../../shared/clock.ts';
import { unitCodes, unitNamesOn } from '../org/names.ts';

export interface PersonRow {
  id: number;
  national_id: string;
  full_name: string;
  gender: Gender | null;
  birth_date: string | null;
  current_unit_id: number | null;
  version: number;
}

export async function findPerson(q: Queryable, id: number): Promise<PersonRow | null> {
  const rows = await q.query<PersonRow>('select id, national_id, full_name, gender, birth_date, current_unit_id, version from person where id = $1', [id]);
  return rows[0] ?? null;
}

/** Locks a person's row for this transaction and returns its version (undefined when it does not exist). */
export async function lockVersion(q: Queryable, personId: number): Promise<number | undefined> {
  const rows = await q.query<{ version: number }>('select version from person where id = $1 for update', [personId]);
  return rows[0]?.version;
}

export async function findPersonByNationalId(q: Queryable, nationalId: string): Promise<PersonRow | null> {
  const rows = await q.query<PersonRow>('select id, national_id, full_name, gender, birth_date, current_unit_id, version from person where national_id = $1', [nationalId]);
  return rows[0] ?? null;
}

/** Employment history of a person, newest first, with each unit's code and the name it had on the employment's
 *  last day (today for the open one). */
export async function employmentsOf(q: Queryable, personId: number): Promise<Employment[]> {
  const rows = await q.query<{ id: number; unit_id: number; position: string; category: Category; is_leader: boolean; from_date: string; to_date: string | null; end_reason: string | null; last_day: string | null }>(
    `select e.id, e.unit_id, e.position, e.category, e.is_leader, e.from_date, e.to_date, e.end_reason, (e.to_date - 1)::text as last_day
       from employment e where e.person_id = $1 order by e.from_date desc, e.id desc`,
    [personId],
  );
  const today = cityToday();
  const [codes, names] = await inParallel(q, [() => unitCodes(q, rows.map((r) => r.unit_id)), () => unitNamesOn(q, rows.map((r) => ({ unitId: r.unit_id, on: r.last_day ?? today })))] as const);
  return rows.map((r, i) => ({
    id: r.id, unitId: r.unit_id, unitCode: codes.get(r.unit_id) ?? '', unitName: names[i] as string, position: r.position, category: r.category,
    isLeader: r.is_leader, fromDate: r.from_date, toDate: r.to_date, endReason: r.end_reason,
  }));
}

/** The day the person's latest employment began (null when they have none). */
export async function latestEmploymentStart(q: Queryable, personId: number): Promise<string | null> {
  const [row] = await q.query<{ d: string | null }>('select max(from_date)::text as d from employment where person_id = $1', [personId]);
  return row?.d ?? null;
}

/** Units a person has worked in (any time): the person is visible where any of them is in scope. */
export async function unitsOfPerson(q: Queryable, personId: number): Promise<number[]> {
  const rows = await q.query<{ unit_id: number }>('select distinct unit_id from employment where person_id = $1', [personId]);
  return rows.map((r) => r.unit_id);
}

export async function insertEmployment(
  q: Queryable,
  e: { personId: number; unitId: number; position: string; category: Category; isLeader: boolean; fromDate: string; toDate?: string | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `insert into employment (person_id, unit_id, position, category, is_leader, from_date, to_date)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [e.personId, e.unitId, e.position, e.category, e.isLeader, e.fromDate, e.toDate ?? null],
  );
  return row.id;
}

/** Keeps person.current_unit_id equal to the unit of the latest employment. */
export async function refreshCurrentUnit(q: Queryable, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  await q.query(
    `update person p set current_unit_id = (select e.unit_id from employment e where e.person_id = p.id
        order by (e.to_date is null) desc, e.from_date desc, e.id desc limit 1), updated_at = now()
      where p.id = any($1::bigint[])`,
    [personIds],
  );
}

export interface YearRecord {
  year: number;
  rating: Rating | null;
  titles: string[];
}

/** Latest rating (after corrections) and titles per year. */
export async function yearRecordsOf(q: Queryable, personId: number): Promise<YearRecord[]> {
  const rows = await q.query<{ year: number; rating: Rating | null; titles: string[] | null }>(
    `with r as (select distinct on (year) year, rating from person_year_rating where person_id = $1 order by year, id desc),
          t as (select year, array_agg(title_code order by title_code) as titles from person_title
                 where person_id = $1 and revoked_on is null
                   and id not in (select corrects_id from person_title where corrects_id is not null and person_id = $1)
                 group by year)
     select coalesce(r.year, t.year) as year, r.rating, t.titles from r full join t on t.year = r.year order by 1 desc`,
    [personId],
  );
  return rows.map((r) => ({ year: r.year, rating: r.rating, titles: r.titles ?? [] }));
}

export interface AwardRow {
  id: number;
  formCode: string;
  awardType: string;
  decisionNo: string | null;
  decisionDate: string;
  periodFrom: number | null;
  periodTo: number | null;
  revokedOn: string | null;
}

export async function awardsOfPerson(q: Queryable, personId: number): Promise<AwardRow[]> {
  const rows = await q.query<{ id: number; form_code: string; award_type: string; decision_no: string | null; decision_date: string; period_from: number | null; period_to: number | null; revoked_on: string | null }>(
    'select id, form_code, award_type, decision_no, decision_date, period_from, period_to, revoked_on from award_record where person_id = $1 order by decision_date desc',
    [personId],
  );
  return rows.map((r) => ({ id: r.id, formCode: r.form_code, awardType: r.award_type, decisionNo: r.decision_no, decisionDate: r.decision_date, periodFrom: r.period_from, periodTo: r.period_to, revokedOn: r.revoked_on }));
}
