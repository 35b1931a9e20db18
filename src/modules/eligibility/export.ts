/** Discovery results as an .xlsx (Vietnamese headers, one row per subject and award). */
import ExcelJS from 'exceljs';
import type { DiscoveryRow } from './discovery.ts';

const STATUS_VI: Record<DiscoveryRow['status'], string> = { eligible: 'Đủ điều kiện', near: 'Còn một bước', needs_review: 'Cần Hội đồng xem xét' };

const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Cá nhân / tập thể', width: 32 },
  { header: 'Đơn vị', width: 36 },
  { header: 'Đối tượng', width: 24 },
  { header: 'Giới tính', width: 10 },
  { header: 'Danh hiệu / hình thức', width: 36 },
  { header: 'Kết quả', width: 20 },
  { header: 'Còn thiếu', width: 48 },
  { header: 'Căn cứ, lý do', width: 80 },
  { header: 'Trùng lặp', width: 48 },
];

/** The workbook as a buffer; `title` goes in the sheet's first row. */
export async function discoveryWorkbook(rows: DiscoveryRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'vinhdanh';
  const sheet = wb.addWorksheet('Phát hiện nhân tố', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const head = sheet.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  rows.forEach((r, i) => {
    const who = r.subjectKind === 'collective' ? `Tập thể (${r.members ?? 0} người)${r.highlight ? ' – tập thể nhỏ' : ''}` : r.isLeader ? 'Lãnh đạo, quản lý' : 'Người lao động trực tiếp';
    const gender = r.gender === 'female' ? 'Nữ' : r.gender === 'male' ? 'Nam' : '';
    const row = sheet.addRow([i + 1, r.name, r.unitName ?? '', who, gender, r.awardName, STATUS_VI[r.status], r.missing.join('; '), r.reasonVi, r.duplicate?.textVi ?? '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (r.highlight) row.getCell(4).font = { bold: true };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
