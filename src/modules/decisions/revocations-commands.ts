import type { Queryable } from '../../server/db.ts';
import { cityToday } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import { dmy } from '../../shared/vn-format.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import type { Scope } from '../auth/scope.ts';
import { inScope } from '../auth/scope.ts';
import { catalogue } from '../catalogue/catalogue.ts';
import { revokeDecisionRecords } from '../people/award-writes.ts';
import { formatNumber } from './commands.ts';
import * as repo from './repo.ts';
import { awardeeRevocations, runAwardeesRevoked } from './revocations.ts';
import * as rrepo from './revocations-repo.ts';
import { KIND_PATTERN } from './validate.ts';
import { decisionDetail, loadInScope, presentDecisions } from './view.ts';

// Revocation of awards (hủy bỏ quyết định khen thưởng; thu hồi hiện vật, tiền thưởng — Law Art 93): a decision of the
// authority that gave the awards, in the caller's transaction. Its number comes from the register like an issue's;
// the history rows lose their effect from its date (people's `revokeDecisionRecords`), then the modules above follow
// (`onAwardeesRevoked`: certificates, rewards).

export interface RevocationInput {
  /** The version of the revoked decision the user saw. */
  version: number;
  /** Which awardees of the decision (decision_awardee ids); omitted or null: all not yet revoked. */
  awardeeIds?: number[] | null;
  ground: rrepo.RevocationGround;
  reason: string;
  legalBasis: string;
  /** The symbol of the revoking decision ("QĐ-UBND"); the revoked decision's by default. */
  kind?: string | null;
  decidedOn: string;
  signerName: string;
  signerTitle?: string | null;
  /** The revoked decision was made elsewhere (Thủ tướng…): so is its revocation, recorded with its number. */
  external?: { authority: string; number: string } | null;
}

export interface RevokedAwardeeView {
  awardeeId: number;
  personId: number | null;
  unitId: number | null;
  name: string;
  awardCode: string;
  awardName: string;
  certificateRecoveredOn: string | null;
  moneyAmount: number | null;
  moneyRecoveredOn: string | null;
  recoveryNote: string | null;
  version: number;
}

export interface RevocationView {
  id: number;
  decisionId: number;
  authorityUnitId: number;
  kind: string;
  year: number;
  number: number | null;
  numberText: string;
  externalAuthority: string | null;
  decidedOn: string;
  signerName: string;
  signerTitle: string | null;
  ground: rrepo.RevocationGround;
  reason: string;
  legalBasis: string;
  version: number;
  createdAt: string;
  awardees: RevokedAwardeeView[];
}

const invalid = (field: string, reason: string) => new AppError('REVOCATION_INVALID', { field, reason });
const awardName = (code: string) => catalogue().byCode.get(code)?.nameVi ?? code;

async function present(q: Queryable, rows: rrepo.RevocationRow[]): Promise<RevocationView[]> {
  if (rows.length === 0) return [];
  const revoked = await rrepo.revokedAwardees(q, rows.map((r) => r.id));
  const [decision] = await presentDecisions(q, [(await repo.findDecision(q, rows[0].decision_id)) as repo.DecisionRow]);
  const byId = new Map(decision.awardees.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id, decisionId: r.decision_id, authorityUnitId: r.authority_unit_id, kind: r.kind, year: r.year, number: r.number, numberText: r.number_text,
    externalAuthority: r.external_authority, decidedOn: r.decided_on, signerName: r.signer_name, signerTitle: r.signer_title, ground: r.ground,
    reason: r.reason, legalBasis: r.legal_basis, version: r.version, createdAt: r.created_at,
    awardees: revoked.filter((x) => x.revocation_id === r.id).map((x) => {
      const a = byId.get(x.awardee_id);
      return {
        awardeeId: x.awardee_id, personId: a?.personId ?? null, unitId: a?.unitId ?? null, name: a?.name ?? '', awardCode: a?.awardCode ?? '', awardName: a?.awardName ?? '',
        certificateRecoveredOn: x.certificate_recovered_on, moneyAmount: x.money_amount, moneyRecoveredOn: x.money_recovered_on, recoveryNote: x.recovery_note, version: x.version,
      };
    }),
  }));
}

/**
 * The revocations of a decision the reader may see, and each awardee's state (revoked by which one, or not).
 * @throws AppError NOT_FOUND
 */
export async function decisionRevocations(q: Queryable, scope: Scope, decisionId: number, revokeScope: Scope): Promise<{ items: RevocationView[]; awardees: { awardeeId: number; name: string; awardCode: string; awardName: string; revocationId: number | null; revokedOn: string | null }[]; actions: { canRevoke: boolean; canRecordRecovery: boolean } }> {
  const decision = await decisionDetail(q, scope, decisionId);
  const items = await present(q, await rrepo.revocationsOf(q, decisionId));
  const revokedBy = new Map(items.flatMap((r) => r.awardees.map((a) => [a.awardeeId, r] as const)));
  const awardees = decision.awardees.map((a) => ({
    awardeeId: a.id, name: a.name, awardCode: a.awardCode, awardName: a.awardName,
    revocationId: revokedBy.get(a.id)?.id ?? null, revokedOn: revokedBy.get(a.id)?.decidedOn ?? null,
  }));
  const mayRevoke = decision.status === 'issued' && inScope(revokeScope, decision.authorityUnitId);
  return { items, awardees, actions: { canRevoke: mayRevoke && awardees.some((a) => a.revocationId === null), canRecordRecovery: mayRevoke && items.length > 0 } };
}

