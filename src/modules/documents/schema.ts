import { z } from 'zod';
import { DOCUMENT_KINDS } from './model.ts';

export const zId = z.coerce.number().int().positive();
export const ZFormatQuery = z.strictObject({ format: z.enum(['docx', 'pdf']).default('pdf') });
const ZContent = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const ZDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  refId: z.number(),
  status: z.enum(['draft', 'issued']),
  content: ZContent,
  edited: z.array(z.string()),
  version: z.number(),
  issuedAt: z.string().nullable(),
  docxSha256: z.string().nullable(),
  pdfSha256: z.string().nullable(),
  problem: z.object({ code: z.string(), field: z.string().nullable() }).nullable(),
});

/** An edit of a draft's text: the keys of the kind only (checked per kind, content.ts). */
export const ZSaveDraftRequest = z.strictObject({ version: z.number().int().positive(), content: z.record(z.string(), z.unknown()) });
export const ZIssueRequest = z.strictObject({ version: z.number().int().positive() });

const zLine = z.string().trim().max(2000);
const zShort = z.string().trim().max(500);
export const ZWordingFields = {
  parentBody: zShort, issuingBody: zShort.min(1), bodyAbbrev: z.string().trim().min(1).max(40).regex(/^\S+$/, 'không có dấu cách'), place: zShort.min(1),
  headTitle: zShort.min(1), authorityLine: zShort.min(1), collectiveLine: zShort, bases: z.array(zLine.min(1)).max(30), proposer: zLine,
  executors: zLine, recipients: z.array(zShort.min(1)).max(30), archive: zShort.min(2),
};
export const ZUpdateWordingRequest = z.strictObject({ ...ZWordingFields, version: z.number().int().positive() });
export const ZCreateWordingRequest = z.strictObject({ unitId: z.number().int().positive() });
export const ZWording = z.object({
  id: z.number(), unitId: z.number().nullable(), unitKind: z.string().nullable(), unitName: z.string().nullable(),
  parentBody: z.string(), issuingBody: z.string(), bodyAbbrev: z.string(), place: z.string(), headTitle: z.string(), authorityLine: z.string(),
  collectiveLine: z.string(), bases: z.array(z.string()), proposer: z.string(), executors: z.string(), recipients: z.array(z.string()), archive: z.string(),
  version: z.number(),
});
export const ZWordingList = z.object({ items: z.array(ZWording) });
