import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { rootsFor } from '../auth/roles.ts';
import { ZCalendarDate } from '../../shared/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { catalogue, ruleSetOn } from '../catalogue/catalogue.ts';
import { currentSettings, listSettings, updateSetting } from '../catalogue/settings-repo.ts';
import { ZEligibilityInput } from '../rules/contract.ts';
import { EligibilityError, checkEligibility } from '../rules/engine.ts';
import { discoverableAwards, explainHits } from './discovery.ts';
import { discoveryWorkbook } from './export.ts';
import { createQuota, quotasVisibleTo } from './quotas-repo.ts';
import { batchCheck, discoverHits, personPanel, subtreeInScope, todayInVietnam, unitPanel } from './service.ts';

const tags = ['eligibility'];
const zId = z.object({ id: z.coerce.number().int().positive() });
const zDate = ZCalendarDate;
const zYear = z.coerce.number().int().min(2000).max(2100);
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');
const ZPanelQuery = z.strictObject({ asOf: zDate.optional(), year: zYear.optional() });
const ZDiscoveryQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: zYear.optional(),
  asOf: zDate.optional(),
  award: z.string().optional(),
  status: z.enum(['eligible', 'near', 'needs_review', 'all']).default('all'),
  subject: z.enum(['individual', 'collective']).optional(),
  leader: zBool.optional(),
  gender: z.enum(['female', 'male']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const ZBatch = z.strictObject({
  asOf: zDate.optional(),
  year: zYear.optional(),
  items: z.array(z.strictObject({ personId: z.number().int().positive().optional(), unitId: z.number().int().positive().optional(), award: z.string().min(1) })).min(1).max(2000),
});
const ZQuota = z.strictObject({ award: z.string().min(1), unitId: z.number().int().positive().nullable().optional(), year: z.number().int().min(2000).max(2100).nullable().optional(), max: z.number().int().min(0).max(1_000_000), basis: z.string().trim().min(1).max(500) });

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

    app.post('/eligibility/check', { schema: { tags, body: ZEligibilityInput } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      const settings = await currentSettings(db);
      return engine(() => checkEligibility(req.body, { settings }));
    });

    app.get('/eligibility/awards', { schema: { tags, querystring: z.strictObject({ asOf: zDate.optional() }) } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      const asOf = req.query.asOf ?? todayInVietnam();
      const rs = ruleSetOn(asOf);
      const discoverable = new Set([...discoverableAwards('individual', asOf), ...discoverableAwards('collective', asOf)]);
      return {
        ruleSet: rs?.id ?? null,
        awards: catalogue().awards.map((a) => ({ code: a.code, nameVi: a.nameVi, nameEn: a.nameEn, kind: a.kind, subjects: a.subjects, legalBasis: a.legalBasis, grantingAuthority: a.grantingAuthority, uncertain: a.uncertain, evaluated: Boolean(rs?.awards[a.code]), discoverable: discoverable.has(a.code) })),
      };
    });

    app.get('/people/:id/eligibility', { schema: { tags, params: zId, querystring: ZPanelQuery } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => personPanel(db, scope, req.params.id, req.query.asOf ?? todayInVietnam(), req.query.year, await currentSettings(db)));
    });

    app.get('/units/:id/eligibility', { schema: { tags, params: zId, querystring: ZPanelQuery } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => unitPanel(db, scope, req.params.id, req.query.asOf ?? todayInVietnam(), req.query.year, await currentSettings(db)));
    });

    app.post('/eligibility/batch', { schema: { tags, body: ZBatch } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      return engine(async () => batchCheck(db, scope, req.body.asOf ?? todayInVietnam(), req.body.year, req.body.items, await currentSettings(db)));
    });

    const runDiscovery = async (req: { query: z.infer<typeof ZDiscoveryQuery> } & Parameters<typeof authorize>[0]) => {
      const scope = await authorize(req, db, 'eligibility.read');
      const q = req.query;
      const asOf = q.asOf ?? todayInVietnam();
      if (q.award && !catalogue().byCode.has(q.award)) throw new AppError('UNKNOWN_AWARD', { award: q.award });
      if (!ruleSetOn(asOf)) throw new AppError('NO_RULE_SET', { asOf });
      const year = q.year ?? Number(asOf.slice(0, 4)) - 1;
      const unitIds = await subtreeInScope(db, scope, q.unitId);
      const settings = await currentSettings(db);
      const found = await discoverHits(db, { unitIds, year, asOf, award: q.award, status: q.status, subject: q.subject, leader: q.leader, gender: q.gender }, settings);
      return { ...found, year, asOf, settings };
    };

    app.get('/discovery', { schema: { tags, querystring: ZDiscoveryQuery } }, async (req) => {
      const { hits, examined, truncated, year, asOf, settings } = await runDiscovery(req);
      const counts = { eligible: 0, near: 0, needsReview: 0 };
      for (const r of hits) {
        if (r.status === 'eligible') counts.eligible++;
        else if (r.status === 'near') counts.near++;
        else counts.needsReview++;
      }
      const start = (req.query.page - 1) * req.query.pageSize;
      // Texts only for the page shown.
      const rows = await explainHits(db, hits.slice(start, start + req.query.pageSize), { asOf, year }, settings);
      return { year, asOf, ruleSet: ruleSetOn(asOf)?.id ?? null, examined, truncated, total: hits.length, counts, rows };
    });

    app.get('/discovery/export.xlsx', { schema: { tags, querystring: ZDiscoveryQuery } }, async (req, reply) => {
      const { hits, year, asOf, settings } = await runDiscovery(req);
      const rows = await explainHits(db, hits, { asOf, year }, settings);
      const buffer = await discoveryWorkbook(rows, `Danh sách phát hiện nhân tố khen thưởng — thành tích năm ${year} (xét ngày ${asOf.split('-').reverse().join('/')})`);
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="phat-hien-nhan-to-${year}.xlsx"`);
      return reply.send(buffer);
    });

    app.get('/catalogue/settings', { schema: { tags } }, async (req) => {
      await authorize(req, db, 'eligibility.read');
      return { settings: await listSettings(db) };
    });

    app.put('/catalogue/settings/:key', { schema: { tags, params: z.object({ key: z.string() }), body: z.strictObject({ value: z.union([z.number(), z.boolean(), z.string()]), version: z.number().int().min(0) }) } }, async (req) => {
      await authorize(req, db, 'catalogue.manage');
      await updateSetting(db, actorOf(req), req.params.key, req.body.value, req.body.version);
      const setting = (await listSettings(db)).find((s) => s.key === req.params.key);
      return setting;
    });

    app.get('/quotas', { schema: { tags, querystring: z.strictObject({ year: zYear.optional() }) } }, async (req) => {
      const scope = await authorize(req, db, 'eligibility.read');
      const year = req.query.year ?? Number(todayInVietnam().slice(0, 4));
      const roots = rootsFor(requireUser(req), 'eligibility.read');
      return { year, quotas: await quotasVisibleTo(db, scope, roots, await currentSettings(db), year) };
    });

    app.post('/quotas', { schema: { tags, body: ZQuota } }, async (req, reply) => {
      const scope = await authorize(req, db, 'quota.manage');
      const id = await createQuota(db, actorOf(req), scope, req.body);
      reply.status(201);
      return { id };
    });
  };
}
