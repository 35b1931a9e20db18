/**
 * A person's stored history → the rule engine's input. One builder for a batch of people serves both the single
 * load (a batch of one) and discovery's stream, so the two always agree.
 */
import type { Queryable } from '../../server/db.ts';
import type { YearFacts } from '../rules/contract.ts';
import { type DayPeriod, monthsInYear, monthsWorked, round1, toDays, yearsOf } from './history-months.ts';
import * as sql from './history-sql.ts';
import { FIRST_YEAR, type HistoryOptions, type PersonHistory, groupBy, yearOf } from './history-types.ts';

/** Leave that is not time at work (maternity, training and work injury count as work). */
const NOT_WORK: ReadonlySet<sql.LeaveKind> = new Set(['unpaid', 'sick', 'other']);

type YearOut = Omit<YearFacts, 'collective'> & { year: number };

/**
 * Loads one person's history as the engine's input (`input.award` = `opts.award` or '').
 * @returns null when the person does not exist
 */
export async function loadPersonInput(q: Queryable, personId: number, opts: HistoryOptions): Promise<PersonHistory | null> {
  const [one] = await buildPersonHistories(q, [personId], opts);
  return one ?? null;
}

export const batchParams = (ids: number[], opts: HistoryOptions): sql.BatchParams => ({ ids, asOf: opts.asOf, fromYear: opts.fromYear ?? FIRST_YEAR, toYear: yearOf(opts.asOf) });

/** The statements that read a batch of people's history, in the order of `PersonRows`. */
function personSpecs(ids: number[], opts: HistoryOptions): sql.RowsSpec[] {
  const p = batchParams(ids, opts);
  return [sql.personSpec(p), sql.employmentSpec(p), sql.ratingSpec(p), sql.titleSpec(p), sql.workSpec(p), sql.disciplineSpec(p), sql.leaveSpec(p), sql.awardSpec('person_id', ids, p.asOf)];
}

type PersonRows = [sql.PersonRow[], sql.EmploymentRow[], sql.RatingRow[], sql.TitleRow[], sql.WorkRow[], sql.DisciplineRow[], sql.LeaveRow[], sql.AwardRow[]];

/** The documents of a batch of people's history, undecoded (the benchmark compares discovery's digests with them). */
export function fetchPersonDocs(q: Queryable, ids: number[], opts: HistoryOptions): Promise<(string | null)[]> {
  return Promise.all(personSpecs(ids, opts).map((s) => sql.fetchDoc(q, s)));
}

/** The rows of a batch of people's history. */
async function fetchPersonRows(q: Queryable, ids: number[], opts: HistoryOptions): Promise<PersonRows> {
  const docs = await fetchPersonDocs(q, ids, opts);
  return personSpecs(ids, opts).map((s, i) => sql.decodeDoc(docs[i], s.text)) as PersonRows;
}

/** The units people of a batch are in on `asOf` (their names are read next). */
function currentUnitIds(rows: PersonRows, asOf: string): number[] {
  const jobsOf = groupBy(rows[1], (r) => r.person_id);
  return [...new Set(rows[0].flatMap((person) => {
    const job = currentJob(jobsOf.get(person.id) ?? [], asOf);
    return job ? [job.unit_id] : [];
  }))];
}

/** Builds the histories of a batch of people with a constant number of set-based queries; in id order. */
export async function buildPersonHistories(q: Queryable, ids: number[], opts: HistoryOptions): Promise<PersonHistory[]> {
  if (ids.length === 0) return [];
  const rows = await fetchPersonRows(q, ids, opts);
  const names = await sql.unitNames(q, currentUnitIds(rows, opts.asOf), opts.asOf);
  return assemblePersonHistories(rows, ids, opts, names);
}

