import type { Queryable } from '../../server/db.ts';

/** Who signed a decision digitally, from its newest verified signed copy (null when no signed copy was uploaded). */
export interface DecisionSignature {
  signerName: string;
  organisation: string | null;
  /** The signing time the signature carries (ISO), or null when it carries none. */
  signedAt: string | null;
}

/** The signer of the newest verified signed copy of a decision. Reads no scope: callers show only what they may. */
export async function decisionSignature(q: Queryable, decisionId: number): Promise<DecisionSignature | null> {
  const rows = await q.query<{ signer_name: string; organisation: string | null; signed_at: string | null }>(
    `select signer_name, organisation, signed_at from decision_signature where decision_id = $1 order by id desc limit 1`,
    [decisionId],
  );
  const r = rows[0];
  return r ? { signerName: r.signer_name, organisation: r.organisation, signedAt: r.signed_at } : null;
}
