/**
 * A collective's stored history → the rule engine's input: its own ratings, its and its predecessors' titles and
 * awards, and its members' statistics per year. One batch builder serves the single load and the stream.
 */
import { type Queryable, inParallel } from '../../server/db.ts';
import type { YearFacts } from '../rules/contract.ts';
import { round1 } from './history-months.ts';
import { awardFact, awardRows, type BatchParams, toPriorAward } from './history-sql.ts';
import * as sql from './history-unit-sql.ts';
import { FIRST_YEAR, type HistoryOptions, type UnitHistory, groupBy, yearOf } from './history-types.ts';

type YearOut = YearFacts & { year: number };

/**
 * Loads one collective's history as the engine's input (`input.award` = `opts.award` or '').
 * @returns null when the unit does not exist
 */
export async function loadUnitInput(q: Queryable, unitId: number, opts: HistoryOptions): Promise<UnitHistory | null> {
  const [one] = await buildUnitHistories(q, [unitId], opts);
  return one ?? null;
}

/** Builds the histories of a batch of units with a constant number of set-based queries; in id order. */
export async function buildUnitHistories(q: Queryable, ids: number[], opts: HistoryOptions): Promise<UnitHistory[]> {
  if (ids.length === 0) return [];
  const p: BatchParams = { ids, asOf: opts.asOf, fromYear: opts.fromYear ?? FIRST_YEAR, toYear: yearOf(opts.asOf) };
  const preds = await sql.predecessorRows(q, ids);
  const lineage = new Map(ids.map((id) => [id, [id]]));
  for (const r of preds) lineage.get(r.unit_id)?.push(r.predecessor_id);
  const allIds = [...new Set([...ids, ...preds.map((r) => r.predecessor_id)])];
  const [units, ratings, titles, stats, awards] = await inParallel(q, [
    () => sql.unitRows(q, p), () => sql.unitRatingRows(q, p), () => sql.unitTitleRows(q, { ...p, ids: allIds }),
    () => sql.memberStatsRows(q, { ...p, fromYear: Math.min(Math.max(p.fromYear, opts.memberStatsFrom ?? p.fromYear), p.toYear) }),
    () => awardRows(q, 'unit_id', allIds, p.asOf),
  ] as const);
  const ratingsOf = groupBy(ratings, (r) => r.unit_id);
  const titlesOf = groupBy(titles, (r) => r.unit_id);
  const statsOf = groupBy(stats, (r) => r.unit_id);
  const awardsOf = groupBy(awards, (r) => r.owner_id);
  return units.map((u) => {
    const own = lineage.get(u.id) ?? [u.id];
    const unitAwards = own.flatMap((id) => awardsOf.get(id) ?? []).sort((a, b) => a.decision_date.localeCompare(b.decision_date));
    const name = u.name ?? '';
    return {
      // members on asOf: the statistics of asOf's year are read on asOf itself
      unitId: u.id, name, parentName: u.parent_name, members: statsOf.get(u.id)?.find((s) => s.year === p.toYear)?.members ?? 0,
      input: {
        award: opts.award ?? '', asOf: p.asOf,
        subject: { kind: 'collective', name, startedOn: u.established_on, underReview: u.under_review },
        years: unitYears(ratingsOf.get(u.id) ?? [], own.flatMap((id) => titlesOf.get(id) ?? []), (statsOf.get(u.id) ?? []).filter((s) => s.year >= p.fromYear)),
        awards: unitAwards.map((r) => toPriorAward(awardFact(r))),
      },
    };
  });
}

/** One entry per year with a rating, a title or at least one member, oldest first. */
function unitYears(ratings: sql.UnitRatingRow[], titles: { year: number; title_code: string }[], stats: sql.MemberStatsRow[]): YearOut[] {
  const years = new Map<number, YearOut>();
  const at = (year: number): YearOut => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, rating: null }));
    return y;
  };
  const ratingOf = new Map(ratings.map((r) => [r.year, r]));
  for (const r of ratings) at(r.year).rating = r.rating;
  for (const t of [...titles].sort((a, b) => a.title_code.localeCompare(b.title_code))) {
    const y = at(t.year);
    if (!y.titles?.includes(t.title_code)) (y.titles ??= []).push(t.title_code);
  }
  for (const s of stats) {
    if (s.members < 1) continue;
    const r = ratingOf.get(s.year);
    at(s.year).collective = {
      members: s.members, membersCompletedTasks: s.completed, memberTitles: s.titles ?? {}, membersDisciplined: s.disciplined ?? {},
      womenPct: round1((100 * s.women) / s.members),
      ...(r?.exceeded_targets != null ? { exceededTargets: r.exceeded_targets } : {}),
      ...(r?.led_cluster != null ? { ledCluster: r.led_cluster } : {}),
    };
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}
