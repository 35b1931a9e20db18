/**
 * Facts derived once per check from the subject's history: the year under review, the history by year, and the
 * first year achievements may count from (after a served discipline, NĐ 152 Art 4(4), and after the achievement
 * period of the previous award of the same kind, NĐ 98 Art 30(9)).
 */
import type { AwardDef, Catalogue, RuleSet } from '../catalogue/catalogue.ts';
import type { Settings } from '../catalogue/settings.ts';
import type { Discipline, EligibilityInput, PriorAward, YearFacts } from './contract.ts';

export interface Facts {
  input: EligibilityInput;
  award: AwardDef;
  ruleSet: RuleSet;
  catalogue: Catalogue;
  settings: Settings;
  /** The achievement year under review. */
  year: number;
  byYear: YearIndex;
  /** Every discipline of the history, once. */
  disciplines: Discipline[];
  /** A discipline not yet served on asOf. */
  ongoingDiscipline: Discipline | null;
  /** First year that counts after served disciplines (−∞ when none). */
  disciplineStart: number;
  /** Last year of the previous same award's achievement period before the year under review, or null. */
  previousEnd: number | null;
  previousAward: { code: string; year: number; decisionNo?: string } | null;
  /** The prior award a "since the previous award" window starts after (Art 73(1)(b), 44(1)(e)), when the award asks for one. */
  prior: { code: string; award: PriorAward; end: number } | null;
}

/** The year under review: explicit, else the latest year of the history not after asOf, else the year before asOf. */
export function reviewYear(input: EligibilityInput): number {
  if (input.year !== undefined) return input.year;
  const asOfYear = Number(input.asOf.slice(0, 4));
  const years = input.years.map((y) => y.year).filter((y) => y <= asOfYear);
  return years.length > 0 ? Math.max(...years) : asOfYear - 1;
}

/**
 * The history by year, as the predicates read it for every check: an array over the years' span rather than a
 * Map (built for every person discovery screens, read a few dozen times). Iterates oldest first.
 */
export class YearIndex {
  private readonly first: number;
  private readonly slots: (YearFacts | undefined)[];
  private readonly list: YearFacts[];
  /** `list`: one entry per year, oldest first. */
  constructor(list: YearFacts[]) {
    this.list = list;
    this.first = list.length > 0 ? list[0].year : 0;
    this.slots = list.length > 0 ? new Array(list[list.length - 1].year - this.first + 1) : [];
    for (const y of list) this.slots[y.year - this.first] = y;
  }
  get(year: number): YearFacts | undefined {
    const i = year - this.first;
    return i >= 0 && i < this.slots.length ? this.slots[i] : undefined;
  }
  get size(): number {
    return this.list.length;
  }
  keys(): number[] {
    return this.list.map((y) => y.year);
  }
  values(): YearFacts[] {
    return this.list;
  }
  entries(): [number, YearFacts][] {
    return this.list.map((y) => [y.year, y]);
  }
}

