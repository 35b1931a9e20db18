import { checkCccd } from '../../shared/cccd.ts';
import { isMaskedNationalId } from '../../shared/personal-data.ts';
import type { Category, Gender } from '../people/types.ts';
import { cityToday } from '../../shared/clock.ts';
import { cellCccd, cellDate, cellText } from './cells.ts';
import type { IssueList } from './issues.ts';
import { PEOPLE_COLUMNS, type PersonColumn, parseCategory, parseGender, parseLeader } from './columns.ts';
import type { SheetRow } from './read-xlsx.ts';

/** A person row that passed the checks that need no database. */
export interface StagedPerson {
  row: number;
  nationalId: string;
  fullName: string;
  /** Null when the cell is empty: the stored value is kept. */
  gender: Gender | null;
  birthDate: string | null;
  unitCode: string;
  position: string;
  category: Category;
  isLeader: boolean;
  fromDate: string;
  /** The end of the position: only a person's last, ended position, as exports write it (null: still working). */
  toDate: string | null;
}

const HEADERS = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.header])) as Record<PersonColumn, string>;
const LISTS = Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c.key, c.list])) as Record<PersonColumn, string[] | undefined>;

/**
 * Checks one people row on its own (required cells, formats, CCCD against gender and birth year),
 * and across the file (a CCCD repeated names the first row). Returns the staged row or null.
 */
export function stagePersonRow(r: SheetRow<PersonColumn>, seen: Map<string, number>, issues: IssueList): StagedPerson | null {
  const before = issues.items.length;
  const bad = (field: PersonColumn, rule: string, params?: Record<string, unknown>) => issues.add(r.row, field, HEADERS[field], rule, params);
  const text = (field: PersonColumn, max: number): string => {
    const v = cellText(r.cells[field]);
    if (v.length > max) bad(field, 'too_long', { max });
    return v;
  };
  const date = (field: PersonColumn): string | null => {
    const v = cellDate(r.cells[field]);
    if (v === 'invalid') { bad(field, 'invalid_date'); return null; }
    if (v && v > cityToday()) bad(field, 'future_date');
    return v;
  };
  const list = <T>(field: PersonColumn, parse: (t: string) => T | undefined): T | null => {
    const v = cellText(r.cells[field]);
    if (v === '') return null;
    const parsed = parse(v);
    if (parsed === undefined) bad(field, 'invalid_value', { allowed: LISTS[field] });
    return parsed ?? null;
  };

  const nationalId = cellCccd(r.cells.nationalId);
  const fullName = text('fullName', 200);
  const gender = list('gender', parseGender);
  const birthDate = date('birthDate');
  const unitCode = text('unitCode', 40);
  const position = text('position', 200);
  const category = list('category', parseCategory);
  const leader = list('isLeader', parseLeader);
  const fromDate = date('fromDate');
  const toDate = date('toDate');

  if (nationalId === '') bad('nationalId', 'required');
  // A masked export ('001******960') edited and imported back: say why, not just "12 digits".
  else if (isMaskedNationalId(nationalId)) bad('nationalId', 'personal_data_masked');
  else {
    const problem = checkCccd(nationalId, { gender, birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null });
    if (problem) bad('nationalId', `cccd_${problem}`);
    const other = seen.get(nationalId);
    if (other !== undefined) bad('nationalId', 'cccd_duplicate_in_file', { otherRow: other });
    else seen.set(nationalId, r.row);
  }
  for (const field of ['fullName', 'unitCode', 'position'] as const) if (cellText(r.cells[field]) === '') bad(field, 'required');
  if (cellText(r.cells.category) === '') bad('category', 'required');
  if (cellDate(r.cells.fromDate) === null) bad('fromDate', 'required');
  if (birthDate && fromDate && fromDate <= birthDate) bad('fromDate', 'after_birth_date');
  if (fromDate && toDate && toDate <= fromDate) bad('toDate', 'after_from_date');

  if (issues.items.length > before) return null;
  return {
    row: r.row, nationalId, fullName, gender, birthDate, unitCode, position,
    category: category as Category, isLeader: leader === 'yes', fromDate: fromDate as string, toDate,
  };
}
