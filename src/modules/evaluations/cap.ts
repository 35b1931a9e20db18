import type { Rating } from '../../shared/enums.ts';
import type { SchemeCap } from './schemes.ts';

// The cap on "excellent" in a peer group (QĐ 366-QĐ/TW Điều 11; NĐ 335/2025): at most pct % of those rated good
// (or good or better: the setting evaluation_cap_base), rounded down, at least one when the share rounds below one
// and the setting evaluation_cap_min_one is on; 25 % for an outstanding organisation the competent level named.
// Pure: the counts in, the verdict out (decide.ts counts, the ratings page shows the same numbers).

export interface CapSettings {
  base: 'good' | 'good_or_better';
  minOne: boolean;
}

export interface CapCount {
  excellent: number;
  good: number;
  /** The count the share is taken of (good, or good + excellent). */
  base: number;
  pct: number;
  max: number;
  over: boolean;
}

/** Counts ratings of a group against its cap. */
export function countCap(ratings: readonly (Rating | null)[], cap: SchemeCap, settings: CapSettings, outstanding: boolean): CapCount {
  let excellent = 0;
  let good = 0;
  for (const r of ratings) {
    if (r === 'excellent') excellent++;
    else if (r === 'good') good++;
  }
  const base = settings.base === 'good' ? good : good + excellent;
  const pct = outstanding ? cap.outstanding_pct : cap.pct;
  let max = Math.floor((base * pct) / 100 + 1e-9);
  if (settings.minOne && base >= 1 && max < 1) max = 1;
  return { excellent, good, base, pct, max, over: excellent > max };
}

/** A decision may not make a group's excess over the cap larger (a group already over may still get other ratings). */
export const worsens = (before: CapCount, after: CapCount): boolean => after.over && after.excellent - after.max > Math.max(0, before.excellent - before.max);
