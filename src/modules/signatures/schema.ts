import { z } from 'zod';

export const zId = z.coerce.number().int().positive();
export const ZDecisionParams = z.object({ id: zId });
export const ZCopyParams = z.object({ id: zId, copyId: zId });
export const ZRootParams = z.object({ id: zId });
export const ZVersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });

export const ZSignedCopy = z.object({
  id: z.number(), decisionId: z.number(), fileName: z.string(), sizeBytes: z.number(), sha256: z.string(),
  signerName: z.string(), organisation: z.string().nullable(), serial: z.string(), issuerName: z.string().nullable(),
  signedAt: z.string().nullable(), subFilter: z.string(), digestAlgorithm: z.string(), verifiedAt: z.string(), uploadedAt: z.string(),
});
/** A decision's signed copies, newest first (the first is the one in force), and whether the reader may upload one. */
export const ZSignedCopies = z.object({ items: z.array(ZSignedCopy), canUpload: z.boolean() });

export const ZTrustRoot = z.object({
  id: z.number(), label: z.string(), subject: z.string(), fingerprintSha256: z.string(), notBefore: z.string(), notAfter: z.string(),
  version: z.number(), createdAt: z.string(),
});
export const ZTrustRoots = z.object({ items: z.array(ZTrustRoot), configuredCount: z.number() });
export const ZAddTrustRootRequest = z.strictObject({
  label: z.string().trim().min(1).max(200),
  /** The root certificate as PEM text ("-----BEGIN CERTIFICATE-----…"); `content` is a field allowed to hold line breaks. */
  content: z.string().min(100).max(20_000),
});
export const ZRemoved = z.object({ removed: z.literal(true) });
