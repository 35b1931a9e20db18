import { addFixedHistory } from './demo-people.ts';
import { addWorks, maybeDiscipline, maybeMaternity, maybeReviewCase } from './facts-gen.ts';
import { type GenHistory, type HistoryContext, type MemberStats, type Rating, TITLE, overlapsYear } from './history-types.ts';
import { CITY_CODE, type OrgPlan, type PlanUnit, parentOn } from './org-plan.ts';
import type { GenPerson } from './people-gen.ts';
import { type Rng, randomDate } from './random.ts';
import { addUnitHistory } from './unit-history-gen.ts';

export const LAST_YEAR = 2025;
export const DEFAULT_YEARS = 5;
export const MAX_YEARS = 20;

/** The `count` years of history up to 2025: 5 → 2021–2025 (the demo), 10 → 2016–2025 (the benchmark city). */
export function historyYears(count = DEFAULT_YEARS): number[] {
  return Array.from({ length: count }, (_, i) => LAST_YEAR - count + 1 + i);
}

// Per strength (strong, average, weak): chances of excellent, good, completed, not completed.
const RATING_ODDS: readonly (readonly (readonly [Rating, number])[])[] = [
  [['excellent', 45], ['good', 50], ['completed', 5]],
  [['excellent', 8], ['good', 65], ['completed', 25], ['not_completed', 2]],
  [['good', 40], ['completed', 50], ['not_completed', 10]],
];

const ADMINISTRATIVE = new Set(['city_committee', 'commune', 'ward', 'district']);

/** Initials used in decision numbers: "Sở YT" → "SYT", "Trường Tiểu học Ba Đình" → "TTHBĐ". */
export function issuerSymbol(unit: PlanUnit): string {
  if (ADMINISTRATIVE.has(unit.kind)) return 'UBND';
  const v = unit.versions[unit.versions.length - 1];
  const source = unit.kind === 'department' && v.shortName ? v.shortName : v.name;
  return source
    .split(/[\s\-&]+/)
    .filter((w) => w && w !== 'và')
    .map((w) => (w.length > 1 && w === w.toUpperCase() ? w : w[0].toUpperCase()))
    .join('');
}

/**
 * The years of ratings, titles, awards, initiatives, science projects, discipline, leave and review cases for
 * the generated people (the named demo cases exactly as specified), then the collectives' ratings and titles
 * from their members' results; one decision number per issuer, year and title.
 */
export function generateHistory(rng: Rng, plan: OrgPlan, people: GenPerson[], years: number[] = historyYears()): GenHistory {
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  const decisions = new Map<string, { no: string; date: string }>();
  const stats = new Map<string, MemberStats>();
  const out: GenHistory = { years, ratings: [], titles: [], unitTitles: [], awards: [], initiatives: [], scienceProjects: [], disciplines: [], leaves: [], reviewCases: [], unitRatings: [] };
  const ctx: HistoryContext = {
    rng, years, byCode, out,
    decision: (issuer, year, what, from, to) => {
      const key = `${issuer.code}|${year}|${what}`;
      let d = decisions.get(key);
      if (!d) {
        d = { no: `${rng.int(1, 2500)}/QĐ-${issuerSymbol(issuer)}`, date: randomDate(rng, from, to) };
        decisions.set(key, d);
      }
      return d;
    },
    signer: (unitCode, date) => {
      const unit = byCode.get(unitCode) as PlanUnit;
      // Heads of schools, health stations and teams do not sign titles: their commune does.
      const delegated = unit.kind === 'other' || (unit.kind === 'public_service_unit' && /^(MN|TH|THCS|TYT)\d/.test(unit.code));
      return delegated ? (byCode.get(parentOn(unit, date) ?? '') ?? unit) : unit;
    },
    stats: (unitCode, year) => {
      const key = `${unitCode}|${year}`;
      let s = stats.get(key);
      if (!s) {
        s = { members: 0, advanced: 0, fighters: 0, notCompleted: 0, warned: 0 };
        stats.set(key, s);
      }
      return s;
    },
  };
  people.forEach((p, index) => (p.fixed ? addFixedHistory(ctx, p, index, p.fixed) : addRandomHistory(ctx, p, index)));
  addUnitHistory(ctx, plan);
  return out;
}

