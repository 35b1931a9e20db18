/**
 * A person's stored history → the rule engine's input. One builder for a batch of people serves both the single
 * load (a batch of one) and discovery's stream, so the two always agree.
 */
import { type Queryable, inParallel } from '../../server/db.ts';
import type { DisciplineLevel, Rating, Scope, YearFacts } from '../rules/contract.ts';
import { type DayPeriod, monthsInYear, monthsWorked, round1, toDays, yearsOf } from './history-months.ts';
import * as sql from './history-sql.ts';
import { FIRST_YEAR, type HistoryOptions, type PersonHistory, groupBy, yearOf } from './history-types.ts';

/** Leave not counted in `monthsWorked` (the contract: months at work, statutory maternity leave included). The engine
 *  itself counts training under a year and on-duty injury treatment as work, from `leave` (law.md §0.0). */
const NOT_WORK: ReadonlySet<sql.LeaveKind> = new Set(['unpaid', 'sick', 'other', 'training', 'injury']);

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
  return inParallel(q, personSpecs(ids, opts).map((s) => () => sql.fetchDoc(q, s)));
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
    const job = currentJob((jobsOf.get(person.id) ?? []).map(jobFact), asOf);
    return job ? [job[1]] : [];
  }))];
}

/** Builds the histories of a batch of people with a constant number of set-based queries; in id order. */
export async function buildPersonHistories(q: Queryable, ids: number[], opts: HistoryOptions): Promise<PersonHistory[]> {
  if (ids.length === 0) return [];
  const rows = await fetchPersonRows(q, ids, opts);
  const names = await sql.unitNames(q, currentUnitIds(rows, opts.asOf), opts.asOf);
  return assemblePersonHistories(rows, ids, opts, names);
}

const jobFact = (r: sql.EmploymentRow): JobFact => [r.id, r.unit_id, r.category, r.is_leader, r.from_date, r.to_date];

/** The histories from the rows of a batch (as the facts' tuples). */
function assemblePersonHistories(rows: PersonRows, ids: number[], opts: HistoryOptions, names: Map<number, string>): PersonHistory[] {
  const p = batchParams(ids, opts);
  const [people, jobs, ratings, titles, works, discipline, leave, awards] = rows;
  const facts = {
    jobs: groupBy(jobs, (r) => r.person_id), ratings: groupBy(ratings, (r) => r.person_id), titles: groupBy(titles, (r) => r.person_id),
    works: groupBy(works, (r) => r.person_id), discipline: groupBy(discipline, (r) => r.person_id),
    leave: groupBy(leave, (r) => r.person_id), awards: groupBy(awards, (r) => r.owner_id),
  };
  return people.map((person) => assemblePerson(person, {
    jobs: (facts.jobs.get(person.id) ?? []).map(jobFact),
    ratings: (facts.ratings.get(person.id) ?? []).map((r) => [r.year, r.rating]),
    titles: (facts.titles.get(person.id) ?? []).map((r) => [r.year, r.title_code]),
    works: (facts.works.get(person.id) ?? []).map((r) => [r.kind, r.year, r.name, r.scope, r.used_for_award, r.accepted]),
    discipline: (facts.discipline.get(person.id) ?? []).map((r) => [0, r.level, r.from_date, r.to_date]),
    leave: (facts.leave.get(person.id) ?? []).map((r) => [0, r.kind, r.from_date, r.to_date]),
    awards: (facts.awards.get(person.id) ?? []).map(sql.awardFact),
  }, p, opts.award ?? '', names));
}

/** One person's history from their own facts (each list in its statement's order); also discovery's, from digests. */
export function assemblePerson(person: sql.PersonRow, f: PersonFacts, p: sql.BatchParams, award: string, names: Map<number, string>): PersonHistory {
  const job = currentJob(f.jobs, p.asOf);
  return {
    personId: person.id, name: person.full_name, unitId: job?.[1] ?? null, unitName: job ? (names.get(job[1]) ?? null) : null,
    isLeader: job?.[3] ?? false, gender: person.gender,
    input: {
      award, asOf: p.asOf,
      subject: {
        kind: 'individual', name: person.full_name, gender: person.gender,
        ...(job ? { category: job[2], isLeader: job[3], startedOn: startedOn(f.jobs, job), recruitedOn: recruitedOn(f.jobs, job), inService: isOpenOn(job, p.asOf) } : {}),
        underReview: person.under_review,
      },
      years: personYears(p, f),
      awards: f.awards.map(sql.toPriorAward),
    },
  };
}

