import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { AWARD_TYPES, DECISION_STATUSES } from './types.ts';

export const zId = z.coerce.number().int().positive();
const zYear = z.number().int().min(1945).max(2100);
const zText = (max: number) => z.string().trim().max(max);
const zRef = z.number().int().positive().nullish();

export const ZAwardeeInput = z.strictObject({
  personId: zRef,
  unitId: zRef,
  awardCode: z.string().max(80).nullish(),
  dossierId: zRef,
  nomineeId: zRef,
});

const decisionFields = {
  authorityUnitId: z.number().int().positive(),
  kind: zText(40).min(3),
  awardCode: z.string().min(1).max(80),
  awardType: z.enum(AWARD_TYPES),
  periodFrom: zYear,
  periodTo: zYear,
  summary: zText(2000).nullish(),
  signerName: zText(200).nullish(),
  signerTitle: zText(200).nullish(),
  decidedOn: ZCalendarDate.nullish(),
  external: z.strictObject({ authority: zText(300).min(1), number: zText(80).min(1) }).nullish(),
  awardees: z.array(ZAwardeeInput).max(5000),
};

export const ZCreateDecisionRequest = z.strictObject(decisionFields);
export const ZUpdateDecisionRequest = z.strictObject({ ...decisionFields, version: z.number().int().positive() });
export const ZIssueRequest = z.strictObject({
  version: z.number().int().positive(),
  decidedOn: ZCalendarDate.nullish(),
  signerName: zText(200).nullish(),
  signerTitle: zText(200).nullish(),
  /** Issue although the reward money exceeds the authority's fund for the year (after a FUND_EXCEEDED answer). */
  acceptFundWarning: z.boolean().optional(),
});
export const ZVersionRequest = z.strictObject({ version: z.number().int().positive() });

export const ZListQuery = z.strictObject({
  status: z.enum(DECISION_STATUSES).optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  awardCode: z.string().max(80).optional(),
  personId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const ZDecisionCore = {
  id: z.number(), authorityUnitId: z.number(), authorityName: z.string(), kind: z.string(), status: z.enum(DECISION_STATUSES),
  year: z.number().nullable(), number: z.number().nullable(), numberText: z.string().nullable(), externalAuthority: z.string().nullable(),
  decidedOn: z.string().nullable(), signerName: z.string().nullable(), signerTitle: z.string().nullable(), summary: z.string().nullable(),
  awardCode: z.string(), awardName: z.string(), awardType: z.enum(AWARD_TYPES), periodFrom: z.number(), periodTo: z.number(),
  version: z.number(), createdAt: z.string(), issuedAt: z.string().nullable(),
};

export const ZDecision = z.object({
  ...ZDecisionCore,
  awardees: z.array(z.object({
    id: z.number(), personId: z.number().nullable(), unitId: z.number().nullable(), name: z.string(), awardCode: z.string(), awardName: z.string(),
    dossierId: z.number().nullable(), nomineeId: z.number().nullable(),
  })),
  actions: z.object({ canEdit: z.boolean(), canIssue: z.boolean() }).optional(),
});

export const ZDecisionList = z.object({
  items: z.array(z.object({ ...ZDecisionCore, awardeeCount: z.number() })),
  total: z.number(),
});