/**
 * One revocation of a decision the reader may see.
 * @throws AppError NOT_FOUND
 */
export async function revocationDetail(q: Queryable, scope: Scope, decisionId: number, revocationId: number): Promise<RevocationView> {
  await decisionDetail(q, scope, decisionId);
  const row = await rrepo.findRevocation(q, revocationId);
  if (!row || row.decision_id !== decisionId) throw new AppError('NOT_FOUND');
  const [view] = await present(q, [row]);
  return view;
}

/**
 * Revokes some or all awardees of an issued decision: the revoking decision takes the next number of its register
 * (made here), each awardee's titles and forms from that decision are revoked from its date, the awardees are
 * marked revoked, and `onAwardeesRevoked` handlers run — all in the caller's transaction.
 * @throws AppError NOT_FOUND (decision outside the scope, unknown awardee) | REVOCATION_STATE (not issued) |
 *   VERSION_CONFLICT | AWARD_ALREADY_REVOKED | REVOCATION_INVALID
 */
export async function revokeAwards(q: Queryable, actor: Actor, scope: Scope, decisionId: number, input: RevocationInput): Promise<RevocationView> {
  const row = await loadInScope(q, scope, decisionId, true);
  if (row.status !== 'issued') throw new AppError('REVOCATION_STATE', { status: row.status, decisionId });
  await assertVersion(q, 'decision', decisionId, row.version, input.version);
  const awardees = await repo.awardeesOf(q, [decisionId]);
  const already = await awardeeRevocations(q, awardees.map((a) => a.id));
  const [decision] = await presentDecisions(q, [row]);
  const nameOf = new Map(decision.awardees.map((a) => [a.id, a.name]));
  const refuseRevoked = (id: number) => {
    const r = already.get(id) as { revokingNumber: string; revokingDate: string };
    return new AppError('AWARD_ALREADY_REVOKED', { awardeeId: id, name: nameOf.get(id) ?? '', revokingNumber: r.revokingNumber, revokingDate: dmy(r.revokingDate) });
  };
  let chosen: repo.AwardeeRow[];
  if (input.awardeeIds && input.awardeeIds.length > 0) {
    const byId = new Map(awardees.map((a) => [a.id, a]));
    chosen = input.awardeeIds.map((id, i) => {
      const a = byId.get(id);
      if (!a) throw new AppError('NOT_FOUND', { field: `awardeeIds.${i}` });
      if (already.has(id)) throw refuseRevoked(id);
      return a;
    });
    if (new Set(input.awardeeIds).size !== input.awardeeIds.length) throw invalid('awardeeIds', 'một người, tập thể được chọn hai lần');
  } else {
    chosen = awardees.filter((a) => !already.has(a.id));
    if (chosen.length === 0) throw refuseRevoked(awardees[0].id);
  }

  const decidedOn = input.decidedOn;
  if (decidedOn > cityToday()) throw invalid('decidedOn', `ngày ký ${dmy(decidedOn)} ở tương lai`);
  if (row.decided_on && decidedOn < row.decided_on) throw invalid('decidedOn', `ngày ký ${dmy(decidedOn)} trước quyết định bị hủy bỏ (${dmy(row.decided_on)})`);
  const signerName = input.signerName.trim();
  if (!signerName) throw invalid('signerName', 'quyết định hủy bỏ cần người ký');
  if (!input.reason.trim()) throw invalid('reason', 'cần nêu lý do hủy bỏ');
  if (!input.legalBasis.trim()) throw invalid('legalBasis', 'cần nêu căn cứ pháp lý');
  const external = row.external_authority !== null;
  if (external !== Boolean(input.external)) {
    throw invalid('external', external ? 'quyết định bị hủy bỏ do cơ quan khác ban hành: ghi số và cơ quan của quyết định hủy bỏ' : 'quyết định của đơn vị hủy bỏ bằng quyết định của chính đơn vị, số lấy từ sổ');
  }
  const kind = input.kind?.trim() || row.kind;
  if (!external && !KIND_PATTERN.test(kind)) throw invalid('kind', `ký hiệu "${kind}" không đúng dạng (ví dụ QĐ-UBND)`);
  const year = Number(decidedOn.slice(0, 4));
  const number = external ? null : await repo.takeNextNumber(q, row.authority_unit_id, kind, year);
  const numberText = number === null ? (input.external as { number: string }).number.trim() : formatNumber(number, kind);

  const revocationId = await rrepo.insertRevocation(q, {
    decisionId, authorityUnitId: row.authority_unit_id, kind, year, number, numberText, externalAuthority: input.external?.authority.trim() ?? null, decidedOn,
    signerName, signerTitle: input.signerTitle?.trim() || null, ground: input.ground, reason: input.reason.trim(), legalBasis: input.legalBasis.trim(),
  }, chosen.map((a) => a.id), actor.id);
  const revokedRows = await revokeDecisionRecords(q, actor, decisionId, chosen.map((a) => ({ personId: a.person_id, unitId: a.unit_id, awardCode: a.award_code })), decidedOn);
  const version = await rrepo.bumpDecisionVersion(q, decisionId);
  const [view] = await present(q, [(await rrepo.findRevocation(q, revocationId)) as rrepo.RevocationRow]);
  const revokedIds = chosen.map((a) => a.id);
  await audit(q, actor, [
    { action: 'decision.revocation.create', entity: 'decision_revocation', entityId: revocationId, orgUnitId: row.authority_unit_id, before: null, after: { ...view, historyRowsRevoked: revokedRows } },
    { action: 'decision.revoke', entity: 'decision', entityId: decisionId, orgUnitId: row.authority_unit_id, before: { version: row.version, revokedAwardees: [...already.keys()] }, after: { version, revokedAwardees: [...already.keys(), ...revokedIds], revocationId } },
  ]);
  await runAwardeesRevoked(q, {
    revocationId, decisionId, numberText, revokedOn: decidedOn, reason: view.reason,
    awardees: chosen.map((a) => ({ awardeeId: a.id, personId: a.person_id, unitId: a.unit_id, awardCode: a.award_code })),
  });
  return view;
}