/** The histories from the rows of a batch. */
function assemblePersonHistories(rows: PersonRows, ids: number[], opts: HistoryOptions, names: Map<number, string>): PersonHistory[] {
  const p = batchParams(ids, opts);
  const [people, jobs, ratings, titles, works, discipline, leave, awards] = rows;
  const facts = {
    jobs: groupBy(jobs, (r) => r.person_id), ratings: groupBy(ratings, (r) => r.person_id), titles: groupBy(titles, (r) => r.person_id),
    works: groupBy(works, (r) => r.person_id), discipline: groupBy(discipline, (r) => r.person_id),
    leave: groupBy(leave, (r) => r.person_id), awards: groupBy(awards, (r) => r.owner_id),
  };
  return people.map((person) => assemblePerson(person, {
    jobs: facts.jobs.get(person.id) ?? [], ratings: facts.ratings.get(person.id) ?? [], titles: facts.titles.get(person.id) ?? [],
    works: facts.works.get(person.id) ?? [], discipline: facts.discipline.get(person.id) ?? [], leave: facts.leave.get(person.id) ?? [],
    awards: facts.awards.get(person.id) ?? [],
  }, p, opts.award ?? '', names));
}

/** One person's history from their own rows (each list in its statement's order); also discovery's, from digests. */
export function assemblePerson(person: sql.PersonRow, f: PersonFacts, p: sql.BatchParams, award: string, names: Map<number, string>): PersonHistory {
  const job = currentJob(f.jobs, p.asOf);
  return {
    personId: person.id, name: person.full_name, unitId: job?.unit_id ?? null, unitName: job ? (names.get(job.unit_id) ?? null) : null,
    isLeader: job?.is_leader ?? false, gender: person.gender,
    input: {
      award, asOf: p.asOf,
      subject: {
        kind: 'individual', name: person.full_name, gender: person.gender,
        ...(job ? { category: job.category, isLeader: job.is_leader, startedOn: startedOn(f.jobs, job) } : {}),
        underReview: person.under_review,
      },
      years: personYears(p, f),
      awards: f.awards.map(sql.toPriorAward),
    },
  };
}

/** The employment open on `asOf` (the latest begun if several), else the latest begun by then. */
function currentJob(jobs: sql.EmploymentRow[], asOf: string): sql.EmploymentRow | null {
  const open = jobs.filter((j) => j.from_date <= asOf && (j.to_date === null || j.to_date > asOf));
  return open.at(-1) ?? jobs.at(-1) ?? null;
}

/** Start of the unbroken run of employments in the current job's unit that leads to it. */
function startedOn(jobs: sql.EmploymentRow[], job: sql.EmploymentRow): string {
  const sameUnit = jobs.filter((j) => j.unit_id === job.unit_id);
  let start = job.from_date;
  for (let moved = true; moved; ) {
    moved = false;
    for (const j of sameUnit) {
      if (j.from_date < start && (j.to_date === null || j.to_date >= start)) {
        start = j.from_date;
        moved = true;
      }
    }
  }
  return start;
}

/** One person's rows of each statement but the person's own. */
export interface PersonFacts {
  jobs: sql.EmploymentRow[];
  ratings: sql.RatingRow[];
  titles: sql.TitleRow[];
  works: sql.WorkRow[];
  discipline: sql.DisciplineRow[];
  leave: sql.LeaveRow[];
  awards: sql.AwardRow[];
}

/** A year's entry with every field in one order, so that the engine's reads see one object shape (V8 keeps such
 *  reads fast; entries built field by field in varying orders make them slow). */
const newYear = (year: number): YearOut => ({ year, rating: null, monthsWorked: undefined, leave: undefined, titles: undefined, initiatives: undefined, scienceProjects: undefined, discipline: undefined });

/** The first year any fact of the person falls in (years before `fromYear` are left out anyway). */
function firstYear(p: sql.BatchParams, f: PersonFacts): number {
  let lo = p.toYear;
  for (const r of f.ratings) lo = Math.min(lo, r.year);
  for (const t of f.titles) lo = Math.min(lo, t.year);
  for (const w of f.works) lo = Math.min(lo, w.year);
  for (const d of f.discipline) lo = Math.min(lo, Number(d.from_date.slice(0, 4)));
  for (const l of f.leave) lo = Math.min(lo, Number(l.from_date.slice(0, 4)));
  for (const j of f.jobs) lo = Math.min(lo, Number(j.from_date.slice(0, 4)));
  return Math.max(lo, p.fromYear);
}

