import type { Queryable } from '../../server/db.ts';
import type { Scope } from '../auth/scope.ts';
import { type SearchInput, searchPeople } from '../people/search.ts';
import type { Category, Gender } from '../people/types.ts';
import { CATEGORY_LABELS, GENDER_LABELS, LEADER_LABELS, PEOPLE_COLUMNS } from './columns.ts';
import { MAX_EXPORT_ROWS, excelDate, streamWorkbook } from './export-xlsx.ts';

const PAGE = 5000;

interface ExportRow {
  id: number; national_id: string; full_name: string; gender: Gender | null; birth_date: string | null;
  unit_code: string | null; unit_name: string | null; position: string | null; category: Category | null; is_leader: boolean | null; from_date: string | null;
}

/** The template's columns and the current position of a page of people, in the page's order. */
async function details(q: Queryable, ids: number[]): Promise<ExportRow[]> {
  const rows = await q.query<ExportRow>(
    `select p.id, p.national_id, p.full_name, p.gender, p.birth_date, u.code as unit_code, e.position, e.category, e.is_leader, e.from_date,
            (select v.name from org_unit_version v where v.unit_id = u.id order by v.valid_from desc limit 1) as unit_name
       from person p
       left join lateral (select * from employment e where e.person_id = p.id and e.to_date is null
                           order by e.from_date desc, e.id desc limit 1) e on true
       left join org_unit u on u.id = e.unit_id
      where p.id = any($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The scoped people search (same filters as GET /people) as an .xlsx with the import template's
 * columns, so the file can be edited and imported back. Pages through `searchPeople`, so scope and
 * filters behave exactly as in the list.
 */
export function exportPeople(q: Queryable, scope: Scope, filters: Omit<SearchInput, 'limit' | 'offset'>) {
  return streamWorkbook(PEOPLE_COLUMNS, [{ header: 'Tên đơn vị', width: 36 }], async (add) => {
    for (let offset = 0; offset < MAX_EXPORT_ROWS; offset += PAGE) {
      const page = await searchPeople(q, scope, { ...filters, limit: Math.min(PAGE, MAX_EXPORT_ROWS - offset), offset });
      for (const r of await details(q, page.items.map((p) => p.id))) {
        add([
          r.national_id, r.full_name, r.gender ? GENDER_LABELS[r.gender] : null, excelDate(r.birth_date), r.unit_code, r.position,
          r.category ? CATEGORY_LABELS[r.category] : null, r.is_leader === null ? null : r.is_leader ? LEADER_LABELS.yes : LEADER_LABELS.no,
          excelDate(r.from_date), r.unit_name,
        ]);
      }
      if (!page.hasMore) return;
    }
  });
}
