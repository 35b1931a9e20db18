/**
 * The public verification of a certificate (no login): by the code the QR carries or the short code printed on it.
 * Answers valid / revoked (the day and the revoking decision, from decisions' `awardeeRevocations`) / unknown, and
 * only what the certificate itself shows: name, unit, award, the decision's number and date, and who signed the
 * decision digitally when a verified signed copy was uploaded (signatures' `decisionSignature`).
 */
import type { Queryable } from '../../server/db.ts';
import { awardeeRevocations } from '../decisions/revocations.ts';
import { decisionSignature } from '../signatures/read.ts';
import { normaliseCode } from './codes.ts';
import * as repo from './repo.ts';

export interface Verification {
  status: 'valid' | 'revoked' | 'unknown';
  certificate: {
    name: string;
    unit: string | null;
    award: string;
    decisionNumber: string;
    decidedOn: string;
    signedBy: { name: string; organisation: string | null; signedAt: string | null } | null;
  } | null;
  revocation: { revokedOn: string; revokingNumber: string; revokingDate: string } | null;
}

const UNKNOWN: Verification = { status: 'unknown', certificate: null, revocation: null };

export async function verifyCertificate(q: Queryable, rawCode: string): Promise<Verification> {
  const code = normaliseCode(rawCode);
  if (!code) return UNKNOWN;
  const c = await repo.findByCode(q, code.kind, code.value);
  if (!c) return UNKNOWN;
  const [revocations, signature] = await Promise.all([awardeeRevocations(q, [c.awardee_id]), decisionSignature(q, c.decision_id)]);
  const r = revocations.get(c.awardee_id);
  return {
    status: r ? 'revoked' : 'valid',
    certificate: {
      name: c.full_name, unit: c.unit_name, award: c.award_name, decisionNumber: c.decision_number, decidedOn: c.decided_on,
      signedBy: signature ? { name: signature.signerName, organisation: signature.organisation, signedAt: signature.signedAt } : null,
    },
    revocation: r ? { revokedOn: r.revokedOn, revokingNumber: r.revokingNumber, revokingDate: r.revokingDate } : null,
  };
}
