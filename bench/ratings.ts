import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { SYSTEM_ACTOR } from '../src/modules/audit/audit.ts';
import { RATING_COLUMNS, RATING_LABELS } from '../src/modules/imports/ratings-rows.ts';
import { applyImport, startImport } from '../src/modules/imports/run-import.ts';
import { insertEvent, insertUnit } from '../src/modules/org/repo.ts';
import { nameColumns } from '../src/modules/people/derive.ts';
import { cccdPrefix } from '../src/shared/cccd.ts';
import type { Rating } from '../src/shared/enums.ts';
import { type Db, openPglite } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';

// `npm run bench -- ratings`: ratings_import_300k_s, the yearly ratings of 300,000 people imported from .xlsx
// (parse + validate + preview + apply through the imports module, as the API does) into a fresh PGlite.

const N = 300_000;
const YEAR = 2026;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh', 'Mai', 'Nam', 'Ngọc'];
const RATINGS: Rating[] = ['good', 'good', 'good', 'excellent', 'completed', 'good', 'good', 'good', 'good', 'not_completed'];
const SCORES: Record<Rating, number> = { excellent: 92, good: 81.5, completed: 60, not_completed: 42 };

const person = (i: number) => {
  const female = i % 2 === 1;
  const year = 1960 + (i % 45);
  return {
    nationalId: `${cccdPrefix('001', female ? 'female' : 'male', year)}${String(i).padStart(6, '0')}`,
    fullName: `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : 'Văn'} ${GIVEN[(i * 7) % GIVEN.length]}`,
    rating: RATINGS[i % RATINGS.length],
  };
};

/** 300,000 people in 50 wards (civil servants, so Decree 335's sheet and bands apply to 2026), written set-based. */
async function seedPeople(db: Db): Promise<void> {
  await db.tx(async (q) => {
    const eventId = await insertEvent(q, 'create', '2020-01-01', 'bench', null);
    const top = await insertUnit(q, { code: 'RB-TOP', kind: 'city_committee', name: 'UBND thành phố', shortName: null, parentId: null, establishedOn: '2020-01-01', eventId });
    const units: number[] = [];
    for (let u = 1; u <= 50; u++) units.push(await insertUnit(q, { code: `RB-${u}`, kind: 'ward', name: `Phường số ${u}`, shortName: null, parentId: top, establishedOn: '2020-01-01', eventId }));
    for (let from = 0; from < N; from += 50_000) {
      const ids: string[] = []; const names: string[] = []; const search: string[] = []; const sort: string[] = []; const unit: number[] = [];
      for (let i = from; i < from + 50_000; i++) {
        const p = person(i);
        const n = nameColumns(p.fullName);
        ids.push(p.nationalId); names.push(n.fullName); search.push(n.searchText); sort.push(n.sortKey); unit.push(units[i % units.length]);
      }
      await q.query(
        `with p as (insert into person (national_id, full_name, search_text, sort_key, current_unit_id)
                    select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) returning id, current_unit_id)
         insert into employment (person_id, unit_id, position, category, is_leader, from_date)
         select id, current_unit_id, 'Chuyên viên', 'civil_servant', false, '2018-01-01' from p`,
        [ids, names, search, sort, unit],
      );
    }
  });
  await db.query('analyze person, employment');
}

/** The ratings file: one row per person, with a score in the rating's band. */
async function buildRatingsFile(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(RATING_COLUMNS.map((c) => c.header)).commit();
  for (let i = 0; i < N; i++) {
    const p = person(i);
    sheet.addRow([p.nationalId, p.fullName, YEAR, RATING_LABELS[p.rating], SCORES[p.rating]]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Seconds to import 300,000 ratings (building the database and the file is outside the timing). */
export async function benchRatingsImport(): Promise<number> {
  const db = await openPglite(null);
  try {
    await migrate(db);
    await seedPeople(db);
    const file = await buildRatingsFile();
    const scope = { all: true as const };
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { jobId, done } = await startImport(db, SYSTEM_ACTOR, scope, 'ratings', file, 'xep-loai.xlsx', { here: { everyMs: 250 } });
    await done;
    const staged = performance.now();
    const [job] = await db.query<{ error_count: number; errors: unknown; status: string }>('select status, error_count, errors from import_job where id = $1', [jobId]);
    if (job.status !== 'validated') throw new Error(`bench file did not validate (${job.status}): ${JSON.stringify(job.errors).slice(0, 2000)}`);
    const result = await applyImport(db, SYSTEM_ACTOR, scope, jobId);
    const seconds = (performance.now() - started) / 1000;
    if (result.created !== N) throw new Error(`expected ${N} ratings, created ${result.created}`);
    // The process's CPU time over the same span (PGlite runs in this thread): what the import costs whatever else the machine runs.
    const used = process.cpuUsage(cpu);
    if (process.env.BENCH_VERBOSE) console.error(`stage ${((staged - started) / 1000).toFixed(1)} s, apply ${((performance.now() - staged) / 1000).toFixed(1)} s, cpu ${((used.user + used.system) / 1e6).toFixed(1)} s`);
    return seconds;
  } finally {
    await db.close();
  }
}

if (import.meta.main) console.log(`ratings_import_300k: ${(await benchRatingsImport()).toFixed(1)} s`);
