/**
 * Requests and answers of the eligibility routes (routes.ts). The answers are what reaches the wire: a field
 * missing here is dropped from the JSON (fastify-type-provider-zod serializes through these), and the web app's
 * types are generated from them (web/src/api-types.ts). eligibility.api.test.ts holds each answer equal to what the
 * use case returns, so a field added there and not here fails a test.
 */
import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { SUBJECT_KINDS } from '../rules/contract.ts';

const zDate = ZCalendarDate;
const zYear = z.coerce.number().int().min(2000).max(2100);
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---- requests

export const ZIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZAsOfQuery = z.strictObject({ asOf: zDate.optional() });
export const ZPanelQuery = z.strictObject({ asOf: zDate.optional(), year: zYear.optional() });

export const ZDiscoveryQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: zYear.optional(),
  asOf: zDate.optional(),
  award: z.string().optional(),
  status: z.enum(['eligible', 'near', 'needs_review', 'all']).default('all'),
  subject: z.enum(['individual', 'collective']).optional(),
  leader: zBool.optional(),
  gender: z.enum(['female', 'male']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type DiscoveryQuery = z.infer<typeof ZDiscoveryQuery>;

export const ZBatchRequest = z.strictObject({
  asOf: zDate.optional(),
  year: zYear.optional(),
  items: z.array(z.strictObject({ personId: z.number().int().positive().optional(), unitId: z.number().int().positive().optional(), award: z.string().min(1) })).min(1).max(2000),
});

export const ZSettingParams = z.object({ key: z.string() });
export const ZSettingRequest = z.strictObject({ value: z.union([z.number(), z.boolean(), z.string()]), version: z.number().int().min(0) });

export const ZQuotasQuery = z.strictObject({ year: zYear.optional() });
export const ZQuotaRequest = z.strictObject({
  award: z.string().min(1),
  unitId: z.number().int().positive().nullable().optional(),
  year: z.number().int().min(2000).max(2100).nullable().optional(),
  max: z.number().int().min(0).max(1_000_000),
  basis: z.string().trim().min(1).max(500),
});

// ---- answers

const ZCriterionResult = z.object({
  id: z.string(),
  met: z.boolean(),
  status: z.enum(['met', 'unmet', 'review']),
  reason: z.string(),
  reasonEn: z.string(),
  basis: z.string(),
  /** How far an unmet criterion is from met (1 = one more year or item); absent when only time past a block helps. */
  gap: z.number().optional(),
  duplicate: z.enum(['same', 'higher', 'pending']).optional(),
  /** Sub-criteria of an any_of / all_of group. */
  get children() {
    return z.array(ZCriterionResult).optional();
  },
  // A recursive schema is described once, as a named component the answers refer to (OpenAPI, web/src/api-types.ts).
}).meta({ id: 'CriterionResult' });

/** One award checked for one subject (rules/contract.ts `EligibilityResult`). */
export const ZEligibilityResult = z.object({
  award: z.string(),
  awardName: z.string(),
  awardNameEn: z.string(),
  ruleSet: z.string(),
  ruleSetUncertain: z.boolean(),
  year: z.number(),
  eligible: z.union([z.boolean(), z.literal('needs_review')]),
  evaluated: z.boolean(),
  criteria: z.array(ZCriterionResult),
  missing: z.array(z.string()),
  missingEn: z.array(z.string()),
  stepsAway: z.number().nullable(),
  reasonVi: z.string(),
  reasonEn: z.string(),
  alternatives: z.array(z.object({ textVi: z.string(), textEn: z.string(), basis: z.string() })),
  transition: z.object({ applied: z.string(), compared: z.string(), noteVi: z.string(), noteEn: z.string() }).optional(),
  duplicate: z.enum(['same', 'higher', 'pending']).nullable(),
  reward: z.object({ amount: z.number(), coefficient: z.number(), baseSalary: z.number(), basis: z.string() }).nullable(),
});

const ZSubjectKind = z.enum(SUBJECT_KINDS);

export const ZAwardsAnswer = z.object({
  /** The rule set in force on the day asked (null: none). */
  ruleSet: z.string().nullable(),
  awards: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), kind: z.enum(['title', 'form', 'city_title']), subjects: z.array(ZSubjectKind),
    legalBasis: z.string(), grantingAuthority: z.array(z.string()), uncertain: z.boolean(),
    /** The rule set holds criteria for it. */
    evaluated: z.boolean(),
    /** Discovery looks for it. */
    discoverable: z.boolean(),
  })),
});

