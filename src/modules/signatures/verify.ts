/**
 * Verifies the CMS (PKCS#7) detached signature of a signed PDF, step by step so a refusal names what failed:
 * the messageDigest signed attribute against the digest of the signed bytes (tampered file), the signature over the
 * signed attributes with the signer certificate (forged signature), the signer certificate's validity at the signing
 * time (expired), and its chain to a trusted root at that time (untrusted CA). Revocation (CRL/OCSP) and signature
 * time-stamps are not checked: the signing time is the signingTime attribute the signer put, or now.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../shared/errors.ts';
import type { EmbeddedSignature } from './pdf-signature.ts';

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  commonName: '2.5.4.3',
  organisation: '2.5.4.10',
} as const;

/** Digest algorithms a signer may name (SHA-1 only for old tokens still in use). */
const DIGESTS: Record<string, 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

export interface VerifiedSignature {
  signerName: string;
  organisation: string | null;
  /** Hex, upper case, as certificate viewers show it. */
  serial: string;
  issuerName: string | null;
  /** The signingTime attribute (ISO), null when absent. */
  signedAt: string | null;
  digestAlgorithm: string;
}

const attr = (name: pkijs.RelativeDistinguishedNames, oid: string): string | null => {
  const v = name.typesAndValues.find((t) => t.type === oid)?.value.valueBlock.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
};
const subjectOf = (c: pkijs.Certificate) => attr(c.subject, OID.commonName) ?? attr(c.subject, OID.organisation) ?? '?';
const ab = (b: Buffer | Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const invalid = (reason: string, more: Record<string, unknown> = {}) => new AppError('SIGNATURE_INVALID', { field: 'file', reason, ...more });

/** Certificates of a PEM bundle (any text around the blocks is ignored). @throws Error on a block that is no certificate */
export function certificatesOfPem(pem: string): pkijs.Certificate[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  return blocks.map((m) => pkijs.Certificate.fromBER(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
}

function parseSignedData(cms: Buffer): pkijs.SignedData {
  let info: pkijs.ContentInfo;
  try {
    info = pkijs.ContentInfo.fromBER(ab(cms));
  } catch {
    throw invalid('cms_unreadable');
  }
  if (info.contentType !== OID.signedData) throw invalid('not_signed_data');
  try {
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw invalid('cms_unreadable');
  }
}

function signedAttr(si: pkijs.SignerInfo, oid: string): asn1js.AsnType | null {
  return si.signedAttrs?.attributes.find((a) => a.type === oid)?.values[0] ?? null;
}

function signingTimeOf(si: pkijs.SignerInfo): Date | null {
  const v = signedAttr(si, OID.signingTime);
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return null;
}

/**
 * Verifies the signature against the trusted roots at `now`.
 * @throws AppError SIGNATURE_INVALID | SIGNATURE_DIGEST_MISMATCH | SIGNATURE_CERT_EXPIRED | SIGNATURE_UNTRUSTED
 */
export async function verifyPdfSignature(sig: EmbeddedSignature, trustedRoots: pkijs.Certificate[], now: Date): Promise<VerifiedSignature> {
  const sd = parseSignedData(sig.cms);
  // Signers that countersign put more SignerInfos; the document signature is the first.
  const si = sd.signerInfos[0];
  if (!si) throw invalid('no_signer');
  if (!si.signedAttrs) throw invalid('no_signed_attributes');
  if (!signedAttr(si, OID.contentType)) throw invalid('no_content_type_attribute');
  const digestAlgorithm = DIGESTS[si.digestAlgorithm.algorithmId];
  if (!digestAlgorithm) throw invalid('unsupported_digest', { algorithm: si.digestAlgorithm.algorithmId });
  const messageDigest = signedAttr(si, OID.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString)) throw invalid('no_message_digest_attribute');

  // 1. The bytes signed are the bytes uploaded.
  const actual = Buffer.from(await webcrypto.subtle.digest(digestAlgorithm, sig.signedBytes));
  if (!actual.equals(Buffer.from(messageDigest.valueBlock.valueHexView))) throw new AppError('SIGNATURE_DIGEST_MISMATCH', { field: 'file', algorithm: digestAlgorithm });

  // 2. The signature over the signed attributes, with the signer certificate the CMS names.
  let signer: pkijs.Certificate;
  try {
    const result = await sd.verify({ signer: 0, data: ab(sig.signedBytes), extendedMode: true, checkChain: false }, engine);
    if (!result.signatureVerified || !result.signerCertificate) throw invalid('signature_does_not_verify');
    signer = result.signerCertificate;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: number }).code;
    throw invalid(code === 3 || code === 2 ? 'signer_certificate_missing' : 'signature_does_not_verify');
  }

  // 3. Validity at the signing time (the attribute, or now when there is none; a time to come is refused).
  const signingTime = signingTimeOf(si);
  if (signingTime && signingTime.getTime() > now.getTime() + 5 * 60_000) throw invalid('signing_time_in_future', { signedAt: signingTime.toISOString() });
  const at = signingTime ?? now;
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const expired = (c: pkijs.Certificate) => c.notBefore.value > at || c.notAfter.value < at;
  const expiredError = (c: pkijs.Certificate) =>
    new AppError('SIGNATURE_CERT_EXPIRED', { field: 'file', subject: subjectOf(c), signedAt: at.toISOString(), notBefore: c.notBefore.value.toISOString(), notAfter: c.notAfter.value.toISOString() });
  if (expired(signer)) throw expiredError(signer);

  // 4. A chain from the signer to a trusted root, every certificate valid at the signing time.
  const untrusted = (reason: string) => new AppError('SIGNATURE_UNTRUSTED', { field: 'file', reason, signer: subjectOf(signer), issuer: attr(signer.issuer, OID.commonName) ?? '?' });
  if (trustedRoots.length === 0) throw untrusted('no_trusted_roots');
  const chain = new pkijs.CertificateChainValidationEngine({ trustedCerts: trustedRoots, certs: [...certs.filter((c) => c !== signer), signer], checkDate: at });
  let verdict: { result: boolean; resultCode?: number; resultMessage?: string; certificatePath?: pkijs.Certificate[] };
  try {
    verdict = await chain.verify({}, engine);
  } catch (error) {
    throw untrusted(String((error as { resultMessage?: string }).resultMessage ?? (error as Error).message ?? 'chain'));
  }
  if (!verdict.result) {
    const stale = verdict.resultCode === 8 ? [...certs, ...trustedRoots].find(expired) : undefined;
    if (stale) throw expiredError(stale);
    throw untrusted(verdict.resultMessage || 'no_chain');
  }
  return {
    signerName: subjectOf(signer),
    organisation: attr(signer.subject, OID.organisation),
    serial: Buffer.from(signer.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    issuerName: attr(signer.issuer, OID.commonName),
    signedAt: signingTime?.toISOString() ?? null,
    digestAlgorithm,
  };
}
