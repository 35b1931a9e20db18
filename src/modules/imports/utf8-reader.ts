import ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * exceljs 4.4's streaming reader decodes each zip chunk to text on its own, so a Vietnamese letter
 * (2–3 bytes in UTF-8) that straddles two chunks turns into U+FFFD — in roughly one row in ten
 * thousand of a real file. This subclass decodes the shared strings and worksheet streams with a
 * StringDecoder per stream, which carries a split character over to the next chunk.
 */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorkbook(entry: Readable): Promise<void>;
  sharedStrings: unknown;
  model: unknown;
}

const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

async function* decodeUtf8(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** exceljs's streaming WorkbookReader with UTF-8 decoding that is safe across chunk boundaries. */
export class Utf8WorkbookReader extends Base {
  override *_parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<unknown> {
    yield* super._parseWorksheet(decodeUtf8(iterator), sheetNo);
  }

  override async *_parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    entry.setEncoding('utf8');
    yield* super._parseSharedStrings(entry);
    // exceljs parses a worksheet as soon as the shared strings and the relations are known, even when
    // xl/workbook.xml (the sheet names and the 1900/1904 date system) comes later in the zip — exceljs itself
    // writes it last, and the order of the other parts varies with timing. Such a sheet then crashes the reader
    // ("reading 'sheets'"). Hiding the strings until the workbook part is read makes those sheets wait, as
    // exceljs already does for sheets that come before the shared strings.
    if (this.model === undefined) {
      this.#strings = this.sharedStrings;
      this.sharedStrings = undefined;
    }
  }

  override async _parseWorkbook(entry: Readable): Promise<void> {
    await super._parseWorkbook(entry);
    if (this.#strings !== undefined) {
      this.sharedStrings = this.#strings;
      this.#strings = undefined;
    }
  }

  #strings: unknown = undefined;
}
