import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { lastSignature } from './pdf-signature.ts';

/** A hand-made PDF whose signature dictionary has this ByteRange text and Contents hex (offsets filled when null). */
function pdfWith(opts: { range?: (b: number, c: number, len: number) => string; subFilter?: string; contents?: string; tail?: string } = {}): Buffer {
  const contents = opts.contents ?? '3003020100';
  const before = `%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n2 0 obj\n<< /Type /Sig /SubFilter /${opts.subFilter ?? 'adbe.pkcs7.detached'} /ByteRange `;
  const rangeWidth = 40;
  const mid = ' /Contents ';
  const after = ` >>\nendobj\nstartxref\n0\n%%EOF\n${opts.tail ?? ''}`;
  const b = before.length + rangeWidth + mid.length;
  const c = b + contents.length + 2;
  const len = c + after.length;
  const range = (opts.range ?? ((bb, cc, ll) => `[0 ${bb} ${cc} ${ll - cc}]`))(b, c, len).padEnd(rangeWidth, ' ');
  return Buffer.from(`${before}${range}${mid}<${contents}>${after}`, 'latin1');
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, ...e.details } : { error: String(e) };
  }
  return null;
};

describe('finding the signature of a PDF', () => {
  it('reads the byte range, the sub-filter and the DER value without its zero padding', () => {
    const pdf = pdfWith({ contents: '3003020100000000' });
    const sig = lastSignature(pdf, 'a.pdf');
    expect(sig.subFilter).toBe('adbe.pkcs7.detached');
    expect(sig.cms.toString('hex')).toBe('3003020100');
    expect(sig.signedBytes.length).toBe(pdf.length - '<3003020100000000>'.length);
    expect(sig.signedBytes.toString('latin1')).not.toContain('<3003');
  });

  it('refuses a range that leaves part of the file unsigned, or does not fit the file', () => {
    expect(codeOf(() => lastSignature(pdfWith({ range: (b, c, l) => `[10 ${b - 10} ${c} ${l - c}]` }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_BYTE_RANGE', reason: 'not_from_start' });
    expect(codeOf(() => lastSignature(pdfWith({ range: (b, c, l) => `[0 ${b} ${c} ${l - c - 5}]` }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_BYTE_RANGE', reason: 'bytes_after_range' });
    expect(codeOf(() => lastSignature(pdfWith({ range: (b, c, l) => `[0 ${b} ${c} ${l - c + 5}]` }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_BYTE_RANGE', reason: 'beyond_end' });
    // The gap must be exactly the Contents hex string: a range skipping more (here 4 bytes before it) is refused.
    expect(codeOf(() => lastSignature(pdfWith({ range: (b, c, l) => `[0 ${b - 4} ${c} ${l - c}]` }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_BYTE_RANGE', reason: 'gap_not_contents' });
    // Bytes appended after signing (an incremental update nobody signed).
    expect(codeOf(() => lastSignature(pdfWith({ tail: '3 0 obj\n(sau khi ky)\nendobj\n%%EOF\n', range: (b, c, l) => `[0 ${b} ${c} ${l - c - 35}]` }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_BYTE_RANGE' });
  });

  it('refuses a file without a signature, with another kind of signature, an empty one, or no PDF at all', () => {
    expect(codeOf(() => lastSignature(Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_MISSING' });
    expect(codeOf(() => lastSignature(pdfWith({ subFilter: 'adbe.x509.rsa_sha1' }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_MISSING', subFilter: 'adbe.x509.rsa_sha1' });
    expect(codeOf(() => lastSignature(pdfWith({ contents: '0000' }), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_MISSING', reason: 'empty_contents' });
    expect(codeOf(() => lastSignature(Buffer.from('PK\u0003\u0004 a zip'), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_NOT_PDF', check: 'not_pdf_header' });
    expect(codeOf(() => lastSignature(Buffer.alloc(0), 'a.pdf'))).toMatchObject({ code: 'SIGNATURE_NOT_PDF', check: 'empty' });
  });
});
