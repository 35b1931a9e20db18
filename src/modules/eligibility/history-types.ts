import type { EligibilityInputRaw } from '../rules/contract.ts';

/** A person's stored history as the rule engine's input, with what lists and the UI show beside it. */
export interface PersonHistory {
  personId: number;
  name: string;
  /** The unit of the employment open on `asOf` (else the latest one begun by then). */
  unitId: number | null;
  unitName: string | null;
  isLeader: boolean;
  gender: 'female' | 'male' | null;
  input: EligibilityInputRaw;
}

/** A collective's stored history (its predecessors' titles and awards included) as the engine's input. */
export interface UnitHistory {
  unitId: number;
  name: string;
  parentName: string | null;
  /** People employed in the unit on `asOf`. */
  members: number;
  input: EligibilityInputRaw;
}

/** What every loader needs: the proposal date, the award checked ('' when the caller sets it per check), the first year. */
export interface HistoryOptions {
  asOf: string;
  award?: string;
  /** Years before this one are left out of `years` (awards are always complete). */
  fromYear?: number;
  /**
   * A collective's member statistics are read from this year on (default: `fromYear`). The predicates over member
   * statistics read the year under review only (predicates.ts `collectiveOf`), so discovery asks for that year:
   * aggregating every member's ten years of facts was most of a city-wide run's time.
   */
  memberStatsFrom?: number;
}

/** The first year anything can be recorded for (the contract's lower bound). */
export const FIRST_YEAR = 1945;

/** A year of `asOf` ('YYYY-MM-DD'). */
export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Groups rows by a numeric key, keeping their order. */
export function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
