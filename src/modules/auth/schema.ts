import { z } from 'zod';
import { ROLES } from './roles.ts';

export const ZLoginRequest = z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) });

export const ZRoleAssignment = z.strictObject({ role: z.enum(ROLES), orgUnitId: z.number().int().positive() });

export const ZMe = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), locale: z.enum(['vi', 'en']), mustChangePassword: z.boolean(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgUnitId: z.number(), orgUnitName: z.string().nullable() })),
  permissions: z.array(z.string()),
});

export const ZChangePasswordRequest = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200) });
export const ZLocaleRequest = z.strictObject({ locale: z.enum(['vi', 'en']) });

export const ZUser = z.object({
  id: z.number(), username: z.string(), displayName: z.string(), disabled: z.boolean(), locked: z.boolean(), mustChangePassword: z.boolean(),
  locale: z.enum(['vi', 'en']), version: z.number(), lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ role: z.enum(ROLES), orgUnitId: z.number(), orgUnitName: z.string().nullable() })),
});

export const ZCreateUserRequest = z.strictObject({
  username: z.string().trim().min(3).max(60).regex(/^[a-zA-Z0-9._-]+$/),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().max(200),
  roles: z.array(ZRoleAssignment).max(20),
});

export const ZUpdateUserRequest = z.strictObject({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(200).optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  roles: z.array(ZRoleAssignment).max(20).optional(),
  resetPassword: z.string().max(200).optional(),
});
