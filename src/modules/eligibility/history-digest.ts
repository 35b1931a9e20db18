/**
 * People's history digests (migration 0012): one JSON document per person with every fact the loaders read,
 * unfiltered by date. Discovery reads a page of digests in one statement and applies `asOf` here, exactly as the
 * loaders' statements (history-sql.ts) do in SQL; `history-digest.api.test.ts` holds the two equal.
 */
import type { Queryable } from '../../server/db.ts';
import type { AwardType, DisciplineLevel, Rating, Scope } from '../rules/contract.ts';
import { type PersonFacts, assemblePerson, batchParams } from './history-person.ts';
import type { AwardRow, DisciplineRow, EmploymentRow, LeaveKind, LeaveRow, PersonRow, RatingRow, TitleRow, WorkRow } from './history-sql.ts';
import type { HistoryOptions, PersonHistory } from './history-types.ts';

type Day = string;
/** One person's digest as the migration's `person_history_refresh` builds it (lists are null when empty). */
interface Digest {
  id: number;
  n: string;
  g: 'female' | 'male' | null;
  rv: [opened: Day, closed: Day | null][] | null;
  e: [id: number, unit: number, category: EmploymentRow['category'], leader: boolean, from: Day, to: Day | null][] | null;
  r: [year: number, rating: Rating][] | null;
  t: [year: number, code: string, revoked: Day | null][] | null;
  w: [kind: WorkRow['kind'], year: number, name: string, scope: Scope, usedFor: string | null, accepted: boolean | null, id: number, revoked: Day | null][] | null;
  d: [id: number, level: DisciplineLevel, from: Day, to: Day | null, revoked: Day | null][] | null;
  l: [id: number, kind: LeaveKind, from: Day, to: Day][] | null;
  a: [id: number, form: string, type: AwardType, no: string | null, date: Day, from: number | null, to: number | null, revoked: Day | null][] | null;
}

/** People refreshed per statement: a bounded transaction each (PGlite has one connection). */
const REFRESH_PEOPLE = 5_000;

/**
 * Brings every digest up to date with the writes committed so far (the stale log). Each round is one statement,
 * so it is atomic on both engines without an explicit transaction.
 * @returns how many people were refreshed
 */
export async function refreshStaleHistories(q: Queryable, people = REFRESH_PEOPLE): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ n }] = await q.query<{ n: number }>('select person_history_refresh_stale($1::int) as n', [people]);
    total += n;
    if (n < people) return total;
  }
}

/**
 * The digests of some people as one text, one JSON document per line in id order (people without a digest are
 * refreshed first). Lines, not one array: the reader parses and judges a person at a time, so each person's objects
 * die young instead of a whole page's surviving into the old generation.
 */
export async function fetchDigestDoc(q: Queryable, ids: number[]): Promise<string> {
  const read = async () => (await q.query<{ doc: string | null; n: number }>(
    `select string_agg(doc, E'\\n' order by person_id) as doc, count(*)::int as n
       from person_history_digest where person_id = any($1::bigint[])`, [ids]))[0];
  const first = await read();
  if (first.n === ids.length) return first.doc ?? '';
  // A person written without passing through the stale log cannot happen through the triggers; a digest deleted
  // by hand can. Rebuild what is missing rather than leave someone out of discovery.
  await q.query(`select person_history_refresh(array(select k from unnest($1::bigint[]) k
                   where not exists (select 1 from person_history_digest d where d.person_id = k)))`, [ids]);
  return (await read()).doc ?? '';
}

const notRevoked = (revoked: Day | null, asOf: Day) => revoked === null || revoked > asOf;

