import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { type Scope, resolveScope } from '../modules/auth/scope.ts';
import type { AuthUser, Permission } from '../modules/auth/roles.ts';
import { rootsFor } from '../modules/auth/roles.ts';
import type { Actor } from '../modules/audit/audit.ts';
import { AppError } from '../shared/errors.ts';
import type { Queryable } from './db.ts';

/** @throws AppError UNAUTHENTICATED when nobody is signed in. */
export function requireUser(req: FastifyRequest): AuthUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}

/**
 * Checks that the signed-in user holds `permission` somewhere and returns where (the scope to push into SQL).
 * @throws AppError UNAUTHENTICATED | FORBIDDEN
 */
export async function authorize(req: FastifyRequest, q: Queryable, permission: Permission): Promise<Scope> {
  const user = requireUser(req);
  if (rootsFor(user, permission).length === 0) throw new AppError('FORBIDDEN', { permission });
  return resolveScope(q, user, permission);
}

/**
 * The signed-in user when they hold `permission` somewhere (403 otherwise), without resolving the scope: for a
 * use case that resolves it itself, inside its transaction.
 */
export function requirePermission(req: FastifyRequest, permission: Permission): AuthUser {
  const user = requireUser(req);
  if (rootsFor(user, permission).length === 0) throw new AppError('FORBIDDEN', { permission });
  return user;
}

/**
 * The response schema of a route that answers a file, not JSON (an .xlsx, a backup): the API description, and so
 * the web app's generated types (web/src/api-types.ts), say what comes back; the bytes are sent as they are.
 * @example app.get('/exports/users', { schema: { response: { 200: fileResponse(XLSX_TYPE, 'The accounts as an .xlsx workbook') } } }, …)
 */
export const fileResponse = (mediaType: string, description: string) => ({
  description,
  // z.file() describes the answer as binary; the handler sends a Buffer or a stream, which Fastify writes as it is.
  content: { [mediaType]: { schema: z.file() as unknown as z.ZodType<Buffer | Readable> } },
});

/** The audit actor of a request. */
export function actorOf(req: FastifyRequest): Actor {
  const user = requireUser(req);
  return { id: user.id, name: user.username };
}
