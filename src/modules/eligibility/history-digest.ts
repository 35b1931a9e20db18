/**
 * People's history digests (migrations 0012, 0018): one JSON document per person with every fact the loaders read,
 * unfiltered by date, as the people module publishes it (`person_history_facts`, people migration 0017), refreshed
 * for the people its change feed names. Discovery reads a page of digests in one statement and applies `asOf` here,
 * exactly as the people module's fact readers (people/fact-readers.ts) do in SQL; `history-digest.api.test.ts`
 * holds the two equal.
 */
import type { Queryable } from '../../server/db.ts';
import type { AwardType, DisciplineLevel, Scope } from '../rules/contract.ts';
import { type JobFact, type LeaveFact, type PersonFacts, type RatingFact, type WorkFact, assemblePerson, batchParams } from './history-person.ts';
import type { PersonRow } from './history-sql.ts';
import type { HistoryOptions, PersonHistory } from './history-types.ts';

type Day = string;
type Revoked = Day | null;
/** One person's digest as `person_history_facts` builds it (lists are null when empty). Its
 *  lists are the assembler's facts (history-person.ts) with a withdrawal date after some of them. */
interface Digest {
  id: number;
  n: string;
  g: 'female' | 'male' | null;
  rv: [opened: Day, closed: Day | null][] | null;
  e: JobFact[] | null;
  r: RatingFact[] | null;
  t: [year: number, code: string, revoked: Revoked][] | null;
  w: [kind: WorkFact[0], year: number, name: string, scope: Scope, usedFor: string | null, accepted: boolean | null, id: number, revoked: Revoked][] | null;
  d: [id: number, level: DisciplineLevel, from: Day, to: Day | null, revoked: Revoked][] | null;
  l: LeaveFact[] | null;
  a: [id: number, form: string, type: AwardType, no: string | null, date: Day, from: number | null, to: number | null, revoked: Revoked][] | null;
}

/** People refreshed per statement: a bounded transaction each (PGlite has one connection). */
const REFRESH_PEOPLE = 5_000;

/**
 * Brings every digest up to date with the writes committed so far (the people module's change feed). Each round is
 * one statement (take who changed, refresh them), so it is atomic on both engines without an explicit transaction.
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

const notRevoked = (revoked: Revoked, asOf: Day) => revoked === null || revoked > asOf;
const NONE: never[] = [];

/** The entries of a digest list that pass, as the list itself when all do (the usual case: nothing is copied). */
function keep<T>(list: T[] | null, ok: (x: T) => boolean): T[] {
  if (list === null) return NONE;
  for (let i = 0; i < list.length; i++) if (!ok(list[i])) return list.filter(ok);
  return list;
}

/** What the loaders' statements filter on (people/fact-readers.ts), for a date and a span of years: made once per page. */
function filtersOf(asOf: Day, fromYear: number, toYear: number) {
  const firstDay = `${String(fromYear).padStart(4, '0')}-01-01`;
  const afterLastDay = `${String(toYear + 1).padStart(4, '0')}-01-01`;
  const yearIn = (y: number) => y >= fromYear && y <= toYear;
  return {
    job: (e: JobFact) => e[4] <= asOf,
    rating: (r: RatingFact) => yearIn(r[0]),
    title: (t: NonNullable<Digest['t']>[number]) => yearIn(t[0]) && notRevoked(t[2], asOf),
    work: (w: NonNullable<Digest['w']>[number]) => yearIn(w[1]) && notRevoked(w[7], asOf),
    discipline: (d: NonNullable<Digest['d']>[number]) => d[2] <= asOf && notRevoked(d[4], asOf) && (d[3] === null || d[3] > firstDay) && d[2] < afterLastDay,
    leave: (l: LeaveFact) => l[2] <= asOf && l[3] > firstDay && l[2] < afterLastDay,
    award: (a: NonNullable<Digest['a']>[number]) => a[4] <= asOf && notRevoked(a[7], asOf),
    review: (r: NonNullable<Digest['rv']>[number]) => r[0] <= asOf && (r[1] === null || r[1] > asOf),
  };
}

/** One person's facts as the loaders' statements would return them on `asOf` for the years [fromYear, toYear]. */
function factsOf(x: Digest, ok: ReturnType<typeof filtersOf>): { person: PersonRow; facts: PersonFacts } {
  const underReview = x.rv !== null && x.rv.some(ok.review);
  return {
    person: { id: x.id, full_name: x.n, gender: x.g, under_review: underReview },
    facts: {
      jobs: keep(x.e, ok.job), ratings: keep(x.r, ok.rating), titles: keep(x.t, ok.title), works: keep(x.w, ok.work),
      discipline: keep(x.d, ok.discipline), leave: keep(x.l, ok.leave), awards: keep(x.a, ok.award),
    },
  };
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
  const ok = filtersOf(p.asOf, p.fromYear, p.toYear);
  const one = (json: string) => {
    const { person, facts } = factsOf(JSON.parse(json) as Digest, ok);
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
