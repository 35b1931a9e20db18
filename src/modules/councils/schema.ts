import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';

export const zId = z.coerce.number().int().positive();
const zRef = z.number().int().positive().nullish();
const ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const;
const PURPOSES = ['annual_review', 'dossier', 'other'] as const;
const CHOICES = ['yes', 'no', 'blank'] as const;

export const ZOpenSessionRequest = z.strictObject({
  orgUnitId: z.number().int().positive(),
  purpose: z.enum(PURPOSES),
  refId: z.number().int().positive().nullable().default(null),
  title: z.string().trim().min(1).max(300),
  meetsOn: ZCalendarDate,
  ballot: z.enum(['paper', 'app']),
  members: z.array(z.strictObject({ name: z.string().trim().min(1).max(200), role: z.enum(ROLES), userId: zRef, personId: zRef })).min(1).max(200),
  candidates: z.array(z.strictObject({ personId: zRef, unitId: zRef, awardCode: z.string().min(1).max(80), refId: zRef })).min(1).max(2000),
});

export const ZAttendanceRequest = z.strictObject({
  version: z.number().int().positive(),
  members: z.array(z.strictObject({ memberId: z.number().int().positive(), attendance: z.enum(['present', 'absent']), writtenVote: z.boolean().optional() })).min(1).max(200),
});

const zCount = z.number().int().min(0).max(10_000);
export const ZCountsRequest = z.strictObject({
  version: z.number().int().positive(),
  counts: z.array(z.strictObject({ candidateId: z.number().int().positive(), yes: zCount, no: zCount, blank: zCount })).min(1).max(2000),
});

/** One member's secret ballot: a choice per candidate id (a candidate left out counts as blank). */
export const ZBallotRequest = z.strictObject({ choices: z.record(z.string().regex(/^[0-9]{1,18}$/), z.enum(CHOICES)) });
export const ZVersionRequest = z.strictObject({ version: z.number().int().positive() });
export const ZListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZCouncilResult = z.object({
  sessionId: z.number(), orgUnitId: z.number(), purpose: z.enum(PURPOSES), refId: z.number().nullable(), status: z.enum(['open', 'closed']), ballot: z.enum(['paper', 'app']),
  membersTotal: z.number(), present: z.number(), writtenVotes: z.number(), ballotsCast: z.number(),
  quorum: z.object({ requiredPct: z.number(), required: z.number(), met: z.boolean(), basis: z.string(), uncertain: z.boolean() }),
  writtenVotesBasis: z.string(),
  candidates: z.array(z.object({
    candidateId: z.number(), personId: z.number().nullable(), unitId: z.number().nullable(), awardCode: z.string(), awardName: z.string(), refId: z.number().nullable(),
    yes: z.number().nullable(), no: z.number().nullable(), blank: z.number().nullable(),
    thresholdPct: z.number(), strict: z.boolean(), votesNeeded: z.number(), passed: z.boolean(), ruleVi: z.string(), ruleEn: z.string(), basis: z.string(), uncertain: z.boolean(),
  })),
});

export const ZSession = z.object({
  id: z.number(), orgUnitId: z.number(), orgUnitName: z.string(), purpose: z.enum(PURPOSES), refId: z.number().nullable(), title: z.string(), meetsOn: z.string(),
  ballot: z.enum(['paper', 'app']), status: z.enum(['open', 'closed']), version: z.number(),
  members: z.array(z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES), userId: z.number().nullable(), personId: z.number().nullable(), attendance: z.enum(['present', 'absent']), writtenVote: z.boolean(), votedInApp: z.boolean() })),
  candidates: z.array(z.object({ id: z.number(), personId: z.number().nullable(), unitId: z.number().nullable(), name: z.string(), awardCode: z.string(), refId: z.number().nullable() })),
  result: ZCouncilResult,
  me: z.object({ member: z.boolean(), voted: z.boolean(), canManage: z.boolean() }),
});

export const ZSessionList = z.object({
  items: z.array(z.object({
    id: z.number(), orgUnitId: z.number(), purpose: z.enum(PURPOSES), refId: z.number().nullable(), title: z.string(), meetsOn: z.string(),
    ballot: z.enum(['paper', 'app']), status: z.enum(['open', 'closed']), version: z.number(), members: z.number(), candidates: z.number(),
  })),
});
