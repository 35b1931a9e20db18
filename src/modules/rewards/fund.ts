import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope } from '../auth/scope.ts';
import type { Settings } from '../catalogue/settings.ts';
import { currentSettings } from '../catalogue/settings-repo.ts';
import { issuedAwardeesOf, issuingAuthorities } from '../decisions/fund-reads.ts';
import { onDecisionIssuing } from '../decisions/hooks.ts';
import { awardeeRevocations } from '../decisions/revocations.ts';
import type { IssuingDecision } from '../decisions/types.ts';
import { latestUnitNames } from '../org/names.ts';
import { moneyOf } from './amounts.ts';
import { decisionMoney } from './decision-money.ts';
import * as repo from './repo.ts';

// The yearly fund ledger of an authority (quỹ thi đua, khen thưởng): budget, committed by the decisions it issued
// that year (revoked awardees left out), paid (payments recorded), remaining; and the check before a decision
// would exceed it.

export interface LedgerDecision {
  decisionId: number;
  numberText: string;
  decidedOn: string;
  awardees: number;
  revoked: number;
  amount: number;
  paid: number;
}

export interface FundLedger {
  authorityUnitId: number;
  authorityName: string;
  year: number;
  /** Null: no budget set for the year (no warning is given). */
  budget: number | null;
  note: string | null;
  version: number;
  committed: number;
  paid: number;
  /** budget − committed (null without a budget). */
  remaining: number | null;
  /** committed − paid: still owed to awardees. */
  unpaid: number;
  decisions: LedgerDecision[];
}

async function committedIn(q: Queryable, authorityUnitId: number, year: number, settings: Settings): Promise<{ committed: number; paid: number; decisions: LedgerDecision[] }> {
  const awardees = await issuedAwardeesOf(q, authorityUnitId, year);
  const ids = awardees.map((a) => a.awardeeId);
  const revoked = await awardeeRevocations(q, ids);
  const payments = await repo.paymentsOf(q, ids);
  const byDecision = new Map<number, LedgerDecision>();
  for (const a of awardees) {
    let d = byDecision.get(a.decisionId);
    if (!d) byDecision.set(a.decisionId, (d = { decisionId: a.decisionId, numberText: a.numberText, decidedOn: a.decidedOn, awardees: 0, revoked: 0, amount: 0, paid: 0 }));
    d.awardees += 1;
    if (revoked.has(a.awardeeId)) d.revoked += 1;
    else d.amount += moneyOf(a, a.decidedOn, settings).amount;
    d.paid += Number(payments.get(a.awardeeId)?.amount ?? 0);
  }
  const decisions = [...byDecision.values()];
  return { committed: decisions.reduce((s, d) => s + d.amount, 0), paid: decisions.reduce((s, d) => s + d.paid, 0), decisions };
}

async function ledgerOf(q: Queryable, authorityUnitId: number, year: number, settings: Settings, name: string): Promise<FundLedger> {
  const fund = await repo.findFund(q, authorityUnitId, year);
  const c = await committedIn(q, authorityUnitId, year, settings);
  const budget = fund ? Number(fund.budget) : null;
  return {
    authorityUnitId, authorityName: name, year, budget, note: fund?.note ?? null, version: fund?.version ?? 0,
    committed: c.committed, paid: c.paid, remaining: budget === null ? null : budget - c.committed, unpaid: c.committed - c.paid, decisions: c.decisions,
  };
}

/** The ledger of one authority in the scope for a year. @throws AppError NOT_FOUND outside the scope */
export async function fundLedger(q: Queryable, scope: Scope, authorityUnitId: number, year: number): Promise<FundLedger> {
  assertInScope(scope, authorityUnitId);
  const names = await latestUnitNames(q, [authorityUnitId]);
  if (!names.has(authorityUnitId)) throw new AppError('NOT_FOUND', { field: 'authorityUnitId' });
  return ledgerOf(q, authorityUnitId, year, await currentSettings(q), names.get(authorityUnitId) ?? '');
}

/** The ledgers of a year of every authority in the scope with a budget or decisions of its own (without their decisions). */
export async function fundLedgers(q: Queryable, scope: Scope, year: number): Promise<FundLedger[]> {
  const unitIds = scope.all ? null : scope.unitIds;
  const ids = [...new Set([...(await repo.fundsOfYear(q, year, unitIds)).map((f) => Number(f.authority_unit_id)), ...(await issuingAuthorities(q, year, unitIds))])];
  const names = await latestUnitNames(q, ids);
  const settings = await currentSettings(q);
  const out: FundLedger[] = [];
  for (const id of ids) out.push({ ...(await ledgerOf(q, id, year, settings, names.get(id) ?? '')), decisions: [] });
  return out.sort((a, b) => a.authorityName.localeCompare(b.authorityName, 'vi'));
}

