/**
 * The roots a decision's signature must chain to: the PEM bundle of SIGNATURE_TRUST_ROOTS (read once at start-up,
 * an unreadable file stops the start) plus the roots admins added in the app (table signature_trust_root,
 * permission document.template, audited). A removed root stays in the table: copies verified with it stay verified.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as pkijs from 'pkijs';
import type { Db, Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { nfc } from '../../shared/vietnamese.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import * as repo from './repo.ts';
import { certificatesOfPem } from './verify.ts';

/** The roots of the configured PEM bundle. @throws Error naming the file when it cannot be read or holds none */
export function loadConfiguredRoots(path: string | undefined): pkijs.Certificate[] {
  if (!path) return [];
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`SIGNATURE_TRUST_ROOTS: cannot read ${path}: ${(error as Error).message}`);
  }
  const certs = certificatesOfPem(pem);
  if (certs.length === 0) throw new Error(`SIGNATURE_TRUST_ROOTS: ${path} holds no certificate`);
  return certs;
}

/** Configured roots and the roots in force in the table. */
export async function trustedRoots(q: Queryable, configured: pkijs.Certificate[]): Promise<pkijs.Certificate[]> {
  const added = (await repo.activeTrustRoots(q)).flatMap((r) => certificatesOfPem(r.pem));
  return [...configured, ...added];
}

export interface TrustRootView {
  id: number;
  label: string;
  subject: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  version: number;
  createdAt: string;
}

const view = (r: repo.TrustRootRow): TrustRootView => ({
  id: r.id, label: r.label, subject: r.subject, fingerprintSha256: r.fingerprint_sha256, notBefore: r.not_before, notAfter: r.not_after, version: r.version, createdAt: r.created_at,
});

export async function listTrustRoots(q: Queryable): Promise<TrustRootView[]> {
  return (await repo.activeTrustRoots(q)).map(view);
}

const nameOf = (c: pkijs.Certificate) => c.subject.typesAndValues.map((t) => `${t.type === '2.5.4.3' ? 'CN' : t.type === '2.5.4.10' ? 'O' : t.type === '2.5.4.6' ? 'C' : t.type}=${String(t.value.valueBlock.value)}`).join(', ');

/**
 * Adds one root certificate (PEM). It must be a self-signed CA certificate, not yet trusted.
 * @throws AppError SIGNATURE_ROOT_INVALID (reason: unreadable, not_self_signed, already_trusted…)
 */
export async function addTrustRoot(db: Db, actor: Actor, input: { label: string; content: string }): Promise<TrustRootView> {
  let certs: pkijs.Certificate[];
  try {
    certs = certificatesOfPem(input.content);
  } catch {
    throw new AppError('SIGNATURE_ROOT_INVALID', { field: 'content', reason: 'unreadable' });
  }
  if (certs.length !== 1) throw new AppError('SIGNATURE_ROOT_INVALID', { field: 'content', reason: certs.length === 0 ? 'no_certificate' : 'more_than_one' });
  const [cert] = certs;
  if (!cert.subject.isEqual(cert.issuer)) throw new AppError('SIGNATURE_ROOT_INVALID', { field: 'content', reason: 'not_self_signed' });
  const selfSigned = await cert.verify().catch(() => false);
  if (!selfSigned) throw new AppError('SIGNATURE_ROOT_INVALID', { field: 'content', reason: 'self_signature_invalid' });
  const der = Buffer.from(cert.toSchema().toBER());
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  const fingerprint = createHash('sha256').update(der).digest('hex');
  return db.tx(async (q) => {
    if ((await repo.activeTrustRoots(q)).some((r) => r.fingerprint_sha256 === fingerprint)) throw new AppError('SIGNATURE_ROOT_INVALID', { field: 'content', reason: 'already_trusted' });
    const row = await repo.insertTrustRoot(q, {
      label: nfc(input.label), pem, subject: nameOf(cert), fingerprint,
      notBefore: cert.notBefore.value.toISOString(), notAfter: cert.notAfter.value.toISOString(), createdBy: actor.id,
    });
    await audit(q, actor, [{ action: 'signatures.add_root', entity: 'signature_trust_root', entityId: row.id, after: { label: row.label, subject: row.subject, fingerprint } }]);
    return view(row);
  });
}

/** Stops trusting an added root (kept in the table). @throws AppError NOT_FOUND | VERSION_CONFLICT */
export async function removeTrustRoot(db: Db, actor: Actor, id: number, version: number): Promise<void> {
  await db.tx(async (q) => {
    const row = await repo.lockTrustRoot(q, id);
    if (!row) throw new AppError('NOT_FOUND');
    await assertVersion(q, 'signature_trust_root', id, row.version, version);
    await repo.markTrustRootRemoved(q, id);
    await audit(q, actor, [{ action: 'signatures.remove_root', entity: 'signature_trust_root', entityId: id, before: { label: row.label, subject: row.subject, fingerprint: row.fingerprint_sha256, version: row.version } }]);
  });
}
