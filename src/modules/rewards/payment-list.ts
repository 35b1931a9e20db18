import ExcelJS from 'exceljs';
import { FONT, PT_PER_MM, newPdf, pdfBytes } from '../../server/pdf.ts';
import { dmy, groupVi, longDateVi } from '../../shared/vn-format.ts';
import type { DecisionMoney, MoneyItem } from './decision-money.ts';

// The payment list of a decision (danh sách chi tiền thưởng): one line per awardee with the coefficient, the base
// salary, the amount and a column to sign for it; the total in figures and in words. As .xlsx and as PDF.

const TITLE = 'DANH SÁCH CHI TIỀN THƯỞNG';
const subtitle = (m: DecisionMoney) =>
  `Kèm theo Quyết định số ${m.numberText ?? '…'} ${m.decidedOn ? longDateVi(m.decidedOn) : ''} của ${m.authorityName}`.replace(/\s+/g, ' ');
const note = (i: MoneyItem) =>
  i.revoked ? `Đã hủy bỏ theo QĐ số ${i.revoked.revokingNumber} ngày ${dmy(i.revoked.revokedOn)}` : i.coefficient === null ? 'Không có mức tiền thưởng theo quy định' : i.payment ? `Đã chi ngày ${dmy(i.payment.paidOn)}` : '';
const coefficientVi = (c: number | null) => (c === null ? '' : String(c).replace('.', ','));

const HEADERS = ['STT', 'Họ và tên / Tập thể', 'Danh hiệu, hình thức', 'Hệ số', 'Lương cơ sở (đồng)', 'Số tiền (đồng)', 'Ghi chú', 'Ký nhận'];

/** The list as an .xlsx workbook (numbers as numbers, shown with thousands separators). */
export async function paymentListXlsx(m: DecisionMoney): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vinhdanh';
  const sheet = wb.addWorksheet('Danh sách chi', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [6, 34, 34, 8, 16, 16, 30, 14].map((width) => ({ width }));
  sheet.addRow([m.authorityName.toUpperCase()]).font = { bold: true };
  const title = sheet.addRow([TITLE]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, HEADERS.length);
  title.alignment = { horizontal: 'center' };
  const sub = sheet.addRow([subtitle(m)]);
  sheet.mergeCells(sub.number, 1, sub.number, HEADERS.length);
  sub.alignment = { horizontal: 'center' };
  sub.font = { italic: true };
  sheet.addRow([]);
  const head = sheet.addRow(HEADERS);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  m.items.forEach((i, n) => {
    const row = sheet.addRow([n + 1, i.name, i.awardName, i.coefficient, i.baseSalary, i.amount, note(i), '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    for (const c of [5, 6]) row.getCell(c).numFmt = '#,##0';
  });
  const total = sheet.addRow(['', 'Tổng cộng', '', '', '', m.total, '', '']);
  total.font = { bold: true };
  total.getCell(6).numFmt = '#,##0';
  const words = sheet.addRow([`Bằng chữ: ${m.totalInWords}.`]);
  sheet.mergeCells(words.number, 1, words.number, HEADERS.length);
  words.font = { italic: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// PDF: A4 portrait, 20 mm margins left/right; columns in mm.
const COLS = [
  { title: 'STT', w: 10, align: 'center' },
  { title: 'Họ và tên / Tập thể', w: 50, align: 'left' },
  { title: 'Danh hiệu, hình thức', w: 45, align: 'left' },
  { title: 'Hệ số', w: 12, align: 'center' },
  { title: 'Số tiền (đồng)', w: 26, align: 'right' },
  { title: 'Ký nhận', w: 27, align: 'center' },
] as const;

/** The list as a PDF (Noto Serif, Vietnamese letters embedded), long lists over several pages with the header again. */
export async function paymentListPdf(m: DecisionMoney): Promise<Buffer> {
  const margin = 20 * PT_PER_MM;
  const doc = newPdf({ size: 'A4', margins: { top: margin, bottom: margin, left: margin, right: margin }, info: { Title: `${TITLE} ${m.numberText ?? ''}`.trim() } });
  const width = doc.page.width - 2 * margin;
  doc.font(FONT.bold).fontSize(12).text(m.authorityName.toUpperCase(), { width });
  doc.moveDown(0.8).fontSize(14).text(TITLE, { align: 'center', width });
  doc.font(FONT.italic).fontSize(12).text(subtitle(m), { align: 'center', width });
  doc.font(FONT.regular).fontSize(11).text(m.awardName, { align: 'center', width });
  doc.moveDown(0.8);
  const pad = 2;
  const row = (cells: string[], font: string, minHeight = 0) => {
    doc.font(font).fontSize(10.5);
    const heights = cells.map((c, k) => doc.heightOfString(c, { width: COLS[k].w * PT_PER_MM - 2 * pad }));
    const h = Math.max(minHeight, ...heights) + 2 * pad;
    if (doc.y + h > doc.page.height - margin) {
      doc.addPage();
      if (font !== FONT.bold || cells[0] !== 'STT') row(COLS.map((c) => c.title), FONT.bold);
    }
    const top = doc.y;
    let x = margin;
    cells.forEach((c, k) => {
      const w = COLS[k].w * PT_PER_MM;
      doc.rect(x, top, w, h).lineWidth(0.5).stroke();
      doc.font(font).fontSize(10.5).text(c, x + pad, top + pad, { width: w - 2 * pad, align: COLS[k].align });
      x += w;
    });
    doc.x = margin;
    doc.y = top + h;
  };
  row(COLS.map((c) => c.title), FONT.bold);
  m.items.forEach((i, n) => {
    const amount = i.revoked ? '0' : i.coefficient === null ? '—' : groupVi(i.amount);
    const name = i.revoked || i.coefficient === null ? `${i.name}\n(${note(i)})` : i.name;
    row([String(n + 1), name, i.awardName, coefficientVi(i.coefficient), amount, ''], FONT.regular, 14);
  });
  row(['', 'Tổng cộng', '', '', groupVi(m.total), ''], FONT.bold);
  doc.moveDown(0.6).font(FONT.italic).fontSize(12).text(`Bằng chữ: ${m.totalInWords}.`, margin, doc.y, { width });
  if (m.items[0]?.baseSalary) doc.font(FONT.regular).fontSize(10).text(`Mức lương cơ sở: ${groupVi(m.items[0].baseSalary)} đồng/tháng; ${m.rounding === 'ceil_to_10000' ? 'làm tròn lên hàng chục nghìn đồng' : 'không làm tròn'}.`, { width });
  doc.moveDown(1.5);
  if (doc.y + 80 > doc.page.height - margin) doc.addPage();
  const y = doc.y;
  doc.font(FONT.bold).fontSize(12).text('NGƯỜI LẬP BIỂU', margin, y, { width: width / 2, align: 'center' });
  doc.text('THỦ TRƯỞNG ĐƠN VỊ', margin + width / 2, y, { width: width / 2, align: 'center' });
  return pdfBytes(doc);
}
