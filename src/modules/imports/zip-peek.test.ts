import JSZip from 'jszip';
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PEOPLE_HEADER, xlsxOf } from './test-helpers.ts';
import { MAX_INFLATE, countSheetRows } from './zip-peek.ts';

const SHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

/** Rewrites the uncompressed size the zip declares for the first worksheet (central directory and local header). */
function declareSheetSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  let eocd = out.length - 22;
  while (out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < out.readUInt16LE(eocd + 10); i++) {
    const nameLength = out.readUInt16LE(at + 28);
    if (SHEET.test(out.toString('utf8', at + 46, at + 46 + nameLength))) {
      out.writeUInt32LE(size, at + 24);
      out.writeUInt32LE(size, out.readUInt32LE(at + 42) + 22);
      return out;
    }
    at += 46 + nameLength + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  throw new Error('no worksheet in the zip');
}

/** Deflates `chunk` repeated `times` without holding the whole output (a zip bomb's sheet). */
async function deflateRepeated(chunk: Buffer, times: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let i = 0; i < times; i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

/** A minimal zip with one stored-as-deflate worksheet entry whose declared size is `declared`. */
function zipWithSheet(deflated: Buffer, declared: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + name.length + deflated.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + name.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, name, deflated, central, name, eocd]);
}

describe('countSheetRows (the progress bar total of an upload)', () => {
  it('counts the rows of an honest .xlsx', async () => {
    const file = await xlsxOf(PEOPLE_HEADER, Array.from({ length: 250 }, (_, i) => [`0010850${String(i).padStart(5, '0')}`, `Người ${i}`]));
    expect(countSheetRows(file)).toBe(251);
  });

  it('stops at the bound on what it inflates, whatever size the zip declares (a small declared size is not trusted)', async () => {
    const file = await xlsxOf(PEOPLE_HEADER, Array.from({ length: 2000 }, (_, i) => [`0010850${String(i).padStart(5, '0')}`, `Người ${i}`]));
    const zip = await JSZip.loadAsync(file);
    const sheet = Object.keys(zip.files).find((n) => SHEET.test(n)) as string;
    const actual = (await zip.file(sheet)?.async('nodebuffer'))?.length ?? 0;
    const lying = declareSheetSize(file, 100);
    // With a bound below the sheet's real size the count is refused even though the zip says 100 bytes…
    expect(countSheetRows(lying, actual - 1)).toBeNull();
    // …and with room for it the same file still counts (the lie alone is not a reason to give up).
    expect(countSheetRows(lying, actual + 1)).toBe(2001);
  });

  it('gives up on a zip bomb declaring a tiny sheet instead of inflating it all', async () => {
    // 272 MB of rows in about 270 KB; the zip says the sheet is 1 KB.
    const deflated = await deflateRepeated(Buffer.from('<row/>'.repeat(174_763)), 272);
    const bomb = zipWithSheet(deflated, 1024);
    expect(272 * 174_763 * 6).toBeGreaterThan(MAX_INFLATE);
    expect(countSheetRows(bomb)).toBeNull();
    // The same construction within the bound counts: the test's zip is well formed.
    expect(countSheetRows(zipWithSheet(await deflateRepeated(Buffer.from('<row/>'.repeat(1000)), 3), 1024))).toBe(3000);
  });
});
