import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { latestUnitNames } from '../org/names.ts';
import * as repo from './repo.ts';
import { type CriterionStatus, statusOf } from './rules.ts';

/** The last period whose deadline has passed by `asOf` (its reports are due), or null before the first deadline. */
export function duePeriod(periods: repo.PeriodRow[], asOf: string): repo.PeriodRow | null {
  let due: repo.PeriodRow | null = null;
  for (const p of periods) if (p.deadline < asOf) due = p;
  return due;
}

export interface StatusTable {
  asOf: string;
  periodId: number | null;
  units: { unitId: number; unitName: string; criteria: { criterionId: number; status: CriterionStatus; value: number | null; periodId: number | null }[] }[];
}

/**
 * Status per criterion and unit from the latest reports: once a period is due, a unit without a figure for it is
 * "missing"; otherwise its latest figure is on track or behind against the target. Units: the registered ones the
 * reader sees (`unitFilter` null = all).
 */
export async function statusTable(q: Queryable, movementId: number, unitFilter: Set<number> | null, asOf = cityToday()): Promise<StatusTable> {
  const periods = await repo.periodsOf(q, movementId);
  const criteria = await repo.criteriaOf(q, movementId);
  const due = duePeriod(periods, asOf);
  const upTo = due?.seq ?? periods.filter((p) => p.startsOn <= asOf).at(-1)?.seq ?? 0;
  const units = (await repo.registeredUnits(q, movementId)).filter((u) => !unitFilter || unitFilter.has(u));
  const latest = new Map<string, Awaited<ReturnType<typeof repo.latestFigures>>[number]>();
  for (const f of await repo.latestFigures(q, movementId, upTo)) latest.set(`${f.unitId}:${f.criterionId}`, f);
  const names = await latestUnitNames(q, units);
  return {
    asOf, periodId: due?.id ?? null,
    units: units.map((u) => ({
      unitId: u, unitName: names.get(u) ?? String(u),
      criteria: criteria.map((c) => {
        const f = latest.get(`${u}:${c.id}`);
        if (!f || (due && f.periodSeq < due.seq)) return { criterionId: c.id, status: 'missing' as const, value: f?.value ?? null, periodId: f?.periodId ?? null };
        return { criterionId: c.id, status: statusOf(c, f.value, f.periodEnd), value: f.value, periodId: f.periodId };
      }),
    })),
  };
}
