import { CITY_CODE, type OrgPlan, type PlanUnit } from './org-plan.ts';
import type { GenPerson } from './people-gen.ts';
import { type Rng, randomDate } from './random.ts';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
type Rating = 'excellent' | 'good' | 'completed' | 'not_completed';

export interface GenRating { person: number; year: number; rating: Rating; unitCode: string }
export interface GenTitle { person: number; year: number; titleCode: string; unitCode: string; decisionNo: string; decisionDate: string }
export interface GenUnitTitle { unitCode: string; year: number; titleCode: string; decisionNo: string; decisionDate: string }
export interface GenAward { person: number | null; unitCode: string | null; formCode: string; decisionNo: string; decisionDate: string; periodFrom: number; periodTo: number; issuerCode: string }

export interface GenHistory { ratings: GenRating[]; titles: GenTitle[]; unitTitles: GenUnitTitle[]; awards: GenAward[] }

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

/** The parent of a unit on a date, by its versions. */
function parentOn(unit: PlanUnit, date: string): string | null {
  const v = unit.versions.find((x) => x.from <= date && (x.to === null || x.to > date));
  return v?.parentCode ?? null;
}

/**
 * Five years (2021–2025) of ratings, titles and awards for the generated people and the units
 * that existed at the end of each year; one decision number per issuer, year and title.
 */
export function generateHistory(rng: Rng, plan: OrgPlan, people: GenPerson[]): GenHistory {
  const byCode = new Map(plan.units.map((u) => [u.code, u]));
  const decisions = new Map<string, { no: string; date: string }>();
  const decision = (issuer: PlanUnit, year: number, what: string, from: string, to: string) => {
    const key = `${issuer.code}|${year}|${what}`;
    let d = decisions.get(key);
    if (!d) {
      d = { no: `${rng.int(1, 2500)}/QĐ-${issuerSymbol(issuer)}`, date: randomDate(rng, from, to) };
      decisions.set(key, d);
    }
    return d;
  };
  const city = byCode.get(CITY_CODE) as PlanUnit;
  const out: GenHistory = { ratings: [], titles: [], unitTitles: [], awards: [] };

  people.forEach((p, index) => {
    const excellentYears: number[] = [];
    for (const year of YEARS) {
      const yearEnd = `${year}-12-31`;
      if (p.employments[0].from > `${year}-06-30` || rng.chance(0.03)) continue;
      const job = p.employments.find((e) => e.from <= yearEnd && (e.to === null || e.to > yearEnd));
      if (!job) continue;
      const rating = rng.weighted(RATING_ODDS[p.strength]);
      out.ratings.push({ person: index, year, rating, unitCode: job.unitCode });
      if (rating !== 'excellent' && rating !== 'good') continue;
      const unit = byCode.get(job.unitCode) as PlanUnit;
      // Heads of schools and health stations do not sign titles: their commune does.
      const signer = unit.kind === 'public_service_unit' && /^(MN|TH|THCS|TYT)\d/.test(unit.code) ? (byCode.get(parentOn(unit, yearEnd) ?? '') ?? unit) : unit;
      const lao = decision(signer, year, 'advanced_worker', `${year}-12-15`, `${year + 1}-01-31`);
      out.titles.push({ person: index, year, titleCode: 'advanced_worker', unitCode: job.unitCode, decisionNo: lao.no, decisionDate: lao.date });
      if (rating === 'excellent') {
        excellentYears.push(year);
        if (rng.chance(0.35)) {
          const cs = decision(signer, year, 'grassroots_emulation_fighter', `${year + 1}-01-05`, `${year + 1}-02-28`);
          out.titles.push({ person: index, year, titleCode: 'grassroots_emulation_fighter', unitCode: job.unitCode, decisionNo: cs.no, decisionDate: cs.date });
        }
        if (rng.chance(0.2)) {
          const gk = decision(signer, year, 'certificate_of_commendation', `${year + 1}-01-05`, `${year + 1}-03-31`);
          out.awards.push({ person: index, unitCode: null, formCode: 'certificate_of_commendation', decisionNo: gk.no, decisionDate: gk.date, periodFrom: year, periodTo: year, issuerCode: signer.code });
        }
      }
    }
    // Two consecutive excellent years: sometimes a city chairman's certificate of merit.
    const pair = excellentYears.find((y) => excellentYears.includes(y + 1));
    if (pair !== undefined && rng.chance(0.25)) {
      const bk = decision(city, pair + 1, 'ministerial_provincial_certificate_of_merit', `${pair + 2}-03-01`, `${pair + 2}-05-31`);
      out.awards.push({ person: index, unitCode: null, formCode: 'ministerial_provincial_certificate_of_merit', decisionNo: bk.no, decisionDate: bk.date, periodFrom: pair, periodTo: pair + 1, issuerCode: CITY_CODE });
    }
  });

  for (const unit of plan.units) {
    if (unit.kind === 'city_committee') continue;
    for (const year of YEARS) {
      const yearEnd = `${year}-12-31`;
      if (unit.established > `${year}-07-01` || (unit.dissolved !== null && unit.dissolved <= yearEnd)) continue;
      const roll = rng.next();
      if (roll < 0.12) {
        const d = decision(city, year, 'excellent_labor_collective', `${year + 1}-02-01`, `${year + 1}-03-31`);
        out.unitTitles.push({ unitCode: unit.code, year, titleCode: 'excellent_labor_collective', decisionNo: d.no, decisionDate: d.date });
        if (rng.chance(0.15)) {
          const bk = decision(city, year, 'ministerial_provincial_certificate_of_merit', `${year + 1}-03-01`, `${year + 1}-05-31`);
          out.awards.push({ person: null, unitCode: unit.code, formCode: 'ministerial_provincial_certificate_of_merit', decisionNo: bk.no, decisionDate: bk.date, periodFrom: year, periodTo: year, issuerCode: CITY_CODE });
        }
      } else if (roll < 0.55) {
        const signer = byCode.get(parentOn(unit, yearEnd) ?? CITY_CODE) ?? city;
        const d = decision(signer, year, 'advanced_labor_collective', `${year}-12-15`, `${year + 1}-01-31`);
        out.unitTitles.push({ unitCode: unit.code, year, titleCode: 'advanced_labor_collective', decisionNo: d.no, decisionDate: d.date });
      }
    }
  }
  return out;
}
