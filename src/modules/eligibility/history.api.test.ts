import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePerson, makeUnit } from '../../../tests/support/factories.ts';
import { openTestDb } from '../../../tests/support/db.ts';
import type { Db } from '../../server/db.ts';
import { ZEligibilityInput } from '../rules/contract.ts';
import { awardsFor, checkParsed, inputFor } from '../rules/engine.ts';
import { type PersonHistory, type UnitHistory, loadPersonInput, loadUnitInput, streamPersonInputs, streamUnitInputs } from './history.ts';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

const ASOF = '2025-12-15';
const yearOf = (h: PersonHistory | UnitHistory | null, year: number) => h?.input.years?.find((y) => y.year === year);
const sqlRun = (sql: string, params: unknown[]) => db.query(sql, params);

describe('one person', () => {
  let unit: number;
  let person: number;
  beforeAll(async () => {
    unit = await makeUnit(db, { name: 'Phòng Lịch sử' });
    person = (await makePerson(db, { unitId: unit, fullName: 'Lê Thị Hà', gender: 'female', fromDate: '2019-09-01' })).id;
  });

  it('describes the subject from the employment open on asOf', async () => {
    const h = await loadPersonInput(db, person, { asOf: ASOF, award: 'advanced_worker' });
    expect(h).toMatchObject({ personId: person, name: 'Lê Thị Hà', unitId: unit, unitName: 'Phòng Lịch sử', isLeader: false, gender: 'female' });
    expect(h?.input.award).toBe('advanced_worker');
    expect(h?.input.subject).toEqual({ kind: 'individual', name: 'Lê Thị Hà', gender: 'female', category: 'civil_servant', isLeader: false, startedOn: '2019-09-01', recruitedOn: '2019-09-01', inService: true, underReview: false });
    expect(ZEligibilityInput.safeParse(h?.input).success).toBe(true);
    expect(await loadPersonInput(db, 999_999_999, { asOf: ASOF })).toBeNull();
  });

  it('takes the corrected rating, not the row it corrects nor an older one', async () => {
    const [wrong] = await db.query<{ id: number }>("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'good'), ($1, 2024, 'not_completed') returning id", [person]);
    const [fixed] = await db.query<{ id: number }>("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'excellent') returning id", [person]);
    expect(fixed.id).toBeGreaterThan(wrong.id);
    // the not_completed row is corrected by a correction to good: the latest uncorrected row wins
    await sqlRun("update person_year_rating set corrects_id = $2 where id = $1", [fixed.id, wrong.id + 1]);
    expect(yearOf(await loadPersonInput(db, person, { asOf: ASOF }), 2024)?.rating).toBe('excellent');
    await sqlRun("insert into person_year_rating (person_id, year, rating, corrects_id) values ($1, 2024, 'completed', $2)", [person, fixed.id]);
    expect(yearOf(await loadPersonInput(db, person, { asOf: ASOF }), 2024)?.rating).toBe('completed');
  });

  it('leaves out revoked titles and titles corrected by a later row', async () => {
    await sqlRun("insert into person_title (person_id, year, title_code) values ($1, 2023, 'advanced_worker')", [person]);
    await sqlRun("insert into person_title (person_id, year, title_code, revoked_on) values ($1, 2023, 'grassroots_emulation_fighter', '2025-03-01')", [person]);
    const [old] = await db.query<{ id: number }>("insert into person_title (person_id, year, title_code) values ($1, 2022, 'grassroots_emulation_fighter') returning id", [person]);
    await sqlRun("insert into person_title (person_id, year, title_code, corrects_id) values ($1, 2022, 'advanced_worker', $2)", [person, old.id]);
    const h = await loadPersonInput(db, person, { asOf: ASOF });
    expect(yearOf(h, 2023)?.titles).toEqual(['advanced_worker']);
    expect(yearOf(h, 2022)?.titles).toEqual(['advanced_worker']);
    // revoked after asOf: still held on asOf
    expect(yearOf(await loadPersonInput(db, person, { asOf: '2025-01-15' }), 2023)?.titles).toEqual(['advanced_worker', 'grassroots_emulation_fighter']);
  });

  it('lists a discipline in every year its period overlaps, and not once revoked', async () => {
    await sqlRun("insert into person_discipline (person_id, level, from_date, to_date) values ($1, 'reprimand', '2021-11-01', '2023-02-01')", [person]);
    await sqlRun("insert into person_discipline (person_id, level, from_date, to_date, revoked_on) values ($1, 'warning', '2021-01-01', '2021-06-01', '2021-03-01')", [person]);
    const h = await loadPersonInput(db, person, { asOf: ASOF });
    const d = { level: 'reprimand', from: '2021-11-01', to: '2023-02-01' };
    expect(yearOf(h, 2021)?.discipline).toEqual([d]);
    expect(yearOf(h, 2022)?.discipline).toEqual([d]);
    expect(yearOf(h, 2023)?.discipline).toEqual([d]);
    expect(yearOf(h, 2024)?.discipline).toBeUndefined();
  });

  it('counts maternity leave as work and unpaid leave not', async () => {
    await sqlRun("insert into person_leave (person_id, kind, from_date, to_date) values ($1, 'maternity', '2020-03-01', '2020-09-01'), ($1, 'unpaid', '2021-03-01', '2021-05-01')", [person]);
    const h = await loadPersonInput(db, person, { asOf: ASOF });
    expect(yearOf(h, 2020)).toMatchObject({ monthsWorked: 12, leave: [{ kind: 'maternity', months: 6 }] });
    expect(yearOf(h, 2021)).toMatchObject({ monthsWorked: 10, leave: [{ kind: 'unpaid', months: 2 }] });
    // employed from 1 September 2019: September to December
    expect(yearOf(h, 2019)?.monthsWorked).toBe(4);
    expect(yearOf(h, 2018)).toBeUndefined();
  });

  it('reads initiatives and science projects by year', async () => {
    await sqlRun("insert into person_initiative (person_id, year, name, scope, used_for_award) values ($1, 2024, 'Số hoá hồ sơ', 'grassroots', 'advanced_worker'), ($1, 2024, 'Bị thu hồi', 'national', null)", [person]);
    await sqlRun("update person_initiative set revoked_on = '2025-01-01' where person_id = $1 and name = 'Bị thu hồi'", [person]);
    await sqlRun("insert into person_science_project (person_id, year, name, scope, accepted) values ($1, 2024, 'Đề tài A', 'ministerial_provincial', true)", [person]);
    const y = yearOf(await loadPersonInput(db, person, { asOf: ASOF }), 2024);
    expect(y?.initiatives).toEqual([{ scope: 'grassroots', usedFor: 'advanced_worker', name: 'Số hoá hồ sơ' }]);
    expect(y?.scienceProjects).toEqual([{ scope: 'ministerial_provincial', accepted: true, name: 'Đề tài A' }]);
  });

  it('is under review while a case is open on asOf', async () => {
    const other = (await makePerson(db, { unitId: unit, fullName: 'Phạm Văn Xét' })).id;
    await sqlRun("insert into review_case (person_id, kind, opened_on, closed_on) values ($1, 'complaint', '2025-01-01', '2025-06-01')", [other]);
    expect((await loadPersonInput(db, other, { asOf: ASOF }))?.input.subject.underReview).toBe(false);
    expect((await loadPersonInput(db, other, { asOf: '2025-03-01' }))?.input.subject.underReview).toBe(true);
    await sqlRun("insert into review_case (person_id, kind, opened_on) values ($1, 'investigation', '2025-11-01')", [other]);
    expect((await loadPersonInput(db, other, { asOf: ASOF }))?.input.subject.underReview).toBe(true);
  });

  it('lists awards not revoked with their type', async () => {
    await sqlRun(
      `insert into award_record (person_id, form_code, award_type, decision_no, decision_date, period_from, period_to, revoked_on) values
        ($1, 'certificate_of_commendation', 'merit', '12/QĐ-UBND', '2022-05-10', 2020, 2021, null),
        ($1, 'ministerial_provincial_certificate_of_merit', 'sudden', null, '2024-08-01', null, null, null),
        ($1, 'certificate_of_commendation', 'merit', '9/QĐ', '2023-01-01', 2022, 2022, '2024-01-01')`,
      [person],
    );
    expect((await loadPersonInput(db, person, { asOf: ASOF }))?.input.awards).toEqual([
      { code: 'certificate_of_commendation', decisionDate: '2022-05-10', periodFrom: 2020, periodTo: 2021, type: 'merit', decisionNo: '12/QĐ-UBND' },
      { code: 'ministerial_provincial_certificate_of_merit', decisionDate: '2024-08-01', periodFrom: null, periodTo: null, type: 'sudden' },
    ]);
  });

  it('starts on the first of unbroken employments in the same unit', async () => {
    const p = (await makePerson(db, { unitId: unit, fromDate: '2024-01-01' })).id;
    await sqlRun("insert into employment (person_id, unit_id, position, category, from_date, to_date) values ($1, $2, 'Chuyên viên', 'public_employee', '2018-01-01', '2022-01-01'), ($1, $2, 'Chuyên viên', 'public_employee', '2022-01-01', '2024-01-01')", [p, unit]);
    expect((await loadPersonInput(db, p, { asOf: ASOF }))?.input.subject.startedOn).toBe('2018-01-01');
  });

  it('gives the first recruitment across units (a transfer keeps it, a gap starts anew) and whether still employed', async () => {
    const before = await makeUnit(db, { name: 'Sở cũ' });
    const p = (await makePerson(db, { unitId: unit, fromDate: '2025-09-01' })).id;
    // 2008–2012 elsewhere, a gap, then recruited again in 2014 and transferred in September 2025.
    await sqlRun("insert into employment (person_id, unit_id, position, category, from_date, to_date, end_reason) values ($1, $2, 'Chuyên viên', 'worker', '2008-01-01', '2012-01-01', 'resigned'), ($1, $2, 'Chuyên viên', 'civil_servant', '2014-03-01', '2025-09-01', 'transfer')", [p, before]);
    const h = await loadPersonInput(db, p, { asOf: ASOF });
    expect(h?.input.subject).toMatchObject({ startedOn: '2025-09-01', recruitedOn: '2014-03-01', inService: true });
    await sqlRun("update employment set to_date = '2025-11-01' where person_id = $1 and from_date = '2025-09-01'", [p]);
    expect((await loadPersonInput(db, p, { asOf: ASOF }))?.input.subject.inService).toBe(false);
  });

  it('keeps training and on-duty injury out of monthsWorked (the engine counts them) and gives a course its whole length', async () => {
    const p = (await makePerson(db, { unitId: unit, fromDate: '2015-01-01' })).id;
    await sqlRun("insert into person_leave (person_id, kind, from_date, to_date) values ($1, 'training', '2024-09-01', '2025-11-01'), ($1, 'injury', '2023-03-01', '2023-06-01')", [p]);
    const h = await loadPersonInput(db, p, { asOf: ASOF, award: 'advanced_worker' });
    expect(yearOf(h, 2023)).toMatchObject({ monthsWorked: 9, leave: [{ kind: 'injury', months: 3 }] });
    expect(yearOf(h, 2024)).toMatchObject({ monthsWorked: 8, leave: [{ kind: 'training', months: 4, courseMonths: 14 }] });
    expect(yearOf(h, 2025)).toMatchObject({ monthsWorked: 2, leave: [{ kind: 'training', months: 10, courseMonths: 14 }] });
    expect(ZEligibilityInput.safeParse(h?.input).success).toBe(true);
  });
});

