/**
 * Test certification authorities and digitally signed PDFs, made the way a signing tool does it: a PDF (drawn with
 * newPdf) gets an incremental update holding a signature dictionary whose /ByteRange and /Contents are placeholders;
 * the byte ranges around the Contents hex string are digested, a CMS SignedData (detached, signed attributes
 * contentType, signingTime, messageDigest) is made with pkijs, and its DER hex is written into the placeholder.
 */
import { webcrypto } from 'node:crypto';
import 'reflect-metadata'; // @peculiar/x509's dependency injection (tsyringe) needs it loaded first
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { FONT, newPdf, pdfBytes } from '../../src/server/pdf.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

/** A certificate with its key pair; `chain` = the certificates above it, up to (not including) the root. */
export interface Identity {
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  chain: x509.X509Certificate[];
  pem: string;
}

const DAY = 86_400_000;
let serial = Date.now();
const nextSerial = () => (++serial).toString(16).padStart(16, '0');

/** A self-signed root CA. */
export async function makeRootCa(name: string, opts: { notBefore?: Date; notAfter?: Date } = {}): Promise<Identity> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(), name, keys, notBefore: opts.notBefore ?? new Date(Date.now() - 3650 * DAY), notAfter: opts.notAfter ?? new Date(Date.now() + 3650 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, keys, chain: [], pem: cert.toString('pem') };
}

/** A certificate issued by `issuer`: a CA (intermediate) or an end-entity signer. */
export async function issueCert(issuer: Identity, name: string, opts: { ca?: boolean; notBefore?: Date; notAfter?: Date } = {}): Promise<Identity> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const usage = opts.ca ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(), subject: name, issuer: issuer.cert.subject, publicKey: keys.publicKey, signingKey: issuer.keys.privateKey,
    notBefore: opts.notBefore ?? new Date(Date.now() - 365 * DAY), notAfter: opts.notAfter ?? new Date(Date.now() + 365 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(!!opts.ca, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
  const chain = issuer.chain.length || issuer.cert.subject !== issuer.cert.issuer ? [issuer.cert, ...issuer.chain] : [];
  return { cert, keys, chain, pem: cert.toString('pem') };
}

/** A one-page decision drawn with the app's PDF set-up (Vietnamese text). */
export async function decisionPdf(text = 'QUYẾT ĐỊNH về việc tặng Bằng khen'): Promise<Buffer> {
  const doc = newPdf({ size: 'A4' });
  doc.font(FONT.bold).fontSize(14).text(text, { align: 'center' });
  doc.font(FONT.regular).fontSize(13).text('Điều 1. Tặng Bằng khen cho các cá nhân có tên trong danh sách kèm theo.');
  return pdfBytes(doc);
}

export interface SignOptions {
  signingTime?: Date;
  subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached';
  /** Sign with this key instead of the certificate's own (a forged signature). */
  privateKey?: CryptoKey;
  /** Leave out the chain certificates (the verifier then cannot build a chain). */
  withoutChain?: boolean;
}

const PLACEHOLDER_BYTES = 8192;
const RANGE_WIDTH = 48;

/** Appends a signature (incremental update) to `pdf`, signed by `signer`. */
export async function signPdf(pdf: Buffer, signer: Identity, opts: SignOptions = {}): Promise<Buffer> {
  const text = pdf.toString('latin1');
  const prev = Number([...text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1]);
  const size = Number([...text.matchAll(/\/Size\s+(\d+)/g)].at(-1)?.[1]);
  const root = [...text.matchAll(/\/Root\s+(\d+\s+\d+\s+R)/g)].at(-1)?.[1];
  if (!Number.isFinite(prev) || !Number.isFinite(size) || !root) throw new Error('signPdf: not a PDF with a classic trailer');
  const when = opts.signingTime ?? new Date();
  const head = `${pdf.at(-1) === 0x0a ? '' : '\n'}${size} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${opts.subFilter ?? 'adbe.pkcs7.detached'} /Name (Test Signer) /M (D:${when.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z) /ByteRange `;
  const rangeAt = pdf.length + Buffer.byteLength(head, 'latin1');
  const afterRange = `${' '.repeat(RANGE_WIDTH)} /Contents `;
  const contentsAt = rangeAt + Buffer.byteLength(afterRange, 'latin1');
  const placeholder = `<${'0'.repeat(PLACEHOLDER_BYTES * 2)}>`;
  const objEnd = contentsAt + placeholder.length;
  const tailObj = ' >>\nendobj\n';
  const xrefAt = objEnd + tailObj.length;
  const tail = `${tailObj}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(pdf.length + (head.startsWith('\n') ? 1 : 0)).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const total = objEnd + Buffer.byteLength(tail, 'latin1');
  const byteRange = `[0 ${contentsAt} ${objEnd} ${total - objEnd}]`.padEnd(RANGE_WIDTH, ' ');
  const out = Buffer.concat([pdf, Buffer.from(head + byteRange + afterRange.slice(RANGE_WIDTH) + placeholder + tail, 'latin1')]);
  if (out.length !== total) throw new Error('signPdf: length mismatch');
  const signed = Buffer.concat([out.subarray(0, contentsAt), out.subarray(objEnd)]);
  const der = await cmsSignature(signed, signer, when, opts);
  if (der.length > PLACEHOLDER_BYTES) throw new Error('signPdf: signature larger than its placeholder');
  out.write(der.toString('hex').toUpperCase().padEnd(PLACEHOLDER_BYTES * 2, '0'), contentsAt + 1, 'latin1');
  return out;
}

/** A detached CMS SignedData over `data` (DER). */
export async function cmsSignature(data: Buffer, signer: Identity, when: Date, opts: SignOptions = {}): Promise<Buffer> {
  const toPkijs = (c: x509.X509Certificate) => pkijs.Certificate.fromBER(c.rawData);
  const cert = toPkijs(signer.cert);
  const digest = await webcrypto.subtle.digest('SHA-256', data);
  const sd = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [new pkijs.SignerInfo({
      version: 1,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
      signedAttrs: new pkijs.SignedAndUnsignedAttributes({
        type: 0,
        attributes: [
          new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
          new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: when })] }),
          new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
        ],
      }),
    })],
    certificates: [cert, ...(opts.withoutChain ? [] : signer.chain.map(toPkijs))],
  });
  await sd.sign(opts.privateKey ?? signer.keys.privateKey, 0, 'SHA-256', undefined, engine);
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
  return Buffer.from(info.toSchema().toBER());
}

/** The PEM text of several certificates (a trust bundle file). */
export const pemBundle = (...ids: Identity[]) => ids.map((i) => i.pem).join('\n');
