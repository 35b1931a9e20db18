/**
 * Printer calibrations (certificate.print): how far a printer shifts the fields of a blank, per unit that prints.
 * A calibration that would push a field off the sheet is refused naming the field; every change is audited and
 * versioned (409 on a stale version).
 */
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { type Scope, assertInScope, inScope } from '../auth/scope.ts';
import { latestUnitNames } from '../org/names.ts';
import { type Blank, PRINTED_FIELDS, blanks } from './blanks.ts';
import { assertOnSheet } from './layout.ts';
import * as repo from './repo.ts';

export interface CalibrationView {
  id: number;
  ownerUnitId: number;
  ownerUnitName: string;
  printer: string;
  blankCode: string;
  blankName: string;
  offsetXMm: number;
  offsetYMm: number;
  note: string | null;
  version: number;
  updatedAt: string;
}

async function present(q: Queryable, rows: repo.CalibrationRow[]): Promise<CalibrationView[]> {
  const names = await latestUnitNames(q, rows.map((r) => r.owner_unit_id));
  return rows.map((r) => ({
    id: r.id, ownerUnitId: r.owner_unit_id, ownerUnitName: names.get(r.owner_unit_id) ?? '', printer: r.printer, blankCode: r.blank_code,
    blankName: blanks().byCode.get(r.blank_code)?.name ?? r.blank_code, offsetXMm: Number(r.offset_x_mm), offsetYMm: Number(r.offset_y_mm),
    note: r.note, version: r.version, updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

const snapshot = (r: repo.CalibrationRow) => ({ ownerUnitId: r.owner_unit_id, printer: r.printer, blankCode: r.blank_code, offsetXMm: Number(r.offset_x_mm), offsetYMm: Number(r.offset_y_mm), note: r.note, version: r.version });

/** @throws AppError CERTIFICATE_BLANK_UNKNOWN */
export function blankOf(code: string): Blank {
  const b = blanks().byCode.get(code);
  if (!b) throw new AppError('CERTIFICATE_BLANK_UNKNOWN', { field: 'blankCode', blankCode: code });
  return b;
}

export async function listCalibrationsInScope(q: Queryable, scope: Scope): Promise<CalibrationView[]> {
  return present(q, await repo.listCalibrations(q, scope.all ? null : scope.unitIds));
}

export interface CalibrationInput { ownerUnitId: number; printer: string; blankCode: string; offsetXMm: number; offsetYMm: number; note?: string | null }

/** @throws AppError NOT_FOUND | CERTIFICATE_BLANK_UNKNOWN | CERTIFICATE_FIELD_OFF_SHEET | CERTIFICATE_CALIBRATION_EXISTS */
export async function createCalibration(q: Queryable, actor: Actor, scope: Scope, input: CalibrationInput): Promise<CalibrationView> {
  assertInScope(scope, input.ownerUnitId);
  assertOnSheet(blankOf(input.blankCode), { x: input.offsetXMm, y: input.offsetYMm }, PRINTED_FIELDS);
  if (await repo.findCalibrationByKey(q, input.ownerUnitId, input.printer, input.blankCode)) {
    throw new AppError('CERTIFICATE_CALIBRATION_EXISTS', { field: 'printer', printer: input.printer, blankCode: input.blankCode });
  }
  const id = await repo.insertCalibration(q, { ...input, note: input.note ?? null });
  const row = (await repo.findCalibration(q, id)) as repo.CalibrationRow;
  await audit(q, actor, [{ action: 'certificate.calibration.create', entity: 'printer_calibration', entityId: id, orgUnitId: input.ownerUnitId, before: null, after: snapshot(row) }]);
  return (await present(q, [row]))[0];
}

/** @throws AppError NOT_FOUND | VERSION_CONFLICT | CERTIFICATE_FIELD_OFF_SHEET */
export async function updateCalibration(q: Queryable, actor: Actor, scope: Scope, id: number, input: { offsetXMm: number; offsetYMm: number; note?: string | null; version: number }): Promise<CalibrationView> {
  const before = await repo.findCalibration(q, id, true);
  if (!before || !inScope(scope, before.owner_unit_id)) throw new AppError('NOT_FOUND');
  await assertVersion(q, 'printer_calibration', id, before.version, input.version);
  assertOnSheet(blankOf(before.blank_code), { x: input.offsetXMm, y: input.offsetYMm }, PRINTED_FIELDS);
  await repo.updateCalibration(q, id, { offsetXMm: input.offsetXMm, offsetYMm: input.offsetYMm, note: input.note ?? null });
  const after = (await repo.findCalibration(q, id)) as repo.CalibrationRow;
  await audit(q, actor, [{ action: 'certificate.calibration.update', entity: 'printer_calibration', entityId: id, orgUnitId: before.owner_unit_id, before: snapshot(before), after: snapshot(after) }]);
  return (await present(q, [after]))[0];
}

/** A calibration in scope (for its test page). @throws AppError NOT_FOUND */
export async function calibrationInScope(q: Queryable, scope: Scope, id: number): Promise<repo.CalibrationRow> {
  const row = await repo.findCalibration(q, id);
  if (!row || !inScope(scope, row.owner_unit_id)) throw new AppError('NOT_FOUND');
  return row;
}
