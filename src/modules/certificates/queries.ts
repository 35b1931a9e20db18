/**
 * A decision's certificates: the list (decision.read, as the decision itself) and the print (certificate.print on
 * the decision's authority), as one PDF in the blank or the colour variant, at a chosen printer's offsets.
 */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { awardeeRevocations } from '../decisions/revocations.ts';
import { decisionDetail } from '../decisions/view.ts';
import { blanks } from './blanks.ts';
import { formatShortCode } from './codes.ts';
import * as repo from './repo.ts';
import { type CertificatePrint, type Variant, registerText, renderCertificates } from './render.ts';

export interface CertificateView {
  id: number;
  awardeeId: number;
  name: string;
  unitName: string | null;
  awardCode: string;
  awardName: string;
  blankCode: string;
  registerNumber: number;
  year: number;
  registerText: string;
  code: string;
  shortCode: string;
  verifyUrl: string;
  revokedOn: string | null;
}

export const verifyUrl = (base: string, code: string) => `${base.replace(/\/+$/, '')}/verify/${code}`;

/** The certificates of a decision the reader may see (decisions' own rule). @throws AppError NOT_FOUND */
export async function listDecisionCertificates(q: Queryable, scope: Scope, decisionId: number, base: string): Promise<{ items: CertificateView[]; authorityUnitId: number }> {
  const d = await decisionDetail(q, scope, decisionId);
  const rows = await repo.certificatesOfDecision(q, decisionId);
  const revoked = await awardeeRevocations(q, rows.map((r) => r.awardee_id));
  const items = rows.map((r) => ({
    id: r.id, awardeeId: r.awardee_id, name: r.full_name, unitName: r.unit_name, awardCode: r.award_code, awardName: r.award_name,
    blankCode: blanks().forAward(r.award_code).code, registerNumber: r.register_number, year: r.year, registerText: registerText(r.register_number, r.year),
    code: r.code, shortCode: formatShortCode(r.short_code), verifyUrl: verifyUrl(base, r.code), revokedOn: revoked.get(r.awardee_id)?.revokedOn ?? null,
  }));
  return { items, authorityUnitId: d.authorityUnitId };
}

export const toPrint = (r: repo.CertificateRow, base: string): CertificatePrint => ({
  awardCode: r.award_code, awardName: r.award_name, awardText: r.award_text, fullName: r.full_name, unitName: r.unit_name,
  decisionNumber: r.decision_number, decidedOn: r.decided_on, registerNumber: r.register_number, year: r.year, authorityName: r.authority_name,
  signerTitle: r.signer_title, signerName: r.signer_name, shortCode: r.short_code, verifyUrl: verifyUrl(base, r.code),
});

export interface PrintRequest { variant: Variant; printer?: string | null; certificateId?: number | null }

/**
 * The PDF of a decision's certificates (or one of them). Revoked ones are left out of a whole decision's print.
 * @throws AppError NOT_FOUND | CERTIFICATE_FIELD_OFF_SHEET | CERTIFICATE_TEXT_TOO_LONG
 */
export async function printDecisionCertificates(q: Queryable, scope: Scope, decisionId: number, req: PrintRequest, base: string): Promise<{ bytes: Buffer; count: number; numberText: string }> {
  const d = await decisionDetail(q, { all: true }, decisionId);
  if (!inScope(scope, d.authorityUnitId)) throw new AppError('NOT_FOUND');
  let rows = await repo.certificatesOfDecision(q, decisionId);
  if (req.certificateId) rows = rows.filter((r) => r.id === req.certificateId);
  else {
    const revoked = await awardeeRevocations(q, rows.map((r) => r.awardee_id));
    rows = rows.filter((r) => !revoked.has(r.awardee_id));
  }
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  const offsets = req.printer && req.variant === 'blank' ? await repo.printerOffsets(q, req.printer, scope.all ? null : scope.unitIds, d.authorityUnitId) : new Map();
  const bytes = await renderCertificates(rows.map((r) => toPrint(r, base)), { variant: req.variant, offsets });
  return { bytes, count: rows.length, numberText: d.numberText ?? String(d.id) };
}
