import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { cellCccd, cellDate, cellText } from '../src/modules/imports/cells.ts';
import { PEOPLE_COLUMNS, parseCategory, parseGender, parseLeader } from '../src/modules/imports/columns.ts';
import { openSheet } from '../src/modules/imports/read-xlsx.ts';
import { insertEvent, insertUnit } from '../src/modules/org/repo.ts';
import { nameColumns } from '../src/modules/people/derive.ts';
import type { Db } from '../src/server/db.ts';
import { migrate } from '../src/server/migrate.ts';

// The import's floor (`import_vs_floor`): what loading the same .xlsx costs with nothing but the work no import can
// skip. The same streaming reader the import uses (imports/read-xlsx.ts) reads the file; each row's cells become the
// stored values (labels to codes, dates to ISO, the name's search and sort columns) and COPY loads them into the
// same tables (person, then employment, which needs the new people's ids) of a database migrated the same way,
// with the same units, triggers and indexes. Left out: every check of a row and against the database, the
// preview, the job's staging, the audit log. PGlite's COPY reads a blob ('/dev/blob').

/** A CSV field: quoted text, or nothing for NULL. */
const csv = (v: string | number | boolean | null): string => (v === null ? '' : typeof v === 'string' ? `"${v.replaceAll('"', '""')}"` : String(v));
const line = (values: (string | number | boolean | null)[]) => `${values.map(csv).join(',')}\n`;

/** A fresh in-memory PGlite, migrated, with `Db`'s shape for `migrate` and the org repository. */
async function scratchDb(): Promise<{ db: Db; lite: PGlite }> {
  const lite = await PGlite.create({ extensions: { pg_trgm }, parsers: { 20: Number, 1082: (v: string) => v } });
  const run = async <T>(q: Pick<PGlite, 'query'>, sql: string, params?: unknown[]) => (await q.query<T>(sql, params as unknown[])).rows;
  const db: Db = {
    kind: 'pglite',
    query: (sql, params) => run(lite, sql, params),
    tx: (fn) => lite.transaction((t) => fn({ query: (sql, params) => run(t, sql, params) })),
    exec: async (sql) => {
      await lite.exec(sql);
    },
    close: () => lite.close(),
  };
  await migrate(db);
  return { db, lite };
}

/**
 * Seconds to read `file` (a people import file) with the import's streaming reader and COPY its rows into person
 * and employment of a scratch database that holds the units `unitCodes` (created as the import's benchmark does).
 * @returns the seconds, and how many people were loaded
 */
export async function benchImportFloor(file: Buffer, unitCodes: string[]): Promise<{ seconds: number; rows: number }> {
  const { db, lite } = await scratchDb();
  try {
    const units = new Map<string, number>();
    await db.tx(async (q) => {
      const eventId = await insertEvent(q, 'create', '2020-01-01', 'bench', null);
      for (const code of unitCodes) {
        const id = await insertUnit(q, { code, kind: 'ward', name: code, shortName: null, parentId: null, establishedOn: '2020-01-01', eventId });
        units.set(code, id);
      }
    });
    const started = performance.now();
    const sheet = await openSheet(file, PEOPLE_COLUMNS);
    let people = '';
    const jobs: { nid: string; unit: number; position: string; category: string | null; leader: boolean; from: string | null }[] = [];
    for await (const r of sheet.rows) {
      const nid = cellCccd(r.cells.nationalId);
      const names = nameColumns(cellText(r.cells.fullName));
      const birth = cellDate(r.cells.birthDate);
      const from = cellDate(r.cells.fromDate);
      const unit = units.get(cellText(r.cells.unitCode)) ?? null;
      people += line([nid, names.fullName, parseGender(cellText(r.cells.gender)) ?? null, birth === 'invalid' ? null : birth, names.searchText, names.sortKey, unit]);
      jobs.push({ nid, unit: unit as number, position: cellText(r.cells.position), category: parseCategory(cellText(r.cells.category)) ?? null, leader: parseLeader(cellText(r.cells.isLeader)) === 'yes', from: from === 'invalid' ? null : from });
    }
    await lite.transaction(async (t) => {
      await t.query(`copy person (national_id, full_name, gender, birth_date, search_text, sort_key, current_unit_id) from '/dev/blob' with (format csv)`, [], { blob: new Blob([people]) });
      const ids = new Map((await t.query<{ id: number; national_id: string }>('select id, national_id from person')).rows.map((p) => [p.national_id, p.id]));
      let employments = '';
      for (const j of jobs) employments += line([ids.get(j.nid) ?? null, j.unit, j.position, j.category, j.leader, j.from]);
      await t.query(`copy employment (person_id, unit_id, position, category, is_leader, from_date) from '/dev/blob' with (format csv)`, [], { blob: new Blob([employments]) });
    });
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from employment');
    return { seconds, rows: n };
  } finally {
    await db.close();
  }
}
