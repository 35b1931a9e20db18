import type { Queryable } from '../../server/db.ts';
import type { IssuedDecision } from './types.ts';

/** Runs in the issuing transaction: a handler that throws undoes the issue (number included). */
export type DecisionIssuedHandler = (q: Queryable, issued: IssuedDecision) => Promise<void>;

const handlers: DecisionIssuedHandler[] = [];

/**
 * Lets modules above decisions (dossiers: close the dossiers a decision answers) follow an issue in the same
 * transaction, without this module knowing their tables (like org's `onReorganise`).
 */
export function onDecisionIssued(handler: DecisionIssuedHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

export async function runDecisionIssued(q: Queryable, issued: IssuedDecision): Promise<void> {
  for (const h of handlers) await h(q, issued);
}
