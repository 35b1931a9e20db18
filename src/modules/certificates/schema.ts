import { z } from 'zod';

export const zId = z.coerce.number().int().positive();
const zMm = z.number().min(-100).max(100).multipleOf(0.01);

export const ZDecisionParams = z.object({ id: zId });
export const ZCertificateParams = z.object({ id: zId, certificateId: zId });
export const ZPrintQuery = z.strictObject({
  variant: z.enum(['blank', 'colour']).default('blank'),
  /** The printer whose calibration applies (blank print only); none: the blanks' own positions. */
  printer: z.string().trim().min(1).max(120).optional(),
});

export const ZCertificate = z.object({
  id: z.number(), awardeeId: z.number(), name: z.string(), unitName: z.string().nullable(), awardCode: z.string(), awardName: z.string(),
  blankCode: z.string(), registerNumber: z.number(), year: z.number(), registerText: z.string(), code: z.string(), shortCode: z.string(),
  verifyUrl: z.string(), revokedOn: z.string().nullable(),
});
export const ZCertificateList = z.object({ items: z.array(ZCertificate), canPrint: z.boolean() });

export const ZBlank = z.object({ code: z.string(), name: z.string(), awards: z.array(z.string()), isDefault: z.boolean(), widthMm: z.number(), heightMm: z.number() });
export const ZBlankList = z.object({ items: z.array(ZBlank) });

export const ZCalibration = z.object({
  id: z.number(), ownerUnitId: z.number(), ownerUnitName: z.string(), printer: z.string(), blankCode: z.string(), blankName: z.string(),
  offsetXMm: z.number(), offsetYMm: z.number(), note: z.string().nullable(), version: z.number(), updatedAt: z.string(),
});
export const ZCalibrationList = z.object({ items: z.array(ZCalibration) });
export const ZCreateCalibrationRequest = z.strictObject({
  ownerUnitId: z.number().int().positive(),
  printer: z.string().trim().min(1).max(120),
  blankCode: z.string().min(1).max(80),
  offsetXMm: zMm,
  offsetYMm: zMm,
  note: z.string().trim().max(500).nullish(),
});
export const ZUpdateCalibrationRequest = z.strictObject({ offsetXMm: zMm, offsetYMm: zMm, note: z.string().trim().max(500).nullish(), version: z.number().int().positive() });
export const ZTestPageQuery = z.strictObject({ calibrationId: zId.optional() });
export const ZBlankParams = z.object({ code: z.string().min(1).max(80) });

export const ZVerifyParams = z.object({ code: z.string().min(1).max(64) });
export const ZVerification = z.object({
  status: z.enum(['valid', 'revoked', 'unknown']),
  certificate: z.object({
    name: z.string(), unit: z.string().nullable(), award: z.string(), decisionNumber: z.string(), decidedOn: z.string(),
    signedBy: z.object({ name: z.string(), organisation: z.string().nullable(), signedAt: z.string().nullable() }).nullable(),
  }).nullable(),
  revocation: z.object({ revokedOn: z.string(), revokingNumber: z.string(), revokingDate: z.string() }).nullable(),
});
