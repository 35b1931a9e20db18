import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { ColumnSpec } from './columns.ts';
import { addDataSheet } from './template.ts';

/** Exports stop here; a bigger list should be filtered first. */
export const MAX_EXPORT_ROWS = 100_000;

/** A cell value for a date column: a real Excel date, so it sorts and filters as a date. */
export const excelDate = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * Streams an .xlsx: `fill` adds rows (each committed at once, so memory stays flat for 100,000 rows)
 * while the returned stream is already being sent. An error mid-way destroys the stream.
 * @example reply.send(streamWorkbook(COLUMNS, [], async (add) => { add(['…']); }));
 */
export function streamWorkbook(columns: ColumnSpec[], extra: { header: string; width: number }[], fill: (add: (values: unknown[]) => void) => Promise<void>): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'vinhdanh';
  const sheet = addDataSheet(workbook, columns, extra);
  const run = async () => {
    await fill((values) => sheet.addRow(values).commit());
    sheet.commit();
    await workbook.commit();
  };
  run().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
