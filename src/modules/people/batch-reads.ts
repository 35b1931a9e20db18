import type { Queryable } from '../../server/db.ts';
import type { PersonRow } from './repo.ts';
import type { Category } from './types.ts';

// People with their open employment, read for many at once: what an import compares its rows with, and what an
// export writes beside each person of a page. One statement per call (per chunk of CCCDs).

/** A person's open employment (the latest begun if several; all null when none is open). */
export interface OpenEmployment {
  emp_id: number | null; unit_id: number | null; position: string | null; category: Category | null; is_leader: boolean | null; from_date: string | null;
}

/** A stored person with their open employment and the day their latest employment began (`latest_from`). */
export type StoredPerson = PersonRow & OpenEmployment & { latest_from: string | null };

const CHUNK = 10_000;

/** Stored people by CCCD, in chunks of one `= any($1)` statement each. Unknown CCCDs are absent. */
export async function peopleByNationalId(q: Queryable, nationalIds: string[]): Promise<Map<string, StoredPerson>> {
  const found = new Map<string, StoredPerson>();
  for (let i = 0; i < nationalIds.length; i += CHUNK) {
    const rows = await q.query<StoredPerson>(
      `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, p.current_unit_id, p.version,
              e.id as emp_id, e.unit_id, e.position, e.category, e.is_leader, e.from_date,
              (select max(x.from_date)::text from employment x where x.person_id = p.id) as latest_from
         from person p
         left join lateral (select * from employment e where e.person_id = p.id and e.to_date is null
                             order by e.from_date desc, e.id desc limit 1) e on true
        where p.national_id = any($1::text[])`,
      [nationalIds.slice(i, i + CHUNK)],
    );
    for (const r of rows) found.set(r.national_id, r);
  }
  return found;
}

/** Some people with their open employment, in the order of `ids` (unknown ids left out). */
export async function peopleWithOpenEmployment(q: Queryable, ids: number[]): Promise<(PersonRow & OpenEmployment)[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<PersonRow & OpenEmployment>(
    `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, p.current_unit_id, p.version,
            e.id as emp_id, e.unit_id, e.position, e.category, e.is_leader, e.from_date
       from person p
       left join lateral (select * from employment e where e.person_id = p.id and e.to_date is null
                           order by e.from_date desc, e.id desc limit 1) e on true
      where p.id = any($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