const isOpenOn = (j: JobFact, asOf: string) => j[4] <= asOf && (j[5] === null || j[5] > asOf);

/** The employment open on `asOf` (the latest begun if several), else the latest begun by then. */
function currentJob(jobs: JobFact[], asOf: string): JobFact | null {
  let open: JobFact | null = null;
  for (const j of jobs) if (isOpenOn(j, asOf)) open = j;
  return open ?? jobs.at(-1) ?? null;
}

/** Start of the unbroken run of the employments given that leads to `job` (touching periods join a run). */
function runStart(jobs: JobFact[], job: JobFact): string {
  let start = job[4];
  for (let moved = jobs.length > 1; moved; ) {
    moved = false;
    for (const j of jobs) {
      if (j[4] < start && (j[5] === null || j[5] >= start)) {
        start = j[4];
        moved = true;
      }
    }
  }
  return start;
}

/** Start of the unbroken run of employments in the current job's unit that leads to it. */
const startedOn = (jobs: JobFact[], job: JobFact): string => runStart(jobs.length > 1 ? jobs.filter((j) => j[1] === job[1]) : jobs, job);

/**
 * First recruitment (the new-recruit rule): the start of the unbroken run of employments in any unit that leads to
 * the current job. A transfer, a merger's move or a contract turned civil servant keeps it; a gap (someone who left
 * public service and came back) starts a new one.
 */
const recruitedOn = (jobs: JobFact[], job: JobFact): string => runStart(jobs, job);

type Day = string;
/** An employment: id, unit, category, leader, [from, to). */
export type JobFact = readonly [id: number, unit: number, category: sql.EmploymentRow['category'], leader: boolean, from: Day, to: Day | null];
export type RatingFact = readonly [year: number, rating: Rating];
/** A title held in a year (a digest's entry carries its withdrawal date after these). */
export type TitleFact = readonly [year: number, code: string, ...rest: unknown[]];
export type WorkFact = readonly [kind: sql.WorkRow['kind'], year: number, name: string, scope: Scope, usedFor: string | null, accepted: boolean | null, ...rest: unknown[]];
export type DisciplineFact = readonly [id: number, level: DisciplineLevel, from: Day, to: Day | null, ...rest: unknown[]];
export type LeaveFact = readonly [id: number, kind: sql.LeaveKind, from: Day, to: Day];

/**
 * One person's facts, each list in its statement's order, as tuples in the shape of a history digest: discovery
 * hands the digest's own lists over (filtered on the date, copied only when something is left out), the loaders
 * turn their rows into them. No object per fact: this runs for every person of a city.
 */
export interface PersonFacts {
  jobs: JobFact[];
  ratings: RatingFact[];
  titles: TitleFact[];
  works: WorkFact[];
  discipline: DisciplineFact[];
  leave: LeaveFact[];
  awards: sql.AwardFact[];
}

/** A year's entry with every field in one order, so that the engine's reads see one object shape (V8 keeps such
 *  reads fast; entries built field by field in varying orders make them slow). */
const newYear = (year: number): YearOut => ({ year, rating: null, monthsWorked: undefined, leave: undefined, titles: undefined, initiatives: undefined, scienceProjects: undefined, discipline: undefined });

/** The first year any fact of the person falls in (years before `fromYear` are left out anyway). */
function firstYear(p: sql.BatchParams, f: PersonFacts): number {
  let lo = p.toYear;
  for (const r of f.ratings) lo = Math.min(lo, r[0]);
  for (const t of f.titles) lo = Math.min(lo, t[0]);
  for (const w of f.works) lo = Math.min(lo, w[1]);
  for (const d of f.discipline) lo = Math.min(lo, yearOf(d[2]));
  for (const l of f.leave) lo = Math.min(lo, yearOf(l[2]));
  for (const j of f.jobs) lo = Math.min(lo, yearOf(j[4]));
  return Math.max(lo, p.fromYear);
}

