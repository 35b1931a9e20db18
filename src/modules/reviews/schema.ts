import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { CANDIDATE_OUTCOMES, REVIEW_STATUSES } from './types.ts';

export const zId = z.coerce.number().int().positive();
const zIds = z.array(z.number().int().positive()).max(5000);

export const ZCreateReviewRequest = z.strictObject({ orgUnitId: z.number().int().positive(), year: z.number().int().min(1945).max(2100) });
export const ZListQuery = z.object({ year: z.coerce.number().int().min(1945).max(2100).optional() });
export const ZChooseRequest = z.strictObject({ version: z.number().int().positive(), include: zIds.default([]), exclude: zIds.default([]) });
export const ZCouncilRequest = z.strictObject({
  version: z.number().int().positive(),
  title: z.string().trim().min(1).max(300),
  meetsOn: ZCalendarDate,
  ballot: z.enum(['paper', 'app']),
  members: z.array(z.strictObject({
    name: z.string().trim().min(1).max(200), role: z.enum(['chair', 'vice_chair', 'member', 'secretary']),
    userId: z.number().int().positive().nullish(), personId: z.number().int().positive().nullish(),
  })).min(1).max(200),
});
export const ZVersionRequest = z.strictObject({ version: z.number().int().positive() });

const ZRuleText = z.object({ vi: z.string(), en: z.string(), basis: z.string(), uncertain: z.boolean() });
export const ZCandidate = z.object({
  id: z.number(),
  subjectKind: z.enum(['individual', 'collective']),
  personId: z.number().nullable(),
  unitId: z.number().nullable(),
  name: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  engineStatus: z.enum(['eligible', 'needs_review']),
  status: z.enum(['eligible', 'needs_review']),
  registration: z.enum(['registered', 'missing', 'not_required']),
  registrationRule: ZRuleText.nullable(),
  reason: z.object({ vi: z.string(), en: z.string(), missing: z.array(z.string()), missingEn: z.array(z.string()) }),
  included: z.boolean(),
  vote: z.object({ yes: z.number().nullable(), no: z.number().nullable(), blank: z.number().nullable(), passed: z.boolean(), ruleVi: z.string(), ruleEn: z.string(), basis: z.string() }).nullable(),
  outcome: z.enum(CANDIDATE_OUTCOMES).nullable(),
  decisionId: z.number().nullable(),
  dossierId: z.number().nullable(),
});
export const ZReviewSummary = z.object({
  id: z.number(), orgUnitId: z.number(), unitName: z.string(), year: z.number(), asOf: z.string(), ruleSetId: z.string(),
  status: z.enum(REVIEW_STATUSES), councilSessionId: z.number().nullable(), version: z.number(), concludedAt: z.string().nullable(),
});
export const ZReview = ZReviewSummary.extend({
  councilStatus: z.enum(['open', 'closed']).nullable(),
  candidates: z.array(ZCandidate),
  actions: z.object({ canManage: z.boolean() }),
});
export const ZReviewList = z.object({ items: z.array(ZReviewSummary) });
