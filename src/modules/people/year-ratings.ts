import type { Queryable } from '../../server/db.ts';
import { type Actor, type AuditEntry, audit } from '../audit/audit.ts';
import type { Category, Rating } from './types.ts';

// The people module's published command for yearly task-completion ratings (person_year_rating, unit_year_rating:
// migrations 0003, 0009), used by the evaluations module when a rating is decided or imported. History is never
// overwritten: a rating for a year that already has one is a correction row naming the row it corrects
// (`corrects_id`), as the fact readers expect (the latest row nobody corrected is the rating). The change feed's
// triggers (migration 0017) log the people touched, so eligibility's digests and discovery see the rating at once.
// The latest row of a subject's year is never itself corrected (a correction is newer than what it corrects), so
// "the latest row" is the current rating and the row a new one corrects.
// Set-based: one statement per call whatever the row count, and one audit call.

export interface PersonRatingRow {
  personId: number;
  year: number;
  rating: Rating;
  /** The unit the person worked in when rated (shown in their history). */
  unitId: number | null;
}

export interface UnitRatingRow {
  unitId: number;
  year: number;
  rating: Rating;
  exceededTargets?: boolean | null;
  ledCluster?: boolean | null;
}

export interface RecordOptions {
  /** Where the rating comes from: 'evaluation' (decided in the app) or 'import'. */
  source: string;
  /** Added to every audit entry's `after` (e.g. `{ evaluationId }`, `{ importId }`). */
  tag?: Record<string, unknown>;
  /** Audit entries are returned instead of written (an import writes them with its own, in one call). */
  deferAudit?: boolean;
  /**
   * One audit entry per person and year (default), or per unit and year listing each person's before and after
   * (`[personId, before, after, ratingId]`): a 300,000-row import writes 300,000 ratings, not 300,000 entries.
   */
  auditPer?: 'row' | 'unit';
}

const assertOnePerYear = (keys: string[]) => {
  if (new Set(keys).size !== keys.length) throw new Error('recordRatings: one row per subject and year');
};

/**
 * Records people's ratings for their years inside the caller's transaction: a new row, or a correction of the
 * current one. Audited (one entry per row: before and after).
 * @returns how many rows were written and how many of them correct an earlier rating; the audit entries when deferred
 */
export async function recordPersonRatings(q: Queryable, actor: Actor, rows: PersonRatingRow[], opts: RecordOptions): Promise<{ written: number; corrections: number; audit: AuditEntry[] }> {
  if (rows.length === 0) return { written: 0, corrections: 0, audit: [] };
  assertOnePerYear(rows.map((r) => `${r.personId}:${r.year}`));
  const written = await q.query<{ id: number; person_id: number; year: number; rating: Rating; unit_id: number | null; corrects_id: number | null; before: Rating | null }>(
    `with input as (
       select * from unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) with ordinality as u(person_id, year, rating, unit_id, n)
     ), cur as (
       select distinct on (r.person_id, r.year) r.person_id, r.year, r.id, r.rating
         from person_year_rating r join input i on i.person_id = r.person_id and i.year = r.year
        order by r.person_id, r.year, r.id desc
     ), ins as (
       insert into person_year_rating (person_id, year, rating, unit_id, corrects_id, source)
       select i.person_id, i.year, i.rating, i.unit_id, cur.id, $5 from input i
         left join cur on cur.person_id = i.person_id and cur.year = i.year order by i.n
       returning id, person_id, year, rating, unit_id, corrects_id
     )
     select ins.*, cur.rating as before from ins left join cur on cur.id = ins.corrects_id`,
    [rows.map((r) => r.personId), rows.map((r) => r.year), rows.map((r) => r.rating), rows.map((r) => r.unitId), opts.source],
  );
  const entries: AuditEntry[] = opts.auditPer === 'unit' ? perUnitEntries(written, opts) : written.map((w) => ({
    action: w.corrects_id ? 'person.rating_correct' : 'person.rating', entity: 'person', entityId: w.person_id, orgUnitId: w.unit_id,
    before: w.corrects_id ? { year: w.year, rating: w.before, ratingId: w.corrects_id } : null,
    after: { year: w.year, rating: w.rating, ratingId: w.id, source: opts.source, ...opts.tag },
  }));
  if (!opts.deferAudit) await audit(q, actor, entries);
  return { written: written.length, corrections: written.filter((w) => w.corrects_id).length, audit: opts.deferAudit ? entries : [] };
}