describe('one collective', () => {
  it('counts members, their titles and discipline per year', async () => {
    const unit = await makeUnit(db, { name: 'Trường Mầm non Hoa Sen', establishedOn: '2010-01-01' });
    const ids: number[] = [];
    for (let i = 0; i < 13; i++) ids.push((await makePerson(db, { unitId: unit, gender: i < 4 ? 'female' : 'male', fromDate: '2020-01-01' })).id);
    for (const id of ids.slice(0, 9)) await sqlRun("insert into person_title (person_id, year, title_code) values ($1, 2024, 'advanced_worker')", [id]);
    await sqlRun("insert into person_title (person_id, year, title_code) values ($1, 2024, 'grassroots_emulation_fighter')", [ids[0]]);
    for (const id of ids.slice(0, 12)) await sqlRun("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'good')", [id]);
    await sqlRun("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'not_completed')", [ids[12]]);
    await sqlRun("insert into person_discipline (person_id, level, from_date, to_date) values ($1, 'warning', '2024-10-01', '2025-04-01')", [ids[12]]);
    await sqlRun("insert into unit_year_rating (unit_id, year, rating, exceeded_targets, led_cluster) values ($1, 2024, 'excellent', true, null)", [unit]);
    const h = await loadUnitInput(db, unit, { asOf: ASOF, award: 'labour_collective_excellent' });
    expect(h).toMatchObject({ unitId: unit, name: 'Trường Mầm non Hoa Sen', members: 13 });
    expect(h?.input.subject).toEqual({ kind: 'collective', name: 'Trường Mầm non Hoa Sen', startedOn: '2010-01-01', underReview: false });
    expect(yearOf(h, 2024)).toEqual({
      year: 2024, rating: 'excellent',
      collective: { members: 13, membersCompletedTasks: 12, memberTitles: { advanced_worker: 9, grassroots_emulation_fighter: 1 }, membersDisciplined: { warning: 1 }, womenPct: 30.8, exceededTargets: true },
    });
    expect(yearOf(h, 2025)?.collective).toMatchObject({ members: 13, membersDisciplined: { warning: 1 }, memberTitles: {} });
    expect(yearOf(h, 2019)).toBeUndefined();
    expect(ZEligibilityInput.safeParse(h?.input).success).toBe(true);
  });

  it('counts as members those employed on 31 December (on asOf in its year), with corrected ratings', async () => {
    const unit = await makeUnit(db, { name: 'Tổ thành viên', establishedOn: '2015-01-01' });
    const stays = (await makePerson(db, { unitId: unit, gender: 'female', fromDate: '2022-03-01' })).id;
    const left = (await makePerson(db, { unitId: unit, fromDate: '2021-01-01' })).id;
    const late = (await makePerson(db, { unitId: unit, fromDate: '2025-12-20' })).id;
    await sqlRun("update employment set to_date = '2024-12-31' where person_id = $1", [left]);
    const [wrong] = await db.query<{ id: number }>("insert into person_year_rating (person_id, year, rating) values ($1, 2023, 'not_completed') returning id", [stays]);
    await sqlRun("insert into person_year_rating (person_id, year, rating, corrects_id) values ($1, 2023, 'good', $2)", [stays, wrong.id]);
    await sqlRun("insert into person_year_rating (person_id, year, rating) values ($1, 2023, 'completed')", [left]);
    const h = await loadUnitInput(db, unit, { asOf: ASOF });
    expect(h?.input.years?.map((y) => [y.year, y.collective?.members, y.collective?.membersCompletedTasks, y.collective?.womenPct])).toEqual([
      [2021, 1, 0, 0], [2022, 2, 0, 50], [2023, 2, 2, 50], [2024, 1, 0, 100], [2025, 1, 0, 100],
    ]);
    expect(h?.members).toBe(1);
    expect((await loadUnitInput(db, unit, { asOf: '2025-12-31' }))?.members).toBe(2);
    expect(late).toBeGreaterThan(0);
  });

  it('reads member statistics from memberStatsFrom on (discovery), and no check of the year under review changes', async () => {
    const unit = await makeUnit(db, { name: 'Tổ Chỉ Năm Xét', establishedOn: '2015-01-01' });
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await makePerson(db, { unitId: unit, gender: i % 2 ? 'female' : 'male', fromDate: '2020-01-01' })).id);
    for (const [k, id] of ids.entries()) {
      for (const year of [2023, 2024, 2025]) {
        await sqlRun('insert into person_year_rating (person_id, year, rating) values ($1, $2, $3)', [id, year, k < 8 ? 'excellent' : 'good']);
        if (k < (year === 2025 ? 7 : 9)) await sqlRun("insert into person_title (person_id, year, title_code) values ($1, $2, 'advanced_worker')", [id, year]);
      }
    }
    await sqlRun("insert into person_title (person_id, year, title_code) values ($1, 2025, 'grassroots_emulation_fighter')", [ids[0]]);
    await sqlRun("insert into unit_year_rating (unit_id, year, rating, exceeded_targets, led_cluster) values ($1, 2024, 'excellent', true, true), ($1, 2025, 'excellent', true, true)", [unit]);
    await sqlRun("insert into unit_title (unit_id, year, title_code) values ($1, 2024, 'ministerial_provincial_emulation_flag')", [unit]);
    const full = await loadUnitInput(db, unit, { asOf: '2026-01-10' });
    const lean = await loadUnitInput(db, unit, { asOf: '2026-01-10', memberStatsFrom: 2025 });
    expect(yearOf(full, 2024)?.collective?.members).toBe(10);
    expect(yearOf(lean, 2024)?.collective).toBeUndefined();
    expect(yearOf(lean, 2024)?.titles).toEqual(['ministerial_provincial_emulation_flag']);
    expect(yearOf(lean, 2025)).toEqual(yearOf(full, 2025));
    expect(lean?.members).toBe(full?.members);
    const statuses = new Set<unknown>();
    for (const award of awardsFor('collective', '2026-01-10')) {
      const check = (h: UnitHistory | null) => checkParsed(inputFor(h?.input ?? { award, asOf: '', subject: { kind: 'collective' } }, award, '2026-01-10', 2025));
      expect(check(lean), award).toEqual(check(full));
      statuses.add(check(full).eligible);
    }
    expect(statuses).toEqual(new Set([true, false, 'needs_review'])); // 7 of 10 advanced workers: one step from some titles
  });

  it("includes its predecessors' titles and awards, and an open review case", async () => {
    const parent = await makeUnit(db, { name: 'Sở thử' });
    const oldA = await makeUnit(db, { parentId: parent, name: 'Trạm A' });
    const oldB = await makeUnit(db, { parentId: parent, name: 'Trạm B' });
    const merged = await makeUnit(db, { parentId: parent, name: 'Trung tâm AB', establishedOn: '2025-07-01' });
    const [ev] = await db.query<{ id: number }>("insert into org_event (kind, effective_on, unit_ids) values ('merge', '2025-07-01', $1) returning id", [[oldA, oldB, merged]]);
    await sqlRun('insert into org_lineage (predecessor_id, successor_id, event_id, effective_on) values ($1, $3, $4, $5), ($2, $3, $4, $5)', [oldA, oldB, merged, ev.id, '2025-07-01']);
    await sqlRun("update org_unit set dissolved_on = '2025-07-01' where id = any($1::bigint[])", [[oldA, oldB]]);
    await sqlRun("insert into unit_title (unit_id, year, title_code) values ($1, 2023, 'labour_collective_excellent'), ($2, 2024, 'advanced_labour_collective'), ($3, 2025, 'advanced_labour_collective')", [oldA, oldB, merged]);
    await sqlRun("insert into award_record (unit_id, form_code, award_type, decision_date) values ($1, 'certificate_of_commendation', 'merit', '2024-03-01')", [oldA]);
    await sqlRun("insert into review_case (unit_id, kind, opened_on) values ($1, 'inspection', '2025-10-01')", [merged]);
    const h = await loadUnitInput(db, merged, { asOf: ASOF });
    expect(h?.parentName).toBe('Sở thử');
    expect(h?.input.subject).toMatchObject({ startedOn: '2025-07-01', underReview: true });
    expect(h?.input.years?.map((y) => [y.year, y.titles])).toEqual([[2023, ['labour_collective_excellent']], [2024, ['advanced_labour_collective']], [2025, ['advanced_labour_collective']]]);
    expect(h?.input.awards).toEqual([{ code: 'certificate_of_commendation', decisionDate: '2024-03-01', periodFrom: null, periodTo: null, type: 'merit' }]);
    // dissolved units are not streamed, the successor is
    const seen: number[] = [];
    await streamUnitInputs(db, { unitIds: [oldA, oldB, merged], asOf: ASOF, fromYear: 2020 }, (b) => { seen.push(...b.map((u) => u.unitId)); });
    expect(seen).toEqual([merged]);
  });
});

