import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { CATEGORY_LABELS, GENDER_LABELS, PEOPLE_COLUMNS } from '../src/modules/imports/columns.ts';
import { applyImport, startImport } from '../src/modules/imports/run-import.ts';
import { insertEvent, insertUnit } from '../src/modules/org/repo.ts';
import { benchImportFloor } from './import-floor.ts';
import { cccdPrefix } from '../src/shared/cccd.ts';
import { openPglite } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Thu', 'Hoàng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Ngọc', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Yến'];
const CATEGORIES = Object.values(CATEGORY_LABELS);

/** An .xlsx of `n` valid people spread over the given unit codes, written with the streaming writer. */
export async function buildPeopleFile(n: number, unitCodes: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(PEOPLE_COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < n; i++) {
    const female = i % 2 === 1;
    const year = 1960 + (i % 45);
    const nationalId = `${cccdPrefix('001', female ? 'female' : 'male', year)}${String(i).padStart(6, '0')}`;
    const name = `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    sheet.addRow([
      nationalId, name, female ? GENDER_LABELS.female : GENDER_LABELS.male, `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`,
      unitCodes[i % unitCodes.length], i % 20 === 0 ? 'Trưởng phòng' : 'Chuyên viên', CATEGORIES[i % CATEGORIES.length], i % 20 === 0 ? 'Có' : 'Không', '01/01/2024',
    ]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The 50 units of the benchmark: 49 wards under one top unit (the file spreads people over all of them). */
const UNIT_CODES = [...Array.from({ length: 49 }, (_, i) => `BENCH-${String(i + 1).padStart(2, '0')}`), 'BENCH-TOP'];

/**
 * Imports 100,000 people from .xlsx into a fresh migrated PGlite with 50 units: times parse +
 * validate + preview + apply through the module's functions (not HTTP) and returns the seconds.
 * Building the file (unless given) and the database is outside the timing.
 */
export async function benchImport100k(given?: Buffer): Promise<number> {
  const db = await openPglite(null);
  try {
    await migrate(db);
    await db.tx(async (q) => {
      const eventId = await insertEvent(q, 'create', '2020-01-01', 'bench', null);
      const top = await insertUnit(q, { code: 'BENCH-TOP', kind: 'city_committee', name: 'UBND thành phố', shortName: null, parentId: null, establishedOn: '2020-01-01', eventId });
      for (const code of UNIT_CODES.filter((c) => c !== 'BENCH-TOP')) {
        await insertUnit(q, { code, kind: 'ward', name: `Phường số ${Number(code.slice(6))}`, shortName: null, parentId: top, establishedOn: '2020-01-01', eventId });
      }
    });
    const file = given ?? (await buildPeopleFile(100_000, UNIT_CODES));
    const scope = { all: true as const };
    const started = performance.now();
    const { jobId, done } = await startImport(db, SYSTEM_ACTOR, scope, 'people', file, 'bench.xlsx', { here: { everyMs: 250 } });
    await done;
    const staged = performance.now();
    const [job] = await db.query<{ error_count: number; errors: unknown }>('select error_count, errors from import_job where id = $1', [jobId]);
    if (job.error_count > 0) throw new Error(`bench file has errors: ${JSON.stringify(job.errors).slice(0, 2000)}`);
    const result = await applyImport(db, SYSTEM_ACTOR, scope, jobId);
    const seconds = (performance.now() - started) / 1000;
    if (result.created !== 100_000) throw new Error(`expected 100000 people, created ${result.created}`);
    if (process.env.BENCH_VERBOSE) console.error(`stage ${((staged - started) / 1000).toFixed(1)} s, apply ${((performance.now() - staged) / 1000).toFixed(1)} s`);
    return seconds;
  } finally {
    await db.close();
  }
}

/**
 * The import of 100,000 people and, in the same run on the same file, its floor (import-floor.ts: the streaming
 * reader and COPY into the same tables of a scratch database, after the import's own database is closed), so that
 * their ratio holds whatever this machine's speed is at the hour.
 */
export async function benchImportVsFloor(): Promise<{ importSeconds: number; floorSeconds: number }> {
  const file = await buildPeopleFile(100_000, UNIT_CODES);
  const importSeconds = await benchImport100k(file);
  const floor = await benchImportFloor(file, UNIT_CODES);
  if (floor.rows !== 100_000) throw new Error(`the floor loaded ${floor.rows} employments, expected 100000`);
  return { importSeconds, floorSeconds: floor.seconds };
}

if (import.meta.main) console.log(`import_100k: ${(await benchImport100k()).toFixed(1)} s`);
