import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { REVOCATION_GROUNDS } from './revocations-repo.ts';

const zText = (max: number) => z.string().trim().max(max);

export const ZRevocationParams = z.object({ id: z.coerce.number().int().positive(), revocationId: z.coerce.number().int().positive() });
export const ZRecoveryParams = ZRevocationParams.extend({ awardeeId: z.coerce.number().int().positive() });

export const ZRevocationRequest = z.strictObject({
  version: z.number().int().positive(),
  awardeeIds: z.array(z.number().int().positive()).max(5000).nullish(),
  ground: z.enum(REVOCATION_GROUNDS),
  reason: zText(2000).min(1),
  legalBasis: zText(2000).min(1),
  kind: zText(40).nullish(),
  decidedOn: ZCalendarDate,
  signerName: zText(200).min(1),
  signerTitle: zText(200).nullish(),
  external: z.strictObject({ authority: zText(300).min(1), number: zText(80).min(1) }).nullish(),
});

export const ZRecoveryRequest = z.strictObject({
  version: z.number().int().positive(),
  certificateRecoveredOn: ZCalendarDate.nullish(),
  moneyAmount: z.number().int().min(0).max(100_000_000_000).nullish(),
  moneyRecoveredOn: ZCalendarDate.nullish(),
  note: zText(1000).nullish(),
});

export const ZRevocation = z.object({
  id: z.number(), decisionId: z.number(), authorityUnitId: z.number(), kind: z.string(), year: z.number(), number: z.number().nullable(),
  numberText: z.string(), externalAuthority: z.string().nullable(), decidedOn: z.string(), signerName: z.string(), signerTitle: z.string().nullable(),
  ground: z.enum(REVOCATION_GROUNDS), reason: z.string(), legalBasis: z.string(), version: z.number(), createdAt: z.string(),
  awardees: z.array(z.object({
    awardeeId: z.number(), personId: z.number().nullable(), unitId: z.number().nullable(), name: z.string(), awardCode: z.string(), awardName: z.string(),
    certificateRecoveredOn: z.string().nullable(), moneyAmount: z.number().nullable(), moneyRecoveredOn: z.string().nullable(), recoveryNote: z.string().nullable(),
    version: z.number(),
  })),
});

export const ZDecisionRevocations = z.object({
  items: z.array(ZRevocation),
  /** Every awardee of the decision and whether (by which revocation, from when) it was revoked. */
  awardees: z.array(z.object({
    awardeeId: z.number(), name: z.string(), awardCode: z.string(), awardName: z.string(), revocationId: z.number().nullable(), revokedOn: z.string().nullable(),
  })),
  actions: z.object({ canRevoke: z.boolean(), canRecordRecovery: z.boolean() }),
});

export const ZPersonRevokedAwards = z.object({
  items: z.array(z.object({
    decisionId: z.number(), awardeeId: z.number(), awardCode: z.string(), awardName: z.string(), decisionNumber: z.string().nullable(), decisionDate: z.string().nullable(),
    periodFrom: z.number(), periodTo: z.number(), revocationId: z.number(), revokingNumber: z.string(), revokedOn: z.string(), reason: z.string(),
  })),
});
