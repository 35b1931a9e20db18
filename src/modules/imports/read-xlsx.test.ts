import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { PEOPLE_COLUMNS } from './columns.ts';
import { openSheet } from './read-xlsx.ts';

/** A streamed-written file with inline strings, as large exports and other tools produce. */
async function bigFile(names: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(PEOPLE_COLUMNS.map((c) => c.header)).commit();
  names.forEach((n, i) => sheet.addRow([String(i).padStart(12, '0'), n]).commit());
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

describe('streaming sheet reader', () => {
  it('reads a file whose shared strings come before its sheet and whose workbook part comes last', async () => {
    // exceljs writes xl/workbook.xml last and the other parts in an order that varies with timing; a sheet that
    // followed the shared strings used to be parsed before the workbook part and crash the reader.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(PEOPLE_COLUMNS.map((c) => c.header));
    sheet.addRow(['001085000001', 'Trần Văn Ánh']);
    const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
    const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const order = [...first, ...names.filter((n) => !first.includes(n) && n !== 'xl/workbook.xml'), 'xl/workbook.xml'];
    const reordered = new JSZip();
    for (const name of order) reordered.file(name, await zip.files[name].async('nodebuffer'));
    const opened = await openSheet(await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), PEOPLE_COLUMNS);
    const read: string[] = [];
    for await (const r of opened.rows) read.push(r.cells.fullName as string);
    expect(read).toEqual(['Trần Văn Ánh']);
  });

  it('keeps every Vietnamese letter intact, also where a letter straddles two zip chunks', async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Nguyễn Thị Ánh Tuyết Đặng Hoàng Phượng ${i}`);
    const sheet = await openSheet(await bigFile(names), PEOPLE_COLUMNS);
    const read: string[] = [];
    for await (const r of sheet.rows) read.push(r.cells.fullName as string);
    expect(read.length).toBe(names.length);
    expect(read.filter((n, i) => n !== names[i])).toEqual([]);
    expect(sheet.estimatedRows).toBe(names.length + 1);
  });

  it('counts the rows ahead for the progress bar, also in files with shared strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(PEOPLE_COLUMNS.map((c) => c.header));
    for (let i = 0; i < 300; i++) sheet.addRow(['001085000001', `Trần Văn ${i}`]);
    const opened = await openSheet(Buffer.from(await workbook.xlsx.writeBuffer()), PEOPLE_COLUMNS);
    expect(opened.estimatedRows).toBe(301);
  });

  it('refuses a file that is not a zip', async () => {
    await expect(openSheet(Buffer.from('not an xlsx'), PEOPLE_COLUMNS)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNREADABLE' });
  });

  it('refuses a damaged zip with IMPORT_FILE_UNREADABLE', async () => {
    const good = await bigFile(['A']);
    const damaged = Buffer.concat([good.subarray(0, 200), Buffer.alloc(500, 7)]);
    const error = await openSheet(damaged, PEOPLE_COLUMNS).then(async (s) => { for await (const _ of s.rows) void _; }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_FILE_UNREADABLE');
  });
});
