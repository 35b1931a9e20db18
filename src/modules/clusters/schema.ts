import { z } from 'zod';

export const zId = z.coerce.number().int().positive();
const zUnit = z.number().int().positive();
const zVersion = z.number().int().positive();
export const zYear = z.coerce.number().int().min(2000).max(2100);

export const ZCreateClusterRequest = z.strictObject({
  kind: z.enum(['cluster', 'block']),
  name: z.string().trim().min(1).max(300),
  authorityUnitId: zUnit,
  sheetId: z.string().min(1).max(80),
  flagCount: z.number().int().min(0).max(20).default(1),
  meritCount: z.number().int().min(0).max(50).default(2),
  invented: z.boolean().optional(),
});

export const ZYearRequest = z.strictObject({
  version: zVersion,
  memberUnitIds: z.array(zUnit).min(1).max(200),
  headUnitId: zUnit,
  deputyUnitId: zUnit.nullable().default(null),
});

const ZScoreEntry = z.strictObject({
  criterion: z.string().min(1).max(80),
  points: z.number().min(-1000).max(1000).optional(),
  count: z.number().int().min(0).max(10_000).optional(),
  passed: z.boolean().optional(),
});
export const ZScoresRequest = z.strictObject({ version: zVersion, scores: z.array(ZScoreEntry).max(500), reason: z.string().max(2000).nullish() });
export const ZVersionRequest = z.strictObject({ version: zVersion });
export const ZConflictRequest = z.strictObject({ unitId: zUnit, reason: z.string().trim().min(1).max(2000) });

export const ZYearParams = z.object({ id: zId, year: zYear });
export const ZCardParams = z.object({ id: zId, year: zYear, unitId: zId });
export const ZListQuery = z.object({ year: zYear });

export const ZCluster = z.object({
  id: z.number(), kind: z.enum(['cluster', 'block']), name: z.string(), authorityUnitId: z.number(), authorityName: z.string(),
  sheetId: z.string(), flagCount: z.number(), meritCount: z.number(), invented: z.boolean(), version: z.number(), members: z.number(),
});
export const ZClusterList = z.object({ items: z.array(ZCluster) });

const ZMember = z.object({ unitId: z.number(), name: z.string(), active: z.boolean(), movedFromUnitId: z.number().nullable(), movedToUnitId: z.number().nullable(), movedOn: z.string().nullable() });
const ZRole = z.object({ year: z.number(), headUnitId: z.number(), headName: z.string(), deputyUnitId: z.number().nullable(), deputyName: z.string().nullable(), setAt: z.string() });
export const ZYear = z.object({
  cluster: ZCluster,
  year: z.number(),
  members: z.array(ZMember),
  role: ZRole.nullable(),
  roleHistory: z.array(ZRole),
  cards: z.array(z.object({ unitId: z.number(), state: z.string(), total: z.number(), version: z.number() })),
  conflicts: z.array(z.object({ userId: z.number(), unitId: z.number(), reason: z.string() })),
});

export const ZCard = z.object({
  clusterId: z.number(), year: z.number(), unitId: z.number(), unitName: z.string(), state: z.string(), total: z.number(), version: z.number(),
  sheet: z.object({ id: z.string(), name: z.string(), maxTotal: z.number() }),
  scores: z.array(z.object({ criterion: z.string(), name: z.string(), group: z.string(), kind: z.string(), min: z.number(), max: z.number(), selfPoints: z.number().nullable(), verifiedPoints: z.number().nullable(), finalPoints: z.number().nullable() })),
});

const ZTie = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('broken'), by: z.string(), mine: z.number(), theirs: z.number(), otherUnitId: z.number() }),
  z.object({ kind: z.literal('shared'), otherUnitId: z.number() }),
]);
export const ZRanking = z.object({
  clusterId: z.number(), year: z.number(), tieBreak: z.array(z.string()), published: z.boolean(),
  rows: z.array(z.object({ rank: z.number(), unitId: z.number(), name: z.string(), state: z.string(), total: z.number(), groups: z.record(z.string(), z.number()), tie: ZTie, explanation: z.string() })),
});
export const ZSpread = z.object({ items: z.array(z.object({ reviewerId: z.number(), stage: z.string(), n: z.number(), mean: z.number(), stddev: z.number().nullable(), min: z.number(), max: z.number(), meanChange: z.number() })) });
export const ZProposal = z.object({ items: z.array(z.object({ awardCode: z.string(), dossierId: z.number(), unitIds: z.array(z.number()) })) });
