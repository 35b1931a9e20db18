import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, audit } from '../audit/audit.ts';
import type { Scope } from '../auth/scope.ts';
import { loadForWrite } from './commands.ts';
import { personDetail } from './queries.ts';

// A person's works (công trình): initiatives recognised by a council (sáng kiến, with the scope of their effect:
// grassroots, city/ministry, national) and science projects (đề tài khoa học, accepted or not). The engine reads
// them for the titles that require one (Chiến sĩ thi đua cơ sở: an initiative recognised at grassroots level, NĐ 152
// Art 21; higher titles and Bằng khen need a wider scope). Recorded here by the unit's officer, from the council's
// recognition; a work recognised in error is withdrawn (dated), never deleted, so earlier checks stay explainable.

export const WORK_SCOPES = ['grassroots', 'ministerial_provincial', 'national'] as const;
export type WorkScope = (typeof WORK_SCOPES)[number];
export type WorkKind = 'initiative' | 'science';

export interface Work {
  id: number;
  kind: WorkKind;
  year: number;
  name: string;
  scope: WorkScope;
  recognisedOn: string | null;
  accepted: boolean | null;
  usedForAward: string | null;
  revokedOn: string | null;
}

export interface WorkInput {
  kind: WorkKind;
  year: number;
  name: string;
  scope: WorkScope;
  /** Initiatives: the date of the council's recognition. */
  recognisedOn?: string | null;
  /** Science projects: accepted (nghiệm thu). */
  accepted?: boolean | null;
}

/** The person's works, newest year first (read within the caller's read scope). */
export async function worksOf(q: Queryable, scope: Scope, personId: number): Promise<Work[]> {
  await personDetail(q, scope, personId); // NOT_FOUND outside the scope
  return q.query<Work>(
    `select id, 'initiative' as kind, year, name, scope, recognised_on::text as "recognisedOn", null::boolean as accepted, used_for_award as "usedForAward", revoked_on::text as "revokedOn"
       from person_initiative where person_id = $1
     union all
     select id, 'science', year, name, scope, null, accepted, null, revoked_on::text from person_science_project where person_id = $1
     order by year desc, kind, id`,
    [personId],
  );
}

const snapshot = (w: Work) => ({ kind: w.kind, year: w.year, name: w.name, scope: w.scope, recognisedOn: w.recognisedOn, accepted: w.accepted, revokedOn: w.revokedOn });

/**
 * Records a work of a person in the caller's scope of people.write.
 * @throws AppError NOT_FOUND | FORBIDDEN | VALIDATION_FAILED (the recognition before the year, or a duplicate name in that year)
 */
export async function addWork(q: Queryable, actor: Actor, scope: Scope, personId: number, input: WorkInput): Promise<Work> {
  const person = await loadForWrite(q, scope, personId);
  if (input.recognisedOn && Number(input.recognisedOn.slice(0, 4)) < input.year) {
    throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'recognisedOn', rule: 'not_before_year', message: `ngày công nhận trước năm ${input.year}` }] });
  }
  const table = input.kind === 'initiative' ? 'person_initiative' : 'person_science_project';
  const same = await q.query(`select 1 from ${table} where person_id = $1 and year = $2 and lower(name) = lower($3) and revoked_on is null`, [personId, input.year, input.name]);
  if (same.length > 0) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'name', rule: 'duplicate', message: `đã ghi "${input.name}" năm ${input.year}` }] });
  const [row] = input.kind === 'initiative'
    ? await q.query<{ id: number }>('insert into person_initiative (person_id, year, name, scope, recognised_on) values ($1, $2, $3, $4, $5) returning id', [personId, input.year, input.name, input.scope, input.recognisedOn ?? null])
    : await q.query<{ id: number }>('insert into person_science_project (person_id, year, name, scope, accepted) values ($1, $2, $3, $4, $5) returning id', [personId, input.year, input.name, input.scope, input.accepted ?? false]);
  const work = (await worksOf(q, { all: true }, personId)).find((w) => w.kind === input.kind && w.id === Number(row.id)) as Work;
  await audit(q, actor, [{ action: `person.${input.kind}.add`, entity: 'person', entityId: personId, orgUnitId: person.current_unit_id, before: null, after: snapshot(work) }]);
  return work;
}

/**
 * Withdraws a work recognised in error, from a date (it no longer counts for checks as of that date).
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT-like VALIDATION_FAILED when already withdrawn
 */
export async function withdrawWork(q: Queryable, actor: Actor, scope: Scope, personId: number, kind: WorkKind, workId: number, on: string): Promise<Work> {
  const person = await loadForWrite(q, scope, personId);
  const before = (await worksOf(q, { all: true }, personId)).find((w) => w.kind === kind && w.id === workId);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.revokedOn) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'revokedOn', rule: 'already_withdrawn', message: `đã thu hồi từ ${before.revokedOn}` }] });
  const table = kind === 'initiative' ? 'person_initiative' : 'person_science_project';
  await q.query(`update ${table} set revoked_on = $3 where id = $1 and person_id = $2`, [workId, personId, on]);
  const after = { ...before, revokedOn: on };
  await audit(q, actor, [{ action: `person.${kind}.withdraw`, entity: 'person', entityId: personId, orgUnitId: person.current_unit_id, before: snapshot(before), after: snapshot(after) }]);
  return after;
}
