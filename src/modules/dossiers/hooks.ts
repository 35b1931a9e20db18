/**
 * What follows a transition in the same transaction: the sender is told of a return or a decision (notifications,
 * once H1's `notify` is wired), and modules above (reviews) may follow the state of the dossiers they made.
 */
import type { Queryable } from '../../server/db.ts';
import type { Actor } from '../audit/audit.ts';
import type { DossierRow } from './repo.ts';

export interface TransitionEvent {
  dossier: DossierRow;
  action: string;
  from: string;
  to: string;
  reason: Record<string, unknown> | null;
}

type Handler = (q: Queryable, actor: Actor, e: TransitionEvent) => Promise<void>;
const handlers: Handler[] = [];

/** Registers a handler run inside every transition's transaction (a throw rolls the transition back). */
export function onDossierTransition(handler: Handler): void {
  handlers.push(handler);
}

export async function afterTransition(q: Queryable, actor: Actor, e: TransitionEvent): Promise<void> {
  for (const h of handlers) await h(q, actor, e);
}
