/**
 * Certificates as PDF: the blank print (only the fields, at the printer's calibrated offset, for the pre-printed
 * phôi) or the full-colour e-certificate (frame drawn with vector shapes — no national emblem — heading lines and the
 * same fields). One page per certificate, the page the size of its blank; the QR is drawn as vector squares.
 */
import QRCode from 'qrcode';
import { newPdf, pdfBytes, PT_PER_MM } from '../../server/pdf.ts';
import { dmy, longDateVi } from '../../shared/vn-format.ts';
import { type Blank, COLOUR_FIELDS, type FieldName, PRINTED_FIELDS, blanks } from './blanks.ts';
import { formatShortCode } from './codes.ts';
import { type Offset, type TextLayout, drawLayout, fitText, placeBox } from './layout.ts';

export type Variant = 'blank' | 'colour';

/** What a certificate prints (as kept at issue). */
export interface CertificatePrint {
  awardCode: string;
  awardName: string;
  awardText: string;
  fullName: string;
  unitName: string | null;
  decisionNumber: string;
  decidedOn: string;
  registerNumber: number;
  year: number;
  authorityName: string;
  signerTitle: string | null;
  signerName: string | null;
  shortCode: string;
  /** The public verification address the QR encodes. */
  verifyUrl: string;
}

export const registerText = (n: number, year: number) => `Số sổ khen thưởng: ${n}/${year}`;

/** The head's title without "KT." / "TM." and the deputy's line: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" → "CHỦ TỊCH". */
function headTitle(signerTitle: string | null): string {
  const first = (signerTitle ?? '').split('\n')[0].replace(/^(KT|TM|TL|TUQ)\.\s*/i, '').trim();
  return first || 'CHỦ TỊCH';
}

/** The text of each field. */
export function fieldTexts(c: CertificatePrint, blank: Blank): Record<Exclude<FieldName, 'qr'>, string> {
  return {
    national: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    issuer: `${headTitle(c.signerTitle)} ${c.authorityName}`.toLocaleUpperCase('vi'),
    give: blank.give_text,
    award_title: c.awardName.toLocaleUpperCase('vi'),
    name: c.fullName,
    unit: c.unitName ?? '',
    award_text: c.awardText,
    decision: `Quyết định số ${c.decisionNumber} ngày ${dmy(c.decidedOn)}`,
    register: registerText(c.registerNumber, c.year),
    place_date: `${blanks().place}, ${longDateVi(c.decidedOn)}`,
    signer_title: (c.signerTitle ?? '').toLocaleUpperCase('vi'),
    signer_name: c.signerName ?? '',
    short_code: `Mã xác minh: ${formatShortCode(c.shortCode)}`,
  };
}

/** The layout of one certificate's text fields (what `renderCertificates` draws). */
export function layoutCertificate(doc: PDFKit.PDFDocument, c: CertificatePrint, variant: Variant, offset: Offset): { blank: Blank; layouts: TextLayout[] } {
  const blank = blanks().forAward(c.awardCode);
  const texts = fieldTexts(c, blank);
  const fields: FieldName[] = variant === 'colour' ? [...COLOUR_FIELDS, ...PRINTED_FIELDS] : [...PRINTED_FIELDS];
  const layouts: TextLayout[] = [];
  for (const f of fields) {
    if (f === 'qr') { placeBox(blank, f, offset); continue; }
    const text = texts[f];
    if (!text.trim()) { placeBox(blank, f, offset); continue; }
    layouts.push(fitText(doc, blank, f, text, offset));
  }
  return { blank, layouts };
}

