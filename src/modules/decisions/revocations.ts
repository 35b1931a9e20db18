import type { Queryable } from '../../server/db.ts';

// The published side of revocation (hủy bỏ khen thưởng, Law Art 93): which awardees of the register were revoked, by
// which decision, and a hook that modules above (certificates, rewards) follow in the revoking transaction.

export interface AwardeeRevocation {
  /** The day the award stops counting (the revoking decision's date). */
  revokedOn: string;
  /** The revoking decision's number as printed ("07/QĐ-UBND"). */
  revokingNumber: string;
  revokingDate: string;
  reason: string;
}

/** The revocation of each of these awardees (decision_awardee ids) that was revoked; absent ids were not. */
export async function awardeeRevocations(q: Queryable, awardeeIds: number[]): Promise<Map<number, AwardeeRevocation>> {
  const out = new Map<number, AwardeeRevocation>();
  if (awardeeIds.length === 0) return out;
  const rows = await q.query<{ awardee_id: number; number_text: string; decided_on: string; reason: string }>(
    `select ra.awardee_id, r.number_text, r.decided_on::text, r.reason
       from decision_revocation_awardee ra join decision_revocation r on r.id = ra.revocation_id
      where ra.awardee_id = any($1::bigint[])`,
    [awardeeIds],
  );
  for (const r of rows) out.set(Number(r.awardee_id), { revokedOn: r.decided_on, revokingNumber: r.number_text, revokingDate: r.decided_on, reason: r.reason });
  return out;
}

/** What the revoking transaction tells the modules above. */
export interface AwardeesRevoked {
  revocationId: number;
  /** The revoked (issued) decision. */
  decisionId: number;
  numberText: string;
  revokedOn: string;
  reason: string;
  awardees: { awardeeId: number; personId: number | null; unitId: number | null; awardCode: string }[];
}

/** Runs in the revoking transaction: a handler that throws undoes the revocation (its number included). */
export type AwardeesRevokedHandler = (q: Queryable, revoked: AwardeesRevoked) => Promise<void>;

const handlers: AwardeesRevokedHandler[] = [];

/** Lets modules above decisions (certificates, rewards) follow a revocation in the same transaction. */
export function onAwardeesRevoked(handler: AwardeesRevokedHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

export async function runAwardeesRevoked(q: Queryable, revoked: AwardeesRevoked): Promise<void> {
  for (const h of handlers) await h(q, revoked);
}
