import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { CATEGORIES, GENDERS, RATINGS } from './types.ts';

const zDate = ZCalendarDate;
const zName = z.string().trim().min(1).max(200);

export const ZSearchQuery = z.strictObject({
  q: z.string().max(200).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  asOf: zDate.optional(),
  isLeader: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const ZPersonSummary = z.object({
  id: z.number(), nationalId: z.string(), fullName: z.string(), gender: z.enum(GENDERS).nullable(), birthDate: z.string().nullable(),
  currentUnitId: z.number().nullable(), currentUnitName: z.string().nullable(), position: z.string().nullable(), isLeader: z.boolean().nullable(),
  personalDataMasked: z.boolean(),
});

export const ZSearchResponse = z.object({ items: z.array(ZPersonSummary), hasMore: z.boolean() });

export const ZEmploymentInput = z.strictObject({
  unitId: z.number().int().positive(),
  position: z.string().trim().min(1).max(200),
  category: z.enum(CATEGORIES),
  isLeader: z.boolean(),
  fromDate: zDate,
});

export const ZCreatePersonRequest = z.strictObject({
  nationalId: z.string().trim(),
  fullName: zName,
  gender: z.enum(GENDERS).nullable(),
  birthDate: zDate.nullable(),
  employment: ZEmploymentInput,
});

export const ZUpdatePersonRequest = z.strictObject({
  version: z.number().int().positive(),
  nationalId: z.string().trim().optional(),
  fullName: zName.optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  birthDate: zDate.nullable().optional(),
});

export const ZTransferRequest = ZEmploymentInput.extend({ version: z.number().int().positive() }).strict();

export const ZPersonDetail = z.object({
  id: z.number(), nationalId: z.string(), fullName: z.string(), gender: z.enum(GENDERS).nullable(), birthDate: z.string().nullable(),
  currentUnitId: z.number().nullable(), version: z.number(), isLeader: z.boolean(),
  employments: z.array(z.object({ id: z.number(), unitId: z.number(), unitCode: z.string(), unitName: z.string(), position: z.string(), category: z.enum(CATEGORIES), isLeader: z.boolean(), fromDate: z.string(), toDate: z.string().nullable(), endReason: z.string().nullable() })),
  years: z.array(z.object({ year: z.number(), rating: z.enum(RATINGS).nullable(), titles: z.array(z.string()) })),
  awards: z.array(z.object({ id: z.number(), formCode: z.string(), awardType: z.string(), decisionNo: z.string().nullable(), decisionDate: z.string(), periodFrom: z.number().nullable(), periodTo: z.number().nullable(), revokedOn: z.string().nullable() })),
  personalDataMasked: z.boolean(),
  actions: z.object({ canEdit: z.boolean(), canRevealPersonalData: z.boolean() }),
});

/** Full CCCD and birth date of one person (an audited read). */
export const ZPersonalData = z.object({ id: z.number(), nationalId: z.string(), birthDate: z.string().nullable(), personalDataMasked: z.boolean() });

const ZUnitRecord = { unitId: z.number(), unitName: z.string(), inherited: z.boolean() };
export const ZUnitRecords = z.object({
  titles: z.array(z.object({ ...ZUnitRecord, year: z.number(), titleCode: z.string(), decisionNo: z.string().nullable(), decisionDate: z.string().nullable() })),
  awards: z.array(z.object({ ...ZUnitRecord, formCode: z.string(), awardType: z.string(), decisionNo: z.string().nullable(), decisionDate: z.string(), periodFrom: z.number().nullable(), periodTo: z.number().nullable() })),
});

/** A person's works: initiatives recognised by a council and science projects (works.ts). */
const ZWorkScope = z.enum(['grassroots', 'ministerial_provincial', 'national']);
export const ZWork = z.object({
  id: z.number(), kind: z.enum(['initiative', 'science']), year: z.number(), name: z.string(), scope: ZWorkScope,
  recognisedOn: z.string().nullable(), accepted: z.boolean().nullable(), usedForAward: z.string().nullable(), revokedOn: z.string().nullable(),
});
export const ZWorks = z.object({ items: z.array(ZWork) });
export const ZAddWorkRequest = z.strictObject({
  kind: z.enum(['initiative', 'science']),
  year: z.number().int().min(1945).max(2100),
  name: z.string().trim().min(3).max(500),
  scope: ZWorkScope,
  recognisedOn: zDate.nullish(),
  accepted: z.boolean().nullish(),
});
export const ZWithdrawWorkRequest = z.strictObject({ on: zDate });
export const ZWorkParams = z.object({ id: z.coerce.number().int().positive(), kind: z.enum(['initiative', 'science']), workId: z.coerce.number().int().positive() });
