import type { FastifyRequest } from 'fastify';
import type { Config } from '../../server/config.ts';
import { AppError } from '../../shared/errors.ts';
import { mfaRequiredFor } from './roles.ts';

// What a session may still do while its account owes a step: read itself, leave, set its language, change the password.
const ALWAYS = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'PUT /api/v1/auth/locale', 'POST /api/v1/auth/password']);
// …and, when the second factor is required but not enrolled, enrol it.
const ENROLMENT = new Set(['GET /api/v1/auth/mfa', 'POST /api/v1/auth/mfa/enrolment', 'POST /api/v1/auth/mfa/enrolment/confirm']);

/** The step a signed-in account owes before anything else, if any. */
export function owedStep(user: NonNullable<FastifyRequest['user']>, config: Pick<Config, 'mfaRequired'>): 'PASSWORD_CHANGE_REQUIRED' | 'MFA_ENROLMENT_REQUIRED' | null {
  if (user.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (!user.mfaEnabled && mfaRequiredFor(user, config.mfaRequired)) return 'MFA_ENROLMENT_REQUIRED';
  return null;
}

/**
 * One gate for every API route, run after the session is loaded: an account that must change its password
 * (403 PASSWORD_CHANGE_REQUIRED) or must enrol a second factor (403 MFA_ENROLMENT_REQUIRED) reaches only the
 * routes that let it do so. Enforced here, not in the web app, so the API itself cannot be used around it.
 */
export function sessionGate(config: Pick<Config, 'mfaRequired'>) {
  return async (req: FastifyRequest): Promise<void> => {
    // The matched route pattern, not the raw URL: encodings or extra slashes cannot dress one route as another.
    const pattern = req.routeOptions.url;
    if (!req.user || (pattern !== undefined && !pattern.startsWith('/api/v1/'))) return;
    // Public pages (a certificate's verification) answer everyone alike, signed in or not.
    if (pattern?.startsWith('/api/v1/public/')) return;
    const step = owedStep(req.user, config);
    if (!step) return;
    const route = `${req.method} ${pattern ?? ''}`;
    if (ALWAYS.has(route) || (step === 'MFA_ENROLMENT_REQUIRED' && ENROLMENT.has(route))) return;
    throw new AppError(step);
  };
}
