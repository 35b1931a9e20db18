import { Readable } from 'node:stream';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { foldVietnamese } from '../../shared/vietnamese.ts';
import { type ColumnSpec, HEADER_ALIASES } from './columns.ts';
import { cellText } from './cells.ts';
import { Utf8WorkbookReader } from './utf8-reader.ts';
import { countSheetRows } from './zip-peek.ts';

/** One data row: its Excel row number and raw cell values by column key. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, unknown>;
}

/** An opened sheet whose header has been checked; `rows` streams the data rows. */
export interface OpenedSheet<K extends string> {
  rows: AsyncGenerator<SheetRow<K>>;
  /** Rows in the sheet (header and empty rows included), counted before reading; null when unknown. */
  estimatedRows: number | null;
}

// exceljs's Row: `values` is a sparse array indexed by column number (1-based).
type RowLike = { number: number; values: unknown[] };
type SheetLike = AsyncIterable<RowLike>;

/** How many non-empty rows may come before the header row. */
const HEADER_SEARCH_ROWS = 10;

const unreadable = (reason: string) => new AppError('IMPORT_FILE_UNREADABLE', { reason });

/** Maps header cells to column keys; unknown headers are ignored (exports carry extra columns). */
function mapHeader<K extends string>(values: unknown[], columns: ColumnSpec<K>[]): Map<K, number> {
  const byText = new Map<string, K>();
  for (const c of columns) byText.set(foldVietnamese(c.header), c.key);
  for (const [alias, key] of Object.entries(HEADER_ALIASES)) if (columns.some((c) => c.key === key)) byText.set(alias, key as K);
  const found = new Map<K, number>();
  values.forEach((v, i) => {
    const key = byText.get(foldVietnamese(cellText(v)).replace(/\s*\*$/, ''));
    if (key && !found.has(key)) found.set(key, i);
  });
  return found;
}

/** Reads of one file before its header is judged unreadable or wrong (see `openSheet`). */
const HEADER_READS = 3;

/**
 * Opens the first worksheet of an .xlsx with exceljs's streaming reader and checks its header row,
 * so that an unreadable file or a wrong template fails before a job is created.
 * exceljs's streaming reader races with its own unzip: now and then (about 1 read in 150 of a file exceljs wrote,
 * measured) a worksheet is read before the sheet names or the shared strings, and the header comes out unreadable or
 * empty. The file is in memory, so a failed header read is tried again before the file is blamed; a file that really
 * is wrong fails every time, at the cost of reading its first rows three times.
 * @throws AppError IMPORT_FILE_UNREADABLE | IMPORT_INVALID (required columns missing)
 */
export async function openSheet<K extends string>(file: Buffer, columns: ColumnSpec<K>[]): Promise<OpenedSheet<K>> {
  for (let read = 1; ; read++) {
    try {
      return await openSheetOnce(file, columns);
    } catch (error) {
      const headerProblem = error instanceof AppError && (error.code === 'IMPORT_FILE_UNREADABLE' || error.code === 'IMPORT_INVALID');
      if (!headerProblem || read >= HEADER_READS || !isZip(file)) throw error;
    }
  }
}

const isZip = (file: Buffer) => file.length >= 4 && file.readUInt32LE(0) === 0x04034b50;

async function openSheetOnce<K extends string>(file: Buffer, columns: ColumnSpec<K>[]): Promise<OpenedSheet<K>> {
  // Every .xlsx is a zip; checking the signature first avoids feeding garbage to the unzipper.
  if (!isZip(file)) throw unreadable('tệp không phải định dạng .xlsx');
  const estimatedRows = countSheetRows(file);
  const reader = new Utf8WorkbookReader(Readable.from([file]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<SheetLike>;
  let sheetRows: AsyncIterator<RowLike>;
  // Agencies often put a title ("DANH SÁCH …") above the header: the header is the first row, among the
  // first few non-empty ones, that has every required column; otherwise the first non-empty row is blamed.
  let found: { row: number; header: Map<K, number> } | undefined;
  let firstSeen: { row: number; header: Map<K, number> } | undefined;
  try {
    const first = await sheets.next();
    if (first.done) throw unreadable('tệp không có trang tính nào');
    sheetRows = first.value[Symbol.asyncIterator]();
    for (let tried = 0; tried < HEADER_SEARCH_ROWS;) {
      const next = await sheetRows.next();
      if (next.done) break;
      if (!next.value.values.some((v) => cellText(v) !== '')) continue;
      tried++;
      const candidate = { row: next.value.number, header: mapHeader(next.value.values, columns) };
      firstSeen ??= candidate;
      if (columns.every((c) => !c.required || candidate.header.has(c.key))) { found = candidate; break; }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  if (!firstSeen) throw unreadable('trang tính đầu tiên không có dữ liệu');
  if (!found) {
    const blamed = firstSeen;
    const issues: FieldIssue[] = columns.filter((c) => c.required && !blamed.header.has(c.key))
      .map((c) => ({ field: c.key, row: blamed.row, column: c.header, rule: 'column_missing' }));
    throw new AppError('IMPORT_INVALID', { count: issues.length, issues });
  }
  const header = found.header;
  const entries = [...header.entries()];
  async function* rows(): AsyncGenerator<SheetRow<K>> {
    try {
      for (;;) {
        const next = await sheetRows.next();
        if (next.done) return;
        const values = next.value.values as unknown[];
        const cells = {} as Record<K, unknown>;
        let empty = true;
        for (const [key, index] of entries) {
          const v = values[index];
          cells[key] = v;
          if (empty && v !== undefined && v !== null && cellText(v) !== '') empty = false;
        }
        if (!empty) yield { row: next.value.number, cells };
      }
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : String(error));
    } finally {
      await sheets.return?.(undefined);
    }
  }
  return { rows: rows(), estimatedRows };
}
