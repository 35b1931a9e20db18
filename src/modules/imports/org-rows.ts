import type { UnitKind } from '../org/types.ts';
import { cityToday } from '../../shared/clock.ts';
import { cellDate, cellText } from './cells.ts';
import { UNIT_COLUMNS, type UnitColumn, parseUnitKind } from './columns.ts';
import type { IssueList } from './issues.ts';
import type { SheetRow } from './read-xlsx.ts';

/** An org-unit row that passed the checks that need no database. */
export interface StagedUnit {
  row: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentCode: string | null;
  establishedOn: string;
}

const HEADERS = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.header])) as Record<UnitColumn, string>;
const KIND_LIST = UNIT_COLUMNS.find((c) => c.key === 'kind')?.list;
const CODE = /^[A-Za-z0-9._-]+$/;

/** Checks one org-unit row on its own and against earlier rows (a repeated code names the first row). */
export function stageUnitRow(r: SheetRow<UnitColumn>, seen: Map<string, number>, issues: IssueList): StagedUnit | null {
  const before = issues.items.length;
  const bad = (field: UnitColumn, rule: string, params?: Record<string, unknown>) => issues.add(r.row, field, HEADERS[field], rule, params);
  const text = (field: UnitColumn, max: number, required: boolean): string => {
    const v = cellText(r.cells[field]);
    if (required && v === '') bad(field, 'required');
    if (v.length > max) bad(field, 'too_long', { max });
    return v;
  };
  const code = text('code', 40, true);
  const name = text('name', 300, true);
  const shortName = text('shortName', 100, false);
  const parentCode = text('parentCode', 40, false);
  const kindText = text('kind', 100, true);
  const kind = kindText ? parseUnitKind(kindText) : undefined;
  if (kindText && !kind) bad('kind', 'invalid_value', { allowed: KIND_LIST });
  const established = cellDate(r.cells.establishedOn);
  if (established === null) bad('establishedOn', 'required');
  else if (established === 'invalid') bad('establishedOn', 'invalid_date');
  else if (established > cityToday()) bad('establishedOn', 'future_date');
  if (code) {
    if (!CODE.test(code)) bad('code', 'invalid_format');
    const other = seen.get(code);
    if (other !== undefined) bad('code', 'code_duplicate_in_file', { otherRow: other });
    else seen.set(code, r.row);
    if (parentCode === code) bad('parentCode', 'parent_cycle');
  }
  if (issues.items.length > before) return null;
  return { row: r.row, code, name, shortName: shortName || null, kind: kind as UnitKind, parentCode: parentCode || null, establishedOn: established as string };
}
