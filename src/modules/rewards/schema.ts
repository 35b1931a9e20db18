import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';

export const zId = z.coerce.number().int().positive();
const zYear = z.coerce.number().int().min(1945).max(2100);
const zMoney = z.number().int().min(0).max(1_000_000_000_000_000);

export const ZDecisionParams = z.object({ id: zId });
export const ZPaymentParams = z.object({ id: zId, awardeeId: zId });
export const ZFundParams = z.object({ authorityUnitId: zId, year: zYear });
/** For a draft without a date: the date the money would be computed on (the issue form's date). */
export const ZDateQuery = z.strictObject({ decidedOn: ZCalendarDate.optional() });
export const ZYearQuery = z.strictObject({ year: zYear });

export const ZPaymentRequest = z.strictObject({
  amount: zMoney,
  paidOn: ZCalendarDate,
  note: z.string().trim().max(500).nullish(),
  /** 0 for the first payment recorded for this awardee. */
  version: z.number().int().min(0),
});

export const ZBudgetRequest = z.strictObject({
  budget: zMoney,
  note: z.string().trim().max(500).nullish(),
  /** 0 when the year has no budget yet. */
  version: z.number().int().min(0),
});

export const ZDecisionMoney = z.object({
  decisionId: z.number(), status: z.string(), numberText: z.string().nullable(), authorityUnitId: z.number(), authorityName: z.string(),
  external: z.boolean(), awardName: z.string(), decidedOn: z.string(), dateAssumed: z.boolean(), signerName: z.string().nullable(), signerTitle: z.string().nullable(),
  rounding: z.string(),
  items: z.array(z.object({
    awardeeId: z.number(), personId: z.number().nullable(), unitId: z.number().nullable(), name: z.string(), awardCode: z.string(), awardName: z.string(),
    subjectKind: z.string(), coefficient: z.number().nullable(), baseSalary: z.number().nullable(), amount: z.number(), basis: z.string().nullable(),
    revoked: z.object({ revokedOn: z.string(), revokingNumber: z.string() }).nullable(),
    payment: z.object({ amount: z.number(), paidOn: z.string(), note: z.string().nullable(), version: z.number() }).nullable(),
  })),
  total: z.number(), totalInWords: z.string(), paid: z.number(),
  canManage: z.boolean().optional(),
});

export const ZFundCheck = z.object({
  decisionId: z.number(), authorityUnitId: z.number(), authorityName: z.string(), year: z.number(), decidedOn: z.string(), external: z.boolean(),
  budget: z.number().nullable(), committed: z.number(), thisDecision: z.number(), available: z.number().nullable(), remaining: z.number().nullable(), exceeds: z.boolean(),
});

const ZLedgerCore = {
  authorityUnitId: z.number(), authorityName: z.string(), year: z.number(), budget: z.number().nullable(), note: z.string().nullable(), version: z.number(),
  committed: z.number(), paid: z.number(), remaining: z.number().nullable(), unpaid: z.number(),
};
export const ZFundLedger = z.object({
  ...ZLedgerCore,
  decisions: z.array(z.object({ decisionId: z.number(), numberText: z.string(), decidedOn: z.string(), awardees: z.number(), revoked: z.number(), amount: z.number(), paid: z.number() })),
  canManage: z.boolean().optional(),
});
export const ZFundLedgers = z.object({ items: z.array(z.object(ZLedgerCore)), canManage: z.boolean() });