export interface RecoveryInput {
  version: number;
  certificateRecoveredOn?: string | null;
  moneyAmount?: number | null;
  moneyRecoveredOn?: string | null;
  note?: string | null;
}

/**
 * Records what was recovered from a revoked awardee (the certificate, the money): versioned, audited.
 * @throws AppError NOT_FOUND | VERSION_CONFLICT | REVOCATION_INVALID
 */
export async function recordRecovery(q: Queryable, actor: Actor, scope: Scope, decisionId: number, revocationId: number, awardeeId: number, input: RecoveryInput): Promise<RevocationView> {
  const decision = await loadInScope(q, scope, decisionId);
  const revocation = await rrepo.findRevocation(q, revocationId);
  if (!revocation || revocation.decision_id !== decisionId || !inScope(scope, decision.authority_unit_id)) throw new AppError('NOT_FOUND');
  const row = await rrepo.findRevokedAwardee(q, revocationId, awardeeId, true);
  if (!row) throw new AppError('NOT_FOUND', { field: 'awardeeId' });
  await assertVersion(q, 'decision_revocation_awardee', row.id, row.version, input.version);
  const today = cityToday();
  for (const field of ['certificateRecoveredOn', 'moneyRecoveredOn'] as const) {
    const d = input[field];
    if (!d) continue;
    if (d > today) throw invalid(field, `ngày ${dmy(d)} ở tương lai`);
    if (d < revocation.decided_on) throw invalid(field, `ngày ${dmy(d)} trước quyết định hủy bỏ (${dmy(revocation.decided_on)})`);
  }
  if (input.moneyRecoveredOn && input.moneyAmount == null) throw invalid('moneyAmount', 'ghi số tiền đã thu hồi');
  const next: rrepo.Recovery = { certificateRecoveredOn: input.certificateRecoveredOn ?? null, moneyAmount: input.moneyAmount ?? null, moneyRecoveredOn: input.moneyRecoveredOn ?? null, note: input.note?.trim() || null };
  await rrepo.updateRecovery(q, row.id, next, actor.id);
  await audit(q, actor, [{
    action: 'decision.revocation.recovery', entity: 'decision_revocation_awardee', entityId: row.id, orgUnitId: decision.authority_unit_id,
    before: { certificateRecoveredOn: row.certificate_recovered_on, moneyAmount: row.money_amount, moneyRecoveredOn: row.money_recovered_on, note: row.recovery_note, version: row.version },
    after: { ...next, revocationId, awardeeId, version: row.version + 1 },
  }]);
  const [view] = await present(q, [revocation]);
  return view;
}

/** The revoked awards of a person the caller has already found in scope (the person page strikes them through). */
export async function personRevokedAwards(q: Queryable, personId: number): Promise<{ decisionId: number; awardeeId: number; awardCode: string; awardName: string; decisionNumber: string | null; decisionDate: string | null; periodFrom: number; periodTo: number; revocationId: number; revokingNumber: string; revokedOn: string; reason: string }[]> {
  return (await rrepo.revokedOfPerson(q, personId)).map((r) => ({
    decisionId: r.decision_id, awardeeId: r.awardee_id, awardCode: r.award_code, awardName: awardName(r.award_code), decisionNumber: r.decision_number, decisionDate: r.decision_date,
    periodFrom: r.period_from, periodTo: r.period_to, revocationId: r.revocation_id, revokingNumber: r.number_text, revokedOn: r.decided_on, reason: r.reason,
  }));
}