/** One entry per year in [fromYear, asOf's year] with any fact, oldest first; empty lists are left undefined. */
function personYears(p: sql.BatchParams, f: PersonFacts): YearOut[] {
  // Slots by year over the person's own span: cheaper than a map and a sort, for every person of a city.
  const lo = firstYear(p, f);
  const slots: (YearOut | undefined)[] = new Array(Math.max(0, p.toYear - lo + 1));
  const at = (year: number): YearOut => (slots[year - lo] ??= newYear(year));
  for (const r of f.ratings) at(r.year).rating = r.rating;
  for (const t of f.titles) {
    const y = at(t.year);
    if (!y.titles) y.titles = [t.title_code];
    else if (!y.titles.includes(t.title_code)) y.titles.push(t.title_code);
  }
  for (const w of f.works) {
    const y = at(w.year);
    if (w.kind === 'initiative') (y.initiatives ??= []).push({ scope: w.scope, usedFor: w.used_for_award, name: w.name });
    else (y.scienceProjects ??= []).push({ scope: w.scope, accepted: w.accepted ?? false, name: w.name });
  }
  for (const d of f.discipline) {
    for (const year of yearsOf({ from: d.from_date, to: d.to_date }, lo, p.toYear)) (at(year).discipline ??= []).push({ level: d.level, from: d.from_date, to: d.to_date });
  }
  for (const l of f.leave) {
    const days = toDays({ from: l.from_date, to: l.to_date });
    for (const year of yearsOf({ from: l.from_date, to: l.to_date }, lo, p.toYear)) (at(year).leave ??= []).push({ kind: l.kind, months: round1(monthsInYear(days, year)) });
  }
  if (f.jobs.length > 0) monthsWorkedByYear(p, f, at);
  const out: YearOut[] = [];
  for (const y of slots) if (y) out.push(y);
  return out;
}

const janFirst: string[] = [];
/** 'YYYY-01-01' of a year (remembered: every person's every year asks). */
const newYearsDay = (y: number): string => (janFirst[y] ??= `${String(y).padStart(4, '0')}-01-01`);

/** A period [from, to) of ISO dates overlaps the year (the strings compare as the dates do). */
const touchesYear = (from: string, to: string | null, y: number) => from < newYearsDay(y + 1) && (to === null || to > newYearsDay(y));

const periodDays = (r: { from_date: string; to_date: string | null }): DayPeriod => toDays({ from: r.from_date, to: r.to_date });

/**
 * `monthsWorked` for every year in [fromYear, toYear] some employment touches. Runs for every person of a city:
 * most years of most people are covered by one job with no leave away from work (12 months, decided by comparing
 * ISO dates); only the other years are counted month by month over day numbers.
 */
function monthsWorkedByYear(p: sql.BatchParams, f: PersonFacts, at: (year: number) => YearOut): void {
  let lo = p.toYear;
  let hi = p.fromYear;
  for (const j of f.jobs) {
    lo = Math.min(lo, Number(j.from_date.slice(0, 4)));
    hi = Math.max(hi, j.to_date === null ? p.toYear : Number(j.to_date.slice(0, 4)));
  }
  const away = f.leave.length === 0 ? f.leave : f.leave.filter((l) => NOT_WORK.has(l.kind));
  for (let y = Math.max(lo, p.fromYear); y <= Math.min(hi, p.toYear); y++) {
    let touched = false;
    let whole = false;
    for (const j of f.jobs) {
      if (!touchesYear(j.from_date, j.to_date, y)) continue;
      touched = true;
      if (j.from_date <= newYearsDay(y) && (j.to_date === null || j.to_date >= newYearsDay(y + 1))) whole = true;
    }
    if (!touched) continue;
    const awayThisYear = away.length === 0 ? away : away.filter((l) => touchesYear(l.from_date, l.to_date, y));
    at(y).monthsWorked = whole && awayThisYear.length === 0
      ? 12
      : monthsWorked(y, f.jobs.filter((j) => touchesYear(j.from_date, j.to_date, y)).map(periodDays), awayThisYear.map(periodDays));
  }
}
