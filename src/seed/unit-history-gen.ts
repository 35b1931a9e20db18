import { DEMO_UNITS, DEMO_YEAR } from './demo-cases.ts';
import { type HistoryContext, type MemberStats, TITLE } from './history-types.ts';
import { CITY_CODE, type OrgPlan, type PlanUnit, parentOn } from './org-plan.ts';

const DEMO_UNIT_CODES = new Set<string>(Object.values(DEMO_UNITS).map((u) => u.code));

/** Tập thể lao động tiên tiến (Law Art 28): ≥70 % of members Lao động tiên tiến, nobody disciplined at warning or above. */
export const meetsAdvancedCollective = (s: MemberStats) => s.members > 0 && s.advanced * 10 >= s.members * 7 && s.warned === 0;
/** Tập thể lao động xuất sắc (Law Art 27): the above, every member completed their tasks, at least one CSTĐCS. */
export const meetsExcellentCollective = (s: MemberStats) => meetsAdvancedCollective(s) && s.notCompleted === 0 && s.fighters > 0;

/**
 * The collectives' own yearly ratings and titles, decided from what their members achieved that year: only a
 * unit that meets a title's member criteria gets it (and not always); a titled unit is rated excellent (with
 * targets exceeded) or good; some good units have no title. The two demo teams are rated good in 2025 and left
 * without a title, for discovery to find.
 */
export function addUnitHistory(ctx: HistoryContext, plan: OrgPlan): void {
  const { rng, out } = ctx;
  const city = ctx.byCode.get(CITY_CODE) as PlanUnit;
  for (const unit of plan.units) {
    if (unit.kind === 'city_committee') continue;
    for (const year of ctx.years) {
      const yearEnd = `${year}-12-31`;
      if (unit.established > `${year}-07-01` || (unit.dissolved !== null && unit.dissolved <= yearEnd)) continue;
      const s = ctx.stats(unit.code, year);
      if (s.members === 0) continue;
      if (DEMO_UNIT_CODES.has(unit.code) && year === DEMO_YEAR) {
        out.unitRatings.push({ unitCode: unit.code, year, rating: 'good', exceededTargets: false, ledCluster: false });
        continue;
      }
      const roll = rng.next();
      if (meetsExcellentCollective(s) && roll < 0.3) {
        const d = ctx.decision(city, year, TITLE.excellentCollective, `${year + 1}-02-01`, `${year + 1}-03-31`);
        out.unitTitles.push({ unitCode: unit.code, year, titleCode: TITLE.excellentCollective, decisionNo: d.no, decisionDate: d.date });
        out.unitRatings.push({ unitCode: unit.code, year, rating: 'excellent', exceededTargets: true, ledCluster: false });
        if (rng.chance(0.15)) {
          const bk = ctx.decision(city, year, TITLE.cityMerit, `${year + 1}-03-01`, `${year + 1}-05-31`);
          out.awards.push({ person: null, unitCode: unit.code, formCode: TITLE.cityMerit, decisionNo: bk.no, decisionDate: bk.date, periodFrom: year, periodTo: year, issuerCode: CITY_CODE });
        }
      } else if (meetsAdvancedCollective(s) && roll < 0.8) {
        const signer = ctx.byCode.get(parentOn(unit, yearEnd) ?? CITY_CODE) ?? city;
        const d = ctx.decision(signer, year, TITLE.advancedCollective, `${year}-12-15`, `${year + 1}-01-31`);
        out.unitTitles.push({ unitCode: unit.code, year, titleCode: TITLE.advancedCollective, decisionNo: d.no, decisionDate: d.date });
        out.unitRatings.push({ unitCode: unit.code, year, rating: 'good', exceededTargets: false, ledCluster: false });
      } else if (roll < 0.9) {
        out.unitRatings.push({ unitCode: unit.code, year, rating: s.notCompleted * 10 > s.members ? 'completed' : 'good', exceededTargets: false, ledCluster: false });
      }
    }
  }
}
