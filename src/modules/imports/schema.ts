import { z } from 'zod';
import { ZCalendarDate } from '../../shared/dates.ts';
import { ZAuditFilter } from '../audit/schema.ts';

export const ZKindParams = z.object({ kind: z.enum(['people', 'org_units', 'ratings']) });
export const ZJobParams = z.object({ id: z.coerce.number().int().positive() });

const ZIssue = z.object({
  field: z.string(),
  row: z.number().optional(),
  column: z.string().optional(),
  rule: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  /** Ready-made sentence in the request locale, e.g. 'Dòng 5, cột "Số CCCD": 3 số đầu không phải mã tỉnh hợp lệ'. */
  message: z.string(),
});

const ZPreviewItem = z.object({
  row: z.number(),
  action: z.enum(['create', 'update']),
  key: z.string(),
  label: z.string(),
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});

const ZCounts = z.object({ create: z.number(), update: z.number(), unchanged: z.number() });

/** An import job as the client polls it: progress while parsing, then errors or the preview. */
export const ZJobView = z.object({
  id: z.number(),
  kind: z.enum(['people', 'org_units', 'ratings']),
  status: z.enum(['parsing', 'validated', 'invalid', 'applying', 'applied', 'failed']),
  fileName: z.string(),
  totalRows: z.number(),
  processedRows: z.number(),
  /** 0..1, for the progress bar. */
  progress: z.number(),
  counts: ZCounts.nullable(),
  applied: z.object({ created: z.number(), updated: z.number() }).nullable(),
  errorCount: z.number(),
  /** The first 1,000 errors, by row. */
  errors: z.array(ZIssue),
  /** The first 200 changes, by row. */
  preview: z.array(ZPreviewItem),
  failure: z.string().nullable(),
  /** The last apply was interrupted (the server stopped): rolled back, nothing written; it may be applied again. */
  interrupted: z.object({ at: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
});

export const ZListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
export const ZJobList = z.object({ items: z.array(ZJobView) });

export const ZApplyResponse = z.object({ id: z.number(), status: z.literal('applied'), created: z.number(), updated: z.number(), unchanged: z.number() });

export const ZExportPeopleQuery = z.strictObject({
  q: z.string().max(200).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  subtree: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  isLeader: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const ZExportOrgQuery = z.strictObject({ asOf: ZCalendarDate.optional() });

export const ZExportAuditQuery = ZAuditFilter;
