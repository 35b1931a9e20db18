import type { PassThrough } from 'node:stream';
import type { Db, Queryable } from '../../server/db.ts';
import { maskBirthDate, maskNationalId } from '../../shared/personal-data.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { type Scope, inScope } from '../auth/scope.ts';
import { latestUnitNames, unitCodes } from '../org/names.ts';
import { peopleWithOpenEmployment } from '../people/batch-reads.ts';
import { type SearchFilters, countPeople, searchPeople } from '../people/search.ts';
import { CATEGORY_LABELS, GENDER_LABELS, LEADER_LABELS, PEOPLE_COLUMNS } from './columns.ts';
import { MAX_EXPORT_ROWS, excelDate, streamWorkbook } from './export-xlsx.ts';

const PAGE = 5000;

/** Who exports, and where they may see full personal data ('people.personal_data'). */
export interface PeopleExporter {
  actor: Actor;
  personalScope: Scope;
  /** The org node the audit entry is filed under when the filter names no unit (the exporter's own). */
  auditUnitId: number | null;
}

/**
 * The template's columns and the position of a page of people, in the page's order: the open position, or for
 * someone no longer working the last one with its end date, so that the row imports back unchanged.
 */
async function details(q: Queryable, ids: number[]) {
  const rows = await peopleWithOpenEmployment(q, ids);
  const units = rows.map((r) => r.last_unit_id);
  const [codes, names] = await Promise.all([unitCodes(q, units), latestUnitNames(q, units)]);
  return rows.map((r) => ({
    ...r, unit_code: r.last_unit_id === null ? null : codes.get(r.last_unit_id) ?? null, unit_name: r.last_unit_id === null ? null : names.get(r.last_unit_id) ?? null,
  }));
}

/**
 * Writes the one audit entry of an export that carries full CCCDs and birth dates, before the file is
 * written (a read of personal data is recorded before it happens): the filter and how many rows carry
 * them. Nothing is written when no row does.
 */
async function auditExport(db: Db, scope: Scope, who: PeopleExporter, filters: SearchFilters): Promise<void> {
  const counts = await countPeople(db, scope, who.personalScope, filters, who.personalScope);
  const rowCount = Math.min(counts.within, MAX_EXPORT_ROWS);
  if (rowCount === 0) return;
  await db.tx((q) => audit(q, who.actor, [{
    action: 'people.export_personal_data', entity: 'person', entityId: null, orgUnitId: filters.unitId ?? who.auditUnitId,
    before: null, after: { filter: filters, rowCount },
  }]));
}

/**
 * The scoped people search (same filters as GET /people) as an .xlsx with the import template's
 * columns, so the file can be edited and imported back. Pages through `searchPeople`, so scope and
 * filters behave exactly as in the list. Rows of people working where the exporter may see personal
 * data hold the full CCCD and birth date (audited, see auditExport); the others are masked as in lists.
 */
export async function exportPeople(db: Db, scope: Scope, who: PeopleExporter, filters: SearchFilters): Promise<PassThrough> {
  await auditExport(db, scope, who, filters);
  return streamWorkbook(PEOPLE_COLUMNS, [{ header: 'Tên đơn vị', width: 36 }], async (add) => {
    for (let offset = 0; offset < MAX_EXPORT_ROWS; offset += PAGE) {
      const page = await searchPeople(db, scope, who.personalScope, { ...filters, limit: Math.min(PAGE, MAX_EXPORT_ROWS - offset), offset });
      for (const r of await details(db, page.items.map((p) => p.id))) {
        const full = inScope(who.personalScope, r.current_unit_id);
        add([
          full ? r.national_id : maskNationalId(r.national_id), r.full_name, r.gender ? GENDER_LABELS[r.gender] : null,
          full ? excelDate(r.birth_date) : maskBirthDate(r.birth_date), r.unit_code, r.last_position,
          r.last_category ? CATEGORY_LABELS[r.last_category] : null, r.last_is_leader === null ? null : r.last_is_leader ? LEADER_LABELS.yes : LEADER_LABELS.no,
          excelDate(r.last_from_date), r.emp_id === null ? excelDate(r.last_to_date) : null, r.unit_name,
        ]);
      }
      if (!page.hasMore) return;
    }
  });
}
