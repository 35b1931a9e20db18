import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import type { Scope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { recordAwards, recordTitles } from '../people/award-writes.ts';
import { runDecisionIssued, runDecisionIssuing } from './hooks.ts';
import * as repo from './repo.ts';
import type { DecisionInput, DecisionView } from './types.ts';
import { type CheckedAwardee, checkAwardees, checkFields, isTitle } from './validate.ts';
import { loadInScope, presentDecisions } from './view.ts';

// The decisions register's use cases. Each runs in the caller's transaction (`q`), so that the annual review can
// make a decision and its dossiers in one step; routes open the transaction.

const snapshot = (r: repo.DecisionRow, awardees: { personId: number | null; unitId: number | null; awardCode: string }[]) => ({
  authorityUnitId: r.authority_unit_id, kind: r.kind, status: r.status, year: r.year, number: r.number, numberText: r.number_text,
  externalAuthority: r.external_authority, decidedOn: r.decided_on, signerName: r.signer_name, signerTitle: r.signer_title, summary: r.summary, awardCode: r.award_code,
  awardType: r.award_type, periodFrom: r.period_from, periodTo: r.period_to, version: r.version,
  awardees: awardees.map((a) => ({ personId: a.personId, unitId: a.unitId, awardCode: a.awardCode })),
});

async function current(q: Queryable, id: number): Promise<{ row: repo.DecisionRow; awardees: { personId: number | null; unitId: number | null; awardCode: string; dossierId: number | null; nomineeId: number | null }[] }> {
  const row = (await repo.findDecision(q, id)) as repo.DecisionRow;
  const awardees = (await repo.awardeesOf(q, [id])).map((a) => ({ personId: a.person_id, unitId: a.unit_id, awardCode: a.award_code, dossierId: a.dossier_id, nomineeId: a.nominee_id }));
  return { row, awardees };
}

async function view(q: Queryable, id: number): Promise<DecisionView> {
  const [v] = await presentDecisions(q, [(await repo.findDecision(q, id)) as repo.DecisionRow]);
  return v;
}

async function assertExternalUnique(q: Queryable, fields: repo.DecisionFields, exceptId: number | null): Promise<void> {
  if (!fields.externalAuthority || !fields.numberText) return;
  const other = await repo.findExternal(q, fields.externalAuthority, fields.numberText, exceptId);
  if (other) throw new AppError('DECISION_INVALID', { field: 'external.number', reason: `quyết định này đã được ghi vào sổ (số hiệu ${other})`, decisionId: other });
}

/**
 * A new draft: no number yet (it is given only when the decision is issued).
 * @throws AppError NOT_FOUND | UNKNOWN_AWARD | DECISION_INVALID
 */
export async function createDecisionDraft(q: Queryable, actor: Actor, scope: Scope, input: DecisionInput): Promise<DecisionView> {
  const fields = checkFields(scope, input);
  const awardees = await checkAwardees(q, scope, fields, input.awardees);
  await assertExternalUnique(q, fields, null);
  const id = await repo.insertDecision(q, fields, actor.id);
  await repo.replaceAwardees(q, id, awardees);
  const after = await current(q, id);
  await audit(q, actor, [{ action: 'decision.create', entity: 'decision', entityId: id, orgUnitId: fields.authorityUnitId, before: null, after: snapshot(after.row, after.awardees) }]);
  return view(q, id);
}

/**
 * Replaces a draft's fields and awardees.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | DECISION_STATE | UNKNOWN_AWARD | DECISION_INVALID
 */
export async function updateDecisionDraft(q: Queryable, actor: Actor, scope: Scope, id: number, input: DecisionInput & { version: number }): Promise<DecisionView> {
  const row = await loadInScope(q, scope, id, true);
  if (row.status !== 'draft') throw new AppError('DECISION_STATE', { status: row.status, decisionId: id });
  await assertVersion(q, 'decision', id, row.version, input.version);
  const before = await current(q, id);
  const fields = checkFields(scope, input);
  const awardees = await checkAwardees(q, scope, fields, input.awardees);
  await assertExternalUnique(q, fields, id);
  await repo.updateDraft(q, id, fields);
  await repo.replaceAwardees(q, id, awardees);
  const after = await current(q, id);
  await audit(q, actor, [{ action: 'decision.update', entity: 'decision', entityId: id, orgUnitId: fields.authorityUnitId, before: snapshot(before.row, before.awardees), after: snapshot(after.row, after.awardees) }]);
  return view(q, id);
}

/**
 * Discards a draft. A draft never took a number, so nothing is lost from the series.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | DECISION_STATE
 */
export async function discardDecision(q: Queryable, actor: Actor, scope: Scope, id: number, version: number): Promise<DecisionView> {
  const row = await loadInScope(q, scope, id, true);
  if (row.status !== 'draft') throw new AppError('DECISION_STATE', { status: row.status, decisionId: id });
  await assertVersion(q, 'decision', id, row.version, version);
  const before = await current(q, id);
  await repo.markDiscarded(q, id);
  const after = await current(q, id);
  await audit(q, actor, [{ action: 'decision.discard', entity: 'decision', entityId: id, orgUnitId: row.authority_unit_id, before: snapshot(before.row, before.awardees), after: snapshot(after.row, after.awardees) }]);
  return view(q, id);
}

export interface IssueInput {
  version: number;
  decidedOn?: string | null;
  signerName?: string | null;
  signerTitle?: string | null;
  /** Issue even though the reward money exceeds the authority's fund (rewards' FUND_EXCEEDED). */
  acceptFundWarning?: boolean;
}

/** "Số" as printed: numbers below 10 with a leading 0 (Nghị định 30/2020, Phụ lục I), then "/" and the symbol. */
export const formatNumber = (n: number, kind: string) => `${String(n).padStart(2, '0')}/${kind}`;

/**
 * Issues a draft: takes the next number of its authority, kind and year (a decision made elsewhere keeps its
 * own), writes each awardee's title or award into their history through the people module, and lets the modules
 * above follow (dossiers) — all in this transaction, so a failure anywhere gives the number back.
 * @throws AppError NOT_FOUND | DECISION_STATE (not a draft: issued once only) | VERSION_CONFLICT | DECISION_INVALID | AWARD_ALREADY_RECORDED
 */
export async function issueDecision(q: Queryable, actor: Actor, scope: Scope, id: number, input: IssueInput): Promise<DecisionView> {
  const row = await loadInScope(q, scope, id, true);
  if (row.status !== 'draft') throw new AppError('DECISION_STATE', { status: row.status, decisionId: id });
  await assertVersion(q, 'decision', id, row.version, input.version);
  const before = await current(q, id);
  const decidedOn = input.decidedOn ?? row.decided_on ?? cityToday();
  const signerName = input.signerName?.trim() || row.signer_name;
  const signerTitle = input.signerTitle?.trim() || row.signer_title;
  const external = row.external_authority !== null;
  if (!external && !signerName) throw new AppError('DECISION_INVALID', { field: 'signerName', reason: 'quyết định ban hành cần người ký' });
  // Scope and subjects again: the draft may be old, and the actor issuing it may not be the one who drafted it.
  const fields = { authorityUnitId: row.authority_unit_id, kind: row.kind, externalAuthority: row.external_authority, numberText: row.number_text, decidedOn, signerName, signerTitle, summary: row.summary, awardCode: row.award_code, awardType: row.award_type, periodFrom: row.period_from, periodTo: row.period_to };
  const awardees = await checkAwardees(q, scope, fields, before.awardees);
  if (awardees.length === 0) throw new AppError('DECISION_INVALID', { field: 'awardees', reason: 'quyết định chưa có cá nhân, tập thể được khen thưởng' });
  await repo.replaceAwardees(q, id, awardees); // where each awardee belongs on the day it is issued
  if (decidedOn > cityToday()) throw new AppError('DECISION_INVALID', { field: 'decidedOn', reason: `ngày ký ${decidedOn} ở tương lai` });
  const year = Number(decidedOn.slice(0, 4));
  if (year < row.period_from) throw new AppError('DECISION_INVALID', { field: 'decidedOn', reason: `ngày ký ${decidedOn} trước thời kỳ thành tích (${row.period_from})` });
  await runDecisionIssuing(q, { decisionId: id, authorityUnitId: row.authority_unit_id, external, decidedOn, year, awardees, acceptFundWarning: input.acceptFundWarning === true, actor });
  const number = external ? null : await repo.takeNextNumber(q, row.authority_unit_id, row.kind, year);
  const numberText = number === null ? (row.number_text as string) : formatNumber(number, row.kind);
  await repo.markIssued(q, id, { year, number, numberText, decidedOn, signerName: signerName ?? null, signerTitle: signerTitle ?? null, actorId: actor.id });
  await writeHistory(q, actor, { ...row, id }, awardees, { numberText, decidedOn, issuerUnitId: external ? null : row.authority_unit_id }).catch((e: unknown) => {
    // Name the award as the catalogue does, and the awardee's row of this decision.
    if (!(e instanceof AppError) || e.code !== 'AWARD_ALREADY_RECORDED') throw e;
    const d = e.details;
    const at = awardees.findIndex((a) => a.awardCode === d.award && (d.personId !== null ? a.personId === d.personId : a.unitId === d.unitId));
    throw new AppError('AWARD_ALREADY_RECORDED', { ...d, awardName: catalogue().byCode.get(String(d.award))?.nameVi ?? d.award, field: `awardees.${at}` });
  });
  const after = await current(q, id);
  await audit(q, actor, [{ action: 'decision.issue', entity: 'decision', entityId: id, orgUnitId: row.authority_unit_id, before: snapshot(before.row, before.awardees), after: snapshot(after.row, after.awardees) }]);
  await runDecisionIssued(q, { decisionId: id, number: numberText, decidedOn, authorityUnitId: row.authority_unit_id, awardees: after.awardees });
  return view(q, id);
}

/** Titles to person_title / unit_title (for the period's year), forms to award_record (for the period). */
async function writeHistory(q: Queryable, actor: Actor, row: repo.DecisionRow, awardees: CheckedAwardee[], d: { numberText: string; decidedOn: string; issuerUnitId: number | null }): Promise<void> {
  const byCode = catalogue().byCode;
  const titles = awardees.filter((a) => isTitle(byCode.get(a.awardCode) as NonNullable<ReturnType<typeof byCode.get>>));
  const forms = awardees.filter((a) => !titles.includes(a));
  await recordTitles(q, actor, titles.map((a) => ({
    personId: a.personId, unitId: a.holderUnitId, year: row.period_from, titleCode: a.awardCode, decisionNo: d.numberText, decisionDate: d.decidedOn, decisionId: row.id,
  })));
  await recordAwards(q, actor, forms.map((a) => ({
    personId: a.personId, unitId: a.personId ? null : a.unitId, formCode: a.awardCode, awardType: row.award_type, decisionNo: d.numberText, decisionDate: d.decidedOn,
    periodFrom: row.period_from, periodTo: row.period_to, issuerUnitId: d.issuerUnitId, decisionId: row.id,
  })));
}
