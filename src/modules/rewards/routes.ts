import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import type { Queryable } from '../../server/db.ts';
import { actorOf, authorize, fileResponse } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { inScope, resolveScope } from '../auth/scope.ts';
import { decisionMoney, recordPayment } from './decision-money.ts';
import { fundCheck, fundLedger, fundLedgers, setBudget } from './fund.ts';
import { paymentListPdf, paymentListXlsx } from './payment-list.ts';
import * as s from './schema.ts';

const tags = ['rewards'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function canManage(req: FastifyRequest, q: Queryable, authorityUnitId: number | null): Promise<boolean> {
  if (!req.user) return false;
  const scope = await resolveScope(q, req.user, 'reward.manage');
  return authorityUnitId === null ? scope.all || scope.unitIds.length > 0 : inScope(scope, authorityUnitId);
}

/** A download, never rendered by the browser, named after the decision's number. */
function sendFile(reply: FastifyReply, type: string, numberText: string | null, ext: string, content: Buffer) {
  const ascii = (numberText ?? 'du-thao').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[^A-Za-z0-9-]+/g, '-');
  const name = `danh-sach-chi-tien-thuong-${ascii}.${ext}`;
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${name}"`);
  reply.header('x-content-type-options', 'nosniff');
  return reply.send(content);
}

/** Reward money: a decision's money and payment list, payments, the yearly fund ledger of an authority. */
export function rewardRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/decisions/:id/rewards', { schema: { tags, params: s.ZDecisionParams, querystring: s.ZDateQuery, response: { 200: s.ZDecisionMoney } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const m = await decisionMoney(db, scope, req.params.id, req.query.decidedOn);
      return { ...m, canManage: m.status === 'issued' && (await canManage(req, db, m.authorityUnitId)) };
    });

    app.get('/decisions/:id/fund-check', { schema: { tags, params: s.ZDecisionParams, querystring: s.ZDateQuery, response: { 200: s.ZFundCheck } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      return fundCheck(db, scope, req.params.id, req.query.decidedOn);
    });

    app.get('/decisions/:id/rewards.xlsx', { schema: { tags, params: s.ZDecisionParams, response: { 200: fileResponse(XLSX_TYPE, 'The payment list as an .xlsx workbook') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.read');
      const m = await decisionMoney(db, scope, req.params.id);
      if (m.status !== 'issued') throw new AppError('DECISION_STATE', { status: m.status, decisionId: m.decisionId });
      return sendFile(reply, XLSX_TYPE, m.numberText, 'xlsx', await paymentListXlsx(m));
    });

    app.get('/decisions/:id/rewards.pdf', { schema: { tags, params: s.ZDecisionParams, response: { 200: fileResponse('application/pdf', 'The payment list as a PDF') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.read');
      const m = await decisionMoney(db, scope, req.params.id);
      if (m.status !== 'issued') throw new AppError('DECISION_STATE', { status: m.status, decisionId: m.decisionId });
      return sendFile(reply, 'application/pdf', m.numberText, 'pdf', await paymentListPdf(m));
    });

    app.put('/decisions/:id/rewards/payments/:awardeeId', { schema: { tags, params: s.ZPaymentParams, body: s.ZPaymentRequest, response: { 200: s.ZDecisionMoney } } }, async (req) => {
      const scope = await authorize(req, db, 'reward.manage');
      const m = await db.tx((q) => recordPayment(q, actorOf(req), scope, req.params.id, req.params.awardeeId, req.body));
      return { ...m, canManage: true };
    });

    app.get('/rewards/funds', { schema: { tags, querystring: s.ZYearQuery, response: { 200: s.ZFundLedgers } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      return { items: await fundLedgers(db, scope, req.query.year), canManage: await canManage(req, db, null) };
    });

    app.get('/rewards/funds/:authorityUnitId/:year', { schema: { tags, params: s.ZFundParams, response: { 200: s.ZFundLedger } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const ledger = await fundLedger(db, scope, req.params.authorityUnitId, req.params.year);
      return { ...ledger, canManage: await canManage(req, db, req.params.authorityUnitId) };
    });

    app.put('/rewards/funds/:authorityUnitId/:year', { schema: { tags, params: s.ZFundParams, body: s.ZBudgetRequest, response: { 200: s.ZFundLedger } } }, async (req) => {
      const scope = await authorize(req, db, 'reward.manage');
      const ledger = await db.tx((q) => setBudget(q, actorOf(req), scope, req.params.authorityUnitId, req.params.year, req.body));
      return { ...ledger, canManage: true };
    });
  };
}
