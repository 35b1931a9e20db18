import type { Queryable } from '../../server/db.ts';
import { AppError } from '../../shared/errors.ts';
import { type Actor, type AuditEntry, audit } from '../audit/audit.ts';
import { latestUnitNames } from '../org/names.ts';

// The titles (danh hiệu thi đua) and awards (hình thức khen thưởng) a decision confers, written into people's and
// units' history: the published command of the module that owns person_title, unit_title and award_record. The
// caller (the decisions register) has checked scope and the catalogue; one statement per kind of write, whatever the
// number of rows, in the caller's transaction, so the change feed (migration 0017) makes eligibility and discovery
// see them as soon as it commits.

/** A title for a year, of a person (with the unit they held it in) or of a collective. */
export interface TitleWrite {
  personId?: number | null;
  /** The collective awarded, or (with personId) the unit the person held the title in. */
  unitId?: number | null;
  year: number;
  titleCode: string;
  decisionNo: string;
  decisionDate: string;
  decisionId?: number | null;
}

/** A commendation form (Giấy khen, Bằng khen, order, medal) of a person or a collective, for an achievement period. */
export interface AwardWrite {
  personId?: number | null;
  unitId?: number | null;
  formCode: string;
  awardType: 'merit' | 'sudden' | 'movement' | 'contribution' | 'seniority' | 'external';
  decisionNo: string;
  decisionDate: string;
  periodFrom: number | null;
  periodTo: number | null;
  issuerUnitId: number | null;
  decisionId?: number | null;
}

const ids = <T>(rows: T[], pick: (r: T) => number | null | undefined) => rows.map((r) => pick(r) ?? null);

/** The refusal of a second record, naming the subject (the caller may put the award's name in `awardName`). */
async function alreadyRecorded(q: Queryable, personId: number | null, unitId: number | null, award: string, period: string): Promise<AppError> {
  const name = personId !== null
    ? (await q.query<{ full_name: string }>('select full_name from person where id = $1', [personId]))[0]?.full_name
    : (await latestUnitNames(q, [unitId])).get(unitId as number);
  return new AppError('AWARD_ALREADY_RECORDED', { personId, unitId, name: name ?? '', award, awardName: award, period });
}

/**
 * Refuses a title the subject already holds for that year (not revoked, not corrected away).
 * @throws AppError AWARD_ALREADY_RECORDED naming the subject, the title and the year
 */
async function assertNewTitles(q: Queryable, people: TitleWrite[], units: TitleWrite[]): Promise<void> {
  const held = await q.query<{ person_id: number | null; unit_id: number | null; title_code: string; year: number }>(
    `select t.person_id, null::bigint as unit_id, t.title_code, t.year
       from person_title t join unnest($1::bigint[], $2::text[], $3::int[]) as w(id, code, year)
         on t.person_id = w.id and t.title_code = w.code and t.year = w.year
      where t.revoked_on is null and not exists (select 1 from person_title c where c.corrects_id = t.id)
     union all
     select null, t.unit_id, t.title_code, t.year
       from unit_title t join unnest($4::bigint[], $5::text[], $6::int[]) as w(id, code, year)
         on t.unit_id = w.id and t.title_code = w.code and t.year = w.year
      where t.revoked_on is null and not exists (select 1 from unit_title c where c.corrects_id = t.id)
      limit 1`,
    [ids(people, (r) => r.personId), people.map((r) => r.titleCode), people.map((r) => r.year), ids(units, (r) => r.unitId), units.map((r) => r.titleCode), units.map((r) => r.year)],
  );
  const h = held[0];
  if (h) throw await alreadyRecorded(q, h.person_id, h.unit_id, h.title_code, String(h.year));
}

/**
 * Writes titles into people's (person_title) and collectives' (unit_title) history, one audit entry per row.
 * @throws AppError AWARD_ALREADY_RECORDED when a subject already holds the title for the year
 */
