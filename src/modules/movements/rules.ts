import { AppError } from '../../shared/errors.ts';

// The arithmetic of a movement, pure: weights, attainment of a figure against its target, status of a criterion.

export type Direction = 'at_least' | 'at_most' | 'done_by_date';
export type CriterionStatus = 'on_track' | 'behind' | 'missing';

export interface CriterionRule {
  target: number;
  direction: Direction;
  dueOn: string | null;
  weight: number;
  minValue: number;
  maxValue: number;
}

/**
 * Weights of a criteria sheet must add up to 100 (to the hundredth).
 * @throws AppError MOVEMENT_WEIGHTS naming the field `criteria` and the total found
 */
export function assertWeights(weights: readonly number[]): void {
  const total = Math.round(weights.reduce((s, w) => s + w, 0) * 100) / 100;
  if (total !== 100) throw new AppError('MOVEMENT_WEIGHTS', { field: 'criteria', total });
}

/**
 * How far a figure reaches its target, 0..1. at_least: value / target; at_most: 1 when at or under the target, else
 * target / value; done_by_date: the figure is the share done in % (100 = finished), judged against the due date.
 */
export function attainment(c: CriterionRule, value: number, periodEnd: string): number {
  let a: number;
  if (c.direction === 'at_least') a = c.target <= 0 ? 1 : value / c.target;
  else if (c.direction === 'at_most') a = value <= c.target ? 1 : value <= 0 ? 0 : c.target / value;
  else a = value >= 100 && (c.dueOn === null || periodEnd <= c.dueOn) ? 1 : Math.min(value, 100) / 100;
  return Math.max(0, Math.min(1, Math.round(a * 10_000) / 10_000));
}

/** On track when the figure reaches its target (done_by_date: finished, or not yet due); behind otherwise. */
export function statusOf(c: CriterionRule, value: number | null, periodEnd: string): CriterionStatus {
  if (value === null) return 'missing';
  if (c.direction === 'done_by_date') return value >= 100 || (c.dueOn !== null && periodEnd < c.dueOn) ? 'on_track' : 'behind';
  return attainment(c, value, periodEnd) >= 1 ? 'on_track' : 'behind';
}

/** The weighted result 0..100 of a unit from its attainment per criterion (a missing figure counts 0). */
export function weightedScore(weights: readonly { weight: number; attainment: number | null }[]): number {
  return Math.round(weights.reduce((s, w) => s + w.weight * (w.attainment ?? 0), 0) * 1000) / 1000;
}

/**
 * A figure outside the criterion's allowed range is refused, naming the field.
 * @throws AppError MOVEMENT_FIGURE_OUT_OF_RANGE
 */
export function assertInRange(c: CriterionRule & { name: string; unitOfMeasure: string }, value: number, field: string): void {
  if (value < c.minValue || value > c.maxValue) {
    throw new AppError('MOVEMENT_FIGURE_OUT_OF_RANGE', { field, criterion: c.name, value, min: c.minValue, max: c.maxValue, unitOfMeasure: c.unitOfMeasure });
  }
}

/** Monthly reporting periods from start to end, each due `deadlineDays` after its last day. */
export function monthlyPeriods(startsOn: string, endsOn: string, deadlineDays: number): { seq: number; label: string; startsOn: string; endsOn: string; deadline: string }[] {
  const out: { seq: number; label: string; startsOn: string; endsOn: string; deadline: string }[] = [];
  let y = Number(startsOn.slice(0, 4));
  let m = Number(startsOn.slice(5, 7));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  for (let seq = 1; seq <= 120; seq++) {
    const first = new Date(Date.UTC(y, m - 1, 1));
    if (iso(first) > endsOn) break;
    const last = new Date(Date.UTC(y, m, 0));
    const start = iso(first) < startsOn ? startsOn : iso(first);
    const end = iso(last) > endsOn ? endsOn : iso(last);
    out.push({ seq, label: `Tháng ${String(m).padStart(2, '0')}/${y}`, startsOn: start, endsOn: end, deadline: iso(new Date(last.getTime() + deadlineDays * 86_400_000)) });
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}
