import type { Queryable } from '../../server/db.ts';
import type { Scope } from './scope.ts';

/**
 * What auth needs from the organisation tree: which units roles cover, and units' names beside an account's
 * roles. org sits above auth (its routes and use cases authorize through auth), so auth does not import it: the
 * composition root hands org's functions over at start-up (server/wiring.ts), as org/hooks.ts lets modules above
 * org follow a reorganisation.
 */
export interface OrgTree {
  /**
   * The units roles on `roots` (a non-empty list) cover: each root, everything under it by latest parent and
   * the predecessors of those units (their records follow their successors); everything when they hold every
   * top unit (org's `unitsCovered`, org/tree-walks.ts).
   */
  cover(q: Queryable, roots: number[]): Promise<Scope>;
  /** Each unit's latest name; unknown ids are absent (org's `latestUnitNames`). */
  latestNames(q: Queryable, ids: number[]): Promise<Map<number, string>>;
}

let tree: OrgTree | null = null;

/** Called once by the composition root (server/wiring.ts). */
export function useOrgTree(provided: OrgTree): void {
  tree = provided;
}

/** @throws Error when no composition root connected org (a program that forgot to import server/wiring.ts). */
export function orgTree(): OrgTree {
  if (!tree) throw new Error('auth needs the organisation tree: import src/server/wiring.ts in the program that starts');
  return tree;
}