export async function recordTitles(q: Queryable, actor: Actor, rows: TitleWrite[]): Promise<void> {
  if (rows.length === 0) return;
  const people = rows.filter((r) => r.personId != null);
  const units = rows.filter((r) => r.personId == null);
  if (units.some((r) => r.unitId == null)) throw new AppError('VALIDATION_FAILED', { field: 'unitId', summary: 'a title names a person or a unit' });
  await assertNewTitles(q, people, units);
  const entries: AuditEntry[] = [];
  if (people.length > 0) {
    const made = await q.query<{ id: number; person_id: number; unit_id: number | null; year: number; title_code: string; decision_no: string; decision_date: string; decision_id: number | null }>(
      `insert into person_title (person_id, unit_id, year, title_code, decision_no, decision_date, decision_id)
       select * from unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::date[], $7::bigint[])
       returning id, person_id, unit_id, year, title_code, decision_no, decision_date::text, decision_id`,
      [ids(people, (r) => r.personId), ids(people, (r) => r.unitId), people.map((r) => r.year), people.map((r) => r.titleCode), people.map((r) => r.decisionNo), people.map((r) => r.decisionDate), ids(people, (r) => r.decisionId)],
    );
    for (const m of made) entries.push({ action: 'person.title.record', entity: 'person_title', entityId: m.id, orgUnitId: m.unit_id, before: null, after: { personId: m.person_id, year: m.year, titleCode: m.title_code, decisionNo: m.decision_no, decisionDate: m.decision_date, decisionId: m.decision_id } });
  }
  if (units.length > 0) {
    const made = await q.query<{ id: number; unit_id: number; year: number; title_code: string; decision_no: string; decision_date: string; decision_id: number | null }>(
      `insert into unit_title (unit_id, year, title_code, decision_no, decision_date, decision_id)
       select * from unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::date[], $6::bigint[])
       returning id, unit_id, year, title_code, decision_no, decision_date::text, decision_id`,
      [ids(units, (r) => r.unitId), units.map((r) => r.year), units.map((r) => r.titleCode), units.map((r) => r.decisionNo), units.map((r) => r.decisionDate), ids(units, (r) => r.decisionId)],
    );
    for (const m of made) entries.push({ action: 'unit.title.record', entity: 'unit_title', entityId: m.id, orgUnitId: m.unit_id, before: null, after: { unitId: m.unit_id, year: m.year, titleCode: m.title_code, decisionNo: m.decision_no, decisionDate: m.decision_date, decisionId: m.decision_id } });
  }
  await audit(q, actor, entries);
}

/**
 * Writes commendation forms into the history (award_record), one audit entry per row.
 * @throws AppError AWARD_ALREADY_RECORDED when a subject already holds the form for the same period
 */
export async function recordAwards(q: Queryable, actor: Actor, rows: AwardWrite[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.some((r) => (r.personId == null) === (r.unitId == null))) throw new AppError('VALIDATION_FAILED', { field: 'personId', summary: 'an award names a person or a unit' });
  const cols = [ids(rows, (r) => r.personId), ids(rows, (r) => r.unitId), rows.map((r) => r.formCode), rows.map((r) => r.periodFrom), rows.map((r) => r.periodTo)];
  const [held] = await q.query<{ person_id: number | null; unit_id: number | null; form_code: string; period_from: number | null; period_to: number | null }>(
    `select a.person_id, a.unit_id, a.form_code, a.period_from, a.period_to
       from award_record a join unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::int[]) as w(person_id, unit_id, code, pf, pt)
         on (a.person_id = w.person_id or a.unit_id = w.unit_id) and a.form_code = w.code
        and a.period_from is not distinct from w.pf and a.period_to is not distinct from w.pt
      where a.revoked_on is null limit 1`,
    cols,
  );
  if (held) throw await alreadyRecorded(q, held.person_id, held.unit_id, held.form_code, held.period_from === held.period_to ? String(held.period_from) : `${held.period_from}–${held.period_to}`);
  const made = await q.query<{ id: number; person_id: number | null; unit_id: number | null; form_code: string; award_type: string; decision_no: string; decision_date: string; period_from: number | null; period_to: number | null; issuer_unit_id: number | null; decision_id: number | null }>(
    `insert into award_record (person_id, unit_id, form_code, period_from, period_to, award_type, decision_no, decision_date, issuer_unit_id, decision_id)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::date[], $9::bigint[], $10::bigint[])
     returning id, person_id, unit_id, form_code, award_type, decision_no, decision_date::text, period_from, period_to, issuer_unit_id, decision_id`,
    [...cols, rows.map((r) => r.awardType), rows.map((r) => r.decisionNo), rows.map((r) => r.decisionDate), ids(rows, (r) => r.issuerUnitId), ids(rows, (r) => r.decisionId)],
  );
  await audit(q, actor, made.map((m) => ({
    action: 'award.record', entity: 'award_record', entityId: m.id, orgUnitId: m.unit_id ?? m.issuer_unit_id, before: null,
    after: { personId: m.person_id, unitId: m.unit_id, formCode: m.form_code, awardType: m.award_type, decisionNo: m.decision_no, decisionDate: m.decision_date, periodFrom: m.period_from, periodTo: m.period_to, decisionId: m.decision_id },
  })));
}

