import type { Queryable } from '../../server/db.ts';
import type { Scope } from '../auth/scope.ts';
import * as repo from './repo.ts';
import type { DecisionStatus, DecisionView } from './types.ts';
import { presentDecisions } from './view.ts';

export interface ListQuery {
  status?: DecisionStatus;
  year?: number;
  awardCode?: string;
  personId?: number;
  limit: number;
  offset: number;
}

/** A page of the register within the scope (by the decision's authority), drafts first, then newest. */
export async function listDecisionsInScope(q: Queryable, scope: Scope, query: ListQuery): Promise<{ items: (Omit<DecisionView, 'awardees'> & { awardeeCount: number })[]; total: number }> {
  const { rows, total } = await repo.listDecisions(q, { ...query, unitIds: scope.all ? null : scope.unitIds });
  const views = await presentDecisions(q, rows, false);
  return {
    items: views.map(({ awardees: _a, ...v }, i) => ({ ...v, awardeeCount: rows[i].awardees })),
    total,
  };
}
