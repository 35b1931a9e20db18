import { z } from 'zod';
import { PERMISSIONS, ROLES } from './roles.ts';

export const ZLoginRequest = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export const ZRoleAssignment = z.strictObject({ role: z.enum(ROLES), orgUnitId: z.number().int().positive() });

export const ZMe = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), locale: z.enum(['vi', 'en']), mustChangePassword: z.boolean(),
  /** A second factor is enrolled; required and not yet enrolled: the account must enrol before anything else. */
  mfaEnabled: z.boolean(), mfaEnrolmentRequired: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgUnitId: z.number(), orgUnitName: z.string().nullable() })),
  permissions: z.array(z.enum(PERMISSIONS)),
  /** The city's time zone (CITY_TIME_ZONE): the web app takes "today" in it, not in the browser's (shared/clock.ts). */
  timeZone: z.string(),
});

/** The password was right and a second factor is enrolled: POST /auth/login/mfa completes the sign-in. */
export const ZMfaChallenge = z.object({ mfaRequired: z.literal(true), rememberDays: z.number() });
export const ZLoginResponse = z.union([ZMe, ZMfaChallenge]);

const ZTotpCode = z.string().trim().regex(/^\d{6}$/);
const ZRecoveryCode = z.string().trim().min(16).max(40);
/** Exactly one of a 6-digit code of the authenticator app or a recovery code. */
const oneFactor = (v: { code?: string; recoveryCode?: string }) => (v.code === undefined) !== (v.recoveryCode === undefined);

export const ZMfaLoginRequest = z.strictObject({ code: ZTotpCode.optional(), recoveryCode: ZRecoveryCode.optional(), rememberDevice: z.boolean().optional() })
  .refine(oneFactor, { message: 'required', path: ['code'] });
export const ZMfaCodeRequest = z.strictObject({ code: ZTotpCode });
export const ZMfaDisableRequest = z.strictObject({ currentPassword: z.string().min(1).max(200), code: ZTotpCode.optional(), recoveryCode: ZRecoveryCode.optional() })
  .refine(oneFactor, { message: 'required', path: ['code'] });
export const ZMfaStatus = z.object({ enabled: z.boolean(), enabledAt: z.string().nullable(), required: z.boolean(), recoveryCodesLeft: z.number() });
export const ZMfaEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvgDataUrl: z.string() });
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const ZChangePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });
export const ZLocaleRequest = z.strictObject({ locale: z.enum(['vi', 'en']) });
/** The answer of a write that has nothing else to say (sign-out, own password, locale, turning off the second factor). */
export const ZOk = z.object({ ok: z.boolean() });

export const ZUser = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), email: z.string().nullable(), disabled: z.boolean(), locked: z.boolean(), mustChangePassword: z.boolean(),
  mfaEnabled: z.boolean(), locale: z.enum(['vi', 'en']), version: z.number(), lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgUnitId: z.number(), orgUnitName: z.string().nullable() })),
});

export const ZCreateUserRequest = z.strictObject({
  username: z.string().trim().min(3).max(60).regex(/^[a-zA-Z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().max(200),
  roles: z.array(ZRoleAssignment).max(20),
  email: z.email().max(254).nullish(),
});

export const ZUpdateUserRequest = z.strictObject({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(254).nullable().optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  roles: z.array(ZRoleAssignment).max(20).optional(),
  resetPassword: z.string().max(200).optional(),
  resetMfa: z.literal(true).optional(),
});