/**
 * Sets an authority's budget for a year (version 0 for the first time), audited.
 * @throws AppError NOT_FOUND (outside the scope) | VERSION_CONFLICT
 */
export async function setBudget(q: Queryable, actor: Actor, scope: Scope, authorityUnitId: number, year: number, input: { budget: number; note?: string | null; version: number }): Promise<FundLedger> {
  assertInScope(scope, authorityUnitId);
  const before = await repo.findFund(q, authorityUnitId, year, true);
  const values = { budget: input.budget, note: input.note?.trim() || null, actorId: actor.id };
  if (!before && input.version !== 0) throw new AppError('VERSION_CONFLICT', { currentVersion: 0, yourVersion: input.version, fields: [], changes: [] });
  if (before) await assertVersion(q, 'reward_fund', before.id, before.version, input.version);
  const after = before ? await repo.updateFund(q, before.id, values) : await repo.insertFund(q, { ...values, authorityUnitId, year });
  const snap = (f: repo.FundRow | undefined) => (f ? { authorityUnitId, year, budget: Number(f.budget), note: f.note, version: f.version } : null);
  await audit(q, actor, [{ action: before ? 'reward.fund.update' : 'reward.fund.create', entity: 'reward_fund', entityId: after.id, orgUnitId: authorityUnitId, before: snap(before), after: snap(after) }]);
  return fundLedger(q, scope, authorityUnitId, year);
}

export interface FundCheck {
  decisionId: number;
  authorityUnitId: number;
  authorityName: string;
  year: number;
  decidedOn: string;
  /** A decision made elsewhere is not paid from this authority's fund: never checked. */
  external: boolean;
  budget: number | null;
  /** Committed by the authority's other decisions of the year. */
  committed: number;
  thisDecision: number;
  /** budget − committed: what is left before this decision. */
  available: number | null;
  /** available − this decision (negative: the shortfall). */
  remaining: number | null;
  exceeds: boolean;
}

function figures(budget: number | null, committed: number, thisDecision: number) {
  const available = budget === null ? null : budget - committed;
  const remaining = available === null ? null : available - thisDecision;
  return { budget, committed, thisDecision, available, remaining, exceeds: available !== null && thisDecision > 0 && thisDecision > available };
}

/** The fund figures of a decision the reader may see: its money against what is left of its authority's fund. */
export async function fundCheck(q: Queryable, scope: Scope, decisionId: number, decidedOn?: string): Promise<FundCheck> {
  const m = await decisionMoney(q, scope, decisionId, decidedOn);
  const year = Number(m.decidedOn.slice(0, 4));
  const base = { decisionId, authorityUnitId: m.authorityUnitId, authorityName: m.authorityName, year, decidedOn: m.decidedOn, external: m.external };
  if (m.external) return { ...base, ...figures(null, 0, m.total), exceeds: false };
  const fund = await repo.findFund(q, m.authorityUnitId, year);
  const c = await committedIn(q, m.authorityUnitId, year, await currentSettings(q));
  const others = c.decisions.filter((d) => d.decisionId !== decisionId).reduce((s, d) => s + d.amount, 0);
  return { ...base, ...figures(fund ? Number(fund.budget) : null, others, m.total) };
}

/**
 * The pre-issue check (decisions' `onDecisionIssuing`): refuses a decision whose money exceeds what is left of its
 * authority's fund for the year, unless the issuer accepted the warning (then the acceptance is audited). The fund
 * row is locked, so two issues against one fund are checked one after the other. No budget set: no refusal.
 * @throws AppError FUND_EXCEEDED
 */
export async function guardFund(q: Queryable, issuing: IssuingDecision): Promise<void> {
  if (issuing.external) return;
  const fund = await repo.findFund(q, issuing.authorityUnitId, issuing.year, true);
  if (!fund) return;
  const settings = await currentSettings(q);
  const thisDecision = issuing.awardees.reduce((s, a) => s + moneyOf(a, issuing.decidedOn, settings).amount, 0);
  const c = await committedIn(q, issuing.authorityUnitId, issuing.year, settings);
  const f = figures(Number(fund.budget), c.committed, thisDecision);
  if (!f.exceeds) return;
  const details = { year: issuing.year, authorityUnitId: issuing.authorityUnitId, decisionId: issuing.decisionId, ...f };
  if (!issuing.acceptFundWarning) throw new AppError('FUND_EXCEEDED', details);
  await audit(q, issuing.actor, [{ action: 'reward.fund.exceeded_accepted', entity: 'reward_fund', entityId: fund.id, orgUnitId: issuing.authorityUnitId, before: null, after: details }]);
}

// Every issue of a decision of the register is checked against its authority's fund, in the issuing transaction.
onDecisionIssuing(guardFund);
