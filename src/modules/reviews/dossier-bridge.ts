import type { Queryable } from '../../server/db.ts';
import type { Actor } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { dossiersFromReview } from '../dossiers/commands.ts';

export interface SendUpInput {
  reviewId: number;
  year: number;
  senderUnitId: number;
  /** The level above (the unit's parent); null for a top unit, which has nobody to send to. */
  receiverUnitId: number | null;
  groups: { awardCode: string; nominees: { personId: number | null; unitId: number | null }[] }[];
}

/**
 * The candidates beyond the unit's own powers, as dossiers to the level above: one draft per award through the
 * dossiers module's `dossiersFromReview`, in this transaction (idempotent per review and award).
 */
export async function sendUp(q: Queryable, actor: Actor, scope: Scope, input: SendUpInput): Promise<{ awardCode: string; dossierId: number }[]> {
  const groups = input.groups.filter((g) => g.nominees.length > 0);
  if (input.receiverUnitId === null || groups.length === 0) return [];
  return dossiersFromReview(q, actor, scope, {
    reviewId: input.reviewId, year: input.year, senderUnitId: input.senderUnitId, receiverUnitId: input.receiverUnitId,
    groups: groups.map((g) => ({ awardCode: g.awardCode, nominees: g.nominees.map((n) => (n.personId !== null ? { personId: n.personId } : { unitId: n.unitId as number })) })),
  });
}
