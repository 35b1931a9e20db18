import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import './digest-job.ts'; // defines the background refresh of discovery's digests (pg-boss)
import { actorOf, authorize, fileResponse, requireUser } from '../../server/http.ts';
import { cityToday, cityYear } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { rootsFor } from '../auth/roles.ts';
import { currentSettings, updateSetting } from '../catalogue/settings-repo.ts';
import { settingsView } from './settings-view.ts';
import { ZEligibilityInput } from '../rules/contract.ts';
import { EligibilityError, checkEligibility } from '../rules/engine.ts';
import { discoveryExport, discoveryPage } from './discovery-list.ts';
import { createQuota, quotasVisibleTo } from './quotas-repo.ts';
import * as s from './schema.ts';
import { awardsOn, batchCheck, personPanel, unitPanel } from './service.ts';

const tags = ['eligibility'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Runs engine work, answering its errors as API errors with stable codes. */
async function engine<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EligibilityError) throw new AppError(error.code, error.details);
    throw error;
  }
}

/** Eligibility checks, subject panels, batch checks with quotas, discovery (+ Excel), settings and quotas. */
export function eligibilityRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post('/eligibility/check', { schema: { tags, body: ZEligibilityInput, response: { 200: s.ZEligibilityResult } } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      const settings = await currentSettings(db);
      return engine(() => checkEligibility(req.body, { settings }));
    });

    app.get('/eligibility/awards', { schema: { tags, querystring: s.ZAsOfQuery, response: { 200: s.ZAwardsAnswer } } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      return awardsOn(req.query.asOf ?? cityToday());
    });

    app.get('/people/:id/eligibility', { schema: { tags, params: s.ZIdParams, querystring: s.ZPanelQuery, response: { 200: s.ZPanel } } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => personPanel(db, scope, req.params.id, req.query.asOf ?? cityToday(), req.query.year, await currentSettings(db)));
    });

    app.get('/units/:id/eligibility', { schema: { tags, params: s.ZIdParams, querystring: s.ZPanelQuery, response: { 200: s.ZPanel } } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => unitPanel(db, scope, req.params.id, req.query.asOf ?? cityToday(), req.query.year, await currentSettings(db)));
    });

    app.post('/eligibility/batch', { schema: { tags, body: s.ZBatchRequest, response: { 200: s.ZBatchAnswer } } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => batchCheck(db, scope, req.body.asOf ?? cityToday(), req.body.year, req.body.items, await currentSettings(db)));
    });

    app.get('/discovery', { schema: { tags, querystring: s.ZDiscoveryQuery, response: { 200: s.ZDiscoveryPage } } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return discoveryPage(db, scope, req.query);
    });

    app.get('/discovery/export.xlsx', { schema: { tags, querystring: s.ZDiscoveryQuery, response: { 200: fileResponse(XLSX_TYPE, 'The discovery list as an .xlsx workbook') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'eligibility.read');
      const { year, workbook } = await discoveryExport(db, scope, req.query);
      reply.header('content-type', XLSX_TYPE);
      reply.header('content-disposition', `attachment; filename="phat-hien-nhan-to-${year}.xlsx"`);
      return reply.send(workbook);
    });

    app.get('/catalogue/settings', { schema: { tags, response: { 200: s.ZSettingsAnswer } } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      return { settings: await settingsView(db) };
    });

    app.put('/catalogue/settings/:key', { schema: { tags, params: s.ZSettingParams, body: s.ZSettingRequest, response: { 200: s.ZSetting } } }, async (req) => {
      await authorize(req, db, 'catalogue.manage');
      await updateSetting(db, actorOf(req), req.params.key, req.body.value, req.body.version);
      const setting = (await settingsView(db)).find((x) => x.key === req.params.key);
      if (!setting) throw new AppError('NOT_FOUND', { key: req.params.key });
      return setting;
    });

    app.get('/quotas', { schema: { tags, querystring: s.ZQuotasQuery, response: { 200: s.ZQuotasAnswer } } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      const year = req.query.year ?? cityYear();
      return { year, quotas: await quotasVisibleTo(db, scope, rootsFor(requireUser(req), 'eligibility.read'), await currentSettings(db), year) };
    });

    app.post('/quotas', { schema: { tags, body: s.ZQuotaRequest, response: { 201: s.ZCreated } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'quota.manage');
      const id = await createQuota(db, actorOf(req), scope, req.body);
      reply.status(201);
      return { id };
    });
  };
}
