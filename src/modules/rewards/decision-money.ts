import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { amountInWordsVi } from '../../shared/vn-words.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { awardeeRevocations } from '../decisions/revocations.ts';
import type { DecisionView } from '../decisions/types.ts';
import { decisionDetail } from '../decisions/view.ts';
import { moneyOf } from './amounts.ts';
import * as repo from './repo.ts';

// The money of one decision: per awardee (coefficient × base salary on the decision date, rounding setting), its
// total in figures and in words, and what was paid. A revoked awardee (Law Art 93) is listed but owed nothing.

export interface MoneyItem {
  awardeeId: number;
  personId: number | null;
  unitId: number | null;
  name: string;
  awardCode: string;
  awardName: string;
  subjectKind: string;
  coefficient: number | null;
  baseSalary: number | null;
  amount: number;
  basis: string | null;
  revoked: { revokedOn: string; revokingNumber: string } | null;
  payment: { amount: number; paidOn: string; note: string | null; version: number } | null;
}

export interface DecisionMoney {
  decisionId: number;
  status: string;
  numberText: string | null;
  authorityUnitId: number;
  authorityName: string;
  external: boolean;
  awardName: string;
  /** The date the amounts are computed on: the decision's, or for a draft without one the given or today's date. */
  decidedOn: string;
  dateAssumed: boolean;
  signerName: string | null;
  signerTitle: string | null;
  rounding: string;
  items: MoneyItem[];
  /** Owed: the sum over awardees not revoked. */
  total: number;
  totalInWords: string;
  paid: number;
}

/** The decision as the reader may see it (decisions' rule), with its money. */
export async function decisionMoney(q: Queryable, scope: Scope, decisionId: number, decidedOn?: string): Promise<DecisionMoney> {
  const d = await decisionDetail(q, scope, decisionId);
  return moneyOfDecision(q, d, decidedOn);
}

export async function moneyOfDecision(q: Queryable, d: DecisionView, decidedOnAsked?: string): Promise<DecisionMoney> {
  const settings = await currentSettings(q);
  const decidedOn = d.decidedOn ?? decidedOnAsked ?? cityToday();
  const ids = d.awardees.map((a) => a.id);
  const revocations = d.status === 'issued' ? await awardeeRevocations(q, ids) : new Map();
  const payments = await repo.paymentsOf(q, ids);
  const items: MoneyItem[] = d.awardees.map((a) => {
    const m = moneyOf(a, decidedOn, settings);
    const r = revocations.get(a.id);
    const p = payments.get(a.id);
    return {
      awardeeId: a.id, personId: a.personId, unitId: a.unitId, name: a.name, awardCode: a.awardCode, awardName: a.awardName,
      subjectKind: m.subjectKind, coefficient: m.coefficient, baseSalary: m.baseSalary, amount: r ? 0 : m.amount, basis: m.basis,
      revoked: r ? { revokedOn: r.revokedOn, revokingNumber: r.revokingNumber } : null,
      payment: p ? { amount: Number(p.amount), paidOn: p.paid_on, note: p.note, version: p.version } : null,
    };
  });
  const total = items.reduce((s, i) => s + i.amount, 0);
  return {
    decisionId: d.id, status: d.status, numberText: d.numberText, authorityUnitId: d.authorityUnitId, authorityName: d.authorityName,
    external: d.externalAuthority !== null, awardName: d.awardName, decidedOn, dateAssumed: d.decidedOn === null,
    signerName: d.signerName, signerTitle: d.signerTitle, rounding: String(settings.money_rounding),
    items, total, totalInWords: amountInWordsVi(total), paid: items.reduce((s, i) => s + (i.payment?.amount ?? 0), 0),
  };
}

export interface PaymentInput {
  amount: number;
  paidOn: string;
  note?: string | null;
  /** 0 for the first payment recorded for this awardee. */
  version: number;
}

/**
 * Records (or corrects) what was paid to one awardee of an issued decision of an authority in the scope.
 * @throws AppError NOT_FOUND | DECISION_STATE (not issued) | VERSION_CONFLICT
 */
export async function recordPayment(q: Queryable, actor: Actor, scope: Scope, decisionId: number, awardeeId: number, input: PaymentInput): Promise<DecisionMoney> {
  const d = await decisionDetail(q, scope, decisionId);
  if (!inScope(scope, d.authorityUnitId)) throw new AppError('NOT_FOUND');
  if (d.status !== 'issued') throw new AppError('DECISION_STATE', { status: d.status, decisionId });
  if (!d.awardees.some((a) => a.id === awardeeId)) throw new AppError('NOT_FOUND', { field: 'awardeeId' });
  if (input.paidOn > cityToday()) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'paidOn', rule: 'not_future', params: {} }] });
  const before = await repo.findPayment(q, awardeeId);
  const values = { amount: input.amount, paidOn: input.paidOn, note: input.note?.trim() || null, actorId: actor.id };
  if (!before && input.version !== 0) throw new AppError('VERSION_CONFLICT', { currentVersion: 0, yourVersion: input.version, fields: [], changes: [] });
  if (before) await assertVersion(q, 'reward_payment', before.id, before.version, input.version);
  const after = before ? await repo.updatePayment(q, before.id, values) : await repo.insertPayment(q, { ...values, awardeeId, decisionId });
  const snap = (p: repo.PaymentRow | undefined) => (p ? { awardeeId, decisionId, amount: Number(p.amount), paidOn: p.paid_on, note: p.note, version: p.version } : null);
  await audit(q, actor, [{ action: 'reward.payment', entity: 'reward_payment', entityId: after.id, orgUnitId: d.authorityUnitId, before: snap(before), after: snap(after) }]);
  return moneyOfDecision(q, await decisionDetail(q, scope, decisionId));
}
