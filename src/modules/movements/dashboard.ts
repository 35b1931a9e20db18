import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { latestUnitNames } from '../org/names.ts';
import { duePeriod } from './progress.ts';
import * as repo from './repo.ts';

const LAGGARDS = 20;

export interface Dashboard {
  asOf: string;
  units: number;
  periods: { id: number; label: string; deadline: string; reports: number; late: number; avgScore: number | null }[];
  criteria: { criterionId: number; name: string; byPeriod: { periodId: number; reported: number; onTarget: number; avgAttainment: number | null }[] }[];
  unitRows: { unitId: number; unitName: string; scores: (number | null)[]; latestScore: number | null; missingDue: number }[];
  laggards: { unitId: number; unitName: string; latestScore: number | null; missingDue: number }[];
}

const round = (x: number | string | null) => (x === null ? null : Math.round(Number(x) * 1000) / 1000);

/**
 * A movement's progress: per period (reports, late ones, mean weighted score), per criterion and period (units
 * reporting, units on target, mean attainment), per unit the weighted score of each period (a page, weakest first)
 * and the laggards (lowest score in the last due period, then most reports missing). The scores are stored per report and the
 * attainments summed per criterion and period at write (`movement_tally`); `unitFilter` (null = all) limits it to the units the reader sees.
 */
export async function dashboard(q: Queryable, movementId: number, unitFilter: number[] | null, p: { asOf?: string; limit: number; offset: number }): Promise<Dashboard> {
  const asOf = p.asOf ?? cityToday();
  const periods = await repo.periodsOf(q, movementId);
  const criteria = await repo.criteriaOf(q, movementId);
  const due = duePeriod(periods, asOf);
  const units = (await repo.registeredUnits(q, movementId)).filter(unitFilter ? ((s) => (u: number) => s.has(u))(new Set(unitFilter)) : () => true);
  const seqOf = new Map(periods.map((x) => [x.id, x.seq]));
  const reports = await q.query<{ u: number; p: number; s: string; late: boolean }>(
    `select r.unit_id::int as u, r.period_id::int as p, r.score::text as s, r.late from movement_report r
      where r.movement_id = $1 and ($2::bigint[] is null or r.unit_id = any($2::bigint[]))`,
    [movementId, unitFilter],
  );
  // Movement-wide: the running totals; a reader limited to some units: their figures summed.
  const byCriterion = unitFilter === null
    ? await q.query<{ c: number; p: number; n: number; ok: number; avg: string | null }>(
      `select criterion_id::int as c, period_id::int as p, reported as n, on_target as ok, (attainment_sum / nullif(reported, 0))::text as avg
         from movement_tally where movement_id = $1 and reported > 0`,
      [movementId],
    )
    : await q.query<{ c: number; p: number; n: number; ok: number; avg: string | null }>(
      `select f.criterion_id::int as c, r.period_id::int as p, count(*)::int as n, count(*) filter (where f.attainment >= 1)::int as ok, avg(f.attainment)::text as avg
         from movement_report r join movement_figure f on f.report_id = r.id
        where r.movement_id = $1 and r.unit_id = any($2::bigint[])
        group by f.criterion_id, r.period_id`,
      [movementId, unitFilter],
    );
  const perPeriod = new Map<number, { n: number; late: number; sum: number }>();
  const scores = new Map<number, (number | null)[]>();
  for (const u of units) scores.set(u, periods.map(() => null));
  for (const r of reports) {
    const agg = perPeriod.get(r.p) ?? { n: 0, late: 0, sum: 0 };
    agg.n += 1; agg.late += r.late ? 1 : 0; agg.sum += Number(r.s);
    perPeriod.set(r.p, agg);
    const row = scores.get(r.u);
    if (row) row[(seqOf.get(r.p) as number) - 1] = Number(r.s);
  }
  const dueCount = due?.seq ?? 0;
  const rows = units.map((u) => {
    const s = scores.get(u) as (number | null)[];
    return { unitId: u, scores: s, latestScore: dueCount > 0 ? s[dueCount - 1] : null, missingDue: s.slice(0, dueCount).filter((x) => x === null).length };
  });
  // Weakest first: no figure for the due period, then the lowest score, then the most reports missing.
  rows.sort((a, b) => (a.latestScore ?? -1) - (b.latestScore ?? -1) || b.missingDue - a.missingDue || a.unitId - b.unitId);
  const page = rows.slice(p.offset, p.offset + p.limit);
  const laggards = rows.slice(0, LAGGARDS).filter((r) => dueCount > 0 && (r.latestScore === null || r.latestScore < 100 || r.missingDue > 0));
  const names = await latestUnitNames(q, [...new Set([...page, ...laggards].map((r) => r.unitId))]);
  const name = (u: number) => names.get(u) ?? String(u);
  const cells = new Map(byCriterion.map((x) => [`${x.c}:${x.p}`, x]));
  return {
    asOf, units: units.length,
    periods: periods.map((x) => {
      const a = perPeriod.get(x.id);
      return { id: x.id, label: x.label, deadline: x.deadline, reports: a?.n ?? 0, late: a?.late ?? 0, avgScore: a ? round(a.sum / a.n) : null };
    }),
    criteria: criteria.map((c) => ({
      criterionId: c.id, name: c.name,
      byPeriod: periods.map((x) => {
        const cell = cells.get(`${c.id}:${x.id}`);
        return { periodId: x.id, reported: cell?.n ?? 0, onTarget: cell?.ok ?? 0, avgAttainment: cell ? round(cell.avg) : null };
      }),
    })),
    unitRows: page.map((r) => ({ ...r, unitName: name(r.unitId) })),
    laggards: laggards.map((r) => ({ unitId: r.unitId, unitName: name(r.unitId), latestScore: r.latestScore, missingDue: r.missingDue })),
  };
}
