/** SQL of the signatures module: signed copies of decisions and the trusted roots admins add. */
import type { Queryable } from '../../server/db.ts';

export interface SignedCopyRow {
  id: number;
  decision_id: number;
  file_name: string;
  size_bytes: number;
  sha256: string;
  signer_name: string;
  organisation: string | null;
  serial: string;
  issuer_name: string | null;
  signed_at: string | null;
  sub_filter: string;
  digest_algorithm: string;
  verified_at: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

const COPY_COLUMNS = `id, decision_id, file_name, octet_length(pdf) as size_bytes, sha256, signer_name, organisation, serial, issuer_name,
  signed_at, sub_filter, digest_algorithm, verified_at, uploaded_by, uploaded_at`;

export interface NewSignedCopy {
  decisionId: number;
  pdf: Buffer;
  sha256: string;
  fileName: string;
  signerName: string;
  organisation: string | null;
  serial: string;
  issuerName: string | null;
  signedAt: string | null;
  subFilter: string;
  digestAlgorithm: string;
  verifiedAt: string;
  uploadedBy: number | null;
}

export async function insertSignedCopy(q: Queryable, c: NewSignedCopy): Promise<SignedCopyRow> {
  const rows = await q.query<SignedCopyRow>(
    `insert into decision_signature (decision_id, pdf, sha256, file_name, signer_name, organisation, serial, issuer_name, signed_at, sub_filter,
       digest_algorithm, verified_at, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning ${COPY_COLUMNS}`,
    [c.decisionId, c.pdf, c.sha256, c.fileName, c.signerName, c.organisation, c.serial, c.issuerName, c.signedAt, c.subFilter, c.digestAlgorithm, c.verifiedAt, c.uploadedBy],
  );
  return rows[0];
}

/** Every signed copy of a decision, newest first (the first is the one shown). */
export function signedCopiesOf(q: Queryable, decisionId: number): Promise<SignedCopyRow[]> {
  return q.query<SignedCopyRow>(`select ${COPY_COLUMNS} from decision_signature where decision_id = $1 order by id desc`, [decisionId]);
}

export async function signedCopyFile(q: Queryable, decisionId: number, copyId: number): Promise<{ fileName: string; content: Buffer } | null> {
  const rows = await q.query<{ file_name: string; pdf: Uint8Array }>(`select file_name, pdf from decision_signature where decision_id = $1 and id = $2`, [decisionId, copyId]);
  return rows[0] ? { fileName: rows[0].file_name, content: Buffer.from(rows[0].pdf) } : null;
}

export interface TrustRootRow {
  id: number;
  label: string;
  pem: string;
  subject: string;
  fingerprint_sha256: string;
  not_before: string;
  not_after: string;
  version: number;
  created_at: string;
}

const ROOT_COLUMNS = 'id, label, pem, subject, fingerprint_sha256, not_before, not_after, version, created_at';

/** The roots in force (not removed), oldest first. */
export function activeTrustRoots(q: Queryable): Promise<TrustRootRow[]> {
  return q.query<TrustRootRow>(`select ${ROOT_COLUMNS} from signature_trust_root where removed_at is null order by id`);
}

export async function lockTrustRoot(q: Queryable, id: number): Promise<TrustRootRow | null> {
  const rows = await q.query<TrustRootRow>(`select ${ROOT_COLUMNS} from signature_trust_root where id = $1 and removed_at is null for update`, [id]);
  return rows[0] ?? null;
}

export async function insertTrustRoot(
  q: Queryable,
  r: { label: string; pem: string; subject: string; fingerprint: string; notBefore: string; notAfter: string; createdBy: number | null },
): Promise<TrustRootRow> {
  const rows = await q.query<TrustRootRow>(
    `insert into signature_trust_root (label, pem, subject, fingerprint_sha256, not_before, not_after, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${ROOT_COLUMNS}`,
    [r.label, r.pem, r.subject, r.fingerprint, r.notBefore, r.notAfter, r.createdBy],
  );
  return rows[0];
}

export async function markTrustRootRemoved(q: Queryable, id: number): Promise<void> {
  await q.query('update signature_trust_root set removed_at = now(), version = version + 1 where id = $1', [id]);
}