/** Who of a decision loses its award: a person or a collective, and the award (title or form) the decision gave. */
export interface RevokedSubject {
  personId: number | null;
  unitId: number | null;
  awardCode: string;
}

/**
 * Withdraws what a decision wrote into people's and collectives' history (a revocation, Law Art 93): the titles and
 * forms the decision gave these subjects (and a correction made of such a row) get `revoked_on`, from which day the
 * engine, discovery and counts no longer see them. Rows already revoked are left as they are. One statement per table
 * whatever the number of subjects, one audit entry per row; the change feed refreshes the digests when it commits.
 * @returns the number of history rows revoked
 */
export async function revokeDecisionRecords(q: Queryable, actor: Actor, decisionId: number, subjects: RevokedSubject[], revokedOn: string): Promise<number> {
  if (subjects.length === 0) return 0;
  const args = [decisionId, ids(subjects, (s) => s.personId), ids(subjects, (s) => s.unitId), subjects.map((s) => s.awardCode), revokedOn];
  const w = 'unnest($2::bigint[], $3::bigint[], $4::text[]) as w(person_id, unit_id, code)';
  // A row the decision wrote, or a correction made of one (corrections carry no decision).
  const ofDecision = (table: string, match: string) => `(select t.id from ${table} t join ${w} on ${match} where t.decision_id = $1)`;
  const personTitle = ofDecision('person_title', 't.person_id = w.person_id and t.title_code = w.code');
  const unitTitle = ofDecision('unit_title', 'w.person_id is null and t.unit_id = w.unit_id and t.title_code = w.code');
  const award = ofDecision('award_record', '(t.person_id = w.person_id or (w.person_id is null and t.person_id is null and t.unit_id = w.unit_id)) and t.form_code = w.code');
  const people = await q.query<{ id: number; person_id: number; unit_id: number | null; year: number; title_code: string }>(
    `update person_title t set revoked_on = $5 where t.revoked_on is null and (t.id in ${personTitle} or t.corrects_id in ${personTitle})
     returning t.id, t.person_id, t.unit_id, t.year, t.title_code`,
    args,
  );
  const units = await q.query<{ id: number; unit_id: number; year: number; title_code: string }>(
    `update unit_title t set revoked_on = $5 where t.revoked_on is null and (t.id in ${unitTitle} or t.corrects_id in ${unitTitle})
     returning t.id, t.unit_id, t.year, t.title_code`,
    args,
  );
  const awards = await q.query<{ id: number; person_id: number | null; unit_id: number | null; form_code: string; issuer_unit_id: number | null }>(
    `update award_record t set revoked_on = $5 where t.revoked_on is null and t.id in ${award}
     returning t.id, t.person_id, t.unit_id, t.form_code, t.issuer_unit_id`,
    args,
  );
  const entries: AuditEntry[] = [
    ...people.map((m) => ({ action: 'person.title.revoke', entity: 'person_title', entityId: m.id, orgUnitId: m.unit_id, before: { revokedOn: null }, after: { personId: m.person_id, year: m.year, titleCode: m.title_code, revokedOn, decisionId } })),
    ...units.map((m) => ({ action: 'unit.title.revoke', entity: 'unit_title', entityId: m.id, orgUnitId: m.unit_id, before: { revokedOn: null }, after: { unitId: m.unit_id, year: m.year, titleCode: m.title_code, revokedOn, decisionId } })),
    ...awards.map((m) => ({ action: 'award.revoke', entity: 'award_record', entityId: m.id, orgUnitId: m.unit_id ?? m.issuer_unit_id, before: { revokedOn: null }, after: { personId: m.person_id, unitId: m.unit_id, formCode: m.form_code, revokedOn, decisionId } })),
  ];
  await audit(q, actor, entries);
  return entries.length;
}
