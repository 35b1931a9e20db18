import type { Queryable } from '../../server/db.ts';
import type { ReorgHandler } from './types.ts';

const handlers: ReorgHandler[] = [];

/**
 * Lets modules above org (people, later records) follow a merge or split in the same transaction,
 * without org knowing their tables.
 */
export function onReorganise(handler: ReorgHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

export function reorgHandlers(): readonly ReorgHandler[] {
  return handlers;
}

/** Counts what a module above org keeps in a unit on a day (people employed there): a unit that holds any cannot be dissolved. */
export type OccupancyCounter = (q: Queryable, unitId: number, on: string) => Promise<number>;

const counters: OccupancyCounter[] = [];

/** Lets a module above org (people) say what a unit still holds, without org reading its tables. */
export function onOccupancy(counter: OccupancyCounter): void {
  if (!counters.includes(counter)) counters.push(counter);
}

/** What the registered modules keep in the unit on `on` (employed people, …), summed. */
export async function occupantsOf(q: Queryable, unitId: number, on: string): Promise<number> {
  let n = 0;
  for (const count of counters) n += await count(q, unitId, on);
  return n;
}
