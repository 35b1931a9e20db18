import type { Queryable } from '../../server/db.ts';
import type { Scope } from '../auth/scope.ts';
import { unitCodes } from '../org/names.ts';
import { listUnitsAsOf } from '../org/repo.ts';
import type { UnitAsOf } from '../org/types.ts';
import { UNIT_COLUMNS, unitKindLabel } from './columns.ts';
import { excelDate, streamWorkbook } from './export-xlsx.ts';

/** Units parents-first (depth-first, siblings by code), so the file imports back in one pass. */
function treeOrder(units: UnitAsOf[]): UnitAsOf[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, UnitAsOf[]>();
  for (const u of units) {
    const parent = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitAsOf[] = [];
  const visit = (parentId: number | null) => {
    for (const u of (children.get(parentId) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

/**
 * The org tree as of a date, in the org-unit template's columns plus the dissolution date. Units of
 * the reader's scope only; a top unit of the scope keeps its parent's code (outside the scope), so
 * the file imports back without moving it.
 */
export async function exportOrgUnits(q: Queryable, scope: Scope, asOf: string) {
  const units = treeOrder(await listUnitsAsOf(q, asOf, scope.all ? null : scope.unitIds));
  const codes = new Map(units.map((u) => [u.id, u.code]));
  const outside = [...new Set(units.flatMap((u) => (u.parentId !== null && !codes.has(u.parentId) ? [u.parentId] : [])))];
  for (const [id, code] of await unitCodes(q, outside)) codes.set(id, code);
  return streamWorkbook(UNIT_COLUMNS, [{ header: 'Ngày giải thể', width: 14 }], async (add) => {
    for (const u of units) {
      add([u.code, u.name, u.shortName, unitKindLabel(u.kind), u.parentId ? codes.get(u.parentId) : null, excelDate(u.establishedOn), excelDate(u.dissolvedOn)]);
    }
  });
}
