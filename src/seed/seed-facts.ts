import type { Queryable } from '../server/db.ts';
import { insertColumns } from './bulk.ts';
import type { GenHistory } from './history-types.ts';

/**
 * Inserts the facts besides ratings and titles, set-based: initiatives, science projects, discipline, leave,
 * review cases and the collectives' yearly ratings.
 */
export async function writeFacts(q: Queryable, unitIds: Map<string, number>, personIds: number[], h: GenHistory): Promise<void> {
  const unit = (code: string) => unitIds.get(code) as number;
  const person = (i: number) => personIds[i];
  const { initiatives: ini, scienceProjects: sci, disciplines: dis, leaves, reviewCases: rev, unitRatings: ur } = h;
  await insertColumns(
    q,
    `insert into person_initiative (person_id, year, name, scope, recognised_on, used_for_award)
     select * from unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[])`,
    [ini.map((i) => person(i.person)), ini.map((i) => i.year), ini.map((i) => i.name), ini.map((i) => i.scope), ini.map((i) => i.recognisedOn), ini.map((i) => i.usedFor)],
  );
  await insertColumns(
    q,
    `insert into person_science_project (person_id, year, name, scope, accepted)
     select * from unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::bool[])`,
    [sci.map((s) => person(s.person)), sci.map((s) => s.year), sci.map((s) => s.name), sci.map((s) => s.scope), sci.map((s) => s.accepted)],
  );
  await insertColumns(
    q,
    `insert into person_discipline (person_id, level, from_date, to_date, decision_no, reason)
     select * from unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::text[], $6::text[])`,
    [dis.map((d) => person(d.person)), dis.map((d) => d.level), dis.map((d) => d.from), dis.map((d) => d.to), dis.map((d) => d.decisionNo), dis.map((d) => d.reason)],
  );
  await insertColumns(
    q,
    `insert into person_leave (person_id, kind, from_date, to_date)
     select * from unnest($1::bigint[], $2::text[], $3::date[], $4::date[])`,
    [leaves.map((l) => person(l.person)), leaves.map((l) => l.kind), leaves.map((l) => l.from), leaves.map((l) => l.to)],
  );
  await insertColumns(
    q,
    `insert into review_case (person_id, kind, opened_on, closed_on, note)
     select * from unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::text[])`,
    [rev.map((r) => person(r.person)), rev.map((r) => r.kind), rev.map((r) => r.openedOn), rev.map((r) => r.closedOn), rev.map((r) => r.note)],
  );
  await insertColumns(
    q,
    `insert into unit_year_rating (unit_id, year, rating, exceeded_targets, led_cluster)
     select * from unnest($1::bigint[], $2::int[], $3::text[], $4::bool[], $5::bool[])`,
    [ur.map((r) => unit(r.unitCode)), ur.map((r) => r.year), ur.map((r) => r.rating), ur.map((r) => r.exceededTargets), ur.map((r) => r.ledCluster)],
  );
}
