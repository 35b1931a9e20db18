/**
 * Finds the digital signature embedded in a PDF (ISO 32000-1 §12.8): a signature dictionary with
 * `/ByteRange [a b c d]` and `/Contents <hex>` (a DER CMS SignedData, zero-padded), `/SubFilter` adbe.pkcs7.detached
 * or ETSI.CAdES.detached (PAdES). The signed bytes are the two ranges around the Contents hex string. A file signed
 * more than once carries one dictionary per incremental update: the LAST is the one that must cover the whole file,
 * so nothing was appended after the last signature.
 */
import { AppError } from '../../shared/errors.ts';

export const SUB_FILTERS = ['adbe.pkcs7.detached', 'ETSI.CAdES.detached'] as const;
export type SubFilter = (typeof SUB_FILTERS)[number];

export interface EmbeddedSignature {
  byteRange: [number, number, number, number];
  subFilter: SubFilter;
  /** The DER bytes of the CMS ContentInfo (trailing zero padding removed). */
  cms: Buffer;
  /** The bytes the signature covers: the file without the Contents hex string. */
  signedBytes: Buffer;
}

const HEADER = /^%PDF-(1\.[0-7]|2\.0)/;
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** The reason a file is not a PDF at all (by its bytes, never its name), or null. */
export function notPdfReason(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'empty';
  if (!HEADER.test(bytes.subarray(0, 16).toString('latin1'))) return 'not_pdf_header';
  if (!bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1').includes('%%EOF')) return 'no_eof_marker';
  return null;
}

/** Strips the zero padding signers leave after the DER value in the fixed-size Contents placeholder. */
function derOfHex(hex: string): Buffer {
  const raw = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  // The DER length says where the value ends: tag, then short or long form length.
  if (raw.length < 2 || raw[0] !== 0x30) return raw;
  const first = raw[1];
  if (first < 0x80) return raw.subarray(0, 2 + first);
  const n = first & 0x7f;
  if (n === 0 || n > 4 || raw.length < 2 + n) return raw;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + raw[2 + i];
  return raw.subarray(0, Math.min(raw.length, 2 + n + len));
}

/**
 * The last signature of the PDF, checked to cover the whole file except its own Contents hex string.
 * @throws AppError SIGNATURE_NOT_PDF | SIGNATURE_MISSING | SIGNATURE_BYTE_RANGE (reason: which rule failed)
 */
export function lastSignature(bytes: Buffer, fileName: string): EmbeddedSignature {
  const notPdf = notPdfReason(bytes);
  if (notPdf) throw new AppError('SIGNATURE_NOT_PDF', { field: 'file', fileName, check: notPdf });
  const text = bytes.toString('latin1');
  const ranges = [...text.matchAll(BYTE_RANGE)];
  const last = ranges.at(-1);
  if (!last) throw new AppError('SIGNATURE_MISSING', { field: 'file', fileName });
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  const byteRange: [number, number, number, number] = [a, b, c, d];
  const refuse = (reason: string) => new AppError('SIGNATURE_BYTE_RANGE', { field: 'file', reason, byteRange, fileSize: bytes.length });
  if (a !== 0) throw refuse('not_from_start');
  if (!(b > 0 && c > b && d >= 0)) throw refuse('malformed');
  if (c + d !== bytes.length) throw refuse(c + d < bytes.length ? 'bytes_after_range' : 'beyond_end');
  // The gap is exactly the Contents hex string, brackets included: nothing else escapes the signature.
  const gap = text.slice(b, c);
  // (A hex string may hold white space, which PDF readers ignore.)
  if (!/^<[0-9A-Fa-f\s]*>$/.test(gap)) throw refuse('gap_not_contents');
  if (!/\/Contents\s*$/.test(text.slice(Math.max(0, b - 32), b))) throw refuse('gap_not_contents');
  // The signature dictionary is the object around the gap; its /SubFilter names the format.
  const objStart = text.lastIndexOf(' obj', b);
  const objEnd = text.indexOf('endobj', c);
  const dict = `${text.slice(objStart < 0 ? Math.max(0, b - 4096) : objStart, b)} ${text.slice(c, objEnd < 0 ? c + 4096 : objEnd)}`;
  if (!dict.includes(last[0])) throw refuse('byte_range_outside_signature');
  const sub = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1];
  const subFilter = SUB_FILTERS.find((s) => s === sub);
  if (!subFilter) throw new AppError('SIGNATURE_MISSING', { field: 'file', fileName, subFilter: sub ?? null });
  const hex = gap.slice(1, -1).replace(/\s+/g, '');
  const cms = derOfHex(hex);
  if (cms.length === 0 || /^0*$/.test(hex)) throw new AppError('SIGNATURE_MISSING', { field: 'file', fileName, reason: 'empty_contents' });
  return { byteRange, subFilter, cms, signedBytes: Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]) };
}