/** One person's facts as the loaders' statements would return them on `asOf` for the years [fromYear, toYear]. */
function factsOf(x: Digest, asOf: Day, fromYear: number, toYear: number): { person: PersonRow; facts: PersonFacts } {
  const id = x.id;
  const yearIn = (y: number) => y >= fromYear && y <= toYear;
  const firstDay = `${String(fromYear).padStart(4, '0')}-01-01`;
  const afterLastDay = `${String(toYear + 1).padStart(4, '0')}-01-01`;
  // Indexes rather than destructuring for the lists every person has: this runs for every person of a city.
  const jobs: EmploymentRow[] = [];
  for (const e of x.e ?? []) if (e[4] <= asOf) jobs.push({ id: e[0], person_id: id, unit_id: e[1], category: e[2], is_leader: e[3], from_date: e[4], to_date: e[5] });
  const ratings: RatingRow[] = [];
  for (const r of x.r ?? []) if (yearIn(r[0])) ratings.push({ person_id: id, year: r[0], rating: r[1] });
  const titles: TitleRow[] = [];
  for (const t of x.t ?? []) if (yearIn(t[0]) && notRevoked(t[2], asOf)) titles.push({ person_id: id, year: t[0], title_code: t[1] });
  const works: WorkRow[] = [];
  for (const [kind, year, name, scope, usedFor, accepted, wid, revoked] of x.w ?? []) {
    if (yearIn(year) && notRevoked(revoked, asOf)) works.push({ kind, person_id: id, year, name, scope, used_for_award: usedFor, accepted, id: wid } as WorkRow);
  }
  const discipline: DisciplineRow[] = [];
  for (const [did, level, from, to, revoked] of x.d ?? []) {
    if (from <= asOf && notRevoked(revoked, asOf) && (to === null || to > firstDay) && from < afterLastDay) discipline.push({ id: did, person_id: id, level, from_date: from, to_date: to } as DisciplineRow);
  }
  const leave: LeaveRow[] = [];
  for (const [lid, kind, from, to] of x.l ?? []) if (from <= asOf && to > firstDay && from < afterLastDay) leave.push({ id: lid, person_id: id, kind, from_date: from, to_date: to } as LeaveRow);
  const awards: AwardRow[] = [];
  for (const [aid, form, type, no, date, pFrom, pTo, revoked] of x.a ?? []) {
    if (date <= asOf && notRevoked(revoked, asOf)) awards.push({ id: aid, owner_id: id, form_code: form, award_type: type, decision_no: no, decision_date: date, period_from: pFrom, period_to: pTo } as AwardRow);
  }
  const underReview = (x.rv ?? []).some(([opened, closed]) => opened <= asOf && (closed === null || closed > asOf));
  return { person: { id, full_name: x.n, gender: x.g, under_review: underReview }, facts: { jobs, ratings, titles, works, discipline, leave, awards } };
}

const utf8 = new TextDecoder();

/**
 * Calls `each` with the history of every person of a page of digests on `opts.asOf`, in id order, one person
 * parsed at a time (pure: discovery runs it in its worker thread). The page comes as text, or as its UTF-8 bytes
 * (what discovery hands its workers: half the size of the text, and each line decoded on its own becomes a small
 * string that dies young, where a page-sized string would weigh on the worker's old generation).
 */
export function forEachDigestHistory(doc: string | Uint8Array, opts: HistoryOptions, names: Map<number, string>, each: (h: PersonHistory) => void): void {
  const p = batchParams([], opts);
  const award = opts.award ?? '';
  const one = (json: string) => {
    const { person, facts } = factsOf(JSON.parse(json) as Digest, p.asOf, p.fromYear, p.toYear);
    each(assemblePerson(person, facts, p, award, names));
  };
  if (typeof doc === 'string') {
    for (let start = 0; start < doc.length; ) {
      const end = doc.indexOf('\n', start);
      one(doc.slice(start, end < 0 ? doc.length : end));
      start = (end < 0 ? doc.length : end) + 1;
    }
    return;
  }
  for (let start = 0; start < doc.length; ) {
    const end = doc.indexOf(10, start);
    one(utf8.decode(doc.subarray(start, end < 0 ? doc.length : end)));
    start = (end < 0 ? doc.length : end) + 1;
  }
}

/** The histories a page of digests gives on `opts.asOf`, in id order. */
export function historiesFromDigests(doc: string, opts: HistoryOptions, names: Map<number, string>): PersonHistory[] {
  const out: PersonHistory[] = [];
  forEachDigestHistory(doc, opts, names, (h) => out.push(h));
  return out;
}