function addRandomHistory(ctx: HistoryContext, p: GenPerson, person: number): void {
  const { rng, out } = ctx;
  const city = ctx.byCode.get(CITY_CODE) as PlanUnit;
  const discipline = maybeDiscipline(ctx, p, person);
  const review = maybeReviewCase(ctx, p, person);
  const frozenFrom = review ? Number(review.openedOn.slice(0, 4)) : Number.POSITIVE_INFINITY;
  const excellentYears: number[] = [];
  let leaveUntil = '';
  for (const year of ctx.years) {
    const yearEnd = `${year}-12-31`;
    const job = p.employments.find((e) => e.from <= yearEnd && (e.to === null || e.to > yearEnd));
    if (!job) continue;
    const stats = ctx.stats(job.unitCode, year);
    stats.members++;
    const disciplined = discipline !== null && overlapsYear(discipline, year);
    if (disciplined && discipline.level !== 'reprimand') stats.warned++;
    leaveUntil = maybeMaternity(ctx, p, person, year, leaveUntil);
    if (p.employments[0].from > `${year}-06-30` || rng.chance(0.03)) continue;
    let rating = rng.weighted(RATING_ODDS[p.strength]);
    // The year a discipline is imposed is rated "completed" at best.
    if (disciplined && discipline.from.startsWith(`${year}-`) && (rating === 'excellent' || rating === 'good')) rating = 'completed';
    out.ratings.push({ person, year, rating, unitCode: job.unitCode });
    if (rating === 'not_completed') stats.notCompleted++;
    // No title while a discipline runs or a review is open (NĐ 152 Art 4(4)). And, as the city's own reviews
    // complain, some deserving people of the latest year were never proposed: discovery should find them.
    const overlooked = year === ctx.years[ctx.years.length - 1] && rng.chance(0.06);
    const titled = (rating === 'excellent' || rating === 'good') && !disciplined && year < frozenFrom && !overlooked;
    let fighter = false;
    if (titled) {
      const signer = ctx.signer(job.unitCode, yearEnd);
      const lao = ctx.decision(signer, year, TITLE.advancedWorker, `${year}-12-15`, `${year + 1}-01-31`);
      out.titles.push({ person, year, titleCode: TITLE.advancedWorker, unitCode: job.unitCode, decisionNo: lao.no, decisionDate: lao.date });
      stats.advanced++;
      if (rating === 'excellent') {
        excellentYears.push(year);
        if (rng.chance(0.35)) {
          fighter = true;
          stats.fighters++;
          const cs = ctx.decision(signer, year, TITLE.grassrootsFighter, `${year + 1}-01-05`, `${year + 1}-02-28`);
          out.titles.push({ person, year, titleCode: TITLE.grassrootsFighter, unitCode: job.unitCode, decisionNo: cs.no, decisionDate: cs.date });
        }
        if (rng.chance(0.2)) {
          const gk = ctx.decision(signer, year, TITLE.commendation, `${year + 1}-01-05`, `${year + 1}-03-31`);
          out.awards.push({ person, unitCode: null, formCode: TITLE.commendation, decisionNo: gk.no, decisionDate: gk.date, periodFrom: year, periodTo: year, issuerCode: signer.code });
        }
      }
    }
    addWorks(ctx, person, year, job.unitCode, rating, fighter);
  }
  // Two consecutive excellent years: sometimes a city chairman's certificate of merit.
  const pair = excellentYears.find((y) => excellentYears.includes(y + 1));
  if (pair !== undefined && rng.chance(0.25)) {
    const bk = ctx.decision(city, pair + 1, TITLE.cityMerit, `${pair + 2}-03-01`, `${pair + 2}-05-31`);
    out.awards.push({ person, unitCode: null, formCode: TITLE.cityMerit, decisionNo: bk.no, decisionDate: bk.date, periodFrom: pair, periodTo: pair + 1, issuerCode: CITY_CODE });
  }
}
