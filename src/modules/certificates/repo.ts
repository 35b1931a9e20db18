import type { Queryable } from '../../server/db.ts';

// SQL of the certificates module: certificate, certificate_register_counter, printer_calibration.

export interface CertificateRow {
  id: number;
  decision_id: number;
  awardee_id: number;
  authority_unit_id: number;
  year: number;
  register_number: number;
  code: string;
  short_code: string;
  subject_kind: 'person' | 'unit';
  full_name: string;
  unit_name: string | null;
  award_code: string;
  award_name: string;
  award_text: string;
  decision_number: string;
  decided_on: string;
  authority_name: string;
  signer_title: string | null;
  signer_name: string | null;
}

const COLUMNS = `id, decision_id, awardee_id, authority_unit_id, year, register_number, code, short_code, subject_kind, full_name,
  unit_name, award_code, award_name, award_text, decision_number, decided_on::text as decided_on, authority_name, signer_title, signer_name`;

/**
 * Takes `count` register numbers of an authority and year: the counter row is created if missing and raised by
 * `count`, which locks it until the issuing transaction ends (a concurrent issue waits and continues after; a
 * rolled-back issue gives the numbers back). @returns the first number taken
 */
export async function takeRegisterNumbers(q: Queryable, authorityUnitId: number, year: number, count: number): Promise<number> {
  const [row] = await q.query<{ last_number: number }>(
    `insert into certificate_register_counter (authority_unit_id, year, last_number) values ($1, $2, $3)
     on conflict (authority_unit_id, year) do update set last_number = certificate_register_counter.last_number + excluded.last_number
     returning last_number`,
    [authorityUnitId, year, count],
  );
  return row.last_number - count + 1;
}

export type NewCertificate = Omit<CertificateRow, 'id'>;

