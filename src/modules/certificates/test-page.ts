/**
 * The calibration test page of a blank: rulers every millimetre along the top and left edges (numbered every 10 mm),
 * a cross at 10 mm from the top-left corner, and each field's box outlined and named where the printer's offset puts
 * it, and a title line above the fields. Printed on a plain sheet and laid over a blank, it shows how far to move the fields.
 */
import { newPdf, pdfBytes, PT_PER_MM } from '../../server/pdf.ts';
import { FONT } from '../../server/pdf.ts';
import { type Blank, PRINTED_FIELDS } from './blanks.ts';
import { type Offset, placeBox } from './layout.ts';

const mm = (v: number) => v * PT_PER_MM;

/** @throws AppError CERTIFICATE_FIELD_OFF_SHEET naming the field */
export async function renderTestPage(blank: Blank, offset: Offset, printer: string | null): Promise<Buffer> {
  const boxes = PRINTED_FIELDS.map((f) => ({ f, box: placeBox(blank, f, offset) }));
  const W = blank.sheet.width_mm;
  const H = blank.sheet.height_mm;
  const doc = newPdf({ autoFirstPage: false, margin: 0, info: { Title: `Trang thử — ${blank.name}` } });
  doc.addPage({ size: [mm(W), mm(H)], margin: 0 });
  doc.lineWidth(0.3).strokeColor('#000000').fillColor('#000000').font(FONT.regular).fontSize(6);
  for (let x = 0; x <= W; x += 1) {
    const len = x % 10 === 0 ? 5 : x % 5 === 0 ? 3.5 : 2;
    doc.moveTo(mm(x), 0).lineTo(mm(x), mm(len));
    if (x % 10 === 0 && x > 0 && x < W) doc.text(String(x), mm(x) + 1, mm(5.3), { lineBreak: false });
  }
  for (let y = 0; y <= H; y += 1) {
    const len = y % 10 === 0 ? 5 : y % 5 === 0 ? 3.5 : 2;
    doc.moveTo(0, mm(y)).lineTo(mm(len), mm(y));
    if (y % 10 === 0 && y > 0 && y < H) doc.text(String(y), mm(5.5), mm(y) - 3, { lineBreak: false });
  }
  doc.stroke();
  doc.moveTo(mm(5), mm(10)).lineTo(mm(15), mm(10)).moveTo(mm(10), mm(5)).lineTo(mm(10), mm(15)).stroke();
  doc.lineWidth(0.6).strokeColor('#1F3A93');
  for (const { f, box } of boxes) {
    doc.rect(box.x, box.y, box.w, box.h).stroke();
    doc.fillColor('#1F3A93').fontSize(7).text(f, box.x + 2, box.y + 1.5, { lineBreak: false });
  }
  doc.fillColor('#000000').font(FONT.bold).fontSize(11)
    .text(`TRANG THỬ CĂN CHỈNH — ${blank.name}`, mm(20), mm(18), { width: mm(W - 40), align: 'center', lineBreak: false });
  doc.font(FONT.regular).fontSize(10)
    .text(`Máy in: ${printer ?? '(chưa chọn)'} · độ lệch x = ${offset.x} mm, y = ${offset.y} mm · khổ ${W} × ${H} mm`, mm(20), mm(24), { width: mm(W - 40), align: 'center', lineBreak: false });
  return pdfBytes(doc);
}
