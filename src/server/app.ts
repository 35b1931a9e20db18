import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { auditRoutes } from '../modules/audit/routes.ts';
import { latestUnitNames } from '../modules/org/names.ts';
import { backupRoutes } from '../modules/backup/routes.ts';
import { calendarRoutes } from '../modules/calendar/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { sessionGate } from '../modules/auth/gate.ts';
import { sharedThrottleStore } from '../modules/auth/throttle-store.ts';
import { SESSION_COOKIE, resolveSession } from '../modules/auth/sessions.ts';
import { importRoutes } from '../modules/imports/routes.ts';
import { orgRoutes } from '../modules/org/routes.ts';
import { peopleRoutes } from '../modules/people/routes.ts';
import { eligibilityRoutes } from '../modules/eligibility/routes.ts';
import { dossierRoutes } from '../modules/dossiers/routes.ts';
import { evaluationRoutes } from '../modules/evaluations/routes.ts';
import { decisionRoutes } from '../modules/decisions/routes.ts';
import { clusterRoutes } from '../modules/clusters/routes.ts';
import { councilRoutes } from '../modules/councils/routes.ts';
import { reviewRoutes } from '../modules/reviews/routes.ts';
import { movementRoutes } from '../modules/movements/routes.ts';
import { documentRoutes } from '../modules/documents/routes.ts';
import { certificateRoutes } from '../modules/certificates/routes.ts';
import { rewardRoutes } from '../modules/rewards/routes.ts';
import { signatureRoutes } from '../modules/signatures/routes.ts';
import { AppError, type FieldIssue } from '../shared/errors.ts';
import { type Locale, errorMessage } from '../shared/i18n/messages.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { migrationState } from './migrate.ts';
import { assertCleanInput, controlCharacterIssue, fromDatabaseError, originHost } from './edge.ts';
import { zodIssueToFieldIssue } from './validation.ts';
import { authorize } from './http.ts';
// Modules that meet at run time without importing each other (auth's scopes over org's tree).
import './wiring.ts';
import { VERSION } from './version.ts';
import { cityTimeZone, cityToday, setCityTimeZone } from '../shared/clock.ts';
import type { AuthUser } from '../modules/auth/roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null;
    sessionToken: string | null;
    locale: Locale;
  }
}

/** GET /api/health: the process, its database and migrations, and the city's clock (CITY_TIME_ZONE, shared/clock.ts). */
const ZHealth = z.object({
  status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string(),
  migrations: z.object({ applied: z.number(), pending: z.number(), latest: z.string().nullable() }),
  timeZone: z.string(), today: z.string(),
});

/** What every module's routes receive. */
export interface ModuleDeps {
  db: Db;
  config: Config;
}

function localeOf(req: FastifyRequest): Locale {
  const header = String(req.headers['accept-language'] ?? '');
  if (req.user) return req.user.locale;
  return header.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** Maps any error to the one error body `{ error: { code, message, details } }`. */
const sizeLabel = (bytes: number) => (bytes >= 1_048_576 ? `${Math.round(bytes / 1_048_576)} MB` : `${Math.round(bytes / 1024)} KB`);

function toAppError(error: FastifyError | AppError | Error, limits?: { body: number; upload: number }): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'body';
    const issues: FieldIssue[] = fe.validation.flatMap((v) => {
      // The provider flattens each Zod issue into { keyword: code, instancePath, params: rest }.
      const zodIssue = { ...v.params, code: v.keyword, path: v.instancePath.split('/').filter(Boolean), message: v.message } as unknown as Parameters<typeof zodIssueToFieldIssue>[0];
      return zodIssueToFieldIssue(zodIssue, where === 'body' ? '' : where);
    });
    return new AppError('VALIDATION_FAILED', { issues });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return new AppError('PAYLOAD_TOO_LARGE', { limit: limits ? sizeLabel(fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? limits.body : limits.upload) : '' });
    // A static path that escapes the web root or holds NUL: as if the file did not exist.
    case 'FST_STATIC_FORBIDDEN_PATH':
      return new AppError('NOT_FOUND');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED');
  if (error instanceof SyntaxError || fe.statusCode === 400) return new AppError('MALFORMED_JSON');
  return fromDatabaseError(error) ?? new AppError('INTERNAL');
}