describe('streaming', () => {
  let unitA: number;
  let unitB: number;
  let inA: number[];
  beforeAll(async () => {
    unitA = await makeUnit(db, { name: 'Tổ A' });
    unitB = await makeUnit(db, { name: 'Tổ B' });
    inA = [];
    for (let i = 0; i < 5; i++) inA.push((await makePerson(db, { unitId: unitA, gender: i % 2 ? 'male' : 'female', fromDate: `201${i}-03-01` })).id);
    await makePerson(db, { unitId: unitB });
    const left = (await makePerson(db, { unitId: unitA })).id;
    await sqlRun("update employment set to_date = '2025-01-01' where person_id = $1", [left]);
    await sqlRun("insert into person_year_rating (person_id, year, rating) values ($1, 2024, 'excellent'), ($2, 2023, 'good')", [inA[0], inA[3]]);
    await sqlRun("insert into person_leave (person_id, kind, from_date, to_date) values ($1, 'sick', '2024-02-10', '2024-03-20')", [inA[1]]);
    await sqlRun("insert into person_discipline (person_id, level, from_date) values ($1, 'reprimand', '2025-02-01')", [inA[2]]);
    await sqlRun("insert into award_record (person_id, form_code, decision_date) values ($1, 'certificate_of_commendation', '2024-02-01')", [inA[4]]);
  });

  it('streams the people of the units in scope in batches, all of them', async () => {
    const batches: number[][] = [];
    const n = await streamPersonInputs(db, { unitIds: [unitA], asOf: ASOF, fromYear: 2015, batchSize: 2 }, (b) => { batches.push(b.map((p) => p.personId)); });
    expect(n).toBe(5);
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat()).toEqual(inA);
  });

  it('agrees with the single load for the same people', async () => {
    const streamed: PersonHistory[] = [];
    await streamPersonInputs(db, { unitIds: [unitA, unitB], asOf: ASOF, fromYear: 2015, batchSize: 4 }, (b) => { streamed.push(...b); });
    expect(streamed).toHaveLength(6);
    for (const s of streamed) expect(JSON.stringify(s)).toBe(JSON.stringify(await loadPersonInput(db, s.personId, { asOf: ASOF, fromYear: 2015 })));
    expect(streamed.every((s) => s.input.years?.every((y) => y.year >= 2015))).toBe(true);
  });

  it("streams everyone employed on asOf with 'all'", async () => {
    const seen = new Set<number>();
    const n = await streamPersonInputs(db, { unitIds: 'all', asOf: ASOF, fromYear: 2024, batchSize: 3 }, (b) => { for (const p of b) seen.add(p.personId); });
    expect(n).toBe(seen.size);
    for (const id of inA) expect(seen.has(id)).toBe(true);
  });

  it('agrees with the single load for collectives', async () => {
    const streamed: UnitHistory[] = [];
    await streamUnitInputs(db, { unitIds: [unitA, unitB], asOf: ASOF, fromYear: 1945, batchSize: 1 }, (b) => { streamed.push(...b); });
    expect(streamed.map((u) => u.unitId)).toEqual([unitA, unitB]);
    for (const s of streamed) expect(JSON.stringify(s)).toBe(JSON.stringify(await loadUnitInput(db, s.unitId, { asOf: ASOF })));
  });
});