/** One entry per year in [fromYear, asOf's year] with any fact, oldest first; empty lists are left undefined. */
function personYears(p: sql.BatchParams, f: PersonFacts): YearOut[] {
  // Slots by year over the person's own span: cheaper than a map and a sort, for every person of a city.
  const lo = firstYear(p, f);
  const slots: (YearOut | undefined)[] = new Array(Math.max(0, p.toYear - lo + 1));
  const at = (year: number): YearOut => (slots[year - lo] ??= newYear(year));
  for (const r of f.ratings) at(r[0]).rating = r[1];
  for (const t of f.titles) {
    const y = at(t[0]);
    if (!y.titles) y.titles = [t[1]];
    else if (!y.titles.includes(t[1])) y.titles.push(t[1]);
  }
  for (const w of f.works) {
    const y = at(w[1]);
    if (w[0] === 'initiative') (y.initiatives ??= []).push({ scope: w[3], usedFor: w[4], name: w[2] });
    else (y.scienceProjects ??= []).push({ scope: w[3], accepted: w[5] ?? false, name: w[2] });
  }
  for (const d of f.discipline) {
    for (const year of yearsOf({ from: d[2], to: d[3] }, lo, p.toYear)) (at(year).discipline ??= []).push({ level: d[1], from: d[2], to: d[3] });
  }
  for (const l of f.leave) {
    const days = toDays({ from: l[2], to: l[3] });
    // A course's whole length decides whether it counts as work (under a year) or gives its own route (a year or more).
    const course = l[1] === 'training' ? { courseMonths: courseMonths(l, days) } : null;
    for (const year of yearsOf({ from: l[2], to: l[3] }, lo, p.toYear)) (at(year).leave ??= []).push({ kind: l[1], months: round1(monthsInYear(days, year)), ...course });
  }
  if (f.jobs.length > 0) monthsWorkedByYear(p, f, at);
  const out: YearOut[] = [];
  for (const y of slots) if (y) out.push(y);
  return out;
}

/** Months (one decimal) a leave period covers over all the years it touches. */
function courseMonths(l: LeaveFact, days: DayPeriod): number {
  let sum = 0;
  for (let y = yearOf(l[2]); y <= yearOf(l[3]); y++) sum += monthsInYear(days, y);
  return round1(sum);
}

const janFirst = new Map<number, string>();
/** 'YYYY-01-01' of a year (remembered: every person's every year asks). */
function newYearsDay(y: number): string {
  let s = janFirst.get(y);
  if (s === undefined) janFirst.set(y, (s = `${String(y).padStart(4, '0')}-01-01`));
  return s;
}

/** A period [from, to) of ISO dates overlaps the year (the strings compare as the dates do). */
const touchesYear = (from: string, to: string | null, y: number) => from < newYearsDay(y + 1) && (to === null || to > newYearsDay(y));

const jobDays = (j: JobFact): DayPeriod => toDays({ from: j[4], to: j[5] });
const leaveDays = (l: LeaveFact): DayPeriod => toDays({ from: l[2], to: l[3] });

/**
 * `monthsWorked` for every year in [fromYear, toYear] some employment touches. Runs for every person of a city:
 * most years of most people are covered by one job with no leave away from work (12 months, decided by comparing
 * ISO dates); only the other years are counted month by month over day numbers.
 */
function monthsWorkedByYear(p: sql.BatchParams, f: PersonFacts, at: (year: number) => YearOut): void {
  let lo = p.toYear;
  let hi = p.fromYear;
  for (const j of f.jobs) {
    lo = Math.min(lo, yearOf(j[4]));
    hi = Math.max(hi, j[5] === null ? p.toYear : yearOf(j[5]));
  }
  const away = f.leave.length === 0 ? f.leave : f.leave.filter((l) => NOT_WORK.has(l[1]));
  for (let y = Math.max(lo, p.fromYear); y <= Math.min(hi, p.toYear); y++) {
    let touched = false;
    let whole = false;
    for (const j of f.jobs) {
      if (!touchesYear(j[4], j[5], y)) continue;
      touched = true;
      if (j[4] <= newYearsDay(y) && (j[5] === null || j[5] >= newYearsDay(y + 1))) whole = true;
    }
    if (!touched) continue;
    const awayThisYear = away.length === 0 ? away : away.filter((l) => touchesYear(l[2], l[3], y));
    at(y).monthsWorked = whole && awayThisYear.length === 0
      ? 12
      : monthsWorked(y, f.jobs.filter((j) => touchesYear(j[4], j[5], y)).map(jobDays), awayThisYear.map(leaveDays));
  }
}
