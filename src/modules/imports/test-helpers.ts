import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { call } from '../../../tests/support/app.ts';
import type { z } from 'zod';
import type { ZJobView } from './schema.ts';
import { XLSX_TYPE } from './template.ts';

export type JobView = z.infer<typeof ZJobView>;

/** An .xlsx with one sheet: a header row and data rows (for tests and the benchmark). */
export async function xlsxOf(header: string[], rows: unknown[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const PEOPLE_HEADER = ['Số CCCD', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Mã đơn vị', 'Chức vụ', 'Đối tượng', 'Lãnh đạo, quản lý', 'Từ ngày', 'Đến ngày'];
export const UNIT_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Tên viết tắt', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Ngày thành lập'];

/** Uploads a file as multipart/form-data. */
export function upload(app: FastifyInstance, cookie: string, url: string, file: Buffer, fileName = 'nhap.xlsx') {
  const boundary = `----vinhdanh${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return call(app, cookie, { method: 'POST', url, payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

/** Polls a job until parsing has finished (a pg-boss job does it: the test context must run jobs). */
export async function waitForJob(app: FastifyInstance, cookie: string, id: number): Promise<JobView> {
  for (let i = 0; i < 2400; i++) {
    const res = await call(app, cookie, { method: 'GET', url: `/api/v1/imports/${id}` });
    const body = res.json() as JobView;
    if (res.statusCode !== 200 || body.status !== 'parsing') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`import ${id} still parsing`);
}

/** Uploads, waits for validation and returns the job. */
export async function importFile(app: FastifyInstance, cookie: string, kind: 'people' | 'org_units', file: Buffer): Promise<JobView> {
  const res = await upload(app, cookie, `/api/v1/imports/${kind}`, file);
  if (res.statusCode !== 202) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return waitForJob(app, cookie, res.json().id);
}

/** Reads the first sheet of an .xlsx into header + rows of cell values. */
export async function readXlsx(file: Buffer): Promise<{ header: unknown[]; rows: unknown[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const all: unknown[][] = [];
  sheet.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return { header: all[0] ?? [], rows: all.slice(1), workbook };
}