/** Every award of a subject's panel (service.ts `Panel`). */
export const ZPanel = z.object({
  subject: z.object({ kind: ZSubjectKind, id: z.number(), name: z.string() }),
  asOf: z.string(),
  year: z.number(),
  ruleSet: z.string(),
  results: z.array(ZEligibilityResult),
});

const ZQuotaViolation = z.object({
  capId: z.number().nullable(), award: z.string(), awardName: z.string(), unitId: z.number().nullable(), unitName: z.string().nullable(), year: z.number(),
  max: z.number(), used: z.number(), proposed: z.number(), count: z.number(), basis: z.string(), messageVi: z.string(), messageEn: z.string(),
});

export const ZBatchAnswer = z.object({
  items: z.array(z.object({ personId: z.number().nullable(), unitId: z.number().nullable(), award: z.string(), name: z.string(), result: ZEligibilityResult })),
  quotaViolations: z.array(ZQuotaViolation),
});

/** A hit of discovery with its texts (discovery.ts `DiscoveryRow`). */
const ZDiscoveryRow = z.object({
  key: z.string(),
  subjectKind: ZSubjectKind,
  personId: z.number().nullable(),
  unitId: z.number().nullable(),
  name: z.string(),
  unitName: z.string().nullable(),
  isLeader: z.boolean().nullable(),
  gender: z.enum(['female', 'male']).nullable(),
  members: z.number().nullable(),
  award: z.string(),
  status: z.enum(['eligible', 'near', 'needs_review']),
  highlight: z.boolean(),
  awardName: z.string(),
  awardNameEn: z.string(),
  missing: z.array(z.string()),
  missingEn: z.array(z.string()),
  reasonVi: z.string(),
  reasonEn: z.string(),
  duplicate: z.object({ kind: z.enum(['awarded', 'pending']), textVi: z.string(), textEn: z.string() }).nullable(),
});

export const ZDiscoveryPage = z.object({
  year: z.number(),
  asOf: z.string(),
  ruleSet: z.string().nullable(),
  /** Subjects screened. */
  examined: z.number(),
  /** More hits than one answer keeps (service.ts MAX_DISCOVERY_HITS): narrow the filter. */
  truncated: z.boolean(),
  total: z.number(),
  counts: z.object({ eligible: z.number(), near: z.number(), needsReview: z.number() }),
  rows: z.array(ZDiscoveryRow),
});

const ZSettingValue = z.union([z.number(), z.boolean(), z.string()]);
/** A setting of the law's uncertain values, with its current value (catalogue/settings-repo.ts `StoredSetting`). */
export const ZSetting = z.object({
  key: z.string(),
  type: z.enum(['number', 'boolean', 'enum']),
  defaultValue: ZSettingValue,
  options: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  uncertain: z.boolean(),
  basis: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  noteVi: z.string().optional(),
  noteEn: z.string().optional(),
  value: ZSettingValue,
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export const ZSettingsAnswer = z.object({ settings: z.array(ZSetting) });

/** A cap and what is used under it (quotas-repo.ts `QuotaView`). */
const ZQuotaView = z.object({
  id: z.number().nullable(),
  award: z.string(),
  awardName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  year: z.number().nullable(),
  max: z.number(),
  basis: z.string(),
  /** Null for a cap that binds the caller from above: its count covers units outside their scope. */
  used: z.number().nullable(),
  /** The year `used` counts (the cap's own, else the one asked). */
  usedYear: z.number(),
});
export const ZQuotasAnswer = z.object({ year: z.number(), quotas: z.array(ZQuotaView) });
export const ZCreated = z.object({ id: z.number() });
