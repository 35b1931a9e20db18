/**
 * Signed copies of issued decisions: upload (verified before anything is stored), list and download. An upload
 * never replaces a copy: every verified copy is kept, the newest is the one shown (nothing issued is overwritten).
 */
import { createHash } from 'node:crypto';
import type * as pkijs from 'pkijs';
import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, audit } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { decisionDetail, loadInScope } from '../decisions/view.ts';
import { lastSignature } from './pdf-signature.ts';
import * as repo from './repo.ts';
import { trustedRoots } from './trust.ts';
import { verifyPdfSignature } from './verify.ts';

/** 20 MB: a signed decision with an annex of a thousand names is a few MB. */
export const MAX_SIGNED_PDF_BYTES = 20 * 1_048_576;

export interface SignedCopyView {
  id: number;
  decisionId: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  signerName: string;
  organisation: string | null;
  serial: string;
  issuerName: string | null;
  signedAt: string | null;
  subFilter: string;
  digestAlgorithm: string;
  verifiedAt: string;
  uploadedAt: string;
}

const view = (r: repo.SignedCopyRow): SignedCopyView => ({
  id: r.id, decisionId: r.decision_id, fileName: r.file_name, sizeBytes: r.size_bytes, sha256: r.sha256, signerName: r.signer_name,
  organisation: r.organisation, serial: r.serial, issuerName: r.issuer_name, signedAt: r.signed_at, subFilter: r.sub_filter,
  digestAlgorithm: r.digest_algorithm, verifiedAt: r.verified_at, uploadedAt: r.uploaded_at,
});

/**
 * Verifies and stores the signed PDF of an issued decision whose authority lies in the scope (of decision.issue).
 * @throws AppError NOT_FOUND | PAYLOAD_TOO_LARGE | SIGNATURE_DECISION_NOT_ISSUED | SIGNATURE_NOT_PDF | SIGNATURE_MISSING |
 *   SIGNATURE_BYTE_RANGE | SIGNATURE_DIGEST_MISMATCH | SIGNATURE_INVALID | SIGNATURE_CERT_EXPIRED | SIGNATURE_UNTRUSTED
 */
export async function uploadSignedCopy(
  db: Db, actor: Actor, scope: Scope, decisionId: number, input: { fileName: string; content: Buffer }, configuredRoots: pkijs.Certificate[], now = new Date(),
): Promise<SignedCopyView> {
  if (input.content.length > MAX_SIGNED_PDF_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${MAX_SIGNED_PDF_BYTES / 1_048_576} MB`, field: 'file' });
  const decision = await loadInScope(db, scope, decisionId);
  if (decision.status !== 'issued') throw new AppError('SIGNATURE_DECISION_NOT_ISSUED', { status: decision.status });
  // The verification (CPU and crypto) runs outside the transaction; only the insert holds a lock.
  const embedded = lastSignature(input.content, input.fileName);
  const verified = await verifyPdfSignature(embedded, await trustedRoots(db, configuredRoots), now);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return db.tx(async (q) => {
    const locked = await loadInScope(q, scope, decisionId, true);
    if (locked.status !== 'issued') throw new AppError('SIGNATURE_DECISION_NOT_ISSUED', { status: locked.status });
    const row = await repo.insertSignedCopy(q, {
      decisionId, pdf: input.content, sha256, fileName: nfc(input.fileName), signerName: verified.signerName, organisation: verified.organisation,
      serial: verified.serial, issuerName: verified.issuerName, signedAt: verified.signedAt, subFilter: embedded.subFilter,
      digestAlgorithm: verified.digestAlgorithm, verifiedAt: now.toISOString(), uploadedBy: actor.id,
    });
    await audit(q, actor, [{
      action: 'signatures.upload', entity: 'decision_signature', entityId: row.id, orgUnitId: locked.authority_unit_id,
      after: { decisionId, fileName: row.file_name, sha256, sizeBytes: row.size_bytes, signerName: row.signer_name, organisation: row.organisation, serial: row.serial, issuerName: row.issuer_name, signedAt: row.signed_at },
    }]);
    return view(row);
  });
}

/** The signed copies of a decision the reader may see (decision.read), newest first. @throws AppError NOT_FOUND */
export async function signedCopies(q: Queryable, scope: Scope, decisionId: number): Promise<SignedCopyView[]> {
  await decisionDetail(q, scope, decisionId);
  return (await repo.signedCopiesOf(q, decisionId)).map(view);
}

/** The bytes of one signed copy, as stored. @throws AppError NOT_FOUND */
export async function signedCopyFile(q: Queryable, scope: Scope, decisionId: number, copyId: number): Promise<{ fileName: string; content: Buffer }> {
  await decisionDetail(q, scope, decisionId);
  const file = await repo.signedCopyFile(q, decisionId, copyId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