/** Several entries for one year are merged (lists concatenated, the last scalar wins) so that order never matters. */
function byYearOf(years: YearFacts[]): YearIndex {
  // The usual input (the loaders', discovery's) lists each year once, oldest first: taken as it is.
  let ascending = true;
  for (let i = 1; i < years.length && ascending; i++) ascending = years[i].year > years[i - 1].year;
  if (ascending) return new YearIndex(years);
  // Entries of the same year are merged in a canonical order, so the order they came in never matters.
  const sorted = [...years].sort((a, b) => a.year - b.year || JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const merged: YearFacts[] = [];
  for (const y of sorted) {
    const prev = merged.at(-1);
    if (!prev || prev.year !== y.year) {
      merged.push(y);
      continue;
    }
    merged[merged.length - 1] = {
      ...prev,
      ...Object.fromEntries(Object.entries(y).filter(([, v]) => v !== undefined)),
      titles: [...(prev.titles ?? []), ...(y.titles ?? [])],
      initiatives: [...(prev.initiatives ?? []), ...(y.initiatives ?? [])],
      scienceProjects: [...(prev.scienceProjects ?? []), ...(y.scienceProjects ?? [])],
      discipline: [...(prev.discipline ?? []), ...(y.discipline ?? [])],
      leave: [...(prev.leave ?? []), ...(y.leave ?? [])],
    };
  }
  return new YearIndex(merged);
}

const NONE: Discipline[] = [];
function uniqueDisciplines(years: YearFacts[]): Discipline[] {
  if (!years.some((y) => y.discipline?.length)) return NONE; // most people, most of the time
  const seen = new Map<string, Discipline>();
  for (const y of years) for (const d of y.discipline ?? []) seen.set(`${d.level}|${d.from}|${d.to ?? ''}`, d);
  return [...seen.values()].sort((a, b) => a.from.localeCompare(b.from) || a.level.localeCompare(b.level));
}

/** First year whose achievements count after a discipline served on `to` (a discipline ending 1 January frees that year). */
export function yearAfter(to: string): number {
  const y = Number(to.slice(0, 4));
  return to.slice(5) === '01-01' ? y : y + 1;
}

export const isOngoing = (d: Discipline, asOf: string) => d.from <= asOf && (d.to === null || d.to === undefined || d.to > asOf);

/** An award's achievement period in years: [periodFrom, periodTo], else the decision's year. */
export function periodOf(a: { decisionDate?: string; periodFrom?: number | null; periodTo?: number | null }): [number, number] {
  const decided = a.decisionDate ? Number(a.decisionDate.slice(0, 4)) : 0;
  const from = a.periodFrom ?? a.periodTo ?? decided;
  const to = a.periodTo ?? a.periodFrom ?? decided;
  return [from, to];
}

/** Merit awards count toward chains; sudden and thematic ones do not (NĐ 152 Art 4(3)). */
export const countsForMerit = (a: PriorAward) => a.type === undefined || a.type === 'merit';

/** The latest merit award of a code whose achievement period ended before `year`, with that end (loops, no
 *  intermediate lists: this runs for every award of every person discovery screens). */
function latestMeritBefore(input: EligibilityInput, code: string, year: number): { award: PriorAward; end: number } | null {
  let best: PriorAward | null = null;
  let bestEnd = 0;
  for (const a of input.awards) {
    if (a.code !== code || !countsForMerit(a)) continue;
    const end = periodOf(a)[1];
    if (end >= year) continue;
    if (best === null || end > bestEnd || (end === bestEnd && a.decisionDate > best.decisionDate)) {
      best = a;
      bestEnd = end;
    }
  }
  return best === null ? null : { award: best, end: bestEnd };
}

function previousSame(input: EligibilityInput, award: AwardDef, year: number, byYear: YearIndex, firstYear: number): Facts['previousAward'] {
  if (award.kind === 'form') {
    const last = latestMeritBefore(input, award.code, year);
    return last === null ? null : { code: award.code, year: last.end, decisionNo: last.award.decisionNo };
  }
  for (let y = year - 1; y >= firstYear; y--) if (byYear.get(y)?.titles?.includes(award.code)) return { code: award.code, year: y };
  return null;
}

/** The latest merit award of a code whose achievement period ended before the year under review. */
export function findPrior(input: EligibilityInput, code: string, year: number): Facts['prior'] {
  const last = latestMeritBefore(input, code, year);
  return last === null ? null : { code, award: last.award, end: last.end };
}

/** What every award's facts share: the history by year and its disciplines, as they stand on `asOf`. */
interface Base {
  years: YearFacts[];
  asOf: string;
  byYear: YearIndex;
  /** The earliest year of the history (+∞ when it has none). */
  firstYear: number;
  disciplines: Discipline[];
  ongoingDiscipline: Discipline | null;
  disciplineStart: number;
}

let last: Base | null = null;
/**
 * The facts every award shares, derived once per `years` list and date: discovery checks one history for many
 * awards in a row, so the last one is remembered (a WeakMap keyed by every person's list would cost the garbage
 * collector more than it saves).
 */
function baseOf(years: YearFacts[], asOf: string): Base {
  if (last !== null && last.years === years && last.asOf === asOf) return last;
  const disciplines = uniqueDisciplines(years);
  let ongoingDiscipline: Discipline | null = null;
  let disciplineStart = Number.NEGATIVE_INFINITY;
  for (const d of disciplines) {
    if (ongoingDiscipline === null && isOngoing(d, asOf)) ongoingDiscipline = d;
    if (d.to && d.to <= asOf) disciplineStart = Math.max(disciplineStart, yearAfter(d.to));
  }
  let firstYear = Number.POSITIVE_INFINITY;
  for (const y of years) firstYear = Math.min(firstYear, y.year);
  last = { years, asOf, byYear: byYearOf(years), firstYear, disciplines, ongoingDiscipline, disciplineStart };
  return last;
}

export function deriveFacts(input: EligibilityInput, award: AwardDef, ruleSet: RuleSet, catalogue: Catalogue, settings: Settings, priorCode: string | null = null): Facts {
  const year = reviewYear(input);
  const { byYear, firstYear, disciplines, ongoingDiscipline, disciplineStart } = baseOf(input.years, input.asOf);
  const previousAward = previousSame(input, award, year, byYear, firstYear);
  const prior = priorCode ? findPrior(input, priorCode, year) : null;
  return { input, award, ruleSet, catalogue, settings, year, byYear, disciplines, ongoingDiscipline, disciplineStart, previousEnd: previousAward?.year ?? null, previousAward, prior };
}

/** First year a chain or window may start: after served disciplines and after the previous same award. */
export function countFrom(f: Facts): number {
  return Math.max(f.disciplineStart, f.previousEnd === null ? Number.NEGATIVE_INFINITY : f.previousEnd + 1);
}
