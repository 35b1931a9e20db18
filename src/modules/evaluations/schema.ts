import { z } from 'zod';
import { RATINGS } from '../../shared/enums.ts';

export const zId = z.coerce.number().int().positive();
export const zYear = z.coerce.number().int().min(1945).max(2200);
const zRating = z.enum(RATINGS);
const zPeerGroup = z.string().trim().min(1).max(60);

export const ZSheet = z.strictObject({
  /** Points by criterion code of the scheme's sheet (every criterion, 0..max). */
  scores: z.record(z.string().max(20), z.number().min(0).max(100)),
  /** Disqualifying breaches (make the rating "not completed" whatever the score). */
  vetoes: z.array(z.string().max(60)).max(20).default([]),
});

export const ZEvaluation = z.object({
  id: z.number(),
  year: z.number(),
  subjectKind: z.enum(['individual', 'collective']),
  personId: z.number().nullable(),
  unitId: z.number(),
  groupUnitId: z.number(),
  peerGroup: z.string(),
  schemeId: z.string(),
  status: z.enum(['open', 'self_assessed', 'proposed', 'decided']),
  selfRating: zRating.nullable(),
  selfSheet: z.object({ scores: z.record(z.string(), z.number()), vetoes: z.array(z.string()) }).nullable(),
  selfScore: z.number().nullable(),
  proposedRating: zRating.nullable(),
  proposedSheet: z.object({ scores: z.record(z.string(), z.number()), vetoes: z.array(z.string()) }).nullable(),
  proposedScore: z.number().nullable(),
  decidedRating: zRating.nullable(),
  decidedScore: z.number().nullable(),
  decidedBy: z.number().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  source: z.enum(['manual', 'import']),
  version: z.number(),
});

export const ZEvaluationRow = ZEvaluation.extend({ subjectName: z.string() });

export const ZCapGroup = z.object({
  groupUnitId: z.number(),
  subjectKind: z.string(),
  peerGroup: z.string(),
  schemeId: z.string(),
  outstanding: z.boolean(),
  excellent: z.number(),
  good: z.number(),
  base: z.number(),
  pct: z.number(),
  max: z.number(),
  over: z.boolean(),
  /** Proposed (not yet decided) excellent ratings in the group: what deciding them all would add. */
  proposedExcellent: z.number(),
  basis: z.string(),
});

export const ZListQuery = z.strictObject({ unitId: zId, year: zYear });
export const ZList = z.object({
  unitId: z.number(),
  year: z.number(),
  items: z.array(ZEvaluationRow),
  caps: z.array(ZCapGroup),
  capBase: z.enum(['good', 'good_or_better']),
  actions: z.object({ canWrite: z.boolean(), canDecide: z.boolean() }),
});

export const ZCreate = z.strictObject({
  year: zYear,
  personId: z.number().int().positive().nullish(),
  unitId: z.number().int().positive().nullish(),
  peerGroup: zPeerGroup.nullish(),
}).refine((v) => Boolean(v.personId) !== Boolean(v.unitId), { message: 'exactly one of personId, unitId', path: ['personId'] });

export const ZOpenUnit = z.strictObject({ unitId: z.number().int().positive(), year: zYear, subjects: z.enum(['people', 'units']).default('people') });

export const ZStage = z.strictObject({
  version: z.number().int().positive(),
  rating: zRating.nullish(),
  sheet: ZSheet.nullish(),
  note: z.string().trim().max(2000).nullish(),
});

export const ZDecide = z.strictObject({
  items: z.array(z.strictObject({ id: z.number().int().positive(), version: z.number().int().positive(), rating: zRating.nullish() })).min(1).max(2000),
});

export const ZCapException = z.strictObject({ groupUnitId: z.number().int().positive(), year: zYear, basis: z.string().trim().min(3).max(500) });

const ZLeaf = z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), max: z.number() });
export const ZSchemes = z.object({
  items: z.array(z.object({
    id: z.string(), nameVi: z.string(), nameEn: z.string(), legalBasis: z.string(), effectiveFrom: z.string(), effectiveTo: z.string().nullable(),
    scaleMax: z.number().nullable(),
    bands: z.array(z.object({ rating: zRating, minScore: z.number() })),
    sheet: z.array(ZLeaf.extend({ children: z.array(ZLeaf) })),
    vetoes: z.array(z.object({ id: z.string(), nameVi: z.string(), nameEn: z.string(), subjects: z.array(z.string()), basis: z.string() })),
    cap: z.object({ pct: z.number(), outstandingPct: z.number(), basis: z.string() }).nullable(),
  })),
});