/** One entry per unit and year: every person's rating before and after, in the order written. */
function perUnitEntries(written: { id: number; person_id: number; year: number; rating: Rating; unit_id: number | null; before: Rating | null }[], opts: RecordOptions): AuditEntry[] {
  const groups = new Map<string, { unitId: number | null; year: number; people: [number, Rating | null, Rating, number][] }>();
  for (const w of written) {
    const key = `${w.unit_id}|${w.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unitId: w.unit_id, year: w.year, people: [] }));
    g.people.push([w.person_id, w.before, w.rating, w.id]);
  }
  return [...groups.values()].map((g) => ({
    action: 'person.ratings', entity: 'org_unit', entityId: g.unitId, orgUnitId: g.unitId, before: null,
    after: { year: g.year, source: opts.source, ...opts.tag, columns: ['personId', 'before', 'after', 'ratingId'], people: g.people },
  }));
}

/** Records units' ratings for their years, as recordPersonRatings does for people. */
export async function recordUnitRatings(q: Queryable, actor: Actor, rows: UnitRatingRow[], opts: RecordOptions): Promise<{ written: number; corrections: number; audit: AuditEntry[] }> {
  if (rows.length === 0) return { written: 0, corrections: 0, audit: [] };
  assertOnePerYear(rows.map((r) => `${r.unitId}:${r.year}`));
  const written = await q.query<{ id: number; unit_id: number; year: number; rating: Rating; corrects_id: number | null; before: Rating | null }>(
    `with input as (
       select * from unnest($1::bigint[], $2::int[], $3::text[], $4::boolean[], $5::boolean[]) with ordinality as u(unit_id, year, rating, exceeded, led, n)
     ), cur as (
       select distinct on (r.unit_id, r.year) r.unit_id, r.year, r.id, r.rating, r.exceeded_targets, r.led_cluster
         from unit_year_rating r join input i on i.unit_id = r.unit_id and i.year = r.year
        where not exists (select 1 from unit_year_rating c where c.corrects_id = r.id)
        order by r.unit_id, r.year, r.id desc
     ), ins as (
       insert into unit_year_rating (unit_id, year, rating, exceeded_targets, led_cluster, corrects_id)
       select i.unit_id, i.year, i.rating, coalesce(i.exceeded, cur.exceeded_targets), coalesce(i.led, cur.led_cluster), cur.id from input i
         left join cur on cur.unit_id = i.unit_id and cur.year = i.year order by i.n
       returning id, unit_id, year, rating, corrects_id
     )
     select ins.*, cur.rating as before from ins left join cur on cur.id = ins.corrects_id`,
    [rows.map((r) => r.unitId), rows.map((r) => r.year), rows.map((r) => r.rating), rows.map((r) => r.exceededTargets ?? null), rows.map((r) => r.ledCluster ?? null)],
  );
  const entries: AuditEntry[] = written.map((w) => ({
    action: w.corrects_id ? 'unit.rating_correct' : 'unit.rating', entity: 'org_unit', entityId: w.unit_id, orgUnitId: w.unit_id,
    before: w.corrects_id ? { year: w.year, rating: w.before, ratingId: w.corrects_id } : null,
    after: { year: w.year, rating: w.rating, ratingId: w.id, source: opts.source, ...opts.tag },
  }));
  if (!opts.deferAudit) await audit(q, actor, entries);
  return { written: written.length, corrections: written.filter((w) => w.corrects_id).length, audit: opts.deferAudit ? entries : [] };
}

/** A person as a ratings import compares a row with: name, current unit, open employment's category and leader flag, and their current rating for the year. */
export interface PersonForRating {
  id: number;
  nationalId: string;
  fullName: string;
  currentUnitId: number | null;
  category: Category | null;
  isLeader: boolean;
  /** The current rating (after corrections) for the year asked, null when none. */
  rating: Rating | null;
}

/**
 * People by CCCD with what a rating for `years[i]` needs (one statement per chunk of 50,000, lighter than
 * batch-reads' readers: no latest-employment lookups). Unknown CCCDs are absent from the map.
 */
export async function peopleForRatings(q: Queryable, nationalIds: string[], years: number[]): Promise<Map<string, PersonForRating>> {
  const out = new Map<string, PersonForRating>();
  const CHUNK = 50_000;
  for (let i = 0; i < nationalIds.length; i += CHUNK) {
    // Set-based (hash joins over the chunk), not a lookup per row: a 300,000-row import reads this twice. The
    // latest row of a year is never corrected (a correction is always newer than what it corrects), so it is the
    // rating the fact readers read.
    const rows = await q.query<{ id: number; national_id: string; full_name: string; current_unit_id: number | null; category: Category | null; is_leader: boolean | null; rating: Rating | null }>(
      `with input as materialized (select * from unnest($1::text[], $2::int[]) as u(nid, year)),
            p as materialized (select p.id, p.national_id, p.full_name, p.current_unit_id, i.year from input i join person p on p.national_id = i.nid),
            e as (select distinct on (e.person_id) e.person_id, e.category, e.is_leader from employment e join p on p.id = e.person_id
                   where e.to_date is null order by e.person_id, e.from_date desc, e.id desc),
            r as (select distinct on (r.person_id, r.year) r.person_id, r.year, r.id, r.rating from person_year_rating r join p on p.id = r.person_id and p.year = r.year
                   order by r.person_id, r.year, r.id desc)
       select p.id, p.national_id, p.full_name, p.current_unit_id, e.category, e.is_leader, r.rating
         from p left join e on e.person_id = p.id left join r on r.person_id = p.id and r.year = p.year`,
      [nationalIds.slice(i, i + CHUNK), years.slice(i, i + CHUNK)],
    );
    for (const r of rows) out.set(r.national_id, { id: r.id, nationalId: r.national_id, fullName: r.full_name, currentUnitId: r.current_unit_id, category: r.category, isLeader: r.is_leader === true, rating: r.rating });
  }
  return out;
}

/** The current rating (after corrections) of some units for a year. */
export async function currentUnitRatings(q: Queryable, unitIds: number[], year: number): Promise<Map<number, Rating>> {
  const rows = await q.query<{ unit_id: number; rating: Rating }>(
    `select distinct on (r.unit_id) r.unit_id, r.rating from unit_year_rating r
      where r.unit_id = any($1::bigint[]) and r.year = $2 and not exists (select 1 from unit_year_rating c where c.corrects_id = r.id)
      order by r.unit_id, r.id desc`,
    [unitIds, year],
  );
  return new Map(rows.map((r) => [Number(r.unit_id), r.rating]));
}

/** People whose open employment on `asOf` is in the unit: what an evaluation of the unit's people starts from. */
export async function peopleEmployedIn(q: Queryable, unitId: number, asOf: string): Promise<number[]> {
  const rows = await q.query<{ person_id: number }>(
    `select distinct e.person_id from employment e
      where e.unit_id = $1 and e.from_date <= $2::date and (e.to_date is null or e.to_date > $2::date) order by 1`,
    [unitId, asOf],
  );
  return rows.map((r) => Number(r.person_id));
}

/** Refreshes the planner's statistics of the ratings after a bulk load (PGlite has no autovacuum). */
export async function analyzeRatings(q: Queryable): Promise<void> {
  await q.query('analyze person_year_rating');
}
