import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { UNIT_KINDS } from './types.ts';

export const zDate = ZCalendarDate;
export const zId = z.coerce.number().int().positive();

export const ZUnit = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.number().nullable(),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  version: z.number(),
});

export const ZTreeQuery = z.strictObject({ asOf: zDate.optional() });
export const ZTreeResponse = z.object({ asOf: z.string(), units: z.array(ZUnit) });

const zCode = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9._-]+$/);
const zName = z.string().trim().min(1).max(300);

export const ZCreateUnitRequest = z.strictObject({
  code: zCode,
  kind: z.enum(UNIT_KINDS),
  name: zName,
  shortName: z.string().trim().max(100).nullish(),
  parentId: z.number().int().positive().nullable(),
  establishedOn: zDate,
});

export const ZChangeUnitRequest = z.strictObject({
  version: z.number().int().positive(),
  effectiveOn: zDate,
  name: zName.optional(),
  shortName: z.string().trim().max(100).nullish(),
  parentId: z.number().int().positive().nullable().optional(),
  note: z.string().max(1000).nullish(),
});

export const ZDissolveRequest = z.strictObject({
  version: z.number().int().positive(),
  effectiveOn: zDate,
  note: z.string().max(1000).nullish(),
});

const ZNewUnit = z.strictObject({
  code: zCode,
  kind: z.enum(UNIT_KINDS),
  name: zName,
  shortName: z.string().trim().max(100).nullish(),
  parentId: z.number().int().positive().nullable().optional(),
});

export const ZMergeRequest = z.strictObject({
  sourceIds: z.array(z.number().int().positive()).min(1).max(50),
  target: z.union([z.strictObject({ unitId: z.number().int().positive() }), ZNewUnit]),
  effectiveOn: zDate,
  note: z.string().max(1000).nullish(),
});

export const ZSplitRequest = z.strictObject({
  sourceId: z.number().int().positive(),
  successors: z.array(ZNewUnit).min(2).max(20),
  peopleTo: z.number().int().min(0).optional(),
  effectiveOn: zDate,
  note: z.string().max(1000).nullish(),
});

const ZLink = z.object({ unitId: z.number(), code: z.string(), name: z.string(), eventKind: z.string(), effectiveOn: z.string() });

export const ZUnitDetail = z.object({
  unit: ZUnit,
  path: z.array(z.object({ id: z.number(), name: z.string() })),
  versions: z.array(z.object({ name: z.string(), shortName: z.string().nullable(), parentId: z.number().nullable(), parentName: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable(), eventKind: z.string().nullable() })),
  events: z.array(z.object({ id: z.number(), kind: z.string(), effectiveOn: z.string(), note: z.string().nullable(), unitIds: z.array(z.number()), createdAt: z.string(), correctsEventId: z.number().nullable() })),
  predecessors: z.array(ZLink),
  successors: z.array(ZLink),
  lineageIds: z.array(z.number()),
  actions: z.object({ canEdit: z.boolean() }),
});
