/**
 * Attachments are PDF only, judged by their bytes, never by their name or declared type: a renamed .txt or an
 * HTML page is refused. The check is a sanity parse, not a renderer: the "%PDF-1.x" / "%PDF-2.0" header, an
 * end-of-file marker near the end, at least one indirect object, and a cross-reference (table or stream).
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

/** 10 MB per part: a scanned submission of a few dozen pages; larger files are split by the sender. */
export const MAX_PART_BYTES = 10 * 1_048_576;

const HEADER = /^%PDF-(1\.[0-7]|2\.0)/;

/** The reason a file is not an acceptable PDF, or null when it is. */
export function pdfProblem(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'empty';
  if (!HEADER.test(bytes.subarray(0, 16).toString('latin1'))) return 'not_pdf_header';
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) return 'no_eof_marker';
  const body = bytes.toString('latin1');
  if (!/\d+\s+\d+\s+obj\b/.test(body) || !body.includes('endobj')) return 'no_objects';
  if (!body.includes('startxref') || !(body.includes('xref') || body.includes('/XRef'))) return 'no_cross_reference';
  return null;
}

/**
 * Checks an upload and returns its digest.
 * @throws AppError PAYLOAD_TOO_LARGE | DOSSIER_PART_NOT_PDF (naming the failed check)
 */
export function checkPdf(bytes: Buffer, fileName: string): { sha256: string } {
  if (bytes.length > MAX_PART_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${MAX_PART_BYTES / 1_048_576} MB`, field: 'file' });
  const problem = pdfProblem(bytes);
  if (problem) throw new AppError('DOSSIER_PART_NOT_PDF', { field: 'file', fileName, check: problem });
  return { sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A minimal valid PDF (one empty page), for tests and the demo city. */
export function samplePdf(text = 'vinhdanh'): Buffer {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Title (${text.replace(/[()\\]/g, '')}) >>`];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
