import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';

export const zId = z.coerce.number().int().positive();
const zUnit = z.number().int().positive();
const zNum = z.number().finite().min(-1e12).max(1e12);
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZCriterionInput = z.strictObject({
  field: text(200),
  name: text(300),
  measure: text(500),
  unitOfMeasure: text(50),
  target: zNum,
  direction: z.enum(['at_least', 'at_most', 'done_by_date']),
  dueOn: ZCalendarDate.nullable().default(null),
  weight: z.number().positive().max(100),
  evidenceRequired: z.string().trim().max(1000).default(''),
  leadUnitId: zUnit,
  minValue: zNum,
  maxValue: zNum,
});

export const ZLaunchRequest = z.strictObject({
  title: text(300),
  kind: z.enum(['regular', 'thematic']),
  authorityUnitId: zUnit,
  planDocNumber: text(100),
  planDocDate: ZCalendarDate,
  startsOn: ZCalendarDate,
  endsOn: ZCalendarDate,
  scopeUnitId: zUnit,
  goals: z.string().trim().max(5000).default(''),
  awardCode: text(80),
  candidateThreshold: z.number().min(0).max(100).default(90),
  reportDeadlineDays: z.number().int().min(0).max(60).default(5),
  phases: z.array(z.strictObject({ name: text(200), startsOn: ZCalendarDate, endsOn: ZCalendarDate })).max(20).default([]),
  criteria: z.array(ZCriterionInput).min(1).max(50),
});
export type LaunchInput = z.infer<typeof ZLaunchRequest>;

export const ZRegisterRequest = z.strictObject({
  unitId: zUnit,
  commitments: z.array(z.strictObject({ criterionId: zUnit, committed: zNum })).max(50).default([]),
});
export type RegisterInput = z.infer<typeof ZRegisterRequest>;

export const ZReportRequest = z.strictObject({
  unitId: zUnit,
  periodId: zUnit,
  note: z.string().trim().max(5000).default(''),
  figures: z.array(z.strictObject({ criterionId: zUnit, value: zNum })).min(1).max(50),
  /** The version of the report being corrected; absent for a first report. */
  version: z.number().int().positive().optional(),
});
export type ReportInput = z.infer<typeof ZReportRequest>;

export const ZConcludeRequest = z.strictObject({
  version: z.number().int().positive(),
  senderUnitId: zUnit,
  receiverUnitId: zUnit,
});
export type ConcludeInput = z.infer<typeof ZConcludeRequest>;

export const ZListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const ZDashboardQuery = z.strictObject({
  asOf: ZCalendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const ZCriterion = ZCriterionInput.extend({ id: z.number(), seq: z.number() });
export const ZMovement = z.object({
  id: z.number(), title: z.string(), kind: z.string(), authorityUnitId: z.number(), authorityUnitName: z.string(), planDocNumber: z.string(),
  planDocDate: z.string(), startsOn: z.string(), endsOn: z.string(), scopeUnitId: z.number(), scopeUnitName: z.string(), goals: z.string(),
  awardCode: z.string(), candidateThreshold: z.number(), status: z.enum(['launched', 'concluded']), version: z.number(),
  phases: z.array(z.object({ seq: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string() })),
  periods: z.array(z.object({ id: z.number(), seq: z.number(), label: z.string(), startsOn: z.string(), endsOn: z.string(), deadline: z.string() })),
  criteria: z.array(ZCriterion),
  registrations: z.number(),
});
export const ZMovementList = z.object({ items: z.array(ZMovement.pick({ id: true, title: true, kind: true, authorityUnitId: true, planDocNumber: true, startsOn: true, endsOn: true, scopeUnitId: true, status: true, version: true })) });

export const ZRegistration = z.object({ id: z.number(), unitId: z.number(), version: z.number(), commitments: z.array(z.object({ criterionId: z.number(), committed: z.number() })) });
export const ZReport = z.object({
  id: z.number(), unitId: z.number(), periodId: z.number(), note: z.string(), late: z.boolean(), score: z.number(), version: z.number(), submittedOn: z.string(),
  figures: z.array(z.object({ criterionId: z.number(), value: z.number(), attainment: z.number() })),
});
const ZStatus = z.enum(['on_track', 'behind', 'missing']);
export const ZStatusTable = z.object({
  asOf: z.string(), periodId: z.number().nullable(),
  units: z.array(z.object({ unitId: z.number(), unitName: z.string(), criteria: z.array(z.object({ criterionId: z.number(), status: ZStatus, value: z.number().nullable(), periodId: z.number().nullable() })) })),
});
export const ZConclusion = z.object({
  results: z.array(z.object({ unitId: z.number(), unitName: z.string(), score: z.number(), candidate: z.boolean(), reasons: z.string(), dossierId: z.number().nullable() })),
  dossierIds: z.array(z.number()),
});
export const ZDashboard = z.object({
  asOf: z.string(),
  units: z.number(),
  periods: z.array(z.object({ id: z.number(), label: z.string(), deadline: z.string(), reports: z.number(), late: z.number(), avgScore: z.number().nullable() })),
  criteria: z.array(z.object({ criterionId: z.number(), name: z.string(), byPeriod: z.array(z.object({ periodId: z.number(), reported: z.number(), onTarget: z.number(), avgAttainment: z.number().nullable() })) })),
  unitRows: z.array(z.object({ unitId: z.number(), unitName: z.string(), scores: z.array(z.number().nullable()), latestScore: z.number().nullable(), missingDue: z.number() })),
  laggards: z.array(z.object({ unitId: z.number(), unitName: z.string(), latestScore: z.number().nullable(), missingDue: z.number() })),
});
