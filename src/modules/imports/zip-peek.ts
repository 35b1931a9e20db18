import { inflateRawSync } from 'node:zlib';

/**
 * XML bigger than this is not inflated just to count rows (200,000 rows of the template with inline strings
 * are about 110 MB). Bounds the inflation itself, not only the size the zip declares: a zip can lie about
 * that, and a 40 MB deflate stream can expand a thousandfold.
 */
export const MAX_INFLATE = 256 * 1_048_576;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Entries of a zip's central directory, in order; empty when the directory cannot be found (or is ZIP64). */
function centralDirectory(zip: Buffer): ZipEntry[] {
  const min = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return [];
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Counts the `<row` elements of the first worksheet in an .xlsx, so the progress bar has a total
 * before the streaming reader gets to the rows (it often reads the whole zip first). Inflating
 * the sheet in C++ takes a few tens of milliseconds for 100,000 rows. Null when it cannot tell, or when the
 * sheet inflates past `maxInflate` whatever size the zip declares for it.
 */
export function countSheetRows(zip: Buffer, maxInflate = MAX_INFLATE): number | null {
  try {
    const sheet = centralDirectory(zip).find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    if (!sheet || sheet.size > maxInflate || sheet.compressedSize === 0xffffffff) return null;
    const local = sheet.localOffset;
    if (zip.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + sheet.compressedSize);
    // maxOutputLength stops zlib once the output reaches the bound (it throws, answered null below).
    const xml = sheet.method === 0 ? data : sheet.method === 8 ? inflateRawSync(data, { maxOutputLength: maxInflate }) : null;
    if (!xml) return null;
    let rows = 0;
    for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
      const next = xml[at + 4];
      if (next === 0x20 || next === 0x3e || next === 0x2f) rows++; // "<row ", "<row>", "<row/>" but not "<rowBreaks"
    }
    return rows;
  } catch {
    return null;
  }
}
