import ExcelJS from 'exceljs';
import { type ColumnSpec, DATA_SHEET, HELP_SHEET, PEOPLE_COLUMNS, UNIT_COLUMNS, VALUES_SHEET } from './columns.ts';
import type { ImportKind } from './jobs.ts';
import { RATING_COLUMNS } from './ratings-rows.ts';

/** Rows of the data sheet that get drop-downs and text/date formats. */
export const TEMPLATE_ROWS = 5000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const colLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/** The data sheet's header row and column formats, shared by templates and exports so both import back. */
export function addDataSheet(workbook: ExcelJS.Workbook, columns: ColumnSpec[], extra: { header: string; width: number }[] = []): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : { numFmt: '@' } })),
    ...extra.map((e) => ({ header: e.header, width: e.width })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = `${c.required ? 'Bắt buộc. ' : ''}${c.note}`;
  });
  return sheet;
}

/** Adds list drop-downs (from the allowed-values sheet) and date checks to the data rows. */
function addValidations(sheet: ExcelJS.Worksheet, columns: ColumnSpec[], listRanges: Map<string, string>): void {
  // exceljs types omit dataValidations though the runtime has it.
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const range = `${colLetter(i + 1)}2:${colLetter(i + 1)}${TEMPLATE_ROWS + 1}`;
    const source = listRanges.get(c.key);
    if (source) {
      validations.add(range, {
        type: 'list', allowBlank: !c.required, formulae: [source], showErrorMessage: true, errorStyle: 'stop',
        errorTitle: c.header, error: 'Hãy chọn một giá trị trong danh sách.', showInputMessage: true, promptTitle: c.header, prompt: c.note,
      });
    } else if (c.kind === 'date') {
      validations.add(range, {
        type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: true,
        errorStyle: 'warning', errorTitle: c.header, error: 'Nhập ngày dạng DD/MM/YYYY.',
      });
    }
  });
}

/** The sheet of allowed values (hidden), one column per list; returns each list's absolute range. */
function addValuesSheet(workbook: ExcelJS.Workbook, columns: ColumnSpec[]): Map<string, string> {
  const sheet = workbook.addWorksheet(VALUES_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  columns.filter((c) => c.list).forEach((c, i) => {
    const col = i + 1;
    sheet.getCell(1, col).value = c.header;
    sheet.getCell(1, col).font = { bold: true };
    (c.list as string[]).forEach((v, j) => { sheet.getCell(j + 2, col).value = v; });
    sheet.getColumn(col).width = 30;
    const letter = colLetter(col);
    ranges.set(c.key, `'${VALUES_SHEET}'!$${letter}$2:$${letter}$${(c.list as string[]).length + 1}`);
  });
  return ranges;
}

function addHelpSheet(workbook: ExcelJS.Workbook, kind: ImportKind, columns: ColumnSpec[]): void {
  const sheet = workbook.addWorksheet(HELP_SHEET);
  sheet.columns = [{ width: 26 }, { width: 12 }, { width: 90 }];
  const title = kind === 'people' ? 'HƯỚNG DẪN NHẬP DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG' : kind === 'ratings' ? 'HƯỚNG DẪN NHẬP XẾP LOẠI MỨC ĐỘ HOÀN THÀNH NHIỆM VỤ' : 'HƯỚNG DẪN NHẬP DANH SÁCH ĐƠN VỊ';
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const lines = [
    `Nhập dữ liệu vào trang "${DATA_SHEET}", mỗi dòng một ${kind === 'people' ? 'người' : kind === 'ratings' ? 'người và một năm' : 'đơn vị'}, giữ nguyên dòng tiêu đề.`,
    'Ngày nhập dạng DD/MM/YYYY (ví dụ 05/03/1985) hoặc ngày Excel. Các cột có danh sách: chọn giá trị trong ô.',
    kind === 'ratings'
      ? 'Người đã có xếp loại của năm thì xếp loại mới được ghi là bản đính chính (giữ lịch sử); dòng trùng xếp loại đã lưu được bỏ qua.'
      : kind === 'people'
      ? 'Nhập lại cùng một tệp không tạo bản ghi trùng: người đã có (theo Số CCCD) được cập nhật; đổi đơn vị hoặc chức vụ thì vị trí cũ kết thúc vào "Từ ngày" và vị trí mới bắt đầu.'
      : 'Đơn vị đã có (theo Mã đơn vị) được cập nhật; đổi tên hoặc đơn vị cấp trên có hiệu lực từ ngày nhập, tên cũ được giữ trong lịch sử.',
    'Hệ thống kiểm tra toàn bộ tệp trước; chỉ khi không còn lỗi mới ghi dữ liệu, và ghi tất cả hoặc không ghi gì.',
  ];
  for (const l of lines) sheet.addRow([l]);
  sheet.addRow([]);
  sheet.addRow(['Cột', 'Bắt buộc', 'Cách nhập']).font = { bold: true };
  for (const c of columns) sheet.addRow([c.header, c.required ? 'Có' : 'Không', c.list ? `${c.note} Giá trị: ${c.list.join('; ')}.` : c.note]);
}

/**
 * The import template of a kind: the data sheet (header, formats, drop-downs), a hidden sheet of
 * allowed values and an instructions sheet.
 * @example const buffer = await buildTemplate('people');
 */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const columns: ColumnSpec[] = kind === 'people' ? PEOPLE_COLUMNS : kind === 'ratings' ? RATING_COLUMNS : UNIT_COLUMNS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'vinhdanh';
  const data = addDataSheet(workbook, columns);
  const ranges = addValuesSheet(workbook, columns);
  addValidations(data, columns, ranges);
  addHelpSheet(workbook, kind, columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** File name for downloads: ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(asciiName: string, utf8Name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