/** A QR code as filled squares (one rectangle per run of dark modules in a row), quiet zone inside the box. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, box: { x: number; y: number; w: number; h: number }): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const side = Math.min(box.w, box.h);
  const cell = side / (n + 2);
  const x0 = box.x + (box.w - side) / 2 + cell;
  const y0 = box.y + (box.h - side) / 2 + cell;
  for (let r = 0; r < n; r += 1) {
    let c = 0;
    while (c < n) {
      if (!qr.modules.get(r, c)) { c += 1; continue; }
      const start = c;
      while (c < n && qr.modules.get(r, c)) c += 1;
      doc.rect(x0 + start * cell, y0 + r * cell, (c - start) * cell + 0.01, cell + 0.01);
    }
  }
  doc.fillColor('#000000').fill();
}

const RED = '#C8102E';
const GOLD = '#C9A227';

/** The e-certificate's frame: cream ground, a red outer band, a gold inner line, diamonds along the band, rosettes at the corners. */
function drawFrame(doc: PDFKit.PDFDocument, w: number, h: number): void {
  const m = 8 * PT_PER_MM;
  const band = 6 * PT_PER_MM;
  doc.rect(0, 0, w, h).fill('#FFFBF0');
  doc.lineWidth(band).rect(m + band / 2, m + band / 2, w - 2 * m - band, h - 2 * m - band).stroke(RED);
  doc.lineWidth(1.2).rect(m + band + 4, m + band + 4, w - 2 * (m + band + 4), h - 2 * (m + band + 4)).stroke(GOLD);
  doc.lineWidth(0.6).rect(m + band + 8, m + band + 8, w - 2 * (m + band + 8), h - 2 * (m + band + 8)).stroke(GOLD);
  // Diamonds in the band, every 12 mm.
  const mid = m + band / 2;
  const d = band * 0.3;
  const step = 12 * PT_PER_MM;
  const diamond = (cx: number, cy: number) => doc.polygon([cx, cy - d], [cx + d, cy], [cx, cy + d], [cx - d, cy]);
  for (let x = mid + step; x < w - mid - step / 2; x += step) { diamond(x, mid); diamond(x, h - mid); }
  for (let y = mid + step; y < h - mid - step / 2; y += step) { diamond(mid, y); diamond(w - mid, y); }
  doc.fill(GOLD);
  for (const [cx, cy] of [[mid, mid], [w - mid, mid], [mid, h - mid], [w - mid, h - mid]]) {
    doc.circle(cx, cy, band * 0.9).fill(GOLD);
    doc.circle(cx, cy, band * 0.5).fill(RED);
  }
}

export interface RenderOptions {
  variant: Variant;
  /** The printer's offset per blank code (mm); none: 0, 0. */
  offsets?: Map<string, Offset>;
}

/**
 * One PDF with a page per certificate.
 * @throws AppError CERTIFICATE_FIELD_OFF_SHEET | CERTIFICATE_TEXT_TOO_LONG naming the field
 */
export async function renderCertificates(items: CertificatePrint[], opts: RenderOptions): Promise<Buffer> {
  const doc = newPdf({ autoFirstPage: false, margin: 0, info: { Title: 'Bằng, giấy khen' } });
  try {
    for (const c of items) {
      const offset = opts.variant === 'colour' ? { x: 0, y: 0 } : (opts.offsets?.get(blanks().forAward(c.awardCode).code) ?? { x: 0, y: 0 });
      const { blank, layouts } = layoutCertificate(doc, c, opts.variant, offset);
      const w = blank.sheet.width_mm * PT_PER_MM;
      const h = blank.sheet.height_mm * PT_PER_MM;
      doc.addPage({ size: [w, h], margin: 0 });
      if (opts.variant === 'colour') drawFrame(doc, w, h);
      for (const l of layouts) drawLayout(doc, l, opts.variant === 'colour' ? (blank.fields[l.field as FieldName].colour ?? '#000000') : '#000000');
      drawQr(doc, c.verifyUrl, placeBox(blank, 'qr', offset));
    }
    if (items.length === 0) doc.addPage({ size: 'A4', margin: 0 });
  } catch (e) {
    doc.end();
    throw e;
  }
  return pdfBytes(doc);
}
