import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf, authorize, fileResponse } from '../../server/http.ts';
import { inScope, resolveScope } from '../auth/scope.ts';
import { blanks } from './blanks.ts';
import { blankOf, calibrationInScope, createCalibration, listCalibrationsInScope, updateCalibration } from './calibrations.ts';
// Registers the onDecisionIssued handler that makes the certificates.
import './issue.ts';
import { listDecisionCertificates, printDecisionCertificates } from './queries.ts';
import * as s from './schema.ts';
import { renderTestPage } from './test-page.ts';
import { verifyCertificate } from './verify.ts';

const tags = ['certificates'];
const PDF = 'application/pdf';

const attachment = (name: string) => {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9._-]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

/** Certificates of decisions, printer calibrations and the public verification. */
export function certificateRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  blanks(); // data/blanks.yaml: a mistake stops the start-up here, naming file and line
  const base = config.publicUrl;
  return async (base_) => {
    const app = base_.withTypeProvider<ZodTypeProvider>();

    app.get('/decisions/:id/certificates', { schema: { tags, params: s.ZDecisionParams, response: { 200: s.ZCertificateList } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const { items, authorityUnitId } = await listDecisionCertificates(db, scope, req.params.id, base);
      const printScope = req.user ? await resolveScope(db, req.user, 'certificate.print') : { all: false as const, unitIds: [] };
      return { items, canPrint: inScope(printScope, authorityUnitId) };
    });

    app.get('/decisions/:id/certificates.pdf', { schema: { tags, params: s.ZDecisionParams, querystring: s.ZPrintQuery, response: { 200: fileResponse(PDF, 'The certificates of the decision, a page each') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'certificate.print');
      const out = await printDecisionCertificates(db, scope, req.params.id, req.query, base);
      reply.header('content-type', PDF).header('content-disposition', attachment(`bang-khen-${out.numberText}-${req.query.variant}.pdf`)).header('x-content-type-options', 'nosniff');
      return reply.send(out.bytes);
    });

    app.get('/decisions/:id/certificates/:certificateId/pdf', { schema: { tags, params: s.ZCertificateParams, querystring: s.ZPrintQuery, response: { 200: fileResponse(PDF, 'One certificate') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'certificate.print');
      const out = await printDecisionCertificates(db, scope, req.params.id, { ...req.query, certificateId: req.params.certificateId }, base);
      reply.header('content-type', PDF).header('content-disposition', attachment(`bang-khen-${req.params.certificateId}-${req.query.variant}.pdf`)).header('x-content-type-options', 'nosniff');
      return reply.send(out.bytes);
    });

    app.get('/certificates/blanks', { schema: { tags, response: { 200: s.ZBlankList } } }, async (req) => {
      await authorize(req, db, 'certificate.print');
      return { items: blanks().list.map((b) => ({ code: b.code, name: b.name, awards: b.awards, isDefault: b.default, widthMm: b.sheet.width_mm, heightMm: b.sheet.height_mm })) };
    });

    app.get('/certificates/calibrations', { schema: { tags, response: { 200: s.ZCalibrationList } } }, async (req) => {
      const scope = await authorize(req, db, 'certificate.print');
      return { items: await listCalibrationsInScope(db, scope) };
    });

    app.post('/certificates/calibrations', { schema: { tags, body: s.ZCreateCalibrationRequest, response: { 201: s.ZCalibration } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'certificate.print');
      const made = await db.tx((q) => createCalibration(q, actorOf(req), scope, req.body));
      reply.status(201);
      return made;
    });

    app.put('/certificates/calibrations/:id', { schema: { tags, params: s.ZDecisionParams, body: s.ZUpdateCalibrationRequest, response: { 200: s.ZCalibration } } }, async (req) => {
      const scope = await authorize(req, db, 'certificate.print');
      return db.tx((q) => updateCalibration(q, actorOf(req), scope, req.params.id, req.body));
    });

    app.get('/certificates/blanks/:code/test-page.pdf', { schema: { tags, params: s.ZBlankParams, querystring: s.ZTestPageQuery, response: { 200: fileResponse(PDF, 'The calibration test page of a blank') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'certificate.print');
      const blank = blankOf(req.params.code);
      const cal = req.query.calibrationId ? await calibrationInScope(db, scope, req.query.calibrationId) : null;
      if (cal && cal.blank_code !== blank.code) throw new AppError('NOT_FOUND');
      const bytes = await renderTestPage(blank, { x: Number(cal?.offset_x_mm ?? 0), y: Number(cal?.offset_y_mm ?? 0) }, cal?.printer ?? null);
      reply.header('content-type', PDF).header('content-disposition', attachment(`trang-thu-${blank.code}.pdf`));
      return reply.send(bytes);
    });

    // Public: no login. Throttled per client address like the sign-in (in the database with DATABASE_URL, so every
    // instance counts the same requests).
    app.get('/public/verify/:code', {
      schema: { tags: ['public'], params: s.ZVerifyParams, response: { 200: s.ZVerification }, security: [] },
      config: { rateLimit: { max: config.verifyRateLimitPerMinute, timeWindow: '1 minute' } },
    }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCertificate(db, req.params.code);
    });
  };
}
