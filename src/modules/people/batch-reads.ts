import type { Queryable } from '../../server/db.ts';
import type { PersonRow } from './repo.ts';
import type { Category } from './types.ts';

// People with their open employment, read for many at once: what an import compares its rows with, and what an
// export writes beside each person of a page. One statement per call (per chunk of CCCDs).

/** A person's open employment (the latest begun if several; all null when none is open). */
export interface OpenEmployment {
  emp_id: number | null; unit_id: number | null; position: string | null; category: Category | null; is_leader: boolean | null; from_date: string | null;
}

/** A person's latest employment, open or ended (what an export writes for someone no longer working). */
export interface LastEmployment {
  last_unit_id: number | null; last_position: string | null; last_category: Category | null; last_is_leader: boolean | null;
  last_from_date: string | null; last_to_date: string | null;
}

/** A stored person with their open employment, their latest one and the day their latest employment began (`latest_from`). */
export type StoredPerson = PersonRow & OpenEmployment & LastEmployment & { latest_from: string | null };

// The latest employment, open first, as person.current_unit_id is kept (people/repo.ts refreshCurrentUnit).
const LAST_EMPLOYMENT = `left join lateral (select l.unit_id as last_unit_id, l.position as last_position, l.category as last_category,
                                   l.is_leader as last_is_leader, l.from_date as last_from_date, l.to_date as last_to_date
                              from employment l where l.person_id = p.id
                             order by (l.to_date is null) desc, l.from_date desc, l.id desc limit 1) l on true`;

const CHUNK = 10_000;

/** Stored people by CCCD, in chunks of one `= any($1)` statement each. Unknown CCCDs are absent. */
export async function peopleByNationalId(q: Queryable, nationalIds: string[]): Promise<Map<string, StoredPerson>> {
  const found = new Map<string, StoredPerson>();
  for (let i = 0; i < nationalIds.length; i += CHUNK) {
    const rows = await q.query<StoredPerson>(
      `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, p.current_unit_id, p.version,
              e.id as emp_id, e.unit_id, e.position, e.category, e.is_leader, e.from_date,
              (select max(x.from_date)::text from employment x where x.person_id = p.id) as latest_from, l.*
         from person p
         left join lateral (select * from employment e where e.person_id = p.id and e.to_date is null
                             order by e.from_date desc, e.id desc limit 1) e on true
         ${LAST_EMPLOYMENT}
        where p.national_id = any($1::text[])`,
      [nationalIds.slice(i, i + CHUNK)],
    );
    for (const r of rows) found.set(r.national_id, r);
  }
  return found;
}

/** Some people with their open employment and their latest one, in the order of `ids` (unknown ids left out). */
export async function peopleWithOpenEmployment(q: Queryable, ids: number[]): Promise<(PersonRow & OpenEmployment & LastEmployment)[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<PersonRow & OpenEmployment & LastEmployment>(
    `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, p.current_unit_id, p.version,
            e.id as emp_id, e.unit_id, e.position, e.category, e.is_leader, e.from_date, l.*
       from person p
       left join lateral (select * from employment e where e.person_id = p.id and e.to_date is null
                           order by e.from_date desc, e.id desc limit 1) e on true
       ${LAST_EMPLOYMENT}
      where p.id = any($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
