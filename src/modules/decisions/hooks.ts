import type { Queryable } from '../../server/db.ts';
import type { IssuedDecision, IssuingDecision } from './types.ts';

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

/** Runs in the issuing transaction before the number is taken: a handler that throws refuses the issue. */
export type DecisionIssuingHandler = (q: Queryable, issuing: IssuingDecision) => Promise<void>;

const issuingHandlers: DecisionIssuingHandler[] = [];

/** Lets modules above decisions (rewards: the fund warning) check a decision about to be issued, in its transaction. */
export function onDecisionIssuing(handler: DecisionIssuingHandler): void {
  if (!issuingHandlers.includes(handler)) issuingHandlers.push(handler);
}

export async function runDecisionIssuing(q: Queryable, issuing: IssuingDecision): Promise<void> {
  for (const h of issuingHandlers) await h(q, issuing);
}