/** Inserts set-based; a row whose code or short code is taken already is skipped. @returns the awardee ids inserted */
export async function insertCertificates(q: Queryable, rows: NewCertificate[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const inserted = await q.query<{ awardee_id: number }>(
    `insert into award_certificate (decision_id, awardee_id, authority_unit_id, year, register_number, code, short_code, subject_kind, full_name,
       unit_name, award_code, award_name, award_text, decision_number, decided_on, authority_name, signer_title, signer_name)
     select decision_id, awardee_id, authority_unit_id, year, register_number, code, short_code, subject_kind, full_name,
       unit_name, award_code, award_name, award_text, decision_number, decided_on, authority_name, signer_title, signer_name
       from jsonb_to_recordset($1::jsonb) as r(decision_id bigint, awardee_id bigint, authority_unit_id bigint, year integer, register_number integer,
         code text, short_code text, subject_kind text, full_name text, unit_name text, award_code text, award_name text, award_text text,
         decision_number text, decided_on date, authority_name text, signer_title text, signer_name text)
     on conflict do nothing
     returning awardee_id`,
    [JSON.stringify(rows)],
  );
  return new Set(inserted.map((r) => Number(r.awardee_id)));
}

const asRow = (r: CertificateRow): CertificateRow => ({ ...r, id: Number(r.id), decision_id: Number(r.decision_id), awardee_id: Number(r.awardee_id), authority_unit_id: Number(r.authority_unit_id) });

export async function certificatesOfDecision(q: Queryable, decisionId: number): Promise<CertificateRow[]> {
  return (await q.query<CertificateRow>(`select ${COLUMNS} from award_certificate where decision_id = $1 order by register_number`, [decisionId])).map(asRow);
}

export async function findCertificate(q: Queryable, id: number): Promise<CertificateRow | null> {
  const [r] = await q.query<CertificateRow>(`select ${COLUMNS} from award_certificate where id = $1`, [id]);
  return r ? asRow(r) : null;
}

/** By the code the QR carries or the short code printed for typing. */
export async function findByCode(q: Queryable, kind: 'code' | 'short', value: string): Promise<CertificateRow | null> {
  const [r] = await q.query<CertificateRow>(`select ${COLUMNS} from award_certificate where ${kind === 'code' ? 'code' : 'short_code'} = $1`, [value]);
  return r ? asRow(r) : null;
}

export interface CalibrationRow {
  id: number;
  owner_unit_id: number;
  printer: string;
  blank_code: string;
  offset_x_mm: number;
  offset_y_mm: number;
  note: string | null;
  version: number;
  updated_at: string;
}

const CAL = `id, owner_unit_id, printer, blank_code, offset_x_mm::float8 as offset_x_mm, offset_y_mm::float8 as offset_y_mm, note, version, updated_at`;
const asCal = (r: CalibrationRow): CalibrationRow => ({ ...r, id: Number(r.id), owner_unit_id: Number(r.owner_unit_id) });

export async function listCalibrations(q: Queryable, unitIds: number[] | null): Promise<CalibrationRow[]> {
  return (await q.query<CalibrationRow>(
    `select ${CAL} from printer_calibration where ($1::bigint[] is null or owner_unit_id = any($1::bigint[])) order by printer, blank_code, id`,
    [unitIds],
  )).map(asCal);
}

export async function findCalibration(q: Queryable, id: number, lock = false): Promise<CalibrationRow | null> {
  const [r] = await q.query<CalibrationRow>(`select ${CAL} from printer_calibration where id = $1${lock ? ' for update' : ''}`, [id]);
  return r ? asCal(r) : null;
}

export async function findCalibrationByKey(q: Queryable, ownerUnitId: number, printer: string, blankCode: string): Promise<number | null> {
  const [r] = await q.query<{ id: number }>('select id from printer_calibration where owner_unit_id = $1 and printer = $2 and blank_code = $3', [ownerUnitId, printer, blankCode]);
  return r ? Number(r.id) : null;
}

export interface CalibrationFields { ownerUnitId: number; printer: string; blankCode: string; offsetXMm: number; offsetYMm: number; note: string | null }

export async function insertCalibration(q: Queryable, f: CalibrationFields): Promise<number> {
  const [r] = await q.query<{ id: number }>(
    'insert into printer_calibration (owner_unit_id, printer, blank_code, offset_x_mm, offset_y_mm, note) values ($1, $2, $3, $4, $5, $6) returning id',
    [f.ownerUnitId, f.printer, f.blankCode, f.offsetXMm, f.offsetYMm, f.note],
  );
  return Number(r.id);
}

export async function updateCalibration(q: Queryable, id: number, f: { offsetXMm: number; offsetYMm: number; note: string | null }): Promise<void> {
  await q.query('update printer_calibration set offset_x_mm = $2, offset_y_mm = $3, note = $4, version = version + 1, updated_at = now() where id = $1', [id, f.offsetXMm, f.offsetYMm, f.note]);
}

/**
 * A printer's offsets per blank among the calibrations of these units (null: all), the given unit's own first
 * when two units name a printer alike.
 */
export async function printerOffsets(q: Queryable, printer: string, unitIds: number[] | null, preferUnitId: number | null): Promise<Map<string, { x: number; y: number }>> {
  const rows = await q.query<{ blank_code: string; x: number; y: number }>(
    `select distinct on (blank_code) blank_code, offset_x_mm::float8 as x, offset_y_mm::float8 as y
       from printer_calibration
      where printer = $1 and ($2::bigint[] is null or owner_unit_id = any($2::bigint[]))
      order by blank_code, (owner_unit_id = $3) desc, id`,
    [printer, unitIds, preferUnitId],
  );
  return new Map(rows.map((r) => [r.blank_code, { x: Number(r.x), y: Number(r.y) }]));
}

/** The newest certificate of these awards (null: of any award not in `except`), for samples. */
export async function newestCertificate(q: Queryable, awards: string[] | null, except: string[]): Promise<CertificateRow | null> {
  const [r] = await q.query<CertificateRow>(
    `select ${COLUMNS} from award_certificate
      where ($1::text[] is null or award_code = any($1::text[])) and not (award_code = any($2::text[]))
      order by id desc limit 1`,
    [awards, except],
  );
  return r ? asRow(r) : null;
}
