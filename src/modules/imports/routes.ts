import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, fileResponse, requireUser } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { resolveScope } from '../auth/scope.ts';
import { cityToday } from '../../shared/clock.ts';
import { exportAudit } from './export-audit.ts';
import { exportOrgUnits } from './export-org.ts';
import { exportPeople } from './export-people.ts';
import { exportUsers } from './export-users.ts';
import { listJobsOf } from './jobs.ts';
import { permissionFor } from './kinds.ts';
import { presentJob } from './presenter.ts';
import './background.ts'; // defines the pg-boss jobs that parse uploads and recover stopped ones
import { applyImport, loadOwnJob, startImport } from './run-import.ts';
import * as s from './schema.ts';
import { XLSX_TYPE, buildTemplate, contentDisposition } from './template.ts';

const tags = ['imports'];
const stamp = () => cityToday().replaceAll('-', '');
const xlsx = (description: string) => ({ 200: fileResponse(XLSX_TYPE, description) });

function sendXlsx(reply: FastifyReply, body: Buffer | Readable, asciiName: string, utf8Name: string) {
  return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(asciiName, utf8Name)).header('cache-control', 'no-store').send(body);
}

/** Excel import/export routes (template, upload, preview, apply, progress, list export). */
export function importRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/imports/templates/:kind', { schema: { tags, params: s.ZKindParams, response: xlsx('The import template, with drop-downs') } }, async (req, reply) => {
      await authorize(req, db, permissionFor(req.params.kind));
      const vi = req.params.kind === 'people' ? 'Mẫu nhập danh sách cá nhân.xlsx' : req.params.kind === 'ratings' ? 'Mẫu nhập xếp loại mức độ hoàn thành nhiệm vụ.xlsx' : 'Mẫu nhập danh sách đơn vị.xlsx';
      return sendXlsx(reply, await buildTemplate(req.params.kind), `mau-nhap-${req.params.kind}.xlsx`, vi);
    });

    app.post('/imports/:kind', { schema: { tags, params: s.ZKindParams, response: { 202: s.ZJobView } } }, async (req, reply) => {
      const scope = await authorize(req, db, permissionFor(req.params.kind));
      const part = await req.file();
      if (!part) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', rule: 'required' }] });
      let file: Buffer;
      try {
        file = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${Math.round(config.uploadLimitBytes / 1_048_576)} MB` });
        throw error;
      }
      const actor = actorOf(req);
      // The name is only shown back; control characters (a NUL in filename*=) are dropped, not refused.
      const fileName = part.filename.replace(/[\u0000-\u001f\u007f]/g, '') || 'import.xlsx';
      const started = await startImport(db, actor, scope, req.params.kind, file, fileName);
      reply.status(202);
      return presentJob(await loadOwnJob(db, actor, started.jobId), req.locale);
    });

    app.get('/imports', { schema: { tags, querystring: s.ZListQuery, response: { 200: s.ZJobList } } }, async (req) => {
      const jobs = await listJobsOf(db, actorOf(req).id, req.query.limit);
      return { items: jobs.map((job) => presentJob(job, req.locale)) };
    });

    app.get('/imports/:id', { schema: { tags, params: s.ZJobParams, response: { 200: s.ZJobView } } }, async (req) => {
      const job = await loadOwnJob(db, actorOf(req), req.params.id);
      return presentJob(job, req.locale);
    });

    app.post('/imports/:id/apply', { schema: { tags, params: s.ZJobParams, response: { 200: s.ZApplyResponse } } }, async (req) => {
      const actor = actorOf(req);
      const job = await loadOwnJob(db, actor, req.params.id);
      const scope = await authorize(req, db, permissionFor(job.kind));
      const result = await applyImport(db, actor, scope, job.id);
      return { id: job.id, status: 'applied' as const, ...result };
    });

    app.get('/exports/people', { schema: { tags, querystring: s.ZExportPeopleQuery, response: xlsx('People in the reader\'s scope, as the import template reads them') } }, async (req, reply) => {
      const scope = await authorize(req, db, 'people.read');
      const user = requireUser(req);
      const roots = rootsFor(user, 'people.personal_data');
      const who = { actor: actorOf(req), personalScope: await resolveScope(db, user, 'people.personal_data'), auditUnitId: roots.length === 1 ? roots[0] : null };
      return sendXlsx(reply, await exportPeople(db, scope, who, req.query), `danh-sach-ca-nhan-${stamp()}.xlsx`, `Danh sách cá nhân ${stamp()}.xlsx`);
    });

    app.get('/exports/org-units', { schema: { tags, querystring: s.ZExportOrgQuery, response: xlsx('The units as of a date, as the import template reads them') } }, async (req, reply) => {
      const scope = await authorize(req, db, 'org.read');
      const asOf = req.query.asOf ?? cityToday();
      return sendXlsx(reply, await exportOrgUnits(db, scope, asOf), `danh-sach-don-vi-${asOf}.xlsx`, `Danh sách đơn vị ${asOf}.xlsx`);
    });

    app.get('/exports/audit', { schema: { tags, querystring: s.ZExportAuditQuery, response: xlsx('The audit log, newest first, filtered') } }, async (req, reply) => {
      const scope = await authorize(req, db, 'audit.read');
      return sendXlsx(reply, exportAudit(db, scope, req.query), `nhat-ky-${stamp()}.xlsx`, `Nhật ký thao tác ${stamp()}.xlsx`);
    });

    app.get('/exports/users', { schema: { tags, response: xlsx('The accounts the administrator manages') } }, async (req, reply) => {
      const scope = await authorize(req, db, 'users.manage');
      return sendXlsx(reply, await exportUsers(db, scope), `tai-khoan-${stamp()}.xlsx`, `Danh sách tài khoản ${stamp()}.xlsx`);
    });
  };
}
