// The authority wording (document_wording): what an issuing body prints. A unit's own row wins over its kind's
// default; texts may name the unit with placeholders ({UNIT}, {Unit}, {UNIT_PLACE}, {PARENT}, {SHORT}).
import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import { assertVersion } from '../audit/changes.ts';
import { latestUnitNames } from '../org/names.ts';
import { findUnit } from '../org/repo.ts';
import { upperVi } from './format.ts';

export interface WordingFields {
  parentBody: string;
  issuingBody: string;
  bodyAbbrev: string;
  place: string;
  headTitle: string;
  authorityLine: string;
  collectiveLine: string;
  bases: string[];
  proposer: string;
  executors: string;
  recipients: string[];
  archive: string;
}

export interface WordingRow extends WordingFields {
  id: number;
  unitId: number | null;
  unitKind: string | null;
  version: number;
  updatedAt: string;
}

const COLUMNS = `id, unit_id as "unitId", unit_kind as "unitKind", parent_body as "parentBody", issuing_body as "issuingBody",
  body_abbrev as "bodyAbbrev", place, head_title as "headTitle", authority_line as "authorityLine", collective_line as "collectiveLine",
  bases, proposer, executors, recipients, archive, version, updated_at as "updatedAt"`;

export function listWordings(q: Queryable): Promise<WordingRow[]> {
  return q.query<WordingRow>(`select ${COLUMNS} from document_wording order by unit_id nulls first, unit_kind, id`);
}

async function wordingById(q: Queryable, id: number, lock = false): Promise<WordingRow | null> {
  return (await q.query<WordingRow>(`select ${COLUMNS} from document_wording where id = $1${lock ? ' for update' : ''}`, [id]))[0] ?? null;
}

/** The wording a unit prints with, its placeholders filled; null fields come from its kind's row. */
export interface ResolvedWording extends WordingFields {
  unitId: number;
  unitName: string;
  /** Which row it came from (the unit's own or its kind's default). */
  wordingId: number;
}

const initials = (name: string) => name.split(/\s+/).filter(Boolean).map((w) => upperVi(w[0])).join('');

/**
 * The wording for a unit: its own row, else the default of its kind.
 * @throws AppError NOT_FOUND (field unitId) when the unit does not exist; DOCUMENT_INCOMPLETE (field wording) when
 * neither row exists (an administrator deleted the kind's default)
 */
export async function wordingFor(q: Queryable, unitId: number): Promise<ResolvedWording> {
  const unit = await findUnit(q, unitId);
  if (!unit) throw new AppError('NOT_FOUND', { field: 'unitId', unitId });
  const rows = await q.query<WordingRow>(`select ${COLUMNS} from document_wording where unit_id = $1 or unit_kind = $2 order by unit_id nulls last limit 1`, [unitId, unit.kind]);
  const row = rows[0];
  if (!row) throw new AppError('DOCUMENT_INCOMPLETE', { field: 'wording', reason: `chưa có mẫu lời văn cho loại đơn vị ${unit.kind}` });
  const parent = unit.parentId ? ((await latestUnitNames(q, [unit.parentId])).get(unit.parentId) ?? '') : '';
  const vars: Record<string, string> = {
    UNIT: upperVi(unit.name), Unit: unit.name, UNIT_PLACE: unit.name.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/u, ''),
    PARENT: upperVi(parent), SHORT: (unit.shortName ?? '').replace(/\s+/g, '') || initials(unit.name),
  };
  const fill = (s: string) => s.replace(/\{(UNIT|Unit|UNIT_PLACE|PARENT|SHORT)\}/g, (_, k: string) => vars[k]);
  return {
    unitId, unitName: unit.name, wordingId: row.id,
    parentBody: fill(row.parentBody), issuingBody: fill(row.issuingBody), bodyAbbrev: fill(row.bodyAbbrev), place: fill(row.place),
    headTitle: fill(row.headTitle), authorityLine: fill(row.authorityLine), collectiveLine: fill(row.collectiveLine),
    bases: row.bases.map(fill), proposer: fill(row.proposer), executors: fill(row.executors), recipients: row.recipients.map(fill), archive: fill(row.archive),
  };
}

const FIELD_COLUMNS: Record<keyof WordingFields, string> = {
  parentBody: 'parent_body', issuingBody: 'issuing_body', bodyAbbrev: 'body_abbrev', place: 'place', headTitle: 'head_title',
  authorityLine: 'authority_line', collectiveLine: 'collective_line', bases: 'bases', proposer: 'proposer', executors: 'executors',
  recipients: 'recipients', archive: 'archive',
};

const valuesOf = (f: WordingFields) => (Object.keys(FIELD_COLUMNS) as (keyof WordingFields)[]).map((k) => (Array.isArray(f[k]) ? JSON.stringify(f[k]) : f[k]));
const snapshot = (r: WordingRow) => ({ ...r, updatedAt: undefined });

/**
 * Replaces a wording row's texts (document.template; audited; by version).
 * @throws AppError NOT_FOUND | VERSION_CONFLICT
 */
export async function updateWording(q: Queryable, actor: Actor, id: number, input: WordingFields & { version: number }): Promise<WordingRow> {
  const before = await wordingById(q, id, true);
  if (!before) throw new AppError('NOT_FOUND');
  await assertVersion(q, 'document_wording', id, before.version, input.version);
  const cols = Object.values(FIELD_COLUMNS);
  await q.query(
    `update document_wording set ${cols.map((c, i) => `${c} = $${i + 2}${c === 'bases' || c === 'recipients' ? '::jsonb' : ''}`).join(', ')},
            version = version + 1, updated_at = now() where id = $1`,
    [id, ...valuesOf(input)],
  );
  const after = (await wordingById(q, id)) as WordingRow;
  await audit(q, actor, [{ action: 'document.wording.update', entity: 'document_wording', entityId: id, orgUnitId: before.unitId, before: snapshot(before), after: snapshot(after) }]);
  return after;
}

/**
 * A unit's own wording, starting from the wording it prints with today (document.template; audited).
 * @throws AppError NOT_FOUND (field unitId) | DOCUMENT_CONTENT_INVALID (field unitId: the unit has its own row already)
 */
export async function createUnitWording(q: Queryable, actor: Actor, unitId: number): Promise<WordingRow> {
  const exists = await q.query<{ id: number }>('select id from document_wording where unit_id = $1', [unitId]);
  if (exists[0]) throw new AppError('DOCUMENT_CONTENT_INVALID', { field: 'unitId', reason: `đơn vị đã có mẫu lời văn riêng (mã ${exists[0].id})`, wordingId: exists[0].id });
  const w = await wordingFor(q, unitId);
  const cols = Object.values(FIELD_COLUMNS);
  const [{ id }] = await q.query<{ id: number }>(
    `insert into document_wording (unit_id, ${cols.join(', ')}) values ($1, ${cols.map((c, i) => `$${i + 2}${c === 'bases' || c === 'recipients' ? '::jsonb' : ''}`).join(', ')}) returning id`,
    [unitId, ...valuesOf(w)],
  );
  const after = (await wordingById(q, id)) as WordingRow;
  await audit(q, actor, [{ action: 'document.wording.create', entity: 'document_wording', entityId: id, orgUnitId: unitId, before: null, after: snapshot(after) }]);
  return after;
}