/**
 * Builds the HTTP app: plugins, error mapping, session loading and every module's routes.
 * @example const app = await buildApp({ db, config }); await app.listen({ port: 3000 });
 */
export async function buildApp(deps: ModuleDeps, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config, db } = deps;
  // Throws on an unknown zone: the server does not start with a misspelt CITY_TIME_ZONE.
  setCityTimeZone(config.cityTimeZone);
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    // A URL that cannot be decoded ("/%E0%A4%A") is answered in the app's error format, not Fastify's.
    frameworkErrors: (_error, req, reply) => {
      // Typed for a route's schema, which this reply (no route matched) does not have.
      void (reply as unknown as FastifyReply).status(400).send({ error: { code: 'MALFORMED_URL', message: errorMessage('MALFORMED_URL', {}, localeOf(req)), details: {} } });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('locale', 'vi');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'], styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'"], fontSrc: ["'self'", 'data:'] },
    },
    hsts: false,
  });
  await app.register(cookie);
  // Sign-in throttle: a server on DATABASE_URL may have sibling instances, so its counters live in the database and
  // all of them count the same attempts (auth/throttle-store.ts); an embedded database has one process (data-dir-lock).
  await app.register(rateLimit, { global: false, ...(config.databaseUrl ? { store: sharedThrottleStore(db) } : {}) });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'vinhdanh API', description: 'Thi đua, khen thưởng — emulation & commendation', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (`.meta({ id })`, e.g. a recursive one) become components the routes refer to.
    transformObject: jsonSchemaTransformObject,
  });

  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error as FastifyError, { body: config.bodyLimitBytes, upload: config.uploadLimitBytes });
    if (appError.code === 'INTERNAL') req.log.error({ err: error }, 'unhandled error');
    // A database error mapped to a 4xx means a route lacks its own check: answered, but worth fixing.
    else if (!(error instanceof AppError) && (error as { severity?: unknown }).severity) req.log.warn({ err: error }, 'database refused a request the route did not check');
    const locale = req.locale ?? 'vi';
    void reply.status(appError.status).send({
      error: { code: appError.code, message: errorMessage(appError.code, appError.details, locale), details: appError.details },
    });
  });

  // Loads the session user and guards writes against cross-site requests.
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token && req.url.startsWith('/api/')) {
      req.user = await resolveSession(db, token, config.sessionHours);
      req.sessionToken = req.user ? token : null;
    }
    req.locale = localeOf(req);
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers.origin !== undefined) {
      const host = (config.trustProxy && req.headers['x-forwarded-host']) || req.headers.host;
      if (originHost(req.headers.origin) !== host) throw new AppError('ORIGIN_MISMATCH');
    }
  });
  // An account that owes a password change or a second factor reaches only the routes to do so (auth/gate.ts).
  app.addHook('onRequest', sessionGate(config));
  // Control characters never reach a use case (or PostgreSQL, which cannot store NUL).
  app.addHook('preValidation', async (req) => {
    // A web-app path with NUL is a file that does not exist, not a form to correct.
    if (!req.url.startsWith('/api/')) {
      if (controlCharacterIssue(req.params, [], false)) throw new AppError('NOT_FOUND');
      return;
    }
    assertCleanInput(req);
  });

  app.get('/api/health', { schema: { hide: true, response: { 200: ZHealth } } }, async () => {
    const state = await migrationState(db);
    return { status: 'ok', database: db.kind, version: VERSION, migrations: state, timeZone: cityTimeZone(), today: cityToday() };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const routeDeps = { db, config };
  await app.register(authRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(orgRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(peopleRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(eligibilityRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(dossierRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(evaluationRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(importRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(decisionRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(councilRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(clusterRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(reviewRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(movementRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(documentRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(certificateRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(rewardRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(signatureRoutes(routeDeps), { prefix: '/api/v1' });
  // audit sits below auth and org: its route is handed their functions.
  await app.register(auditRoutes({ ...routeDeps, authorize, unitNames: latestUnitNames }), { prefix: '/api/v1' });
  await app.register(backupRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(calendarRoutes(routeDeps), { prefix: '/api/v1' });
  await app.register(notificationRoutes(routeDeps), { prefix: '/api/v1' });

  if (existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: true, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET') return reply.status(404).send({ error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', {}, req.locale), details: {} } });
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) => reply.status(404).send({ error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', {}, req.locale), details: {} } }));
  }
  return app;
}
